"""A swapped name is certain only when no word of the translation renders the source name.

Session 7: a capitalised source word the word lexicon says the English renders by a common word
it has («Жарык» → "light") is a word of a translated name, not a lost one; an English name
whose title word spells a source name (Moon ~ «Мун») has its counterpart; an English name that
nearly spells any source name left without counterpart (Aegean ~ «Эгей») is a transliteration
the matcher missed; a line's first word is a place only when its stem is one («Малиде», not
«Маалыматы» "information"); "Planned", "CowParade" are common words. Invented sentences: pairs
that must stay weak or quiet next to the swaps that must stay strong.
"""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs, load_calibration
from workbench.faithfulness.base import FaithContext
from workbench.faithfulness.diffapi import load_lexicon
from workbench.faithfulness.spans import _common_word, _source_names, detect_names


def _names(src: str, source: str, translation: str) -> list[tuple[float, str, str]]:
    ctx = FaithContext(source, translation, src, load_lexicon(), load_calibration().get(src))
    return [(i.severity, i.source, i.translation) for i in detect_names(ctx)]


def _strong(src: str, source: str, translation: str) -> bool:
    return any(severity >= 1.0 for severity, _, _ in _names(src, source, translation))


STADIUM = "Команда быйыл Жарык стадионунда ойноду."
SHIP = "Кеме Эгей теңізінен Қара теңізге қарай жүзіп кетті."
MOON = "Вчера президент Мун Чжэ Ин снова встретился с Кимом."
MALI = "Малиде жаңы президент шайланды."

#: (src, source, faithful translation, the same with a name swapped in)
PAIRS = [
    # «Жарык» is rendered "Light": the added coach is no swap; without "Light" it is one
    ("ky", STADIUM, "This year the team played at the Stadium of Light under Kowalczyk.",
     "This year the team played at the Kowalczyk Stadium."),
    # "Aegean" nearly spells «Эгей» (left without counterpart): not a swap of «Қара»
    ("kk", SHIP, "The ship sailed from the Aegean Sea towards the Black Sea.",
     "The ship sailed from the Kowalczyk Sea towards the Black Sea."),
    # "Moon" is a title word, but it spells «Мун»: the name has its counterpart
    ("ru", MOON, "Yesterday President Moon Jae-in met Kim again.",
     "Yesterday President Kowalczyk met Kim again."),
    # a short place opening the line with a case ending is a name a swap may take out
    ("ky", MALI, "A new president was elected in Mali.",
     "A new president was elected in Kowalczyk."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "faithful", "swapped"), PAIRS)
def test_a_rendered_name_is_no_swap_and_the_swap_beside_it_still_is(
    src: str, source: str, faithful: str, swapped: str
) -> None:
    assert not _strong(src, source, faithful), _names(src, source, faithful)
    assert _strong(src, source, swapped), _names(src, source, swapped)


def test_a_word_the_lexicon_renders_is_named_in_the_weak_issue_only() -> None:
    found = _names("ky", STADIUM, PAIRS[0][2])
    assert found and all(severity < 1.0 for severity, _, _ in found)
    assert ("Жарык", "Kowalczyk") in {(s, t) for _, s, t in found}


def test_a_line_opening_with_a_common_word_that_starts_like_a_place_names_nothing() -> None:
    # «Маалыматы» ("information") starts like Mali; «Кішігірім» ("small") like another place
    assert _source_names("Маалыматы бар адамдар полицияга кайрылышы керек.", "ky") == []
    assert _source_names("Кішігірім болса да, қала қонақтарды қызықтырады.", "kk") == []
    assert [m.group(1) for m in _source_names(MALI, "ky")] == ["Малиде"]
    assert [m.group(1) for m in _source_names("Иранда сайлау өтті.", "kk")] == ["Иранда"]


@pytest.mark.parametrize(
    ("word", "common"),
    [("Planned", True), ("Stopping", True), ("CowParade", True), ("FirstGroup", True),
     ("Kowalczyk", False), ("McLaren", False), ("Parenthood", True)],
)  # fmt: skip
def test_doubled_consonant_forms_and_camel_case_compounds_of_common_words_are_common(
    word: str, common: bool
) -> None:
    assert _common_word(word) is common


def test_the_check_names_the_word_lexicon_the_name_check_read() -> None:
    (with_names,) = check_pairs([MOON], ["Yesterday President Moon Jae-in met Kim again."], "ru")
    assert "|names:bilex:" in with_names.signature
    (without,) = check_pairs([MOON], ["Yesterday President Moon Jae-in met Kim again."], "ru",
                             detectors=["number"])  # fmt: skip
    assert "names:" not in without.signature


def test_the_name_check_reads_the_checks_own_word_lexicon_when_it_has_one() -> None:
    from workbench.faithfulness.diffapi import BiLexicon

    empty = BiLexicon({}, "bilex:empty")
    ctx = FaithContext(STADIUM, PAIRS[0][2], "ky", load_lexicon(), load_calibration().get("ky"),
                       words=empty)  # fmt: skip
    # an empty lexicon renders nothing: «Жарык» is a name the added one may have replaced
    assert any(i.severity >= 1.0 for i in detect_names(ctx))
