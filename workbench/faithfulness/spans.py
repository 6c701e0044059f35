"""Span checks that compare what both sides mention: figures, names, loaded labels.

Figures use the diff stage's normaliser ("20 тысяч" = 20,000 = "20 мың"); names its
cross-script folding (Токаев ~ Tokayev); labels its four-language framing lexicon.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from rapidfuzz import fuzz

from workbench.faithfulness.acronyms import is_acronym
from workbench.faithfulness.base import FaithContext, issue
from workbench.faithfulness.diffapi import (
    EN_WORDS,
    KK_WORDS,
    KY_WORDS,
    ORDINAL_END,
    TURKIC_ENDINGS,
    TURKIC_NUMBER_ENDINGS,
    BiLexicon,
    Figure,
    Lexicon,
    categories_in,
    english_stem,
    find_figures,
    find_labels,
    find_names,
    fold,
    load_bilexicon,
    may_be_name,
    russian_lemma,
    russian_pos,
    sign_money,
    transliterate,
    turkic_forms,
    turkic_stems,
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


#: The Russian roots of :data:`NUMBER_ROOTS`; the others are Kazakh and Kyrgyz. A source is
#: read with its own language's roots only: «бесплатно» holds no «бес» "five", nor the pronoun
#: «он» a kk/ky «он» "ten".
_RU_ROOTS = frozenset({
    "один", "одн", "перв", "два", "двух", "две", "дву", "втор", "оба", "обе", "пар", "три", "тр",
    "трет", "четыр", "четв", "пят", "шест", "сем", "седьм", "восем", "восьм", "девят", "десят",
    "двенадцат", "дюжин", "двадцат", "сто", "сот",
})  # fmt: skip
#: kk/ky roots of :data:`NUMBER_ROOTS` that are no cardinal: an ordinal (биринчи "first") goes
#: on only as a word (:func:`_turkic_tail`), «алғаш» "first" also with «-қы», «қос»/«кош»
#: "pair" stands alone (қосу, кошту "add" are verbs).
_TURKIC_ORDINAL_ROOTS = {"биринчи": "", "алғаш": "(?:қы)?"}
_TURKIC_WORD_ONLY = frozenset({"қос", "кош"})
#: kk/ky number roots whose case forms are other words: those of «он» are the pronoun's
#: (онда "there", ондай "such", ондағы "the one there"), those of «бір»/«бир» adverbs (бірге
#: "together", бірден "at once", бірдей "same", бирде "once").
_TURKIC_NO_CASE = frozenset({"он", "бір", "бир"})
#: kk/ky number roots whose possessive is another word: «оны» "it", «жүзі» "face, surface" (жер
#: жүзінде "worldwide").
_TURKIC_NO_POSSESSIVE = frozenset({"он", "жүз"})


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, the longest first."""
    return "|".join(sorted(words, key=len, reverse=True))


def _turkic_tail(src: str) -> str:
    """What may follow a kk/ky numeral's ordinal or collective: a plural, a possessive (with
    its «-с-»), a case ending (with the possessive's «-н-»): біріншісі, экинчисин,
    бирөөсүнүн, үшіншісінде, биринчилерден."""
    poss = "[ыі]" if src == "kk" else "[ыиуү]"
    case = _alternation(TURKIC_NUMBER_ENDINGS[src])
    return rf"(?:[лдт][аеоө]р)?(?:с?{poss})?(?:н?(?:{case})|н)?"


@functools.cache
def _turkic_numeral(src: str, root: str) -> re.Pattern[str]:
    """The words of a kk/ky number root: the root, then nothing, a hyphenated ending (5-і), an
    ordinal (үшінші, жетинчи, жыйырманчы) or a collective (бесеуі, бирөө; a root's last vowel
    gives way: алтау, экөө), each with a tail (:func:`_turkic_tail`). A cardinal also takes a
    possessive vowel (он бесі, бірі "one of them"; not where that is another word:
    :data:`_TURKIC_NO_POSSESSIVE`) or a case ending of the diff stage's
    (:data:`TURKIC_NUMBER_ENDINGS`: бестен, жетиде, үштен; «-на», «-нда», «-нан» only after a
    possessive, so «алтында» "in gold" is none; not where the case forms are other words:
    :data:`_TURKIC_NO_CASE`). A word that goes on otherwise is another word: жетиш- "reach",
    жетістік "success", үшін "for", бірақ "but", бірнеше "several", алтын "gold", екіталай
    "doubtful"."""
    tail = _turkic_tail(src)
    if root in _TURKIC_WORD_ONLY:
        return re.compile(re.escape(root) + r"(?:-\w*)?")
    if root in _TURKIC_ORDINAL_ROOTS:
        return re.compile(re.escape(root) + _TURKIC_ORDINAL_ROOTS[root] + tail)
    poss = "[ыі]" if src == "kk" else "[ыиуү]"
    ordinal = r"[ыіиуү]?н[шч][ыіиуү]"
    collective = r"(?:[еа]у|оо|өө)"
    forms = [rf"{re.escape(root)}(?:-\w*|{ordinal}{tail}|{collective}{tail})?"]
    if root[-1] in "аеыіиуүоөэ":
        forms.append(rf"{re.escape(root[:-1])}{collective}{tail}")
    endings = TURKIC_NUMBER_ENDINGS[src]
    own = []
    if root not in _TURKIC_NO_POSSESSIVE:  # бесі, бесінде, бірімен; not үшін "for", біріге
        after = [e for e in endings if e[0] == "н" or e.startswith("мен")]
        after += ["н" + e for e in endings if e[0] in "дт"]
        own.append(rf"{poss}(?:{_alternation(after)})?")
    if root not in _TURKIC_NO_CASE:
        own.append(_alternation(e for e in endings if not (e[0] == "н" and e[1] in "аеоөдт")))
    if own:
        forms.append(rf"{re.escape(root)}(?:{'|'.join(own)})")
    return re.compile("|".join(forms))


def _word_in_source(fig: Figure, source: str, src: str) -> bool:
    """An English number word whose value the source spells as a word (any case or compound):
    a Russian word that begins with a root of the value (двухчасового, пятый), a kk/ky word of
    a root and a numeral's ending (:func:`_turkic_numeral`)."""
    roots = NUMBER_ROOTS.get(int(fig.value)) if fig.value == int(fig.value) else None
    if not roots:
        return False
    roots = tuple(r for r in roots if (r in _RU_ROOTS) == (src == "ru"))
    low = source.lower()
    if any(" " in r and r in low for r in roots):
        return True
    words = _WORD.findall(low)
    if src == "ru":
        return any(w.startswith(roots) for w in words)
    return any(
        _turkic_numeral(src, r).fullmatch(w) is not None
        for w in words
        for r in roots
        if " " not in r
    )


_RUN = re.compile(r"\d+(?:[,.\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_TIME = re.compile(
    r"\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\.\d{2}\s?[ap]\.?m\.?|\d{1,2}\s?[ap]\.?m\.?(?!\w)",
    re.I,
)
_ROMAN = re.compile(r"(?<![\w-])(?=[IVXL]{1,6}(?![\w]))(L?X{0,3})(IX|IV|V?I{0,3})(?![\w])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
#: Unit conversions a translation may make (km→miles, kg→pounds, cm→inches, m→yards/feet, °C).
_CONVERSIONS = (1.609, 2.2046, 2.54, 1.0936, 3.2808, 0.4536, 0.3048)
#: How far a converted figure may be rounded (27 m ~ 30 yards is 1.5 % off).
_TOLERANCE = 0.05


def _digits(text: str) -> set[str]:
    """Every run of digits of ``text``, whole (separators removed) and in pieces."""
    out: set[str] = set()
    for m in _RUN.finditer(text):
        out.add(re.sub(r"[,.\u00a0\u202f ]", "", m.group()))
        out.update(re.findall(r"\d+", m.group()))
    return out


def _whole_runs(text: str) -> set[str]:
    """Every run of digits of ``text`` as a whole number (separators removed)."""
    return {re.sub(r"[,.\u00a0\u202f ]", "", m.group()) for m in _RUN.finditer(text)}


def _digits_in_source(fig: Figure, src_digits: set[str], src_whole: set[str]) -> bool:
    """The figure's digits stand in the source: as a whole number ("8" only where the source
    has an 8 of its own, not a piece of 1980), or, for a figure of several pieces (a date or
    a range parsed differently on each side), every piece."""
    pieces = re.findall(r"\d+", fig.text)
    if len(pieces) > 1:
        return set(pieces) <= src_digits
    return bool(_whole_runs(fig.text) & src_whole)


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


@functools.lru_cache(maxsize=256)
def _time_positions(text: str) -> frozenset[int]:
    """Every character position of ``text`` inside a time of day (read once per text: a line
    of many figures must not re-scan the line for each figure)."""
    return frozenset(i for m in _TIME.finditer(text) for i in range(m.start(), m.end()))


def _in_time(text: str, fig: Figure) -> bool:
    """``fig`` starts inside a time of day of ``text`` (15:00, 3 p.m.)."""
    return fig.start in _time_positions(text)


#: Units an English translation converts to or from (after the figure).
_UNIT = re.compile(
    r"(?<![^\d\s-])\s?-?(?:miles?|mi|mph|km|kilomet\w+|kg|kilo\w*|pounds?|lbs?|inch\w*|cm|centimet\w+|"
    r"feet|foot|ft|yards?|yd|met(?:re|er)s?|m|°[CF]?|degrees?|fahrenheit|celsius)(?!\w)",
    re.I,
)


#: The other end of a range before its unit ("2 to 4 inches", "5–10 см").
_RANGE_END = re.compile(r"\s*(?:to|-|–|—|and)\s*\d[\d.,]*", re.I)
_DEGREES = re.compile(r"\s?(?:°F?|degrees?|fahrenheit)(?!\w)", re.I)


#: Units of length, speed and weight in the four languages, by what they measure in (a
#: figure and its conversion have different units; the same unit on both sides is the same
#: figure: "105 miles" ~ «105 миль», so "95 miles" is no conversion of it). A form ending in
#: ``*`` is a prefix (case endings: «милях», «дюймга»), the others whole words.
_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "mile": ("mile*", "mi", "mph", "миля*", "миль*", "мили", "милю"),
    "km": ("km", "kilomet*", "kph", "км*", "километр*", "шақырым*", "чакырым*"),
    "kg": ("kg", "kilogram*", "кг", "килограм*"),
    "pound": ("pound*", "lb", "lbs", "фунт*"),
    "inch": ("inch*", "дюйм*"),
    "cm": ("cm", "centimet*", "см", "сантиметр*"),
    "foot": ("feet", "foot", "ft", "фут", "фута", "футов", "футах", "футқа", "футка", "футтан"),
    "yard": ("yard*", "yd", "ярд*"),
    "metre": ("m", "metre*", "meter*", "м", "метр", "метра", "метров", "метрах", "метрге",
              "метрден", "метрлик", "метрлік"),
}  # fmt: skip
_UNIT_AFTER = re.compile(
    r"\w*\s*(?:(?:[-–—]|to|and|до|и|мен|менен)?\s*\d[\d.,]*\w*\s*)?-?\s*([^\W\d_]+)", re.I
)


