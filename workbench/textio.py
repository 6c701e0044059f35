"""One decoding policy for every text the workbench reads, and the limits on what it accepts.

Every reader — ``translate --input`` and stdin, ``score``/``eval`` files, ``compare`` and case
files, test sets, imported translations, UI uploads — turns bytes into text with
:func:`decode_bytes` (or :func:`read_text`), so one file is read the same way everywhere:

* UTF-8, with or without a BOM, is read as is.
* UTF-16 or UTF-32 with a BOM (what Windows Notepad saves as "Unicode") is read as such.
* Anything else that is not UTF-8 is read as Windows Cyrillic (cp1251), with a notice that says
  so and how to convert the file; bytes that do not look like text even as cp1251 are refused.
* A NUL character anywhere (not only near the start) refuses the file: text never holds one,
  and a NUL in a translation would silently cut it in C libraries downstream. UTF-16 without a
  BOM is recognised and named, not called "binary".

:class:`Limits` caps characters per line, lines per file and documents per case; each refusal is
one sentence naming the file, the line and the setting that raises the cap. This module is not a
stage: any stage, the pipeline and the adapters may import it.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import UserInputError, WorkbenchError

log = logging.getLogger("workbench")

#: Largest file any reader accepts, in bytes.
MAX_FILE_BYTES = 50 * 1024 * 1024
# Share of control characters above which cp1251-decoded bytes are taken to be binary.
_MAX_CONTROL_SHARE = 0.01
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


@dataclass(frozen=True)
class Limits:
    """Caps on input size, each a setting (``config.toml`` key or environment variable).

    Attributes:
        max_line_chars: Characters in one line (``max_line_chars``,
            ``WORKBENCH_MAX_LINE_CHARS``). High enough for a whole article pasted as one line
            (translation cuts it into sentences; a 100,000-character line is tested), low enough
            that one line cannot exhaust memory; metrics that grow faster than the length (TER)
            cap segments themselves.
        max_lines: Lines in one file (``max_lines``, ``WORKBENCH_MAX_LINES``).
        max_case_documents: Documents in one case folder (``max_case_documents``,
            ``WORKBENCH_MAX_CASE_DOCUMENTS``).
    """

    max_line_chars: int = 200_000
    max_lines: int = 200_000
    max_case_documents: int = 2_000


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes under the one policy.

    Attributes:
        text: The decoded text (BOM removed).
        encoding: ``utf-8``, ``utf-16-le``, ``utf-16-be``, ``utf-32-le``, ``utf-32-be`` or
            ``cp1251``.
        notices: Things the user should know (a cp1251 fallback), one sentence each.
    """

    text: str
    encoding: str
    notices: tuple[str, ...] = ()


def decode_bytes(
    raw: bytes,
    name: str,
    *,
    limits: Limits | None = None,
    error: type[WorkbenchError] = UserInputError,
) -> DecodedText:
    """Decode ``raw`` (the bytes of the input called ``name``) under the one policy.

    Args:
        raw: The bytes of a file, an upload or stdin.
        name: How the input is named in messages (a path, ``stdin``, an upload's file name).
        limits: Caps to check (``None``: the defaults of :class:`Limits`).
        error: The :class:`WorkbenchError` subclass to raise (readers of case files raise
            :class:`~workbench.errors.CorpusError`).

    Raises:
        WorkbenchError: ``error`` with one sentence when the input holds a NUL character, is
            UTF-16 without a BOM, does not look like text, or breaks a limit.
    """
    decoded = _decode(raw, name, error)
    nul = decoded.text.find("\x00")
    if nul >= 0:
        raise error(_nul_message(name, decoded.text.count("\n", 0, nul) + 1))
    check_limits(decoded.text, name, limits or Limits(), error=error)
    for notice in decoded.notices:  # each read says its own (read a file once, not twice)
        log.warning("%s", notice)
    return decoded


