#!/usr/bin/env bash
# Builds every module and the self-contained compiler jar behind bin/xambac (no tests; see scripts/test.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
mvn -q -B install -DskipTests
echo "build.sh: bin/xambac is ready ($(ls -1 xambac/target/xambac.jar))" >&2
