"""Small helpers shared by the handlers: reading uploads, progress adapters, output files."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from workbench.errors import UserInputError, WorkbenchError
from workbench.textio import Limits, read_text

#: ``progress(fraction, message)`` as the tabs pass it down (gradio's Progress fits).
UIProgress = Callable[[float, str], None]


class Stopped(WorkbenchError):
    """The user pressed Stop: the job ended at its next progress step."""


def stoppable(progress: UIProgress | None, flag: threading.Event) -> UIProgress:
    """``progress`` that raises :class:`Stopped` at the first step after ``flag`` is set.

    The engines report progress between batches, so a job stops at the end of the batch it is
    in; the translation cache has every block finished before it, so running again goes on
    from there.
    """
    last = [""]

    def report(fraction: float, message: str) -> None:
        if flag.is_set():
            where = f" at “{last[0]}”" if last[0] else ""
            raise Stopped(
                f"Stopped{where}. Finished blocks are kept in the translation cache: run again "
                "to go on from there."
            )
        last[0] = message
        if progress is not None:
            progress(fraction, message)

    return report


#: Largest upload or pasted text the UI accepts, in characters.
MAX_CHARS = 200_000


def read_upload(
    path: str | Path | None, what: str = "file", limits: Limits | None = None
) -> tuple[str, list[str]]:
    """Read an uploaded text file under the one decoding policy; returns ``(text, notices)``.

    Messages name the upload by its file name only, never by its path on the server.

    Raises:
        UserInputError: when nothing was uploaded, or the file is empty, binary, undecodable,
            too large or over a limit.
    """
    if not path:
        raise UserInputError(f"No {what} was uploaded; choose a file first.")
    p = Path(path)
    got = read_text(p, limits=limits, name=p.name)
    if not got.text.strip():
        raise UserInputError(f"The {what} {p.name} is empty; upload a file with text in it.")
    check_size(got.text, p.name)
    return got.text, list(got.notices)


def by_file_name(message: str, paths: Iterable[str | Path | None]) -> str:
    """``message`` with each uploaded file's path on the server replaced by its file name. The
    tabs name an upload by its name only; readers shared with the command line (which names
    the path it was given) said "/tmp/gradio/aa61…/empty.txt is empty" (hyg14's walk)."""
    for path in sorted({str(p) for p in paths if p}, key=len, reverse=True):
        message = message.replace(path, Path(path).name)
    return message


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
