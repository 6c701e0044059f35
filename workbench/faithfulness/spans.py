"""Span checks that compare what both sides mention: figures, names, loaded labels.

Figures use the diff stage's normaliser ("20 тысяч" = 20,000 = "20 мың"); names its
cross-script folding (Токаев ~ Tokayev); labels its four-language framing lexicon.
"""

from __future__ import annotations

import math
import re

from rapidfuzz import fuzz

from workbench.faithfulness.base import FaithContext, issue
from workbench.faithfulness.diffapi import (
    Figure,
    categories_in,
    find_figures,
    find_labels,
    find_names,
    fold,
    transliterate,
)
from workbench.types import FaithIssue

#: Roots of small numbers in kk/ky/ru words, including ordinals and compounds
#: ("двухчасового", "пятый", "үшінші", "он бесі"), so an English number word has a counterpart.
NUMBER_ROOTS: dict[int, tuple[str, ...]] = {
    1: ("один", "одн", "перв", "бір", "бир", "алғаш", "биринчи"),
    2: ("два", "двух", "две", "дву", "втор", "оба", "обе", "пар", "екі", "эки", "қос", "кош"),
    3: ("три", "тр", "трет", "үш", "үч"),
    4: ("четыр", "четв", "төрт"),
    5: ("пят", "бес", "беш"),
    6: ("шест", "алты"),
    7: ("сем", "седьм", "жеті", "жети"),
    8: ("восем", "восьм", "сегіз", "сегиз"),
    9: ("девят", "тоғыз", "тогуз"),
    10: ("десят", "он"),
    12: ("двенадцат", "дюжин", "он екі", "он эки"),
    20: ("двадцат", "жиырма", "жыйырма"),
    24: ("дюжин",),
    100: ("сто", "сот", "жүз"),
}
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def _same(a: Figure, b: Figure) -> bool:
    if a.percent != b.percent:
        return False
    if a.vague and b.vague:
        return (a.value, a.high) == (b.value, b.high)
    if a.vague or b.vague:
        rng, point = (a, b) if a.vague else (b, a)
        return rng.value <= point.value < (rng.high or math.inf)
    return math.isclose(a.value, b.value, rel_tol=1e-9) or _clock(a, b)


def _clock(a: Figure, b: Figure) -> bool:
    """ "0230" and "02:30" / "2:30" are one time of day."""
    digits = re.sub(r"\D", "", a.text), re.sub(r"\D", "", b.text)
    return len(digits[0]) == 4 and digits[0].lstrip("0") == digits[1].lstrip("0")


def _word_in_source(fig: Figure, source: str) -> bool:
    """An English number word whose value the source spells as a word (any case or compound)."""
    roots = NUMBER_ROOTS.get(int(fig.value)) if fig.value == int(fig.value) else None
    if not roots:
        return False
    low = source.lower()
    return any(w.startswith(roots) for w in _WORD.findall(low)) or any(
        " " in r and r in low for r in roots
    )


