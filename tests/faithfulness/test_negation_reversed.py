"""A negation is an English word as English writes it, not a fragment of garbled text.

review20: Evaluate listed "negation 'nO'" for a translation reversed letter by letter: the
"On" it began with, read backwards, ends it as "nO", and the negation pattern is read without
regard to case. A word written in no English casing (lower, capitalised, capitals) is not
counted; "no", "No" and "NO" still are.
"""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs

SOURCE = "В понедельник президент выступил с обращением к нации."
ENGLISH = "On Monday the president addressed the nation."


def _negations(translation: str, source: str = SOURCE) -> list[str]:
    (result,) = check_pairs([source], [translation], "ru")
    return [
        translation[i.translation_span[0] : i.translation_span[1]] if i.translation_span else ""
        for i in result.issues
        if i.kind == "negation"
    ]


def test_a_reversed_sentence_has_no_negation() -> None:
    assert _negations(ENGLISH) == []
    assert _negations(ENGLISH[::-1]) == []  # "…yadnoM nO": was ['nO']


@pytest.mark.parametrize(
    "translation",
    [
        "No, the president did not address the nation on Monday.",
        "NO ADDRESS WAS GIVEN ON MONDAY.",
        "On Monday the president gave no address to the nation.",
        "Don't expect the president to address the nation on Monday.",
    ],
)
def test_a_negation_written_as_english_still_counts(translation: str) -> None:
    assert _negations(translation) != []
