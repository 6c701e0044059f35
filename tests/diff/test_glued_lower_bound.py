"""A lower bound glued to its figure ("80-plus years", "50+ villages"), keys22: the report that
turns the statement's plain figure into an open-ended one changes the amount."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon
from workbench.diff.quantifiers import quantifier_mentions


@pytest.mark.parametrize(
    ("text", "marker"),
    [("The worst drought in 60-plus years.", "-plus"), ("Power was cut to 50+ villages.", "+")],
)
def test_a_glued_lower_bound_is_read(text: str, marker: str) -> None:
    assert [(m.text, m.role) for m in quantifier_mentions(text)] == [(marker, "lower")]


@pytest.mark.parametrize(
    "text",
    ["Two plus two is four.", "He wrote 1+1 on the board.", "Call +7 701 555 0000.", "A plus."],
)
def test_a_sum_or_a_phone_number_is_no_bound(text: str) -> None:
    assert quantifier_mentions(text) == []


def test_a_plain_figure_made_open_ended_is_flagged(lexicon: Lexicon) -> None:
    found = diffs(
        "It was the worst drought of the last 60 years.",
        "It was the worst drought in 60-plus years.",
        lexicon,
    )
    (d,) = of_kind(found, "quantifier")
    assert d.report == "-plus" and d.statement == ""


def test_the_same_bound_on_both_sides_is_not_flagged(lexicon: Lexicon) -> None:
    found = diffs(
        "It was the worst drought in more than 60 years.",
        "It was the worst drought in 60-plus years.",
        lexicon,
    )
    assert not of_kind(found, "quantifier")
