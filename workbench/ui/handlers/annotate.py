"""Annotate tab: blind DA, MQM and ESA judgments, error spans selected with the mouse.

Everything goes through :mod:`workbench.pipeline.annotate`: a session shows each annotator the
campaign's items in their own shuffled order (seed recorded), never the system's name; Back,
Skip and re-submitting (edit) move inside that order; every submit is committed at once.

Spans: the translation is shown in an HTML block whose small script reports the mouse
selection as character offsets (:func:`select`); "Mark error" then marks the selection (or, as
a keyboard fallback, the first unmarked occurrence of the words typed in the span box).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError, WorkbenchError
from workbench.pipeline import annotate as pa
from workbench.types import ErrorSpan
from workbench.ui.context import UIContext
from workbench.ui.handlers.common import read_upload
from workbench.ui.render import esc
from workbench.ui.wording import in_ui_terms
from workbench.wording import count

log = logging.getLogger("workbench")

#: One marked error as the tab keeps it: ``{"start", "end", "category", "severity", "text"}``.
ErrorDict = dict[str, Any]
#: Protocol choices: label → name.
PROTOCOL_CHOICES: dict[str, str] = {
    "Direct assessment (0–100)": "da",
    "MQM (error spans)": "mqm",
    "ESA (error spans, then 0–100)": "esa",
}


@dataclass(frozen=True)
class AnnotateView:
    """What the tab shows: the session, the spans marked so far and the mouse selection."""

    session: pa.Session
    errors: tuple[ErrorDict, ...] = field(default=())
    selection: tuple[int, int] | None = None

    @property
    def item(self) -> Any:
        """The current item (``None`` when finished)."""
        return self.session.item

    @property
    def status(self) -> str:
        """One line: where the annotator is."""
        return self.session.status


def categories() -> tuple[str, ...]:
    """MQM error categories offered in the dropdown."""
    return tuple(pa.CATEGORIES)


def severities() -> tuple[str, ...]:
    """MQM severities, least severe first."""
    return tuple(pa.SEVERITIES)


def campaigns(ctx: UIContext) -> list[str]:
    """Names of the campaigns in the judgment store."""
    try:
        return pa.campaigns(ctx.settings)
    except WorkbenchError as err:  # the tab says why (store_status); the app still starts
        log.warning("%s", err)
        return []


def store_status(ctx: UIContext) -> str:
    """One sentence when the judgments store was damaged or cannot be used (else ``""``)."""
    from workbench.pipeline.stores import open_judgments

    if not ctx.settings.judgments_path.exists():
        return ""
    try:
        with open_judgments(ctx.settings) as store:
            return store.salvage.message if store.salvage else ""
    except WorkbenchError as err:
        return f"Judgments cannot be saved or shown right now: {err}"


def _lines(path: str | None, what: str, notices: list[str] | None = None) -> list[str]:
    text, told = read_upload(path, what)
    if notices is not None:
        notices.extend(told)
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
    notices: list[str] | None = None,
) -> tuple[str, int]:
    """Store a campaign built from uploaded line-aligned files; returns ``(name, new items)``.

    Systems are named after their files (annotators never see these names). ``notices``, when
    given, receives the files' decoding notices (a file read as cp1251), for "Create" to say.

    Raises:
        UserInputError: for a missing name or file, or files of different lengths.
    """
    pa.campaign_name(name)
    sources = _lines(source_file, "source file", notices)
    if not system_files:
        raise UserInputError("Upload at least one file of translations to judge.")
    systems = [(Path(p).name, _lines(p, "translation file", notices)) for p in system_files]
    references = _lines(reference_file, "reference file", notices) if reference_file else None
    return pa.create_campaign(ctx.settings, name, sources, systems, references=references)


def stored_message(
    name: str, added: int, before: Sequence[str], notices: Sequence[str] = ()
) -> str:
    """What "Create" says: the new items stored, and whether ``name`` was among the campaigns
    ``before`` it (a "New campaign" with an existing name adds to that campaign; the walk saw
    "Campaign walk: 0 new items stored" with no word that the campaign existed), then the
    files' decoding ``notices`` (a file read as cp1251 was said in the server's log only:
    review22's walk)."""
    items = count(added, "new item")
    if name not in before:
        said = f"Campaign **{esc(name)}**: {items} stored."
    else:
        kept = "" if added else " (it has these items already)"
        said = (
            f"Campaign **{esc(name)}** already existed: {items} added to the existing campaign "
            f"{esc(name)}{kept}."
        )
    return "\n".join([said, *(f"- ⚠ {esc(in_ui_terms(n))}" for n in notices)])


