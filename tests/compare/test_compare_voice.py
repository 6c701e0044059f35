"""Compare and voice: label aggregates count a report's own voice apart from what it quotes;
link margins become the diff's link confidence."""

from __future__ import annotations

import pytest

from workbench.pipeline.compare import fill_differences, link_confidence, load_lexicon
from workbench.types import (
    Alignment,
    AlignmentLink,
    CaseComparison,
    Comparison,
    ReportRef,
    StatementRef,
)


def test_labels_a_report_only_quotes_are_counted_apart(sample_result: CaseComparison) -> None:
    uses = {(u.outlet_type, u.label): u for u in sample_result.label_uses}
    bandits = uses[("foreign", "bandits")]
    # the foreign account says "bandits" only when reporting what Tokayev said
    assert (bandits.count, bandits.quoted) == (0, 1)
    assert "Tokayev" in bandits.speakers[0]
    state = uses[("state", "bandits")]
    assert state.count >= 1 and state.quoted == 0  # a statement speaks in its issuer's voice


def test_no_difference_in_the_sample_is_the_issuers_own_name_or_voice(
    sample_result: CaseComparison,
) -> None:
    for doc in sample_result.documents:
        for al in doc.comparison.alignments:
            for d in al.differences:
                assert not (d.kind == "attribution" and "Tokayev" in d.report), d
                assert 0 < d.salience <= 1
            for outlet in {d.report_document for d in al.differences}:
                ranked = [d.salience for d in al.differences if d.report_document == outlet]
                assert ranked == sorted(ranked, reverse=True)  # most salient first per outlet


@pytest.mark.parametrize(
    ("score", "threshold", "confidence"),
    [(1.032, 1.032, 0.5), (1.052, 1.032, 1.0), (1.012, 1.032, 0.0), (1.042, 1.032, 0.75)],
)
def test_link_confidence_is_half_at_the_threshold(
    score: float, threshold: float, confidence: float
) -> None:
    assert link_confidence(score, threshold) == pytest.approx(confidence)


def _pair(index: int, translation: str, report: str, score: float = 1.1) -> Alignment:
    st = StatementRef(index, f"line {index}", translation, "state-doc")
    rep = ReportRef(0, report, "wire")
    return Alignment(st, (rep,), score, links=(AlignmentLink((0, len(translation)), score),))


def test_one_flag_per_fact_when_alignments_share_a_report_sentence() -> None:
    report = "Order was restored, witnesses said."
    comparison = Comparison(
        "sig",
        (_pair(0, "Order was restored.", report), _pair(1, "Order was restored here.", report)),
        (),
        (),
    )
    filled = fill_differences(comparison, load_lexicon(), "ru", link_threshold=1.032)
    flags = [d for al in filled.alignments for d in al.differences if d.kind == "attribution"]
    assert len(flags) == 1 and flags[0].report == "witnesses said"


def test_a_weak_link_gives_no_figures() -> None:
    report = "Some 2019 rioters died in Almaty, people were counted."  # the line's words
    weak = _pair(0, "164 people died in Almaty.", report, score=1.0)
    strong = _pair(0, "164 people died in Almaty.", report, score=1.1)
    topic = _pair(0, "164 people died in Almaty.", "Some 2019 rioters were counted.", score=1.0)
    lex = load_lexicon()
    kinds = [
        {d.kind for al in fill_differences(Comparison("s", (al,), (), ()), lex, "ru",
                                           link_threshold=1.032).alignments
         for d in al.differences}
        for al in (weak, strong, topic)
    ]  # fmt: skip
    assert "number" not in kinds[0] and "number" in kinds[1]
    assert "framing" in kinds[0]  # the report's own loaded label stays true on a weak link
    # ... and when the link shares no figure or words with the line (carried by the topic
    # alone: workbench.pipeline.compare.weak_links) only the report's own words are read
    assert kinds[2] == {"framing"}


def test_an_official_titled_by_one_outlet_is_the_same_voice_in_another() -> None:
    """One wire writes "President Kassym-Jomart Tokayev", another only "Kassym-Jomart Tokayev
    said": the second retells the issuer too, not a new speaker; a witness still is one."""
    st = StatementRef(0, "line 0", "Order was restored.", "state-doc")
    titled = ReportRef(0, "President Kassym-Jomart Tokayev said order was restored.", "wire-a")
    untitled = ReportRef(1, "Kassym-Jomart Tokayev said order was restored.", "wire-b")
    witness = ReportRef(2, "Witnesses said order was restored.", "wire-c")
    link = (AlignmentLink((0, 19), 1.1),)
    comparison = Comparison(
        "sig", (Alignment(st, (titled, untitled, witness), 1.1, links=link),), (), ()
    )
    filled = fill_differences(comparison, load_lexicon(), "ru", link_threshold=1.032)
    flagged = {
        d.report_document for d in filled.alignments[0].differences if d.kind == "attribution"
    }
    assert flagged == {"wire-c"}


