#!/usr/bin/env bash
# Builds the AppCDS archive bin/xambac starts from, beside the jar (xambac/target/xambac.jsa): the classes of a real
# compile, parsed and verified once here instead of on every start. build.sh and bench/compile_bench.sh call it
# after building the jar.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=$(scripts/xambac-jar.sh)
if [ -z "$jar" ]; then echo "build-cds.sh: xambac's jar is not built" >&2; exit 1; fi
jsa=xambac/target/xambac.jsa
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f "$jsa"
# A static archive (a class list from a training run, then -Xshare:dump), not a dynamic one (-XX:ArchiveClassesAtExit):
# JDK 17's dynamic archive leaves out classes older than Java 6 bytecode, and picocli's are Java 5, so ~180 of them
# were loaded and verified from the jar on every start. Measured on a 1-layer 130M-shaped compile: 0.44 -> 0.34 s.
# The training run is one f16 compile of a real export (import, passes, codegen). A failed dump only costs start-up.
if java -XX:DumpLoadedClassList="$tmp/classes.lst" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dxamba.home="$root" \
     -jar "$jar" compile testdata/mamba2_tiny_l2_t16.onnx -o "$tmp/train.xml" --compress-fp16 \
   && java -Xshare:dump -XX:SharedClassListFile="$tmp/classes.lst" -XX:SharedArchiveFile="$jsa" -XX:+UseSerialGC \
     -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar" >"$tmp/dump.log" 2>&1; then :
else
  echo "build-cds.sh: no AppCDS archive (the training run or the dump failed); bin/xambac starts without it" >&2
  rm -f "$jsa"
fi
