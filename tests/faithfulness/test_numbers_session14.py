"""Session 14 (fnum14): figures paired by form over the whole line, ordinals in digits, scores
beside a spelled number, Roman centuries, conversions the English states itself, and source
figures of one digit that the translation drops. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of
from workbench.faithfulness import check_pairs
from workbench.faithfulness.diffapi import find_figures


@pytest.mark.parametrize(
    ("src", "source", "changed", "faithful"),
    [
        # the changed figure's value is a number word the source spells for another thing, which
        # an English number word renders: "four months" takes «төрт ай», so "4th" is changed
        ("kk", "Жарыс айдың бірінші күні, төрт ай бұрын жарияланады.",
         "The race is announced on the 4th day of the month, four months ahead.",
         "The race is announced on the 1st day of the month, four months ahead."),
        ("ky", "Уруксат айдын 1-чи күнү, төрт ай мурда берилет.",
         "Permits are given on the 4th day of the month, four months ahead.",
         "Permits are given on the 1st day of the month, four months ahead."),
        ("ru", "Заявки принимают в 1-й день месяца, за четыре месяца до старта.",
         "Applications are taken on the 4th day of the month, four months before the start.",
         "Applications are taken on the 1st day of the month, four months before the start."),
        # a score in digits whose new value only a source word has («төрт топ» "fourballs")
        ("kk", "Команда таңғы төрт топта 3-1 есебімен жеңді.",
         "The team won the morning fourballs 3-4.",
         "The team won the morning fourballs 3-1."),
        ("ky", "Курама таңкы төрт топто 2-1 эсеби менен утту.",
         "The side won the morning fourballs 2-4.",
         "The side won the morning fourballs 2-1."),
        # a Roman century no English figure took is a source figure left over
        ("ru", "Храм в 12 км от города построен в IX веке.",
         "The temple, 12 km from the town, was built in the 12th century.",
         "The temple, 12 km from the town, was built in the 9th century."),
        # the English states both units and one is no conversion of the other
        ("ky", "Жанар тоо борбордон 72 км алыстыкта жайгашкан.",
         "The volcano lies 25 miles (72 kilometers) from the capital.",
         "The volcano lies 45 miles (72 kilometers) from the capital."),
        # a figure in the unit of a source figure contests it before a conversion does
        ("kk", "Жанартау астанадан 72 км қашықтықта орналасқан.",
         "The volcano lies 45 miles (82 kilometers) from the capital.",
         "The volcano lies 45 miles (72 kilometers) from the capital."),
    ],
)  # fmt: skip
def test_a_changed_figure_is_strong_and_the_faithful_one_is_not_flagged(
    src: str, source: str, changed: str, faithful: str
) -> None:
    assert "number" in evidence_of(source, changed, src)
    assert not {"number", "number_weak"} & evidence_of(source, faithful, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # an ordinal word in digits ("Category 1") and a source hour an English time renders
        ("ky", "Бороон саат эртең мененки 5те биринчи категорияга жетти, ылдамдыгы 85 миль.",
         "The storm reached Category 1 at 5 a.m. with winds of 85 mph."),
        # a number word written in digits where no source figure in digits is left
        ("kk", "Ауылда төрт мектеп бар.", "The village has 4 schools."),
    ],
)  # fmt: skip
def test_faithful_figures_are_not_changed_ones(src: str, source: str, translation: str) -> None:
    assert not {"number", "number_weak"} & evidence_of(source, translation, src)


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
