#!/usr/bin/env bash
# The one test command: installs the pinned Python tools into .venv if missing, then runs every JUnit suite
# (mvn install, which also builds bin/xambac's jar and installs the artifacts the embed example depends on), builds
# and runs examples/embed (the library used from a project of its own) and the lit golden tests. Exits non-zero if
# anything fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/setup-venv.sh

echo "== mvn install" >&2
mvn -B install

echo "== examples/embed" >&2
mvn -B -q -f examples/embed/pom.xml package exec:java

echo "== lit lit-tests" >&2
lit_out=$(mktemp)
trap 'rm -f "$lit_out"' EXIT
set +e
.venv/bin/lit -sv lit-tests 2>&1 | tee "$lit_out"
lit_rc=${PIPESTATUS[0]}
set -e

# One summary line over both runners, in the "N passed, N failed" form.
read -r j_run j_fail j_err j_skip < <(python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
t = f = e = s = 0
for p in glob.glob('*/target/surefire-reports/TEST-*.xml'):
    r = ET.parse(p).getroot()
    t += int(r.get('tests', 0)); f += int(r.get('failures', 0)); e += int(r.get('errors', 0)); s += int(r.get('skipped', 0))
print(t, f, e, s)
PY
)
l_pass=$(grep -Eo 'Passed *: *[0-9]+' "$lit_out" | grep -Eo '[0-9]+' || echo 0)
l_fail=$(grep -Eo 'Failed *: *[0-9]+' "$lit_out" | grep -Eo '[0-9]+' || echo 0)
echo "junit: $((j_run - j_fail - j_err - j_skip)) passed, $((j_fail + j_err)) failed, $j_skip skipped"
echo "lit: $l_pass passed, $l_fail failed"
exit "$lit_rc"
