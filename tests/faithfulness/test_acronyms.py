"""Acronyms: one reading for the name check and the omission model."""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs
from workbench.faithfulness.acronyms import is_acronym
from workbench.faithfulness.coverage import spelled_out_acronyms


@pytest.mark.parametrize(
    "word",
    ["NHS", "ROVs", "U.S.", "AfCFTA", "PhD", "A1GP", "G7", "COVID-19", "АҚШ", "АҚШ-тың",
     "СПИДом", "АКШнын", "ФБРдин", "БУУнун"],
)  # fmt: skip
def test_initials_in_either_script_are_acronyms(word: str) -> None:
    assert is_acronym(word)


@pytest.mark.parametrize(
    "word", ["McCain", "iPhone", "Нью-Йорк", "Москва", "Алматыда", "39C", "I", "Paris"]
)
def test_names_and_words_are_not(word: str) -> None:
    assert not is_acronym(word)


def test_a_kyrgyz_acronym_with_its_case_ending_is_no_name_to_match() -> None:
    # «ФБРдин» is "of the FBI" written without the hyphen Kazakh puts before the ending; the
    # name check used to read it as a name the English lost
    (result,) = check_pairs(
        ["Кечээ ФБРдин кызматкерлери шаарга келишти."],
        ["Yesterday FBI agents came to the city."],
        "ky",
    )
    assert not [i for i in result.issues if i.kind.startswith("name")]


def test_the_source_own_acronym_is_no_spelled_out_one() -> None:
    # the English "EU" renders the source's own initials, with or without a case ending
    assert (
        spelled_out_acronyms("Кечээ АБнын кеңеши чечим кабыл алды.", "The EU council decided.") == 0
    )
    assert (
        spelled_out_acronyms("Кечээ Европа кеңеши чечим кабыл алды.", "The EU council decided.")
        == 1
    )