def campaign_from_translations(ctx: UIContext, name: str, result: Any) -> tuple[str, int]:
    """Store a campaign from the Translate tab's results (one item per line and system).

    Raises:
        UserInputError: when nothing has been translated yet.
    """
    pa.campaign_name(name)
    if result is None or not getattr(result, "systems", None):
        raise UserInputError("Translate something in the Translate tab first.")
    keep = [i for i, line in enumerate(result.lines) if line.strip()]
    sources = [result.lines[i] for i in keep]
    systems = [(s.label, [s.translations[i].text for i in keep]) for s in result.systems]
    signatures = [s.signature for s in result.systems]
    return pa.create_campaign(ctx.settings, name, sources, systems, signatures=signatures)


def _view(session: pa.Session) -> AnnotateView:
    """A fresh view of the session's item, with its previous judgment's spans (to edit)."""
    previous = session.previous
    errors: tuple[ErrorDict, ...] = ()
    if previous is not None and session.item is not None:
        errors = tuple(
            {
                "start": e.start,
                "end": e.end,
                "category": e.category,
                "severity": e.severity,
                "text": session.item.translation[e.start : e.end],
            }
            for e in previous.errors
        )
    return AnnotateView(session, errors)


def resume(ctx: UIContext, annotator: str, campaign: str, protocol: str = "da") -> AnnotateView:
    """The annotator's first unjudged item of ``campaign``, in their own order.

    Raises:
        UserInputError: without an annotator name or a campaign.
    """
    name = PROTOCOL_CHOICES.get(protocol, protocol)
    return _view(pa.start(ctx.settings, annotator, campaign, name))


def _loaded(view: AnnotateView | None) -> AnnotateView:
    if view is None or view.item is None:
        raise UserInputError("Load an item first (type your name and press Start / resume).")
    return view


def back(ctx: UIContext, view: AnnotateView | None) -> AnnotateView:
    """The previous item of the annotator's order, with their judgment of it (to edit)."""
    if view is None:
        raise UserInputError("Type your name, choose a campaign and press Start first.")
    return _view(pa.back(ctx.settings, view.session))


def skip(ctx: UIContext, view: AnnotateView | None) -> AnnotateView:
    """Leave this item for later and show the next unjudged one."""
    return _view(pa.skip(ctx.settings, _loaded(view).session))


def goto(ctx: UIContext, view: AnnotateView | None, position: float | None) -> AnnotateView:
    """Show item number ``position`` (1-based, in the annotator's order) to read or edit it."""
    if view is None:
        raise UserInputError("Type your name, choose a campaign and press Start first.")
    if position is None:
        raise UserInputError("Type the number of the item to open.")
    return _view(pa.go(ctx.settings, view.session, int(position) - 1))


def select(view: AnnotateView | None, start: Any, end: Any) -> tuple[AnnotateView, str]:
    """Remember the mouse selection ``[start, end)`` of the translation; returns its text.

    Raises:
        UserInputError: when no item is loaded or the offsets are not inside the translation.
    """
    view = _loaded(view)
    text = view.item.translation
    try:
        a, b = int(start), int(end)
    except (TypeError, ValueError) as err:
        raise UserInputError("The selection could not be read; select the words again.") from err
    if not 0 <= a < b <= len(text):
        raise UserInputError("Select some words of the translation with the mouse first.")
    # trim spaces the mouse picked up at either end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a == b:
        raise UserInputError("Select some words of the translation with the mouse first.")
    return replace(view, selection=(a, b)), text[a:b]


