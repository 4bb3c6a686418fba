#!/usr/bin/env bash
# Builds and runs the JMH benchmarks from the repo root: bench/run.sh [JMH options, e.g. ImportBenchmark -p model=...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -B package -DskipTests -pl bench -am
exec java -jar bench/target/benchmarks.jar "$@"
