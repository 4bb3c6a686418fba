#!/usr/bin/env bash
# One benchmark command: xambac compile vs OpenVINO's converter, side by side (see bench/compile_bench.py).
# Sets up .venv and builds bin/xambac's jar and AppCDS archive when they are missing (mvn package, never install), then runs it:
#   bench/compile_bench.sh [--quick] [--runs N] [--small-runs N] [--per-node-rounds N] [--per-node-only]
#                          [--warm] [--warm-seconds S] [--layers 1,6,24,96] [--precisions f32,f16]
#                          [--out target/bench/compile_bench.md]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup-venv.sh
if [ -z "$(scripts/xambac-jar.sh)" ]; then
  echo "compile_bench: building xambac/target/xambac-VERSION.jar" >&2
  mvn -B -q package -DskipTests
fi
# bin/xambac starts from the AppCDS archive only while it is newer than the jar; a benchmark without it would time
# class loading that users of build.sh never pay.
if [ ! xambac/target/xambac.jsa -nt "$(scripts/xambac-jar.sh)" ]; then
  scripts/build-cds.sh
fi
# --warm runs JMH's CompileScalingBenchmark from bench/target/benchmarks.jar (rebuilt each time: it is quick).
case " $* " in
  *" --warm "*) mvn -B -q package -DskipTests -pl bench -am ;;
esac
exec .venv/bin/python bench/compile_bench.py "$@"
