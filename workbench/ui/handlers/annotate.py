"""Annotate tab: direct assessment (0–100) and MQM error spans, per segment, per annotator.

Items and judgments live in the judgment store (``settings.judgments_path``); every submit is
committed at once, and loading an annotator resumes at the first item they have not judged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.errors import UserInputError, WorkbenchError
from workbench.types import AnnotationItem, ErrorSpan
from workbench.ui.context import UIContext
from workbench.ui.handlers.common import read_upload

log = logging.getLogger("workbench")

#: One marked error as the tab keeps it: ``{"start", "end", "category", "severity", "text"}``.
ErrorDict = dict[str, Any]


@dataclass(frozen=True)
class AnnotateView:
    """What the tab shows for one annotator in one campaign."""

    annotator: str
    campaign: str
    item: AnnotationItem | None
    done: int
    total: int
    errors: tuple[ErrorDict, ...] = field(default=())

    @property
    def status(self) -> str:
        """One line: where the annotator is."""
        if self.total == 0:
            return f"Campaign {self.campaign!r} has no items."
        if self.item is None:
            return (
                f"{self.annotator}: all {self.total} items of {self.campaign!r} judged — thank you."
            )
        return (
            f"{self.annotator} · {self.campaign} · item {self.item.position + 1} of {self.total} · "
            f"{self.done} judged"
        )


def _store(ctx: UIContext) -> Any:
    from workbench.pipeline.stores import open_judgments

    return open_judgments(ctx.settings)


def categories() -> tuple[str, ...]:
    """MQM error categories offered in the dropdown."""
    from workbench.score.judgments import CATEGORIES

    return tuple(CATEGORIES)


def severities() -> tuple[str, ...]:
    """MQM severities, least severe first."""
    from workbench.score.judgments import SEVERITIES

    return tuple(SEVERITIES)


def campaigns(ctx: UIContext) -> list[str]:
    """Names of the campaigns in the judgment store."""
    if not ctx.settings.judgments_path.is_file():
        return []
    try:
        with _store(ctx) as store:
            return list(store.campaigns())
    except WorkbenchError as err:  # the tab says why (store_status); the app still starts
        log.warning("%s", err)
        return []


def store_status(ctx: UIContext) -> str:
    """One sentence when the judgments store was damaged or cannot be used (else ``""``)."""
    if not ctx.settings.judgments_path.exists():
        return ""
    try:
        with _store(ctx) as store:
            return store.salvage.message if store.salvage else ""
    except WorkbenchError as err:
        return f"Judgments cannot be saved or shown right now: {err}"


def _campaign_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise UserInputError("Give the new campaign a name.")
    if ":" in name:
        raise UserInputError("A campaign name cannot contain ':'; use letters, digits or '-'.")
    return name


def _lines(path: str | None, what: str) -> list[str]:
    text, _ = read_upload(path, what)
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    if not any(line.strip() for line in lines):
        raise UserInputError(f"The {what} is empty.")
    return lines


def create_campaign(
    ctx: UIContext,
    name: str,
    source_file: str | None,
    system_files: Sequence[str] | None,
    reference_file: str | None = None,
) -> tuple[str, int]:
    """Store a campaign built from uploaded line-aligned files; returns ``(name, new items)``.

    Systems are named after their files.

    Raises:
        UserInputError: for a missing name or file, or files of different lengths.
    """
    from pathlib import Path

    from workbench.pipeline.evaluate import annotation_items

    campaign = _campaign_name(name)
    sources = _lines(source_file, "source file")
    if not system_files:
        raise UserInputError("Upload at least one file of translations to judge.")
    systems = [(Path(p).name, _lines(p, "translation file")) for p in system_files]
    references = _lines(reference_file, "reference file") if reference_file else None
    items = annotation_items(sources, systems, references=references, campaign=campaign)
    with _store(ctx) as store:
        added = store.add_items(items)
    return campaign, added


def campaign_from_translations(ctx: UIContext, name: str, result: Any) -> tuple[str, int]:
    """Store a campaign from the Translate tab's results (one item per line and system).

    Raises:
        UserInputError: when nothing has been translated yet.
    """
    from workbench.pipeline.evaluate import annotation_items

    campaign = _campaign_name(name)
    if result is None or not getattr(result, "systems", None):
        raise UserInputError("Translate something in the Translate tab first.")
    keep = [i for i, line in enumerate(result.lines) if line.strip()]
    sources = [result.lines[i] for i in keep]
    systems = [(s.label, [s.translations[i].text for i in keep]) for s in result.systems]
    signatures = [s.signature for s in result.systems]
    items = annotation_items(sources, systems, signatures=signatures, campaign=campaign)
    with _store(ctx) as store:
        added = store.add_items(items)
    return campaign, added


def resume(ctx: UIContext, annotator: str, campaign: str) -> AnnotateView:
    """The annotator's first unjudged item of ``campaign`` (``item`` is None when done).

    Raises:
        UserInputError: without an annotator name or a campaign.
    """
    annotator = (annotator or "").strip()
    if not annotator:
        raise UserInputError("Type your name as annotator first.")
    if not campaign:
        raise UserInputError("Choose a campaign (or create one below) first.")
    with _store(ctx) as store:
        item = store.next_item(annotator, campaign)
        done, total = store.progress(annotator, campaign)
    return AnnotateView(annotator, campaign, item, done, total)


def add_error(view: AnnotateView | None, span: str, category: str, severity: str) -> AnnotateView:
    """Mark the first not-yet-marked occurrence of ``span`` in the translation as an error.

    Raises:
        UserInputError: when no item is loaded or ``span`` is not in the translation.
    """
    if view is None or view.item is None:
        raise UserInputError("Load an item first (type your name and press Start / resume).")
    span = (span or "").strip()
    if not span:
        raise UserInputError("Copy the wrong words of the translation into 'Error span' first.")
    text = view.item.translation
    start = text.find(span)
    taken = {(e["start"], e["end"]) for e in view.errors}
    while start >= 0 and (start, start + len(span)) in taken:
        start = text.find(span, start + 1)
    if start < 0:
        raise UserInputError(
            f"{span!r} is not in the translation (or already marked); copy the words exactly."
        )
    error = {
        "start": start,
        "end": start + len(span),
        "category": category,
        "severity": severity,
        "text": span,
    }
    return AnnotateView(
        view.annotator, view.campaign, view.item, view.done, view.total, (*view.errors, error)
    )


def clear_errors(view: AnnotateView | None) -> AnnotateView | None:
    """The same view without marked errors."""
    if view is None:
        return None
    return AnnotateView(view.annotator, view.campaign, view.item, view.done, view.total)


def highlighted(view: AnnotateView | None) -> list[tuple[str, str | None]]:
    """The translation cut into ``(text, label)`` pieces for ``gr.HighlightedText``."""
    if view is None or view.item is None:
        return []
    text = view.item.translation
    out: list[tuple[str, str | None]] = []
    pos = 0
    for e in sorted(view.errors, key=lambda e: e["start"]):
        if e["start"] < pos:
            continue
        if e["start"] > pos:
            out.append((text[pos : e["start"]], None))
        out.append((text[e["start"] : e["end"]], f"{e['severity']}: {e['category']}"))
        pos = e["end"]
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def submit(ctx: UIContext, view: AnnotateView | None, score: float | None) -> AnnotateView:
    """Commit the judgment of the current item and move to the next unjudged one.

    Raises:
        UserInputError: when no item is loaded (or the store refuses the judgment).
    """
    if view is None or view.item is None:
        raise UserInputError("There is no item to judge; type your name and press Start / resume.")
    if score is None and not view.errors:
        raise UserInputError("Move the slider to give a 0–100 score, or mark at least one error.")
    errors = [ErrorSpan(e["start"], e["end"], e["category"], e["severity"]) for e in view.errors]
    with _store(ctx) as store:
        store.judge(
            view.item, view.annotator, score=None if score is None else float(score), errors=errors
        )
    return resume(ctx, view.annotator, view.campaign)


def judgment_rows(ctx: UIContext, annotator: str, campaign: str) -> list[list[Any]]:
    """The annotator's latest judgments in ``campaign``: item, system, score, errors, when."""
    annotator = (annotator or "").strip()
    if not annotator or not ctx.settings.judgments_path.is_file():
        return []
    with _store(ctx) as store:
        judgments = store.judgments(annotator=annotator)
    rows = []
    for j in judgments:
        if campaign and not j.item_id.startswith(f"{campaign}:"):
            continue
        errors = "; ".join(
            f"{e.severity} {e.category}: {j.translation[e.start : e.end]}" for e in j.errors
        )
        score = "" if j.score is None else f"{j.score:g}"
        rows.append([j.item_id, j.system, score, errors, j.created_at])
    return rows