def add_error(view: AnnotateView | None, span: str, category: str, severity: str) -> AnnotateView:
    """Mark the selected words (or the first unmarked occurrence of ``span``) as an error.

    ESA spans carry no category.

    Raises:
        UserInputError: when no item is loaded, nothing is selected, the span is not in the
            translation, or the severity does not belong to the protocol.
    """
    view = _loaded(view)
    spec = pa.protocol(view.session.protocol)
    if not spec.uses_spans:
        raise UserInputError(
            f"{spec.title} takes a score only; switch to MQM or ESA to mark errors."
        )
    if severity not in spec.severities:
        raise UserInputError(f"{spec.title} uses the severities {', '.join(spec.severities)}.")
    text = view.item.translation
    span = (span or "").strip()
    taken = {(e["start"], e["end"]) for e in view.errors}
    if view.selection is not None and (not span or text[slice(*view.selection)] == span):
        start, end = view.selection
        if (start, end) in taken:
            raise UserInputError("These words are already marked; select others.")
    else:
        if not span:
            raise UserInputError("Select the wrong words of the translation with the mouse first.")
        start = text.find(span)
        while start >= 0 and (start, start + len(span)) in taken:
            start = text.find(span, start + 1)
        if start < 0:
            raise UserInputError(
                f"{span!r} is not in the translation (or already marked); select it with the "
                "mouse or copy the words exactly."
            )
        end = start + len(span)
    error = {
        "start": start,
        "end": end,
        "category": category if spec.needs_category else pa.ESA_CATEGORY,
        "severity": severity,
        "text": text[start:end],
    }
    return replace(view, errors=(*view.errors, error), selection=None)


def clear_errors(view: AnnotateView | None) -> AnnotateView | None:
    """The same view without marked errors."""
    return None if view is None else replace(view, errors=(), selection=None)


def translation_html(view: AnnotateView | None) -> str:
    """The translation with marked spans (by severity) and the current selection, escaped;
    the tab's script reads offsets from the text inside ``.wb-mt``."""
    if view is None or view.item is None:
        return "<div class='wb-mt wb-empty'>No item loaded.</div>"
    text = view.item.translation
    spans = [
        (e["start"], e["end"], f"sev-{e['severity']}", f"{e['severity']}: {e['category']}")
        for e in view.errors
    ]
    if view.selection is not None:
        spans.append((*view.selection, "sev-selected", "selected"))
    out, pos = [], 0
    for start, end, css, title in sorted(spans):
        if start < pos:
            continue
        out.append(esc(text[pos:start]))
        out.append(f'<mark class="{css}" title="{esc(title)}">{esc(text[start:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return f"<div class='wb-mt'>{''.join(out)}</div>"


def submit(
    ctx: UIContext, view: AnnotateView | None, score: float | None, no_errors: bool = False
) -> AnnotateView:
    """Commit the judgment of the current item and move to the next unjudged one.

    Raises:
        UserInputError: when no item is loaded or the protocol's requirements are not met.
    """
    view = _loaded(view)
    errors = [ErrorSpan(e["start"], e["end"], e["category"], e["severity"]) for e in view.errors]
    session = pa.submit(
        ctx.settings,
        view.session,
        score=None if score is None else float(score),
        errors=errors,
        no_errors=no_errors,
    )
    return _view(session)


JUDGMENT_HEADERS = ["#", "Protocol", "Score", "Errors", "Submitted (UTC)"]


def judgment_rows(ctx: UIContext, view: AnnotateView | None) -> list[list[Any]]:
    """The annotator's judgments in this campaign (blind: item number in their own order)."""
    rows = pa.judgments_of(ctx.settings, view.session if view is not None else None)
    return [
        [r.position, r.protocol, "" if r.score is None else f"{r.score:g}", r.errors, r.created_at]
        for r in rows
    ]


def instructions(view: AnnotateView | None, protocol: str = "da") -> str:
    """The protocol's instructions for the annotator."""
    name = view.session.protocol if view is not None else PROTOCOL_CHOICES.get(protocol, protocol)
    spec = pa.protocol(name)
    return f"**{esc(spec.title)}** — {esc(spec.instructions)}"


@dataclass(frozen=True)
class ProtocolControls:
    """Which judging controls the protocol uses (the tab hides the others)."""

    score: bool
    spans: bool
    category: bool
    no_errors: bool
    severities: tuple[str, ...]


def controls(view: AnnotateView | None) -> ProtocolControls:
    """The controls of the view's protocol (all of them before a session starts)."""
    if view is None:
        return ProtocolControls(True, True, True, True, severities())
    spec = pa.protocol(view.session.protocol)
    return ProtocolControls(
        score=spec.needs_score,
        spans=spec.uses_spans,
        category=spec.needs_category,
        no_errors=spec.name == "mqm",
        severities=spec.severities or severities(),
    )


def previous_score(view: AnnotateView | None) -> float | None:
    """The score of the annotator's earlier judgment of this item (to edit), if any."""
    if view is None or view.session.previous is None:
        return None
    return view.session.previous.score