def unit_of(fig: Figure, text: str) -> str | None:
    """The unit written after ``fig`` (or after the other end of its range, «2ден 3 дюймга»):
    a key of :data:`_UNIT_WORDS`, or None when the next word is no unit this table knows.
    Whole words and prefixes as :data:`_UNIT_WORDS` lists them."""
    if sign_money(fig, text):
        return None  # "£135m" is 135 million pounds, no 135 metres
    own = re.search(r"\d[\s-]?([^\W\d_]+)$", fig.text)  # "90kg", "90-metre", «10 мың»
    after = _UNIT_AFTER.match(text, fig.end)
    for m in (own, after):
        word = m.group(1).lower() if m else ""
        for unit, forms in _UNIT_WORDS.items():
            if any(word == f or (f[-1] == "*" and word.startswith(f[:-1])) for f in forms):
                return unit
    return None


def _converted(
    fig: Figure, others: list[Figure], text: str, source: str | None = None
) -> Figure | None:
    """The source figure that ``fig`` converts (27 m ~ 30 yards; 2 to 4 inches ~ 5–10 см;
    80 degrees ~ 27 градусов, Fahrenheit for Celsius); only for a figure with a unit after it
    or after the other end of its range, and (given the ``source`` text) never from a figure
    in the same unit: "95 miles" is no conversion of «105 миль» (their ratio is a yard's to a
    metre's). Given the ``source``, a length or weight converts only a source figure whose
    unit the table knows (:func:`unit_of`): a bare «2» is no "5 inches" at the cm-to-inch ratio
    (a changed figure beside a misspelt «дюмга»). A sum of money converts nothing ("£135m"
    is no conversion of «£125 миллионго»)."""
    end = _RANGE_END.match(text, fig.end)
    unit_at = end.end() if end else fig.end
    if (
        fig.percent or sign_money(fig, text)
        or not (_UNIT.search(fig.text) or _UNIT.match(text, unit_at))
    ):  # fmt: skip
        return None
    fahrenheit = _DEGREES.match(text, unit_at) is not None
    unit = unit_of(fig, text)

    def converts(o: Figure) -> bool:
        if fahrenheit and abs(fig.value - (o.value * 1.8 + 32)) < 1:
            return True
        if source is not None and unit_of(o, source) in (None, unit):
            return False
        return any(
            abs(fig.value / o.value / c - 1) < _TOLERANCE
            or abs(o.value / max(fig.value, 1e-9) / c - 1) < _TOLERANCE
            for c in _CONVERSIONS
        )

    return next((o for o in others if o.value and converts(o)), None)


#: English number words ("two", "twelve") stand for small figures: a word figure is compared
#: with source figures up to this value only (not with a year or "2,8 млн").
_WORD_RANGE = 12


def _small(fig: Figure) -> bool:
    """A figure written with one number of at most :data:`_WORD_RANGE` («5 дней», not 1965)."""
    runs = re.findall(r"\d+", fig.text)
    return len(runs) == 1 and int(runs[0]) <= _WORD_RANGE


def _ratio_converted(fig: Figure, others: list[Figure]) -> bool:
    """``fig`` is a unit conversion of one of ``others`` (ratio within :data:`_TOLERANCE`)."""
    return any(
        o.value
        and fig.value
        and any(
            abs(fig.value / o.value / c - 1) < _TOLERANCE
            or abs(o.value / fig.value / c - 1) < _TOLERANCE
            for c in _CONVERSIONS
        )
        for o in others
    )


def _own_conversion(fig: Figure, figs: list[Figure], text: str) -> bool:
    """``fig`` stands in brackets and converts another figure of the same text, rounded
    (within 10 %: «10 дюймга (27см)»)."""
    if "(" not in text[max(0, fig.start - 2) : fig.start]:
        return False
    return any(
        o is not fig and o.value and fig.value
        and any(abs(fig.value / o.value / c - 1) < 0.1 or abs(o.value / fig.value / c - 1) < 0.1
                for c in _CONVERSIONS)
        for o in figs
    )  # fmt: skip


#: A clock time written with minutes (11:00, 08.46, 2:30 p.m., 0230 next to UTC is left out).
_CLOCK = re.compile(
    r"(?<![\d:])(?<!\d\.)(\d{1,2})[:.](\d{2})(?![\d:]|\.\d)(?:\s?([ap])\.?m\.?)?", re.I
)
#: A clock time without minutes in English ("6 p.m.", "10am").
_HOUR = re.compile(r"(?<![\d:])(?<!\d\.)(\d{1,2})\s?([ap])\.?m\.?(?!\w)", re.I)
#: A whole hour in English ("10 o'clock"): a clock time to compare with the source's clock
#: times («саат 10:00», «в 10:00»), morning or evening (session 13).
_OCLOCK = re.compile(r"(?<![\d:])(?<!\d\.)(\d{1,2})\s?o['’]\s?clock(?!\w)", re.I)


def _minutes(hour: int, minute: int, half: str | None) -> set[int]:
    """The minutes of the day a time may mean: 2:30 p.m. is 14:30; 2:30 alone is 2:30 or 14:30."""
    if half:
        h = hour % 12 + (12 if half.lower() == "p" else 0)
        return {h * 60 + minute}
    return {hour * 60 + minute, ((hour + 12) % 24) * 60 + minute}


#: Clock times of a text, each with its span and the minutes of the day it may mean.
_Times = list[tuple[tuple[int, int], set[int]]]


def _clock_times(text: str) -> _Times:
    """The clock times of ``text`` written with minutes (11:00, 08.46, 2:30 p.m.)."""
    return [
        (m.span(), _minutes(int(m.group(1)), int(m.group(2)), m.group(3)))
        for m in _CLOCK.finditer(text)
        if int(m.group(1)) < 24 and int(m.group(2)) < 60
    ]


def _english_times(text: str) -> _Times:
    """The English clock times of ``text`` (11:00, 2:30 p.m., 6 p.m., "10 o'clock"), each with
    its span and the minutes of the day it may mean."""
    return (
        _clock_times(text)
        + [
            (m.span(), _minutes(int(m.group(1)), 0, m.group(2)))
            for m in _HOUR.finditer(text)
            if int(m.group(1)) <= 12
        ]
        + [
            (m.span(), _minutes(int(m.group(1)) % 24, 0, None))
            for m in _OCLOCK.finditer(text)
            if int(m.group(1)) <= 24
        ]
    )


def _time_issues(ctx: FaithContext) -> list[FaithIssue]:
    """Clock times changed (:func:`_changed_times`) or lost (:func:`_lost_times`), when the
    source writes its times with minutes: both read the source's and the English times once."""
    src = _clock_times(ctx.source)
    if not src:
        return []
    english = _english_times(ctx.translation)
    return _changed_times(ctx, src, english) + _lost_times(ctx, src, english)


def _changed_times(ctx: FaithContext, src: _Times, english: _Times) -> list[FaithIssue]:
    """An English clock time that is none of the source's clock times ``src`` (11:00 → 14:00;
    2:30 p.m. ~ 14:30). A translation that moves a time to another time zone is flagged too;
    no human translation of the calibration half did (1,496 per language)."""
    known = set().union(*(times for _, times in src))
    out = []
    for span, times in english:
        if times & known:
            continue
        out.append(
            issue("number", ctx.source, ctx.translation, None, span,
                  f"time {ctx.translation[span[0]:span[1]]!r} is none of the source's times")
        )  # fmt: skip
    return out


#: English words for the two clock times that have no figure: noon (12:00) and midnight (0:00).
_NOON = re.compile(r"(?<!\w)(?:noon|midday|midnight)(?!\w)", re.I)
#: A time written as four digits, with no separator ("0230 UTC", "1500 hours").
_MILITARY = re.compile(r"(?<![\d:.,])([01]\d|2[0-3])([0-5]\d)(?![\d:.,]\d|\d)")


def _lost_times(ctx: FaithContext, src: _Times, english: _Times) -> list[FaithIssue]:
    """Source clock times ``src`` (12:00, 08.46) that no English time renders (in any of its
    forms: 12:00, 12 p.m., "12 o'clock", noon, 1200): a time dropped with its clause ("between
    12:00 and 13:00" left as "13:00"). No human translation of the calibration half or dev
    drops one (2,251 lines per language; session 23)."""
    said: set[int] = set().union(*(times for _, times in english))
    for m in _MILITARY.finditer(ctx.translation):
        said |= _minutes(int(m.group(1)), int(m.group(2)), None)
    if _NOON.search(ctx.translation):
        said |= {0, 12 * 60}
    return [
        issue("number", ctx.source, ctx.translation, span, None,
              f"source time {ctx.source[span[0]:span[1]]!r} is missing from the translation")
        for span, times in src
        if not times & said
    ]  # fmt: skip


def _same_unit_left(fig: Figure, ctx: FaithContext, left: list[Figure]) -> bool:
    """A source figure in the unit of ``fig`` is left unmatched: ``fig`` is that figure changed,
    not a conversion of another ("1042 km (645 miles)" for «1040 км (645 миль)»)."""
    unit = unit_of(fig, ctx.translation)
    return unit is not None and any(unit_of(f, ctx.source) == unit for f in left)


def _run_counts(text: str) -> Counter[str]:
    """How often each whole run of digits stands in ``text`` (separators removed)."""
    return Counter(re.sub(r"[,.\u00a0\u202f ]", "", m.group()) for m in _RUN.finditer(text))


def _more_often(
    fig: Figure,
    counts: tuple[Counter[str], Counter[str]],
    left: list[Figure],
    romans_left: set[float] | frozenset[float] = frozenset(),
) -> bool:
    """A one-number figure (2, 5.6, 1,200) whose digits the translation writes more often than
    the source, while a source figure is left unmatched: "2 goals and 5 assists in a 5-3 win"
    for «5:3 … 2 гол … 2 пас» is a changed 2, not a second 5 (the digits standing somewhere in
    the source are no match for each of their copies). A Roman numeral no English figure took
    is such a figure: "the 12th century" beside "12 km" for «12 км … IX века»."""
    runs = [re.sub(r"[,.\u00a0\u202f ]", "", m.group()) for m in _RUN.finditer(fig.text)]
    if len(runs) != 1:
        return False  # a date or a range: parsed differently on each side
    run = runs[0]
    return counts[0][run] > counts[1][run] and (
        any(_DIGIT.search(f.text) and not f.vague for f in left) or bool(romans_left)
    )


#: What stands between a figure and its conversion in brackets: its unit, the bracket ("45 miles
#: (", "300 km (").
_TO_BRACKET = re.compile(r"\s*-?\s*[^\W\d_]{1,12}\.?\s*\(\s*$")


