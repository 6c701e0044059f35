"""docs/reliability.md publishes the battery: at least 45 rows, each naming a test that exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "reliability.md"
ROW = re.compile(r"^\| (\d+) \|(.+)\| `(tests/[^`]+)` \|$", re.M)


def _rows() -> list[tuple[int, str, str]]:
    return [(int(n), what, test) for n, what, test in ROW.findall(DOC.read_text("utf-8"))]


def test_the_table_has_at_least_45_numbered_rows() -> None:
    rows = _rows()
    assert len(rows) >= 45
    assert [n for n, _, _ in rows] == list(range(1, len(rows) + 1))
    table_lines = [
        line for line in DOC.read_text("utf-8").splitlines() if re.match(r"^\| \d+ \|", line)
    ]
    assert len(table_lines) == len(rows)  # no row escaped the pattern (and the check)


def test_every_named_test_exists() -> None:
    tests = sorted({test for _, _, test in _rows()})
    files = sorted({t.split("::")[0] for t in tests})
    for name in files:
        assert (REPO / name).is_file(), name
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *files],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    ).stdout.splitlines()  # fmt: skip
    ids = {line.strip() for line in collected if "::" in line}
    missing = [t for t in tests if t not in ids and not any(i.startswith(t + "[") for i in ids)]
    assert not missing, missing
