"""Helpers shared by the CLI command modules: settings from arguments, reading and writing files."""

from __future__ import annotations

import argparse
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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


#: Argument names of the files a command writes (checked before any work is done).
OUTPUT_OPTIONS: tuple[tuple[str, str], ...] = (
    ("output", "--output"),
    ("save", "--save"),
    ("tmx", "--tmx"),
    ("xliff", "--xliff"),
    ("refused", "--refused"),
)


def check_outputs(args: argparse.Namespace) -> None:
    """Refuse an output file that cannot be written before the command starts its work.

    A translation, comparison or evaluation can take minutes; a mistyped output folder used
    to be found only when the result was written, and the result was lost.

    The file is opened as the command will open it (:func:`_write_problem`): the mode bits
    alone let ``-o /proc/out.html`` or a read-only file system through, above all to root,
    and the work was lost when the result was written (review20b).

    Raises:
        UserInputError: when an output is a folder, its folder does not exist or is a file,
            or the file cannot be written.
    """
    for name, option in OUTPUT_OPTIONS:
        value = getattr(args, name, None)
        if not isinstance(value, str) or not value:
            continue
        path = Path(value)
        folder = path.parent
        if path.is_dir():
            raise UserInputError(f"{option} {value} is a folder; give a file name.")
        if folder.exists() and not folder.is_dir():
            raise UserInputError(f"Cannot write {value}: {folder} is a file, not a folder.")
        if not folder.is_dir():
            raise UserInputError(
                f"Cannot write {value}: the folder {folder} does not exist; create it first."
            )
        problem = _write_problem(path)
        if problem:
            raise UserInputError(f"Cannot write {value}: {problem}.")


def _write_problem(path: Path) -> str | None:
    """Why ``path`` cannot be opened for writing (the system's words), or ``None``; nothing is
    left changed: a new file is created and removed again, an existing one is opened to append
    and closed unwritten. A device or pipe (``/dev/stdout``) is judged by its mode bits only,
    since opening a pipe waits for its reader."""
    try:
        if not os.path.lexists(path):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            path.unlink()
        elif path.is_file():
            os.close(os.open(path, os.O_WRONLY | os.O_APPEND))
        elif path.exists() and not os.access(path, os.W_OK):  # not a dangling link
            return "permission denied"
    except OSError as err:
        return err.strerror or str(err)
    return None


#: A log line of Ray's C++ core (``[2026-11-30 05:54:53,174 E 23630 23630] core_worker.cc:2465:
#: Actor with class name ...``), written straight to file descriptor 2 by the Ray processes.
RAY_NATIVE_LOG = re.compile(
    r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [DIWEF] \d+ \d+\] \S+\.cc:\d+: "
)


#: How long, after the block, the relay may take to pass the last lines on (a process that
#: inherited the pipe and outlives the block would otherwise hold the command open).
RELAY_WAIT = 5.0


@contextmanager
def without_ray_native_logs(active: bool) -> Iterator[None]:
    """With ``active`` (``-q`` with ``--ray``), keep Ray's C++ log lines off the console.

    Ray's core writes them to file descriptor 2 itself, past Python's logging and ``-q``: every
    ``--ray`` run printed one "E" line about actor constructor arguments in the object store,
    which a user can do nothing about. Descriptor 2 goes into a pipe for the block, and a relay
    thread passes every other line on to the console as it comes (:func:`_relay`), so no
    warning or error is lost or held until the command ends.
    """
    if not active:
        yield
        return
    fd = 2  # Ray writes to the descriptor, whatever sys.stderr is
    sys.stderr.flush()
    saved = os.dup(fd)
    read_end, write_end = os.pipe()
    os.dup2(write_end, fd)
    os.close(write_end)
    relay = threading.Thread(target=_relay, args=(read_end, saved), daemon=True)
    relay.start()
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, fd)  # closes this process's last write end of the pipe: the relay ends
        relay.join(RELAY_WAIT)
        if not relay.is_alive():
            os.close(saved)


def _relay(source: int, console: int) -> None:
    """Copy the lines read from ``source`` to ``console`` as each one ends, leaving out Ray's
    C++ log lines (:data:`RAY_NATIVE_LOG`); a last line without its newline at the end."""
    pending = b""
    with os.fdopen(source, "rb", buffering=0) as pipe:
        while chunk := pipe.read(65536):
            *lines, pending = (pending + chunk).split(b"\n")
            _write_kept([line + b"\n" for line in lines], console)
    if pending:
        _write_kept([pending], console)


def _write_kept(lines: list[bytes], console: int) -> None:
    kept = b"".join(
        x for x in lines if not RAY_NATIVE_LOG.match(x.decode("utf-8", errors="replace"))
    )
    view = memoryview(kept)
    while view:
        view = view[os.write(console, view) :]
