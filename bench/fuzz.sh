#!/usr/bin/env bash
# Fuzzes xambac's Jazzer targets (xambac/src/test/java/dev/xamba/cli/fuzz/CompileFuzzTest.java), one after the other:
#   bench/fuzz.sh MINUTES [TARGET...]     TARGET: onnxModel, openVinoIr, textualIr, referenceArrays (default: all)
# Each target runs for MINUTES with JAZZER_FUZZ=1 through the Maven reactor (nothing is installed). A crashing
# input is written by Jazzer into src/test/resources/dev/xamba/cli/fuzz/CompileFuzzTestInputs/<target>/, where
# the normal test run replays it: fix the bug, keep the file. The inputs Jazzer found interesting go to
# xambac/.cifuzz-corpus/ (ignored by git). The last "#N DONE" / "Done N runs" line gives the execution count.
# Not part of CI: it takes as long as you ask.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
minutes=${1:?usage: bench/fuzz.sh MINUTES [onnxModel|openVinoIr|textualIr|referenceArrays ...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(onnxModel openVinoIr textualIr referenceArrays)
mkdir -p out/fuzz
for t in "${targets[@]}"; do
  log="out/fuzz/$t.log"
  echo "== fuzzing $t for $minutes min (log: $log)" >&2
  set +e
  # jazzer.internal.arg.N are libFuzzer's arguments (arg.0 is argv[0]); the last -max_total_time wins over the
  # annotation's. -timeout: an input that takes longer than this is a finding (a hang, or unbounded work).
  # Only xambac's fuzz-corpus-replay execution (the JVM of its own), not also the default one: -Dtest would make
  # both run the target.
  JAZZER_FUZZ=1 mvn -B -q test-compile surefire:test@fuzz-corpus-replay -pl xambac -am -Dtest="CompileFuzzTest#$t" \
      -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=$((minutes * 60)) \
      -Djazzer.internal.arg.2=-timeout=30 -Djazzer.internal.arg.3=-print_final_stats=1 \
      -DtrimStackTrace=false > "$log" 2>&1
  rc=$?
  set -e
  grep -aE '^#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units' "$log" | tail -3 || true
  if grep -aq -E 'ERROR: libFuzzer|== Java Exception|FuzzerSecurityIssue|Timeout|crash-' "$log"; then
    grep -aE -m5 'Java Exception|Timeout|crash-|Caused by' "$log" || true
    echo "$t: FINDING (see $log)" >&2
  fi
  echo "$t: exit $rc" >&2
done
