"""Post-edits: a translator's corrections of machine translations, kept in the workbench home.

An edit is keyed by the source sentence and the signature of the system that translated it, so
the same sentence translated again by the same system shows the edit, and exports use it. Each
save is committed at once: nothing is lost if the server stops.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from workbench.errors import UserInputError

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

    def _connect(self) -> sqlite3.Connection:
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

    def save(self, source: str, signature: str, original: str, edited: str) -> PostEdit:
        """Store (or replace) the edit of ``source`` as translated by ``signature``.

        Raises:
            UserInputError: when the edit is empty.
        """
        if not edited.strip():
            raise UserInputError("The edited translation is empty; type the corrected text.")
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with closing(self._connect()) as conn, conn:
            conn.execute(
                "INSERT OR REPLACE INTO postedit VALUES (?, ?, ?, ?, ?)",
                (source, signature, original, edited.strip(), stamp),
            )
        return PostEdit(source, signature, original, edited.strip(), stamp)

    def lookup(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Edited text for each ``(source, signature)`` pair that has an edit."""
        wanted = set(pairs)
        if not wanted or not self.path.is_file():
            return {}
        found: dict[tuple[str, str], str] = {}
        with closing(self._connect()) as conn:
            for source, signature in wanted:
                row = conn.execute(
                    "SELECT edited FROM postedit WHERE source = ? AND signature = ?",
                    (source, signature),
                ).fetchone()
                if row is not None:
                    found[(source, signature)] = row[0]
        return found

    def count(self) -> int:
        """How many edits are stored."""
        if not self.path.is_file():
            return 0
        with closing(self._connect()) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM postedit").fetchone()[0])
