"""The stores in the workbench home that hold human work: opened safely, checked, backed up.

``serve`` calls :func:`check_stores` once at start: each store is checked (a damaged one is
salvaged, see :mod:`workbench.storage`) and backed up with SQLite's online backup API; whatever
state a store is in, the result is a list of sentences for the user, never an exception, so the
server always starts. :func:`open_judgments` opens the judgments store with backups every
``settings.backup_every`` submitted judgments.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.score.judgments import JudgmentStore
from workbench.settings import Settings
from workbench.storage import backup

log = logging.getLogger("workbench")


@dataclass(frozen=True)
class StoreState:
    """How a store was found when ``serve`` started.

    Attributes:
        name: ``judgments`` or ``post-edits``.
        usable: Whether the store could be opened (after salvage if needed).
        message: One sentence for the user when something was wrong (``""`` when all is well).
        backup: The backup made at start (``None`` when there was nothing to back up).
    """

    name: str
    usable: bool
    message: str = ""
    backup: Path | None = None


def open_judgments(settings: Settings, path: Path | None = None) -> JudgmentStore:
    """The judgments store (salvaged on open when damaged), backed up every N judgments.

    Raises:
        AnnotationError: when the store cannot be opened at all (a folder, no permission).
    """
    return JudgmentStore(
        path or settings.judgments_path,
        backups_dir=settings.backups_dir,
        backup_every=settings.backup_every,
        backups_kept=settings.backups_kept,
    )


def check_judgments(settings: Settings) -> StoreState:
    """Open, salvage if damaged, and back up the judgments store; never raises."""
    path = settings.judgments_path
    if not path.exists():
        return StoreState("judgments", True)
    try:
        with open_judgments(settings) as store:
            message = store.salvage.message if store.salvage else ""
            made = store.backup()
    except WorkbenchError as err:
        log.warning("%s", err)
        return StoreState("judgments", False, str(err))
    return StoreState("judgments", True, message, made)


def back_up(path: Path, settings: Settings) -> Path | None:
    """An online backup of the SQLite store ``path`` into ``settings.backups_dir``; never raises."""
    try:
        return backup(path, settings.backups_dir, settings.backups_kept)
    except (sqlite3.Error, OSError) as err:
        log.warning("Could not back up %s (%s).", path, err)
        return None
