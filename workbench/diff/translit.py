"""Cyrillic (Russian, Kazakh, Kyrgyz letters) to Latin, and a folded form for fuzzy name matching.

Names are spelled many ways across scripts: Токаев ~ Tokayev ~ Tokaev, Рузахунов ~ Ruzakhunov,
Алматы ~ Almaty, Назарбаев ~ Nazarbayev. :func:`transliterate` gives a common English spelling;
:func:`fold` maps every spelling variant to one key (kh→h, zh→j, y between vowels dropped, ...)
so that a plain fuzzy ratio compares names across scripts.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

from workbench.diff.morph import russian_lemma, turkic_stems
from workbench.diff.text import words

_TABLE: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh and Kyrgyz letters
    "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}  # fmt: skip
_VOWELS = set("аеёиоуыэюяәөұүі")

#: Variant spellings folded to one key, applied in order to lower-case Latin text.
_FOLDS: tuple[tuple[str, str], ...] = (
    (r"shch", "sh"), (r"kh", "h"), (r"zh", "j"), (r"dzh", "j"), (r"ts", "c"), (r"tz", "c"),
    (r"ch", "c"), (r"sh", "s"), (r"gh", "g"), (r"q", "k"), (r"w", "v"), (r"x", "ks"),
    (r"ph", "f"), (r"ck", "k"), (r"ng\b", "n"),
    (r"(?<=[aeiou])y(?=[aeiou])", ""), (r"^y(?=[aeiou])", ""), (r"y", "i"),
    (r"k", "h"),  # Kazakh қ and Russian х stand for one sound (Қазақстан ~ Kazakhstan)
    (r"(.)\1", r"\1"),
)  # fmt: skip
#: :data:`_FOLDS` compiled once (``re.sub`` with a pattern string looks it up in ``re``'s cache
#: on every call: 21 look-ups per name, a third of :func:`fold`'s time).
_COMPILED_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl) for pattern, repl in _FOLDS
)
_NOT_LETTER = re.compile(r"['’`]s$|[^a-z]")


def transliterate(text: str) -> str:
    """Romanise Cyrillic letters (ru/kk/ky) the way English news usually spells names.

    ``е`` becomes ``ye`` at the start of a word and after a vowel (Ежов → Yezhov,
    Токаев → Tokayev); Latin text passes through unchanged.
    """
    out: list[str] = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low == "е" and (not prev.isalpha() or prev.lower() in _VOWELS):
            latin = "ye"
        else:
            latin = _TABLE.get(low, ch)
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev = ch
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """One key for every spelling of a name: romanised, lower-case, ASCII, variants folded."""
    latin = transliterate(name).lower()
    latin = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    latin = _NOT_LETTER.sub("", latin)
    for pattern, repl in _COMPILED_FOLDS:
        latin = pattern.sub(repl, latin)
    return latin


#: Russian (and Turkic) case endings tried off a name before comparing (Токаева → Токаев).
_ENDINGS = (
    "ого",
    "ому",
    "ыми",
    "ами",
    "ым",
    "ой",
    "ом",
    "ым",
    "ов",
    "ев",
    "а",
    "у",
    "е",
    "ы",
    "я",
    "ю",
)


def same_name(a: str, b: str, *, threshold: float = 85.0, vowels: bool = False) -> bool:
    """True when two single-word names are spelling variants of each other (any script).

    Compares folded forms with a fuzzy ratio, also after removing a case ending, and accepts a
    prefix of five letters or more (Kazakh ~ Kazakhstan, Russia ~ Russian). With ``vowels``,
    also two romanisations of one Kazakh or Kyrgyz name that differ in one vowel only
    (:func:`vowel_variant`: Ulytau ~ Ulutau); the diff stage's name check asks for it, the
    faithfulness name check does not yet (its calibration was fitted without it).
    """
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb or (min(len(fa), len(fb)) >= 5 and (fa.startswith(fb) or fb.startswith(fa))):
        return True
    if vowels and vowel_variant(a, b):
        return True
    if min(len(fa), len(fb)) < 4:
        return False
    for x in {fa, *_strip_endings(a)}:
        for y in {fb, *_strip_endings(b)}:
            if fuzz.ratio(x, y) >= threshold:
                return True
    return False


#: Letters a name needs before one vowel may differ (Marat and Murat are two names).
VOWEL_VARIANT_LENGTH = 6
#: The vowels Kazakh and Kyrgyz names are romanised with differently, as folded by
#: :func:`fold`: ы is written y (folded to i) or u (Ulytau ~ Ulutau), ө and ү o or u. Other
#: pairs are not (a ~ e: Karimov and Kerimov are two surnames in Russian-language sources),
#: though the fuzzy ratio of :func:`same_name` still joins that pair (86 >= 85) for every caller.
VOWEL_SWAPS = frozenset({frozenset("iu"), frozenset("ou")})


def vowel_variant(a: str, b: str) -> bool:
    """Two romanisations of one Kazakh or Kyrgyz name that differ in one vowel only, of a pair
    in :data:`VOWEL_SWAPS`, for names of :data:`VOWEL_VARIANT_LENGTH` letters or more."""
    fa, fb = fold(a), fold(b)
    if len(fa) != len(fb) or len(fa) < VOWEL_VARIANT_LENGTH:
        return False
    diff = [(x, y) for x, y in zip(fa, fb, strict=True) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in VOWEL_SWAPS


@functools.lru_cache(maxsize=65536)
def _strip_endings(word: str) -> frozenset[str]:
    """Folded forms of ``word`` without a Russian case ending, or a Kazakh/Kyrgyz one (once per
    word: :func:`same_name` is asked of every pair of names of two long texts)."""
    low = word.lower()
    russian = {low[: -len(e)] for e in _ENDINGS if low.endswith(e) and len(low) - len(e) >= 4}
    toponym = _ADJECTIVAL.sub("", russian_lemma(word)) if _cyrillic_word(low) else low
    if toponym != low and len(toponym) >= 4:  # Карагандинской области ~ Karaganda
        russian.add(toponym)
    return frozenset(fold(w) for w in russian | turkic_stems(low))


def strip_endings(word: str) -> frozenset[str]:
    """The folded forms of ``word`` that :func:`same_name` also compares fuzzily: ``word``
    without a Russian case ending, or a Kazakh/Kyrgyz one (cached)."""
    return _strip_endings(word)


#: Russian adjectival endings of place names (карагандинский, акмолинская, курганской).
_ADJECTIVAL = re.compile(r"(?:инск|енск|анск|нск|ск)(?:ий|ая|ое|ие|ой|ого|ом)$")


def _cyrillic_word(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


#: Initials a Cyrillic letter may be romanised to in an English acronym: Жогорку → J or Z
#: (Zholy), Хабар → K or H, Евразийский → E or Y; other letters as :func:`transliterate`
#: spells their first sound (Қ → K, Ш → S, Ү → U).
_INITIAL_OPTIONS: dict[str, tuple[str, ...]] = {
    "е": ("E", "Y"), "ё": ("E", "Y"), "ю": ("U", "Y"), "я": ("A", "Y"), "х": ("K", "H"),
    "ж": ("Z", "J"), "ц": ("T", "C"), "қ": ("K", "Q"), "й": ("Y", "I"),
}  # fmt: skip
#: Small words a name of several words holds without their initial (en, ru, kk, ky).
ACRONYM_JOINERS = words("of the for and on in и по для при в на о об және мен жана менен")
#: Acronyms this short are too many to tell apart by their initials.
SHORTEST_ACRONYM = 3
#: No acronym is read longer than this (:data:`_ACRONYM`), so no name of more content words
#: is spelled by its initials: each initial of two spellings doubles them (2 ** words).
LONGEST_ACRONYM = 8
#: Initials before a case ending or a possessive: ҚТЖ-ның, КТЖ, KTZ’s, АКШнын (capitals first).
_ACRONYM = re.compile(
    rf"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{2,{LONGEST_ACRONYM}}}(?=$|[-’'][^\W\d_]*$|[а-яёәғқңөұүһі]{{1,5}}$)"
)


def _initial_options(letter: str) -> tuple[str, ...]:
    low = letter.lower()
    if low in _INITIAL_OPTIONS:
        return _INITIAL_OPTIONS[low]
    latin = transliterate(low)[:1].upper()
    latin = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    return (latin,) if latin.isalpha() else ()


def _spellings(letters: str) -> frozenset[str]:
    """Every Latin spelling of ``letters`` (one initial each) under :func:`_initial_options`."""
    out = [""]
    for letter in letters:
        options = _initial_options(letter)
        if not options:
            return frozenset()
        out = [s + o for s in out for o in options]
    return frozenset(out)


@functools.lru_cache(maxsize=16384)
def acronym_spellings(word: str) -> frozenset[str]:
    """The Latin spellings of an acronym of any script, without its case ending: ҚТЖ-ның →
    {KTZ, KTJ, QTZ, QTJ}, КНБ → {KNB}, "KTZ's" → {KTZ}; empty for a word that is no acronym
    (capitals first, :data:`SHORTEST_ACRONYM` to 8 of them) or of shorter initials."""
    m = _ACRONYM.match(word)
    if m is None or len(m.group()) < SHORTEST_ACRONYM:
        return frozenset()
    return _spellings(m.group())


def initials_spellings(words: list[str]) -> frozenset[str]:
    """The Latin spellings of the initials of a name of several words, small words
    (:data:`ACRONYM_JOINERS`) skipped: «Қазақстан темір жолы» → {KTZ, KTJ, QTZ, QTJ},
    "Kazakhstan Temir Zholy" → {KTZ}, «Комитет национальной безопасности» → {KNB}. Empty for
    fewer than :data:`SHORTEST_ACRONYM` content words or more than :data:`LONGEST_ACRONYM`
    (no acronym that long is read; a run of capitalised words, such as a weak model's
    repeated «Алматы Алматы …», would otherwise be spelled 2 ** words ways)."""
    content = [w for w in words if w and w.lower() not in ACRONYM_JOINERS]
    if not SHORTEST_ACRONYM <= len(content) <= LONGEST_ACRONYM:
        return frozenset()
    return _spellings("".join(w[0] for w in content))
