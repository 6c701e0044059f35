"""Language identification (pycld2) and Latin-script Kazakh.

:func:`detect` says what a text looks like; :func:`check_language` turns a mismatch with the
declared source language into a warning, but only when CLD2 is sure (``reliable`` flag, a high
percentage and enough letters): on FLORES-200 dev lines CLD2 tells Kazakh from Kyrgyz almost
perfectly, but on three-word snippets about 1 % of them swap (numbers in ``docs/translate.md``,
``benchmarks/langid_bench.py``).

The MT models read Kazakh in Cyrillic. Kazakh written in one of the official Latin alphabets
(2017 apostrophes, 2018 acute accents, 2021 Turkic-style letters) is recognised by
:func:`latin_kazakh_alphabet`: the text is mapped to Cyrillic with that alphabet's table and CLD2
must then call it Kazakh. :func:`to_cyrillic` offers that conversion to the user; it is lossy
where the alphabets are (и/й share a letter, х/һ share ``h``, loan letters ц щ ё ю я э ъ ь have
no single spelling), so the workbench only suggests it and never applies it silently.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.types import LANGUAGE_NAMES, LanguageGuess

#: Warn only above this CLD2 percentage, with the reliable flag set and at least this many letters.
MIN_PERCENT = 90
MIN_LETTERS = 25

_COMMON = dict(zip("абвгдежзкқлмнопрстфхһы", "abvgdejzkqlmnoprstfhhy", strict=True))
#: Cyrillic → Latin for each official Kazakh Latin alphabet (lower case).
ALPHABETS: dict[str, dict[str, str]] = {
    "2017": _COMMON
    | {"ә": "a'", "ғ": "g'", "і": "i", "и": "i'", "й": "i'", "ң": "n'", "ө": "o'", "ұ": "u"}
    | {"ү": "u'", "у": "y'", "ш": "s'", "ч": "c'", "ц": "ts", "щ": "s's'", "ё": "io"}
    | {"ю": "i'y'", "я": "i'a", "э": "e", "ъ": "", "ь": ""},
    "2018": _COMMON
    | {"ә": "á", "ғ": "ǵ", "і": "i", "и": "ı", "й": "ı", "ң": "ń", "ө": "ó", "ұ": "u"}
    | {"ү": "ú", "у": "ý", "ш": "sh", "ч": "ch", "ц": "ts", "щ": "shch", "ё": "io"}
    | {"ю": "ıý", "я": "ıa", "э": "e", "ъ": "", "ь": ""},
    "2021": _COMMON
    | {"ә": "ä", "ғ": "ğ", "і": "ı", "и": "i", "й": "i", "ң": "ñ", "ө": "ö", "ұ": "ū"}
    | {"ү": "ü", "у": "u", "ш": "ş", "ч": "ç", "ц": "ts", "щ": "şş", "ё": "io"}
    | {"ю": "iu", "я": "ia", "э": "e", "ъ": "", "ь": ""},
}
# Letters that only one alphabet uses, to tell them apart.
_MARKERS = {
    "2017": re.compile(r"[aginouysc]'", re.I),
    "2018": re.compile(r"[áǵńóúý]", re.I),
    "2021": re.compile(r"[äğñöūüşç]", re.I),
}
# Reverse tables skip loan letters whose spelling is ambiguous or empty (щ ё э ъ ь) and the
# letters that share a spelling with a commoner one (һ with х, й with и). я, ю and ц are kept:
# on FLORES kk dev that raises back-conversion word accuracy from 0.93 to 0.96, although
# т+с pairs (кетсе → ketse) then come back as ц.
_NO_REVERSE = {"щ", "ё", "э", "ъ", "ь", "һ", "й"}
_VOWELS = set("аәеиоөұүуыіэюяё")
_OWN_LETTERS = {"kk": set("әғқңөұүһі")}
_SCRIPT = {"kk": "Cyrl", "ky": "Cyrl", "ru": "Cyrl", "en": "Latn"}
#: How :func:`mismatch` names Latin-script Kazakh.
LATIN_KAZAKH = "Kazakh written in the Latin alphabet"


def script_of(text: str) -> str:
    """``"Cyrl"``, ``"Latn"`` or ``"other"``: the script of most letters of ``text``."""
    cyrl = latn = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CYRILLIC"):
            cyrl += 1
        elif name.startswith("LATIN"):
            latn += 1
        else:
            other += 1
    if cyrl + latn + other == 0:
        return "other"
    if cyrl >= latn and cyrl >= other:
        return "Cyrl"
    return "Latn" if latn >= other else "other"


def _cld2(text: str) -> tuple[str, float, bool]:
    import pycld2

    clean = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    try:
        reliable, _, details = pycld2.detect(clean, bestEffort=True)
    except pycld2.error:
        return "un", 0.0, False
    _, code, percent, _ = details[0]
    return code, float(percent), bool(reliable)


def detect(text: str) -> LanguageGuess:
    """What language and script ``text`` is written in.

    Kazakh in a Latin alphabet is reported as ``language="kk", script="Latn"`` (CLD2 alone calls
    it Turkmen or Tatar).
    """
    script = script_of(text)
    code, percent, reliable = _cld2(text)
    if script == "Latn":
        alphabet = latin_kazakh_alphabet(text)
        if alphabet:
            k_code, k_percent, k_reliable = _cld2(to_cyrillic(text, alphabet))
            return LanguageGuess("kk", "Latn", k_percent, k_reliable)
    return LanguageGuess(code, script, percent, reliable)


def latin_kazakh_alphabet(text: str) -> str | None:
    """The Kazakh Latin alphabet ``text`` is written in (``"2017"``/``"2018"``/``"2021"``), if any.

    The text must be mostly Latin letters and, converted to Cyrillic with the best-fitting
    alphabet, be recognised by CLD2 as Kazakh.
    """
    if script_of(text) != "Latn":
        return None
    counts = {name: len(rx.findall(text)) for name, rx in _MARKERS.items()}
    alphabet = max(counts, key=lambda k: counts[k])
    if counts[alphabet] == 0 and "ı" not in text.lower():
        return None  # no letter that any Kazakh Latin alphabet needs
    if counts[alphabet] == 0:
        alphabet = "2021"
    converted = to_cyrillic(text, alphabet)
    if _share_latin(converted) > 0.02:
        return None  # letters no Kazakh alphabet uses (c, w, x ...) remain
    code, _, reliable = _cld2(converted)
    return alphabet if code == "kk" and reliable else None


def _share_latin(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    return latin / len(letters) if letters else 0.0


def _reverse(alphabet: str) -> list[tuple[str, str]]:
    table: dict[str, str] = {}
    for cyr, lat in ALPHABETS[alphabet].items():
        if lat and cyr not in _NO_REVERSE and lat not in table:
            table[lat] = cyr
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


def to_cyrillic(text: str, alphabet: str = "2021") -> str:
    """Convert Latin-script Kazakh to Cyrillic with one official alphabet's table.

    Lossy where the alphabet is ambiguous: the shared letter for и/й becomes й after a vowel and
    и elsewhere, ``h`` becomes х, т+с comes back as ц, and щ ё э ъ ь do not come back.
    Characters outside the table (digits, punctuation, foreign letters) are kept.
    """
    pairs = _reverse(alphabet)
    i_letter = ALPHABETS[alphabet]["и"]
    out: list[str] = []
    i = 0
    while i < len(text):
        low = text[i:].lower()
        for lat, cyr in pairs:
            if low.startswith(lat):
                if lat == i_letter and out and out[-1].lower() in _VOWELS:
                    cyr = "й"
                out.append(cyr.upper() if text[i].isupper() else cyr)
                i += len(lat)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def to_latin(text: str, alphabet: str = "2021") -> str:
    """Convert Cyrillic Kazakh to one official Latin alphabet (used to build test material)."""
    table = ALPHABETS[alphabet]
    out = []
    for ch in text:
        lat = table.get(ch.lower())
        if lat is None:
            out.append(ch)
        else:
            out.append(lat[:1].upper() + lat[1:] if ch.isupper() else lat)
    return "".join(out)


def _cld2_name(code: str) -> str:
    import pycld2

    names = {c: n.title() for n, c in pycld2.LANGUAGES}
    return names.get(code, code)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def check_language(text: str, declared: str) -> list[str]:
    """Warnings when ``text`` does not look like the declared source language.

    Silent unless CLD2 is confident (reliable, at least :data:`MIN_PERCENT` %, at least
    :data:`MIN_LETTERS` letters), because short snippets of Kazakh and Kyrgyz are easy to swap.
    Latin-script Kazakh is always reported when recognised.
    """
    found = mismatch(text, declared)
    if found is None:
        return []
    if LATIN_KAZAKH in found:
        return [
            f"The text {found}; the models expect Cyrillic, so convert it first "
            "(workbench.langid.to_cyrillic can help)."
        ]
    declared_name = LANGUAGE_NAMES.get(declared, declared)
    return [f"The source language was given as {declared_name} but the text {found}; check --src."]


def mismatch(text: str, declared: str) -> str | None:
    """What ``text`` looks like when it is not in the ``declared`` language, else ``None``.

    The answer completes "the text …": ``"looks like Kazakh (by cld2)"``, ``"has none of its
    own letters and looks like Russian"`` or ``"looks like Kazakh written in the Latin alphabet
    (2021)"`` (:data:`LATIN_KAZAKH`). Under the same rules as :func:`check_language`: ``None``
    unless CLD2 is sure.
    """
    if _letters(text) < MIN_LETTERS:
        return None
    guess = detect(text)
    if guess.language == "kk" and guess.script == "Latn":
        return f"looks like {LATIN_KAZAKH} ({latin_kazakh_alphabet(text) or '2021'})"
    confident = guess.reliable and guess.confidence >= MIN_PERCENT
    # Other languages only count in another script: CLD2 calls some Russian lines Serbian.
    plausible = guess.language in LANGUAGE_NAMES or guess.script != _SCRIPT.get(declared)
    if confident and plausible and guess.language not in {declared, "un"}:
        name = LANGUAGE_NAMES.get(guess.language) or _cld2_name(guess.language)
        return f"looks like {name} (by cld2)"
    if guess.language == "un" and _looks_russian(text, declared):
        return "has none of its own letters and looks like Russian"
    return None


def _looks_russian(text: str, declared: str) -> bool:
    """CLD2 gives up on some Russian lines; a long Cyrillic text without one Kazakh letter is
    Russian (every FLORES dev Kazakh line of 50+ letters has one; Kyrgyz lines often have none
    of ң ө ү, so there is no such rule for Kyrgyz)."""
    own = _OWN_LETTERS.get(declared)
    return (
        own is not None
        and script_of(text) == "Cyrl"
        and _letters(text) >= 2 * MIN_LETTERS
        and not own & set(text.lower())
    )
