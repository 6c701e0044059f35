"""Helpers shared by the CLI command modules: settings from arguments, reading and writing files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.textio import decode_bytes, read_text


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Resolve :class:`Settings` with the global command-line options as overrides."""
    return Settings.resolve({"home": getattr(args, "home", None)})


def read_text_file(path: str | Path, settings: Settings | None = None) -> str:
    """Read a text file under the one decoding policy (:mod:`workbench.textio`).

    Raises:
        UserInputError: when the file is missing, binary, undecodable or over a limit.
    """
    limits = settings.limits if settings is not None else None
    return read_text(path, limits=limits).text


def decode_text(raw: bytes, name: str, settings: Settings | None = None) -> str:
    """Decode a file's or stdin's bytes under the one decoding policy (:mod:`workbench.textio`).

    Raises:
        UserInputError: when ``raw`` is binary, undecodable or over a limit.
    """
    limits = settings.limits if settings is not None else None
    return decode_bytes(raw, name, limits=limits).text


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
