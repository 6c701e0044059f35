"""A weak link keeps only what stays true of the outlet's own words: framing only one-sided (a
label the report adds) and in the outlet's own voice (``salience.finish``, review17 F4)."""

from __future__ import annotations

import pytest

from workbench.diff import Lexicon, find_differences

STATEMENT = "Every resident of the district must stay at home after dark."
OTHER = "The district council will meet on Monday to discuss the budget."


def framing(statement: str, report: str, lexicon: Lexicon, confidence: float) -> list[str]:
    found = find_differences(statement, report, lexicon=lexicon, confidence=confidence)
    return [f"{d.statement}>{d.report}" for d in found if d.kind == "framing"]


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # a pair reads a word of the statement the weak link may not retell
        (STATEMENT, "Looting spread across the district overnight."),
        # a label in reported speech is the speaker's word, not the outlet's
        (OTHER, "The governor said rioters burned cars across the district."),
    ],
)
def test_a_weak_link_drops_a_framing_pair_and_a_quoted_label(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert framing(statement, report, lexicon, 0.9)  # flagged on a strong link
    assert framing(statement, report, lexicon, 0.2) == []


def test_a_weak_link_keeps_a_label_the_outlet_adds_in_its_own_voice(lexicon: Lexicon) -> None:
    assert framing(OTHER, "Rioters burned cars across the district.", lexicon, 0.2) == [">Rioters"]
