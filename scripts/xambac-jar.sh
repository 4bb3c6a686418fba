#!/usr/bin/env bash
# Prints the path of xambac's runnable jar, xambac/target/xambac-VERSION.jar (the newest, should several versions
# be there); prints nothing when it is not built. Used by bin/xambac, build.sh and bench/compile_bench.sh.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=
for j in "$root"/xambac/target/xambac-*.jar; do
  if [ -f "$j" ] && { [ -z "$jar" ] || [ "$j" -nt "$jar" ]; }; then jar=$j; fi
done
[ -n "$jar" ] && echo "$jar"
exit 0
