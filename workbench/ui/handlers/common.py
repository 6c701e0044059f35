"""Small helpers shared by the handlers: reading uploads, progress adapters, output files."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from workbench.errors import UserInputError

#: ``progress(fraction, message)`` as the tabs pass it down (gradio's Progress fits).
UIProgress = Callable[[float, str], None]

#: Largest upload or pasted text the UI accepts, in characters.
MAX_CHARS = 200_000


def read_upload(path: str | Path | None, what: str = "file") -> tuple[str, list[str]]:
    """Read an uploaded text file; returns ``(text, notices)``.

    UTF-8 (with or without BOM) is read as is; cp1251 (old Windows Cyrillic) is decoded with a
    notice; binary files and other encodings give one clear message.

    Raises:
        UserInputError: when the file is missing, binary, undecodable or too large.
    """
    if not path:
        raise UserInputError(f"No {what} was uploaded; choose a file first.")
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise UserInputError(f"Cannot read the uploaded {what} ({err.strerror or err}).") from err
    name = p.name
    if b"\x00" in raw[:8192]:
        raise UserInputError(f"{name} looks like a binary file; upload a UTF-8 text file.")
    notices: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1251")
        except UnicodeDecodeError as err:
            raise UserInputError(
                f"{name} is neither UTF-8 nor cp1251 text; convert it to UTF-8 and upload it again."
            ) from err
        notices.append(f"{name} was not UTF-8; it was read as cp1251 (Windows Cyrillic).")
    check_size(text, name)
    return text, notices


def check_size(text: str, what: str = "The text") -> None:
    """Refuse text longer than :data:`MAX_CHARS` with a message that names the CLI."""
    if len(text) > MAX_CHARS:
        raise UserInputError(
            f"{what} has {len(text):,} characters; the UI takes up to {MAX_CHARS:,} at a time, "
            "so use the `workbench` command line for bigger inputs."
        )


def output_path(folder: Path, stem: str, suffix: str) -> Path:
    """A fresh file name in ``folder`` (created if needed) for a download."""
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "workbench"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"{safe}-{stamp}{suffix}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{safe}-{stamp}-{n}{suffix}"
    return path
