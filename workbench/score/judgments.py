"""Human judgments in SQLite: direct assessment and MQM-style error spans, never lost.

The database runs in WAL mode with ``synchronous=FULL`` and every :meth:`JudgmentStore.submit`
is its own committed transaction, so a judgment is on disk when ``submit`` returns: killing the
process (even ``kill -9``) loses nothing already submitted. Items (source, MT, reference side by
side) are stored alongside so that annotation can resume at the next unjudged item of each
annotator.
"""

from __future__ import annotations

import json
import logging
import random
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from workbench.errors import AnnotationError, UserInputError
from workbench.storage import SalvageReport, backup, ensure_sound
from workbench.types import AnnotationItem, ErrorSpan, Judgment

log = logging.getLogger("workbench")

#: MQM severities, least severe first, with the usual weights (Freitag et al. 2021).
SEVERITIES: dict[str, float] = {"minor": 1.0, "major": 5.0, "critical": 10.0}
#: MQM top-level error categories (MQM core typology).
CATEGORIES: tuple[str, ...] = (
    "accuracy/mistranslation",
    "accuracy/omission",
    "accuracy/addition",
    "accuracy/untranslated",
    "fluency/grammar",
    "fluency/spelling",
    "fluency/punctuation",
    "terminology",
    "style",
    "locale",
    "other",
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    item_id TEXT PRIMARY KEY,
    campaign TEXT NOT NULL,
    position INTEGER NOT NULL,
    system TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    reference TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_order ON items (campaign, position);
CREATE TABLE IF NOT EXISTS judgments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    annotator TEXT NOT NULL,
    item_id TEXT NOT NULL,
    system TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    reference TEXT NOT NULL,
    score REAL,
    errors TEXT NOT NULL,
    signature TEXT NOT NULL,
    created_at TEXT NOT NULL,
    extra TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS judgments_by_annotator ON judgments (annotator, item_id);
CREATE TABLE IF NOT EXISTS assignments (
    campaign TEXT NOT NULL,
    annotator TEXT NOT NULL,
    seed INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (campaign, annotator)
);
"""


class JudgmentStore:
    """A SQLite file of annotation items and human judgments.

    Args:
        path: The database file (``settings.judgments_path``); created with its folder.
        backups_dir: Where online backups go (``settings.backups_dir``); ``None``: no backups.
        backup_every: Back up after every N-th submitted judgment (0: never).
        backups_kept: How many backups to keep.

    When the file fails SQLite's integrity check it is salvaged on open (see
    :mod:`workbench.storage`): the original is kept unchanged, every readable row goes into a
    fresh file, and :attr:`salvage` says so.

    Use as a context manager or call :meth:`close`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        backups_dir: Path | None = None,
        backup_every: int = 0,
        backups_kept: int = 5,
    ) -> None:
        self.path = Path(path)
        self.backups_dir = backups_dir
        self.backup_every = backup_every
        self.backups_kept = backups_kept
        #: What salvage did when the file was found damaged on open (``None``: it was sound).
        self.salvage: SalvageReport | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.salvage = ensure_sound(self.path, _SCHEMA)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as err:
            raise AnnotationError(
                f"Cannot open the judgments database {self.path} ({err}); "
                "check that it is a file in a writable folder."
            ) from err

    def __enter__(self) -> JudgmentStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (everything submitted is already committed)."""
        self._db.close()

    # ── items ────────────────────────────────────────────────────────────────────────────

    def add_items(self, items: Iterable[AnnotationItem]) -> int:
        """Store items to annotate; items whose id is already stored are kept as they were.

        Returns:
            How many new items were stored.
        """
        rows = [
            (
                i.item_id,
                i.campaign,
                i.position,
                i.system,
                i.source,
                i.translation,
                i.reference,
                i.signature,
            )
            for i in items
        ]
        try:
            with self._transaction():
                before = self._count("SELECT COUNT(*) FROM items")
                self._db.executemany(
                    "INSERT OR IGNORE INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
                return self._count("SELECT COUNT(*) FROM items") - before
        except sqlite3.Error as err:
            raise AnnotationError(f"Cannot store annotation items in {self.path} ({err}).") from err

    def items(self, campaign: str | None = None) -> list[AnnotationItem]:
        """All items (of one campaign), in annotation order."""
        sql = "SELECT * FROM items"
        args: tuple[str, ...] = ()
        if campaign is not None:
            sql += " WHERE campaign = ?"
            args = (campaign,)
        rows = self._db.execute(sql + " ORDER BY campaign, position, item_id", args).fetchall()
        return [_item(r) for r in rows]

    def campaigns(self) -> list[str]:
        """Names of the campaigns that have items."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT campaign FROM items ORDER BY 1")]

    def next_item(self, annotator: str, campaign: str | None = None) -> AnnotationItem | None:
        """The first item (in order) the annotator has not judged yet; ``None`` when done."""
        _check_annotator(annotator)
        sql = (
            "SELECT * FROM items i WHERE NOT EXISTS (SELECT 1 FROM judgments j "
            "WHERE j.item_id = i.item_id AND j.annotator = ?)"
        )
        args: list[str] = [annotator]
        if campaign is not None:
            sql += " AND i.campaign = ?"
            args.append(campaign)
        row = self._db.execute(
            sql + " ORDER BY campaign, position, item_id LIMIT 1", args
        ).fetchone()
        return _item(row) if row else None

    def progress(self, annotator: str, campaign: str | None = None) -> tuple[int, int]:
        """``(judged, total)`` items of the annotator (in one campaign or all)."""
        where, args = ("WHERE campaign = ?", [campaign]) if campaign is not None else ("", [])
        total = self._count(f"SELECT COUNT(*) FROM items {where}", args)
        done = self._count(
            "SELECT COUNT(DISTINCT j.item_id) FROM judgments j JOIN items i USING (item_id) "
            f"WHERE j.annotator = ? {'AND i.campaign = ?' if campaign is not None else ''}",
            [annotator, *args],
        )
        return done, total

    def order_seed(self, annotator: str, campaign: str) -> int:
        """The seed that shuffles ``campaign``'s items for ``annotator``; drawn at random and
        recorded (committed) the first time, the same ever after.

        Raises:
            UserInputError: without an annotator name.
            AnnotationError: when the seed cannot be stored.
        """
        _check_annotator(annotator)
        name = annotator.strip()
        sql = "SELECT seed FROM assignments WHERE campaign = ? AND annotator = ?"
        row = self._db.execute(sql, (campaign, name)).fetchone()
        if row:
            return int(row[0])
        seed = secrets.randbelow(2**31 - 1) + 1
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            with self._transaction():
                self._db.execute(
                    "INSERT OR IGNORE INTO assignments VALUES (?, ?, ?, ?)",
                    (campaign, name, seed, created),
                )
        except sqlite3.Error as err:
            raise AnnotationError(f"Cannot record the item order in {self.path} ({err}).") from err
        return int(self._db.execute(sql, (campaign, name)).fetchone()[0])

    def annotator_items(self, annotator: str, campaign: str) -> tuple[int, list[AnnotationItem]]:
        """``(seed, items)``: the campaign's items in this annotator's own shuffled order.

        Every annotator gets a different order (from their recorded :meth:`order_seed`), so
        no system is always seen first or right after another.
        """
        seed = self.order_seed(annotator, campaign)
        items = self.items(campaign)
        random.Random(seed).shuffle(items)
        return seed, items

    def latest_judgment(self, annotator: str, item_id: str) -> Judgment | None:
        """The annotator's newest judgment of ``item_id`` (``None`` if never judged)."""
        row = self._db.execute(
            "SELECT * FROM judgments WHERE annotator = ? AND item_id = ? ORDER BY id DESC LIMIT 1",
            (annotator.strip(), item_id),
        ).fetchone()
        return _judgment(row) if row else None

    def judged_ids(self, annotator: str, campaign: str) -> set[str]:
        """Ids of the campaign's items the annotator has judged."""
        rows = self._db.execute(
            "SELECT DISTINCT j.item_id FROM judgments j JOIN items i USING (item_id) "
            "WHERE j.annotator = ? AND i.campaign = ?",
            (annotator.strip(), campaign),
        )
        return {str(r[0]) for r in rows}

    # ── judgments ────────────────────────────────────────────────────────────────────────

    def submit(self, judgment: Judgment) -> Judgment:
        """Validate and commit one judgment; it is on disk when this returns.

        Returns:
            The judgment with its ``id`` and ``created_at`` filled in.

        Raises:
            UserInputError: for a score outside 0–100, a bad span, severity or no annotator.
            AnnotationError: when the database cannot be written.
        """
        _validate(judgment)
        created = judgment.created_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        errors = json.dumps(
            [[e.start, e.end, e.category, e.severity, e.comment] for e in judgment.errors],
            ensure_ascii=False,
        )
        try:
            with self._transaction():
                cursor = self._db.execute(
                    "INSERT INTO judgments (annotator, item_id, system, source, translation, "
                    "reference, score, errors, signature, created_at, extra) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        judgment.annotator.strip(),
                        judgment.item_id,
                        judgment.system,
                        judgment.source,
                        judgment.translation,
                        judgment.reference,
                        judgment.score,
                        errors,
                        judgment.signature,
                        created,
                        json.dumps(list(judgment.extra), ensure_ascii=False),
                    ),
                )
        except sqlite3.Error as err:
            raise AnnotationError(
                f"Cannot save the judgment in {self.path} ({err}); it was not stored, submit again."
            ) from err
        saved = replace(judgment, id=cursor.lastrowid, created_at=created)
        if self.backup_every > 0 and saved.id and saved.id % self.backup_every == 0:
            self.backup()
        return saved

    def backup(self) -> Path | None:
        """Copy the store into :attr:`backups_dir` (SQLite online backup), rotating old copies.

        A failed backup is logged, never raised: it must not cost a judgment.

        Returns:
            The new backup file, or ``None`` when backups are off or the copy failed.
        """
        if self.backups_dir is None:
            return None
        try:
            return backup(self.path, self.backups_dir, self.backups_kept)
        except (sqlite3.Error, OSError) as err:
            log.warning("Could not back up %s (%s); judgments are still saved.", self.path, err)
            return None

    def judge(
        self,
        item: AnnotationItem,
        annotator: str,
        *,
        score: float | None = None,
        errors: Sequence[ErrorSpan] = (),
    ) -> Judgment:
        """Submit a judgment of ``item`` (the UI's one call per submit)."""
        return self.submit(
            Judgment(
                annotator=annotator.strip(),
                item_id=item.item_id,
                system=item.system,
                source=item.source,
                translation=item.translation,
                reference=item.reference,
                score=score,
                errors=tuple(errors),
                signature=item.signature,
            )
        )

    def judgments(
        self,
        *,
        annotator: str | None = None,
        system: str | None = None,
        latest: bool = True,
        campaign: str | None = None,
    ) -> list[Judgment]:
        """Stored judgments, oldest first.

        Args:
            annotator: Only this annotator's.
            system: Only judgments of this system.
            campaign: Only judgments of this campaign's items.
            latest: Keep only the newest judgment per (annotator, item) — a re-judgment
                replaces the earlier one; ``False`` returns the full history.
        """
        sql = "SELECT * FROM judgments j WHERE 1=1"
        args: list[str] = []
        if annotator is not None:
            sql += " AND annotator = ?"
            args.append(annotator)
        if system is not None:
            sql += " AND system = ?"
            args.append(system)
        if campaign is not None:
            sql += " AND item_id IN (SELECT item_id FROM items WHERE campaign = ?)"
            args.append(campaign)
        if latest:
            sql += (
                " AND id = (SELECT MAX(id) FROM judgments k "
                "WHERE k.annotator = j.annotator AND k.item_id = j.item_id)"
            )
        return [_judgment(r) for r in self._db.execute(sql + " ORDER BY id", args)]

    def annotators(self) -> list[str]:
        """Everyone who has submitted a judgment."""
        return [
            r[0] for r in self._db.execute("SELECT DISTINCT annotator FROM judgments ORDER BY 1")
        ]

    def count(self) -> int:
        """Number of stored judgments (all of them, history included)."""
        return self._count("SELECT COUNT(*) FROM judgments")

    # ── helpers ──────────────────────────────────────────────────────────────────────────

    def _count(self, sql: str, args: Sequence[object] = ()) -> int:
        return int(self._db.execute(sql, tuple(args)).fetchone()[0])

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on error) on an autocommit connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def _check_annotator(annotator: str) -> None:
    if not annotator or not annotator.strip():
        raise UserInputError("Give the annotator's name before judging.")


