"""Corpus readers: UTF-8, cp1251 with a notice, JSON Lines, CSV, and bad files named with line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from workbench.corpus import READERS, read_file
from workbench.errors import CorpusError

KK = "Алматыда 103 адам қаза тапты.\nҚызылорда қаласында да."
RU = "На Алматы напали 20 тысяч бандитов.\nПорядок восстанавливается."


def test_readers_are_registered_by_extension() -> None:
    assert READERS.names() == ["csv", "jsonl", "txt"]


def test_utf8_text_with_bom_keeps_every_line(tmp_path: Path) -> None:
    p = tmp_path / "s.txt"
    p.write_bytes("\ufeff".encode() + KK.encode("utf-8") + b"\n\n")
    got = read_file(p)
    assert got.lines == tuple(KK.split("\n"))
    assert got.encoding == "utf-8"
    assert got.notices == ()
    assert got.translations is None


def test_cp1251_is_read_with_a_notice(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    p = tmp_path / "s.txt"
    p.write_bytes(RU.encode("cp1251"))
    with caplog.at_level(logging.WARNING, logger="workbench"):
        got = read_file(p)
    assert got.text == RU
    assert got.encoding == "cp1251"
    assert len(got.notices) == 1 and "cp1251" in got.notices[0] and str(p) in got.notices[0]
    assert "line 1" in got.notices[0]
    assert any("cp1251" in r.message for r in caplog.records)


def test_jsonl_with_translations(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text(
        '{"text": "На Алматы напали 20 тысяч бандитов.", "translation": "20,000 bandits."}\n\n'
        '{"text": "Порядок восстанавливается.", "translation": "Order is restored."}\n',
        encoding="utf-8",
    )
    got = read_file(p)
    assert got.lines == ("На Алматы напали 20 тысяч бандитов.", "Порядок восстанавливается.")
    assert got.translations == ("20,000 bandits.", "Order is restored.")


def test_csv_with_quoted_multiline_cell(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text('id,text\n1,"Первая, строка"\n2,Вторая\n', encoding="utf-8")
    got = read_file(p)
    assert got.lines == ("Первая, строка", "Вторая")
    assert got.translations is None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.jsonl", b'{"text": "ok"}\n{"text": broken}\n', r"bad\.jsonl, line 2: not valid JSON"),
        (
            "bad.jsonl",
            b'{"text": "ok"}\n\n["a list"]\n',
            r"bad\.jsonl, line 3: expected a JSON object",
        ),
        ("bad.jsonl", b'{"text": "ok"}\n{"txt": "x"}\n', r'bad\.jsonl, line 2: .*no "text"'),
        ("bad.csv", b"id,body\n1,x\n", r"bad\.csv, line 1: the header has no 'text' column"),
        ("bad.csv", b"id,text\n1,x\n2,y,z\n", r"bad\.csv, line 3: 3 columns"),
        ("bad.csv", b"", r"bad\.csv is empty"),
        ("bin.txt", b"PK\x03\x04\x00\x00binary", r"bin\.txt looks like a binary file"),
        ("junk.txt", bytes(range(1, 32)) * 10 + b"\xff", r"junk\.txt, line 11: .*neither UTF-8"),
        ("cp.txt", b"ok\nfine\n\x98\x98\n", r"cp\.txt, line 3: .*neither UTF-8 nor cp1251"),
        ("doc.pdf", b"%PDF", r"doc\.pdf: no reader for \.pdf files"),
    ],
)
def test_bad_files_name_the_file_and_line(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(CorpusError, match=expected):
        read_file(p)


def test_missing_file_and_folder_are_clear(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"nope\.txt does not exist"):
        read_file(tmp_path / "nope.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(CorpusError, match=r"dir\.txt is a folder"):
        read_file(tmp_path / "dir.txt")


def test_partial_translations_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "a", "translation": "A"}\n{"text": "b"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="record 2 has no translation"):
        read_file(p)
