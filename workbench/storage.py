"""Keeping SQLite stores (judgments, post-edits) safe: integrity checks, salvage, online backups.

A store that fails SQLite's integrity check is never deleted or overwritten. :func:`salvage`
moves the damaged file aside (``judgments.damaged-YYYYmmdd-HHMMSS.sqlite``, untouched), creates a
fresh file with the store's schema, copies every row that can still be read into it, and returns
a :class:`SalvageReport` whose :attr:`~SalvageReport.message` says what happened in one
sentence. :func:`backup` copies a live store with SQLite's online backup API (consistent even
while other processes write) and keeps the newest ``keep`` copies.

This module is not a stage; the score stage (judgments) and the UI (post-edits) both use it.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("workbench")

#: Consecutive unreadable row ids after which salvage stops probing a table.
_PROBE_GAP = 2_000


@dataclass(frozen=True)
class SalvageReport:
    """What :func:`salvage` did.

    Attributes:
        path: The store (now a fresh file holding the rows that could be read).
        damaged: Where the damaged original was moved, unchanged.
        rows: Rows copied, by table.
        problem: SQLite's description of the damage.
    """

    path: Path
    damaged: Path
    rows: Mapping[str, int]
    problem: str

    @property
    def message(self) -> str:
        """One sentence for the user."""
        copied = ", ".join(f"{n} {table}" for table, n in self.rows.items())
        return (
            f"{self.path.name} was damaged ({self.problem}); the original is kept unchanged as "
            f"{self.damaged}, and every readable row ({copied}) was copied into a fresh "
            f"{self.path.name}, which is used from now on."
        )


def integrity_problem(path: Path) -> str | None:
    """``None`` when ``path`` is a sound SQLite file (or does not exist), else what is wrong.

    Raises:
        OSError: only when ``path`` exists but cannot be opened at all (e.g. a folder).
    """
    if not path.exists():
        return None
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder")
    if path.stat().st_size == 0:
        return None  # SQLite treats an empty file as an empty database
    try:
        with closing(sqlite3.connect(path, timeout=30)) as db:
            rows = db.execute("PRAGMA integrity_check(5)").fetchall()
    except sqlite3.DatabaseError as err:
        if not is_damage(err):
            raise  # locked, busy, unreadable: not damage, never a reason to salvage
        return str(err)
    problems = [str(r[0]) for r in rows if str(r[0]) != "ok"]
    return "; ".join(problems)[:200] if problems else None


def is_damage(err: sqlite3.Error) -> bool:
    """Whether ``err`` says the file is damaged (not merely locked, busy or unreadable)."""
    name = str(getattr(err, "sqlite_errorname", ""))
    if name:
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    text = str(err).lower()
    return "malformed" in text or "not a database" in text


def salvage(path: Path, schema: str, problem: str) -> SalvageReport:
    """Move the damaged ``path`` aside and rebuild it from every readable row.

    Args:
        path: The damaged store.
        schema: The store's ``CREATE TABLE``/``CREATE INDEX`` script.
        problem: What the integrity check said (kept in the report).

    Returns:
        What was kept and where the original is.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    damaged = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while damaged.exists():
        n += 1
        damaged = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
    os.replace(path, damaged)
    for side in ("-wal", "-shm"):
        extra = path.with_name(path.name + side)
        if extra.exists():
            os.replace(extra, damaged.with_name(damaged.name + side))
    rows: dict[str, int] = {}
    with closing(sqlite3.connect(path, isolation_level=None)) as fresh:
        fresh.executescript(schema)
        tables = [
            r[0]
            for r in fresh.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        with _working_copy(damaged) as old:
            for table in tables:
                rows[table] = _copy_table(old, fresh, table)
    report = SalvageReport(path, damaged, rows, problem)
    log.warning("%s", report.message)
    return report


def ensure_sound(path: Path, schema: str) -> SalvageReport | None:
    """Check ``path``; salvage it when damaged. ``None`` when it was sound (or absent)."""
    problem = integrity_problem(path)
    if problem is None:
        return None
    return salvage(path, schema, problem)


def backup(path: Path, folder: Path, keep: int) -> Path | None:
    """Copy the live store ``path`` into ``folder`` with SQLite's online backup API.

    The copy is consistent even while other processes write. Only the newest ``keep`` backups
    of this store are kept. Returns the new backup, or ``None`` when ``path`` does not exist.

    Raises:
        sqlite3.Error, OSError: when the store cannot be read or the folder written.
    """
    if not path.is_file():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{time.monotonic_ns() % 1_000_000:06d}{path.suffix}"
    partial = target.with_name(target.name + ".partial")
    with (
        closing(sqlite3.connect(path, timeout=30)) as src,
        closing(sqlite3.connect(partial)) as dst,
    ):
        src.backup(dst)
    os.replace(partial, target)
    for old in backups(path, folder)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def backups(path: Path, folder: Path) -> list[Path]:
    """Backups of the store ``path`` in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    found = folder.glob(f"{path.stem}-*{path.suffix}")
    return sorted((p for p in found if p.is_file()), key=lambda p: (p.stat().st_mtime_ns, p.name))


def _pad_truncated(path: Path) -> None:
    """Extend a truncated file with zero pages to the size its header declares.

    SQLite refuses every page of a file shorter than its header says; zero pages in place of
    the missing ones let the pages that remain be read.
    """
    with path.open("r+b") as fh:
        header = fh.read(100)
        if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
            return
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        size = fh.seek(0, os.SEEK_END)
        if page_size >= 512 and size < pages * page_size:
            fh.truncate(pages * page_size)


@contextmanager
def _working_copy(damaged: Path) -> Iterator[sqlite3.Connection]:
    """A connection to a scratch copy of ``damaged`` (so the kept original never changes)."""
    scratch = damaged.with_name(damaged.name + ".reading")
    shutil.copyfile(damaged, scratch)
    _pad_truncated(scratch)
    wal = damaged.with_name(damaged.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, scratch.with_name(scratch.name + "-wal"))
    try:
        with closing(sqlite3.connect(scratch)) as db:
            yield db
    finally:
        for side in ("", "-wal", "-shm", "-journal"):
            scratch.with_name(scratch.name + side).unlink(missing_ok=True)


def _copy_table(old: sqlite3.Connection, fresh: sqlite3.Connection, table: str) -> int:
    try:
        columns = [r[1] for r in fresh.execute(f'PRAGMA table_info("{table}")')]
        placeholders = ", ".join("?" for _ in columns)
        insert = f'INSERT OR IGNORE INTO "{table}" VALUES ({placeholders})'
        names = ", ".join(f'"{c}"' for c in columns)
        old.execute(f'SELECT {names} FROM "{table}" LIMIT 0')
    except sqlite3.DatabaseError:
        return 0
    copied = 0
    fresh.execute("BEGIN")
    for row in _readable_rows(old, table, names, len(columns)):
        copied += fresh.execute(insert, row).rowcount
    fresh.execute("COMMIT")
    return copied


def _readable_rows(
    db: sqlite3.Connection, table: str, names: str, width: int
) -> Iterator[tuple[object, ...]]:
    """Rows in rowid order; past a damaged page, probe row ids one by one."""
    select = f'SELECT {names} FROM "{table}"'
    last = 0
    try:
        for rowid, *row in db.execute(f'SELECT rowid, {names} FROM "{table}" ORDER BY rowid'):
            last = int(rowid)
            yield tuple(row)
        return
    except sqlite3.DatabaseError:
        pass
    # The scan hit damage after row id ``last``: probe each later id until a long gap.
    misses = 0
    rowid = last
    while misses < _PROBE_GAP:
        rowid += 1
        try:
            got = db.execute(f"{select} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            got = None
        if got is None or len(got) != width:
            misses += 1
            continue
        misses = 0
        yield tuple(got)
