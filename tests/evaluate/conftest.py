"""Fixtures for the evaluate tests: real FLORES/NTREX text and deterministic system variants."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.synthetic import perturb
from tests.cli import run_workbench as run_workbench  # the evaluate tests import it from here

REPO = Path(__file__).resolve().parents[2]
SACREBLEU = Path(sys.executable).with_name("sacrebleu")


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def flores_files(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """FLORES-200 dev English reference and three perturbed 'systems' of it (997 lines)."""
    ref = shared_data / "flores200-dev" / "eng_Latn.txt"
    lines = ref.read_text(encoding="utf-8").splitlines()
    folder = tmp_path_factory.mktemp("flores")
    return {
        "ref": ref,
        "a": write_lines(folder / "a.txt", perturb(lines, 1, 0.08, 0.05)),
        "b": write_lines(folder / "b.txt", perturb(lines, 2, 0.12, 0.10)),
        "c": write_lines(folder / "c.txt", perturb(lines, 3, 0.05, 0.20)),
        "ref2": write_lines(folder / "ref2.txt", perturb(lines, 4, 0.02, 0.02)),
    }


def run_sacrebleu(*args: str, env: dict[str, str] | None = None) -> str:
    import os

    return subprocess.run(
        [str(SACREBLEU), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    ).stdout
