"""Kazakh and Kyrgyz negations that take more than one word are certain source negations.

A negative converb before an auxiliary (чыгарылбай турган "that will not be released",
жеткирбей койгон "did not deliver", ала албай калдым "I could not"), a negative verbal noun
before "must" (катышпашы керек, шықпауы керек "must not"), the polite imperative (унутпаңыз
"do not forget"), the nominalised predicate (болгон эместигин "that it did not happen"), жок/
элек with a person ending (сураган жокбуз "we did not ask") and эмес before экен ("that it is
not") negate a claim: an English without any negation beside them drops it. Left alone:
-май тұрып / -бай туруп "before", a noun whose letters end like an imperative (арабаңыз "your
cart"), the litotes «кем емес» "not less than" (= "at least", like «не менее»).
"""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs
from workbench.faithfulness.markers import _certain_source_negations, affirmed

CERTAIN = [
    ("ky", "Компания оюн чыгарылбай турганын айтты.", "чыгарылбай",
     "Компания оюн чыгарыла турганын айтты."),
    ("ky", "Жаңы эреже уруксат бербей турган болду.", "бербей", "Жаңы эреже уруксат бере турган болду."),
    ("ky", "Бала каттарды жеткирбей койгон.", "жеткирбей", "Бала каттарды жеткире койгон."),
    ("kk", "Жүре алмай қалдым.", "алмай", "Жүре ала қалдым."),
    ("ky", "Сенатор шайлоого катышпашы керек.", "катышпашы", "Сенатор шайлоого катышышы керек."),
    ("kk", "Бұл адам шықпауы керек.", "шықпауы", "Бұл адам шықуы керек."),
    ("ky", "Паспортуңузду алууну унутпаңыз.", "унутпаңыз", "Паспортуңузду алууну унутуңуз."),
    ("kk", "Төлқұжатыңызды әкелуді ұмытпаңыз.", "ұмытпаңыз", "Төлқұжатыңызды әкелуді ұмытыңыз."),
    ("ky", "Ал бул окуя болгон эместигин айтты.", "эместигин", "Ал бул окуя болгон айтты."),
    ("ky", "Тарых бул аягы эмес экенин көрсөтөт.", "эмес", "Тарых бул аягы экенин көрсөтөт."),
    ("kk", "Олардың көпшілігі қауіпті емес екенін айтты.", "емес",
     "Олардың көпшілігі қауіпті екенін айтты."),
    ("ky", "Алардын уруксатын сураган жокбуз.", "жокбуз", "Алардын уруксатын сураган."),
    ("ky", "Эрежелерге макул боло элекпиз.", "элекпиз", "Эрежелерге макул боло."),
    ("ky", "Ал жерде чыныгы ойлорду көрбөйсүз.", "көрбөйсүз", "Ал жерде чыныгы ойлорду көрөсүз."),
    # the auxiliary in its verb forms (F1b restricted it to them)
    ("kk", "Ол хатты жібермей қойды.", "жібермей", "Ол хатты жібере қойды."),
    ("kk", "Жол ашылмай тұрады.", "ашылмай", "Жол ашыла тұрады."),
    ("ky", "Алар келбей калышты.", "келбей", "Алар келе калышты."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "word", "affirmative"), CERTAIN)
def test_a_multi_word_negation_is_certain_and_affirmed(
    src: str, source: str, word: str, affirmative: str
) -> None:
    spans = _certain_source_negations(source, src)
    assert [source[a:b] for a, b in spans] == [word]
    assert affirmed(source, spans, src) == affirmative


NOT_CERTAIN = [
    ("kk", "Ол келмей тұрып біз кеттік."),  # "before he came"
    ("ky", "Ал келбей туруп биз кеттик."),
    ("ky", "Сиздин арабаңыз жакшы экен."),  # "your cart"
    ("kk", "Бұл сіздің бағдарламаңыз."),  # "your programme", not "do not programme"
    ("kk", "Бұл – сіздің хабарламаңыз."),  # "your message"
    ("kk", "Кеше Оразбай қалаға келді."),  # a name in -бай, not a converb before қал-
    ("ky", "Кечээ Турсунбай калаага келди."),
    # F1b: a name in -бай at the head of a sentence passes the converb's letters; the word after
    # it is no auxiliary verb form (қала "city", тұрғын "resident", қалай "how", калк "people")
    ("kk", "Жанбай қаладан кетті."),
    ("kk", "Ерназбай тұрғындармен кездесті."),
    ("kk", "Нұрланбай қалай келді?"),
    ("kk", "Ерназбай тұрақты жұмыс тапты."),
    ("ky", "Асанбай калкка кайрылды."),
    ("ky", "Темирбай тургундар менен жолукту."),
    ("ky", "Темирбай калдыктарды чыгарды."),
    ("kk", "Алым үш пайыздан кем болмай тұр."),  # "not less than" = "at least"
    ("kk", "Алым үш пайыздан кем емес."),
    ("ky", "Алым үч пайыздан кем эмес."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source"), NOT_CERTAIN)
def test_before_nouns_and_litotes_are_left_alone(src: str, source: str) -> None:
    assert _certain_source_negations(source, src) == []


def _negation(source: str, translation: str, src: str) -> list[float]:
    (result,) = check_pairs([source], [translation], src)
    return [i.severity for i in result.issues if i.kind == "negation"]


def test_a_dropped_multi_word_negation_is_an_issue() -> None:
    assert _negation(
        "Сенатор шайлоого катышпашы керек.", "The senator should run in the election.", "ky"
    )
    assert (
        _negation(
            "Сенатор шайлоого катышпашы керек.", "The senator should not run in the election.", "ky"
        )
        == []
    )


def test_litotes_is_no_dropped_negation() -> None:
    # «кем емес» "not less than" is "at least", and still a place for "not less than"
    assert (
        _negation("Алым үш пайыздан кем емес.", "The fee is at least three per cent.", "kk") == []
    )
    assert (
        _negation("Алым үш пайыздан кем емес.", "The fee is not less than three per cent.", "kk")
        == []
    )


NOT_UNTIL = [
    ("ky", "Көпүрө 1995-жылы гана курулган.", "The bridge was not built until 1995."),
    ("kk", "Ол тек демі үзілген сәтте ғана мойындады.",
     "It wasn't until he stopped breathing that I acknowledged it."),
    ("ru", "Мост был построен лишь в 1995 году.", "The bridge was not built until 1995."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), NOT_UNTIL)
def test_not_until_renders_only(src: str, source: str, translation: str) -> None:
    assert _negation(source, translation, src) == []
    # without the source's "only" the English "not" has no place
    bare = source.replace(" гана", "").replace(" ғана", "").replace(" лишь", "")
    assert _negation(bare, translation, src)


def test_russian_ne_before_a_short_adjective_is_certain() -> None:
    # d6066e6's Russian half (review12 F2): «не» + a short adjective negates the claim, «не» +
    # a full adjective qualifies a noun
    source = "Сервисы не доступны."
    assert [source[a:b] for a, b in _certain_source_negations(source, "ru")] == ["не"]
    assert _certain_source_negations("Это не новый план.", "ru") == []
