"""Figures paired by the way they are written, and kk/ky number words read by their endings
(session 10). A figure in digits pairs with a source figure in digits first and a number word
with a number word, so a changed figure is not hidden by a word that took the source's digits;
a kk/ky word counts as a number word only when it goes on with a numeral's ending, and a
source is read with its own language's roots. Sentences are invented."""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs
from workbench.faithfulness.diffapi import Figure
from workbench.faithfulness.spans import _word_in_source


def _numbers(source: str, translation: str, src: str) -> list[float]:
    (r,) = check_pairs([source], [translation], src)
    return [i.severity for i in r.issues if i.kind == "number"]


@pytest.mark.parametrize(
    ("src", "source", "changed", "faithful"),
    [
        # "two buses" takes «два», so the «2» of «в 2 часа дня» is left for "5pm" to contradict
        ("ru", "В 2 часа дня к зданию подъехали два автобуса.",
         "At 5pm two buses drove up to the building.", "At 2pm two buses drove up to the building."),
        ("kk", "Түскі 2 шамасында ғимаратқа екі автобус келді.",
         "At about 5pm two buses came to the building.",
         "At about 2pm two buses came to the building."),
        # a figure in digits ("Channel 8") is paired before a word ("six") the source spells
        # in a form the normaliser does not read («алтауы» "six of them")
        ("kk", "Кеште 13 жекпе-жек болды, оның алтауы 5-арнада көрсетілді.",
         "The evening had 13 fights, six of them shown on Channel 8.",
         "The evening had 13 fights, six of them shown on Channel 5."),
        # «жетиши» "may reach" is no «жети» "seven": the changed 7 is not spelled in the source
        ("ky", "Жаан-чачын 4 дюймга чейин жетиши мүмкүн.",
         "Rainfall may reach up to 7 inches.", "Rainfall may reach up to 4 inches."),
        # «онда» "there" is no «он» "ten", «бірге» "together" no «бір» "one" (session 11)
        ("kk", "Онда 2 адам бірге жұмыс істеді.",
         "There 10 people worked together.", "There 2 people worked together."),
    ],
)  # fmt: skip
def test_a_changed_figure_is_found_and_the_faithful_one_is_not(
    src: str, source: str, changed: str, faithful: str
) -> None:
    assert 1.0 in _numbers(source, changed, src)
    assert 1.0 not in _numbers(source, faithful, src)


def _fig(value: int) -> Figure:
    return Figure(str(value), 0, 0, float(value))


@pytest.mark.parametrize(
    ("src", "source", "value", "spelled"),
    [
        ("ky", "Ал жарышта жетинчи болду.", 7, True),  # ordinal
        ("kk", "Олар бесеуі бірге келді.", 5, True),  # collective
        ("kk", "Жиналыс үшінші қабатта өтті.", 3, True),
        ("ky", "Суу деңгээли жогору жетиши мүмкүн.", 7, False),  # жетиш- "reach"
        ("kk", "Бұл жұмыс үшін қаражат бөлінді.", 3, False),  # үшін "for"
        ("kk", "Біз келістік, бірақ кешікті.", 1, False),  # бірақ "but"
        # session 11: a root with a numeral's ending, not any word that begins like one
        ("kk", "Онда көп адам жиналды.", 10, False),  # онда "there"
        ("kk", "Біз оны бірге көрдік.", 10, False),  # оны "it"
        ("kk", "Біз оны бірге көрдік.", 1, False),  # бірге "together"
        ("kk", "Бірнеше адам келді.", 1, False),  # бірнеше "several"
        ("kk", "Ол алтын медаль алды.", 6, False),  # алтын "gold"
        ("kk", "Олар бұған қосу керек деді.", 2, False),  # қосу "add"
        ("kk", "Жер жүзінде танымал.", 100, False),  # жүз "face": жер жүзінде "worldwide"
        ("ky", "Биз ошол жерде бирге иштедик.", 1, False),  # бирге "together"
        ("ky", "Ал сунушту кошту.", 2, False),  # кош- "add"
        ("kk", "Олардың екеуі келді.", 2, True),  # collective, the root's vowel gives way
        ("kk", "Бестен кейін келеміз.", 5, True),  # a case ending
        ("kk", "Ол он бесі жасқа толды.", 5, True),  # a possessive vowel
        ("ky", "Экөө тең келди.", 2, True),  # collective
        ("ky", "Үчүнчү айлампада жеңди.", 3, True),  # ordinal
        ("ky", "Экинчисин да алды.", 2, True),  # ordinal, possessive and case
        ("ky", "Бештен ашык киши келди.", 5, True),  # a case ending
        ("ru", "Во время двухчасового выступления он говорил.", 2, True),
        ("ru", "Вход на выставку бесплатный.", 5, False),  # no kk/ky «бес» in Russian
        ("ru", "Он приехал вечером.", 10, False),  # the pronoun, not kk/ky «он» "ten"
    ],
)  # fmt: skip
def test_a_number_word_is_read_with_the_sources_own_roots_and_endings(
    src: str, source: str, value: int, spelled: bool
) -> None:
    assert _word_in_source(_fig(value), source, src) is spelled
