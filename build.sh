#!/usr/bin/env bash
# Builds every module and the self-contained compiler jar behind bin/xambac (no tests; see scripts/test.sh), then
# the AppCDS archive bin/xambac starts from (the classes of a real compile, so start-up skips loading and verifying them).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
mvn -q -B install -DskipTests
scripts/build-cds.sh
echo "build.sh: bin/xambac is ready ($(scripts/xambac-jar.sh))" >&2