def _stated_conversion(fig: Figure, paired: list[Figure], text: str) -> bool:
    """``fig`` and a figure the source has (``paired``) are one quantity in two units, one in
    brackets after the other ("25 miles (72 kilometers)" for «72 км»), and ``fig`` is no
    conversion of it, even rounded as a writer rounds their own conversion (10 %, as
    :func:`_own_conversion`: "six meters (18 feet)" is 19.7 feet): the translation states the
    figure changed."""
    for other in paired:
        first, second = (fig, other) if fig.start < other.start else (other, fig)
        if not _TO_BRACKET.match(text[first.end : second.start]) or not other.value:
            continue
        return not any(
            abs(fig.value / other.value / c - 1) < 0.1 or abs(other.value / fig.value / c - 1) < 0.1
            for c in _CONVERSIONS
        )
    return False


def _masked(text: str, figs: list[Figure]) -> str:
    """``text`` with the spans of ``figs`` blanked out (the same length, so offsets hold)."""
    for f in figs:
        text = text[: f.start] + " " * (f.end - f.start) + text[f.end :]
    return text


#: A Kazakh or Kyrgyz hour spelled in words after a time-of-day word: «саат түшкү экиде» "at
#: two in the afternoon", «кечки саат жетиге» "by seven in the evening", «сағат он бірде» "at
#: eleven" (the number word, and the one after it for a compound of ten).
_SPELLED_HOUR = re.compile(
    r"(?<!\w)(?:(?:саат|сағат|түшкү|түскі|таңкы|таңғы|кечки|кешкі|түнкү|түнгі)\s+)+"
    r"(\w+)(?:\s+(\w+))?",
    re.I,
)


