#!/usr/bin/env bash
# Fuzzes xambac's Jazzer targets (xambac/src/test/java/dev/xamba/cli/fuzz/CompileFuzzTest.java), one after the other:
#   bench/fuzz.sh MINUTES [TARGET...]     TARGET: onnxModel, openVinoIr, textualIr, referenceArrays (default: all)
#                                         MINUTES: a whole number, at least 1
# Each target runs for MINUTES with JAZZER_FUZZ=1 through the Maven reactor (nothing is installed). A crashing
# input is written by Jazzer into src/test/resources/dev/xamba/cli/fuzz/CompileFuzzTestInputs/<target>/, where
# the normal test run replays it: fix the bug, keep the file. The inputs Jazzer found interesting go to
# xambac/.cifuzz-corpus/ (ignored by git). The last "#N DONE" / "Done N runs" line gives the execution count.
# Exits 0 only when every target ran clean; otherwise with the first failing target's Maven status (1 when Maven
# exited 0 but the log shows a finding). Not part of CI: it takes as long as you ask.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
known=(onnxModel openVinoIr textualIr referenceArrays)
usage="usage: bench/fuzz.sh MINUTES [onnxModel|openVinoIr|textualIr|referenceArrays ...]"
minutes=${1:?$usage}
shift
# libFuzzer reads -max_total_time=0 as "no limit", and bash arithmetic reads a non-number as 0 (or as a variable).
if ! [[ $minutes =~ ^[0-9]+$ ]] || (( 10#$minutes == 0 )); then
  echo "fuzz.sh: MINUTES must be a whole number of minutes, at least 1 (got '$minutes')" >&2
  echo "$usage" >&2
  exit 2
fi
minutes=$((10#$minutes))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${known[@]}")
# An unknown target would match no test: Maven (with failIfNoSpecifiedTests=false) would fuzz nothing and succeed.
for t in "${targets[@]}"; do
  case " ${known[*]} " in
    *" $t "*) ;;
    *) echo "fuzz.sh: unknown target '$t'" >&2; echo "$usage" >&2; exit 2 ;;
  esac
done
mkdir -p out/fuzz
status=0
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
  finding=0
  if grep -aq -E 'ERROR: libFuzzer|== Java Exception|FuzzerSecurityIssue|Timeout|crash-' "$log"; then
    grep -aE -m5 'Java Exception|Timeout|crash-|Caused by' "$log" || true
    echo "$t: FINDING (see $log)" >&2
    finding=1
  fi
  echo "$t: exit $rc" >&2
  # The first failing target's status is the script's; later targets still run.
  if [ "$status" -eq 0 ]; then
    if [ "$rc" -ne 0 ]; then status=$rc; elif [ "$finding" -ne 0 ]; then status=1; fi
  fi
done
[ "$status" -eq 0 ] || echo "fuzz.sh: failed (exit $status): see the FINDING / exit lines above" >&2
exit "$status"
