"""Figures and names as alignment anchors: the evidence, and what it changes in align()."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.align.conftest import CountingEmbedder
from workbench.align import align
from workbench.align.aligner import CALIBRATIONS
from workbench.align.anchors import AnchorEvidence, adjusted
from workbench.pipeline.anchors import TextAnchors, default_anchors, figure_keys, name_words
from workbench.types import ReportRef, StatementRef


def test_figures_are_read_as_values_across_languages() -> None:
    assert figure_keys("погибли 20 тысяч человек") == figure_keys("20,000 people died")
    assert figure_keys("20 мың адам қаза тапты") == figure_keys("20,000 people died")
    assert "12%" in figure_keys("unemployment rose to 12 percent")
    assert figure_keys("Some thousands gathered") == frozenset()  # vague: no anchor


@pytest.mark.parametrize(
    ("statement", "same", "other"),
    [
        ("События 14-17 сентября 2022 года.", "the September 14th to 17th events",
         "On September 14th, armed clashes began."),
        ("Оқиғалар 14-17 қыркүйекте болды.", "events of September 14-17",
         "Clashes began on 14 September."),
    ],
)  # fmt: skip
def test_a_date_range_is_one_anchor(statement: str, same: str, other: str) -> None:
    # the period of a range, not each of its days: a sentence giving only its first day shares
    # no anchor with it
    assert "date:914-917" in figure_keys(statement) & figure_keys(same)
    assert not {k for k in figure_keys(statement) & figure_keys(other) if k.startswith("date")}


def test_names_match_across_scripts_and_case_endings() -> None:
    ev = TextAnchors().evidence(
        ["Президент встретился с Путиным в Алматы.", "Доступ в интернет был отключён."],
        ["On Monday Putin arrived in Almaty.", "Internet access was cut nationwide."],
    )
    assert ev.names[0, 0] == pytest.approx(1.0)
    assert ev.names[0, 1] == 0.0
    assert ev.names[1].sum() == 0.0  # a statement without names has no name evidence
    assert name_words("Біз Қазақстанды қорғаймыз.") and name_words("") == frozenset()


def test_names_can_be_skipped_and_figures_stay() -> None:
    left = ["Президент встретился с Путиным в Алматы, погибли 164 человека."]
    right = ["Putin arrived in Almaty; 164 people died."]
    full, lean = (
        TextAnchors().evidence(left, right),
        TextAnchors().evidence(left, right, names=False),
    )
    assert full.names[0, 0] > 0 and lean.names.tolist() == [[0.0]]
    assert lean.figures.tolist() == full.figures.tolist()
    assert lean.conflict.tolist() == full.conflict.tolist()


def test_a_rare_figure_counts_more_than_a_common_one() -> None:
    left = ["В 2021 году погибли 164 человека.", "В 2021 году начались протесты."]
    ev = TextAnchors().evidence(left, ["164 people died.", "Protests began in 2021."])
    # statement 0: 164 (only here, weight 1) and 2021 (in both statements, weight 1/2)
    assert ev.figures[0, 0] == pytest.approx(1 / 1.5)
    assert ev.figures[0, 1] == pytest.approx(0.5 / 1.5)


def test_figures_that_all_differ_are_a_conflict() -> None:
    ev = TextAnchors().evidence(
        ["Погибли 164 человека.", "Протесты продолжаются."],
        ["Officials said 225 people died.", "Some 164 people died.", "Nothing counted here."],
    )
    assert ev.conflict[0].tolist() == [1.0, 0.0, 0.0]
    assert ev.conflict[1].tolist() == [0.0, 0.0, 0.0]  # no figures: no conflict


def test_empty_sides_give_empty_matrices() -> None:
    ev = TextAnchors().evidence([], ["One sentence."])
    assert ev.names.shape == ev.figures.shape == ev.conflict.shape == (0, 1)
    ev = TextAnchors().evidence(["Одно предложение."], [])
    assert ev.names.shape == (1, 0)


def test_adjusted_adds_bonuses_and_subtracts_the_penalty() -> None:
    sims = np.full((1, 2), 0.8, dtype=np.float32)
    ev = AnchorEvidence(
        names=np.array([[1.0, 0.0]]), figures=np.array([[0.5, 0.0]]), conflict=np.array([[0, 1.0]])
    )
    out = adjusted(sims, ev, name_bonus=0.02, figure_bonus=0.04, figure_penalty=0.03)
    assert out[0].tolist() == pytest.approx([0.84, 0.77])
    assert adjusted(sims, None, name_bonus=1, figure_bonus=1, figure_penalty=1) is sims


def test_anchors_decide_between_two_reports_the_embedder_cannot_tell_apart() -> None:
    """A bag-of-words embedder is blind across scripts; the shared figures and names make the
    right pairs stand out."""
    statements = [
        StatementRef(0, "Погибли 164 человека в Алматы."),
        StatementRef(1, "Ранены 2200 человек в Таразе."),
    ]
    reports = [
        ReportRef(0, "Officials reported 2,200 injured in Taraz."),
        ReportRef(1, "Officials reported 164 dead in Almaty."),
    ]
    params = replace(
        CALIBRATIONS["e5-small"],
        units="sentence",
        floor=0.0,
        prior=0.0,
        threshold=0.5,
        name_bonus=0.2,
        figure_bonus=0.2,
        figure_penalty=0.1,
    )
    plain = align(statements, reports, CountingEmbedder(), params=params)
    anchored = align(statements, reports, CountingEmbedder(), params=params, anchors=TextAnchors())
    links = {(a.statement.index, r.index) for a in anchored.alignments for r in a.reports}
    assert links == {(0, 1), (1, 0)}
    plain_scores = {
        (a.statement.index, r.index): a.score for a in plain.alignments for r in a.reports
    }
    for al in anchored.alignments:
        assert al.score > plain_scores.get((al.statement.index, al.reports[0].index), 0.0)
    assert "anchors:figures+names" in anchored.signature
    assert "anchors:" not in plain.signature


def test_default_anchors_is_the_text_anchors() -> None:
    assert isinstance(default_anchors(), TextAnchors)


def test_content_words_are_read_through_the_word_lexicon() -> None:
    ev = TextAnchors().evidence(
        ["Президент прибыл в столицу и встретился с рабочими.", "Погода сегодня хорошая."],
        ["The president arrived in the capital.", "The weather is good today.", "Stocks fell."],
        names=False,
        words=True,
    )
    assert ev.words is not None
    assert ev.words[0, 0] > 0.3 and ev.words[0, 1] == 0.0 and ev.words[0, 2] == 0.0
    assert ev.words[1, 1] > ev.words[1, 0] and ev.words[1, 2] == 0.0


def test_an_english_statement_text_gives_no_word_evidence_and_words_are_off_by_default() -> None:
    left, right = ["The president arrived in the capital."], ["The president arrived.", "Stocks."]
    ev = TextAnchors().evidence(left, right, words=True)
    assert ev.words is not None and ev.words.tolist() == [[0.0, 0.0]]
    assert TextAnchors().evidence(left, right).words is None
    assert TextAnchors().evidence([], right, words=True).words.shape == (0, 2)  # type: ignore[union-attr]


def test_adjusted_adds_the_word_bonus_only_with_word_evidence() -> None:
    sims = np.full((1, 2), 0.8, dtype=np.float32)
    zeros = np.zeros((1, 2))
    ev = AnchorEvidence(names=zeros, figures=zeros, conflict=zeros, words=np.array([[0.5, 0.0]]))
    kw = {"name_bonus": 0.0, "figure_bonus": 0.0, "figure_penalty": 0.0}
    assert adjusted(sims, ev, word_bonus=0.04, **kw)[0].tolist() == pytest.approx([0.82, 0.8])
    no_words = AnchorEvidence(names=zeros, figures=zeros, conflict=zeros)
    assert adjusted(sims, no_words, word_bonus=0.04, **kw)[0].tolist() == pytest.approx([0.8, 0.8])
    assert ev.select(None, [1]).words.tolist() == [[0.0]]  # type: ignore[union-attr]