def _hour_word(words: Iterable[str]) -> re.Pattern[str]:
    """A kk/ky number word of ``words`` as a whole word with the endings an hour takes: a
    plural and a case ending (:func:`turkic_forms`, the diff stage's rule for unit words;
    «бирде», «экилерде», «жетиге», «үштен», «он бірде»). Only endings that start with a
    consonant: a number word that goes on with a vowel or another letter is another word
    («үшін»/«үчүн» "for", «оның»/«онун» "his", «алтын» "gold", «бірақ» "but", «жетіп»
    "reaching", «алтымыш» 60), not an hour."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    form = turkic_forms(f"(?:{alternation})", first="лдтгғкқн", deriv=False)
    return re.compile(form, re.I)


#: kk/ky units 1–9 as hours (:func:`_hour_word`): the number words of the diff stage
#: (:data:`workbench.diff.numbers.KK_WORDS`, ``KY_WORDS``), one home for them; and ten.
_HOUR_UNITS = tuple(
    (v, _hour_word(w for w, x in {**KK_WORDS, **KY_WORDS}.items() if x == v)) for v in range(1, 10)
)
_HOUR_TEN = _hour_word(["он"])


#: kk/ky ordinal number words: a cardinal of the diff stage's tables (up to 90) with the ordinal
#: suffix and a case ending (бірінші, екінші, алтыншы, қырқыншы; биринчи, үчүнчү, онунчу),
#: after a tens word for a compound («жиырма бесінші» 25th); not the adverbs in -ден/-дан
#: (біріншіден, экинчиден "firstly, secondly").
def _ordinal_stem(word: str) -> str:
    return word[:-2] + word[-1] if word.endswith(("ық", "ык")) else word


_TENS = {w: int(v) for w, v in {**KK_WORDS, **KY_WORDS}.items() if v in range(10, 100, 10)}
_CARDINALS = {_ordinal_stem(w): int(v) for w, v in {**KK_WORDS, **KY_WORDS}.items() if 1 <= v <= 90}
_ORDINAL = re.compile(
    r"(?<!\w)(?:(?P<tens>" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")\s+)?"
    r"(?P<stem>" + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + r")"
    r"с?[ыіиуү]?н(?:шы|ші|чи|чы|чу|чү)(?!д[аеыі]н|т[аеыі]н)\w*",
    re.I,
)


def _ordinal_figures(source: str, src: str) -> list[Figure]:
    """Figures a kk/ky source writes as ordinal words: «айдын биринчи күнү» 1, «жиырма
    бесінші» 25, and with a month after it a date («биринчи октябрда» 1 October, read by the
    diff stage's date reader with the word written as its digits, in place)."""
    if src not in ("kk", "ky"):
        return []
    found: list[tuple[int, int, int]] = []
    text = source
    for m in _ORDINAL.finditer(source):
        value = _CARDINALS[m.group("stem").lower()] + _TENS.get((m.group("tens") or "").lower(), 0)
        digits = str(value)
        if len(digits) > m.end() - m.start():
            continue
        found.append((m.start(), m.end(), value))
        text = text[: m.start()] + digits.ljust(m.end() - m.start()) + text[m.end() :]
    if not found:
        return []
    dates = {
        f.start: dataclasses.replace(f, text=source[f.start : f.end])
        for f in find_figures(text, src)
        if f.unit == "date"
    }
    return [dates.get(a) or Figure(source[a:b], a, b, float(value)) for a, b, value in found]


def _hour_unit(word: str | None) -> int | None:
    """The unit a kk/ky number word with its ending spells as an hour (1–9), or None."""
    return next((v for v, r in _HOUR_UNITS if word and r.fullmatch(word)), None)


def _spelled_hours(source: str, src: str) -> list[tuple[int, tuple[int, int]]]:
    """The hours a kk/ky source spells in words after a time-of-day word, with their spans."""
    if src not in ("kk", "ky"):
        return []
    out = []
    for m in _SPELLED_HOUR.finditer(source):
        first, second = m.group(1), m.group(2)
        if _HOUR_TEN.fullmatch(first):
            unit = _hour_unit(second) if first.lower() == "он" else None
            out.append((10 + (unit or 0), m.span(1) if unit is None else (m.start(1), m.end(2))))
        elif (unit := _hour_unit(first)) is not None:
            out.append((unit, m.span(1)))
    return out


def _changed_hours(
    ctx: FaithContext, src_counts: Counter[str], left: list[Figure]
) -> list[FaithIssue]:
    """English hours of the day ("7 a.m.", "2pm") whose hour the source writes in no form
    («таңғы 7», «в 19 часов», «саат экиде»), while the source writes a small figure in digits
    that no English figure matched (``left``) or spells an hour in words after a time-of-day
    word («саат түшкү экилерде», :func:`_spelled_hours`): a changed hour. Times with minutes
    are :func:`_time_issues`' (when the source writes its times with minutes, nothing here)."""
    others = [f for f in left if _small_hour(f)]
    spelled = [] if others else _spelled_hours(ctx.source, ctx.src)
    if not (others or spelled) or _CLOCK.search(ctx.source):
        return []
    where, what = (
        ((others[0].start, others[0].end), others[0].text) if others
        else (spelled[0][1], ctx.source[spelled[0][1][0] : spelled[0][1][1]])
    )  # fmt: skip
    said = {h for h, _ in spelled}
    out = []
    for m in _HOUR.finditer(ctx.translation):
        hour = int(m.group(1))
        if not 1 <= hour <= 12:
            continue
        hours = {hour % 12, hour % 12 + 12, hour}
        if (
            src_counts.keys() & {str(h) for h in hours}
            or hours & said
            # a spelled hour is read whole («он бірде» is 11, not the 10 of «он»)
            or others
            and any(
                _word_in_source(Figure(str(h), 0, 0, float(h)), ctx.source, ctx.src) for h in hours
            )
        ):
            continue
        out.append(
            issue("number", ctx.source, ctx.translation, where, m.span(),
                  f"hour {m.group()!r} is none of the source's figures (source: {what!r})")
        )  # fmt: skip
    return out


def _small_hour(fig: Figure) -> bool:
    """A source figure in digits that may be an hour of the day (one number, 0–24)."""
    runs = re.findall(r"\d+", fig.text)
    return len(runs) == 1 and int(runs[0]) <= 24 and not fig.vague


#: A number glued by a hyphen to a capitalised name in the source («Формула-1», COVID-19,
#: Су-27): the diff stage's normaliser reads it as part of the name, not as a figure.
_NAME_NUMBER = re.compile(r"(?<![\w-])[^\W\d_]*[A-ZА-ЯЁ][^\W\d_]*-(\d+)(?![\d.,]\d|\w)")


def _name_number_left(source: str, translation: str) -> bool:
    """The source glues a number to a name («Формула-1») whose digits the translation writes
    nowhere: the name's number is a source figure left over, so an English figure with no
    equal ("Formula 4") is that number changed, as a figure left is (strong), not a figure the
    source spells some unread way (weak)."""
    en = _digits(translation)
    return any(m.group(1) not in en for m in _NAME_NUMBER.finditer(source))


def _digits_with_unit(fig: Figure) -> bool:
    """A figure of several digit groups or a decimal (1,200; 2.5), which no number word of
    the source spells; a small whole number ("2 hour", "24-hour") may be one."""
    return bool(re.search(r"\d[,.]\d", fig.text)) or fig.value >= 100


def detect_numbers(ctx: FaithContext) -> list[FaithIssue]:
    """Translation figures with no equal value in the source (changed or added), and source
    figures of two or more digits that the translation lost (dropped).

    Equal figures are paired first. A figure written in digits then counts as present when the
    source has the same digits (dates, ranges and "340 million" vs "от 340 до 500 миллионов"
    are parsed differently on each side) no less often than the translation while a source
    figure is left (:func:`_more_often`), or a unit conversion of a source figure in another
    unit (27 m ~ 30 yards; :func:`unit_of`); an hour of the day counts against the source's
    figures (:func:`_changed_hours`), clock times against its clock times (15:00 ~ 3 p.m.);
    English number words count only against a source figure they contradict. A kk/ky ordinal
    word is a source figure («жиырма бесінші» 25, «биринчи октябрда» 1 October:
    :func:`_ordinal_figures`). A
    small figure in digits counts as present when the source spells its value in a word
    ("2 hour" ~ «двухчасового») and no other English figure took that word. Figures pair by
    form over the whole line before any pair across forms (digits with digits, words with
    words), and a figure in digits whose only equal is a source number word is the changed
    figure of a source figure in digits left over ("3-4" for «3-1 … төрт топ»). Strong
    (severity 1): a figure in digits where the source has a figure (or a Roman numeral) left
    unmatched or where the English states its own conversion of a paired figure and it does not
    fit ("25 miles (72 km)"), a source figure of two or more digits the translation lost, and a
    source quantity of one digit with no counterpart anywhere in the English
    (:func:`_quantity_lost`: «2 миллиарда тенге» dropped with its clause); weak: a figure where
    the source has none left (a number the source spells in a way the normaliser does not
    read), a number word.
    """
    src_figs = [
        f
        for f in find_figures(ctx.source, ctx.src)
        if not _in_time(ctx.source, f)
        and f.unit != "time"
        and ctx.source[max(0, f.start - 2) : f.start] != "&#"
    ]  # fmt: skip (a time is read by _time_issues; an HTML entity «&#39;» is no figure)
    ordinals = _ordinal_figures(ctx.source, ctx.src)
    src_figs += ordinals
    src_digits = _digits(ctx.source)
    src_whole = _whole_runs(ctx.source)
    romans = _roman(ctx.source)
    left = list(src_figs)
    out: list[FaithIssue] = _time_issues(ctx)
    unmatched = []
    # "10 o'clock" is a clock time where the source writes clock times (read by _time_issues)
    oclock = (
        {m.start() for m in _OCLOCK.finditer(ctx.translation)}
        if _CLOCK.search(ctx.source)
        else set()
    )
    compared = [
        f
        for f in find_figures(ctx.translation, "en")
        if not _in_time(ctx.translation, f) and f.start not in oclock
    ]
    # equal figures first, then the rest; a figure pairs with one written the same way first
    # (digits with digits, a word with a word), over the whole line before any pairs across
    # forms: "two vans" takes «два», not the «2» of «в 2 часа дня» that "5pm" contradicts, and
    # "four months" takes «төрт ай» before the changed "4th day" can
    cross: list[Figure] = []
    paired: list[Figure] = []
    for fig in compared:
        form = bool(_DIGIT.search(fig.text))
        match = next(
            (f for f in left if _same(fig, f) and bool(_DIGIT.search(f.text)) == form), None
        )
        if match is not None:
            left.remove(match)
            paired.append(fig)
        else:
            cross.append(fig)
    across: list[tuple[Figure, Figure]] = []
    for fig in cross:
        match = next((f for f in left if _same(fig, f)), None)
        if match is not None:
            left.remove(match)
            across.append((fig, match))
        else:
            unmatched.append(fig)
    # a figure in digits whose only equal is a source cardinal word, while a source figure in
    # digits is left unmatched, renders that figure changed ("3-4" for «3-1 … төрт топ»
    # "fourballs"): digits stay digits in translation (an ordinal word is often written in
    # digits: "Category 1" for «биринчи категория»; a source hour an English time renders is
    # no figure left: «саат 5те» ~ "5 a.m.")
    times = {int(m.group(1)) % 12 for m in _HOUR.finditer(ctx.translation)}
    contested: list[Figure] = []
    if any(
        _DIGIT.search(f.text)
        and not f.vague
        and not (_small_hour(f) and int(f.value) % 12 in times)
        for f in left
    ):
        for fig, match in across:
            if _DIGIT.search(fig.text) and not _DIGIT.search(match.text) and match not in ordinals:
                left.append(match)
                contested.append(fig)
    unmatched += contested
    # a source number word another English figure took renders that figure, not this one
    spelled = _masked(
        ctx.source, [f for f in src_figs if f not in left and not _DIGIT.search(f.text)]
    )
    # a Roman numeral of the source (a century) is a source figure until a figure takes it
    romans_left = romans - {f.value for f in compared}
    counts = _run_counts(ctx.translation), _run_counts(ctx.source)
    out += _changed_hours(ctx, counts[1], left)
    # figures in digits before number words: a source figure left over goes to the figure
    # written as one ("Channel 8" for «5-арнада»), not to a word the source spells its own way
    # ("six" for «алтауы»)
    # ("82 kilometers" for «72км» takes it before "45 miles" converts it: a figure in the unit of
    # a source figure left over goes first)
    for fig in sorted(
        unmatched,
        key=lambda f: (not _DIGIT.search(f.text), not _same_unit_left(f, ctx, left)),
    ):
        has_digits = bool(_DIGIT.search(fig.text))
        converted = (
            _converted(fig, src_figs, ctx.translation, ctx.source)
            if has_digits and not _same_unit_left(fig, ctx, left)
            else None
        )
        if converted is not None:
            if converted in left:
                left.remove(converted)
            continue
        if has_digits and (
            (
                _digits_in_source(fig, src_digits, src_whole)
                and not _more_often(fig, counts, left, romans_left)
            )
            or fig.value in romans
        ):
            continue
        if (
            (not has_digits or not _digits_with_unit(fig))
            and fig not in contested
            and _word_in_source(fig, spelled, ctx.src)
        ):
            continue  # "2 hour" ~ «двухчасового»
        if not has_digits and fig.vague:
            continue
        near = [
            f for f in left
            if _DIGIT.search(f.text) and not f.vague and (has_digits or _small(f))
        ]  # fmt: skip
        if not has_digits and not near:
            continue
        out.append(
            issue("number", ctx.source, ctx.translation,
                  (near[0].start, near[0].end) if near else None, (fig.start, fig.end),
                  f"{_called(fig)} {fig.text!r} has no equal in the source"
                  + (f" (source: {near[0].text!r})" if near else ""),
                  1.0 if has_digits and (left or romans or _stated_conversion(fig, paired, ctx.translation)
                                         or _name_number_left(ctx.source, ctx.translation))
                  else 0.6)
        )  # fmt: skip
        if near:
            left.remove(near[0])
    en_digits = _digits(ctx.translation)
    en_figs = find_figures(ctx.translation, "en")
    en_hours = {
        int(m.group(1)) % 12 + (12 if m.group(2).lower() == "p" else 0)
        for m in _HOUR.finditer(ctx.translation)
    }
    for fig in left:
        digits = re.sub(r"\D", "", fig.text)
        if len(digits) >= 2 and not fig.vague and not _digits(fig.text) & en_digits:
            if _ratio_converted(fig, en_figs):
                continue  # «137 км/ч» beside "85 mph": the source converted, the translation did not
            if _own_conversion(fig, src_figs, ctx.source):
                continue  # «10 дюймга (27см)»: the source's own conversion, in brackets
            if _small_hour(fig) and int(digits) in en_hours:
                continue  # «в 19 часов» ~ "at 7 p.m."
            out.append(
                issue("number", ctx.source, ctx.translation, (fig.start, fig.end), None,
                      f"source {_called(fig)} {fig.text!r} is missing from the translation")
            )  # fmt: skip
        elif _quantity_lost(fig, ctx, en_figs, ordinals, src_figs):
            out.append(
                issue("number", ctx.source, ctx.translation, (fig.start, fig.end), None,
                      f"source {_called(fig)} {fig.text!r} has no counterpart in the translation")
            )  # fmt: skip
    return out


def _called(fig: Figure) -> str:
    """What a note calls ``fig``: an article number (unit ``article``, «статья 25» ~ "Article
    26") is no count, and `workbench check` called it a "figure" (as compare's notes did before
    session 21)."""
    return "article number" if fig.unit == "article" else "figure"


#: English words that render a small figure without being one: "both" and "a couple" for «два»,
#: "a decade" for «10 лет», "a dozen", "twice", "triple" (matched as word beginnings).
_EN_RENDERS: dict[int, str] = {
    2: "both|pair|couple|double|twice|twin|second|half", 3: "triple|thrice|trio|third",
    4: "quarter|fourth", 10: "decade|tenth", 12: "dozen",
}  # fmt: skip
#: The English number words of 2–12, cardinal and ordinal ("two|second"), by value.
_EN_SPELLED = {v: "|".join(w for w, x in EN_WORDS.items() if x == v) for v in range(2, 13)}


#: A rank after a figure is an ordinal: Russian «место» in the singular after any figure («7
#: место», «на 3 месте»; a count of places takes «места»/«мест»: «3 места», «30 мест»), a kk/ky
#: «орын»/«орун» joined by a hyphen («3-орын», «5-орунду»); also the first of two («7 или 8
#: место»).
_RANK = re.compile(
    r"(?:\s*(?:[-–—]|или|и|or)\s*\d+)?(?:(?:-?[еой])?\s+мест(?:о|е|ом|у)\b|-орын|-орун)",
    re.IGNORECASE,
)


def _quantity_lost(
    fig: Figure, ctx: FaithContext, en_figs: list[Figure], ordinals: list[Figure],
    src_figs: list[Figure],
) -> bool:  # fmt: skip
    """A source figure of one digit that counts something (2 миллиарда, 5 %, 3 адам, 7 место)
    with no counterpart anywhere in the translation: no English figure of its value, its digit
    or its number word nowhere in the English (also inside a word: "fourballs"), nor a word that
    renders a small number ("both", "a couple", "a decade", "a dozen"). Not a day or a month
    (dates), a time, an ordinal or a rank («7 место», :data:`_RANK`), a plain 1 ("a"), a vague
    amount, an hour the English writes
    as a time, nor a measure the translation gives in other units ("5–8 см" ~ "2 to 3 inches").
    Figures of two or more digits are the strong rule above it; number words are not read here
    (on untouched references of the calibration half 1–2 % of kk/ky lines hold a spelled number
    the English renders otherwise: «екі есе» "twice", «екі жақ» "both sides", «он төрт»)."""
    digits = re.sub(r"\D", "", fig.text)
    if (
        len(digits) != 1 or fig.vague or fig.unit in ("date", "time") or fig in ordinals
        or ORDINAL_END.search(fig.text) or (fig.value == 1 and not fig.percent)
    ):  # fmt: skip
        return False
    number = int(digits)
    low = ctx.translation.lower()
    words = "|".join(filter(None, (_EN_SPELLED.get(number), _EN_RENDERS.get(number))))
    if (
        any(_same(fig, e) or e.value == number for e in en_figs)
        or number in {int(d) for d in re.findall(r"\d+", ctx.translation)}  # "04:00" for «4 часов»
        or (words and re.search(rf"\b(?:{words})", low))
    ):
        return False
    if _small_hour(fig) and _HOUR.search(ctx.translation):
        return False  # «саат 5те» ~ "5 a.m." (the English hour is read by _changed_hours)
    if _RANK.match(ctx.source, fig.end):
        return False  # «7 место», «3-орын»: a rank, an ordinal
    if unit_of(fig, ctx.source) is not None and any(unit_of(e, ctx.translation) for e in en_figs):
        return False  # a measure the translation converts («5 до 8 см» ~ "2 to 3 inches")
    return not _own_conversion(fig, src_figs, ctx.source)  # «20 фут (6 метр)»


#: Names whose English form is no spelling of the kk/ky/ru one (exonyms), as romanised
#: prefixes; the CLDR table (``workbench/data/exonyms.tsv``) adds countries, regions, cities
#: and languages in all three languages.
EXONYMS: dict[str, tuple[str, ...]] = {
    "china": ("kitai", "kitae", "kitaia", "kitaiu", "kitt"),
    "chinese": ("kitai",),
    "beijing": ("pekin", "beijin"),
    "moscow": ("moskv", "maskeu"),
    "russia": ("rosi", "resei", "rusia", "orusi"),
    "russian": ("rosi", "rus", "resei", "orus"),
    "us": ("sša", "sha", "aks", "akš", "amerik", "soedinenie"),
    "usa": ("sha", "aks", "amerik"),
    "america": ("amerik", "sha", "aks"),
    "american": ("amerik", "sha", "aks"),
    "americans": ("amerik", "sha", "aks"),
    "united": (
        "soedin",
        "kuram",
        "birikk",
        "sha",
        "aks",
        "amerik",
        "velikobrit",
        "ulibrit",
        "ulubrit",
        "britan",
    ),
    "states": ("štat", "stat", "sha", "aks", "amerik"),
    "uk": ("velikobrit", "ulibrit", "ulubrit", "britan", "anglii", "angli", "kuram", "birikk"),
    "britain": ("velikobrit", "ulibrit", "ulubrit", "britan", "angli"),
    "british": ("brit", "velikobrit", "ulibrit", "ulubrit", "angli"),
    "england": ("angli",),
    "english": ("angli", "agilsin"),
    "eu": ("es", "eo", "evrosoiuz", "evrosouz", "evroodak", "evropa"),
    "europe": ("evrop", "europ"),
    "european": ("evrop", "evrosouz", "evroodak"),
    "germany": ("german", "nemec", "germ", "alman"),
    "german": ("nemec", "german", "alman", "nemis"),
    "germans": ("nemec", "german", "alman", "nemis"),
    "dane": ("dani", "datc", "dats"),
    "danes": ("dani", "datc", "dats"),
    "scot": ("sotl",),
    "scots": ("sotl",),
    "scottish": ("sotl",),
    "nordic": ("sever", "skandinav", "soltust", "tundk"),
    "nord": ("sever", "soltust", "tundk"),
    "japan": ("iaponi", "japoni", "japon"),
    "japanese": ("iapon", "japon"),
    "turkey": ("turci", "turki", "turkia"),
    "greece": ("greci", "grek"),
    "india": ("indi", "undist", "indiia"),
    "new": ("nov", "jana", "jan", "jaŋ"),
    "zealand": ("zeland",),
    "north": ("sever", "soltust", "tundk"),
    "south": ("iuj", "ontust", "tušt", "tust"),
    "korea": ("kore",),
    "kazakhstan": ("kazah", "kazak"),
    "kyrgyzstan": ("kirg", "kirgiz", "kirgi"),
    "greek": ("greci", "grek", "greh"),
    "soviet": ("sovet", "keŋes", "kenes", "sssr", "ssr"),
    "venus": ("vener", "šolpan", "solpan", "colpon", "čolpon"),
    "mars": ("mars",),
    "jupiter": ("iupiter", "upiter"),
    "saturn": ("saturn",),
    "mercury": ("merkur",),
    "jesus": ("iisus", "isa"),
    "roman": ("rim",),
    "rome": ("rim",),
    "hague": ("gaag",),
    "thrace": ("frak",),
    "afghan": ("augan", "afgan"),
    "afghans": ("augan", "afgan"),
    "augustus": ("avgust",),
    "spaniard": ("ispan",),
    "spaniards": ("ispan",),
    "swede": ("sved",),
    "swedes": ("sved",),
    "swedish": ("sved",),
    "pacific": ("tih", "tinih", "tinc"),
    "asia": ("azi",),
    "asian": ("azi",),
    "africa": ("afri",),
    "african": ("afri",),
}
#: Capitalised English words of names that translations render word for word (Supreme Court →
#: Жоғарғы Сот), nationalities and parties, and common nouns that English capitalises in
#: names or titles (Earth, Day, Navy): no spelling of theirs is expected in the source.
TITLE_WORDS = frozenset(
    """academy agency airport alliance assembly association authority bank board bureau cabinet
    campaign center centre championship channel church city club coalition college commission
    committee company conference congress corporation council county court cup department
    district embassy federation festival force forces foundation founder front fund games
    government guard hall house institute island islands league library ministry movement museum
    nations network news office ocean organization organisation palace park parliament party
    police post prize province republic river school sea senate service society square state
    states station street summit times tribunal union university war world american americans
    british chinese democrat democrats democratic european europeans french german germans
    muslim muslims republican republicans russian russians western eastern northern southern
    east west north south famer general supreme united national federal jr sr grand prix earth
    sun moon day navy army air arts sciences science television radio internet web online mr mrs
    ms dr prime minister president king queen prince princess sir lord lady saint st mount lake
    bay gulf cape valley region act bill law treaty agreement award awards show series
    championships open tour olympic olympics paralympic paralympics premier cathedral temple
    mosque bridge tower hotel hospital center stadium arena road avenue highway port harbour
    harbor age era empire kingdom dynasty revolution resistance catholic orthodox christian
    christians jewish jews islamic protestant god lord bible internet""".split()  # noqa: SIM905
)
_VOWEL = re.compile(r"[aeiouy]+")
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def _exonyms() -> dict[str, frozenset[str]]:
    """Folded English word → folded prefixes of its kk/ky/ru names (hand table and CLDR)."""
    table: dict[str, set[str]] = {fold(k): {fold(v) for v in vs} for k, vs in EXONYMS.items()}
    path = resources.files("workbench") / "data" / "exonyms.tsv"
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or "\t" not in row:
            continue
        english, forms = row.split("\t", 1)
        prefixes = {
            _prefix(fold(transliterate(w)))
            for form in forms.split("|")
            for w in _WORD.findall(form)
            if len(w) >= 3 and w.lower() not in _GENERIC
        }
        for word in _WORD.findall(english):
            if len(word) >= 3 and word.lower() not in TITLE_WORDS | {"and", "the", "of"}:
                table.setdefault(fold(word), set()).update(p for p in prefixes if len(p) >= 3)
    return {k: frozenset(v) for k, v in table.items()}


#: Generic words of place and language names (острова, тілі) that name nothing alone.
_GENERIC = frozenset(
    """тілі тили язык острова остров аралдары аралы аралдар республика республикасы
    республикасы штаты штаттары область облысы округ округу провинция провинциясы""".split()  # noqa: SIM905
)


@functools.lru_cache(maxsize=8192)
def _exonym_prefixes(key: str) -> frozenset[str]:
    """Source prefixes of a folded English word, and of the place it is the adjective of
    (Iranian → Iran, Pakistani → Pakistan, Australian → Australia)."""
    table = _exonyms()
    found = set(table.get(key, ()))
    for n in range(len(key) - 1, 3, -1):
        found |= table.get(key[:n], frozenset())
    return frozenset(found)


@functools.lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    return frozenset(p for prefixes in _exonyms().values() for p in prefixes if len(p) >= 4)


def _known_place(word: str) -> bool:
    """A word whose romanised form starts like a place or language of the exonym tables
    (Мексиканың, Индонезиядағы). A prefix of four letters, the whole of a short name (Мали,
    Иран), is read on the word's stem (Малиде, Иранда): as the first letters of a longer word
    it is a common word's as often as a place's (Маалыматы "information", Кішігірім "small")."""
    key = fold(transliterate(word))
    places = _place_prefixes()
    if any(key[:n] in places for n in range(5, len(key) + 1)):
        return True
    stems = {fold(transliterate(s)) for s in turkic_stems(word)} | {key}
    return any(len(s) == 4 and s in places for s in stems)


def _prefix(key: str) -> str:
    """The part of a folded name that case and adjective endings leave alone (Греция ~
    Грециядағы; шотландиялық ~ Шотландского): at most six letters."""
    return key if len(key) <= 4 else key[: min(6, max(4, len(key) - 2))]


@functools.lru_cache(maxsize=65536)
def _skeleton(key: str) -> str:
    """Consonants of a folded name, with letters that scripts render differently merged
    (Trump ~ Трамп, Texas ~ Техас, Warren ~ Уоррен)."""
    key = re.sub(r"^u(?=[aeoi])", "v", key)
    key = re.sub(r"c(?=[eiy])", "s", key)
    for a, b in (("ks", "h"), ("x", "h"), ("ck", "k"), ("c", "k"), ("q", "k"), ("w", "v"),
                 ("ph", "f"), ("z", "s"), ("j", "g"), ("th", "t"), ("h", "g")):  # fmt: skip
        key = key.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", _VOWEL.sub("", key))


def _phonetic(key: str) -> set[str]:
    """Folded English spellings as a kk/ky/ru text would render them: "th" as т or ф
    (Athens ~ Афины), "wh" as у (Whitehall ~ Уайтхолл), "c" as к or с."""
    return set(_phonetic_forms(key))


@functools.lru_cache(maxsize=16384)
def _phonetic_forms(key: str) -> frozenset[str]:
    """:func:`_phonetic`, once per folded word (a long line compares each English word with
    every source word)."""
    out = {key}
    if "th" in key:
        out |= {key.replace("th", "t"), key.replace("th", "f")}
    out |= {re.sub(r"^vh", "uai", k) for k in out if k.startswith("vh")}
    out |= {re.sub(r"c(?=[eiy])", "s", re.sub(r"c(?![eiyh])", "h", k)) for k in out if "c" in k}
    out |= {k[:-1] for k in out if k.endswith("h") and len(k) > 3}  # Utah ~ Юта, Fallujah
    out |= {k[:-1] for k in out if k.endswith("s") and len(k) > 5}  # Taínos ~ таино
    out |= {k[1:] for k in out if k.startswith("h") and len(k) > 4}  # Hindu ~ индуизм
    out |= {re.sub(r"(?<=[bdjlmnrv])h", "", k) for k in out if "h" in k}  # Buddhist, Gandhi
    out |= {k.replace("ae", "e") for k in out if "ae" in k}  # Aegean ~ Эгейское
    out |= {k.replace("c", "h") for k in out if "c" in k}  # Cesarean ~ кесарево (fold: к = h)
    out |= {k.replace("y", "i") for k in out if "y" in k}  # Kyoto ~ Киото
    # j before a vowel as the Cyrillic iotated vowels render it: Juve ~ Юве, Judaism ~ Иудаизм
    out |= {v for k in out if "j" in k for v in (re.sub(r"j(?=[aeiou])", "i", k),
                                                   re.sub(r"^j(?=[aeiou])", "", k))}  # fmt: skip
    # an h after a vowel that no Cyrillic letter renders: Bohr ~ Бор, Noah ~ Ной
    out |= {re.sub(r"(?<=[aeiou])h(?![aeiou])", "", k) for k in out if "h" in k[1:]}
    out |= {
        re.sub(r"o?ugh?$", v, k) for k in out if k.endswith("oug") for v in ("of", "af")
    }  # Bough ~ Баф
    out |= {re.sub(r"aug$", "o", k) for k in out if k.endswith("aug")}  # Kavanaugh ~ Кавано
    return frozenset(out)


def _similar(key: str, other: str) -> bool:
    if key == other or (min(len(key), len(other)) >= 4 and other.startswith(key[:4])):
        return True
    a, b = _skeleton(key), _skeleton(other)
    if len(a) < 3 or len(b) < 3:
        return a == b or (len(key) >= 3 and other.startswith(key))  # Bough ~ Бафом
    b = b[: len(a) + 1]
    return a == b or b.startswith(a) or (len(a) >= 4 and a[0] == b[0] and fuzz.ratio(a, b) >= 67)


@dataclass(frozen=True)
class _SourceWord:
    """A source word with its romanised keys (whole and without case endings)."""

    text: str
    start: int
    end: int
    keys: frozenset[str]
    capital: bool
    #: Keys of the name a lower-case adjective is made from (ассирийские → ассирий), compared
    #: as a name's are.
    named: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=65536)
