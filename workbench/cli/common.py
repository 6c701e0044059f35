"""Helpers shared by the CLI command modules: settings from arguments, reading and writing files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.errors import UserInputError
from workbench.settings import Settings


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Resolve :class:`Settings` with the global command-line options as overrides."""
    return Settings.resolve({"home": getattr(args, "home", None)})


def read_text_file(path: str | Path) -> str:
    """Read a UTF-8 text file; cp1251 bytes and binary files give one clear message.

    Raises:
        UserInputError: when the file is missing, binary or not UTF-8.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise UserInputError(f"Cannot read {p}: {err.strerror or err}.") from err
    return decode_text(raw, str(p))


def decode_text(raw: bytes, name: str) -> str:
    """Decode UTF-8 input (a file's or stdin's bytes); binary and non-UTF-8 give one sentence.

    Raises:
        UserInputError: when ``raw`` looks binary or is not UTF-8.
    """
    if b"\x00" in raw[:8192]:
        raise UserInputError(f"{name} looks like a binary file, not text; give a UTF-8 text file.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise UserInputError(
            f"{name} is not UTF-8 (first bad byte on line {line}); "
            "convert it, e.g. `iconv -f cp1251 -t utf-8`."
        ) from err


def write_text_output(text: str, output: str | None, *, announce: bool = False) -> None:
    """Write ``text`` to the file ``output``, or to stdout when ``output`` is empty.

    Args:
        text: What to write.
        output: A file path, or ``None``/``""`` for stdout.
        announce: Print ``wrote FILE`` on stderr after writing a file.

    Raises:
        UserInputError: when the file cannot be written.
    """
    if not output:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as err:
        raise UserInputError(f"Cannot write {output}: {err.strerror or err}.") from err
    if announce:
        print(f"wrote {output}", file=sys.stderr)
