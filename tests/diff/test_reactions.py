"""The grade of an official reaction (concern, protest, condemnation) retold at another grade:
the ``reaction`` detector (keys12, session 12)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.diff.reactions import GRADES, reactions
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS


def _reaction_flags(found: tuple) -> list:  # type: ignore[type-arg]
    return [d for d in found if d.category == "reaction"]


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("The ministry expressed deep concern over the shelling.", "concern"),
        ("Astana is concerned about the strike.", "concern"),
        ("The Foreign Ministry lodged a formal protest with Kyiv.", "protest"),
        ("The ministry officially protested in connection with the attack.", "protest"),
        ("Kazakhstan strongly condemned the strike.", "condemnation"),
        ("Министерство выразило обеспокоенность обстрелом.", "concern"),
        ("МИД выразил решительный протест.", "protest"),
        ("Мы осуждаем нападение на терминал.", "condemnation"),
        ("Министрлік шабуылға байланысты ресми түрде наразылық білдірді.", "protest"),
        ("Министрлік шабуылды айыптайды.", "condemnation"),
        ("Қазақстан алаңдаушылық білдірді.", "concern"),
        ("Министрлик кол салууга нааразылык билдирди.", "protest"),
        ("Министрлик кол салууну айыптады.", "condemnation"),
        ("Кыргызстан тынчсыздануусун билдирди.", "concern"),
    ],
)
def test_each_grade_is_read_in_each_language(text: str, grade: str) -> None:
    (found,) = reactions(text)
    assert GRADES[found.grade] == grade


@pytest.mark.parametrize(
    "text",
    [
        "Thousands protested in the capital on Sunday.",
        "The protesters marched to the square.",
        "They protested against the government.",
        "He was condemned to death in absentia.",
        "Полиция разогнала акцию протеста.",
        "Халық арасында наразылық көп.",  # discontent, not a protest expressed
        "Айыптоочу өкүмдөр чыгарылды.",  # ky: convictions (accusing verdicts)
        "Айыптаушы тарап сотқа жүгінді.",  # kk: the prosecution
        "",
    ],
)
def test_a_demonstration_or_a_sentence_is_no_reaction(text: str) -> None:
    assert reactions(text) == []


@pytest.mark.parametrize(
    ("statement", "report", "source", "src", "note"),
    [
        # the kk protest retold as a condemnation (stronger), through the translation
        ("The ministry officially protested in connection with the attack on the terminal.",
         "The Foreign Ministry strongly condemned the attack on the terminal.",
         "Министрлік терминалға жасалған шабуылға байланысты ресми түрде наразылық білдірді.",
         "kk", "stronger"),
        # the ru condemnation retold as concern (weaker)
        ("We condemn the attack on the terminal.",
         "The ministry voiced concern over the attack on the terminal.",
         "Мы осуждаем нападение на терминал.", "ru", "weaker"),
        # ky protest as condemnation
        ("The ministry expressed a protest over the attack.",
         "The ministry condemned the attack.",
         "Министрлик кол салууга нааразылык билдирди.", "ky", "stronger"),
    ],
)  # fmt: skip
def test_a_reaction_retold_at_another_grade_is_a_wording_difference(
    statement: str, report: str, source: str, src: str, note: str, lexicon: Lexicon
) -> None:
    (d,) = _reaction_flags(diffs(statement, report, lexicon, source=source, src=src))
    assert d.kind == "wording" and d.report in report and f"({note})" in d.note
    assert d.statement in statement and d.statement


def test_the_original_alone_gives_the_grade_across_languages(lexicon: Lexicon) -> None:
    # no translation: the kk original is compared with the report (the cross-lingual detectors)
    assert "reaction" in CROSS_LINGUAL_DETECTORS and "reaction" in DETECTOR_ORDER
    source = "Министрлік шабуылға байланысты ресми түрде наразылық білдірді."
    found = diffs(source, "Kazakhstan's Foreign Ministry strongly condemned the strike.",
                  lexicon, source=source, src="kk", detectors=CROSS_LINGUAL_DETECTORS)  # type: ignore[arg-type]  # fmt: skip
    (d,) = _reaction_flags(found)
    assert d.report == "condemned" and "protest in the statement" in d.note


@pytest.mark.parametrize(
    ("statement", "report", "source", "src"),
    [
        # the same grade in other words
        ("The ministry officially protested in connection with the attack.",
         "Kazakhstan's Foreign Ministry has lodged a protest over the attack.",
         "Министрлік шабуылға байланысты ресми түрде наразылық білдірді.", "kk"),
        ("We condemn the attack.", "The ministry denounced the attack.",
         "Мы осуждаем нападение.", "ru"),
        # the report says nothing of the reaction
        ("The ministry officially protested in connection with the attack.",
         "The attack damaged a mooring at the terminal.",
         "Министрлік шабуылға байланысты ресми түрде наразылық білдірді.", "kk"),
        # the statement reacts in no way: the report's condemnation is not graded against it
        ("The terminal was attacked by drones.", "The ministry condemned the drone attack.",
         "Терминалға дрондар шабуыл жасады.", "kk"),
        # demonstrators "protested": no reaction of the statement's issuer
        ("We condemn the violence.", "Thousands protested in the capital after the violence.",
         "Мы осуждаем насилие.", "ru"),
    ],
)  # fmt: skip
def test_a_faithful_retelling_gets_no_reaction_flag(
    statement: str, report: str, source: str, src: str, lexicon: Lexicon
) -> None:
    assert not _reaction_flags(diffs(statement, report, lexicon, source=source, src=src))


@pytest.mark.parametrize(
    "text",
    [
        "АҚШ Ресейді сайлауға араласты деп айыптады.",  # kk "accused Russia of interfering"
        "Министрлик аны чек араны бузду деп айыптады.",  # ky, the same
        "Суд осудил его на пять лет.",  # a court's sentence
        "Суд осудил обвиняемого к лишению свободы.",
        "The court condemned him to five years in prison.",
        "He was condemned to death.",
    ],
)  # fmt: skip
def test_an_accusation_or_a_sentence_is_no_condemnation(text: str) -> None:
    # review12 F12: «… деп айыптады» is "accused … of", the commonest use of айыпта- in news
    assert reactions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Министрлік шабуылды айыптады.",  # kk "the ministry condemned the attack"
        "Мы осудили нападение на терминал.",
        "The ministry condemned the attack on the terminal.",
        "The ministry condemned the attack, calling it a threat to energy security.",
    ],
)  # fmt: skip
def test_a_condemnation_is_still_one(text: str) -> None:
    assert [r.grade for r in reactions(text)] == [GRADES.index("condemnation")]
