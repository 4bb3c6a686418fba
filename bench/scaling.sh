#!/usr/bin/env bash
# Issue 7's scaling check: runs PassScalingBenchmark (JMH, single shot per invocation) and prints a Markdown
# table of time per op at each size (median of the measured invocations, robust on a shared machine), with the
# largest/smallest per-op ratio (the goal: at most 2).
#   bench/scaling.sh                      # all passes at n = 10000, 80000, 320000
#   bench/scaling.sh -p n=10000,80000     # any JMH options are passed through
#   JMH_JAVA_OPTS=-Djmh.ignoreLock=true bench/scaling.sh   # when another JMH run holds /tmp/jmh.lock
# Builds with `mvn package` (never install: ~/.m2 is shared). Keep it out of CI: it takes minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -B package -DskipTests -pl bench -am >&2
json=$(mktemp --suffix=.json)
trap 'rm -f "$json"' EXIT
java ${JMH_JAVA_OPTS:-} -jar bench/target/benchmarks.jar PassScalingBenchmark -rf json -rff "$json" "$@" >&2
python3 bench/scaling_table.py "$json"
