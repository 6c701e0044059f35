"""Links below the sentence: partial and merged retellings, spans, bounds and bad inputs."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.align.conftest import STRICT, CountingEmbedder
from workbench.align import AlignParams, CachingEmbedder, align, params_for
from workbench.errors import UserInputError
from workbench.types import Comparison, ReportRef, StatementRef

STATEMENTS = [
    "Президент заявил, что на Алматы напали двадцать тысяч бандитов, "
    "а власти сообщили, что в столкновениях погибли сто шестьдесят четыре человека.",
    "Доступ в интернет был отключён по всей стране на несколько дней.",
    "Задержанный музыкант из Кыргызстана признался, что ему заплатили за участие в беспорядках.",
]


def _links(result: Comparison) -> dict[tuple[int, int], tuple[str, ReportRef, tuple[int, int]]]:
    return {
        (a.statement.index, r.index): (link.unit, r, link.statement_span)
        for a in result.alignments
        for r, link in zip(a.reports, a.links, strict=True)
    }


def _statements() -> list[StatementRef]:
    return [StatementRef(i, t, None, "statement") for i, t in enumerate(STATEMENTS)]


def test_a_report_sentence_carrying_one_clause_links_to_that_clause(
    e5: CachingEmbedder,
) -> None:
    reports = [
        ReportRef(0, "Officials said 164 people had died in the clashes.", "wire"),
        ReportRef(1, "Schools in the capital reopened on Monday after the holidays.", "wire"),
    ]
    result = align(_statements(), reports, e5)
    links = _links(result)
    assert {i for i, j in links if j == 0} == {0}  # the toll, and nothing else, for sentence 0
    unit, ref, span = links[(0, 0)]
    assert ref.text == reports[0].text and ref.span is None  # the whole report sentence
    if unit == "clause":  # found through the statement's clause: the span names it
        assert "погибли" in STATEMENTS[0][span[0] : span[1]]
        assert "бандитов" not in STATEMENTS[0][span[0] : span[1]]


def test_a_report_sentence_merging_two_statements_links_each_through_its_clause(
    e5: CachingEmbedder,
) -> None:
    text = (
        "A detained Kyrgyz musician said on television that he had been paid to join the riots, "
        "while internet access stayed cut across the country for several days."
    )
    reports = [
        ReportRef(0, text, "wire"),
        ReportRef(1, "Schools in the capital reopened on Monday after the holidays.", "wire"),
    ]
    result = align(_statements(), reports, e5)
    links = _links(result)
    assert {(1, 0), (2, 0)} <= set(links)
    parts = {i: links[(i, 0)][1] for i in (1, 2)}
    for part in parts.values():
        assert part.full_text == text and part.index == 0 and part.document_id == "wire"
        if part.span is not None:  # a clause: its offsets point into the whole sentence
            assert text[part.span[0] : part.span[1]] == part.text and part.sentence == text
    assert (
        "internet" in parts[1].text
        and "musician" in parts[2].text
        or (parts[1].span is None or parts[2].span is None)
    )


# Bag-of-words vectors (CountingEmbedder): a clause shares all its words with one statement, the
# whole sentence only half of them, so only units below the sentence reach the floors below.
BOW_STATEMENTS = [
    "alpha beta gamma delta epsilon",
    "kappa lambda sigma omicron upsilon",
    "north south east west centre",
]
MERGED = "alpha beta gamma delta epsilon, and kappa lambda sigma omicron upsilon"


def test_a_merged_retelling_is_found_only_below_the_sentence(counting: CountingEmbedder) -> None:
    cached = CachingEmbedder(counting)
    statements = [StatementRef(i, t) for i, t in enumerate(BOW_STATEMENTS)]
    reports = [ReportRef(0, MERGED, "wire"), ReportRef(1, "red green blue yellow black", "wire")]
    sentences = align(statements, reports, cached, params=replace(STRICT, units="sentence"))
    assert sentences.alignments == ()
    clauses = align(statements, reports, cached, params=STRICT)
    links = _links(clauses)
    assert set(links) == {(0, 0), (1, 0)}
    first, second = links[(0, 0)][1], links[(1, 0)][1]
    assert first.text == "alpha beta gamma delta epsilon" and first.span == (0, 30)
    assert second.text == "and kappa lambda sigma omicron upsilon"
    assert MERGED[second.span[0] : second.span[1]] == second.text
    assert first.sentence == second.sentence == MERGED == first.full_text
    assert all(unit == "clause" for unit, _, _ in links.values())
    assert [r.index for r in clauses.unmatched_reports] == [1]


def test_a_partial_retelling_names_the_statement_clause(counting: CountingEmbedder) -> None:
    cached = CachingEmbedder(counting)
    statement = "North south east west centre; alpha beta gamma delta epsilon."
    statements = [StatementRef(0, statement), StatementRef(1, BOW_STATEMENTS[1])]
    reports = [ReportRef(0, "Alpha beta gamma delta epsilon.", "wire")]
    result = align(statements, reports, cached, params=STRICT)
    links = _links(result)
    assert set(links) == {(0, 0)}
    unit, ref, span = links[(0, 0)]
    assert unit == "clause" and ref.span is None  # the whole report sentence
    assert statement[span[0] : span[1]] == "alpha beta gamma delta epsilon."
    assert result.alignments[0].links[0].view == "original"


def test_a_clause_of_the_supplied_translation_can_carry_the_link(
    counting: CountingEmbedder,
) -> None:
    cached = CachingEmbedder(counting)
    translation = "North south east west centre; alpha beta gamma delta epsilon."
    statements = [StatementRef(0, "[text withheld]", translation)]
    reports = [ReportRef(0, "Alpha beta gamma delta epsilon.", "wire")]
    link = align(statements, reports, cached, params=STRICT).alignments[0].links[0]
    assert link.view == "translation" and link.unit == "clause"
    assert translation[link.statement_span[0] : link.statement_span[1]].startswith("alpha")


def test_the_signature_names_the_unit_mode(e5: CachingEmbedder) -> None:
    reports = [ReportRef(0, "Internet access was cut for days.", "wire")]
    params = params_for(e5)
    clause = align(_statements(), reports, e5, params=params).signature
    sentence = align(_statements(), reports, e5, params=replace(params, units="sentence")).signature
    assert "units:clause|cthr:" in clause and "units:sentence" in sentence
    assert "cthr:" not in sentence
    assert "|maxc:4|rcut:amid|" in clause and "rcut:" not in sentence  # the report cut words


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"units": "words"}, "units must be one of clause, sentence"),
        ({"budget": 1.5}, "budget must be between 0 and 1"),
        ({"max_clauses": 0}, "at least 1"),
        ({"k": 0}, "at least 1"),
        ({"least": -1}, "least clause-cut sentences must be 0 or more"),
    ],
)
def test_bad_constants_are_one_clear_sentence(change: dict[str, object], message: str) -> None:
    base = AlignParams(threshold=1.0, floor=0.8, secondary=1.0, gain=0.0, prior=0.8)
    with pytest.raises(UserInputError, match=message):
        replace(base, **change)  # type: ignore[arg-type]


def test_one_side_empty_or_blank(counting: CountingEmbedder) -> None:
    cached = CachingEmbedder(counting)
    statements = [StatementRef(0, "alpha beta gamma delta, epsilon zeta eta theta")]
    nothing = align(statements, [], cached)
    assert nothing.alignments == () and [s.index for s in nothing.unmatched_statements] == [0]
    assert nothing.outlets == ()
    blank = align([], [ReportRef(0, "alpha beta", "wire"), ReportRef(1, "  ", "wire")], cached)
    assert [r.index for r in blank.unmatched_reports] == [0, 1]
    assert [o.document_id for o in blank.outlets] == ["wire"]
    assert counting.seen == []  # nothing to align: nothing embedded


def test_a_huge_document_keeps_the_clause_count_bounded(counting: CountingEmbedder) -> None:
    """5,000 report sentences of several clauses: at most ``budget`` of them are cut."""
    cached = CachingEmbedder(counting)
    words = [f"w{i}" for i in range(400)]
    reports = [
        ReportRef(
            j,
            " ".join(words[(j + k) % 400] for k in range(5))
            + ", and "
            + " ".join(words[(j * 7 + k) % 400] for k in range(5))
            + ".",
            f"outlet-{j % 10}",
        )
        for j in range(5000)
    ]
    statements = [StatementRef(i, reports[i * 50].text) for i in range(100)]
    params = AlignParams(
        threshold=1.01, floor=0.3, secondary=9.0, gain=0.0, prior=0.5, gate=0.0, budget=0.2
    )
    result = align(statements, reports, cached, params=params)
    sentences = len({r.text for r in reports} | {s.text for s in statements})
    cut = len(counting.seen) - sentences
    assert cut <= 2 * (0.2 * len(reports) + len(statements))  # two clauses per cut sentence
    assert len(result.outlets) == 10
    linked = {r.index for a in result.alignments for r in a.reports}
    unmatched = {r.index for r in result.unmatched_reports}
    assert linked | unmatched == set(range(5000)) and not linked & unmatched  # nothing lost
    per_outlet = sum(len(o.unmatched_reports) for o in result.outlets)
    assert per_outlet == len(unmatched)


def test_a_small_case_is_cut_whole_whatever_the_share() -> None:
    """``least`` sentences may be cut whatever ``budget`` allows; the share bounds big cases."""
    from workbench.align.units import candidates

    reports = [ReportRef(j, f"w{j} a b c, and w{j} d e f.", "wire") for j in range(10)]
    best = np.full(10, 0.9, dtype=np.float32)
    kw = {"gate": 0.8, "min_words": 3, "max_clauses": 4}
    share = {j for j, _ in candidates(reports, best, best, budget=0.2, **kw)}
    whole = {j for j, _ in candidates(reports, best, best, budget=0.2, least=50, **kw)}
    assert len(share) == 2 and whole == set(range(10))
    big = [ReportRef(j, r.text, "wire") for j, r in enumerate(reports * 20)]
    best = np.full(200, 0.9, dtype=np.float32)
    assert len({j for j, _ in candidates(big, best, best, budget=0.2, least=30, **kw)}) == 40


def test_the_budget_counts_only_sentences_that_have_clauses() -> None:
    """Sentences are cut best first (by ``priority``) until the budget is filled; a sentence of
    one clause, or one under the gate, takes no place in it."""
    from workbench.align.units import candidates

    two = "w{j} a b c, and w{j} d e f."
    one = "w{j} a b c d e f."
    texts = [(one if j % 2 else two).format(j=j) for j in range(10)]
    reports = [ReportRef(j, t, "wire") for j, t in enumerate(texts)]
    best = np.array([0.9] * 9 + [0.5], dtype=np.float32)  # sentence 9 is off-topic
    priority = np.arange(10, dtype=np.float32)  # later sentences first
    kw = {"gate": 0.8, "min_words": 3, "max_clauses": 4}
    cut = candidates(reports, best, priority, budget=0.3, **kw)
    # budget 3 of 10: the best-ranked sentences with two clauses are 8, 6 and 4 (9 is under
    # the gate, 7 and 5 have one clause each)
    assert sorted({j for j, _ in cut}) == [4, 6, 8]
    assert [c.text for j, c in cut if j == 8] == ["w8 a b c", "and w8 d e f."]
    assert candidates(reports, best, priority, budget=0.0, **kw) == []


def test_a_report_sentence_is_cut_before_amid_for_the_clause_pass() -> None:
    """Session 21 (align21): the clause pass cuts report sentences before "amid" too, so a
    sentence merging a line's event with another line's circumstance has a unit for each."""
    from workbench.align.units import candidates

    text = "The minister said the ferry tried to dock at Aktau amid strong winds over the Caspian."
    reports = [ReportRef(0, text, "wire")]
    best = np.full(1, 0.9, dtype=np.float32)
    cut = candidates(reports, best, best, gate=0.8, budget=1.0, min_words=4, max_clauses=4)
    assert [c.text for _, c in cut] == [
        "The minister said the ferry tried to dock at Aktau",
        "amid strong winds over the Caspian.",
    ]
