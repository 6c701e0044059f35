"""One decoding policy for every reader: the same bytes give the same outcome everywhere.

Each case is run through every reader a user reaches: ``translate --input`` (CLI), ``score``
files (``read_segments``), case and ``compare`` files (``read_file``), UI uploads
(``read_upload``), test-set files (``decode_segments``) and imported translations.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli import run_workbench
from workbench.corpus import read_file
from workbench.engines import create
from workbench.errors import WorkbenchError
from workbench.testsets import decode_segments, read_segments
from workbench.textio import Limits, decode_bytes
from workbench.ui.handlers.common import read_upload

TEXT = "Власти ввели режим.\nСегодня — выборы.\n"


def _segments(path: Path) -> str:
    return "\n".join(read_segments(path))


def _corpus(path: Path) -> str:
    return read_file(path).text


def _upload(path: Path) -> str:
    return read_upload(path)[0].rstrip("\n")


def _testset(path: Path) -> str:
    return "\n".join(decode_segments(path.read_bytes(), path.name))


def _imported(path: Path) -> str:
    engine = create("imported", str(path), "ru")
    return "\n".join(engine.translate(["a", "b"]))


READERS: dict[str, Callable[[Path], str]] = {
    "score": _segments,
    "corpus": _corpus,
    "upload": _upload,
    "testset": _testset,
    "imported": _imported,
}

GOOD = {
    "utf8": TEXT.encode("utf-8"),
    "utf8-bom": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "utf16-le-bom": TEXT.encode("utf-16"),
    "utf16-be-bom": b"\xfe\xff" + TEXT.encode("utf-16-be"),
    "cp1251": TEXT.encode("cp1251"),
}
BAD = {
    "nul-first-byte": (b"\x00" + TEXT.encode(), "binary file"),
    "nul-after-64kb": (("ж" * 99 + "\n").encode() * 400 + b"x\x00y\n", "NUL byte on line 401"),
    "nul-inside-utf16": (("a\n" * 10 + "b\x00c\n").encode("utf-16"), "NUL byte on line 11"),
    "utf16-no-bom": (TEXT.encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
    "zip": (b"PK\x03\x04" + bytes(range(256)) * 8, "binary file"),
    "bad-utf16-bom": (b"\xff\xfe" + b"\x00\xd8", "not valid UTF-16"),
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("case", sorted(GOOD))
def test_every_reader_decodes_the_same_bytes_the_same_way(
    tmp_path: Path, reader: str, case: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(GOOD[case])
    assert READERS[reader](path).strip() == TEXT.strip()


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("case", sorted(BAD))
def test_every_reader_refuses_the_same_bytes_with_one_sentence(
    tmp_path: Path, reader: str, case: str
) -> None:
    raw, message = BAD[case]
    path = tmp_path / "in.txt"
    path.write_bytes(raw)
    with pytest.raises(WorkbenchError, match=message):
        READERS[reader](path)


def test_cp1251_comes_with_a_notice_naming_the_line() -> None:
    got = decode_bytes(("ok\n" + TEXT).encode("cp1251"), "f.txt")
    assert got.encoding == "cp1251"
    assert "first non-UTF-8 byte on line 2" in got.notices[0] and "iconv" in got.notices[0]


def test_utf16_is_never_called_binary() -> None:
    for raw in (TEXT.encode("utf-16-le"), TEXT.encode("utf-16-be")):
        with pytest.raises(WorkbenchError) as info:
            decode_bytes(raw, "u.txt")
        assert "binary" not in str(info.value) and "UTF-16" in str(info.value)


@pytest.mark.parametrize(
    ("raw", "limits", "message"),
    [
        (b"x" * 101, Limits(max_line_chars=100), "line 1: 101 characters, more than the 100"),
        (b"a\n" * 11, Limits(max_lines=10), "11 lines, more than the 10"),
    ],
    ids=["line-chars", "lines"],
)
def test_limits_refuse_with_the_setting_to_raise(raw: bytes, limits: Limits, message: str) -> None:
    with pytest.raises(WorkbenchError, match=message):
        decode_bytes(raw, "f.txt", limits=limits)
    assert decode_bytes(b"a\n" * 10, "f.txt", limits=Limits(max_lines=10)).text


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_workbench(*args, env=env, timeout=120)


def test_translate_refuses_a_nul_after_8kb_and_a_too_long_line(tmp_path: Path) -> None:
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"line\n" * 3000 + b"\x00\n")
    args = ["translate", "--engine", "imported", "--model", str(nul), "--src", "ru"]
    proc = _cli(*args, "--input", str(nul))
    assert proc.returncode == 2 and "NUL byte on line 3001" in proc.stderr
    long = tmp_path / "long.txt"
    long.write_text("слово " * 40_000, encoding="utf-8")
    proc = _cli(*args, "--input", str(long))
    assert proc.returncode == 2 and "max_line_chars" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_line_cap_is_a_setting_of_the_environment(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Первое.\nВторое.\n", encoding="utf-8")
    tr = tmp_path / "tr.txt"
    tr.write_text("First.\nSecond.\n", encoding="utf-8")
    args = ["translate", "--engine", "imported", "--model", str(tr), "--src", "ru"]
    proc = _cli(*args, "--input", str(src), env={"WORKBENCH_MAX_LINES": "1"})
    assert proc.returncode == 2 and "2 lines, more than the 1" in proc.stderr
    proc = _cli(*args, "--input", str(src), "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:2] == ["First.", "Second."]
