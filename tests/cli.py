"""Run the ``workbench`` command line as a user does: ``python -m workbench`` in a subprocess
from the repository, its output captured as text.

One helper for the test files that each had their own copy of these lines (evaluate, compare,
engines, reliability; ``duplicates`` on tests/, session 15).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_workbench(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path = REPO,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """``python -m workbench *args``, with ``env`` set on top of this process's environment.

    Raises:
        subprocess.TimeoutExpired: when it runs longer than ``timeout`` seconds.
    """
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )
