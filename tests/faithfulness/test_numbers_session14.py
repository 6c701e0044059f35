"""Session 14 (fnum14): ordinals in digits, a rounded conversion the English states, and source
figures of one digit that the translation drops (the changed figures of session 14 are in
``test_numbers_changed.py``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of
from workbench.faithfulness import check_pairs
from workbench.faithfulness.diffapi import find_figures


def test_a_rounded_conversion_the_english_states_is_not_strong() -> None:
    # a writer's own rounded conversion: 6 m is 19.7 feet (weak, as before: no source figure
    # in feet)
    source = "Волны высотой почти шесть метров обрушились на берег."
    assert "number" not in evidence_of(source, "Waves as high as six meters (18 feet) hit.", "ru")


def test_an_ordinal_in_digits_is_no_duration() -> None:
    def read(text: str, lang: str) -> list[tuple[str, float, str]]:
        return [(f.text, f.value, f.unit) for f in find_figures(text, lang)]

    assert read("в 1-й день месяца", "ru") == [("1-й", 1.0, "")]
    assert read("айдың 1-ші күнінде", "kk") == [("1-ші", 1.0, "")]
    assert read("айдын 1-чи күнү", "ky") == [("1-чи", 1.0, "")]
    # a cardinal with its case ending stays a duration
    assert read("за 5-ти дней", "ru") == [("5-ти дней", 120.0, "duration")]
    assert read("в 3 дня", "ru") == [("3 дня", 72.0, "duration")]


@pytest.mark.parametrize(
    ("src", "source", "dropped", "faithful"),
    [
        # the user-facing case of session 13 (ux13): a sum dropped with its clause
        ("ru", "Президент подписал указ о выделении 2 миллиардов тенге.",
         "The president signed a decree.",
         "The president signed a decree allocating 2 billion tenge."),
        ("kk", "Президент 2 миллиард теңге бөлу туралы жарлыққа қол қойды.",
         "The president signed a decree.",
         "The president signed a decree allocating two billion tenge."),
        ("kk", "Министр бағалар 5 %-ға өсті деді.",
         "The minister spoke about prices.", "The minister said prices rose 5%."),
        ("ky", "Өрттө 3 адам жаракат алды, деди кызматкер.",
         "People were injured in the fire, an official said.",
         "Three people were injured in the fire, an official said."),
        ("ru", "В аварии пострадали 4 человека.", "People were hurt in the crash.",
         "Four people were hurt in the crash."),
        ("ru", "В зале 3 места для прессы.", "The hall has seats for the press.",
         "The hall has 3 seats for the press."),  # a count of places
    ],
)  # fmt: skip
def test_a_source_quantity_with_no_counterpart_is_a_strong_number_issue(
    src: str, source: str, dropped: str, faithful: str
) -> None:
    (result,) = check_pairs([source], [dropped], src)
    lost = [i for i in result.issues if i.kind == "number"]
    assert result.flagged and lost and lost[0].severity == 1.0
    assert lost[0].translation_span is None and "no counterpart" in lost[0].note
    assert not {"number", "number_weak"} & evidence_of(source, faithful, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        ("ru", "Он получил 1 голос.", "He got a vote."),  # a plain 1 is "a"
        ("ru", "Встреча прошла 5 мая.", "The meeting took place in May."),  # a date
        ("ru", "Его нашли около 4 часов утра.", "He was found at about 04:00."),  # a time
        ("ru", "2 стороны подписали договор.", "Both sides signed the treaty."),
        ("ru", "Выпадет от 5 до 8 см осадков.", "Up to 3 inches of rain will fall."),
        ("ky", "Ал 7-орунду ээледи.", "He finished seventh."),
        ("ru", "Команда заняла 7 или 8 место.", "The team secured a play-off place."),  # a rank
        ("kk", "Жол 3 жылда салынды.", "The road took three years to build."),
        ("kk", "Ол 2 есе көп төледі.", "He paid twice as much."),
        ("ky", "Бороон саат 5те башталды.", "The storm began at 5 a.m."),
    ],
)  # fmt: skip
def test_a_figure_rendered_otherwise_is_no_lost_quantity(
    src: str, source: str, translation: str
) -> None:
    assert not {"number", "number_weak"} & evidence_of(source, translation, src)