def read_text(
    path: str | Path,
    *,
    limits: Limits | None = None,
    error: type[WorkbenchError] = UserInputError,
    name: str | None = None,
) -> DecodedText:
    """Read and decode the file ``path`` (see :func:`decode_bytes`).

    Args:
        path: The file.
        limits: Caps to check (``None``: defaults).
        error: The error class to raise.
        name: How the file is named in messages (default: the path; the UI passes the
            upload's file name so that server paths are never shown).

    Raises:
        WorkbenchError: ``error`` for a missing, unreadable, over-large or non-text file.
    """
    p = Path(path)
    label = name or str(p)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error(
                f"{label} is {size // (1024 * 1024)} MB, more than the "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB a text file may have; split it."
            )
        raw = p.read_bytes()
    except IsADirectoryError as err:
        raise error(f"{label} is a folder, not a file; give a text file.") from err
    except FileNotFoundError as err:
        raise error(f"{label} does not exist; check the path.") from err
    except OSError as err:
        raise error(f"Cannot read {label}: {err.strerror or err}.") from err
    return decode_bytes(raw, label, limits=limits, error=error)


def check_limits(
    text: str, name: str, limits: Limits, *, error: type[WorkbenchError] = UserInputError
) -> None:
    """Refuse ``text`` with one sentence when a line or the line count breaks ``limits``.

    Raises:
        WorkbenchError: ``error`` naming the input, the line and the setting to raise.
    """
    number = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > limits.max_line_chars:
            raise error(
                f"{name}, line {number}: {len(line):,} characters, more than the "
                f"{limits.max_line_chars:,} a line may have; break it into sentences or "
                "paragraphs (or raise max_line_chars)."
            )
    if text.endswith("\n"):
        number -= 1
    if number > limits.max_lines:
        raise error(
            f"{name} has {number:,} lines, more than the {limits.max_lines:,} a file may have; "
            "split it (or raise max_lines)."
        )


def _decode(raw: bytes, name: str, error: type[WorkbenchError]) -> DecodedText:
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return DecodedText(raw[len(bom) :].decode(codec), codec)
            except UnicodeDecodeError as err:
                raise error(
                    f"{name} starts like {label} text but is not valid {label}; "
                    "save it again as UTF-8."
                ) from err
    if b"\x00" in raw and _looks_utf16_without_bom(raw):
        raise error(
            f"{name} looks like UTF-16 text without a byte-order mark; "
            "save it as UTF-8 (or as UTF-16 with a BOM)."
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise error(_nul_message(name, raw.count(b"\n", 0, nul) + 1))
    try:
        return DecodedText(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    line = raw[: utf8_error.start].count(b"\n") + 1
    text = raw.decode("cp1251", errors="replace")
    if "\ufffd" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise error(
            f"{name}, line {line}: neither UTF-8 nor cp1251 (Windows Cyrillic) text; "
            "give a UTF-8 text file (e.g. convert it with iconv)."
        ) from utf8_error
    notice = (
        f"{name} is not UTF-8 (first non-UTF-8 byte on line {line}); it was read as cp1251 "
        "(Windows Cyrillic): check the text, or convert the file with "
        "`iconv -f cp1251 -t utf-8`."
    )
    return DecodedText(text, "cp1251", (notice,))


def _nul_message(name: str, line: int) -> str:
    return (
        f"{name} looks like a binary file, not text (a NUL byte on line {line}); "
        "give a UTF-8 text file."
    )


def _looks_utf16_without_bom(raw: bytes) -> bool:
    """One byte of each pair is mostly 0x00 or 0x04: Latin or Cyrillic UTF-16 with no BOM."""
    sample = raw[: 4096 // 2 * 2]
    if len(sample) < 4 or len(raw) % 2:
        return False
    for high, codec in ((sample[0::2], "utf-16-be"), (sample[1::2], "utf-16-le")):
        if sum(1 for b in high if b in (0, 4)) > 0.7 * len(high):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return False
            return _control_share(text) <= _MAX_CONTROL_SHARE
    return False


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(text)
