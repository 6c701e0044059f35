"""A dropped marked word (urgency, scope, promise, actor) weighs as a quantifier, not as a one-word gap of
the word diff (``salience.MARKED_OMISSIONS``, keys13, session 13): 17e6105 had no test of it."""

from __future__ import annotations

from workbench.diff.salience import MARKED_OMISSION_WEIGHT, MARKED_OMISSIONS, salience
from workbench.types import Difference, difference_kind


def _omission(text: str, category: str | None) -> Difference:
    return Difference("omission", text, "", (0, len(text)), None, "", category=category)


def test_a_marked_omission_weighs_as_a_quantifier_whatever_its_length() -> None:
    assert {"urgency", "scope", "promise", "actor"} == MARKED_OMISSIONS
    assert difference_kind("quantifier").weight == MARKED_OMISSION_WEIGHT
    for category in sorted(MARKED_OMISSIONS):
        assert salience(_omission("temporary", category)) == MARKED_OMISSION_WEIGHT
        # no size factor: a longer marked span is not raised above the weight
        assert salience(_omission("of a local scale", category)) == MARKED_OMISSION_WEIGHT


def test_a_marked_omission_outranks_a_word_diff_gap_of_clause_size() -> None:
    plain = _omission("the farmers of the northern districts", None)
    assert salience(plain) < salience(_omission("temporary", "scope"))
    # the word diff's own one-word gap stays at the kind's weight times its size factor
    assert salience(_omission("temporary", None)) < difference_kind("omission").weight


def test_a_marked_omission_keeps_the_quotation_and_link_factors() -> None:
    quoted = Difference(
        "omission", "we will", "", (0, 7), None, "", category="promise", voice="quoted",
        voice_kind="quote",
    )  # fmt: skip
    assert salience(quoted) < MARKED_OMISSION_WEIGHT
    weak = salience(_omission("urgent", "urgency"), confidence=0.0)
    assert weak == round(MARKED_OMISSION_WEIGHT * 0.5, 3)
