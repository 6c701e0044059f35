"""Readers of corpus files, registered by file extension.

Every reader turns one file into a :class:`ReadResult`: the text lines it holds, the English
translation of each line when the file supplies one, and notices for the user (for example that a
file was not UTF-8 and was read as cp1251). A bad file raises :class:`CorpusError` with one
sentence naming the file and, where it applies, the line.

Formats:
    ``.txt``   Text decoded by :func:`workbench.textio.decode_bytes` (UTF-8, UTF-16 with a BOM,
               cp1251 with a notice; NUL bytes refused).
    ``.jsonl`` One JSON object per line with a ``"text"`` string and an optional
               ``"translation"`` string; blank lines are skipped.
    ``.csv``   A header row with a ``text`` column and an optional ``translation`` column.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from workbench.errors import CorpusError, UnknownNameError
from workbench.registry import Registry
from workbench.textio import Limits, read_text


@dataclass(frozen=True)
class ReadResult:
    """What a reader found in one file.

    Attributes:
        path: The file read.
        lines: Its text lines, in order (for ``.txt`` every line, blank ones included).
        translations: One supplied English translation per line, or ``None`` when the file
            supplies none.
        notices: Things the user should know (encoding fallbacks), one sentence each.
        encoding: The encoding the bytes were decoded with.
    """

    path: str
    lines: tuple[str, ...]
    translations: tuple[str, ...] | None = None
    notices: tuple[str, ...] = ()
    encoding: str = "utf-8"

    @property
    def text(self) -> str:
        """The lines joined by newlines."""
        return "\n".join(self.lines)


class ReaderFn(Protocol):
    """A reader: one file in, its :class:`ReadResult` out, under the given input caps."""

    def __call__(self, path: Path, limits: Limits | None = None) -> ReadResult:
        """Read ``path``."""
        ...


#: Readers by extension (``"txt"``, ``"jsonl"``, ``"csv"``).
READERS: Registry[ReaderFn] = Registry("corpus reader")


def read_file(path: str | Path, limits: Limits | None = None) -> ReadResult:
    """Read ``path`` with the reader registered for its extension.

    Args:
        path: The file.
        limits: Input caps (``None``: the defaults of :class:`~workbench.textio.Limits`).

    Raises:
        CorpusError: when the file is missing, too big, binary, undecodable or malformed, or
            when no reader handles its extension.
    """
    p = Path(path)
    if not p.exists():  # before the extension: a mistyped path is not a format problem
        raise CorpusError(f"{p} does not exist; check the path.")
    if p.is_dir():  # a folder is no file of another kind (it was "no reader for ." files)
        raise CorpusError(f"{p} is a folder, not a file; give a text file.")
    ext = p.suffix.lower().lstrip(".")
    try:
        reader = READERS.get(ext)
    except UnknownNameError as err:
        raise CorpusError(
            f"{p}: no reader for .{ext or '(no extension)'} files; "
            f"use one of: {', '.join('.' + n for n in READERS.names())}."
        ) from err
    return reader(p, limits)


def decode_file(path: Path, limits: Limits | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Read and decode a text file under the one policy of :mod:`workbench.textio`.

    Returns:
        ``(text, encoding, notices)``.

    Raises:
        CorpusError: for a missing, over-large, binary or undecodable file, or one over a limit.
    """
    got = read_text(path, limits=limits, error=CorpusError)
    return got.text, got.encoding, got.notices


def _lines(text: str) -> list[str]:
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


@READERS.register("txt")
def read_txt(path: Path, limits: Limits | None = None) -> ReadResult:
    """Read a plain-text file (UTF-8, or cp1251 with a notice)."""
    text, encoding, notices = decode_file(path, limits)
    return ReadResult(str(path), tuple(_lines(text)), None, notices, encoding)


@READERS.register("jsonl")
def read_jsonl(path: Path, limits: Limits | None = None) -> ReadResult:
    """Read JSON Lines: one object per line with ``"text"`` and optional ``"translation"``."""
    text, encoding, notices = decode_file(path, limits)
    lines: list[str] = []
    translations: list[str | None] = []
    for number, raw_line in enumerate(text.splitlines(), start=1):
        if not raw_line.strip():
            continue
        try:
            obj = json.loads(raw_line)
        except json.JSONDecodeError as err:
            raise CorpusError(f"{path}, line {number}: not valid JSON ({err.msg}).") from err
        if not isinstance(obj, dict):
            raise CorpusError(
                f'{path}, line {number}: expected a JSON object like {{"text": "..."}}.'
            )
        lines.append(_string_field(obj, "text", path, number, required=True) or "")
        translations.append(_string_field(obj, "translation", path, number, required=False))
    return ReadResult(str(path), tuple(lines), _all_or_none(translations, path), notices, encoding)


def _string_field(
    obj: dict[str, object], key: str, path: Path, number: int, *, required: bool
) -> str | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        what = "has no" if value is None else "has a non-text"
        raise CorpusError(f'{path}, line {number}: the object {what} "{key}" string.')
    return value


def _all_or_none(translations: list[str | None], path: Path) -> tuple[str, ...] | None:
    given = [t for t in translations if t is not None]
    if not given:
        return None
    if len(given) != len(translations):
        missing = translations.index(None) + 1
        raise CorpusError(
            f"{path}: record {missing} has no translation while others have one; "
            "give a translation for every line or for none."
        )
    return tuple(given)


@READERS.register("csv")
def read_csv(path: Path, limits: Limits | None = None) -> ReadResult:
    """Read CSV with a header row naming a ``text`` and optionally a ``translation`` column."""
    text, encoding, notices = decode_file(path, limits)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as err:
        raise CorpusError(f"{path}: not valid CSV ({err}).") from err
    if not rows:
        raise CorpusError(f"{path} is empty; give a header row with a 'text' column.")
    header = [h.strip().lower() for h in rows[0]]
    if "text" not in header:
        raise CorpusError(
            f"{path}, line 1: the header has no 'text' column "
            f"(columns: {', '.join(header) or 'none'}); add one."
        )
    text_col = header.index("text")
    tr_col = header.index("translation") if "translation" in header else None
    lines: list[str] = []
    translations: list[str | None] = []
    line_numbers = _csv_line_numbers(text)
    for i, row in enumerate(rows[1:], start=1):
        number = line_numbers[i] if i < len(line_numbers) else i + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise CorpusError(
                f"{path}, line {number}: {len(row)} columns where the header has "
                f"{len(header)}; quote cells that contain commas."
            )
        lines.append(row[text_col])
        translations.append(row[tr_col] if tr_col is not None else None)
    return ReadResult(str(path), tuple(lines), _all_or_none(translations, path), notices, encoding)


def _csv_line_numbers(text: str) -> list[int]:
    """The physical line on which each CSV record starts (records may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    starts: list[int] = []
    previous_end = 0
    try:
        for _ in reader:
            starts.append(previous_end + 1)
            previous_end = reader.line_num
    except csv.Error:
        pass
    return starts
