"""Clause-level links: partial and merged retellings, found below the sentence on both sides.

A report sentence that retells one clause of a statement, or clauses of two statements, is
not similar enough to either whole statement to pass the sentence-level margin. Here every
statement (original and supplied translation) and every *candidate* report sentence also
contributes its clauses (:func:`workbench.align.clauses.split_clauses`) as units, and units
are scored with the same ratio margin as sentences, with two changes:

* a unit's neighbourhood is taken over the other side's *sentences* (for each sentence, its
  best unit), so that a sentence's own clauses do not crowd the neighbourhood of a match;
* each report unit (a whole sentence or a clause of one) links to its single best statement
  unit when that pair reaches the clause threshold and floor and at least one of the two is a
  clause (whole-sentence pairs are the sentence pass's business). So a report clause never
  links to two statements, and a merged report sentence links to each statement through its
  own clause.

Which report sentences are cut into clauses is bounded (:func:`candidates`): only sentences of
at least two clauses whose best cosine with some statement reaches the ``gate`` (on-topic
sentences; unrelated ones cannot be partial retellings), at most ``budget`` × (number of report
sentences) of them, those closest to a *second* statement first (a merged retelling is close to
two). Every statement with two or more clauses is cut (statements are
usually far fewer than the reporting's sentences). Every unit is embedded once, through the same
(caching) embedder as the sentences.

Cost: one embedding call for the clauses; per outlet an (statement units × outlet units) cosine
matrix and two grouped maxima — a few milliseconds for hundreds of sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from workbench.align.clauses import Clause, split_clauses, split_report_clauses
from workbench.types import ReportRef, StatementRef


@dataclass(frozen=True)
class Units:
    """Units of one side: whole sentences first, then clauses.

    Attributes:
        vectors: One unit-length row per unit.
        owner: The sentence (position on its side) each unit belongs to.
        spans: ``(start, end)`` of each unit in its sentence's text (``view``).
        views: ``"original"``, ``"translation"`` (statements) or ``"report"``.
        clause: Whether each unit is a clause (else a whole sentence).
    """

    vectors: np.ndarray
    owner: np.ndarray
    spans: tuple[tuple[int, int], ...]
    views: tuple[str, ...]
    clause: np.ndarray

    def select(self, rows: Sequence[int]) -> Units:
        """The units at ``rows`` (in that order)."""
        idx = list(rows)
        return Units(
            vectors=self.vectors[idx],
            owner=self.owner[idx],
            spans=tuple(self.spans[i] for i in idx),
            views=tuple(self.views[i] for i in idx),
            clause=self.clause[idx],
        )


@dataclass(frozen=True)
class ClauseLink:
    """A link found below the sentence: statement and report positions, parts and margin."""

    statement: int
    report: int
    statement_span: tuple[int, int]
    statement_view: str
    report_span: tuple[int, int] | None
    score: float


def statement_clauses(
    statements: Sequence[StatementRef], min_words: int, max_clauses: int
) -> list[tuple[int, str, Clause]]:
    """``(statement position, view, clause)`` for every statement text of two or more clauses."""
    out: list[tuple[int, str, Clause]] = []
    for i, st in enumerate(statements):
        # With a supplied translation its clauses stand for the statement's: English report
        # clauses meet English clauses, and the original's would double the cost.
        views = (("translation", st.translation),) if st.translation else (("original", st.text),)
        for view, text in views:
            out += [
                (i, view, c)
                for c in split_clauses(text, min_words=min_words, max_clauses=max_clauses)
            ]
    return out


def candidates(
    reports: Sequence[ReportRef],
    best_cosine: np.ndarray,
    priority: np.ndarray,
    *,
    gate: float,
    budget: float,
    min_words: int,
    max_clauses: int,
    least: int = 0,
) -> list[tuple[int, Clause]]:
    """``(report position, clause)`` for the report sentences worth cutting (bounded).

    Args:
        reports: Report sentences.
        best_cosine: Each report sentence's best cosine with any statement (sentence level).
        priority: Order of cutting, highest first (the aligner gives each sentence's
            second-best cosine with a statement: merged retellings come close to two).
        gate: Least best cosine of a sentence to be cut.
        budget: Most sentences cut, as a share of ``len(reports)``.
        least: Sentences that may be cut whatever the share (a small case is cut whole: its
            clauses cost seconds; the share bounds the cost of a big one).
        min_words, max_clauses: As for :func:`~workbench.align.clauses.split_clauses`; a
            report sentence is cut by :func:`~workbench.align.clauses.split_report_clauses`.
    """
    most = max(least, int(np.ceil(budget * len(reports))))
    gated = sorted(
        (j for j in range(len(reports)) if best_cosine[j] >= gate),
        key=lambda j: -float(priority[j]),
    )
    cut: dict[int, tuple[Clause, ...]] = {}
    for j in gated:  # best first; a sentence of one clause is skipped, not counted
        if len(cut) >= most:
            break
        clauses = split_report_clauses(
            reports[j].text, min_words=min_words, max_clauses=max_clauses
        )
        if clauses:
            cut[j] = clauses
    return [(j, c) for j in sorted(cut) for c in cut[j]]


def _best_per_owner(sims: np.ndarray, owner: np.ndarray, groups: int, axis: int) -> np.ndarray:
    """Maximum of ``sims`` over the units of each owner along ``axis`` (owners 0..groups-1)."""
    order = np.argsort(owner, kind="stable")
    sorted_owner = owner[order]
    starts = np.searchsorted(sorted_owner, np.arange(groups))
    taken = np.take(sims, order, axis=axis)
    return np.asarray(np.maximum.reduceat(taken, starts, axis=axis), dtype=np.float32)


def _top_mean(values: np.ndarray, k: int, prior: float, axis: int) -> np.ndarray:
    size = values.shape[axis]
    avail = min(k, size)
    top = np.sort(values, axis=axis).take(range(size - avail, size), axis=axis).sum(axis=axis)
    return np.asarray((top + prior * (k - avail)) / k, dtype=np.float32)


def clause_links(
    st: Units,
    rp: Units,
    n_statements: int,
    n_reports: int,
    *,
    k: int,
    prior: float,
    threshold: float,
    floor: float,
    adjust: Callable[[np.ndarray], np.ndarray] | None = None,
    scale: np.ndarray | None = None,
) -> list[ClauseLink]:
    """Links of one outlet found through clauses (see the module docstring).

    Args:
        st: Statement units (whole sentences and clauses, both views).
        rp: The outlet's report units; ``rp.owner`` counts the outlet's sentences from 0.
        n_statements, n_reports: Sentences on each side (owners are below these).
        k, prior: Neighbourhood size and the cosine assumed for missing neighbours.
        threshold, floor: Least ratio margin and least cosine of a clause-level link.
        adjust: Applied to the unit cosines and margins (anchor evidence; the neighbourhoods
            are taken over the raw cosines).
        scale: Per statement unit, a divisor of its margins applied before ``adjust`` (the
            aligner's ``translated_scale`` for units of statements with an English text;
            ``None``: margins as they are).
    """
    if not len(st.owner) or not len(rp.owner):
        return []
    sims = st.vectors @ rp.vectors.T
    per_report = _best_per_owner(sims, rp.owner, n_reports, axis=1)  # units × report sentences
    per_statement = _best_per_owner(sims, st.owner, n_statements, axis=0)  # statements × units
    nn_s = _top_mean(per_report, k, prior, axis=1)
    nn_r = _top_mean(per_statement, k, prior, axis=0)
    margins = sims / np.maximum((nn_s[:, None] + nn_r[None, :]) / 2, 1e-6)
    if scale is not None:
        margins = margins / scale[:, None]
    if adjust is not None:
        sims, margins = adjust(sims), adjust(margins)
    out: list[ClauseLink] = []
    for v in range(len(rp.owner)):
        u = int(np.argmax(margins[:, v]))
        if not (st.clause[u] or rp.clause[v]):
            continue
        if margins[u, v] < threshold or sims[u, v] < floor:
            continue
        out.append(
            ClauseLink(
                statement=int(st.owner[u]),
                report=int(rp.owner[v]),
                statement_span=st.spans[u],
                statement_view=st.views[u],
                report_span=rp.spans[v] if rp.clause[v] else None,
                score=float(margins[u, v]),
            )
        )
    return out
