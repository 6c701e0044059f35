"""Word confirmation: a clause link whose margin falls just short of the clause threshold stands
when the report sentence carries at least half of the statement's English content words
(``AlignParams.confirm_below`` / ``confirm_share``, ``confirmed``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.align.conftest import STRICT, CountingEmbedder
from workbench.align import AlignParams, CachingEmbedder, align
from workbench.align.aligner import CALIBRATIONS, _Found, confirmed
from workbench.errors import UserInputError
from workbench.pipeline.anchors import TextAnchors
from workbench.types import ReportRef, StatementRef

BASE = AlignParams(
    threshold=1.02, floor=0.8, secondary=9.0, gain=0.0, prior=0.8, confirm_below=0.025
)
STATEMENTS = [
    StatementRef(
        0,
        "Министр сообщил, что завод закроют до конца года из-за долгов.",
        "The minister announced that the factory will close by the end of the year because of "
        "its debts.",
    ),
    StatementRef(1, "Министр сообщил, что завод закроют.", None),  # no English text
]
REPORTS = [
    ReportRef(0, "The factory will close by the end of the year, the minister announced.", "a"),
    ReportRef(1, "The plant is to shut before the year is out, officials said.", "a"),
]


def test_a_weak_clause_link_carrying_the_statements_words_is_confirmed() -> None:
    weak = {(0, 0): _Found(1.01, "clause"), (0, 1): _Found(1.01, "clause")}
    kept = confirmed(STATEMENTS, REPORTS, weak, TextAnchors(), BASE)
    assert set(kept) == {(0, 0)}  # minister, announced, factory, close, end, year: over half
    assert kept[(0, 0)] is weak[(0, 0)]


def test_nothing_is_confirmed_without_an_english_text_anchors_or_the_setting() -> None:
    weak = {(1, 0): _Found(1.01, "clause")}
    assert confirmed(STATEMENTS, REPORTS, weak, TextAnchors(), BASE) == {}
    both = {(0, 0): _Found(1.01, "clause")}
    assert confirmed(STATEMENTS, REPORTS, both, None, BASE) == {}
    off = replace(BASE, confirm_below=0.0)
    assert confirmed(STATEMENTS, REPORTS, both, TextAnchors(), off) == {}
    assert confirmed(STATEMENTS, REPORTS, {}, TextAnchors(), BASE) == {}


def test_align_keeps_a_link_under_the_clause_threshold_only_when_words_confirm_it() -> None:
    embedder = CachingEmbedder(CountingEmbedder())
    translation = "North south east west centre; alpha beta gamma delta epsilon."
    statements = [StatementRef(0, "[text withheld]", translation)]
    reports = [ReportRef(0, "Alpha beta gamma delta epsilon.", "wire")]
    found = align(statements, reports, embedder, params=STRICT, anchors=TextAnchors())
    margin = found.alignments[0].links[0].score
    assert found.alignments[0].links[0].unit == "clause"
    # The clause threshold just above that margin: the link goes ...
    high = replace(STRICT, clause_threshold=margin + 0.01)
    assert align(statements, reports, embedder, params=high, anchors=TextAnchors()).alignments == ()
    # ... unless words may confirm it: half of the translation's content words are there.
    sure = replace(high, confirm_below=0.02)
    result = align(statements, reports, embedder, params=sure, anchors=TextAnchors())
    assert [link.unit for link in result.alignments[0].links] == ["clause"]
    assert "|confirm:0.020|cshare:0.50" in result.signature
    # Asking for more than half of the words, or no anchors to read them: no link.
    more = replace(sure, confirm_share=0.6)
    assert align(statements, reports, embedder, params=more, anchors=TextAnchors()).alignments == ()
    assert align(statements, reports, embedder, params=sure).alignments == ()


def test_the_signature_names_the_confirmation_only_when_on() -> None:
    assert "|confirm:0.025|cshare:0.50" in BASE.signature_fields()
    assert "confirm:" not in replace(BASE, confirm_below=0.0).signature_fields()
    # Off in the shipped constants: it cost precision on the count-only held-out cases.
    assert CALIBRATIONS["e5-small"].confirm_below == 0.0


@pytest.mark.parametrize(
    "change", [{"confirm_below": -0.1}, {"confirm_below": 1.0}, {"confirm_share": 0.0}]
)
def test_bad_confirmation_constants_are_one_clear_sentence(change: dict[str, float]) -> None:
    with pytest.raises(UserInputError, match="confirm_below of the aligner must be 0"):
        replace(BASE, **change)  # type: ignore[arg-type]
