"""The gloss coverage (session 17): how much of a report sentence a statement line's word-by-word
English gloss explains, spread over the lines (``gloss_items``, ``report_items``,
``gloss_coverage``, ``AnchorEvidence.gloss``, ``AlignParams.gloss_bonus``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from tests.align.conftest import CountingEmbedder
from workbench.align import AlignParams, align
from workbench.align.aligner import CALIBRATIONS, _sentence_evidence
from workbench.align.anchors import AnchorEvidence, adjusted
from workbench.errors import UserInputError
from workbench.pipeline.anchors import TextAnchors, gloss_coverage, gloss_items, report_items
from workbench.types import ReportRef, StatementRef

FERRY = "Паромы возобновят рейсы в пятницу утром, если ветер стихнет."
PORT = "Министр сообщил, что порт закрыт из-за шторма."
MEETING = "Токаев встретился с Путиным в Алматы 5 марта."


def test_a_gloss_holds_lexicon_words_folded_names_and_figures() -> None:
    items = gloss_items(MEETING)
    assert {"n:putin", "f:date:305", "w:met"} <= items
    assert "w:frid" in gloss_items(FERRY)  # пятницу -> Friday, by the word lexicon
    # an English text (a supplied translation) glosses itself with its own stems
    assert {"w:scho", "w:clos", "f:date:420"} <= gloss_items("The schools close until April 20.")
    assert gloss_items("") == frozenset() and gloss_items("  ") == frozenset()
    # the report side: stems, every word folded (a name the name finder misses) and figures
    rep = report_items("Tokayev met Putin in Almaty on March 5.")
    assert {"n:putin", "n:tohaev", "f:date:305", "w:met"} <= rep
    assert report_items("") == frozenset()


def test_each_report_sentence_is_covered_by_the_line_it_retells() -> None:
    cover = gloss_coverage(
        [[FERRY, ""], [PORT, ""]],
        ["Ferries will sail again on Friday morning.", "The port was shut by the storm."],
    )
    assert cover.shape == (2, 2)
    assert cover[0, 0] > cover[1, 0] and cover[1, 1] > cover[0, 1]
    assert np.all((cover >= 0) & (cover <= 1))


def test_an_item_every_line_glosses_counts_little_and_a_translation_joins_its_line() -> None:
    lines = [[MEETING, ""], ["Путин прибыл в Москву.", ""]]
    cover = gloss_coverage(lines, ["Putin met Tokayev on March 5."])
    # Putin is in both glosses (weight 1/2 each); Tokayev, met and the date only in the first.
    assert cover[0, 0] > 0.8 and cover[1, 0] < 0.2
    assert cover[1, 0] > 0  # the shared name still counts, at half its weight
    # a line known only through its translation is covered through it
    translated = gloss_coverage(
        [["Сөз сөйледі.", "Ferries will sail again on Friday."], [PORT, ""]],
        ["The ferries sail on Friday."],
    )
    assert translated[0, 0] > translated[1, 0]


def test_bad_inputs_give_zero_coverage_not_an_error() -> None:
    assert gloss_coverage([], ["Anything at all."]).shape == (0, 1)
    assert gloss_coverage([[FERRY, ""]], []).shape == (1, 0)
    # empty statement texts, a blank line, and a report sharing nothing with any gloss
    cover = gloss_coverage([["", ""], ["   ", ""], [FERRY, ""]], ["", "Qwxz zzyq."])
    assert not cover.any()
    # a one-line statement covers every item it glosses with weight 1
    one = gloss_coverage([[PORT, ""]], ["The port is shut.", "Nothing of it."])
    assert one[0, 0] == pytest.approx(1.0) and one[0, 1] == 0.0


def test_the_bonus_adds_the_coverage_only_when_set_and_read() -> None:
    sims = np.full((2, 1), 0.8, dtype=np.float32)
    zeros = np.zeros((2, 1), dtype=np.float32)
    gloss = np.array([[1.0], [0.0]], dtype=np.float32)
    ev = AnchorEvidence(zeros, zeros, zeros, None, gloss)
    kw = {"name_bonus": 0.0, "figure_bonus": 0.0, "figure_penalty": 0.0}
    assert adjusted(sims, ev, **kw, gloss_bonus=0.02)[:, 0] == pytest.approx([0.82, 0.8])
    assert adjusted(sims, ev, **kw)[:, 0] == pytest.approx([0.8, 0.8])  # bonus 0
    unread = AnchorEvidence(zeros, zeros, zeros)
    assert adjusted(sims, unread, **kw, gloss_bonus=0.02)[:, 0] == pytest.approx([0.8, 0.8])
    assert ev.select([0], None).gloss is not None and ev.select([0], None).gloss.shape == (1, 1)


def test_params_check_the_bonus_and_sign_it_only_when_set() -> None:
    shipped = CALIBRATIONS["e5-small"]
    assert shipped.gloss_bonus == 0.0 and "gbonus" not in shipped.anchor_fields()
    assert "|gbonus:0.020" in replace(shipped, gloss_bonus=0.02).anchor_fields()
    for bad in (-0.01, 1.5):
        with pytest.raises(UserInputError, match="gloss_bonus"):
            AlignParams(threshold=1.02, floor=0.8, secondary=9, gain=0, prior=0.8, gloss_bonus=bad)


class _CountingAnchors(TextAnchors):
    """The pipeline's anchors, counting the gloss calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def gloss(self, left: Sequence[Sequence[str]], right: Sequence[str]) -> np.ndarray:
        self.calls.append((len(left), len(right)))
        return super().gloss(left, right)


STATEMENTS = [
    StatementRef(0, FERRY, "Ferries will resume on Friday morning if the wind drops."),
    StatementRef(1, PORT),
]
REPORTS = [
    ReportRef(0, "Ferries are to sail again on Friday morning.", "a"),
    ReportRef(1, "The minister said the port was shut by the storm.", "a"),
]


def test_the_aligner_reads_the_gloss_only_with_a_bonus() -> None:
    anchors = _CountingAnchors()
    shipped = CALIBRATIONS["e5-small"]
    align(STATEMENTS, REPORTS, CountingEmbedder(), params=shipped, anchors=anchors)
    assert anchors.calls == []  # off: not read, nothing changes
    ev = _sentence_evidence(STATEMENTS, REPORTS, anchors, False, True, True)
    assert ev is not None and ev.gloss is not None and anchors.calls == [(2, 2)]
    assert ev.gloss[0, 0] > ev.gloss[1, 0] and ev.gloss[1, 1] > ev.gloss[0, 1]
    on = replace(shipped, gloss_bonus=0.02)
    out = align(STATEMENTS, REPORTS, CountingEmbedder(), params=on, anchors=anchors)
    assert anchors.calls[-1] == (2, 2) and "gbonus:0.020" in out.signature


def test_a_report_with_no_retelling_and_empty_lines_align_with_the_bonus_on() -> None:
    on = replace(CALIBRATIONS["e5-small"], gloss_bonus=0.02)
    statements = [StatementRef(0, ""), StatementRef(1, PORT)]
    reports = [ReportRef(0, "Markets closed higher in a quiet session of trading.", "a")]
    out = align(statements, reports, CountingEmbedder(), params=on, anchors=TextAnchors())
    assert [r.index for r in out.unmatched_reports] == [0]
    empty = align([], reports, CountingEmbedder(), params=on, anchors=TextAnchors())
    assert empty.alignments == ()
