"""An English "until" renders a source's "as long as not" (session 23, fmiss23).

Russian says "until we win" as «пока мы не победим» and Kyrgyz and Kazakh as a negative converb
in -майынча / -майынша ("as long as not"); English says "until" with no negation. The «не» (or
the negative converb) was a place an added "not" could take, so "he would not keep fighting
until they win" for «будет бороться, пока они не победят» left no issue (one such miss in ru
and one in ky on dev, one each on the calibration half), and the faithful "until" was read as
the source's negation dropped (a weak issue; one untouched ru line of the calibration half).
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import assert_added_not_found
from tests.faithfulness.helpers import evidence_of as _keys
from workbench.faithfulness.markers import _COUNTERPARTS


@pytest.mark.parametrize(
    ("src", "source", "faithful", "flipped"),
    [
        ("ru", "Отряд будет искать людей, пока не найдёт всех.",
         "The team will search until it finds everyone.",
         "The team will not search until it finds everyone."),
        ("ru", "Они будут бастовать, пока им не поднимут зарплату.",
         "They will strike until their pay is raised.",
         "They will not strike until their pay is raised."),
        ("ky", "Куткаруучулар бардыгын тапмайынча издей беришет.",
         "The rescuers will keep searching until they find everyone.",
         "The rescuers will not keep searching until they find everyone."),
        ("kk", "Құтқарушылар барлығын тапмайынша іздей береді.",
         "The rescuers will keep searching until they find everyone.",
         "The rescuers will not keep searching until they find everyone."),
    ],
)  # fmt: skip
def test_a_not_added_beside_until_is_strong(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    assert_added_not_found(source, faithful, flipped, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # a real negation beside "until" keeps its place
        ("ru", "Он не уйдёт, пока не получит ответ.", "He will not leave until he gets an answer."),
        ("ky", "Ал жооп албайынча кетпейт.", "He will not leave until he gets an answer."),
        # «пока» without «не» is "while", no negation
        ("ru", "Пока шёл дождь, они ждали.", "They waited while it rained."),
    ],
)  # fmt: skip
def test_real_negations_beside_until_stay(src: str, source: str, translation: str) -> None:
    assert "negation" not in _keys(source, translation, src)


def test_the_pattern_reads_whole_words() -> None:
    until_src = _COUNTERPARTS[-1][0]
    assert until_src.findall("пока мы не очистим") == ["пока мы не"]
    assert until_src.findall("тапмайынча") == ["тапмайынча"]
    assert until_src.findall("покажи не это") == []  # «покажи» "show" is no «пока»
    assert until_src.findall("") == []
