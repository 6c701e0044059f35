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


def export_judgments(
    path: str | Path, fmt: str = "jsonl", campaign: str | None = None, template: bool = False
) -> str:
    """Every latest judgment in ``path`` as CSV or JSONL, each with its translation signature.

    A CSV always has its header row, also when there is no judgment yet. With ``template``, one
    row per stored item instead, its judgment columns (annotator, score, errors) empty: the
    file to fill in elsewhere and bring back with :func:`import_judgments`.

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
        if template:
            judgments = [
                Judgment(
                    "",
                    i.item_id,
                    i.system,
                    i.source,
                    i.translation,
                    i.reference,
                    signature=i.signature,
                )  # fmt: skip
                for i in store.items(campaign)
            ]
    if fmt == "csv":  # the header even with no judgment yet: the columns to fill in
        return to_csv(judgment_rows(judgments), JUDGMENT_COLUMNS)
    return judgments_to_jsonl(judgments)


# ── importing judgments made elsewhere ──────────────────────────────────────────────────────


@dataclass(frozen=True)
class RefusedRow:
    """A row of an imported judgments file that was not stored, and why."""

    line: int
    problem: str
    row: dict[str, str]


@dataclass(frozen=True)
class ImportReport:
    """What :func:`import_judgments` did: rows stored, rows already there, rows refused."""

    stored: int
    unchanged: int
    refused: tuple[RefusedRow, ...]

    @property
    def rows(self) -> int:
        """Rows read from the file."""
        return self.stored + self.unchanged + len(self.refused)


#: Columns an imported judgments row must have (the others are taken from the stored item).
IMPORT_COLUMNS: tuple[str, ...] = ("annotator", "item_id", "score", "errors")


def import_judgments(
    path: str | Path, file: str | Path, campaign: str | None = None
) -> ImportReport:
    """Store the judgments of a CSV or JSONL file in the columns ``judgments export`` writes.

    Each row judges one stored item (``item_id``) by one ``annotator``: a ``score`` (0–100,
    DA/ESA) and/or ``errors`` (a JSON list of spans ``{"start", "end", "category", "severity",
    "comment"}`` in the item's translation, MQM/ESA). The item's system, source, translation,
    reference and signature come from the store; a row whose ``translation`` is given and differs
    is refused (its spans would point into another text). Every row is checked on its own: a bad
    row is refused with its line number and the others are stored, each committed at once; a
    row equal to the annotator's latest judgment of the item is not stored twice, so importing
    a file again changes nothing. The file itself is never changed.

    Raises:
        UserInputError: for a file that cannot be read, another format, a header without
            :data:`IMPORT_COLUMNS`, or a ``campaign`` the store does not have.
    """
    from workbench.score.judgments import JudgmentStore

    rows = _judgment_rows(Path(file))
    stored = unchanged = 0
    refused: list[RefusedRow] = []
    with JudgmentStore(path) as store:
        if campaign is not None and campaign not in store.campaigns():
            known = ", ".join(store.campaigns()) or "none yet"
            raise UserInputError(f"No campaign {campaign!r} in {path}; campaigns: {known}.")
        items = {i.item_id: i for i in store.items(campaign)}
        where = f"campaign {campaign!r}" if campaign else str(path)
        for line, row in rows:
            try:
                judgment = _row_judgment(row, items, where)
                latest = store.latest_judgment(judgment.annotator, judgment.item_id)
                if latest is not None and _same(latest, judgment):
                    unchanged += 1
                    continue
                store.submit(judgment)
                stored += 1
            except UserInputError as err:
                refused.append(RefusedRow(line, str(err), row))
    return ImportReport(stored, unchanged, tuple(refused))


def refused_rows(refused: Sequence[RefusedRow], suffix: str = ".csv") -> str:
    """The refused rows as they were read, with ``line`` and ``problem`` columns added, as CSV
    (or JSONL for ``suffix`` ``.jsonl``): the file to fix and import again."""
    from workbench.export.tables import to_csv, to_jsonl

    rows = [{**r.row, "line": r.line, "problem": r.problem} for r in refused]
    columns = list(dict.fromkeys(k for r in rows for k in r))
    rows = [{c: r.get(c, "") for c in columns} for r in rows]
    return to_jsonl(rows) if suffix.lower() == ".jsonl" else to_csv(rows)


def _judgment_rows(file: Path) -> list[tuple[int, dict[str, str]]]:
    """``(line, row)`` of every row of a judgments CSV or JSONL (line of the row's start)."""
    import csv
    import io
    import json

    from workbench.textio import read_text

    kind = file.suffix.lower()
    if kind not in (".csv", ".jsonl"):
        raise UserInputError(f"{file.name}: judgments are imported from .csv or .jsonl files.")
    text = read_text(file, name=file.name).text  # messages name the file, not its folder
    if not text.strip():
        raise UserInputError(
            f"{file.name} is empty; fill in the rows `workbench judgments export --template "
            f"--format {kind[1:]}` writes."
        )
    if kind == ".csv" and text.lstrip().startswith("{"):
        # as `judgments export -o items.csv` wrote before it read the name (review20)
        raise UserInputError(
            f"{file.name} holds JSON Lines, not CSV; name it {file.stem}.jsonl and import that."
        )
    rows: list[tuple[int, dict[str, str]]] = []
    if kind == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as err:
                value = {"": f"not JSON ({err.msg})"}
            if not isinstance(value, dict):
                value = {"": "not a JSON object"}
            rows.append((number, {str(k): _cell(v) for k, v in value.items()}))
    else:
        reader = csv.reader(io.StringIO(text))
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in IMPORT_COLUMNS if c not in header]
        if missing:
            raise UserInputError(
                f"{file.name} has no {', '.join(missing)} column; write the columns of "
                "`workbench judgments export --format csv` (its header)."
            )
        end = reader.line_num
        for cells in reader:
            start, end = end + 1, reader.line_num  # a quoted cell may span lines
            if any(c.strip() for c in cells):
                rows.append((start, dict(zip(header, cells, strict=False))))
    if not rows:
        raise UserInputError(f"{file.name} has no judgments to import.")
    return rows


def _cell(value: object) -> str:
    import json

    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _row_judgment(row: dict[str, str], items: dict[str, AnnotationItem], where: str) -> Judgment:
    """The judgment a row describes, checked against its stored item.

    Raises:
        UserInputError: for a row that is not JSON, names no annotator or an unknown item,
            has a score that is no number, errors that are not a list of spans, or another
            translation than the item's.
    """
    if "" in row and len(row) == 1:
        raise UserInputError(f"The line is {row['']}.")
    item_id = row.get("item_id", "").strip()
    item = items.get(item_id)
    if item is None:
        raise UserInputError(
            f"No item {item_id!r} in {where}; judge the items `judgments add` stored."
            if item_id
            else "The row has no item_id."
        )
    given = row.get("translation", "")
    if given and given != item.translation:
        raise UserInputError(
            f"The translation is not the one stored for item {item_id!r}; a judgment is of "
            "the stored translation."
        )
    score_text = row.get("score", "").strip()
    try:
        score = float(score_text) if score_text else None
    except ValueError:
        raise UserInputError(f"The score {score_text!r} is not a number (0–100).") from None
    return Judgment(
        annotator=row.get("annotator", "").strip(),
        item_id=item_id,
        system=item.system,
        source=item.source,
        translation=item.translation,
        reference=item.reference,
        score=score,
        errors=_spans(row.get("errors", "")),
        signature=item.signature,
        created_at=row.get("created_at", "").strip(),
        extra=_extra(row.get("extra", "")),
    )


def _spans(text: str) -> tuple[ErrorSpan, ...]:
    """Error spans from the export's JSON (objects, or ``[start, end, category, severity]``)."""
    import json

    if not text.strip():
        return ()
    try:
        spans = json.loads(text)
        if not isinstance(spans, list):
            raise TypeError
        out = []
        for s in spans:
            if isinstance(s, dict):
                s = [s.get(k, "") for k in ("start", "end", "category", "severity", "comment")]
            start, end, category, severity, *comment = s
            if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
                raise TypeError
            out.append(
                ErrorSpan(
                    start, end, str(category), str(severity), str(comment[0] if comment else "")
                )
            )
    except (json.JSONDecodeError, TypeError, ValueError):
        raise UserInputError(
            'The errors are not a JSON list of spans like [{"start": 0, "end": 4, "category": '
            '"accuracy/mistranslation", "severity": "major"}].'
        ) from None
    return tuple(out)


def _extra(text: str) -> tuple[tuple[str, str], ...]:
    import json

    if not text.strip():
        return ()
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = None
    if not isinstance(value, dict):
        raise UserInputError('The extra column is not a JSON object like {"no_errors": "1"}.')
    return tuple((str(k), str(v)) for k, v in value.items())


def _same(a: Judgment, b: Judgment) -> bool:
    """Whether two judgments say the same (score, spans, extra), whenever they were made."""
    return (a.score, a.errors, dict(a.extra)) == (b.score, b.errors, dict(b.extra))