def _clause_pair(statement: str, report: str, span: tuple[int, int], unit: str) -> Alignment:
    st = StatementRef(0, statement, None, "state-doc")  # no translation: the original is read
    return Alignment(
        st, (ReportRef(0, report, "wire"),), 1.1, links=(AlignmentLink(span, 1.1, unit),)
    )


def test_a_clause_link_into_the_original_compares_only_the_retold_clause() -> None:
    statement = "Погибли 20 человек, а власти обещали помочь всем пострадавшим."
    report = "The authorities promised to help all victims."
    clause = (statement.index("а власти"), len(statement))
    kinds = [
        {d.kind for al in fill_differences(Comparison("s", (pair,), (), ()), load_lexicon(),
                                           "ru", link_threshold=1.032).alignments
         for d in al.differences}
        for pair in (_clause_pair(statement, report, (0, len(statement)), "sentence"),
                     _clause_pair(statement, report, clause, "clause"))
    ]  # fmt: skip
    assert "number" in kinds[0]  # a whole-sentence link: the 20 dead are left out
    assert "number" not in kinds[1]  # the report retells only the promise


def test_a_label_the_outlet_uses_itself_in_another_sentence_is_not_a_dropped_label() -> None:
    statement = StatementRef(0, "Бандиты напали на здание акимата.", None, "state-doc")

    def framing(other: str) -> list[str]:
        al = Alignment(statement, (ReportRef(0, "Armed men attacked the city hall.", "wire"),), 1.1)
        comparison = Comparison("s", (al,), (), (ReportRef(1, other, "wire"),))
        filled = fill_differences(comparison, load_lexicon(), "ru")
        return [d.statement for al in filled.alignments for d in al.differences
                if d.kind == "framing"]  # fmt: skip

    assert framing("The bandits fled to the mountains.") == []  # the outlet says it itself
    assert framing("Police said the bandits fled to the mountains.") == []  # retold as theirs
    assert framing('"Bandits will be punished," the president said.') == ["Бандиты"]  # quoted
    assert framing("Police closed the roads.") == ["Бандиты"]


def test_the_figures_that_disagree_come_only_from_links_sure_enough() -> None:
    from workbench.pipeline.compare import FIGURES_LINK, disagreeing_figures
    from workbench.types import Case, Document, OutletType

    case = Case("c", "c", "", (
        Document("state-doc", "s", "Ministry", OutletType.STATE, "ru", "164 человека погибли."),
        Document("wire", "w", "Wire", OutletType.FOREIGN, "en", "103 people died."),
    ))  # fmt: skip
    lex = load_lexicon()
    threshold = 1.032

    def figures(score: float) -> list[tuple[str, str]]:
        st = StatementRef(0, "164 человека погибли.", "164 people died.", "state-doc")
        al = Alignment(
            st,
            (ReportRef(0, "103 people died.", "wire"),),
            score,
            links=(AlignmentLink((0, 16), score, "sentence", "translation"),),
        )
        filled = fill_differences(Comparison("s", (al,), (), ()), lex, "ru", threshold)
        assert [d.kind for d in filled.alignments[0].differences] == ["number"]  # the pair's flag
        return [(f.statement, f.report)
                for f in disagreeing_figures(filled, case, lex, threshold)]  # fmt: skip

    sure = threshold + 0.04 * (FIGURES_LINK - 0.5) + 0.001  # link_confidence just above
    assert figures(sure) == [("164", "103")]
    assert figures(threshold + 0.002) == []  # a doubtful link: the pair keeps its flag only


def test_one_figure_flag_standing_for_several_is_not_dropped_as_a_repeat() -> None:
    """A doubtful link folds its figures into one flag; when another alignment of the same
    outlet already showed the first of them, the folded flag still shows (it says more)."""
    report = ReportRef(0, "The flood hit 80 villages and 1,700 homes.", "wire")
    strong = Alignment(
        StatementRef(0, "line 0", "The flood hit the region.", "state-doc"), (report,), 1.1,
        links=(AlignmentLink((0, 25), 1.1, "sentence", "translation"),),
    )  # fmt: skip
    doubtful = Alignment(
        StatementRef(1, "line 1", "Homes were damaged.", "state-doc"), (report,), 1.04,
        links=(AlignmentLink((0, 19), 1.04, "sentence", "translation"),),
    )  # fmt: skip
    filled = fill_differences(
        Comparison("s", (strong, doubtful), (), ()), load_lexicon(), "ru", link_threshold=1.032
    )
    shown = [[d.note for d in al.differences if d.kind == "number"] for al in filled.alignments]
    assert len(shown[0]) == 2  # a strong link: each figure
    assert len(shown[1]) == 1 and "also:" in shown[1][0]
