"""One view of a case comparison, shared by every rendering (UI, HTML report, Markdown report).

:func:`build_view` turns a :class:`~workbench.types.CaseComparison` into a :class:`CompareView`:

* a **statement-centric view**: for each statement, every outlet's retelling side by side with
  its differences, the most salient statement first and the most salient difference first;
* the **pair list**: each alignment as the aligner made it, in statement order;
* the **leftovers**: statements no (shown) outlet retells, and each outlet's report sentences
  that retell no statement;
* the **aggregates**: differences by outlet type and kind, the labels each outlet type uses,
  the figures that disagree.

:class:`ViewFilters` (kind, outlet, outlet type, minimum salience) are applied here, once, so
that every renderer shows the same thing. Numbers users see are 1-based (statement 1, line 1,
sentence 1); ``index`` fields keep the pipeline's 0-based indices (the JSON contract).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from workbench.errors import UserInputError
from workbench.types import (
    Alignment,
    Case,
    CaseComparison,
    Comparison,
    Difference,
    Document,
    DocumentComparison,
    FaithResult,
    FigureDisagreement,
    KindCount,
    LabelUse,
    LinkCorrection,
    OutletType,
    ReportRef,
    StatementRef,
)
from workbench.view.kinds import style_of
from workbench.wording import count

#: How the report sentences of one retelling are joined (the compare pipeline's joiner).
REPORT_JOINER = " "


@dataclass(frozen=True)
class ViewFilters:
    """What to show. ``None`` means "every one"; an empty tuple means "none".

    Attributes:
        kinds: Difference kinds to show.
        outlets: Report document ids whose retellings to show.
        outlet_types: Outlet types (``state``, ``independent``, ``foreign``) to show.
        min_salience: Hide differences less salient than this (0 shows every one).
    """

    kinds: tuple[str, ...] | None = None
    outlets: tuple[str, ...] | None = None
    outlet_types: tuple[str, ...] | None = None
    min_salience: float = 0.0

    @property
    def narrows_differences(self) -> bool:
        """True when some difference may be hidden (by kind or salience)."""
        return self.kinds is not None or self.min_salience > 0

    def keeps_document(self, doc: Document) -> bool:
        """Whether the retellings of report document ``doc`` are shown."""
        return (self.outlets is None or doc.id in self.outlets) and (
            self.outlet_types is None or doc.outlet_type.value in self.outlet_types
        )

    def keeps(self, kind: str, salience: float) -> bool:
        """Whether a difference of ``kind`` with ``salience`` is shown."""
        return (self.kinds is None or kind in self.kinds) and salience >= self.min_salience


def check_filters(filters: ViewFilters, case: Case, known_kinds: Sequence[str]) -> None:
    """Raise one clear sentence for a filter naming something the case does not have.

    Raises:
        UserInputError: for an unknown kind, report document, outlet type, or a salience
            outside 0–1.
    """
    checks = (
        ("difference kind", filters.kinds, tuple(known_kinds)),
        ("outlet", filters.outlets, tuple(d.id for d in case.reports)),
        (
            "outlet type",
            filters.outlet_types,
            tuple(dict.fromkeys(d.outlet_type.value for d in case.reports)),
        ),
    )
    for what, given, valid in checks:
        unknown = [g for g in given or () if g not in valid]
        if unknown:
            raise UserInputError(
                f"Unknown {what} {', '.join(map(repr, unknown))}; "
                f"pick from {', '.join(valid) or 'nothing (the case has none)'}."
            )
    if not 0.0 <= filters.min_salience <= 1.0:
        raise UserInputError(
            f"The minimum salience must be between 0 and 1, not {filters.min_salience}."
        )


@dataclass(frozen=True)
class DifferenceView:
    """One difference as shown: spans into the texts of the view that holds it.

    ``statement_span`` points into the statement's English (its text when it has none);
    ``report_span`` into the :attr:`Retelling.text` of the retelling that holds it.
    """

    kind: str
    statement: str
    report: str
    note: str
    salience: float
    statement_span: tuple[int, int] | None
    report_span: tuple[int, int] | None
    document_id: str
    voice: str = "own"
    speaker: str = ""
    origin: str = "report"


@dataclass(frozen=True)
class StatementInfo:
    """A statement line with the numbers users see.

    Attributes:
        index: 0-based, across the case's statement documents (the JSON's ``statement.index``).
        number: ``index + 1``.
        line: 1-based line in its own document.
        outlet: Who made the statement (its document's outlet).
        translation_audit: The faithfulness check of the supplied translation against the
            original (spans: ``source_span`` into :attr:`text`, ``translation_span`` into
            :attr:`translation`); None when the translation was not audited.
    """

    index: int
    number: int
    line: int
    document_id: str
    outlet: str
    text: str
    translation: str | None
    translation_audit: FaithResult | None = None

    @property
    def translation_departs(self) -> bool:
        """True when the audit flags the supplied translation as departing from the original."""
        return self.translation_audit is not None and self.translation_audit.flagged

    @property
    def english(self) -> str:
        """The text differences point into: the English translation, else the text."""
        return self.translation or self.text


#: A span to highlight, as every renderer takes it: ``(start, end, kind, title)``.
Span = tuple[int, int, str, str]


@dataclass(frozen=True)
class AuditMarks:
    """The audit of a statement's supplied translation as every rendering shows it.

    Attributes:
        head: The verdict ("departs from the original" or "is not flagged").
        detail: The score and how many issues the list under the head holds
            ("faithfulness 0.64, 1 issue found").
        source: Issue spans into the original (:attr:`StatementInfo.text`).
        translation: Issue spans into the supplied translation.
    """

    head: str
    detail: str
    source: tuple[Span, ...]
    translation: tuple[Span, ...]


def audit_marks(info: StatementInfo) -> AuditMarks | None:
    """What the renderings show of ``info``'s translation audit (None: nothing to show).

    The renderings print the head, then the issues, then both sides with them marked. The
    head of an unflagged translation said "minor points (not flagged)" above an issue the
    analyst should read (a loaded label the translation drops is no minor point): it says now
    only what is known, that the check did not flag it and how many issues it lists.
    """
    audit = info.translation_audit
    if audit is None or not audit.issues or info.translation is None:
        return None
    head = (
        "The supplied translation departs from the original"
        if audit.flagged
        else "The supplied translation is not flagged"
    )
    found = count(len(audit.issues), "issue")
    detail = f"faithfulness {audit.score:.2f}, {found}{'' if audit.flagged else ' found'}"
    return AuditMarks(
        head,
        detail,
        tuple(
            (*i.source_span, i.kind, f"{i.kind}: {i.note}") for i in audit.issues if i.source_span
        ),
        tuple(
            (*i.translation_span, i.kind, f"{i.kind}: {i.note}")
            for i in audit.issues
            if i.translation_span
        ),
    )


@dataclass(frozen=True)
class ReportSentence:
    """A report sentence with its 1-based number in its own document."""

    index: int
    number: int
    document_id: str
    text: str


def statement_line_text(documents: Sequence[Document], document_id: str, line: int) -> str:
    """The English of line ``line`` (1-based) of statement document ``document_id``: its
    supplied translation, else the line as written; "" when the case has no such line. The
    Correct links table named a corrected statement only as "document line 10" (hyg15's walk)."""
    for doc in documents:
        if doc.id == document_id:
            lines = (doc.translation if doc.translation is not None else doc.text).split("\n")
            return lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return ""


def sentence_numbers(sentences: Sequence[ReportSentence]) -> str:
    """How a retelling names its report sentences: "sentence 4", "sentences 5, 9" (the Markdown
    report said "sentence 5, 9" where the tab and the HTML report said "sentences")."""
    nums = ", ".join(str(s.number) for s in sentences)
    return f"sentence{'s' if len(sentences) > 1 else ''} {nums}"


@dataclass(frozen=True)
class Retelling:
    """What one outlet's report sentences linked to one statement say, and how they differ.

    Attributes:
        sentences: The linked report sentences of this outlet, in order.
        text: Their text joined by :data:`REPORT_JOINER` (``report_span`` points here), with
            :data:`ELLIPSIS` where words of the report are left out: around a linked clause
            that is not its whole sentence, and between sentences that are not neighbours.
        differences: Shown differences, most salient first.
        hidden: How many differences the filters hide.
        by_analyst: True when an analyst added (one of) the links.
        weak: True when every link of these sentences is weak (the sentence shares no figure
            and few words with the statement: barely accepted, or at any margin for a
            translated line): only their own-voice differences were computed.
    """

    document_id: str
    outlet: str
    outlet_type: str
    sentences: tuple[ReportSentence, ...]
    text: str
    score: float
    differences: tuple[DifferenceView, ...]
    hidden: int = 0
    by_analyst: bool = False
    weak: bool = False

    @property
    def salience(self) -> float:
        """The salience of its most salient shown difference (0 without any)."""
        return max((d.salience for d in self.differences), default=0.0)


#: What the label aggregate says when no label of the framing lexicon is used (as the figures
#: say "No figure differs."; review20: the heading stood over nothing).
NO_LABELS = "No label for the actors (of the framing lexicon) is used."
#: What a weak retelling says instead of "no differences found" (only own-voice kinds were looked for).
WEAK_LINK_WORDS = (
    "weak link: the sentence shares no figure and few words with the statement; "
    "only the outlet's own words were compared (labels, distancing, certainty, a directive)"
)


def link_words(score: float, by_analyst: bool) -> str:
    """How a link's score reads. A link only an analyst made has no alignment score (0): it
    reads "linked by an analyst", not "score 0.00" (which says the aligner saw no likeness;
    ux12's walk of a five-outlet case)."""
    return "linked by an analyst" if by_analyst and not score else f"score {score:.2f}"


def short_outlet(outlet: str) -> str:
    """An outlet's name without its parenthesised qualifier, for headings that repeat it:
    "President of Kazakhstan (spoken answer at the SPIEF plenary session, verbatim as quoted)"
    reads "President of Kazakhstan" on every statement card (ux12's walk: the long name on
    each of 13 cards), the full name being in the documents table (and on hover in HTML).
    A name that is all qualifier, or has none, is kept whole."""
    head = outlet.split(" (", 1)[0].rstrip(" ,;:–—-")
    return head if len(head) >= 3 else outlet


@dataclass(frozen=True)
class StatementView:
    """A statement and every shown outlet's retelling of it, most salient first.

    ``not_retold_by`` names the shown outlets none of whose sentences is linked to it.
    """

    statement: StatementInfo
    retellings: tuple[Retelling, ...]
    not_retold_by: tuple[str, ...]

    @property
    def salience(self) -> float:
        """The salience of its most salient shown difference."""
        return max((r.salience for r in self.retellings), default=0.0)


@dataclass(frozen=True)
class PairView:
    """One alignment as the aligner made it (statement order): statement and retellings."""

    statement: StatementInfo
    retellings: tuple[Retelling, ...]
    score: float

    @property
    def score_words(self) -> str:
        """``alignment score 1.05``, or ``linked by an analyst`` for a link only an analyst
        made."""
        words = link_words(self.score, all(r.by_analyst for r in self.retellings))
        return words if words.startswith("linked") else f"alignment {words}"


@dataclass(frozen=True)
class SuggestedLink:
    """A statement line the aligner ranks best for a report sentence it left unlinked: not a
    link (no difference is computed for it) until the analyst accepts it as one.

    Attributes:
        sentence: The unlinked report sentence.
        statement: The suggested statement line.
        rank: 1 for the sentence's best line by the aligner's margin, then 2, 3.
        margin: The aligner's sentence ratio margin of the pair (the score shown).
        cosine: The pair's cosine.
    """

    sentence: ReportSentence
    statement: StatementInfo
    rank: int
    margin: float
    cosine: float

    @property
    def words(self) -> str:
        """ "possibly retells statement 7 (kk-doc, line 7; score 0.99)", as every rendering
        says it."""
        st = self.statement
        return (
            f"possibly retells statement {st.number} ({st.document_id}, line {st.line}; "
            f"score {self.margin:.2f})"
        )


@dataclass(frozen=True)
class OutletLeftovers:
    """Report sentences of one outlet that retell no statement, and the suggested links of
    those the aligner finds on topic (by sentence, then rank)."""

    document_id: str
    outlet: str
    outlet_type: str
    sentences: tuple[ReportSentence, ...]
    suggestions: tuple[SuggestedLink, ...] = ()

    def suggested_for(self, sentence: ReportSentence) -> tuple[SuggestedLink, ...]:
        """The suggestions of one of this outlet's sentences, best first."""
        return tuple(s for s in self.suggestions if s.sentence.index == sentence.index)


@dataclass(frozen=True)
class CompareView:
    """Everything a rendering of a case comparison shows, filters applied.

    Attributes:
        statements: The statement-centric view (statements some shown outlet retells), the
            most salient first.
        pairs: The alignments in statement order.
        unmatched_statements: Statements no shown outlet retells.
        leftovers: Per shown outlet, its sentences that retell no statement.
        kind_counts: Shown differences by outlet type and kind (scope ``pair``), and the
            leftovers by outlet type (scope ``case``: ``omission`` = statements not retold,
            ``addition`` = report sentences retelling nothing).
        label_uses: Labels for the actors by shown outlet type (and the state's).
        figures: Figures that disagree, in shown outlets.
        kinds: The kinds present in the shown differences, in registry order.
        corrections: The analyst's link corrections applied to this comparison.
    """

    case_id: str
    title: str
    description: str
    signature: str
    filters: ViewFilters
    statements: tuple[StatementView, ...]
    pairs: tuple[PairView, ...]
    unmatched_statements: tuple[StatementInfo, ...]
    leftovers: tuple[OutletLeftovers, ...]
    kind_counts: tuple[KindCount, ...]
    label_uses: tuple[LabelUse, ...]
    figures: tuple[FigureDisagreement, ...]
    kinds: tuple[str, ...]
    documents: tuple[Document, ...]
    corrections: tuple[LinkCorrection, ...] = ()

    @property
    def outlet_count(self) -> int:
        """How many outlets (report documents) are shown."""
        return len(
            {r.document_id for s in self.statements for r in s.retellings}
            | {o.document_id for o in self.leftovers}
        )


# ─── building ────────────────────────────────────────────────────────────────────────────────


def salience_of(difference: Difference) -> float:
    """The diff stage's salience of a difference (0–1)."""
    return float(difference.salience)


def _diff_order(d: DifferenceView) -> tuple[float, int, int]:
    start = d.report_span[0] if d.report_span else (d.statement_span or (0, 0))[0]
    return (-d.salience, style_of(d.kind).order, start)


class _Builder:
    """Numbers, outlets and filters of one case, used while building its view."""

    def __init__(
        self,
        result: CaseComparison,
        case: Case,
        filters: ViewFilters,
        corrections: Sequence[LinkCorrection],
    ) -> None:
        self.result, self.case, self.filters = result, case, filters
        self.docs = {d.id: d for d in case.documents}
        self.doc_start: dict[str, int] = {}
        start = 0
        for doc in case.statements:
            self.doc_start[doc.id] = start
            start += len(doc.text.split("\n"))
        self.first_sentence: dict[str, int] = {}
        for ref in self._all_reports():
            first = self.first_sentence.get(ref.document_id)
            self.first_sentence[ref.document_id] = (
                ref.index if first is None else min(first, ref.index)
            )
        self.added = {
            (c.statement_document, c.statement_line, c.report_document, c.report_sentence)
            for c in corrections
            if c.action == "add"
        }
        self.audits = {r.index: r for r in result.translation_audit}

    def _alignments(self) -> list[Alignment]:
        return [a for dc in self.result.documents for a in dc.comparison.alignments]

    def _all_reports(self) -> Iterable[ReportRef]:
        for al in self._alignments():
            yield from al.reports
        yield from self.result.unmatched_reports

    def shown_reports(self) -> list[Document]:
        return [d for d in self.case.reports if self.filters.keeps_document(d)]

    def statement(self, ref: StatementRef) -> StatementInfo:
        doc = self.docs.get(ref.document_id)
        line = ref.index - self.doc_start.get(ref.document_id, 0) + 1
        outlet = doc.outlet if doc else ref.document_id
        return StatementInfo(
            ref.index,
            ref.index + 1,
            line,
            ref.document_id,
            outlet,
            ref.text,
            ref.translation,
            self.audits.get(ref.index),
        )

    def sentence(self, ref: ReportRef) -> ReportSentence:
        number = ref.index - self.first_sentence.get(ref.document_id, ref.index) + 1
        return ReportSentence(ref.index, number, ref.document_id, ref.text)

    def retellings(self, al: Alignment, info: StatementInfo) -> list[Retelling]:
        """One retelling per shown outlet among the alignment's report sentences."""
        groups: dict[str, list[tuple[ReportRef, int]]] = defaultdict(list)
        pos = 0
        for ref in al.reports:
            groups[ref.document_id].append((ref, pos))
            pos += len(ref.text) + len(REPORT_JOINER)
        out = []
        for doc_id, refs in groups.items():
            doc = self.docs.get(doc_id)
            if doc is None or not self.filters.keeps_document(doc):
                continue
            out.append(self._retelling(al, info, doc, refs))
        return out

    def _retelling(
        self, al: Alignment, info: StatementInfo, doc: Document, refs: list[tuple[ReportRef, int]]
    ) -> Retelling:
        # Map the alignment's joined-text offsets of this outlet's sentences to the retelling's.
        text_parts: list[str] = []
        shifts: list[tuple[int, int, int]] = []
        pos = 0
        for i, (ref, start) in enumerate(refs):
            before, after = _cut_marks(ref)
            if i:
                gap = _gap(refs[i - 1][0], ref, text_parts[-1].endswith(ELLIPSIS) or bool(before))
                text_parts.append(gap)
                pos += len(gap)
            pos += len(before)
            shifts.append((start, start + len(ref.text), pos - start))
            text_parts.append(f"{before}{ref.text}{after}")
            pos += len(ref.text) + len(after)
        shown, hidden = [], 0
        for d in al.differences:
            span = _moved(d.report_span, shifts)
            if not _belongs(d, span, doc.id, al):
                continue  # another outlet's difference
            sal = salience_of(d)
            if not self.filters.keeps(d.kind, sal):
                hidden += 1
                continue
            shown.append(
                DifferenceView(
                    d.kind,
                    d.statement,
                    d.report,
                    d.note,
                    sal,
                    d.statement_span,
                    span,
                    doc.id,
                    d.voice,
                    d.speaker,
                    d.origin,
                )
            )
        shown.sort(key=_diff_order)
        key = (info.document_id, info.line, doc.id)
        sentences = tuple(self.sentence(r) for r, _ in refs)
        by_analyst = any((*key, s.number) in self.added for s in sentences)
        # This outlet's own links: its best score, not the alignment's (the best of every
        # outlet's: each retelling of a statement read the same score), and whether all are weak.
        own = (
            [
                link
                for ref, link in zip(al.reports, al.links, strict=True)
                if ref.document_id == doc.id
            ]
            if len(al.links) == len(al.reports)
            else []
        )
        return Retelling(
            doc.id,
            doc.outlet,
            doc.outlet_type.value,
            sentences,
            "".join(text_parts),
            max((link.score for link in own), default=al.score),
            tuple(shown),
            hidden,
            by_analyst,
            bool(own) and all(link.weak for link in own),
        )


#: Marks words of a report sentence a retelling leaves out: the rest of a sentence whose clause
#: alone is linked, or the sentences between two linked ones.
ELLIPSIS = "…"


def _cut_marks(ref: ReportRef) -> tuple[str, str]:
    """``("…", "")``, ``("", "…")``, both or neither: whether the linked clause ``ref`` starts
    after its sentence's start and ends before its end (a whole sentence: neither). A clause
    shown bare ("is not, in fact, a sunflower.") read as the outlet's whole sentence (hyg15's
    walk of a five-outlet case)."""
    if ref.span is None or not ref.sentence:
        return "", ""
    start, end = ref.span
    before = ELLIPSIS if ref.sentence[:start].strip() else ""
    after = ELLIPSIS if ref.sentence[end:].strip(" \t\n.!?;:,»”\"'’)") else ""
    return before, after


def _gap(previous: ReportRef, ref: ReportRef, marked: bool) -> str:
    """What stands between two linked pieces of one outlet: a space, or " … " when sentences
    of the report lie between them and no cut mark says so already (sentences 5 and 9 read as
    one run-on sentence, hyg15's walk)."""
    skipped = ref.index > previous.index + 1
    return f" {ELLIPSIS} " if skipped and not marked else REPORT_JOINER


def _belongs(d: Difference, span: tuple[int, int] | None, doc_id: str, al: Alignment) -> bool:
    """Whether difference ``d`` of alignment ``al`` was found in outlet ``doc_id``'s sentences.

    The pipeline records the outlet; without it, a report span locates the difference and a
    difference with no report side (an omission) goes to the alignment's first outlet.
    """
    if d.report_document:
        return d.report_document == doc_id
    if d.report_span is not None:
        return span is not None
    return doc_id == al.reports[0].document_id


def _moved(
    span: tuple[int, int] | None, shifts: list[tuple[int, int, int]]
) -> tuple[int, int] | None:
    """``span`` (joined-text offsets) in a retelling's text, or None when it is not in it."""
    if span is None:
        return None
    for start, end, delta in shifts:
        if start <= span[0] <= end:
            return (span[0] + delta, min(span[1], end) + delta)
    return None


def build_view(
    result: CaseComparison,
    case: Case,
    filters: ViewFilters | None = None,
    corrections: Sequence[LinkCorrection] = (),
) -> CompareView:
    """The view of a case comparison with ``filters`` applied (everything by default).

    Args:
        result: The comparison (:func:`workbench.pipeline.compare.compare_case`).
        case: The case it was run on (outlets, outlet types, statement line numbers).
        filters: What to show.
        corrections: The link corrections applied to ``result`` (added links are marked).
    """
    filters = filters or ViewFilters()
    b = _Builder(result, case, filters, corrections)
    pairs: list[PairView] = []
    by_statement: dict[int, tuple[StatementInfo, list[Retelling]]] = {}
    for al in b._alignments():
        info = b.statement(al.statement)
        rets = b.retellings(al, info)
        if not rets:
            continue
        if filters.narrows_differences and not any(r.differences for r in rets):
            by_statement.setdefault(info.index, (info, []))
            continue
        pairs.append(PairView(info, tuple(rets), al.score))
        by_statement.setdefault(info.index, (info, []))[1].extend(rets)
    shown_docs = b.shown_reports()
    statements = []
    for info, rets in by_statement.values():
        if not rets:
            continue
        rets.sort(key=lambda r: (-r.salience, r.outlet))
        retold = {r.document_id for r in rets}
        missing = tuple(d.outlet for d in shown_docs if d.id not in retold)
        statements.append(StatementView(info, tuple(rets), missing))
    statements.sort(key=lambda s: (-s.salience, s.statement.index))
    pairs.sort(key=lambda p: (p.statement.index, p.retellings[0].sentences[0].index))
    unmatched = _unmatched_statements(b, shown_docs)
    leftovers = _leftovers(b, shown_docs)
    kinds_shown = {d.kind for p in pairs for r in p.retellings for d in r.differences}
    return CompareView(
        case_id=result.case_id,
        title=result.title,
        description=case.description,
        signature=result.signature,
        filters=filters,
        statements=tuple(statements),
        pairs=tuple(pairs),
        unmatched_statements=unmatched,
        leftovers=leftovers,
        kind_counts=_kind_counts(b, pairs, shown_docs, leftovers),
        label_uses=tuple(
            u
            for u in result.label_uses
            if u.outlet_type == "state" or _type_shown(filters, u.outlet_type)
        ),
        figures=tuple(f for f in result.figures if f.report_document in {d.id for d in shown_docs}),
        kinds=tuple(sorted(kinds_shown, key=lambda k: style_of(k).order)),
        documents=case.documents,
        corrections=tuple(corrections),
    )


def _type_shown(filters: ViewFilters, outlet_type: str) -> bool:
    return filters.outlet_types is None or outlet_type in filters.outlet_types


def _unmatched_statements(b: _Builder, shown: list[Document]) -> tuple[StatementInfo, ...]:
    """Statements no shown outlet's sentence is linked to, in statement order."""
    shown_ids = {d.id for d in shown}
    retold = {
        al.statement.index
        for al in b._alignments()
        if any(r.document_id in shown_ids for r in al.reports)
    }
    refs = [a.statement for a in b._alignments()] + [
        s for dc in b.result.documents for s in dc.comparison.unmatched_statements
    ]
    unique = {r.index: r for r in refs if r.index not in retold}
    return tuple(b.statement(unique[i]) for i in sorted(unique))


def _leftovers(b: _Builder, shown: list[Document]) -> tuple[OutletLeftovers, ...]:
    per_doc: dict[str, list[ReportSentence]] = defaultdict(list)
    for ref in b.result.unmatched_reports:
        per_doc[ref.document_id].append(b.sentence(ref))
    left = {r.index for r in b.result.unmatched_reports}
    suggested: dict[str, dict[tuple[int, int], SuggestedLink]] = defaultdict(dict)
    for dc in b.result.documents:
        for o in dc.comparison.outlets:
            for s in o.suggestions:
                if s.report.index in left:
                    suggested[o.document_id][s.report.index, s.statement.index] = SuggestedLink(
                        b.sentence(s.report), b.statement(s.statement), s.rank, s.margin, s.cosine
                    )
    return tuple(
        OutletLeftovers(
            d.id,
            d.outlet,
            d.outlet_type.value,
            tuple(per_doc.get(d.id, ())),
            tuple(sorted(suggested[d.id].values(), key=lambda s: (s.sentence.index, s.rank))),
        )
        for d in shown
    )


def _kind_counts(
    b: _Builder,
    pairs: Sequence[PairView],
    shown: list[Document],
    leftovers: Sequence[OutletLeftovers],
) -> tuple[KindCount, ...]:
    """Shown differences by outlet type and kind, then the leftovers by outlet type."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for p in pairs:
        for r in p.retellings:
            for d in r.differences:
                counts[(r.outlet_type, d.kind, "pair")] += 1
    n_statements = len({i for s in _statement_refs(b) for i in [s.index]})
    for outlet_type in sorted({d.outlet_type.value for d in shown}):
        ids = {d.id for d in shown if d.outlet_type.value == outlet_type}
        retold = {
            al.statement.index
            for al in b._alignments()
            if any(r.document_id in ids for r in al.reports)
        }
        if n_statements - len(retold):
            counts[(outlet_type, "omission", "case")] += n_statements - len(retold)
    for lo in leftovers:
        if lo.sentences:
            counts[(lo.outlet_type, "addition", "case")] += len(lo.sentences)
    ordered = sorted(
        counts.items(),
        key=lambda kv: (kv[0][0], kv[0][2] != "pair", -kv[1], style_of(kv[0][1]).order),
    )
    return tuple(KindCount(t, k, n, scope) for (t, k, scope), n in ordered)


def _statement_refs(b: _Builder) -> list[StatementRef]:
    return [a.statement for a in b._alignments()] + [
        s for dc in b.result.documents for s in dc.comparison.unmatched_statements
    ]


# ─── results without their case ──────────────────────────────────────────────────────────────


def bare_case(result: CaseComparison) -> Case:
    """A stand-in :class:`Case` for a result whose case is not at hand.

    Documents are named by their ids; statement documents get their lines back from the
    result (so line numbers hold); report documents count as ``independent`` outlets.
    """
    refs = _statement_refs_of(result)
    firsts: dict[str, int] = {}
    for r in sorted(refs, key=lambda r: r.index):
        firsts.setdefault(r.document_id, r.index)
    order = sorted(firsts, key=firsts.__getitem__)
    last = max((r.index for r in refs), default=-1)
    by_index = {r.index: r.text for r in refs}
    docs = []
    for i, doc_id in enumerate(order):
        start = 0 if i == 0 else firsts[doc_id]
        end = firsts[order[i + 1]] if i + 1 < len(order) else last + 1
        text = "\n".join(by_index.get(j, "") for j in range(start, end))
        docs.append(Document(doc_id, doc_id, doc_id, OutletType.STATE, "", text))
    report_ids = dict.fromkeys(
        r.document_id
        for dc in result.documents
        for a in dc.comparison.alignments
        for r in a.reports
    )
    report_ids.update(dict.fromkeys(r.document_id for r in result.unmatched_reports))
    docs += [Document(d, d, d, OutletType.INDEPENDENT, "en", "") for d in report_ids]
    return Case(result.case_id, result.title, "", tuple(docs))


def _statement_refs_of(result: CaseComparison) -> list[StatementRef]:
    return [a.statement for dc in result.documents for a in dc.comparison.alignments] + [
        s for dc in result.documents for s in dc.comparison.unmatched_statements
    ]


def as_case(comparison: Comparison, title: str) -> tuple[CaseComparison, Case]:
    """A one-statement-document, one-report comparison as a case result and its stand-in case.

    Sentences without a document id are given ``statements`` and ``reporting``.
    """

    def st(ref: StatementRef) -> StatementRef:
        return ref if ref.document_id else replace(ref, document_id="statements")

    def rep(ref: ReportRef) -> ReportRef:
        return ref if ref.document_id else replace(ref, document_id="reporting")

    named = Comparison(
        comparison.signature,
        tuple(
            replace(
                a,
                statement=st(a.statement),
                reports=tuple(rep(r) for r in a.reports),
            )
            for a in comparison.alignments
        ),
        tuple(st(s) for s in comparison.unmatched_statements),
        tuple(rep(r) for r in comparison.unmatched_reports),
        translation_audit=comparison.translation_audit,
        outlets=tuple(
            replace(
                o,
                document_id=o.document_id or "reporting",
                suggestions=tuple(
                    replace(g, report=rep(g.report), statement=st(g.statement))
                    for g in o.suggestions
                ),
            )
            for o in comparison.outlets
        ),
    )
    doc_ids = dict.fromkeys(
        [a.statement.document_id for a in named.alignments]
        + [s.document_id for s in named.unmatched_statements]
    )
    result = CaseComparison(
        case_id="comparison",
        title=title,
        signature=comparison.signature,
        documents=tuple(
            DocumentComparison(
                d,
                Comparison(
                    named.signature,
                    tuple(a for a in named.alignments if a.statement.document_id == d),
                    tuple(s for s in named.unmatched_statements if s.document_id == d),
                    named.unmatched_reports,
                    outlets=tuple(
                        replace(
                            o,
                            suggestions=tuple(
                                g for g in o.suggestions if g.statement.document_id == d
                            ),
                        )
                        for o in named.outlets
                    ),
                ),
            )
            for d in doc_ids
        ),
        unmatched_reports=named.unmatched_reports,
        kind_counts=(),
        label_uses=(),
        figures=(),
        translation_audit=comparison.translation_audit,
    )
    return result, bare_case(result)
