"""A word whose prefix negates nothing hides no dropped source negation.

A source negation the English renders by a negative word ("unhurt", "impossible", "without")
is no flip; but in-/im-/dis-/un- words of another make ("increased", "invented",
"disarmament", "unfortunately", "unilateral") negate nothing, and beside them a source
negation with no English counterpart is dropped: the same words :func:`_english_renders`
never counted as renderings.
"""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs
from workbench.faithfulness.markers import _english_negative_word, _english_renders

NO_NEGATION = [
    "Prices increased last year.",
    "He invented a new engine.",
    "The talks were about disarmament.",
    "Unfortunately, the minister came.",
    "It was a unilateral decision.",
    "They met indigenous leaders.",
]
NEGATION = [
    "He was unhurt.",
    "It is impossible to say.",
    "They left without a word.",
    "The plan was rejected.",
]


@pytest.mark.parametrize("text", NO_NEGATION)
def test_words_of_another_make_are_no_negative_word(text: str) -> None:
    assert not _english_negative_word(text)
    assert _english_renders(text) == 0


@pytest.mark.parametrize("text", NEGATION)
def test_negative_words_still_render_a_negation(text: str) -> None:
    assert _english_negative_word(text)


def _negation(source: str, translation: str, src: str) -> list[float]:
    (result,) = check_pairs([source], [translation], src)
    return [i.severity for i in result.issues if i.kind == "negation"]


def test_a_dropped_negation_beside_increased_is_an_issue() -> None:
    source = "Былтыр баалар өскөн жок."  # "prices did not increase last year"
    assert _negation(source, "Prices increased last year.", "ky")
    assert _negation("Министр жиналысқа келмеді.", "The minister was unhurt.", "kk") == []
