"""Names across scripts: spelling variants match, a name with no counterpart is a difference."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon, fold, same_name, transliterate
from workbench.diff.translit import _strip_endings, vowel_variant


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Токаев", "Tokayev"),
        ("Токаев", "Tokaev"),
        ("Tokayev", "Tokaev"),
        ("Рузахунов", "Ruzakhunov"),
        ("Алматы", "Almaty"),
        ("Назарбаев", "Nazarbayev"),
        ("Токаева", "Tokayev"),  # Russian genitive
        ("Алматыда", "Almaty"),  # Kazakh locative
        ("Kazakh", "Kazakhstan"),
    ],
)
def test_spelling_variants_are_the_same_name(a: str, b: str) -> None:
    assert same_name(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("Tokayev", "Nazarbayev"), ("Almaty", "Astana"), ("Trump", "Trudeau")]
)
def test_different_names_differ(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_one_vowel_of_a_kazakh_name_romanised_two_ways() -> None:
    """ы is written y or u (Ulytau ~ Ulutau): one name when asked (the diff's name check asks);
    other vowel pairs and short names are not variants."""
    assert vowel_variant("Ulytau", "Ulutau") and vowel_variant("Tursunov", "Tursinov")
    assert same_name("Ulytau", "Ulutau", vowels=True)
    assert not same_name("Ulytau", "Ulutau")  # faithfulness asks without it
    assert not vowel_variant("Karimov", "Kerimov")  # a ~ e: two surnames
    assert not vowel_variant("Marat", "Murat")  # too short to tell
    assert not vowel_variant("Ulytau", "Ulytas")  # not a vowel
    assert not same_name("", "Ulutau", vowels=True)


def test_transliteration_spells_names_as_english_news_does() -> None:
    assert transliterate("Токаев") == "Tokayev"
    assert transliterate("Рузахунов") == "Ruzakhunov"
    assert transliterate("Қасым-Жомарт") == "Kasym-Zhomart"
    assert fold("Tokayev") == fold("Tokaev") == fold("Токаев")


@pytest.mark.parametrize(
    ("statement", "report", "source"),
    [
        ("Tokayev said the order was restored.", "According to Tokaev, order was restored.", None),
        ("Nazarbayev left the council.", "Former president Nazarbaev left the council.", None),
        ("He was detained in Almaty.", "Ruzakhunov was detained in Almaty.",
         "Рузахунов был задержан в Алматы."),
        ("Kazakh forces moved in.", "Forces of Kazakhstan moved in.", None),
    ],
)  # fmt: skip
def test_variant_spellings_are_no_entity_difference(
    statement: str, report: str, source: str | None, lexicon: Lexicon
) -> None:
    kw = {"source": source, "src": "ru"} if source else {}
    assert of_kind(diffs(statement, report, lexicon, **kw), "entity") == []


def test_a_swapped_name_is_an_entity_difference(lexicon: Lexicon) -> None:
    (d,) = of_kind(
        diffs("The order was given by Tokayev.", "The order was given by Nazarbayev.", lexicon),
        "entity",
    )
    assert (d.statement, d.report) == ("Tokayev", "Nazarbayev")


def test_a_name_only_one_side_gives_is_no_entity_difference(lexicon: Lexicon) -> None:
    # reports add place names and context as a matter of course: only a swap is flagged
    found = of_kind(
        diffs(
            "Attackers stormed the building.", "Attackers stormed the akimat in Almaty.", lexicon
        ),
        "entity",
    )
    assert found == []


def test_a_capitalised_word_opening_a_sentence_is_not_a_name(lexicon: Lexicon) -> None:
    found = diffs("Police detained him.", "Officers detained him.", lexicon)
    assert of_kind(found, "entity") == []


@pytest.mark.parametrize(
    ("statement", "report", "expected"),
    [
        ("He was held by the Los Angeles Police Department.",
         "He was held by the Federation Police Department.", "Los Angeles Police Department"),
        ("Kassym-Jomart Tokayev spoke.", "Nursultan Nazarbayev spoke.", "Kassym-Jomart Tokayev"),
    ],
)  # fmt: skip
def test_a_long_name_needs_most_of_its_words(
    statement: str, report: str, expected: str, lexicon: Lexicon
) -> None:
    assert expected in [d.statement for d in of_kind(diffs(statement, report, lexicon), "entity")]


def test_a_surname_alone_matches_the_full_name(lexicon: Lexicon) -> None:
    found = diffs("President Kassym-Jomart Tokayev spoke.", "Tokayev spoke.", lexicon)
    assert of_kind(found, "entity") == []


def test_unrelated_leftover_names_are_not_paired_and_a_left_out_name_is_no_flag(
    lexicon: Lexicon,
) -> None:
    found = of_kind(
        diffs("In Almaty 103 people died.", "A Telegram channel put the toll at 103.", lexicon),
        "entity",
    )
    # "Almaty" left out and "Telegram" added stand in different places: no swap, no flag
    assert found == []


def test_endings_are_stripped_once_per_name_not_once_per_pair() -> None:
    # same_name is asked of every pair of names of two texts: the ending-stripped forms of a
    # name (pymorphy3 lemmas, Turkic stems) are computed once per name, or a line of many
    # names costs a lemma per pair (200 names a side: 5.6 s before, 0.7 s after).
    left = [f"Абдулла{c}ев" for c in "бвгдзклмнпрстфх"]
    right = [f"Abdulla{c}ov" for c in "bvgdzklmnprstfh"]
    _strip_endings.cache_clear()
    matched = sum(same_name(a, b) for a in left for b in right)
    assert matched >= len(left)  # each name meets its own romanisation
    assert _strip_endings.cache_info().misses <= len(left) + len(right)


def _found_by_scan(key: str, words: list[str]) -> bool:
    """How a name was looked up before the index: same_name with every word."""
    return key in words or (
        len(key) > 1 and any(same_name(key, w, vowels=True) for w in words if len(w) > 1)
    )


def test_indexed_name_lookup_answers_as_the_scan_of_every_word() -> None:
    from workbench.diff.entities import _found, _with_forms, _Words

    text = (
        "Токаев и Tokaev встретились в Улытау; Ulutau, Kazakhstan, Казахстана, Karaganda, "
        "Карагандинской области, Japarov, Жапаров, Zhaparov, Moscow, Москве, CSTO, ОДКБ, "
        "Kyrgyz, Kyrgyzstan, Mirziyoyev, Мирзиёев, Bishkek, Бишкек, Astana, Астаны, Ukraine"
    )
    tokens = _with_forms(text)
    words = [t.text for t in tokens]
    index = _Words(tokens)
    keys = [*words, "Tokayev", "Токаевым", "Kazakh", "Ulitau", "Moskva", "Zhaparova", "Kiev",
            "Kyiv", "Mirziyoev", "Astanа", "A", "Tashkent", "Dushanbe", "Bishkekskii"]  # fmt: skip
    answers = [(k, _found(k, index)) for k in keys]
    assert answers == [(k, _found_by_scan(k, words)) for k in keys]
    assert sum(found for _, found in answers) > len(words)  # variants found, not only copies
    assert not all(found for _, found in answers)


def test_name_lookup_asks_same_name_of_few_words_on_a_long_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 200 distinct names against 200 others: the scan asked same_name 200 x 200 times
    from workbench.diff import entities

    calls = 0

    def counted(a: str, b: str, **options: object) -> bool:
        nonlocal calls
        calls += 1
        return same_name(a, b, **options)  # type: ignore[arg-type]

    consonants = "bdgklmnprstvz"
    keys = [f"{x.upper()}a{y}o{z}ov" for x in consonants for y in consonants for z in "bd"][:200]
    words = [f"{x.upper()}e{y}i{z}sky" for x in consonants for y in "ptk" for z in consonants]
    words = [*words[:199], "Babodov"]  # one variant of the first key
    monkeypatch.setattr(entities, "same_name", counted)
    index = entities._Words(entities.tokenize(" ".join(words)))
    found = [entities._found(k, index) for k in keys]
    assert calls < 5 * len(keys)
    monkeypatch.undo()
    assert found == [_found_by_scan(k, words) for k in keys]
    assert found[0] and found.count(True) < len(keys)


@pytest.mark.parametrize(
    ("source", "src"),
    [
        (None, None),
        ("Вчера Жогорку Кенеш утвердил состав правительства.", "ru"),
        ("Кеше Жогорку Кеңес үкімет құрамын бекітті.", "kk"),
        ("Кечээ Жогорку Кеңеш өкмөттүн курамын бекитти.", "ky"),
    ],
)
def test_the_jogorku_kenesh_is_the_parliament(
    source: str | None, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"source": source, "src": src} if source else {}
    statement = "Yesterday the Jogorku Kenesh approved the composition of the government."
    same = "Yesterday the Parliament approved the composition of the Government."
    assert of_kind(diffs(statement, same, lexicon, **kw), "entity") == []
    other = "Yesterday the Security Council approved the composition of the Government."
    found = of_kind(diffs(statement, other, lexicon, **kw), "entity")
    assert [(d.statement, d.report) for d in found] == [("Jogorku Kenesh", "Security Council")]


def test_fold_with_compiled_patterns_is_the_fold_of_the_pattern_strings() -> None:
    """fold runs its variant patterns compiled once (session 12, speed); the keys are those of
    running each pattern string through re.sub, for names of every script and shape."""
    import re
    import unicodedata

    from workbench.diff import translit

    def by_strings(name: str) -> str:
        latin = unicodedata.normalize("NFKD", transliterate(name).lower())
        latin = re.sub(r"['’`]s$|[^a-z]", "", latin.encode("ascii", "ignore").decode())
        for pattern, repl in translit._FOLDS:
            latin = re.sub(pattern, repl, latin)
        return latin

    names = ["Токаев", "Tokayev", "Қазақстан", "Kazakhstan", "Щучинск", "Zhaparov's", "Dzhaparov",
             "Yevgeny", "Аллаа", "Ulytau", "Ұлытау", "Mphoxx", "Ыссык-Куль", "", "O'Neill"]  # fmt: skip
    assert [fold(n) for n in names] == [by_strings(n) for n in names]
    assert fold("Токаев") != fold("Жапаров")  # two names, two keys (a cache keyed right)


def test_english_forms_of_two_texts_are_each_texts_own() -> None:
    """The names table's whole-word patterns are compiled once for every text; each text gets
    the forms it names, whole words only, in the table's order."""
    from workbench.diff.morph import _names_table, english_forms

    table = _names_table()
    key, forms = next((k, f) for k, f in table.items() if any(" " not in x for x in f))
    word = next(x for x in forms if " " not in x)
    expected = [w for f in forms for w in f.split()]
    assert english_forms(f"They met in {word} today") == expected
    assert english_forms(f"They met in X{word}Y today") == []  # inside a word: no form
    assert english_forms("Nothing named here") == []


@pytest.mark.parametrize(
    ("name", "texts", "named"),
    [
        # an acronym and the name it abbreviates are one name, across scripts: a romanised
        # initial of each content word (Қазақстан→K, темір→T, жолы→Z)
        ("KTZ", ["«Қазақстан темір жолы» компаниясы хабарлады"], True),
        ("KTZ", ["Компания «Казахстан темир жолы» сообщила"], True),
        ("ҚТЖ", ["Kazakhstan Temir Zholy said"], True),
        ("КТЖ", ["Kazakhstan Temir Zholy said"], True),
        ("ҚТЖ-ның", ["KTZ said"], True),
        ("Kazakhstan Temir Zholy", ["KTZ said"], True),
        ("Kazakhstan Temir Zholy", ["ҚТЖ хабарлады"], True),
        ("Комитет национальной безопасности", ["The KNB said"], True),
        ("Kazakhstan Temir Zholy", ["Kazakhstan Railways said"], True),  # the names table
        # other initials are other names
        ("KTZ", ["«Қазақстан мұнай газы» хабарлады"], False),
        ("ҚТЖ", ["Kazakhstan Munai Gaz said"], False),
        ("Kazakhstan Temir Zholy", ["KMG said"], False),
        ("KT", ["«Қазақстан темір жолы» хабарлады"], False),  # two letters: too short to tell
    ],
)  # fmt: skip
def test_an_acronym_names_what_its_initials_spell_across_scripts(
    name: str, texts: list[str], named: bool
) -> None:
    from workbench.diff.entities import named_in

    assert named_in(name, texts) is named


def test_a_name_longer_than_any_acronym_is_not_spelled_by_its_initials() -> None:
    # each initial of two spellings (Ж: J or Z) doubled the spellings, so a weak model's run of
    # one capitalised word repeated 30 times stalled Compare (2 ** 30 spellings); no acronym is
    # read longer than eight letters, so no name of nine content words or more has initials
    from workbench.diff.entities import named_in
    from workbench.diff.translit import LONGEST_ACRONYM, initials_spellings

    assert len(initials_spellings(["Жұлдыз"] * LONGEST_ACRONYM)) == 2**LONGEST_ACRONYM
    assert initials_spellings(["Жұлдыз"] * (LONGEST_ACRONYM + 1)) == frozenset()
    assert named_in(" ".join(["Жұлдыз"] * 30), ["JJJJJJJJJ said"]) is False


@pytest.mark.parametrize(
    ("statement", "report", "source", "src"),
    [
        ("This year KTZ will buy new wagons in the Aktobe region.",
         "This year Kazakhstan Railways will buy new wagons in the Aktobe region.",
         "Биыл ҚТЖ Ақтөбе облысында жаңа вагондар сатып алады.", "kk"),
        ("This year Kazakhstan Temir Zholy will buy new wagons in the Aktobe region.",
         "This year KTZ will buy new wagons in the Aktobe region.",
         "Биыл «Қазақстан темір жолы» Ақтөбе облысында жаңа вагондар сатып алады.", "kk"),
        ("This year KTZ will buy new wagons in the Aktobe region.",
         "This year Kazakhstan Temir Zholy will buy new wagons in the Aktobe region.",
         "В этом году КТЖ закупит новые вагоны в Актюбинской области.", "ru"),
    ],
)  # fmt: skip
def test_an_acronym_for_its_name_is_no_entity_difference(
    statement: str, report: str, source: str, src: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon, source=source, src=src), "entity") == []


def test_an_acronym_swapped_for_another_name_is_still_an_entity_difference(
    lexicon: Lexicon,
) -> None:
    found = of_kind(
        diffs("This year KTZ will buy new wagons.", "This year KazMunayGas will buy new wagons.",
              lexicon),
        "entity",
    )  # fmt: skip
    assert [(d.statement, d.report) for d in found] == [("KTZ", "KazMunayGas")]
