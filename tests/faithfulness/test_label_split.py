"""A loaded label of several words ("foreign terrorists", «иностранные боевики») that the other
side says with its words apart, in one noun phrase ("militant cells, home-grown and foreign";
«боевики, местные и иностранные»), is that side's label too: no "missing" or "not in the
source" issue (review17 F2). Words of the label in two phrases ("the foreign minister said
militants …") or too far apart are not one label, and a label really left out stays an issue.
Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of
from workbench.faithfulness.diffapi import load_lexicon
from workbench.faithfulness.spans import _label_split

SPLIT_IN_ENGLISH = [
    ("ru", "Город атаковали местные и иностранные боевики.",
     "The town was attacked by militants, local and foreign."),
    ("kk", "Ауылға жергілікті және шетелдік содырлар шабуыл жасады.",
     "The village was raided by militants, both local and foreign."),
    ("ky", "Шаарга жергиликтүү жана чет элдик террористтер кол салды.",
     "The city was struck by terrorists, local and foreign alike."),
    ("ru", "Город атаковали местные и иностранные боевики.",  # review20b: a dash
     "The town was attacked by militants — local and foreign."),
]  # fmt: skip

SPLIT_IN_SOURCE = [
    ("ru", "Склад захватили боевики, как местные, так и иностранные.",
     "Foreign militants and local ones seized the depot."),
    ("ru", "Склад захватили боевики: местные и иностранные.",  # review20b: a colon
     "Foreign militants and local ones seized the depot."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), SPLIT_IN_ENGLISH)
def test_a_label_said_apart_in_english_is_not_missing(
    src: str, source: str, translation: str
) -> None:
    assert "label" not in evidence_of(source, translation, src)
    assert "label_weak" not in evidence_of(source, translation, src)


@pytest.mark.parametrize(("src", "source", "translation"), SPLIT_IN_SOURCE)
def test_a_label_said_apart_in_the_source_is_the_sources(
    src: str, source: str, translation: str
) -> None:
    keys = evidence_of(source, translation, src)
    assert "label" not in keys and "label_weak" not in keys


def test_two_phrases_are_not_one_label() -> None:
    lex = load_lexicon()
    text = "The foreign minister said militants crossed the border."
    assert not _label_split(text, lex, "foreign")
    # the same words, one phrase
    assert _label_split("Militants, local and foreign, crossed the border.", lex, "foreign")
    # a clause between them
    assert not _label_split("Foreign aid ended; militants crossed the border.", lex, "foreign")
    # too far apart, even with a coordinator
    far = "Militants from the hills and the plains of the east and a foreign land came."
    assert not _label_split(far, lex, "foreign")


def test_a_label_really_left_out_stays_an_issue() -> None:
    source = "Город атаковали иностранные боевики."
    keys = evidence_of(source, "The town was attacked by militants.", "ru")
    assert keys & {"label", "label_weak"}


@pytest.mark.parametrize(
    "text",
    [
        "Foreign aid reached the militants.",  # "the" is no coordinator (review18)
        "The foreign minister and the militants met.",  # two nouns coordinated, not modifiers
        "Foreign ministers and militants met at the border.",
        "The foreign press and the militants spoke.",
        "Militants attacked local and foreign journalists.",  # the modifiers are another noun's
        "Иностранные журналисты и боевики вышли к границе.",
        # a colon still ends the clause anywhere but right after the head
        "Foreign aid ended: militants crossed the border.",
        "Foreign and local aid ended: militants crossed.",
        "The militants said: local and foreign aid is welcome.",
        "Foreign: militants crossed.",
    ],
)
def test_words_of_two_noun_phrases_are_not_one_label(text: str) -> None:
    assert not _label_split(text, load_lexicon(), "foreign")


@pytest.mark.parametrize(
    "text",
    [
        "Foreign and local militants attacked.",  # the modifiers coordinated before the head
        "Terrorist groups, local and foreign, were named.",
        "Склад захватили боевики, как местные, так и иностранные.",
        # review20b: a dash or a colon right after the head, before the coordinated modifiers
        "The town was attacked by militants — local and foreign.",
        "The town was attacked by militants – both local and foreign.",
        "The town was attacked by militants - local and foreign.",
        "Город атаковали боевики: местные и иностранные.",
        "Город атаковали боевики — как местные, так и иностранные.",
    ],
)
def test_a_label_whose_modifier_is_coordinated_is_one_label(text: str) -> None:
    assert _label_split(text, load_lexicon(), "foreign")


def test_a_split_label_the_english_does_not_have_stays_an_issue() -> None:
    """review18 F1: the source's «иностранные боевики» is missing from an English sentence whose
    "foreign" and "militants" belong to two phrases."""
    source = "Иностранные боевики атаковали город."
    translation = "The foreign minister and the militants met in the city."
    assert evidence_of(source, translation, "ru") & {"label", "label_weak"}