def _romanised(word: str) -> str:
    """The folded romanised key of a source word, "дж" folded like "j" (Джеймс ~ James);
    memoised: a check romanises each word form with its stems and endings off."""
    return fold(transliterate(word)).replace("dj", "j")


#: Adjectives made from a name (боровской ~ Bohr, иудейских ~ Judean, даниялық ~ Dane,
#: сириялык ~ Syrian): the name is what stands before the suffix.
_NAME_ADJECTIVE = re.compile(
    r"^(\w{3,}?)(?:(?:овск|евск|инск|ск)(?:ий|ый|ой|ая|ое|ие|ые|ого|ому|ом|ую|их|им|ими|ых|ым|ыми)"
    r"|(?:лы|лі|ды|ді|ты|ті|ли|ди|ти)[кқ]\w{0,6})$"
)


@functools.lru_cache(maxsize=256)
def _source_words(source: str) -> tuple[_SourceWord, ...]:
    """The source's words with their romanised keys; memoised (a tuple of frozen words): the
    name check and the coverage features' ``names_lost`` read the same sentence in turn."""
    out = []
    for m in _WORD.finditer(source):
        w = m.group()
        if len(w) < 2:
            continue
        key = _romanised(w)
        if len(key) < 2:
            continue
        stems = {_romanised(s) for s in turkic_stems(w)} | {key}
        adjective = _NAME_ADJECTIVE.match(w.lower())
        named = frozenset({_romanised(adjective.group(1))} if adjective else ())
        if w[0].isupper():  # short names keep their case endings apart: Киммен, Ионың, Эйрдің
            low = w.lower()
            stems |= {
                _romanised(low[: -len(e)])
                for e in TURKIC_ENDINGS
                if low.endswith(e) and len(low) - len(e) >= 2
            }
            stems.add(_romanised(russian_lemma(w)))  # Джоном ~ Jon, Муном ~ Moon
        out.append(
            _SourceWord(w, m.start(), m.end(), frozenset(stems | named), w[0].isupper(), named)
        )
    return tuple(out)


