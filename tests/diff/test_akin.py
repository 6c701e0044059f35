"""One rule for "the same English word up to inflection or derivation" (review5's note: the
retold-line check and the word diff disagreed, and both joined militants ~ military)."""

from __future__ import annotations

import pytest

from workbench.diff.salience import _Known
from workbench.diff.text import akin, akin_in, akin_index


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("fire", "fired"),
        ("evacuated", "evacuation"),
        ("contradictory", "contradiction"),  # two derivation steps in WordNet
        ("investigators", "investigation"),
        ("short", "shorten"),  # a whole lemma with letters added
        ("Protesters", "protest"),
        ("Tokayev", "Tokayeva"),  # names WordNet does not know keep the spelling rule
    ],
)
def test_one_word_up_to_inflection_or_derivation(a: str, b: str) -> None:
    assert akin(a, b) and akin(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("militants", "military"),
        ("police", "policy"),
        ("principal", "principles"),
        ("president", "press"),  # the crude stem of "press" is "pres"
        ("international", "interesting"),
        ("fire", "war"),
    ],
)
def test_words_that_only_share_letters_are_not_one_word(a: str, b: str) -> None:
    assert not akin(a, b) and not akin(b, a)


def test_the_index_finds_what_akin_finds() -> None:
    index = akin_index(["Police", "military", "evacuation"])
    assert akin_in("evacuated", index)
    assert not akin_in("militants", index)
    assert not akin_in("policy", index)
    assert not akin_in("", index)


def test_the_retold_line_check_uses_the_same_rule() -> None:
    known = _Known(["Police and military units guard the crossings."])
    assert known._akin("guarded")
    assert not known._akin("militants")
    assert not known._akin("policy")
