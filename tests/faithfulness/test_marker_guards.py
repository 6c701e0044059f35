"""Guards for negation and hedge rules of session 5 that no other test would notice losing.

Each pair is in the project's own words. A Kazakh/Kyrgyz noun of discontent (наразылық,
нааразычылык) is no place a "not" could render, so a "not" added beside it fires; an English
word that merely starts like a negation (disarmament, indigenous, unfortunately, unlike) takes
no negation place of the source; a kk/ky verb of denial (теріске шығар-, жоққа шығар-, төгүнгө
чыгар-, четке как-) is a place "was not true" renders; a kk/ky hedge the dropped-hedge check
looks for (сыягы, -са керек, сыңайлы, хабарланғандай, маалымдалгандай) licenses the same
English hedge added; and a dropped hedge is kept only by an English word of its own kind
("reported" keeps a report, not an uncertainty; "information" is no "inform").
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of as _keys


@pytest.mark.parametrize(
    ("src", "source"),
    [
        ("kk", "Тұрғындар наразылық білдірді."),
        ("ky", "Тургундар нааразычылык билдиришти."),
    ],
)
def test_a_not_added_beside_a_noun_of_discontent_fires(src: str, source: str) -> None:
    assert "negation" not in _keys(source, "Residents expressed discontent.", src)
    assert "negation" in _keys(source, "Residents did not express discontent.", src)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Переговоры о разоружении не начались.", "Disarmament talks have not started."),
        (
            "Коренные народы не участвовали в переговорах.",
            "Indigenous peoples did not take part in the talks.",
        ),
        ("К сожалению, поезд не пришёл.", "Unfortunately, the train did not arrive."),
        ("В отличие от брата, он не курит.", "Unlike his brother, he does not smoke."),
    ],
)
def test_words_that_only_look_negative_take_no_negation_place(
    source: str, translation: str
) -> None:
    assert "negation" not in _keys(source, translation, "ru")


@pytest.mark.parametrize(
    ("src", "source"),
    [
        ("kk", "Министрлік бұл ақпаратты теріске шығарды."),
        ("kk", "Министрлік бұл ақпаратты жоққа шығарды."),
        ("ky", "Министрлик бул маалыматты төгүнгө чыгарды."),
        ("ky", "Министрлик бул маалыматты четке какты."),
    ],
)
def test_a_denial_verb_is_a_place_a_not_renders(src: str, source: str) -> None:
    translation = "The ministry said the information was not true."
    assert "negation" not in _keys(source, translation, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        ("ky", "Сыягы, жаңы көпүрө кийинки жылы ачылат.",
         "Apparently, the new bridge will open next year."),
        ("ky", "Жаңы көпүрө кийинки жылы ачылса керек.",
         "The new bridge will probably open next year."),
        ("kk", "Жаңа көпір келесі жылы ашылатын сыңайлы.",
         "The new bridge will apparently open next year."),
        ("kk", "Хабарланғандай, жаңа көпір келесі жылы ашылады.",
         "The new bridge will reportedly open next year."),
        ("ky", "Маалымдалгандай, жаңы көпүрө кийинки жылы ачылат.",
         "The new bridge will reportedly open next year."),
    ],
)  # fmt: skip
def test_a_source_hedge_licenses_the_english_hedge_that_keeps_it(
    src: str, source: str, translation: str
) -> None:
    assert "hedge" not in _keys(source, translation, src)


@pytest.mark.parametrize(
    ("src", "source", "kept", "dropped"),
    [
        # "reported" keeps a report, not an uncertainty
        ("ru", "Завод, вероятно, закроют в марте.",
         "The plant will probably be closed in March.",
         "The plant will be closed in March, as reported by the ministry."),
        # "information" is no "inform"
        ("kk", "Хабарлауынша, жаңа мектеп келесі жылы ашылады.",
         "The new school will reportedly open next year.",
         "The new information centre will open next year."),
        # «болжам бойынша» is a report a forecast keeps
        ("kk", "Болжам бойынша, ертең жаңбыр жауады.",
         "It is forecast to rain tomorrow.", "It will rain tomorrow."),
    ],
)  # fmt: skip
def test_a_dropped_hedge_is_kept_only_by_an_english_word_of_its_kind(
    src: str, source: str, kept: str, dropped: str
) -> None:
    assert "hedge" not in _keys(source, kept, src)
    assert "hedge" in _keys(source, dropped, src)