def _matches(word: str, src: _SourceWord) -> bool:
    """True when the English word ``word`` can be the source word's rendering: the same name
    in another script (graded: skeletons, a fuzzy ratio of the romanised stems, variant
    spellings), or an exonym (China ~ Қытай)."""
    return _matches_keys(word, src.keys, src.capital, src.named)


@functools.lru_cache(maxsize=65536)
def _matches_keys(word: str, keys: frozenset[str], capital: bool, named: frozenset[str]) -> bool:
    """:func:`_matches` on what it reads of the source word (its keys, case and the name
    an adjective is made from), once per pair of word forms: a long line repeats its names
    and the words around them."""
    src = _SourceWord("", 0, 0, keys, capital, named)
    key = fold(word)
    if len(key) < 2:
        return True
    exo = _exonym_prefixes(key)
    if any(k.startswith(p) for p in exo for k in src.keys):
        return True
    limit = 75 if src.capital else 88
    variants = _phonetic(key)
    if "w" in word.lower():  # w as у (Dewar ~ Дьюар, Matthew ~ Мэтью); fold reads it as v
        variants |= _phonetic(fold(word.lower().replace("w", "u")))
    for variant in variants:
        for k in src.keys:
            # a lower-case source word (голливудская ~ Hollywood, калифорниялық ~ Californian)
            # is compared by its sounds only when its consonants are many enough to be specific
            graded = src.capital or k in src.named or len(_skeleton(variant)) >= 4
            if _similar(variant, k) if graded else variant == k:
                return True
            if len(variant) >= 5 and k.startswith(variant):
                return True  # the source word adds an ending to the whole name
            if (
                min(len(variant), len(k)) >= 4
                and fuzz.ratio(variant, k[: len(variant) + 1]) >= limit
            ):
                return True
    return False


