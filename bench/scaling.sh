#!/usr/bin/env bash
# Issue 7's scaling check: runs PassScalingBenchmark (JMH, single shot per invocation) and prints a Markdown
# table of time per op at each size (median of the measured invocations, robust on a shared machine), with the
# largest/smallest per-op ratio (the goal: at most 2).
#   bench/scaling.sh                      # all passes at n = 10000, 80000, 320000
#   bench/scaling.sh -p n=10000,80000     # any JMH options are passed through
#   JMH_JAVA_OPTS=-Djmh.ignoreLock=true bench/scaling.sh   # when another JMH run holds /tmp/jmh.lock
# Builds with `mvn package` (never install: ~/.m2 is shared). Keep it out of CI: it takes minutes.
# Fails (non-zero exit) when any benchmark fails or any requested (pass, n) is missing from the results.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -B package -DskipTests -pl bench -am >&2
json=$(mktemp --suffix=.json)
expected=$(mktemp --suffix=.params)
trap 'rm -f "$json" "$expected"' EXIT
# The (pass, n) pairs asked for: the annotation's values as overridden by any -p in "$@" (JMH's -lp applies them).
java ${JMH_JAVA_OPTS:-} -jar bench/target/benchmarks.jar PassScalingBenchmark -lp "$@" > "$expected"
# -foe true: without it JMH exits 0 when a benchmark fails (an OutOfMemoryError at one size, an unknown pass name)
# and the table would quietly lack that size. With it JMH stops at the first failure (and writes no results).
set +e
java ${JMH_JAVA_OPTS:-} -jar bench/target/benchmarks.jar PassScalingBenchmark -foe true -rf json -rff "$json" "$@" >&2
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "scaling.sh: JMH failed (exit $rc; its error is above), no table" >&2
  exit "$rc"
fi
# Exits non-zero, naming them, when requested pairs are missing from the results.
python3 bench/scaling_table.py --expected "$expected" "$json"