def _validate(j: Judgment) -> None:
    _check_annotator(j.annotator)
    if not j.item_id:
        raise UserInputError("A judgment needs the id of the item it judges.")
    if j.score is not None and not 0 <= j.score <= 100:
        raise UserInputError(f"A direct-assessment score is 0–100, not {j.score}.")
    if j.score is None and not j.errors and not dict(j.extra).get("no_errors"):
        raise UserInputError("Give a 0–100 score or mark at least one error span.")
    for e in j.errors:
        if not 0 <= e.start < e.end <= len(j.translation):
            raise UserInputError(
                f"Error span {e.start}–{e.end} is not inside the translation "
                f"(0–{len(j.translation)})."
            )
        if e.severity not in SEVERITIES:
            raise UserInputError(f"Unknown severity {e.severity!r}; use {', '.join(SEVERITIES)}.")
        if not e.category.strip():
            raise UserInputError("Every error span needs a category.")


def _item(row: Any) -> AnnotationItem:
    item_id, campaign, position, system, source, translation, reference, signature = row
    return AnnotationItem(
        item_id=str(item_id),
        system=str(system),
        source=str(source),
        translation=str(translation),
        reference=str(reference),
        signature=str(signature),
        campaign=str(campaign),
        position=int(position),
    )


def _judgment(row: Any) -> Judgment:
    (
        id_,
        annotator,
        item_id,
        system,
        source,
        translation,
        reference,
        score,
        errors,
        signature,
        created_at,
        extra,
    ) = row
    spans = tuple(
        ErrorSpan(start=s, end=e, category=c, severity=v, comment=m)
        for s, e, c, v, m in json.loads(str(errors))
    )
    return Judgment(
        annotator=str(annotator),
        item_id=str(item_id),
        system=str(system),
        source=str(source),
        translation=str(translation),
        reference=str(reference),
        score=float(score) if score is not None else None,
        errors=spans,
        signature=str(signature),
        created_at=str(created_at),
        id=int(id_),
        extra=tuple((str(k), str(v)) for k, v in json.loads(str(extra))),
    )