_RUN = re.compile(r"\d+(?:[,.\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?(?!\w)", re.I)
_ROMAN = re.compile(r"(?<![\w-])(?=[IVXL]{1,6}(?![\w]))(L?X{0,3})(IX|IV|V?I{0,3})(?![\w])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
#: Unit conversions a translation may make (km→miles, kg→pounds, cm→inches, m→yards/feet, °C).
_CONVERSIONS = (1.609, 2.2046, 2.54, 1.0936, 3.2808, 0.4536, 0.3048)


def _digits(text: str) -> set[str]:
    """Every run of digits of ``text``, whole (separators removed) and in pieces."""
    out: set[str] = set()
    for m in _RUN.finditer(text):
        out.add(re.sub(r"[,.\u00a0\u202f ]", "", m.group()))
        out.update(re.findall(r"\d+", m.group()))
    return out


def _roman(text: str) -> set[float]:
    values = set()
    for m in _ROMAN.finditer(text):
        word = m.group()
        if not word or word == "I":
            continue
        total = 0
        for a, b in zip(word, word[1:] + " ", strict=True):
            v = _ROMAN_VALUES[a]
            total += -v if b != " " and _ROMAN_VALUES.get(b, 0) > v else v
        values.add(float(total))
    return values


def _in_time(text: str, fig: Figure) -> bool:
    return any(m.start() <= fig.start < m.end() for m in _TIME.finditer(text))


def _converted(fig: Figure, others: list[Figure]) -> bool:
    return any(
        o.value
        and abs(fig.value / o.value / c - 1) < 0.12
        or abs(o.value / max(fig.value, 1e-9) / c - 1) < 0.12
        for o in others
        for c in _CONVERSIONS
    )


def detect_numbers(ctx: FaithContext) -> list[FaithIssue]:
    """Translation figures with no equal value in the source (changed or added), and source
    figures of two or more digits that the translation lost (dropped).

    A figure written in digits counts as present when the source has the same digits (dates,
    ranges and "340 million" vs "от 340 до 500 миллионов" are parsed differently on each side),
    or a unit conversion of a source figure (27 m ~ 30 yards); times of day are left out (15:00
    ~ 3 p.m.); English number words count only against a source figure they contradict.
    """
    src_figs = [f for f in find_figures(ctx.source, ctx.src) if not _in_time(ctx.source, f)]
    src_digits = _digits(ctx.source)
    romans = _roman(ctx.source)
    left = list(src_figs)
    out: list[FaithIssue] = []
    for fig in find_figures(ctx.translation, "en"):
        if _in_time(ctx.translation, fig):
            continue
        match = next((f for f in left if _same(fig, f)), None)
        if match is not None:
            left.remove(match)
            continue
        has_digits = bool(_DIGIT.search(fig.text))
        if has_digits and (
            _digits(fig.text) <= src_digits or fig.value in romans or _converted(fig, left)
        ):
            continue
        if not has_digits and (_word_in_source(fig, ctx.source) or fig.vague):
            continue
        near = [f for f in left if _DIGIT.search(f.text) and not f.vague]
        if not has_digits and not near:
            continue
        out.append(
            issue("number", ctx.source, ctx.translation,
                  (near[0].start, near[0].end) if near else None, (fig.start, fig.end),
                  f"figure {fig.text!r} has no equal in the source"
                  + (f" (source: {near[0].text!r})" if near else ""),
                  1.0 if has_digits else 0.6)
        )  # fmt: skip
        if near:
            left.remove(near[0])
    en_digits = _digits(ctx.translation)
    for fig in left:
        digits = re.sub(r"\D", "", fig.text)
        if len(digits) >= 2 and not fig.vague and not _digits(fig.text) & en_digits:
            out.append(
                issue("number", ctx.source, ctx.translation, (fig.start, fig.end), None,
                      f"source figure {fig.text!r} is missing from the translation", 0.6)
            )  # fmt: skip
    return out


#: Names whose English form is no spelling of the kk/ky/ru one (exonyms), as folded keys.
EXONYMS: dict[str, tuple[str, ...]] = {
    "china": ("kitai", "kitae", "kitaia", "kitaiu", "kitt", "kitai"),
    "chinese": ("kitai",),
    "beijing": ("pekin", "beijin"),
    "moscow": ("moskv",),
    "russia": ("rosi", "resei", "rusia"),
    "russian": ("rosi", "rus", "resei", "orus"),
    "us": ("sša", "sha", "aks", "akš", "amerik", "soedinenie"),
    "usa": ("sha", "aks", "amerik"),
    "america": ("amerik", "sha", "aks"),
    "american": ("amerik", "sha", "aks"),
    "united": ("soedin", "kuram", "birikk", "sha", "aks"),
    "states": ("štat", "stat", "sha", "aks"),
    "uk": ("velikobrit", "ulibrit", "ulubrit", "britan"),
    "britain": ("velikobrit", "ulibrit", "ulubrit", "britan"),
    "british": ("brit", "velikobrit", "ulibrit", "ulubrit"),
    "eu": ("es", "eo", "evrosoiuz", "evroodak", "evropa"),
    "europe": ("evrop", "europ"),
    "european": ("evrop",),
    "germany": ("german", "nemec", "germ"),
    "german": ("nemec", "german"),
    "japan": ("iaponi", "japoni", "japon"),
    "japanese": ("iapon", "japon"),
    "turkey": ("turci", "turki", "turkia"),
    "greece": ("greci", "grek"),
    "india": ("indi",),
    "new": ("nov", "jana", "jan", "jaŋ"),
    "zealand": ("zeland",),
    "north": ("sever", "soltust", "tundk"),
    "south": ("iuj", "ontust", "tušt", "tust"),
    "korea": ("kore",),
    "kazakhstan": ("kazah", "kazak"),
    "kyrgyzstan": ("kirg", "kirgiz", "kirgi"),
}
#: Capitalised English words of names that translations render word for word (Supreme Court →
#: Жоғарғы Сот), nationalities and parties: no spelling of theirs is expected in the source.
TITLE_WORDS = frozenset(
    [
        "academy",
        "agency",
        "airport",
        "alliance",
        "assembly",
        "association",
        "authority",
        "bank",
        "board",
        "bureau",
        "cabinet",
        "campaign",
        "center",
        "centre",
        "championship",
        "channel",
        "church",
        "city",
        "club",
        "coalition",
        "college",
        "commission",
        "committee",
        "company",
        "conference",
        "congress",
        "corporation",
        "council",
        "county",
        "court",
        "cup",
        "department",
        "district",
        "embassy",
        "federation",
        "festival",
        "force",
        "forces",
        "foundation",
        "founder",
        "front",
        "fund",
        "games",
        "government",
        "guard",
        "hall",
        "house",
        "institute",
        "island",
        "islands",
        "league",
        "library",
        "ministry",
        "movement",
        "museum",
        "nations",
        "network",
        "news",
        "office",
        "ocean",
        "organization",
        "organisation",
        "palace",
        "park",
        "parliament",
        "party",
        "police",
        "post",
        "prize",
        "province",
        "republic",
        "river",
        "school",
        "sea",
        "senate",
        "service",
        "society",
        "square",
        "state",
        "states",
        "station",
        "street",
        "summit",
        "times",
        "tribunal",
        "union",
        "university",
        "war",
        "world",
        "american",
        "americans",
        "british",
        "chinese",
        "democrat",
        "democrats",
        "democratic",
        "european",
        "europeans",
        "french",
        "german",
        "germans",
        "muslim",
        "muslims",
        "republican",
        "republicans",
        "russian",
        "russians",
        "western",
        "eastern",
        "northern",
        "southern",
        "east",
        "west",
        "north",
        "south",
        "famer",
        "general",
        "supreme",
        "united",
        "national",
        "federal",
    ]
)
_EXONYMS = {fold(k): v for k, v in EXONYMS.items()}
_VOWEL = re.compile(r"[aeiouy]+")


def _skeleton(key: str) -> str:
    """Consonants of a folded name, with letters that scripts render differently merged
    (Trump ~ Трамп, Texas ~ Техас, Warren ~ Уоррен)."""
    key = re.sub(r"^u(?=[aeo])", "v", key)
    key = re.sub(r"c(?=[eiy])", "s", key)
    for a, b in (("ks", "h"), ("x", "h"), ("ck", "k"), ("c", "k"), ("q", "k"), ("w", "v"),
                 ("ph", "f"), ("z", "s"), ("j", "g"), ("th", "t"), ("h", "g")):  # fmt: skip
        key = key.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", _VOWEL.sub("", key))


def _source_keys(source: str) -> list[str]:
    """Folded spellings of every source word (romanised when Cyrillic)."""
    keys = (fold(transliterate(w)) for w in _WORD.findall(source) if len(w) > 1)
    return [k for k in keys if len(k) > 1]


def _similar(key: str, other: str) -> bool:
    if key == other or (min(len(key), len(other)) >= 4 and other.startswith(key[:4])):
        return True
    a, b = _skeleton(key), _skeleton(other)
    if len(a) < 3 or len(b) < 3:
        return a == b
    b = b[: len(a) + 1]
    return a == b or b.startswith(a) or (len(a) >= 4 and fuzz.ratio(a, b) >= 67)


def _in_source(word: str, keys: list[str]) -> bool:
    key = fold(word)
    if len(key) < 2:
        return True
    if any(k.startswith(e) for e in _EXONYMS.get(key, ()) for k in keys):
        return True
    return any(_similar(key, k) for k in keys)


def _english_name_words(translation: str) -> list[tuple[str, tuple[int, int]]]:
    out = []
    for mention in find_names(translation):
        if mention.span is None:
            continue
        parts = [w for w in _WORD.findall(mention.text) if w[0].isupper() and len(w) > 1]
        if parts:
            out.append((re.sub(r"['’]s$", "", parts[-1]), mention.span))
    return out


_SRC_NAME = re.compile(r"(?<=[\w,;:)»\"] )[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]+")


_FIRST_NAME = re.compile(
    r"^[«\"“(]?([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]*(?:ов|ев|ин|ова|ева|ина|ұлы|улы|уулу|кызы|қызы)"
    r"(?:а|у|ым|ом|ой|е|ы|ге|ке|қа|ға|ка|га|ның|нің|тың|тің|дың|дің|дын|дин|ды|ді|ны|ні)?"
    r"(?!\w)|[A-Z][a-z][\w\-]+)"
)


def _source_names(source: str) -> list[re.Match[str]]:
    """Capitalised words of the source that do not open a sentence (kk/ky/ru capitalise only
    names there), and an opening word that looks like a name (a surname ending, Latin script,
    or another capitalised word follows)."""
    first = _FIRST_NAME.match(source)
    found = ([first] if first else []) + list(_SRC_NAME.finditer(source))
    return [m for m in found if not _ACRONYM.fullmatch(m.group())]


#: Acronyms (США, ФБР, PTSD) are left out on both sides: their letters differ across languages.
_ACRONYM = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,6}(?:-\w+)?")


