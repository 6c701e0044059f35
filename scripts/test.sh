#!/usr/bin/env bash
# The test command: lint (ruff), type-check (mypy), then the test suite (pytest).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k segment -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
"$PY" -m ruff check .
"$PY" -m mypy
exec "$PY" -m pytest "$@"
