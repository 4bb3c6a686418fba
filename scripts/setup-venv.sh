#!/usr/bin/env bash
# Creates .venv at the repo root with the pinned Python tools the tests need (OpenVINO runtime, ONNX, NumPy,
# lit, filecheck), unless it already has exactly those versions. Safe to run repeatedly.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"
req="$root/scripts/requirements.txt"
stamp="$venv/.xamba-requirements"

if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && cmp -s "$req" "$stamp"; then
  exit 0
fi
python=${PYTHON:-python3}
echo "setup-venv: creating $venv with $(grep -v '^#' "$req" | tr '\n' ' ')" >&2
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
cp "$req" "$stamp"
