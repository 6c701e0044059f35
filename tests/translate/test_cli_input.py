"""``workbench translate`` on bad input: one clear sentence, exit status 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARGS = ["translate", "--engine", "opus-mt", "--model", "no/such-model", "--src", "ru"]


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 4, "looks like a binary file"),
        (b"ok\n" * 5000 + b"late\x00nul\n", "NUL byte on line 5001"),
        ("Привет".encode("utf-16-le") + b"\n\x00", "UTF-16 text without a byte-order mark"),
    ],
    ids=["binary", "nul-after-8kb", "utf16-no-bom"],
)
def test_undecodable_input_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    proc = run_cli(*ARGS, "--input", str(path))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1  # one sentence
    assert proc.stdout == b""


def test_cp1251_on_stdin_is_read_with_a_notice() -> None:
    proc = run_cli(*ARGS, stdin="Привет".encode("cp1251"))
    assert b"stdin is not UTF-8" in proc.stderr and b"read as cp1251" in proc.stderr
    assert b"no/such-model" in proc.stderr  # it got past decoding, to the engine


def test_missing_input_file(tmp_path: Path) -> None:
    proc = run_cli(*ARGS, "--input", str(tmp_path / "absent.txt"))
    assert proc.returncode == 2
    assert b"absent.txt does not exist" in proc.stderr


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_empty_input_gives_empty_output_and_a_notice(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    out = tmp_path / "out.txt"
    proc = run_cli(*ARGS, "--input", str(path), "--output", str(out), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == b""
    assert b"the input is empty" in proc.stderr


def test_source_language_is_checked_by_the_parser() -> None:
    proc = run_cli("translate", "--src", "de")
    assert proc.returncode == 2
    assert b"invalid choice: 'de'" in proc.stderr
