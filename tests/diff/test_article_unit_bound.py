"""A figure qualifier before a unit said with the indefinite article ("at least a year", "about
an hour", "up to a week"), dev23: on the read real cases four outlets gave a floor to a plain
one-year figure and no flag showed it, because the marker was read only before digits or number
words. The Russian and Turkic forms of the same bound («не менее года», «бір жылға жуық») are
read too, so that a faithful retelling of them stays quiet."""

from __future__ import annotations

import pytest

from tests.diff.helpers import cross_lingual_diffs, diffs, of_kind
from workbench.diff import Lexicon
from workbench.diff.quantifiers import quantifier_mentions


@pytest.mark.parametrize(
    ("text", "marker", "role"),
    [
        ("The audit will need at least a year.", "at least", "lower"),
        ("The strike went on for more than a week.", "more than", "lower"),
        ("The bus came in about an hour.", "about", "approx"),
        ("The repairs may take up to a month.", "up to", "upper"),
        ("Nearly a decade went by.", "Nearly", "approx"),
        ("Ремонт займёт не менее года.", "не менее", "lower"),
        ("Проверка продлится около месяца.", "около", "approx"),
        ("Ответ дадут не более чем через неделю и не более недели.", "не более", "upper"),
        ("Жөндеу бір айға жуық уақыт алады.", "жуық", "approx"),
        ("Текшерүү бир жумага чейин созулат.", "чейин", "upper"),
        ("Жиналысқа кемінде 300 адам келді.", "кемінде", "lower"),
        ("Поезд опоздал по крайней мере на час.", "по крайней мере", "lower"),
        ("Зрители свистели по крайней мере, дважды.", "по крайней мере", "lower"),
        ("Голосование отложили как минимум на неделю.", "как минимум", "lower"),
        ("Склад не хранит запасы дольше одного дня.", "дольше", "lower"),
        ("Ему грозит арест на срок до месяца.", "до", "upper"),
        ("The crowd booed at least twice.", "at least", "lower"),
    ],
)
def test_a_qualifier_before_a_unit_without_a_figure_is_read(
    text: str, marker: str, role: str
) -> None:
    assert (marker, role) in [(m.text, m.role) for m in quantifier_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held over a week in the capital.",  # a duration, not "more than"
        "She wrote about a day of protests in the city.",  # a topic, not "roughly"
        "They waited for a year.",
        "Тем не менее года не хватило.",  # «тем не менее» is "nevertheless"
        "Ол бір үйге жуық тұрады.",  # near a house: a place, no amount
        "Кемінде, жылы киім керек.",  # "at a minimum": no amount
        "Ол кемінде 2009 жылдың соңына дейін жоқ.",  # a year, not an amount
        "Пропуска выдают за два месяца до месяца поездки.",  # "before the month"
        "По крайней мере, он пришёл вовремя.",
    ],
)
def test_no_qualifier_is_read_where_none_bounds_a_unit(text: str) -> None:
    assert quantifier_mentions(text) == []


def test_a_floor_put_on_a_plain_year_is_flagged(lexicon: Lexicon) -> None:
    found = diffs("The audit needs a year.", "The audit will need at least a year.", lexicon)
    (d,) = of_kind(found, "quantifier")
    assert (d.statement, d.report) == ("", "at least")


def test_a_floor_put_on_a_kazakh_year_is_flagged(lexicon: Lexicon) -> None:
    found = cross_lingual_diffs(
        "Тексеруге бір жыл уақыт керек.", "The check will take at least a year.", lexicon
    )
    (d,) = of_kind(found, "quantifier")
    assert (d.statement, d.report) == ("", "at least")


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("Ремонт займёт не менее года.", "The repairs will take at least a year."),
        ("Жөндеу бір айға жуық уақыт алады.", "The repairs will take about a month."),
        ("Проверка продлится около месяца.", "The check will last about a month."),
        ("Зрители свистели по крайней мере, дважды.", "The crowd booed at least twice."),
        ("Жиналысқа кемінде 300 адам келді.", "At least 300 people came to the meeting."),
    ],
)
def test_the_same_bound_in_the_original_is_no_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert not of_kind(cross_lingual_diffs(statement, report, lexicon), "quantifier")


def test_a_floor_the_report_drops_is_flagged(lexicon: Lexicon) -> None:
    found = cross_lingual_diffs(
        "Ремонт займёт не менее года.", "The repairs will take a year.", lexicon
    )
    (d,) = of_kind(found, "quantifier")
    assert (d.statement, d.report) == ("не менее", "")
