"""Kazakh and Kyrgyz negative verbs told from look-alike words by a rule, not a word list.

A negative suffix follows a verb stem by the language's sound rules: Kazakh ма/ме after a
vowel, й, р, л; ба/бе after м, н, ң, з, ж; па/пе after other consonants; Kyrgyz ба/бе/бо/бө
after a vowel or a voiced consonant, па/пе/по/пө after a voiceless one; the vowel follows the
stem's. Words whose letters only look like such a suffix (велосипед, пропаганда, комедия,
долбоор "project", жапайы "wild") negate nothing, so an English "not" beside them is a
negation the source does not have; a polite second-person verb at the end of a clause
(көресіз "you will see") is no privative "-сыз" either.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of as _keys
from workbench.faithfulness.markers import _negative_verb

NEGATIVE = [
    ("kk", "бармады"), ("kk", "көнбеді"), ("kk", "айтпайды"), ("kk", "алмаған"),
    ("ky", "барбайт"), ("ky", "айтпады"), ("ky", "колдобойт"), ("ky", "окубайт"),
    ("ky", "күлбөйт"), ("ky", "барбоосу"), ("ky", "кетпөөсүн"), ("ky", "тазаланмайынча"),
]  # fmt: skip
NOT_NEGATIVE = [
    ("kk", "велосипедін"), ("kk", "пропаганда"), ("kk", "комедиялық"), ("kk", "қарапайым"),
    ("kk", "көбейту"), ("kk", "табайын"), ("ky", "долбоорун"), ("ky", "жапайы"),
    ("ky", "кармады"), ("ky", "демейки"), ("ky", "пропагандалык"),
]  # fmt: skip


@pytest.mark.parametrize(("src", "word"), NEGATIVE)
def test_negative_verbs_follow_the_sound_rules(src: str, word: str) -> None:
    assert _negative_verb(word, src)


@pytest.mark.parametrize(("src", "word"), NOT_NEGATIVE)
def test_look_alikes_break_them(src: str, word: str) -> None:
    assert not _negative_verb(word, src)


FLIPPED = [
    ("kk", "Ол велосипедін жөндеді.", "He did not repair his bicycle."),
    ("kk", "Театр жаңа комедия қойды.", "The theatre did not stage a new comedy."),
    ("ky", "Бул долбоор быйыл бүттү.", "This project was not finished this year."),
    ("ky", "Токойдо жапайы жаныбарлар жашайт.", "Wild animals do not live in the forest."),
    ("kk", "Осы жерден тауларды көресіз.", "You will not see the mountains from here."),
    # a question to the second person: «білесіз бе» "do you know"
    ("kk", "Білесіз бе, бұл ауыл өте ескі.", "You know, this village is not very old."),
    # -ма- before a verb's -стыр- (алмастыр- "replace") and a noun's -сар (орынбасар "deputy")
    ("kk", "Компания ескі жабдықты жаңасымен алмастырды.",
     "The company did not replace the old equipment with new."),
    ("kk", "Министрдің орынбасары жиналысқа келді.", "The deputy minister did not come to the meeting."),
    # a noun in -ма/-бе before a comma (күнтізбе "calendar") is no bare imperative
    ("kk", "Бөлмеде күнтізбе, үстел және шам бар.",
     "There is not a calendar, a table and a lamp in the room."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "flipped"), FLIPPED)
def test_a_not_beside_a_look_alike_is_found(src: str, source: str, flipped: str) -> None:
    assert "negation" in _keys(source, flipped, src)


RENDERED = [
    ("kk", "Ол кеше жиналысқа келмеді.", "He did not come to the meeting yesterday."),
    ("ky", "Ал бул ишти колдобойт.", "He does not support this work."),
    ("ky", "Бала китепти окубайт.", "The child does not read the book."),
    ("kk", "Баспанасыз адамдарға көмек берілді.", "People who do not have a home got help."),
]


@pytest.mark.parametrize(("src", "source", "translation"), RENDERED)
def test_a_negative_verb_licenses_a_not(src: str, source: str, translation: str) -> None:
    keys = _keys(source, translation, src)
    assert "negation" not in keys and "negation_weak" not in keys