@functools.lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Lower-case English words of Webster's Second (the ``english-words`` package): words
    that a dictionary lists only in lower case are common words, not names."""
    from english_words import get_english_words_set  # noqa: PLC0415 - 2 MB list, on first use

    return frozenset(
        w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()
    )


@functools.lru_cache(maxsize=65536)
def _common_word(word: str) -> bool:
    """True when ``word`` (any case, plural or possessive) is a common English word, or a
    compound written in camel case of common words (CowParade, FirstGroup); memoised (the
    name check asks it of every English word of a pair)."""
    humps = re.findall(r"[A-Z][a-z]{2,}", word)
    if len(humps) >= 2 and "".join(humps) == re.sub(r"['’]s?$", "", word):
        return all(_common_word(h) for h in humps)
    low = re.sub(r"['’]s?$", "", word).lower()
    words = dictionary_words()
    forms = {low}
    if low.endswith("ies"):
        forms.add(low[:-3] + "y")
    if low.endswith("es"):
        forms.add(low[:-2])
    if low.endswith("s"):
        forms.add(low[:-1])
    if low.endswith("men"):
        forms.add(low[:-3] + "man")
    if low.endswith("ed") and len(low) > 5:  # Designated, Armed
        forms |= {low[:-2], low[:-1]}
    if low.endswith("ing") and len(low) > 5:  # Presiding
        forms |= {low[:-3], low[:-3] + "e"}
    if re.search(r"([b-df-hj-np-tv-z])\1(?:ed|ing)$", low):  # Planned, Running
        forms.add(re.sub(r"[a-z](?:ed|ing)$", "", low))
    if low.endswith("our"):  # Labour
        forms.add(low[:-3] + "or")
    return any(f in words for f in forms)


def _english_mentions(
    translation: str, institutions: bool = False
) -> list[tuple[list[str], tuple[int, int], bool]]:
    """Name mentions of the translation with the words a source would spell (acronyms and
    title words left out) and whether the mention is certainly a name a source would spell: a
    name made only of common English words ("Planned Parenthood", "Rose") may translate the
    source's words. Mentions with no such word, and institutions (a name whose head is a title
    word, "Collective Security Treaty Organisation": rendered word for word), are left out
    unless ``institutions`` (the source has a name left without counterpart, so an English
    "Senate" or "Health Secretary" may be what replaced it) or a word of the name is certain
    ("Washington Post")."""
    out = []
    for mention in find_names(translation):
        if mention.span is None:
            continue
        every = [
            re.sub(r"['’]s$", "", w) for w in _WORD.findall(mention.text)
            if w[0].isupper() and len(w) > 1 and not is_acronym(w)
        ]  # fmt: skip
        parts = [w for w in every if w.lower() not in TITLE_WORDS] or (
            every if institutions else []
        )
        head = re.sub(r"['’]s$", "", _WORD.findall(mention.text)[-1]).lower()
        if not parts or mention.text.endswith("-like"):
            continue
        certain = not all(_common_word(p) for p in parts)
        if head in TITLE_WORDS and not certain and not institutions:
            continue  # an institution rendered word for word; "Washington Post" keeps Washington
        out.append((parts, mention.span, certain))
    return out


_SRC_NAME = re.compile(r"(?<=[\w,;:)»\"] )[«\"“„]?([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]+)")


_FIRST_NAME = re.compile(
    r"^[«\"“(]?([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]*(?:ов|ев|ин|ова|ева|ина|ұлы|улы|уулу|кызы|қызы)"
    r"(?:а|у|ым|ом|ой|е|ы|ге|ке|қа|ға|ка|га|ның|нің|тың|тің|дың|дің|дын|дин|ды|ді|ны|ні)?"
    r"(?!\w)|[A-Z][a-z][\w\-]+)"
)


_OPENING = re.compile(r"^[«\"“(]?([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]+)")
#: Letters that Kazakh and Kyrgyz words of their own hardly use: an opening word with one is
#: most likely a foreign name («Эфиопиядағы», «Вашингтонда»).
_FOREIGN_LETTERS = {"kk": re.compile(r"[фвцчщёэ]", re.I), "ky": re.compile(r"[фвцщё]", re.I)}


#: Russian parts of speech no name has: an opening «Тем» (тем не менее), «Как», «Так» is a
#: function word even where the dictionary also knows a name spelled the same.
_FUNCTION_POS = frozenset({"NPRO", "CONJ", "PRCL", "PREP", "ADVB", "PRED", "COMP", "INTJ"})


def _source_names(source: str, src: str = "ru") -> list[re.Match[str]]:
    """Capitalised words of the source that do not open a sentence (kk/ky/ru capitalise only
    names there), and an opening word that looks like a name: a surname ending, Latin script,
    a Russian word the dictionary knows as a name or not at all, a Kazakh/Kyrgyz word
    with letters of foreign words."""
    first = _FIRST_NAME.match(source)
    if first is None:
        opening = _OPENING.match(source)
        word = opening.group(1) if opening else ""
        rx = _FOREIGN_LETTERS.get(src)
        if (
            opening
            and len(word) > 2
            and (
                (rx.search(word[1:]) or _known_place(word))
                if rx is not None
                else may_be_name(word) and not russian_pos(word) & _FUNCTION_POS
            )
        ):
            first = opening
    found = ([first] if first else []) + list(_SRC_NAME.finditer(source))
    return [m for m in found if not is_acronym(m.group(1))]


def unmatched_source_names(
    source: str, translation: str, src: str, words: Sequence[_SourceWord] | None = None
) -> list[re.Match[str]]:
    """The source names (:func:`_source_names`) with no counterpart among the translation's
    capitalised words, matched across scripts (:func:`_matches`); a hyphenated name is matched
    by any of its parts (Сен-Мирренди ~ St Mirren). The one reading of "a source name the
    translation lost" that the name check and the omission model's ``names_lost`` share.

    ``words`` are the source's words (:func:`_source_words`; computed when None). Each name
    finds its words by bisection and each English word form is compared once per source word
    form (:func:`_matches_keys` is memoised), so a long line costs about its number of names
    times its distinct capitalised English words, not every word against every word."""
    words = _source_words(source) if words is None else words
    starts = [w.start for w in words]
    # capitalised words and acronyms of two letters or more: UK ~ Великобритания, St ~ St
    en_words = sorted({w for w in _WORD.findall(translation) if len(w) >= 2 and w[0].isupper()})
    out = []
    for m in _source_names(source, src):
        pieces = words[
            bisect.bisect_left(starts, m.start(1)) : bisect.bisect_left(starts, m.end(1))
        ]
        pieces = [p for p in pieces if len(p.text) >= 4] or pieces  # not «Сан» of Сан-Франциско
        if not pieces or any(
            _matches_keys(w, p.keys, True, p.named) for p in pieces for w in en_words
        ):  # fmt: skip
            continue
        out.append(m)
    return out


def detect_names(ctx: FaithContext) -> list[FaithIssue]:
    """Names on one side with no spelling on the other: a swapped, added or dropped name.

    A swap leaves a trace on both sides: an English name none of whose words spells a source
    word, and a source name left without an English counterpart
    (:func:`unmatched_source_names`). Strong (severity 1) only when both sides are sure
    (:func:`_swapped_for`, session 6): the English name has a word that is neither a title word
    nor a dictionary word (Kavanaugh, Stanford; not "Black Sea", "Navy", which may render a
    source name), the source has an unmatched name a swap may have taken out (a noun-like or
    certain name, :func:`_certain_source_name`, that opens no sentence or quoted speech and, in
    Russian, is no word pymorphy knows only as a common word: :func:`_lost_name`), the two are
    no near spellings (:func:`_near_spelling`: a transliteration the matcher misses) and, in
    Russian, they sit in about the same place (:func:`_near_place`). Everything else found is
    weak (severity 0.6, evidence that needs company): a name of common or title words beside an
    unmatched source name, a certain English name while every source name has its counterpart
    (translators add or reword names), a certain source name with no English name at all (a
    dropped name, or a name the translation renders by a common word).

    A word matches across scripts by graded similarity of romanised forms (consonant
    skeleton, fuzzy ratio of the stems with Kazakh/Kyrgyz case endings off, th ~ т/ф, j ~ й,
    Russian and kk/ky adjectives made from names), or by the exonym tables (China ~ Қытай,
    Cologne ~ Кёльн, Germany ~ Алмания).
    """
    words = _source_words(ctx.source)
    bilex = ctx.words if ctx.words is not None else load_bilexicon()
    english = frozenset(
        english_stem(w) for w in _WORD.findall(ctx.translation) if _common_word(w)
    )  # common words only: a lexicon's name-to-name rendering (Чен ~ Kim) is noise
    unmatched_src: list[tuple[int, int]] = []
    twins: list[tuple[int, int]] = []
    certain_src: list[tuple[int, int]] = []
    # source names a swapped-out name may have been, for the certain direction (below)
    strong_twins: list[re.Match[str]] = []
    for m in unmatched_source_names(ctx.source, ctx.translation, ctx.src, words):
        unmatched_src.append(m.span(1))
        opening = not ctx.source[: m.start(1)].strip(' «"“„(')
        twin_like = _may_be_twin(m.group(1), ctx.src)
        if twin_like:
            twins.append(m.span(1))
        certain_here = _certain_source_name(m.group(1), ctx.src, opening)
        if certain_here:
            certain_src.append(m.span(1))
        if (
            (twin_like or certain_here)
            and _lost_name(m, ctx.source, ctx.src)
            and not _rendered(m.group(1), english, ctx.src, bilex)
        ):
            strong_twins.append(m)
    latin = _unmatched_latin_words(ctx.source, ctx.translation)
    unmatched_src += latin
    twins += latin
    # a Latin acronym (NTS, UTC) may be spelled out in the English: a twin, not certain
    certain_src += [(a, b) for a, b in latin if not is_acronym(ctx.source[a:b])]
    strong_twins += [m for m in _LATIN_WORD.finditer(ctx.source) if m.span() in set(latin)]
    sure_twin = bool(certain_src)
    twin_span = min(certain_src or unmatched_src) if unmatched_src else None
    twin = ctx.source[twin_span[0] : twin_span[1]] if twin_span else ""
    out: list[FaithIssue] = []
    names = [w for w in words if w.capital]
    # the words of the source names left without counterpart: a near spelling of one of them
    # is a transliteration the matcher missed (Aegean ~ Эгей), not a swap
    left = [w for w in words if any(a <= w.start < b for a, b in unmatched_src)]
    for parts, span, certain in _english_mentions(ctx.translation, institutions=sure_twin):
        if any(_matches(p, w) for p in parts for w in words):
            continue
        title = _title_parts(ctx.translation[span[0] : span[1]])
        if any(_matches(t, w) for t in title for w in names):
            continue  # Moon Jae-in ~ Мун Чжэ Ин: a title word of the name spells a source name
        if not certain and not unmatched_src:
            continue  # common words ("Great Fleet") may translate the source's own words
        note = f"name {ctx.translation[span[0] : span[1]]!r} has no counterpart in the source"
        lost = _swapped_for(parts, strong_twins, left, _near_place(ctx, span))
        if lost is not None:
            out.append(
                issue("name", ctx.source, ctx.translation, lost.span(lost.lastindex or 0), span,
                      note + f" (the source names {lost.group(lost.lastindex or 0)!r})")
            )  # fmt: skip
            continue
        out.append(
            issue("name", ctx.source, ctx.translation, twin_span, span,
                  note + (f" (the source names {twin!r})" if twin else ""), 0.6)
        )  # fmt: skip
    if sure_twin and not out and twin_span is not None:
        out.append(
            issue("name", ctx.source, ctx.translation, twin_span, None,
                  f"source name {twin!r} has no counterpart in the translation", 0.6)
        )  # fmt: skip
    return out


#: A capitalised source word after sentence punctuation (and an opening quote) opens a
#: sentence or quoted speech: kk/ky/ru capitalise it whatever it is («...: «Результаты ...»).
#: (The line's first word is read by :func:`_source_names`, which keeps it only when it looks
#: like a name.)
_AFTER_STOP = re.compile(r"[.!?:;…][\s«\"“„(]*$")


def _lost_name(m: re.Match[str], source: str, src: str) -> bool:
    """An unmatched source name that a swap may have taken out: capitalised because it is a
    name, not because it opens a sentence or quoted speech, and, in Russian, not a word the
    dictionary knows only as a common word («Кубок», «Шашки»: words of a translated name)."""
    if _AFTER_STOP.search(source[: m.start(1)]):
        return False
    return src != "ru" or may_be_name(m.group(1))


#: How far apart (share of each side's length) a Russian name and the English name standing
#: for it may sit: Russian news keeps the English order of a sentence's parts closely, kk/ky
#: put the verb last and move the rest (no limit there).
_ORDER_SLACK = {"ru": 0.35}


def _near_place(ctx: FaithContext, span: tuple[int, int]) -> Callable[[re.Match[str]], bool]:
    """Whether a source name sits about where the English name of ``span`` sits (Russian
    only: a swap puts the new name in the old one's place; a name a translator added and
    another it dropped are usually apart)."""
    slack = _ORDER_SLACK.get(ctx.src)
    where = (span[0] + span[1]) / 2 / max(1, len(ctx.translation))

    def near(m: re.Match[str]) -> bool:
        a, b = m.span(m.lastindex or 0)
        return slack is None or abs((a + b) / 2 / max(1, len(ctx.source)) - where) <= slack

    return near


def _swapped_for(
    parts: list[str],
    lost: list[re.Match[str]],
    words: list[_SourceWord],
    near: Callable[[re.Match[str]], bool] = lambda m: True,
) -> re.Match[str] | None:
    """The source name an English name stands in place of, when the pair is a swap for
    certain: the English name has a word that is neither a title word nor a dictionary word
    (Kavanaugh, Stanford; not "Black Sea", "Olympics"), the source has a name a swap may have
    taken out (``lost``: :func:`_lost_name`), and no part of the English name is a near
    spelling of any source name left without counterpart (``words``, the words of those
    names: a transliteration the matcher misses, Aegean ~ Эгей beside an unmatched «Қара»,
    Bethesda ~ Вифезда, is no swap); ``near`` says whether a source name sits where the
    English one does (:func:`_near_place`). None otherwise: the issue stays evidence that
    needs company."""
    own = [p for p in parts if p.lower() not in TITLE_WORDS]
    if not own or all(_common_word(p) for p in own):
        return None
    if any(_near_spelling(p, w) for p in parts for w in words):
        return None
    return next((m for m in lost if near(m)), None)


#: The least probability of an English rendering in the word lexicon that makes a source
#: word read as translated rather than spelled.
RENDERING_P = 0.5


def _rendered(word: str, english: frozenset[str], src: str, bilex: BiLexicon) -> bool:
    """True when the word lexicon gives ``word`` an English rendering the translation has
    (Жарык → light, Бирлиги → union, Тышкы → foreign): a capitalised word of a translated
    name, rendered by an English word, not a name the translation lost."""
    return any(p >= RENDERING_P and e in english for e, p in bilex.translations(src, word).items())


def _title_parts(mention: str) -> list[str]:
    """The title words of four letters or more of an English name (Moon, Park, Bank): left
    out of the words a source is expected to spell, but a source name they spell is the
    name's counterpart."""
    return [w for w in _WORD.findall(mention) if len(w) >= 4 and w.lower() in TITLE_WORDS]


#: Letters that scripts and sound changes trade at the start of a name (Bethesda ~ Вифезда,
#: Aegean ~ Эгей, Chechnya ~ Чечня): a near spelling starts in the same class.
_SOUND_CLASSES = ("aeiouy", "bvfpw", "kghcqx", "szcj", "td", "mn", "lr")


def _sound_class(letter: str) -> str:
    return next((c for c in _SOUND_CLASSES if letter and letter in c), letter)


def _near_spelling(word: str, src: _SourceWord) -> bool:
    """A looser grade of :func:`_matches`: the romanised forms start alike (in one class of
    :data:`_SOUND_CLASSES`) and agree on most letters (fuzzy ratio 60 against the matcher's 75) or on most consonants (skeleton ratio
    67). (Without the first letter, four-letter stems such as «Мали» came within 60 of one
    in ten unrelated names.)"""
    for variant in _phonetic_forms(fold(word)):
        sv = _skeleton(variant)
        for k in src.keys:
            if _sound_class(k[:1]) != _sound_class(variant[:1]):
                continue
            if len(variant) >= 3 and fuzz.ratio(variant, k[: len(variant) + 2]) >= 60:
                return True
            sk = _skeleton(k)
            if len(sv) >= 2 and len(sk) >= 2 and fuzz.ratio(sv, sk[: len(sv) + 1]) >= 67:
                return True
    return False


def _may_be_twin(word: str, src: str) -> bool:
    """A source word a swapped-out name may have been: not an adjective (a capitalised
    «Королевский», «Южная», «Азиатским», «Ұлттық» is a word of a translated name)."""
    low = word.lower()
    if src == "ru":
        pos = russian_pos(word)
        return not pos or not pos <= _ADJECTIVE_POS
    return _NAME_ADJECTIVE.match(low) is None


_ADJECTIVE_POS = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "NUMR", "ADVB", "VERB", "GRND", "INFN"})


#: Honorifics the sources capitalise beside a name (Мырза Трамп, Миссис Мэй): titles.
_HONORIFICS = frozenset(
    """мырза мырзасы мистер миссис мисс доктор айым ханым ханымы господин госпожа сэр леди
    профессор""".split()  # noqa: SIM905
)


