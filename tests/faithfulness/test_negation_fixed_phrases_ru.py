"""Russian fixed phrases with «не» that English says with no negation (session 23, fmiss23).

«Тем не менее» ("however"), «чуть ли не» ("almost") and «не раз» ("more than once") negate
nothing, yet each counted as a place a negation may stand in: a "not" added to a line that
opens with «Тем не менее» was taken for the source's own and left no issue (6 such misses of
the benchmark's added "not" on the calibration half and dev). The fixed phrases English says
with a negation stay places: «не менее» "no less than", «не более» "not more than", «или нет»
"or not". "Nevertheless" and "nonetheless" render no negation either, though they end in
"-less" as "careless" does: they took the place of a real «не» beside «тем не менее».
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import assert_added_not_found
from tests.faithfulness.helpers import evidence_of as _keys
from workbench.faithfulness.markers import _possible_source_negations


@pytest.mark.parametrize(
    ("source", "faithful", "flipped"),
    [
        ("Тем не менее, завод откроется весной.",
         "However, the plant will open in the spring.",
         "However, the plant will not open in the spring."),
        ("Мэр, тем не менее, подписал указ.",
         "The mayor nevertheless signed the decree.",
         "The mayor nevertheless did not sign the decree."),
        ("Команда чуть ли не каждый день тренируется на стадионе.",
         "The team trains at the stadium almost every day.",
         "The team does not train at the stadium almost every day."),
        ("Это, без сомнения, лучший фильм года.",
         "Certainly, this is the best film of the year.",
         "Certainly, this is not the best film of the year."),
        ("Без всякого сомнения, команда выйдет в финал.",
         "No doubt the team will reach the final.",
         "No doubt the team will not reach the final."),
        ("Министр не раз посещал этот район.",
         "The minister has visited the area more than once.",
         "The minister has not visited the area more than once."),
    ],
)  # fmt: skip
def test_a_not_added_beside_a_phrase_that_negates_nothing_is_strong(
    source: str, faithful: str, flipped: str
) -> None:
    assert_added_not_found(source, faithful, flipped, "ru")


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # fixed phrases said with a negation in English stay places
        ("Пострадали не менее десяти человек.", "No fewer than ten people were hurt."),
        ("Срок составит не более года.", "The term will be no more than a year."),
        ("Неясно, придёт он или нет.", "It is unclear whether he will come or not."),
        ("Отставка министра не исключена.", "The minister's resignation is not ruled out."),
        # a real negation beside «тем не менее» is still one, and "nevertheless", "nonetheless"
        # are no "-less" words that render a negation (they took the «не» of «не пришёл»)
        ("Тем не менее, он не пришёл.", "However, he did not come."),
        ("Тем не менее, он не пришёл.", "Nevertheless, he did not come."),
        ("Он, тем не менее, не пришёл.", "He nonetheless did not come."),
    ],
)  # fmt: skip
def test_fixed_phrases_said_with_a_negation_stay_places(source: str, translation: str) -> None:
    assert "negation" not in _keys(source, translation, "ru")


def test_the_places_counted() -> None:
    assert _possible_source_negations("Тем не менее, он пришёл.", "ru") == 0
    assert _possible_source_negations("Он не раз приходил.", "ru") == 0
    assert _possible_source_negations("Он, без сомнения, придёт.", "ru") == 0
    assert _possible_source_negations("Он пришёл без зонта.", "ru") == 1
    assert _possible_source_negations("Тем не менее, он не пришёл.", "ru") == 1
    assert _possible_source_negations("Пришли не менее десяти человек.", "ru") == 1


def test_bad_input_reads_no_place() -> None:
    assert _possible_source_negations("", "ru") == 0
    assert _possible_source_negations("тем  не\tменее", "ru") == 0
    # «не раздумывая» "without a second thought" is no «не раз»: the phrase is whole words
    assert _possible_source_negations("Он согласился, не раздумывая.", "ru") == 1


@pytest.mark.parametrize("src", ["ru", "kk", "ky"])
def test_none_the_less_is_no_negation(src: str) -> None:
    # "none the less" says «тем не менее» (and kk «дегенмен», ky «ошентсе да») with no negation:
    # its "none" is no English negation in excess of the source's places
    source = {
        "ru": "Тем не менее, завод откроется весной.",
        "kk": "Дегенмен, зауыт көктемде ашылады.",
        "ky": "Ошентсе да, завод жазында ачылат.",
    }[src]
    keys = _keys(source, "None the less, the plant will open in spring.", src)
    assert not {"negation", "negation_weak"} & keys