def detect_names(ctx: FaithContext) -> list[FaithIssue]:
    """Names of the translation with no spelling variant in the source, when a source name is
    also left without an English counterpart (a swap leaves a trace on both sides; a name that
    was translated word for word, "Ring of Fire", leaves none in the source's names)."""
    keys = _source_keys(ctx.source)
    en_keys = [fold(w) for w in _WORD.findall(ctx.translation) if len(w) > 1 and w[0].isupper()]
    unmatched_src = [
        m for m in _source_names(ctx.source)
        if not any(_similar(fold(transliterate(m.group())), k) for k in en_keys)
        and not any(fold(transliterate(m.group())).startswith(e)
                    for k in en_keys for e in _EXONYMS.get(k, ()))
    ]  # fmt: skip
    out: list[FaithIssue] = []
    for head, span in _english_name_words(ctx.translation):
        if _ACRONYM.fullmatch(head) or head.lower() in TITLE_WORDS or _in_source(head, keys):
            continue
        twin = unmatched_src[0] if unmatched_src else None
        if twin is None:
            continue
        out.append(
            issue("name", ctx.source, ctx.translation, twin.span() if twin else None, span,
                  f"name {ctx.translation[span[0]:span[1]]!r} has no counterpart in the source"
                  + (f" (the source names {twin.group()!r})" if twin else ""))
        )  # fmt: skip
    return out


