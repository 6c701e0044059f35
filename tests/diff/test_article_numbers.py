"""Article, paragraph and part numbers of a law are numbers of their own kind, no quantities."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon, find_figures


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        # an article, a paragraph or a part of a law is a number of its own kind
        ("Under Article 25 of the Constitution.", "en", [("article", 25)]),
        ("Paragraph 2 of Article 25 and Art. 7.", "en", [("article", 2), ("article", 25), ("article", 7)]),
        ("Согласно статье 25 Конституции.", "ru", [("article", 25)]),
        ("Статья 25 и пункт 3 статьи 26, ч. 2 ст. 7.", "ru",
         [("article", 25), ("article", 3), ("article", 26), ("article", 2), ("article", 7)]),
        ("25-я статья Конституции.", "ru", [("article", 25)]),
        ("The 25th article of the Constitution.", "en", [("article", 25)]),
        ("Конституцияның 25-бабы, 3-тармағы.", "kk", [("article", 25), ("article", 3)]),
        ("Конституцияның 25-бабында, 2-бөлігінде.", "kk", [("article", 25), ("article", 2)]),
        ("Конституциянын 25-беренеси, 3-бөлүгү.", "ky", [("article", 25), ("article", 3)]),
        ("Конституцияның жиырма бесінші бабы.", "kk", [("article", 25)]),
        ("Конституциянын жыйырма бешинчи беренеси, үчүнчү пункту.", "ky", [("article", 25)]),
        ("Конституцияның оныншы бабы.", "kk", [("article", 10)]),
        # an ordinal word elsewhere is no figure; spelled counts stay counts
        ("Екінші рет келді, жиырма бес адам.", "kk", [("", 25)]),
        ("Акыркы үчүнчү бөлүктө утушту.", "ky", []),
        ("Б.з.ч. 10 000-жылы келишкен.", "ky", [("", 10000)]),
        # counts of articles, parts and people stay counts
        ("The law has 25 articles.", "en", [("", 25)]),
        ("Закон из 25 статей, 2 части.", "ru", [("", 25), ("", 2)]),
        ("Заң 25 баптан тұрады.", "kk", [("", 25)]),
        ("25 people took part.", "en", [("", 25)]),
    ],
)  # fmt: skip
def test_article_numbers_are_no_quantities(
    text: str, lang: str, figures: list[tuple[str, float]]
) -> None:
    assert [(f.unit, f.value) for f in find_figures(text, lang)] == figures


@pytest.mark.parametrize(
    ("statement", "src", "report"),
    [
        # the report names the article the statement names in words, or leaves it out
        ("Конституцияның жиырма бесінші бабына сәйкес сайлау өтеді.", "kk",
         "Under Article 25 of the Constitution, the election will be held."),
        ("В соответствии с Конституцией выборы пройдут осенью.", "ru",
         "Under Article 25 of the Constitution, the elections will be held in autumn."),
        ("Конституцияның 25-бабына сәйкес сайлау өтеді.", "kk", "The election will be held."),
        ("Конституцияның 25-бабына сәйкес сайлау өтеді.", "kk",
         "Under Article 25 of the Constitution, the election will be held."),
        ("Согласно статье 25 Конституции выборы пройдут.", "ru",
         "The elections will be held under the 25th article of the Constitution."),
    ],
)  # fmt: skip
def test_an_article_number_on_one_side_only_is_no_number_difference(
    statement: str, src: str, report: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon, source=statement, src=src), "number") == []


def test_a_changed_article_number_is_a_number_difference(lexicon: Lexicon) -> None:
    statement = "Согласно статье 25 Конституции выборы пройдут."
    found = of_kind(
        diffs(statement, "Under Article 26 of the Constitution, elections will be held.", lexicon,
              source=statement, src="ru"),
        "number",
    )  # fmt: skip
    assert [(d.statement, d.report) for d in found] == [("25", "26")]


def test_an_article_number_is_no_count_of_the_same_value(lexicon: Lexicon) -> None:
    statement = "Согласно статье 25 Конституции выборы пройдут."
    found = of_kind(
        diffs(statement, "25 people will vote.", lexicon, source=statement, src="ru"), "number"
    )
    assert [(d.statement, d.report) for d in found] == [("", "25")]


def test_a_changed_article_number_is_called_an_article_number(lexicon: Lexicon) -> None:
    """review21: the flag 25 → 26 said "figure", as for a count, and the reports' figures that
    disagree listed a bare "25 vs 26"; its note names what the number is."""
    statement = "Конституцияның 25-бабы бойынша 164 адам ұсталды."
    found = of_kind(
        diffs(statement, "Under Article 26 of the Constitution, 103 people were detained.",
              lexicon, source=statement, src="kk"),
        "number",
    )  # fmt: skip
    assert [(d.statement, d.report, d.note) for d in found] == [
        ("25-бабы", "26", "article number"),
        ("164", "103", "figure"),
    ]
