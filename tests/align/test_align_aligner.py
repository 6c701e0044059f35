"""The aligner on the real bundled embedder: order-free, many-to-many, leftovers, signature."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.align.conftest import CountingEmbedder
from workbench.align import AlignParams, CachingEmbedder, align
from workbench.align.aligner import ratio_margin
from workbench.align.clauses import split_clauses
from workbench.errors import UserInputError
from workbench.types import ReportRef, StatementRef

STATEMENTS = [
    "Президент заявил, что на Алматы напали двадцать тысяч бандитов.",
    "По данным властей, погибли 164 человека, из них 103 в Алматы.",
    "Мирные протесты были захвачены террористическими группами, подготовленными за рубежом.",
    "Доступ в интернет был отключён по всей стране на несколько дней.",
    "Задержанный музыкант из Кыргызстана признался, что ему заплатили за участие в беспорядках.",
]
# Report sentences in another order; REPORTS[k] retells STATEMENTS[GOLD[k]] (None: nothing).
REPORTS = [
    "A Kyrgyz musician who was detained said on television that he had been paid to join the riots.",
    "Internet access was cut across Kazakhstan for several days.",
    "The president claimed that 20,000 bandits had attacked Almaty.",
    "Officials said 164 people died, 103 of them in Almaty.",
    "The weather in London was mild and dry for most of the week.",
    "Peaceful protests, the government said, had been hijacked by terrorist groups trained abroad.",
]
GOLD = [4, 3, 0, 1, None, 2]


def _statements(texts: list[str]) -> list[StatementRef]:
    return [StatementRef(i, t) for i, t in enumerate(texts)]


def _reports(texts: list[str]) -> list[ReportRef]:
    return [ReportRef(i, t) for i, t in enumerate(texts)]


def _pairs(comparison: object) -> set[tuple[int, int]]:
    return {
        (a.statement.index, r.index)
        for a in comparison.alignments  # type: ignore[attr-defined]
        for r in a.reports
    }


def test_reordered_reports_find_their_statements(e5: CachingEmbedder) -> None:
    result = align(_statements(STATEMENTS), _reports(REPORTS), e5)
    assert _pairs(result) == {(s, r) for r, s in enumerate(GOLD) if s is not None}
    assert [r.index for r in result.unmatched_reports] == [4]
    assert result.unmatched_statements == ()
    assert [a.statement.index for a in result.alignments] == [0, 1, 2, 3, 4]
    assert all(a.differences == () and a.score > 1.0 for a in result.alignments)


def test_unrelated_sentences_stay_unmatched(e5: CachingEmbedder) -> None:
    reports = [
        "The football match ended in a goalless draw after extra time.",
        "A new bakery opened on the high street, selling sourdough bread.",
        "Astronomers spotted a faint comet passing close to the planet Jupiter.",
    ]
    result = align(_statements(STATEMENTS), _reports(reports), e5)
    assert result.alignments == ()
    assert len(result.unmatched_statements) == 5 and len(result.unmatched_reports) == 3


def test_one_statement_retold_by_several_report_sentences(e5: CachingEmbedder) -> None:
    statements = [
        "Президент заявил, что на Алматы напали двадцать тысяч бандитов, а власти сообщили, "
        "что погибли 164 человека.",
        "Интернет был отключён.",
    ]
    reports = [
        "Officials said 164 people died.",
        "The weather in London was mild.",
        "The president claimed that 20,000 bandits had attacked Almaty.",
    ]
    result = align(_statements(statements), _reports(reports), e5)
    assert _pairs(result) == {(0, 0), (0, 2)}
    assert [r.index for r in result.alignments[0].reports] == [0, 2]  # report order


def test_one_report_sentence_retelling_several_statements(e5: CachingEmbedder) -> None:
    reports = [
        "The president claimed that 20,000 bandits had attacked Almaty, and officials said "
        "164 people died, 103 of them in the city.",
        "Shops reopened in the capital on Monday.",
    ]
    result = align(_statements(STATEMENTS), _reports(reports), e5)
    assert _pairs(result) == {(0, 0), (1, 0)}
    assert [r.index for r in result.unmatched_reports] == [1]


def test_supplied_translation_is_used(e5: CachingEmbedder) -> None:
    # The original is a placeholder the model cannot read; only the translation can match.
    statements = [
        StatementRef(
            0,
            "[text withheld]",
            translation="Internet access was shut down throughout the country for several days.",
        ),
        StatementRef(1, "[text withheld]"),
    ]
    result = align(statements, _reports(REPORTS), e5)
    assert _pairs(result) == {(0, 1)}
    assert [s.index for s in result.unmatched_statements] == [1]


def test_empty_and_blank_inputs(counting: CountingEmbedder) -> None:
    cached = CachingEmbedder(counting)
    empty = align([], [], cached)
    assert empty.alignments == () and empty.unmatched_statements == ()
    only = align(_statements(["a b"]), [], cached)
    assert [s.index for s in only.unmatched_statements] == [0] and counting.seen == []
    blank = align(_statements(["  ", "xx yy"]), _reports(["", "xx yy"]), cached)
    assert "  " not in counting.seen and "" not in counting.seen
    assert [s.index for s in blank.unmatched_statements] == [0]
    assert [r.index for r in blank.unmatched_reports] == [0]


def test_second_alignment_reuses_every_embedding(e5: CachingEmbedder) -> None:
    counting = CountingEmbedder()
    cached = CachingEmbedder(counting)
    params = AlignParams(
        threshold=1.0, floor=0.0, secondary=9.0, gain=0.0, prior=0.0, gate=0.0, budget=1.0
    )
    align(_statements(STATEMENTS), _reports(REPORTS), cached, params=params)
    units = len(STATEMENTS) + len(REPORTS)
    clauses = [c.text for t in STATEMENTS + REPORTS for c in split_clauses(t)]
    assert clauses  # some of these sentences have clauses, embedded as units of their own
    assert sorted(counting.seen) == sorted(STATEMENTS + REPORTS + list(dict.fromkeys(clauses)))
    align(_statements(STATEMENTS[:2]), _reports(REPORTS[::-1]), cached, params=params)
    assert len(counting.seen) == units + len(set(clauses))  # nothing embedded twice


def test_signature_names_method_threshold_and_embedder(e5: CachingEmbedder) -> None:
    first = align(_statements(STATEMENTS[:1]), _reports(REPORTS[:2]), e5).signature
    again = align(_statements(STATEMENTS[1:]), _reports(REPORTS), e5).signature
    assert first == again
    assert first.startswith("align:margin-ratio|thr:")
    assert e5.signature in first and first.endswith("|version:0.1.0")
    stricter = align(_statements(STATEMENTS), _reports(REPORTS), e5, threshold=1.5)
    assert "thr:1.500" in stricter.signature and stricter.alignments == ()
    with pytest.raises(UserInputError, match="threshold"):
        align(_statements(STATEMENTS), _reports(REPORTS), e5, threshold=-1)


def test_margin_uses_the_prior_when_a_side_is_small() -> None:
    import numpy as np

    one = ratio_margin(np.array([[0.9]], dtype=np.float32), k=4, prior=0.75)
    # neighbourhood of each side: (0.9 + 3 * 0.75) / 4 = 0.7875
    assert one[0, 0] == pytest.approx(0.9 / 0.7875, rel=1e-5)


def test_tiny_inputs_link_only_the_retelling(e5: CachingEmbedder) -> None:
    # Two statements, one report sentence: the prior stands in for the missing neighbours, so
    # the on-topic statement about the death toll is not linked to the sentence about the attack.
    result = align(
        _statements(STATEMENTS[:2]),
        _reports(["The president claimed that 20,000 protesters stormed Almaty."]),
        e5,
    )
    assert _pairs(result) == {(0, 0)}
    alone = align(_statements(STATEMENTS[1:2]), _reports(REPORTS[3:4]), e5)
    assert _pairs(alone) == {(0, 0)}  # one against one still works


def test_merge_check_links_partial_retellings_only(counting: CountingEmbedder) -> None:
    # Each half alone is a partial match (cosine 0.71) below the margin threshold; together
    # they are the whole sentence (cosine 1.0), which the merge check recognises.
    halves = ["alpha beta gamma", "delta epsilon zeta", "kappa lambda sigma"]
    whole = ["alpha beta gamma delta epsilon zeta", "omega rho tau"]
    strict = AlignParams(
        threshold=1.5, floor=0.5, secondary=0.5, gain=0.05, prior=0.0, k=2, units="sentence"
    )
    cached = CachingEmbedder(counting)
    many_to_one = align(_statements(halves), _reports(whole), cached, params=strict)
    assert _pairs(many_to_one) == {(0, 0), (1, 0)}
    one_to_many = align(_statements(whole), _reports(halves), cached, params=strict)
    assert _pairs(one_to_many) == {(0, 0), (0, 1)}
    off = AlignParams(
        threshold=1.5, floor=0.5, secondary=9.0, gain=0.05, prior=0.0, k=2, units="sentence"
    )
    assert align(_statements(halves), _reports(whole), cached, params=off).alignments == ()


LANGS = {"kk": "kaz_Cyrl", "ky": "kir_Cyrl", "ru": "rus_Cyrl"}


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_real_flores_lines_align_across_languages(
    lang: str, flores: Path, e5: CachingEmbedder
) -> None:
    english = (flores / "eng_Latn.txt").read_text(encoding="utf-8").splitlines()
    source = (flores / f"{LANGS[lang]}.txt").read_text(encoding="utf-8").splitlines()
    lines = [10, 120, 240, 360, 480, 600]  # far apart: different articles
    distractors = [700, 800, 900]  # English only: must stay unmatched
    report_lines = lines[1:] + distractors  # line 10 is not retold
    random.Random(7).shuffle(report_lines)
    statements = [StatementRef(i, source[n]) for i, n in enumerate(lines)]
    reports = [ReportRef(j, english[n]) for j, n in enumerate(report_lines)]
    result = align(statements, reports, e5)
    gold = {(i, report_lines.index(n)) for i, n in enumerate(lines) if n in report_lines}
    assert _pairs(result) == gold
    assert [s.index for s in result.unmatched_statements] == [0]
    assert sorted(report_lines[r.index] for r in result.unmatched_reports) == distractors


# ─── per outlet ─────────────────────────────────────────────────────────────────────────────

OUTLET_RETELLINGS = [
    "President Tokayev claimed that 20,000 bandits had attacked Almaty.",
    "According to the president, twenty thousand bandits attacked the city of Almaty.",
    'Tokayev said Almaty had been attacked by "20,000 bandits".',
    "The president alleged that some 20,000 bandits had assaulted Almaty.",
]
OUTLET_FILLER = [
    "Shops reopened in the capital on Monday.",
    "Internet access was cut across Kazakhstan for several days.",
]


def _outlets(n: int) -> list[ReportRef]:
    """``n`` report documents, each retelling statement 0 once among two other sentences."""
    refs: list[ReportRef] = []
    for k in range(n):
        for text in (OUTLET_FILLER[0], OUTLET_RETELLINGS[k], OUTLET_FILLER[1]):
            refs.append(ReportRef(len(refs), text, f"outlet-{k}"))
    return refs


def test_four_outlets_retelling_one_statement_give_four_links(e5: CachingEmbedder) -> None:
    reports = _outlets(4)
    result = align(_statements(STATEMENTS), reports, e5)
    by_statement = {a.statement.index: a for a in result.alignments}
    assert {r.document_id for r in by_statement[0].reports} == {f"outlet-{k}" for k in range(4)}
    assert [r.text for r in by_statement[0].reports] == OUTLET_RETELLINGS
    assert len(by_statement[0].links) == 4  # one link per report sentence
    assert all(link.unit == "sentence" for link in by_statement[0].links)


def test_an_outlet_does_not_change_another_outlets_links(e5: CachingEmbedder) -> None:
    alone = align(_statements(STATEMENTS), _outlets(1), e5)
    crowded = align(_statements(STATEMENTS), _outlets(4), e5)
    first = {(a.statement.index, r.index) for a in crowded.alignments for r in a.reports}
    assert _pairs(alone) == {p for p in first if p[1] < 3}


def test_each_outlet_has_its_own_leftovers(e5: CachingEmbedder) -> None:
    reports = _outlets(2)
    reports.append(ReportRef(6, "The weather in London was mild and dry.", "outlet-1"))
    result = align(_statements(STATEMENTS), reports, e5)
    assert [o.document_id for o in result.outlets] == ["outlet-0", "outlet-1"]
    for outlet in result.outlets:
        assert 0 not in {s.index for s in outlet.unmatched_statements}
        assert 4 in {s.index for s in outlet.unmatched_statements}  # nobody retells the musician
        assert all(r.document_id == outlet.document_id for r in outlet.unmatched_reports)
    assert 6 in {r.index for r in result.outlets[1].unmatched_reports}
    assert 6 not in {r.index for r in result.outlets[0].unmatched_reports}
    # case-wide leftovers: a statement is unmatched only when no outlet retells it
    assert 0 not in {s.index for s in result.unmatched_statements}


def test_every_sentence_is_embedded_once_across_outlets(counting: CountingEmbedder) -> None:
    cached = CachingEmbedder(counting)
    align(_statements(["a b c", "d e f"]), _outlets(3), cached)
    assert len(counting.seen) == len(set(counting.seen))
    assert counting.batches and len(counting.batches) == 1  # one bulk call for the case


def test_datelines_and_agency_tags_retell_nothing(e5: CachingEmbedder) -> None:
    # A wire copy's first line, cut by the segmenter into "BISHKEK, September 17." and
    # "/TASS/.", is close to every statement of a short case; it must never be linked.
    reports = _reports(["BISHKEK, January 5.", "/TASS/.", *REPORTS])
    result = align(_statements(STATEMENTS), reports, e5)
    assert not {r for _, r in _pairs(result)} & {0, 1}
    assert {0, 1} <= {r.index for r in result.unmatched_reports}
    kept = {(s, r - 2) for s, r in _pairs(result)}
    assert kept == {(s, r) for r, s in enumerate(GOLD) if s is not None}
    assert "|rwords:2" in result.signature


def test_claim_words_count_words_but_not_dates() -> None:
    from workbench.align.aligner import claim_words

    assert claim_words("BISHKEK, September 17.") == 1
    assert claim_words("/TASS/.") == 1
    assert claim_words("MOSCOW, Sunday, Dec 5 -") == 1
    assert claim_words("A shootout ensued.") == 2
    assert claim_words("Путин заявил об этом 17 сентября.") == 5  # only English dates are dates
    assert claim_words("") == 0


def test_min_report_words_zero_aligns_every_sentence_and_bad_values_are_refused(
    e5: CachingEmbedder,
) -> None:
    base = AlignParams(threshold=1.0, floor=0.0, secondary=9.0, gain=0.0, prior=0.0)
    from dataclasses import replace

    off = replace(base, min_report_words=0)
    assert "rwords" not in off.signature_fields()
    result = align(_statements(STATEMENTS[:1]), _reports(["/TASS/.", ""]), e5, params=off)
    assert [r.index for r in result.unmatched_reports] == [1]  # a blank line is still a leftover
    with pytest.raises(UserInputError, match="min_report_words"):
        replace(base, min_report_words=-1)
