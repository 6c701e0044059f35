"""The translation cache: an SQLite file keyed by engine signature and source sentence.

One row per ``(signature, source)``; the key is a SHA-256 of both so that the index stays small
for long sentences, and the signature and source are stored too so the file can be inspected.
Lookups and stores are bulk (one statement per chunk of :data:`CHUNK` sentences). The file lives
at :attr:`workbench.settings.Settings.cache_path` and uses WAL so that the CLI and the UI can
share it.

A cache that cannot be used (a corrupt file, a lock held too long by another process, an
unwritable folder) never stops a translation: it logs one warning, then behaves as an empty
cache that stores nothing. A translation is returned to the caller whether or not it could be
stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

log = logging.getLogger("workbench")

#: Sentences per SQL statement (well under SQLite's limit on bound variables).
CHUNK = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key BLOB PRIMARY KEY,
    signature TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL
) WITHOUT ROWID
"""


def cache_key(signature: str, source: str) -> bytes:
    """The row key of one source sentence under one engine signature."""
    return hashlib.sha256(f"{signature}\x00{source}".encode()).digest()


class TranslationCache:
    """SQLite store of translations; opened lazily on first use.

    Args:
        path: The SQLite file (created with its folder if missing).
        timeout: Seconds to wait for another process's lock before giving up on the cache.
    """

    def __init__(self, path: str | Path, *, timeout: float = 2.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.problem: str | None = None
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is None and self.problem is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=self.timeout, check_same_thread=False)
                try:
                    conn.execute("PRAGMA journal_mode=WAL")
                    conn.execute("PRAGMA synchronous=NORMAL")
                    conn.execute(_SCHEMA)
                    conn.commit()
                except sqlite3.Error:
                    conn.close()
                    raise
                self._conn = conn
            except (sqlite3.Error, OSError) as err:
                self._give_up(err)
        return self._conn

    def _give_up(self, err: Exception) -> None:
        """Log one warning and stop using the cache for the rest of this process."""
        self.problem = (
            f"The translation cache {self.path} cannot be used ({err}); translating without it. "
            "Delete the file if it is damaged, or use --no-cache."
        )
        log.warning(self.problem)
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def get_many(self, signature: str, sources: Sequence[str]) -> dict[str, str]:
        """Cached translations of ``sources`` under ``signature`` (misses are absent)."""
        found: dict[str, str] = {}
        with self._lock:
            conn = self._connect()
            if conn is None:
                return found
            by_key = {cache_key(signature, s): s for s in sources}
            keys = list(by_key)
            try:
                for start in range(0, len(keys), CHUNK):
                    chunk = keys[start : start + CHUNK]
                    marks = ",".join("?" * len(chunk))
                    rows = conn.execute(
                        f"SELECT key, translation FROM translations WHERE key IN ({marks})", chunk
                    )
                    for key, translation in rows:
                        found[by_key[key]] = translation
            except sqlite3.Error as err:
                self._give_up(err)
        return found

    def put_many(self, signature: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Store ``(source, translation)`` pairs under ``signature`` (in one transaction)."""
        now = time.time()
        rows = [(cache_key(signature, s), signature, s, t, now) for s, t in pairs]
        if not rows:
            return
        with self._lock:
            conn = self._connect()
            if conn is None:
                return
            try:
                with conn:
                    conn.executemany(
                        "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)", rows
                    )
            except sqlite3.Error as err:
                self._give_up(err)

    def __len__(self) -> int:
        """Number of cached translations (0 when the cache is unusable)."""
        with self._lock:
            conn = self._connect()
            if conn is None:
                return 0
            try:
                return int(conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0])
            except sqlite3.Error as err:
                self._give_up(err)
                return 0

    def close(self) -> None:
        """Close the database connection (it reopens on next use)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
