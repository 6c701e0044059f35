"""Post-edits: a translator's corrections of machine translations, kept in the workbench home.

An edit is keyed by the source sentence and the signature of the system that translated it, so
the same sentence translated again by the same system shows the edit, and exports use it. Each
save is committed at once: nothing is lost if the server stops. A damaged file is salvaged the
first time this store touches it (the original kept, readable edits copied into a fresh file;
see :mod:`workbench.storage`), so a corrupt ``postedits.sqlite`` never makes translation fail.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from workbench.errors import UserInputError
from workbench.storage import ensure_sound, is_damage

_T = TypeVar("_T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS postedit (
    source TEXT NOT NULL,
    signature TEXT NOT NULL,
    original TEXT NOT NULL,
    edited TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, signature)
)
"""


@dataclass(frozen=True)
class PostEdit:
    """One corrected translation."""

    source: str
    signature: str
    original: str
    edited: str
    updated_at: str = ""


class PostEditStore:
    """Post-edits in one SQLite file.

    Args:
        path: The SQLite file (created with its folder on first write).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        #: What salvage did when the file was found damaged (``None``: nothing to report).
        self.notice: str | None = None
        self._checked = False

    def check(self) -> str | None:
        """Salvage the file if it is damaged; returns the message saying so (or ``None``).

        Raises:
            UserInputError: when the file cannot be opened at all (a folder, no permission).
        """
        try:
            report = ensure_sound(self.path, _SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise UserInputError(
                f"Cannot open the post-edit store {self.path} ({err}); "
                "check that it is a file in a writable folder."
            ) from err
        self._checked = True
        if report is not None:
            self.notice = report.message
        return self.notice

    def _connect(self) -> sqlite3.Connection:
        if not self._checked:
            self.check()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10)
            conn.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise UserInputError(
                f"Cannot open the post-edit store {self.path} ({err}); "
                "check that the workbench folder is writable."
            ) from err
        return conn

    def _run(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``work`` on a connection; on damage found mid-way, salvage once and retry.

        Raises:
            UserInputError: when the store cannot be opened or written even after salvage.
        """
        for attempt in (1, 2):
            try:
                with closing(self._connect()) as conn, conn:
                    return work(conn)
            except sqlite3.DatabaseError as err:
                if attempt == 1 and is_damage(err):
                    self._checked = False
                    continue
                raise UserInputError(
                    f"Cannot use the post-edit store {self.path} ({err}); "
                    "check that the workbench folder is writable."
                ) from err
        raise AssertionError("unreachable")  # pragma: no cover

    def save(self, source: str, signature: str, original: str, edited: str) -> PostEdit:
        """Store (or replace) the edit of ``source`` as translated by ``signature``.

        Raises:
            UserInputError: when the edit is empty or the store cannot be written.
        """
        if not edited.strip():
            raise UserInputError("The edited translation is empty; type the corrected text.")
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        row = (source, signature, original, edited.strip(), stamp)
        self._run(
            lambda conn: conn.execute("INSERT OR REPLACE INTO postedit VALUES (?, ?, ?, ?, ?)", row)
        )
        return PostEdit(*row)

    def lookup(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Edited text for each ``(source, signature)`` pair that has an edit."""
        wanted = set(pairs)
        if not wanted or not self.path.is_file():
            return {}

        def find(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
            found: dict[tuple[str, str], str] = {}
            for source, signature in wanted:
                row = conn.execute(
                    "SELECT edited FROM postedit WHERE source = ? AND signature = ?",
                    (source, signature),
                ).fetchone()
                if row is not None:
                    found[(source, signature)] = row[0]
            return found

        return self._run(find)

    def count(self) -> int:
        """How many edits are stored."""
        if not self.path.is_file():
            return 0
        return self._run(
            lambda conn: int(conn.execute("SELECT COUNT(*) FROM postedit").fetchone()[0])
        )
