#!/usr/bin/env bash
# Builds every module and the self-contained compiler jar behind bin/xambac (no tests; see scripts/test.sh), then
# the AppCDS archive bin/xambac starts from (classes of a real compile, so start-up skips loading and verifying them).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
mvn -q -B install -DskipTests
jar=$(scripts/xambac-jar.sh)
jsa=xambac/target/xambac.jsa
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f "$jsa"
# The training run: one f16 compile of a real export (import, passes, codegen). A failed dump only costs start-up time.
java -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -Dxamba.home="$root" -jar "$jar" compile testdata/mamba2_tiny_l2_t16.onnx -o "$tmp/train.xml" --compress-fp16 \
  || { echo "build.sh: no AppCDS archive (the training run failed); bin/xambac starts without it" >&2; rm -f "$jsa"; }
echo "build.sh: bin/xambac is ready ($(ls -1 "$jar"))" >&2
