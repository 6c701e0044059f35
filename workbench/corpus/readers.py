"""Readers of corpus files, registered by file extension.

Every reader turns one file into a :class:`ReadResult`: the text lines it holds, the English
translation of each line when the file supplies one, and notices for the user (for example that a
file was not UTF-8 and was read as cp1251). A bad file raises :class:`CorpusError` with one
sentence naming the file and, where it applies, the line.

Formats:
    ``.txt``   UTF-8 text (a BOM is fine); Windows-1251 (cp1251) is accepted with a notice.
    ``.jsonl`` One JSON object per line with a ``"text"`` string and an optional
               ``"translation"`` string; blank lines are skipped.
    ``.csv``   A header row with a ``text`` column and an optional ``translation`` column.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import CorpusError, UnknownNameError
from workbench.registry import Registry

log = logging.getLogger("workbench")

#: Largest file a reader accepts (bytes); bigger files are refused with a clear message.
MAX_FILE_BYTES = 50 * 1024 * 1024
# Share of control characters above which decoded bytes are taken to be binary, not text.
_MAX_CONTROL_SHARE = 0.01


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


ReaderFn = Callable[[Path], ReadResult]

#: Readers by extension (``"txt"``, ``"jsonl"``, ``"csv"``).
READERS: Registry[ReaderFn] = Registry("corpus reader")


def read_file(path: str | Path) -> ReadResult:
    """Read ``path`` with the reader registered for its extension.

    Raises:
        CorpusError: when the file is missing, too big, binary, undecodable or malformed, or
            when no reader handles its extension.
    """
    p = Path(path)
    ext = p.suffix.lower().lstrip(".")
    try:
        reader = READERS.get(ext)
    except UnknownNameError as err:
        raise CorpusError(
            f"{p}: no reader for .{ext or '(no extension)'} files; "
            f"use one of: {', '.join('.' + n for n in READERS.names())}."
        ) from err
    return reader(p)


def decode_file(path: Path) -> tuple[str, str, tuple[str, ...]]:
    """Read a text file's bytes and decode them: UTF-8 first, then cp1251 with a notice.

    Returns:
        ``(text, encoding, notices)``.

    Raises:
        CorpusError: for a missing, over-large, binary or undecodable file.
    """
    raw = _read_bytes(path)
    if b"\x00" in raw[:65536]:
        raise CorpusError(f"{path} looks like a binary file, not text; give a UTF-8 text file.")
    try:
        return raw.decode("utf-8-sig"), "utf-8", ()
    except UnicodeDecodeError as err:
        utf8_error = err
    line = raw[: utf8_error.start].count(b"\n") + 1
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{path}, line {line}: the file is neither UTF-8 nor cp1251; "
            "convert it to UTF-8 (e.g. with iconv)."
        ) from err
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise CorpusError(
            f"{path}, line {line}: the file is not UTF-8 and does not look like text; "
            "give a UTF-8 text file."
        ) from utf8_error
    notice = (
        f"{path} is not UTF-8 (first non-UTF-8 byte on line {line}); it was read as cp1251 "
        "(Windows Cyrillic): check the text, or convert the file with "
        "`iconv -f cp1251 -t utf-8`."
    )
    log.warning("%s", notice)
    return text, "cp1251", (notice,)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CorpusError(
                f"{path} is {size // (1024 * 1024)} MB, more than the "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB a corpus file may have; split it."
            )
        return path.read_bytes()
    except IsADirectoryError as err:
        raise CorpusError(f"{path} is a folder, not a file; give a text file.") from err
    except FileNotFoundError as err:
        raise CorpusError(f"{path} does not exist; check the path.") from err
    except OSError as err:
        raise CorpusError(f"Cannot read {path}: {err.strerror or err}.") from err


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(text)


def _lines(text: str) -> list[str]:
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


@READERS.register("txt")
def read_txt(path: Path) -> ReadResult:
    """Read a plain-text file (UTF-8, or cp1251 with a notice)."""
    text, encoding, notices = decode_file(path)
    return ReadResult(str(path), tuple(_lines(text)), None, notices, encoding)


@READERS.register("jsonl")
def read_jsonl(path: Path) -> ReadResult:
    """Read JSON Lines: one object per line with ``"text"`` and optional ``"translation"``."""
    text, encoding, notices = decode_file(path)
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
def read_csv(path: Path) -> ReadResult:
    """Read CSV with a header row naming a ``text`` and optionally a ``translation`` column."""
    text, encoding, notices = decode_file(path)
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
