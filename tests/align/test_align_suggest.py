"""Suggested links: the best lines, by the aligner's own margin, of the report sentences it left
unlinked (``OutletLeftovers.suggestions``); read off the alignment's matrices, no link changed."""

from __future__ import annotations

import dataclasses

import pytest

from tests.align.conftest import CountingEmbedder
from workbench.align import AlignParams, align
from workbench.align.aligner import SUGGEST, SuggestRule
from workbench.errors import UserInputError
from workbench.types import ReportRef, StatementRef

#: Whole sentences; a link needs a clear margin, and any cosine is on topic.
PARAMS = AlignParams(
    threshold=1.4,
    floor=0.0,
    secondary=9.0,
    gain=0.0,
    prior=0.1,
    k=2,
    units="sentence",
    min_report_words=0,
    gate=0.3,
)
STATEMENTS = [
    StatementRef(0, "alpha beta gamma delta", document_id="st"),
    StatementRef(1, "epsilon zeta eta theta", document_id="st"),
    StatementRef(2, "iota kappa lambda mu", document_id="st"),
]
REPORTS = [
    ReportRef(0, "alpha beta gamma delta", "a"),  # a retelling: linked
    ReportRef(1, "alpha beta gamma zeta eta", "a"),  # mostly line 1, some of line 2: unlinked
    ReportRef(2, "nu xi omicron pi rho", "a"),  # nothing of the case: off topic
    ReportRef(3, "epsilon zeta eta theta", "b"),  # another outlet's retelling: linked
]
EVERY = SuggestRule(k=3, margin=0.0)


def _suggested(result: object) -> list[tuple[int, int, int]]:
    return [
        (s.report.index, s.statement.index, s.rank)
        for o in result.outlets  # type: ignore[attr-defined]
        for s in o.suggestions
    ]


def test_an_unlinked_on_topic_sentence_gets_its_best_lines_by_margin() -> None:
    result = align(STATEMENTS, REPORTS, CountingEmbedder(), params=PARAMS, suggest=EVERY)
    linked = {(a.statement.index, r.index) for a in result.alignments for r in a.reports}
    assert linked == {(0, 0), (1, 3)}
    suggestions = [s for o in result.outlets for s in o.suggestions]
    # only sentence 1 (unlinked, on topic); sentence 2 shares no word: cosine 0, under the gate
    assert {s.report.index for s in suggestions} == {1}
    # ranked by margin, not cosine: line 0 reads closer (cosine 0.67 against 0.45) but its
    # neighbourhood holds its own retelling (sentence 0), so line 1 stands further out
    assert [(s.statement.index, s.rank) for s in suggestions] == [(1, 1), (0, 2)]
    assert suggestions[1].cosine > suggestions[0].cosine
    assert [s.rank for s in suggestions] == list(range(1, len(suggestions) + 1))
    margins = [s.margin for s in suggestions]
    assert margins == sorted(margins, reverse=True)
    assert all(s.cosine >= PARAMS.gate and s.unit == "sentence" for s in suggestions)
    assert len(suggestions) <= EVERY.k
    # the outlet that suggests is the sentence's own
    assert [o.document_id for o in result.outlets if o.suggestions] == ["a"]


def test_k_and_the_least_margin_cut_the_suggestions() -> None:
    one = align(
        STATEMENTS, REPORTS, CountingEmbedder(), params=PARAMS, suggest=SuggestRule(k=1, margin=0.0)
    )
    assert _suggested(one) == [(1, 1, 1)]
    every = align(STATEMENTS, REPORTS, CountingEmbedder(), params=PARAMS, suggest=EVERY)
    top = max(s.margin for o in every.outlets for s in o.suggestions)
    high = SuggestRule(k=3, margin=top + 0.01)
    assert (
        _suggested(align(STATEMENTS, REPORTS, CountingEmbedder(), params=PARAMS, suggest=high))
        == []
    )
    strict = dataclasses.replace(PARAMS, gate=0.99)  # nothing on topic enough
    assert (
        _suggested(align(STATEMENTS, REPORTS, CountingEmbedder(), params=strict, suggest=EVERY))
        == []
    )
    none = align(STATEMENTS, REPORTS, CountingEmbedder(), params=PARAMS, suggest=None)
    assert _suggested(none) == []


def test_suggestions_change_no_link_and_embed_nothing_more() -> None:
    plain, counted = CountingEmbedder(), CountingEmbedder()
    without = align(STATEMENTS, REPORTS, plain, params=PARAMS, suggest=None)
    with_ = align(STATEMENTS, REPORTS, counted, params=PARAMS, suggest=EVERY)
    assert with_.alignments == without.alignments
    assert with_.unmatched_reports == without.unmatched_reports
    assert sorted(counted.seen) == sorted(plain.seen)


def test_a_bad_rule_is_refused_in_one_sentence() -> None:
    for bad in ({"k": -1}, {"margin": -0.1}, {"cosine": -1.0}):
        with pytest.raises(UserInputError, match="link suggestions"):
            SuggestRule(**bad)  # type: ignore[arg-type]
    assert SUGGEST.k == 3 and SUGGEST.margin == 0.99 and SUGGEST.cosine is None
