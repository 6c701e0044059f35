"""The analyst corrects the alignment: links removed or added, saved with the case, reused.

:func:`apply_corrections` edits the aligner's output before the differences are computed, so
differences and aggregates always follow the corrected links. :func:`correct_link` checks a new
correction against the case, appends it to the case's ``corrections.toml`` and returns the
corrections now saved. Statement and report sentence are named by document and 1-based
position; a correction whose sentence is gone or reads differently is refused with one sentence
naming it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime, timezone

from workbench.corpus import corrections_path, read_corrections, write_corrections
from workbench.errors import UserInputError
from workbench.types import (
    Alignment,
    AlignmentLink,
    Case,
    Comparison,
    LinkCorrection,
    OutletLeftovers,
    ReportRef,
    StatementRef,
)

#: Alignment score recorded for a link an analyst added (no embedding score exists).
ANALYST_SCORE = 0.0


class _Index:
    """Statements by (document, line) and report sentences by (document, number)."""

    def __init__(self, statements: Sequence[StatementRef], reports: Sequence[ReportRef]) -> None:
        self.statements = {(s.document_id, s.index): s for s in statements}
        first: dict[str, int] = {}
        for r in reports:
            first.setdefault(r.document_id, r.index)
        self.reports = {(r.document_id, r.index - first[r.document_id] + 1): r for r in reports}

    def report(self, c: LinkCorrection, where: str) -> ReportRef:
        ref = self.reports.get((c.report_document, c.report_sentence))
        if ref is None:
            raise UserInputError(
                f"{where} points at sentence {c.report_sentence} of {c.report_document!r}, "
                "which the case does not have; remove or redo that correction."
            )
        if c.report_text and " ".join(c.report_text.split()) != " ".join(ref.text.split()):
            raise UserInputError(
                f"{where}: sentence {c.report_sentence} of {c.report_document!r} now reads "
                f"{ref.text!r}, not {c.report_text!r}; remove or redo that correction."
            )
        return ref


def _statement(
    c: LinkCorrection, line_starts: dict[str, int], index: _Index, where: str
) -> StatementRef:
    start = line_starts.get(c.statement_document)
    ref = index.statements.get((c.statement_document, (start or 0) + c.statement_line - 1))
    if start is None or ref is None:
        raise UserInputError(
            f"{where} points at line {c.statement_line} of {c.statement_document!r}, "
            "which is not a statement of the case; remove or redo that correction."
        )
    return ref


def line_starts(case: Case) -> dict[str, int]:
    """The index of the first line of each statement document (indices count across them)."""
    out: dict[str, int] = {}
    start = 0
    for doc in case.statements:
        out[doc.id] = start
        start += len(doc.text.split("\n"))
    return out


@dataclasses.dataclass
class _Row:
    """An alignment being corrected; ``links`` parallel to ``refs``, or None when unknown."""

    statement: StatementRef
    refs: list[ReportRef]
    score: float
    links: list[AlignmentLink] | None

    def remove(self, report_index: int) -> None:
        """Drop the report sentence ``report_index`` (and its link)."""
        keep = [i for i, r in enumerate(self.refs) if r.index != report_index]
        if len(keep) == len(self.refs):
            return
        self.refs = [self.refs[i] for i in keep]
        if self.links is not None:
            self.links = [self.links[i] for i in keep]
            # the alignment's score is its best link's: the removed one may have been it
            self.score = max((link.score for link in self.links), default=self.score)

    def alignment(self) -> Alignment:
        """The corrected alignment, report sentences in order (their links with them)."""
        order = sorted(range(len(self.refs)), key=lambda i: self.refs[i].index)
        links = tuple(self.links[i] for i in order) if self.links is not None else ()
        return Alignment(self.statement, tuple(self.refs[i] for i in order), self.score, (), links)


def apply_corrections(
    comparison: Comparison,
    case: Case,
    statements: Sequence[StatementRef],
    reports: Sequence[ReportRef],
    corrections: Sequence[LinkCorrection],
) -> Comparison:
    """The aligner's ``comparison`` with the links ``corrections`` add or remove, in order.

    Args:
        comparison: The aligner's output (before differences).
        case: The case (statement line numbers).
        statements, reports: Every statement and report sentence the aligner saw.
        corrections: Applied in order: a later correction of the same link wins.

    Raises:
        UserInputError: for a correction naming a sentence the case does not have (or one
            that now reads differently).
    """
    if not corrections:
        return comparison
    index = _Index(statements, reports)
    starts = line_starts(case)
    # Each alignment as [statement, report sentences, score, links]; edited in place, order
    # kept. The aligner's links (one per report sentence: its score, the part of the statement
    # it retells, whether it is weak) stay with every sentence no correction touches: they
    # were all dropped as soon as the case had one correction, so one removed link anywhere
    # turned the weak-link gate, the clause focus and the per-outlet link confidence off for
    # every statement of the case (ux13's walk).
    rows: list[_Row] = [
        _Row(
            al.statement,
            list(al.reports),
            al.score,
            list(al.links) if len(al.links) == len(al.reports) else None,
        )
        for al in comparison.alignments
    ]
    path = corrections_path(case.path) if case.path else "the corrections"
    for n, c in enumerate(corrections, 1):
        where = f"{path}, correction {n},"
        st = _statement(c, starts, index, where)
        rep = index.report(c, where)
        mine = [row for row in rows if row.statement.index == st.index]
        if c.action == "remove":
            for row in mine:
                row.remove(rep.index)
        elif not any(r.index == rep.index for row in mine for r in row.refs):
            same_outlet = [
                row for row in mine if any(r.document_id == rep.document_id for r in row.refs)
            ]
            if same_outlet:
                same_outlet[0].refs.append(rep)
                same_outlet[0].links = None  # an analyst's link has no score, span or unit
            else:
                rows.append(_Row(st, [rep], ANALYST_SCORE, None))
    alignments = tuple(
        row.alignment() for row in sorted(rows, key=lambda r: r.statement.index) if row.refs
    )
    linked = {r.index for a in alignments for r in a.reports}
    retold = {a.statement.index for a in alignments}
    return dataclasses.replace(
        comparison,
        alignments=alignments,
        unmatched_statements=tuple(s for s in statements if s.index not in retold),
        unmatched_reports=tuple(r for r in reports if r.index not in linked),
        outlets=tuple(
            _corrected_outlet(o, alignments, statements, reports) for o in comparison.outlets
        ),
    )


def _corrected_outlet(
    outlet: OutletLeftovers,
    alignments: Sequence[Alignment],
    statements: Sequence[StatementRef],
    reports: Sequence[ReportRef],
) -> OutletLeftovers:
    """An outlet's leftovers after the corrections: a sentence now linked leaves its
    suggestions (an accepted suggestion is a link), a line it now retells is retold, a sentence
    whose link was removed is unlinked."""
    doc = outlet.document_id
    linked = {r.index for a in alignments for r in a.reports if r.document_id == doc}
    retold = {a.statement.index for a in alignments if any(r.document_id == doc for r in a.reports)}
    return dataclasses.replace(
        outlet,
        unmatched_statements=tuple(s for s in statements if s.index not in retold),
        unmatched_reports=tuple(
            r for r in reports if r.document_id == doc and r.index not in linked
        ),
        suggestions=tuple(s for s in outlet.suggestions if s.report.index not in linked),
    )


def correct_link(
    case: Case,
    correction: LinkCorrection,
    statements: Sequence[StatementRef],
    reports: Sequence[ReportRef],
) -> tuple[LinkCorrection, ...]:
    """Check ``correction`` against the case, save it with the case, return all corrections.

    ``at`` is filled with the current UTC time when empty, ``report_text`` with the sentence.

    Raises:
        UserInputError: for a case without a folder, a missing analyst name, or a sentence or
            statement the case does not have.
        CorpusError: when the case folder cannot be written (nothing is lost: the file is
            left as it was) or its corrections file is corrupt.
    """
    if not case.path:
        raise UserInputError(
            "Corrections are saved with a case folder; this comparison has none (uploaded "
            "files) — put the files in a case to correct its links."
        )
    if not correction.by.strip():
        raise UserInputError("Type your name so the correction says who made it.")
    where = "The correction"
    index = _Index(statements, reports)
    _statement(correction, line_starts(case), index, where)
    rep = index.report(correction, where)
    saved = read_corrections(case.path)
    at = correction.at or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    new = dataclasses.replace(correction, by=correction.by.strip(), at=at, report_text=rep.text)
    write_corrections(case.path, (*saved, new))
    return (*saved, new)
