"""Annotate: campaigns, a blind per-annotator session with back / skip / edit, and judgments.

The UI's Annotate tab and ``workbench judgments`` reach the judgment store only through these
functions. A session is blind: it carries items (source, translation, reference) but the tab
never shows ``item.system``; every annotator sees the campaign's items in their own order,
shuffled with a seed drawn once and recorded in the store (and in every judgment's ``extra``).
Every submit is committed at once; going back to an item shows the annotator's latest judgment
of it, and submitting again records a new judgment that replaces it (the history is kept).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.errors import UserInputError
from workbench.pipeline.evaluate import annotation_items
from workbench.pipeline.stores import open_judgments
from workbench.score.judgments import CATEGORIES, SEVERITIES
from workbench.score.protocols import ESA_CATEGORY, PROTOCOLS, Protocol
from workbench.settings import Settings
from workbench.types import AnnotationItem, ErrorSpan, Judgment

__all__ = [
    "CATEGORIES",
    "ESA_CATEGORY",
    "PROTOCOLS",
    "SEVERITIES",
    "Session",
    "back",
    "campaigns",
    "create_campaign",
    "go",
    "judgments_of",
    "protocol",
    "skip",
    "start",
    "submit",
]


@dataclass(frozen=True)
class Session:
    """Where one annotator is in one campaign.

    Attributes:
        annotator: The annotator's name.
        campaign: The campaign.
        protocol: ``da``, ``mqm`` or ``esa``.
        seed: The recorded seed of this annotator's item order.
        order: Item ids in this annotator's order.
        index: Position of the current item in ``order`` (``len(order)`` when finished).
        item: The current item (``None`` when finished or the campaign is empty).
        judged: Ids of the items this annotator has judged.
        previous: The annotator's latest judgment of the current item (for editing).
    """

    annotator: str
    campaign: str
    protocol: str
    seed: int
    order: tuple[str, ...]
    index: int
    item: AnnotationItem | None
    judged: frozenset[str]
    previous: Judgment | None = None

    @property
    def total(self) -> int:
        """Items in the campaign."""
        return len(self.order)

    @property
    def done(self) -> int:
        """Items this annotator has judged."""
        return len(self.judged)

    @property
    def status(self) -> str:
        """One line: where the annotator is (never the system's name)."""
        if self.total == 0:
            return f"Campaign {self.campaign!r} has no items."
        if self.item is None:
            return (
                f"{self.annotator}: all {self.total} items of {self.campaign!r} judged — thank you."
            )
        edit = " · already judged: submitting replaces your judgment" if self.previous else ""
        return (
            f"{self.annotator} · {self.campaign} · {PROTOCOLS.get(self.protocol).title} · "
            f"item {self.index + 1} of {self.total} · {self.done} judged{edit}"
        )


def protocol(name: str) -> Protocol:
    """The annotation protocol ``name`` (``da``, ``mqm``, ``esa``).

    Raises:
        UnknownNameError: for a protocol that does not exist (lists the available ones).
    """
    return PROTOCOLS.get(name)


def campaigns(settings: Settings) -> list[str]:
    """Names of the campaigns in the judgment store (none when there is no store yet)."""
    if not settings.judgments_path.is_file():
        return []
    with open_judgments(settings) as store:
        return list(store.campaigns())


def campaign_name(name: str) -> str:
    """A valid campaign name (stripped).

    Raises:
        UserInputError: for an empty name or one with ':' (item ids use it).
    """
    name = (name or "").strip()
    if not name:
        raise UserInputError("Give the new campaign a name.")
    if ":" in name:
        raise UserInputError("A campaign name cannot contain ':'; use letters, digits or '-'.")
    return name


def create_campaign(
    settings: Settings,
    name: str,
    sources: Sequence[str],
    systems: Sequence[tuple[str, Sequence[str]]],
    *,
    references: Sequence[str] | None = None,
    signatures: Sequence[str] | None = None,
) -> tuple[str, int]:
    """Store a campaign's items (one per segment and system); returns ``(name, new items)``.

    Raises:
        UserInputError: for a bad name, no system, or misaligned segments.
    """
    campaign = campaign_name(name)
    if not systems:
        raise UserInputError("Give at least one system's translations to judge.")
    items = annotation_items(
        sources, systems, references=references, signatures=signatures, campaign=campaign
    )
    with open_judgments(settings) as store:
        return campaign, store.add_items(items)


def _at(settings: Settings, session: Session, index: int) -> Session:
    """The session moved to ``index`` (clamped to the end), with that item's last judgment."""
    index = max(0, min(index, session.total))
    with open_judgments(settings) as store:
        judged = frozenset(store.judged_ids(session.annotator, session.campaign))
        item = None
        previous = None
        if index < session.total:
            item = next(
                (i for i in store.items(session.campaign) if i.item_id == session.order[index]),
                None,
            )
            previous = store.latest_judgment(session.annotator, session.order[index])
    return replace(session, index=index, item=item, judged=judged, previous=previous)


def _next_unjudged(session: Session, after: int) -> int:
    """The first unjudged position after ``after``, wrapping around; ``total`` when none."""
    n = session.total
    for step in range(1, n + 1):
        k = (after + step) % n
        if session.order[k] not in session.judged:
            return k
    return n


def start(settings: Settings, annotator: str, campaign: str, protocol_name: str = "da") -> Session:
    """Open (or resume) the annotator's session: the first unjudged item in their order.

    Raises:
        UserInputError: without an annotator name or a campaign, or for an unknown campaign.
        UnknownNameError: for an unknown protocol.
    """
    annotator = (annotator or "").strip()
    if not annotator:
        raise UserInputError("Type your name as annotator first.")
    if not campaign:
        raise UserInputError("Choose a campaign (or create one below) first.")
    PROTOCOLS.get(protocol_name)
    with open_judgments(settings) as store:
        if campaign not in store.campaigns():
            raise UserInputError(f"There is no campaign {campaign!r}; create it first.")
        seed, items = store.annotator_items(annotator, campaign)
        judged = frozenset(store.judged_ids(annotator, campaign))
    order = tuple(i.item_id for i in items)
    first = next((k for k, i in enumerate(order) if i not in judged), len(order))
    session = Session(annotator, campaign, protocol_name, seed, order, 0, None, judged)
    return _at(settings, session, first)


def go(settings: Settings, session: Session | None, index: int) -> Session:
    """Show the item at ``index`` (0-based) of the annotator's order, judged or not.

    Raises:
        UserInputError: without a session, or for a position outside the campaign.
    """
    if session is None:
        raise UserInputError("Type your name, choose a campaign and press Start first.")
    if not 0 <= index < session.total:
        raise UserInputError(f"There is no item {index + 1}; items are 1–{session.total}.")
    return _at(settings, session, index)


def back(settings: Settings, session: Session | None) -> Session:
    """The previous item in the annotator's order (to read or change its judgment).

    Raises:
        UserInputError: without a session, or at the first item.
    """
    if session is None:
        raise UserInputError("Type your name, choose a campaign and press Start first.")
    if session.index == 0:
        raise UserInputError("This is the first item; there is nothing before it.")
    return _at(settings, session, session.index - 1)


def skip(settings: Settings, session: Session | None) -> Session:
    """Leave the current item unjudged for now and show the next unjudged one.

    Raises:
        UserInputError: without an item, or when no other item is left unjudged.
    """
    if session is None or session.item is None:
        raise UserInputError("There is no item to skip; press Start first.")
    nxt = _next_unjudged(session, session.index)
    if nxt in (session.index, session.total):
        raise UserInputError("No other item is left unjudged; judge this one or go back.")
    return _at(settings, session, nxt)


def submit(
    settings: Settings,
    session: Session | None,
    *,
    score: float | None,
    errors: Sequence[ErrorSpan] = (),
    no_errors: bool = False,
) -> Session:
    """Commit the judgment of the current item (replacing an earlier one) and move on to the
    next unjudged item in the annotator's order.

    The judgment's ``extra`` records the protocol, the order seed and the position shown.

    Raises:
        UserInputError: without an item, or when the protocol's requirements are not met.
    """
    if session is None or session.item is None:
        raise UserInputError("There is no item to judge; type your name and press Start.")
    spec = PROTOCOLS.get(session.protocol)
    spec.check(score, len(errors), no_errors)
    for e in errors:
        if e.severity not in spec.severities:
            raise UserInputError(
                f"{spec.title} uses the severities {', '.join(spec.severities)}, "
                f"not {e.severity!r}."
            )
    item = session.item
    extra = [
        ("protocol", spec.name),
        ("order_seed", str(session.seed)),
        ("shown_position", str(session.index + 1)),
    ]
    if no_errors and not errors:
        extra.append(("no_errors", "1"))
    judgment = Judgment(
        annotator=session.annotator,
        item_id=item.item_id,
        system=item.system,
        source=item.source,
        translation=item.translation,
        reference=item.reference,
        score=None if score is None else float(score),
        errors=tuple(errors),
        signature=item.signature,
        extra=tuple(extra),
    )
    with open_judgments(settings) as store:
        store.submit(judgment)
    moved = _at(settings, session, session.index)
    return _at(settings, moved, _next_unjudged(moved, moved.index))


@dataclass(frozen=True)
class JudgedRow:
    """One of the annotator's own judgments, blind (no system name)."""

    position: int
    protocol: str
    score: float | None
    errors: str
    created_at: str


def judgments_of(settings: Settings, session: Session | None) -> list[JudgedRow]:
    """The annotator's latest judgments in the session's campaign, in their own order."""
    if session is None or not settings.judgments_path.is_file():
        return []
    with open_judgments(settings) as store:
        judgments = store.judgments(annotator=session.annotator, campaign=session.campaign)
    where = {item_id: k for k, item_id in enumerate(session.order)}
    rows = []
    for j in sorted(judgments, key=lambda j: where.get(j.item_id, len(where))):
        extra = dict(j.extra)
        errors = "; ".join(
            f"{e.severity} {e.category}: {j.translation[e.start : e.end]}" for e in j.errors
        )
        rows.append(
            JudgedRow(
                position=where.get(j.item_id, -1) + 1,
                protocol=extra.get("protocol", "da" if j.score is not None else "mqm"),
                score=j.score,
                errors=errors or ("none" if extra.get("no_errors") else ""),
                created_at=j.created_at,
            )
        )
    return rows


def add_items_from_files(
    path: str | Path,
    source: str | Path,
    hypotheses: Sequence[str | Path],
    *,
    reference: str | Path | None = None,
    names: str | Sequence[str] | None = None,
    campaign: str = "default",
) -> tuple[int, int]:
    """Load line-aligned files into the judgments database ``path`` as a campaign's items.

    Returns:
        ``(new items, items in the files)``; items already stored are kept as they were.

    Raises:
        UserInputError: for unreadable or misaligned files or a bad campaign name.
    """
    from workbench.pipeline.evaluate import load_annotation_items
    from workbench.score.judgments import JudgmentStore

    items = load_annotation_items(
        source, hypotheses, reference=reference, names=names, campaign=campaign_name(campaign)
    )
    with JudgmentStore(path) as store:
        return store.add_items(items), len(items)


def export_judgments(path: str | Path, fmt: str = "jsonl", campaign: str | None = None) -> str:
    """Every latest judgment in ``path`` as CSV or JSONL, each with its translation signature.

    A CSV always has its header row, also when there is no judgment yet.

    Raises:
        UserInputError: for another format, or a ``campaign`` the store does not have.
    """
    from workbench.export.tables import (
        JUDGMENT_COLUMNS,
        judgment_rows,
        judgments_to_jsonl,
        to_csv,
    )
    from workbench.score.judgments import JudgmentStore

    if fmt not in ("csv", "jsonl"):
        raise UserInputError(f"Unknown judgments format {fmt!r}; use csv or jsonl.")
    with JudgmentStore(path) as store:
        if campaign is not None and campaign not in store.campaigns():
            known = ", ".join(store.campaigns()) or "none yet"
            raise UserInputError(f"No campaign {campaign!r} in {path}; campaigns: {known}.")
        judgments = store.judgments(campaign=campaign)
    if fmt == "csv":  # the header even with no judgment yet: the columns to fill in
        return to_csv(judgment_rows(judgments), JUDGMENT_COLUMNS)
    return judgments_to_jsonl(judgments)