def _certain_source_name(word: str, src: str, opening: bool = False) -> bool:
    """A source word that is a name for certain, not a translated common word: Latin script
    (not a Roman numeral); a Russian word pymorphy3 does not know or knows only as a name
    (Трамп, Пейлин; not «Ассамблеи», «Ближнем», «Роза», not an acronym such as «СПИДом»); a
    kk/ky word with letters of foreign words (ф, в, ц, щ, ё…) that is no Russian common word
    borrowed (Популяция, Генералдык, Федералдык). Honorifics (Мырза, Миссис), particles and
    spelled-out acronyms («Де», «Би-би-си») and a word opening the sentence (capitalised
    anyway) are not certain. Measured on all calibration-part and dev references, a Russian
    word pymorphy knows also as a noun and a kk/ky word merely without the language's own
    letters fired two to three times as often on untouched references."""
    if _LATIN_WORD.fullmatch(word):
        return not _ROMAN_WORD.fullmatch(word)
    low = word.lower()
    if len(word) < 3 or any(len(p) < 3 for p in low.split("-")):
        return False  # «Де», «Би-би-си»: a particle, an acronym spelled out
    if opening or low in _HONORIFICS or re.sub(r"[ауеныңдыгқ]+$", "", low) in _HONORIFICS:
        return False
    if src == "ru":
        if "-" in word and any(not may_be_name(p) for p in word.split("-")):
            return False  # «Город-призрак»: a compound of common words, a translated title
        return may_be_name(word) and not russian_pos(word) & _COMMON_POS and not is_acronym(word)
    stem = min(turkic_stems(word) | {low}, key=len)
    if len(stem) >= 7:
        stem = re.sub(r"(?:лар|лер|дар|дер|тар|тер)$", "", stem)  # plural: аналитиктер
    adjective = _NAME_ADJECTIVE.match(stem)
    loan = adjective.group(1) if adjective else stem
    if not may_be_name(loan) or not may_be_name(stem):
        return False  # a Russian common word borrowed: Популяция, Генералдык, Статистиканы
    rx = _FOREIGN_LETTERS.get(src)
    return rx is not None and rx.search(word) is not None


#: Parts of speech of a Russian word that is not certainly a name: a common noun
#: («Ассамблеи») and adjectives («Ближнем») may be capitalised words of a translated name, and
#: a name pymorphy also knows as a noun («Роза») is no certain name either.
_COMMON_POS = frozenset({"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB"})


_LATIN_WORD = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-])")


def _unmatched_latin_words(source: str, translation: str) -> list[tuple[int, int]]:
    """Source words in Latin script (ANSA, UTC, JAS) that the translation does not copy: they
    name something for certain, and a translation keeps them as they are."""
    low = translation.lower().replace("-", "")
    return [
        m.span() for m in _LATIN_WORD.finditer(source)
        if len(m.group()) >= 3 and m.group().lower().replace("-", "") not in low
        and not _ROMAN_WORD.fullmatch(m.group())
    ]  # fmt: skip


#: A Roman numeral (XVII, IV): a figure, not a name.
_ROMAN_WORD = re.compile(r"M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")


#: Lexicon categories that label people (a «бандит», a «террорист»), as opposed to events
#: («беспорядки») or adjectives («радикальный»).
_PERSON_CATEGORIES = frozenset({"terror", "criminal"})
#: A label of a people category that names no people: an ideology (-изм: «терроризм»,
#: «экстремизм», kk/ky «терроризмге»), an activity (-ств-: «мародёрство») or an act
#: («теракт»). A plain people noun in the English ("people", "men") does not stand in for it:
#: «война с терроризмом» rendered "the war on terror" in a line that counts "360,000 people"
#: read as terrorism neutralised into people (NTREX 1464, kk and ru).
_NOT_PEOPLE = re.compile(r"изм|ств|теракт", re.IGNORECASE)
_PEOPLE_NOUN = re.compile(
    r"(?<!\w)(?:people|persons?|individuals?|men|women|youths?|residents|citizens|civilians|"
    r"protesters|demonstrators|participants|activists)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Span:
    """A neutral word of the translation standing where a label could be."""

    text: str
    start: int
    end: int


def _people_noun(translation: str) -> _Span | None:
    """A plain noun for people in the translation ("people", "men", "residents"): where the
    source calls people bandits or terrorists, this is the neutral word that replaced it."""
    m = _PEOPLE_NOUN.search(translation)
    return _Span(m.group(), m.start(), m.end()) if m else None


#: How far apart the words of a label of several words may stand and still be one label
#: (first to last word, both counted): "terrorist groups, local and foreign" is five words.
SPLIT_LABEL_WORDS = 6
#: Words that coordinate the modifiers of one noun phrase ("local and foreign", «как местные,
#: так и иностранные», «жергілікті және шетелдік», «ички жана тышкы»).
_COORDINATORS = frozenset(
    {"and", "or", "nor", "both", "either", "neither", "as", "well"}
    | {"и", "или", "также", "как", "так"}
    | {"және", "мен", "бен", "пен", "немесе", "да", "де"}
    | {"жана", "менен", "же", "дагы"}
)
#: Articles: they may stand inside the phrase, but join nothing (review18: "the" taken for a
#: coordinator made "foreign aid reached the militants" one label).
_ARTICLES = frozenset({"the", "a", "an"})
_TOKEN = re.compile(r"\w+")
#: A colon ends a clause too, except right after a label's head (:data:`_APPOSITION`).
_CLAUSE_END = re.compile(r"[.!?;…]")
#: Right after a label's head, before its coordinated modifiers: "militants, local and
#: foreign", "militants — local and foreign", «боевики: местные и иностранные» (review20b: a
#: dash or a colon there was not read as one phrase).
_APPOSITION = re.compile(r"\s*(?:[,:—–]|-\s)")


_SPLIT_TERMS: dict[tuple[int, str], tuple[Lexicon, tuple[tuple[re.Pattern[str], ...], ...]]] = {}


def _split_terms(lexicon: Lexicon, category: str) -> tuple[tuple[re.Pattern[str], ...], ...]:
    """The words of each term of ``category`` that has two words or more («шетелдік
    террорист*» → шетелдік, террорист…), one pattern a word (a starred word is a stem);
    remembered per lexicon (by identity, kept alive in the cache) and category."""
    hit = _SPLIT_TERMS.get((id(lexicon), category))
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    out = []
    for term in lexicon.terms:
        if term.category != category:
            continue
        words = [w for w in re.split(r"[\s\-]+", term.term.lower().replace("ё", "е")) if w]
        if len(words) >= 2:
            out.append(
                tuple(
                    re.compile(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else ""))
                    for w in words
                )
            )
    _SPLIT_TERMS[(id(lexicon), category)] = (lexicon, tuple(out))
    return tuple(out)


def _label_split(text: str, lexicon: Lexicon, category: str) -> bool:
    """Whether ``text`` holds a label of ``category`` made of several words with its head (the
    last word) apart from its modifier (the words before it, side by side) in one noun phrase,
    the modifier coordinated with another within :data:`SPLIT_LABEL_WORDS` words of one clause
    (:func:`_one_phrase`): "terrorist groups, local and foreign" renders «жергілікті және
    шетелдік террористік топтар», "foreign and local militants" is "foreign militants"; "the
    foreign minister said terrorist groups" and "foreign aid reached the militants" are two
    phrases. The lexicon's terms match only their words side by side."""
    terms = _split_terms(lexicon, category)
    if not terms:
        return False
    for clause in _CLAUSE_END.split(text.lower().replace("ё", "е")):
        found = list(_TOKEN.finditer(clause))
        tokens = [m.group() for m in found]
        for words in terms:
            *modifier, head = words
            width = len(modifier)
            starts = [
                i
                for i in range(len(tokens) - width + 1)
                if all(w.fullmatch(tokens[i + k]) for k, w in enumerate(modifier))
            ]
            heads = [i for i, t in enumerate(tokens) if head.fullmatch(t)]
            for m in starts:
                for h in heads:
                    if _one_phrase(clause, found, m, m + width, h):
                        return True
    return False


def _one_phrase(clause: str, found: list[re.Match[str]], start: int, end: int, head: int) -> bool:
    """Whether the modifier (tokens ``start``..``end``-1) and the head (token ``head``) of a
    label are one noun phrase, the modifier coordinated with one other: "foreign and local
    militants" (a coordinator right after the modifier, one word, then the head), or
    "militants, local and foreign" / "terrorist groups, both local and foreign" / «боевики, как
    местные, так и иностранные» (the head, a comma, one or two words and a coordinator right
    before the modifier; a dash or a colon right after the head does as the comma: "militants —
    local and foreign", «боевики: местные и иностранные»). Articles may stand between; they join
    nothing. A colon anywhere else between them ends the clause."""
    tokens = [m.group() for m in found]
    lo, hi = min(start, head), max(end - 1, head)
    if hi - lo + 1 > SPLIT_LABEL_WORDS:
        return False
    if head >= end and ":" in clause[found[end - 1].end() : found[head].start()]:
        return False  # a colon between ends the clause
    if head == end:  # side by side: the term itself
        return True
    if head > end:  # modifier first: "foreign and local militants"
        between = tokens[end:head]
        words = [t for t in between if t not in _COORDINATORS and t not in _ARTICLES]
        return bool(between) and between[0] in _COORDINATORS and len(words) == 1
    if head + 1 > start - 1:  # side by side, the other way round
        return False
    between = tokens[head + 1 : start]
    words = [t for t in between if t not in _COORDINATORS and t not in _ARTICLES]
    gap = clause[found[head].end() : found[start].start()]
    after_head = _APPOSITION.match(gap)
    if ":" in gap[after_head.end() if after_head else 0 :]:
        return False  # a colon that is not the head's ends the clause
    apart = "," in gap or after_head is not None
    return apart and between[-1] in _COORDINATORS and 1 <= len(words) <= 2


def detect_labels(ctx: FaithContext) -> list[FaithIssue]:
    """Loaded labels on one side whose category the other side does not use ("бандиты" →
    "protesters"; "people" → "terrorists"). A label of several words that the other side says
    with its words apart in one noun phrase (:func:`_label_split`) is that side's too."""
    src_hits = find_labels(ctx.source, ctx.lexicon)
    tr_hits = find_labels(ctx.translation, ctx.lexicon)
    src_cats = categories_in(ctx.source, ctx.lexicon)  # nested too: "foreign terrorists"
    tr_cats = categories_in(ctx.translation, ctx.lexicon)
    src_cats |= {
        h.category for h in tr_hits
        if h.loaded and h.category not in src_cats and _label_split(ctx.source, ctx.lexicon, h.category)
    }  # fmt: skip
    tr_cats |= {
        h.category for h in src_hits
        if h.loaded and h.category not in tr_cats
        and _label_split(ctx.translation, ctx.lexicon, h.category)
    }  # fmt: skip
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
            neutral = next((t for t in tr_hits if not t.loaded), None)
            stand_in = (
                _Span(neutral.text, neutral.start, neutral.end)
                if neutral is not None
                else _people_noun(ctx.translation)
                if h.category in _PERSON_CATEGORIES and not _NOT_PEOPLE.search(h.text)
                else None
            )
            # neutralised (a neutral label stands in the English) is strong evidence; missing
            # is weak: translations render «беспорядки» as "unrest", «преступник» as "suspect"
            out.append(
                issue("label", ctx.source, ctx.translation, (h.start, h.end),
                      (stand_in.start, stand_in.end) if stand_in else None,
                      f"the source's loaded label ({h.category}) is "
                      + (f"neutralised as {stand_in.text!r}" if stand_in else "missing"),
                      1.0 if stand_in else 0.6)
            )  # fmt: skip
    return out