def detect_labels(ctx: FaithContext) -> list[FaithIssue]:
    """Loaded labels on one side whose category the other side does not use ("бандиты" →
    "protesters"; "people" → "terrorists")."""
    src_hits = find_labels(ctx.source, ctx.lexicon)
    tr_hits = find_labels(ctx.translation, ctx.lexicon)
    src_cats = categories_in(ctx.source, ctx.lexicon)  # nested too: "foreign terrorists"
    tr_cats = categories_in(ctx.translation, ctx.lexicon)
    out: list[FaithIssue] = []
    for h in tr_hits:
        if h.loaded and h.category not in src_cats:
            twin = next((s for s in src_hits if not s.loaded), None)
            out.append(
                issue("label", ctx.source, ctx.translation,
                      (twin.start, twin.end) if twin else None, (h.start, h.end),
                      f"loaded label ({h.category}) not in the source"
                      + (f", which says {twin.text!r}" if twin else ""))
            )  # fmt: skip
    for h in src_hits:
        if h.loaded and h.category not in tr_cats:
            twin = next((t for t in tr_hits if not t.loaded), None)
            out.append(
                issue("label", ctx.source, ctx.translation, (h.start, h.end),
                      (twin.start, twin.end) if twin else None,
                      f"the source's loaded label ({h.category}) is "
                      + (f"neutralised as {twin.text!r}" if twin else "missing"))
            )  # fmt: skip
    return out
