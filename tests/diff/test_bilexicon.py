"""The kk/ky/ru → English word lexicon: the shipped file, coverage of source words, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.diff.bilexicon import (
    cognate_key,
    english_stem,
    load_bilexicon,
    source_stem,
)
from workbench.errors import UserInputError


def _covered(source: str, translation: str, lang: str) -> dict[str, float]:
    return {w.word: w.covered for w in load_bilexicon().coverage(source, translation, lang)}


def test_the_shipped_lexicon_knows_common_news_words_in_each_language() -> None:
    lex = load_bilexicon()
    assert lex.signature.startswith("bilex:model1")
    for lang, word, english in (
        ("ru", "президент", "president"), ("kk", "Президент", "president"),
        ("ky", "президент", "president"),
        ("ru", "сегодня", "today"), ("kk", "бүгін", "today"),
    ):  # fmt: skip
        assert english_stem(english) in lex.translations(lang, word), (lang, word)
    assert lex.translations("ru", "щщщщщ") == {}
    assert lex.translations("de", "президент") == {}


def test_a_dropped_clause_leaves_its_source_words_unrendered() -> None:
    source = "Президент сегодня прибыл в Астану, где встретился с министрами."
    full = _covered(source, "The president arrived in Astana today, where he met ministers.", "ru")
    short = _covered(source, "The president arrived in Astana today.", "ru")
    assert full["Президент"] == full["сегодня"] == full["министрами"] == 1.0
    assert short["Президент"] == short["сегодня"] == 1.0
    assert short["министрами"] == 0.0
    assert sum(short.values()) < sum(full.values())


def test_numbers_need_the_same_digits_and_names_match_across_scripts() -> None:
    source = "В Алматы задержали 25 человек."
    assert _covered(source, "25 people were detained in Almaty.", "ru")["25"] == 1.0
    assert _covered(source, "52 people were detained in Almaty.", "ru")["25"] == 0.0
    assert _covered(source, "People were detained in Almaty.", "ru")["Алматы"] == 1.0
    dropped = load_bilexicon().coverage(source, "25 people were detained.", "ru")
    name = [w for w in dropped if w.word == "Алматы"]
    assert name and name[0].covered == 0.0 and name[0].kind == "spelling"
    # a name's weight is the measured rate at which faithful translations keep such names
    assert name[0].weight == load_bilexicon().spelling["ru"] and 0.5 < name[0].weight < 1
    assert {w.kind for w in dropped if w.word == "25"} == {"number"}


def test_stems_and_cognate_keys() -> None:
    assert english_stem("moved") == english_stem("moving") == english_stem("move")
    assert english_stem("States") == english_stem("state")
    assert source_stem("Ёлками") == source_stem("елками") == "елкам"
    assert cognate_key("Каталонии") == cognate_key("Catalonia")
    assert cognate_key("университета") == cognate_key("University")


def test_a_bad_lexicon_file_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="cannot be used.*make_bilexicon"):
        load_bilexicon(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("# signature: bilex:test\nru\tпрези\t3\tpresi:0.9\n", encoding="utf-8")
    with pytest.raises(UserInputError, match="line 2 has 4 fields, not 5"):
        load_bilexicon(bad)
    bad.write_text("ru\tпрези\t3\t0.9\tpresi:many\n", encoding="utf-8")
    with pytest.raises(UserInputError, match="cannot be used"):
        load_bilexicon(bad)
    good = tmp_path / "good.tsv"
    good.write_text(
        "# signature: bilex:test\nru\tпрези\t3\t0.9\tpresi:0.9\nru\t@spelling\t9\t0.7\t\n",
        encoding="utf-8",
    )
    lex = load_bilexicon(good)
    assert lex.signature == "bilex:test" and lex.hits["ru"]["прези"] == 0.9
    assert lex.spelling == {"ru": 0.7} and "@spelling" not in lex.entries["ru"]
    (name,) = lex.coverage("Вчера Мадрид ждал.", "Yesterday the city waited.", "ru")
    assert (name.word, name.covered, name.weight, name.kind) == ("Мадрид", 0.0, 0.7, "spelling")


def test_a_line_of_hundreds_of_names_is_bounded_not_slow() -> None:
    from workbench.diff.bilexicon import NAME_COMPARISONS

    source = " ".join(f"Ыщщ{chr(0x430 + i % 32)}{chr(0x430 + i // 32)}ов" for i in range(300))
    english = " ".join(f"Qxz{chr(97 + i % 26)}{chr(97 + i // 26)}ing" for i in range(300))
    words = load_bilexicon().coverage("Вчера " + source, english, "ru")
    names = [w for w in words if w.kind == "spelling"]
    capitals = len(set(english.split()))
    # names past the comparison budget are left out (neither rendered nor missing)
    assert 0 < len(names) <= NAME_COMPARISONS // capitals
