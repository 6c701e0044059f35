"""Second lines of merged retellings: a report sentence already linked is linked to a second
statement too when it carries enough of that statement's English content words that the
statements it is linked to lack (``AlignParams.second_share``, ``second_margin``,
``second_lines``, ``Anchors.words_beyond``). Built and measured, off in the calibration."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.align.conftest import LOOSE, CountingEmbedder
from workbench.align import AlignParams, CachingEmbedder, align
from workbench.align.aligner import CALIBRATIONS, _Found, second_lines
from workbench.errors import UserInputError
from workbench.pipeline.anchors import TextAnchors
from workbench.types import ReportRef, StatementRef

ON = AlignParams(
    threshold=1.02, floor=0.8, secondary=9.0, gain=0.0, prior=0.8, second_share=0.3,
    second_margin=0.98,
)  # fmt: skip

STATEMENTS = [
    StatementRef(0, "Министр сообщил, что порт закрыт из-за шторма.",
                 "The minister said the port is closed because of the storm."),
    StatementRef(1, "Паромы возобновят рейсы в пятницу утром, если ветер стихнет.",
                 "Ferries will resume their crossings on Friday morning if the wind drops."),
    StatementRef(2, "Министр долго говорил о шторме и порте.",
                 "The minister spoke at length today of the storm and the port."),
    StatementRef(3, "Паромы возобновят рейсы в пятницу.", None),  # no English text
]  # fmt: skip
# A merged retelling: the port closed (statement 0) and ferries back on Friday (statement 1).
MERGED = ReportRef(
    0, "The port was shut by the storm, and ferries should sail again on Friday morning.", "a"
)
NEAR = {0: [(0, 1.05), (1, 0.99), (2, 1.0)]}


def test_words_beyond_leave_out_what_the_linked_texts_already_have() -> None:
    anchors = TextAnchors()
    ferries = STATEMENTS[1].translation or ""
    port = STATEMENTS[0].translation or ""
    (alone, total), (beyond, _), (nothing, _) = anchors.words_beyond(
        [
            (ferries, MERGED.text, []),
            (ferries, MERGED.text, [port]),
            (ferries, MERGED.text, [ferries]),  # a text linked already explains all its words
        ]
    )
    assert total >= 6 and alone >= 3  # ferries, friday, morning
    assert beyond == alone  # the port line shares none of the ferry line's words
    assert nothing == 0
    assert anchors.words_beyond([]) == []


def test_a_linked_sentence_gets_the_second_line_whose_words_the_rest_of_it_carries() -> None:
    links = {(0, 0): _Found(1.05)}
    added = second_lines(STATEMENTS, [MERGED], links, NEAR, TextAnchors(), ON)
    assert set(added) == {(1, 0)}  # statement 2's words the sentence has (storm, port) are line 0's
    assert added[(1, 0)].score == 0.99 and added[(1, 0)].unit == "sentence"


def test_too_few_words_beyond_a_short_text_or_an_unlinked_sentence_add_nothing() -> None:
    links = {(0, 0): _Found(1.05)}
    strict = replace(ON, second_share=0.9)
    assert second_lines(STATEMENTS, [MERGED], links, NEAR, TextAnchors(), strict) == {}
    short = replace(ON, veto_least=20)  # the ferry line has fewer content words than that
    assert second_lines(STATEMENTS, [MERGED], links, NEAR, TextAnchors(), short) == {}
    assert second_lines(STATEMENTS, [MERGED], {}, NEAR, TextAnchors(), ON) == {}


def test_no_english_text_no_anchors_or_the_pass_off_add_nothing() -> None:
    # The sentence is linked to a statement without an English text: its rest cannot be told.
    untold = {(3, 0): _Found(1.05)}
    assert second_lines(STATEMENTS, [MERGED], untold, {0: [(1, 0.99)]}, TextAnchors(), ON) == {}
    # A second statement without an English text is never added.
    links = {(0, 0): _Found(1.05)}
    assert second_lines(STATEMENTS, [MERGED], links, {0: [(3, 1.0)]}, TextAnchors(), ON) == {}
    assert second_lines(STATEMENTS, [MERGED], links, NEAR, None, ON) == {}
    off = replace(ON, second_share=0.0)
    assert second_lines(STATEMENTS, [MERGED], links, NEAR, TextAnchors(), off) == {}


def test_the_signature_names_the_pass_only_when_on_and_the_calibration_keeps_it_off() -> None:
    assert "|second:0.300|smarg:0.980" in ON.signature_fields()
    assert "second:" not in replace(ON, second_share=0.0).signature_fields()
    assert CALIBRATIONS["e5-small"].second_share == 0.0


def test_a_bad_second_share_or_margin_is_one_clear_sentence() -> None:
    for bad in ({"second_share": -0.1}, {"second_share": 1.5}, {"second_margin": -1.0}):
        with pytest.raises(UserInputError, match="second_share of the aligner must be between 0"):
            replace(ON, **bad)  # type: ignore[arg-type]


# End to end with bag-of-words vectors, whole sentences only (as tests/align/test_align_echo).
BAG = [
    StatementRef(0, "[text withheld]", "alpha beta gamma delta epsilon foxtrot"),
    StatementRef(1, "[text withheld]", "golf hotel india juliet kilo lima"),
    StatementRef(2, "[text withheld]", "mike november oscar papa quebec romeo"),
]


def _pairs(params: AlignParams) -> set[tuple[int, int]]:
    reports = [ReportRef(0, "alpha beta gamma delta epsilon foxtrot golf hotel", "a")]
    result = align(BAG, reports, CachingEmbedder(CountingEmbedder()), params=params,
                   anchors=TextAnchors())  # fmt: skip
    return {(a.statement.index, r.index) for a in result.alignments for r in a.reports}


def test_align_links_the_second_line_of_a_merged_sentence_only_with_the_pass_on() -> None:
    base = replace(LOOSE, echo_margin=0.0)
    assert _pairs(base) == {(0, 0)}
    on = replace(base, second_share=0.3, second_margin=1.0)
    assert _pairs(on) == {(0, 0), (1, 0)}  # golf, hotel: two of the six words beyond line 0
    assert _pairs(replace(on, second_share=0.5)) == {(0, 0)}
