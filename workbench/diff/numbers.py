"""Figures in English and in kk/ky/ru text, normalised to values, and the ``number`` detector.

"20,000", "20 000", "20 тысяч", "20 мың", "twenty thousand" and "двадцать тысяч" all have the
value 20000; "thousands" / "тысячи" is a vague quantity (a range). Equal values in different
notation are no difference; a figure with no equal on the other side is.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.diff.base import (
    Claims,
    DiffContext,
    Finding,
    Mention,
    compare_mentions,
    context_of,
)
from workbench.diff.dates import (
    SEASON,
    VAGUE_TIME,
    WEEKDAY,
    duration_unit,
    find_dates,
    implicit_durations,
)
from workbench.diff.text import STOPWORDS, is_cyrillic, words
from workbench.types import Difference

_MULT = (
    r"thousand|million|billion|trillion|bn|mln|тыс\.|тыс|тысяч[аиуеы]?|тысячами|млн\.?|"
    r"миллион\w*|млрд\.?|миллиард\w*|мың\w*|миң\w*|decades?|десятилети\w*"
)
_DIGITS = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    rf"(?:(?P<sfx>[kmKM]|bn)\b|[\s\-]?(?P<mult>{_MULT})(?!\w)|-?[^\W\d_]{{1,5}}(?!\w)|(?!\w))"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b|процент\w*|пайыз\w*))?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: A clock time: "06:00", "6:30 p.m.", "6 a.m.", «в 06:00», «сағат 06:00-де»; one figure, not two.
#: A kk/ky case ending may be glued to the minutes («саат 08:50дөн»): it is not part of the figure.
_TIME = re.compile(
    r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?"
    r"(?:\s?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b))?"
    r"(?:(?<=\d\d)(?P<case>[а-яёәғқңөұүһі]{1,5}))?(?![\w:])",
    re.IGNORECASE,
)
#: The currency signs of both stages: a figure right after one ("£135m", "$ 2bn", "¥5m") is a
#: sum of money (faithfulness reads this list through :mod:`workbench.faithfulness.diffapi`).
CURRENCY_SIGNS = "$€£¥₸₽"
#: Currency names that may follow a figure (case-insensitive), whole words with their endings:
#: "dollars", «доллара», «теңгеден», «сомдон»; not "European", «европейских», «Еуропа».
CURRENCY_WORDS = (
    r"(?:(?:dollars?|euros?|pounds?|tenge|soms?|r(?:o)?ubles?)\b"
    r"|(?:доллар|рубл|тенге|теңге|евро(?!п)|еуро(?!п))\w*"
    r"|сом(?:а|ов|ам|ами|ах|у|дун|го|ду|дон|до|дук|дой)?\b)"
)
#: A currency sign or word right after a figure ("5 €", "20 dollars", «20 тенге»): the figure is
#: a sum of money (``_role``), and a dotted figure before one is no clock time (``_DOT_TIME``).
_CURRENCY_AFTER = re.compile(rf"[{re.escape(CURRENCY_SIGNS)}]|{CURRENCY_WORDS}", re.IGNORECASE)

#: A clock time written with a dot, as Russian, Kazakh and Kyrgyz news write it («в 15.00», «с
#: 9.00 до 18.00», «сағат 10.30-да») and British English before a.m./p.m. ("3.30 pm"). Only after
#: a time preposition or «сағат»/«саат», before a.m./p.m., or before «по местному времени»:
#: elsewhere "15.00" is a decimal («в 2.50 раза», «в 15.50 доллара» are kept out by what
#: follows).
_DOT_TIME = re.compile(
    r"(?:(?<!\w)(?P<prep>в|во|с|со|до|к|от|около|после|сағат|саат)\s+)?"
    r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.,]\d|\d)"
    r"(?P<ampm>\s?(?:a\.m\.|p\.m\.|am\b|pm\b))?"
    r"(?P<local>(?=\s+по\s+\w+\s+времени))?"
    r"(?!\s*(?:%|раз|процент|пайыз|млн|млрд|тыс|мың|миң|км|кг|метр|градус|"
    rf"{_CURRENCY_AFTER.pattern}))",
    re.IGNORECASE,
)
#: A capitalised name glued to a number by a hyphen is a name, not a figure (COVID-19, Su-27).
_MODEL_NAME = re.compile(r"(?<![\w-])[^\W\d_]*[A-ZА-ЯЁ][^\W\d_]*-$")

_MULTIPLIERS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mln": 1e6,
    "k": 1e3, "m": 1e6, "тыс": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9,
    "миллиард": 1e9, "мың": 1e3, "миң": 1e3,
    # "after 3 decades in office" retells «30 лет»: a decade is ten of the years counted
    "decade": 10.0, "десятилети": 10.0,
}  # fmt: skip

_EN_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
EN_WORDS: dict[str, float] = {w: float(i) for i, w in enumerate(_EN_UNITS)}
EN_WORDS.update({w: float(20 + 10 * i) for i, w in enumerate(_EN_TENS)})
EN_WORDS.update({"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9})
_EN_ORDINALS = [
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
EN_WORDS.update({w: float(i) for i, w in enumerate(_EN_ORDINALS) if i})
EN_WORDS.update({w[:-1] + "ieth": float(20 + 10 * i) for i, w in enumerate(_EN_TENS)})
#: Words that are mostly not figures when they stand alone ("one of them", "the first time").
_ALONE_NOT_FIGURES = frozenset({"one", "first", "second", "один", "одна", "одно", "бір", "бир"})

RU_WORDS: dict[str, float] = {
    "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
    "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
    "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10,
    "десяти": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30,
    "сорок": 40, "сорока": 40, "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60,
    "шестидесяти": 60, "семьдесят": 70, "семидесяти": 70, "восемьдесят": 80,
    "восьмидесяти": 80, "девяносто": 90, "девяноста": 90, "сто": 100, "ста": 100, "двести": 200,
    "двухсот": 200, "триста": 300, "трехсот": 300, "трёхсот": 300, "четыреста": 400,
    "четырехсот": 400, "пятьсот": 500, "пятисот": 500, "шестьсот": 600, "шестисот": 600,
    "семьсот": 700, "семисот": 700, "восемьсот": 800, "восьмисот": 800, "девятьсот": 900,
    "девятисот": 900, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячу": 1e3,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "миллиард": 1e9, "миллиарда": 1e9,
    "миллиардов": 1e9,
    # collective numerals ("все четверо" = "all four"), nominative and oblique
    "двое": 2, "двоих": 2, "трое": 3, "троих": 3, "четверо": 4, "четверых": 4, "пятеро": 5,
    "пятерых": 5, "шестеро": 6, "шестерых": 6, "семеро": 7, "семерых": 7,
}  # fmt: skip
KK_WORDS: dict[str, float] = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90, "жүз": 100, "мың": 1e3, "миллион": 1e6,
    "миллиард": 1e9,
}  # fmt: skip
KY_WORDS: dict[str, float] = {
    "бир": 1, "эки": 2, "үч": 3, "төрт": 4, "беш": 5, "алты": 6, "жети": 7, "сегиз": 8,
    "тогуз": 9, "он": 10, "жыйырма": 20, "отуз": 30, "кырк": 40, "элүү": 50, "алтымыш": 60,
    "жетимиш": 70, "сексен": 80, "токсон": 90, "жүз": 100, "миң": 1e3, "миллион": 1e6,
    "миллиард": 1e9,
}  # fmt: skip
#: kk/ky case endings a number word takes («мыңға», «жүзден», «миңге», «жыйырмадан»): dative,
#: locative, ablative, genitive, accusative, instrumental and "about" (-дай). Only endings of two
#: letters or more, and only on number words of three letters or more other than "one": «онда»
#: ("there"), «бірге» ("together"), «алтын» ("gold") are no figures.
TURKIC_NUMBER_ENDINGS: dict[str, tuple[str, ...]] = {
    "kk": tuple(sorted(words(
        """ға ге қа ке на не да де та те нда нде дан ден тан тен нан нен ның нің дың дің тың тің
        ды ді ты ті ны ні мен бен пен дай дей тай тей"""))),
    "ky": tuple(sorted(words(
        """га ге ка ке го гө ко кө на не да де та те до дө то тө дан ден тан тен дон дөн тон төн
        нан нен нон нөн дын дин дун дүн тын тин тун түн нын нин нун нүн ды ди ду дү ты ти ту тү
        ны ни ну нү менен дай дей дой дөй тай тей той төй"""))),
}  # fmt: skip


def _inflected(table: dict[str, float], lang: str) -> dict[str, float]:
    """``table`` with each kk/ky number word also under its case-ending forms."""
    out = dict(table)
    for word, value in table.items():
        if len(word) < 3 or value == 1:
            continue
        for ending in TURKIC_NUMBER_ENDINGS[lang]:
            out.setdefault(word + ending, value)
    return out


#: kk/ky «жүз» is "hundred" and also "face" (and "swim"): its accusative forms («жүзді»,
#: «бет-жүзді» "the face"; ky «жүздү») are the noun or the verb ("swam"), not a figure — a
#: number word takes the accusative only when it stands for a noun.
NOT_NUMBER_FORMS: dict[str, frozenset[str]] = {
    "kk": frozenset({"жүзді", "жүзті", "жүзні"}),
    "ky": frozenset({"жүздү", "жүзтү", "жүзнү"}),
}


def _number_forms(lang: str) -> dict[str, float]:
    table = _inflected(KK_WORDS if lang == "kk" else KY_WORDS, lang)
    return {w: v for w, v in table.items() if w not in NOT_NUMBER_FORMS[lang]}


_WORD_TABLES: dict[str, dict[str, float]] = {
    "ru": RU_WORDS,
    "kk": _number_forms("kk"),
    "ky": _number_forms("ky"),
}
#: «бет-жүз» ("face", kk and ky): the word after «бет-» is no number.
_FACE = re.compile(r"бет\s*-\s*$", re.IGNORECASE)

#: Vague quantities ("thousands of") as value ranges [low, high).
VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 100), "hundreds": (200, 1000), "thousands": (1000, 10000),
    "tens of thousands": (10000, 100000), "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e7), "десятки": (20, 100), "сотни": (200, 1000), "тысячи": (1000, 10000),
    "десятки тысяч": (10000, 100000), "сотни тысяч": (1e5, 1e6), "миллионы": (1e6, 1e7),
    "мыңдаған": (1000, 10000), "ондаған мың": (10000, 100000), "жүздеген": (200, 1000),
    "миңдеген": (1000, 10000), "ондогон миң": (10000, 100000), "жүздөгөн": (200, 1000),
}  # fmt: skip
_VAGUE = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|процент\w*|пайыз\w*)", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A figure found in a text: its value (or range), its span and text."""

    text: str
    start: int
    end: int
    value: float
    high: float | None = None
    percent: bool = False
    unit: str = ""
    year: int | None = None
    #: A date that is one end of a range in one month: the range (see ``DateValue.period``).
    period: tuple[int, int] | None = None

    @property
    def vague(self) -> bool:
        """True for a range such as "thousands"."""
        return self.high is not None


_SIGN_BEFORE = re.compile(rf"[{re.escape(CURRENCY_SIGNS)}]\s?$")


def sign_money(fig: Figure, text: str) -> bool:
    """``fig`` is a sum of money by its sign: a currency sign of :data:`CURRENCY_SIGNS` stands
    right before it (or opens its text)."""
    return bool(_SIGN_BEFORE.search(text[max(0, fig.start - 2) : fig.start])) or (
        fig.text.startswith(tuple(CURRENCY_SIGNS))
    )


def find_figures(text: str, lang: str | None = None) -> list[Figure]:
    """Find every figure in ``text``: digits (with multipliers), number words, vague amounts.

    Args:
        text: English, or kk/ky/ru text.
        lang: The language of Cyrillic text (``ru`` when None); picks the number-word table.
    """
    return list(_figures(text, lang))


@functools.lru_cache(maxsize=16384)
def _figures(text: str, lang: str | None) -> tuple[Figure, ...]:
    """:func:`find_figures`, once per text and language (a statement is read for every outlet
    that retells it)."""
    figures = [
        Figure(text[d.start : d.end], d.start, d.end, d.month * 100 + d.day, unit="date",
               year=d.year, period=d.period)
        for d in find_dates(text)
    ]  # fmt: skip
    taken = _Taken((f.start, f.end) for f in figures)
    figures += [f for f in _clock_times(text) if not taken.overlaps(f.start, f.end)]
    taken = _Taken((f.start, f.end) for f in figures)
    digits = [
        f
        for m in _DIGITS.finditer(text)
        if not _after_model_name(text, m.start()) and (f := _from_digits(m)) is not None
    ]
    figures += [f for f in digits if not taken.overlaps(f.start, f.end)]
    taken = _Taken((f.start, f.end) for f in figures)
    for m in _VAGUE.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            low, high = VAGUE[m.group().lower()]
            figures.append(Figure(m.group(), m.start(), m.end(), low, high))
            taken.add(m.start(), m.end())
    table = _WORD_TABLES.get(lang or "ru", RU_WORDS) if is_cyrillic(text) else EN_WORDS
    if lang in ("kk", "ky") and is_cyrillic(text):
        for f in _spelled_articles(text, table):
            if not taken.overlaps(f.start, f.end):
                figures.append(f)
                taken.add(f.start, f.end)
    figures += [f for f in _from_words(text, table) if not taken.overlaps(f.start, f.end)]
    figures = [_as_article(text, _with_duration(text, f)) for f in figures]
    taken = _Taken((f.start, f.end) for f in figures)
    figures += [
        Figure(text[a:b], a, b, hours, unit="duration")
        for a, b, hours in implicit_durations(text)
        if not taken.overlaps(a, b)
    ]
    return tuple(sorted(figures, key=lambda f: f.start))


def _clock_times(text: str) -> list[Figure]:
    """Clock times as one figure each, valued in minutes after midnight (unit ``time``).

    Only "HH:MM" or an hour with a.m./p.m. counts: a bare "6" stays a count.
    """
    out: list[Figure] = []
    for m in _TIME.finditer(text):
        if m.group("m") is None and m.group("ampm") is None:
            continue
        hour = int(m.group("h"))
        ampm = (m.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        minutes = hour * 60 + int(m.group("m") or 0)
        end = m.start() + len(m.group().rstrip()) - len(m.group("case") or "")
        out.append(Figure(text[m.start() : end], m.start(), end, minutes, unit="time"))
    for m in _DOT_TIME.finditer(text):
        if not (m.group("prep") or m.group("ampm") or m.group("local") is not None):
            continue
        hour = int(m.group("h"))
        ampm = (m.group("ampm") or "").strip().lower().replace(".", "")
        if ampm and hour > 12:
            continue
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        start, end = m.start("h"), m.end("ampm") if m.group("ampm") else m.end("m")
        out.append(Figure(text[start:end], start, end, hour * 60 + int(m.group("m")), unit="time"))
    return out


#: The end of an ordinal: English "1st", "22nd", "third"; in digits Russian «1-й», «5-го», «3-я»,
#: kk/ky «1-ші», «5-інші», «1-чи», «3-чү». Before a unit of time it names one day or year ("the
#: 1st day", «в 1-й день», «айдың 1-ші күнінде»), not a duration. (Russian «5-ти дней», «2-х
#: лет» are cardinals, kk/ky case endings «5-ке», «3-те» too.)
ORDINAL_END = re.compile(
    r"(?:st|nd|rd|th|\d-(?:[оы]?й|[ао]я|[ое]е|[оы]?го|[оы]?му|[оы]?м|ую|[ыі]?н?ш[ыі]|"
    r"[ыиуү]?н?ч[ыиуү]))$",
    re.IGNORECASE,
)


#: The number of an article, paragraph or part of a law, read before it: "Article 25", "Art.
#: 7", "paragraph 2", "Part 3", "Article 25(3)", «статья 25», «статьи 25», «ст. 7», «пункт 3»,
#: «п. 3», «часть 2», «ч. 2».
_ARTICLE_BEFORE = re.compile(
    r"(?<![\w.])(?:articles?|art\.|paragraphs?|para\.|clauses?|sub-?paragraphs?|sections?|parts?|"
    r"стать(?:я|и|е|ю|ей|ях|ям|ями)|ст\.|(?:под)?пункт(?:а|у|ом|е|ы|ов|ах|ам|ами)?|пп?\.|"
    r"част(?:ь|и|ью|ей|ях|ям|ями)|ч\.)\s*(?:№\s*)?(?:\d{1,4}\s*\(\s*)?$",
    re.IGNORECASE,
)
#: ... and after it, as an ordinal: «25-я статья», «3-й пункт», kk «25-бабы», «3-тармағы»,
#: «2-бөлігі», ky «25-беренеси», «3-бөлүгү», «25-статьясы» (a plain «25 баптан», «25 статей»,
#: «2 части» counts articles and parts: a quantity).
_ARTICLE_AFTER = re.compile(
    r"\d+(?:-(?:[аяйе]|[ао]я|[оы]?й|[оы]?го|[оы]?му|ую|[оы]?м)\s+(?:стать|(?:под)?пункт|част)|"
    r"(?:st|nd|rd|th)\s+(?:article|paragraph|part|clause|section)|"
    r"\s*-\s*(?:ба[пб]|тарма[қғ]|бөлі[кг]|берене|бөлү[кг]|пункт|статья))\w*",
    re.IGNORECASE,
)


#: A kk/ky article numbered in words, an ordinal word last: «жиырма бесінші бабы» ("the 25th
#: article"), ky «жыйырма бешинчи беренеси». Only before an article or paragraph word: an
#: ordinal elsewhere («екінші» "second, another", ky «акыркы үчүнчү бөлүктө» "in the last third
#: period") stays no figure.
_SPELLED_ARTICLE = re.compile(
    r"(?<!\w)(?P<num>(?:[^\W\d_]+\s+){0,3}[^\W\d_]+н[шч][ыіиуү])"
    r"\s+(?:ба[пб]|тарма[қғ]|берене)\w*",
    re.IGNORECASE,
)


def _spelled_articles(text: str, table: dict[str, float]) -> list[Figure]:
    """Article numbers written as kk/ky ordinal words (:data:`_SPELLED_ARTICLE`), unit
    ``article``: the number words before the ordinal and its stem make the number."""
    out = []
    for m in _SPELLED_ARTICLE.finditer(text):
        *before, last = m.group("num").split()
        # the ordinal's stem: «бесінші» → «бес», «екінші» → «екі», «жиырмасыншы» → «жиырма»
        stem = next((last[:-n] for n in (3, 4, 5) if last[:-n].lower() in table), None)
        if stem is None:
            continue
        parts = [*before, stem]
        while parts[0].lower() not in table:
            parts = parts[1:]  # words before the number («Конституцияның»)
        values = [table.get(p.lower()) for p in parts]
        if any(v is None or v < 20 or v % 10 for v in values[:-1]):
            continue  # only tens before the last word make one number («жиырма бес»)
        start = m.end("num") - len(last) - len(" ".join(parts[:-1])) - (len(parts) > 1)
        if text[start : m.end("num")].split() != [*parts[:-1], last]:
            continue  # the words were not single-spaced: no span to give
        value = sum(v for v in values if v is not None)
        out.append(Figure(text[start : m.end("num")], start, m.end("num"), value, unit="article"))
    return out


def _as_article(text: str, fig: Figure) -> Figure:
    """A figure in digits that numbers an article, paragraph or part of a law
    (:data:`_ARTICLE_BEFORE`, :data:`_ARTICLE_AFTER`) gets the unit ``article``: it pairs only
    with another such number and is never a figure one side leaves out ("Article 25" in a
    report for «Конституцияның жиырма бесінші бабы» or for no article at all is no figure
    added)."""
    if fig.unit or fig.vague or fig.percent or not fig.text[:1].isdigit():
        return fig
    if _ARTICLE_BEFORE.search(text, max(0, fig.start - 24), fig.start) or _ARTICLE_AFTER.match(
        text, fig.start
    ):
        return dataclasses.replace(fig, unit="article")
    return fig


#: A kk/ky figure with a possessive ending: «айдың 5-і күні» is "on the 5th (day) of the
#: month", one day, not five days (ky «айдын 5-и күнү»).
_POSSESSIVE_END = re.compile(r"\d-с?[ыіиуү]$", re.IGNORECASE)


def _with_duration(text: str, fig: Figure) -> Figure:
    """A figure followed by a unit of time becomes a duration in hours ("24 hours" = 24); an
    ordinal in digits does not (:data:`ORDINAL_END`), nor a kk/ky day of the month («5-і
    күні», :data:`_POSSESSIVE_END`)."""
    if (
        fig.unit
        or fig.vague
        or fig.percent
        or ORDINAL_END.search(fig.text)
        or _POSSESSIVE_END.search(fig.text)
    ):
        return fig
    unit = duration_unit(text, fig.end)
    if unit is None:
        return fig
    hours, end = unit
    return Figure(text[fig.start : end], fig.start, end, fig.value * hours, unit="duration")


def _after_model_name(text: str, start: int) -> bool:
    """The figure at ``start`` follows a capitalised name and a hyphen (Su-27, COVID-19).

    Only the 64 characters before the figure are searched (the name's own lookbehind still
    sees the character before them): searching from the start of the text made a line of
    many figures quadratic (2,500 figures in a 5,000-character line took 1 s here)."""
    return (
        start > 0
        and text[start - 1] == "-"
        and _MODEL_NAME.search(text, max(0, start - 64), start) is not None
    )


def _taken(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


class _Taken:
    """Spans already read as figures: :meth:`overlaps` answers as :func:`_taken` on the list
    of them, from the set of offsets they cover (a long line of figures asked every span for
    every figure: quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = []
        self.covered: set[int] = set()
        self.empty: list[int] = []
        self.reversed = False
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Take the span ``start``–``end``."""
        self.spans.append((start, end))
        if start < end:
            self.covered.update(range(start, end))
        elif start == end:
            self.empty.append(start)
        else:
            self.reversed = True

    def overlaps(self, start: int, end: int) -> bool:
        """True when a taken span overlaps ``start``–``end`` (``_taken``'s test)."""
        if start >= end or self.reversed:
            return _taken(start, end, self.spans)  # an empty or reversed span: as it was
        return any(p in self.covered for p in range(start, end)) or any(
            start < p < end for p in self.empty
        )


def _from_digits(m: re.Match[str]) -> Figure | None:
    raw = m.group("num")
    grouped = re.fullmatch(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?", raw)
    number = re.sub(r"[,\u00a0\u202f ]", "", raw) if grouped else raw.replace(",", ".")
    try:
        value = float(number)
    except ValueError:  # pragma: no cover - the regex only lets digits through
        return None
    mult = (m.group("sfx") or m.group("mult") or "").lower().rstrip(".")
    value *= _multiplier(mult)
    return Figure(m.group().rstrip(), m.start(), m.start() + len(m.group().rstrip()), value,
                  percent=bool(m.group("pct")))  # fmt: skip


def _multiplier(word: str) -> float:
    if not word:
        return 1.0
    for key, factor in _MULTIPLIERS.items():
        if word == key or (len(key) >= 3 and word.startswith(key)):
            return factor
    return 1.0


def _from_words(text: str, table: dict[str, float]) -> list[Figure]:
    figures: list[Figure] = []
    run: list[re.Match[str]] = []
    for m in [*_WORD.finditer(text), None]:
        word = m.group().lower() if m else ""
        if (
            m is not None
            and word.startswith("жүз")
            and _FACE.search(text, max(0, m.start() - 12), m.start())
        ):
            word = ""  # «бет-жүз»: "face"
        joiner = word == "and" and bool(run) and table.get(run[-1].group().lower(), 0) >= 100
        composes = not run or joiner or _composes(run[-1].group().lower(), word, table)
        if (
            m is not None
            and (word in table or joiner)
            and composes
            and (not run or _adjacent(text, run[-1], m))
        ):
            run.append(m)
            continue
        figures += _run_to_figure(text, run, table)
        run = [m] if m is not None and word in table else []
    return figures


def _composes(prev: str, word: str, table: dict[str, float]) -> bool:
    """Whether ``word`` continues a number ending in ``prev``: after a multiplier or "and"
    anything does; after a tens word only a unit ("twenty five"); never a unit after a unit
    ("two five-year terms" is 2 and 5, not 7)."""
    a, b = table.get(prev), table.get(word)
    if a is None or b is None or b >= 100 or a >= 100:
        return True
    return a >= 20 and a % 10 == 0 and b < 10


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    return re.fullmatch(r"[\s\-]*", text[a.end() : b.start()]) is not None


def _run_to_figure(text: str, run: list[re.Match[str]], table: dict[str, float]) -> list[Figure]:
    while run and run[-1].group().lower() not in table:
        run = run[:-1]
    if not run:
        return []
    total, current = 0.0, 0.0
    for m in run:
        v = table.get(m.group().lower())
        if v is None:
            continue
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    value = total + current
    if len(run) == 1 and run[0].group().lower() in _ALONE_NOT_FIGURES:
        return []
    start, end = run[0].start(), run[-1].end()
    pct = _PERCENT.match(text, end)
    if pct:
        end = pct.end()
    return [Figure(text[start:end], start, end, value, percent=bool(pct))]


def same_value(a: Mention, b: Mention) -> bool:
    """True when two figure mentions can denote the same quantity."""
    fa, fb = a.value, b.value
    assert isinstance(fa, Figure) and isinstance(fb, Figure)
    if fa.percent != fb.percent or (fa.unit == "date") != (fb.unit == "date"):
        return False
    if (fa.unit == "article") != (fb.unit == "article"):
        return False
    if (fa.unit == "time") != (fb.unit == "time"):
        return False
    if fa.unit == "date":
        return fa.value == fb.value and (fa.year is None or fb.year is None or fa.year == fb.year)
    if fa.vague and fb.vague:
        return fa.value == fb.value and fa.high == fb.high
    if fa.vague or fb.vague:
        rng, point = (fa, fb) if fa.vague else (fb, fa)
        return rng.value <= point.value < (rng.high or math.inf)
    return math.isclose(fa.value, fb.value, rel_tol=1e-9, abs_tol=1e-9)


def value_key(m: Mention) -> tuple[object, ...]:
    """Everything of a figure mention that :func:`same_value` reads: mentions with one key are
    alike to it (asked once per key, not once per mention, on a line of repeated figures)."""
    f = m.value
    assert isinstance(f, Figure)
    return (f.percent, f.unit, f.value, f.high, f.year)


def _any_same(mention: Mention, others: dict[tuple[object, ...], Mention]) -> bool:
    """True when ``mention`` has the value of one of ``others`` (one mention per value key)."""
    return any(same_value(mention, o) for o in others.values())


#: A person's age: "the 69-year-old", "aged 69", "Tokayev, 69, said", «69-летний», «69 жастағы»;
#: not «5 мың жастар» ("5,000 young people"), kk/ky «жастар», «жаштар», «жастық».
_AGE_AFTER = re.compile(
    r"(?:(?:-|\s)?years?(?:-|\s)|-)old\b|-летн|\s+жаст(?!ар|ық)|\s+жашт(?!ар|ык)", re.IGNORECASE
)
_AGE_BEFORE = re.compile(r"(?:\b[Aa]ged\s+|[A-ZА-ЯЁ][\w’'-]+,\s*)$")


def _is_age(text: str, fig: Figure) -> bool:
    after = text[fig.end : fig.end + 12]
    if _AGE_AFTER.match(after):
        return True
    return bool(_AGE_BEFORE.search(text[max(0, fig.start - 40) : fig.start])) and after.startswith(
        ","
    )


def _role(text: str, fig: Figure) -> str:
    if fig.percent:
        return "percent"
    if _is_age(text, fig):
        return "age"
    if fig.unit:
        return fig.unit
    if sign_money(fig, text) or _CURRENCY_AFTER.match(text[fig.end : fig.end + 9].strip()):
        return "money"
    if re.fullmatch(r"1[89]\d\d|20\d\d", fig.text):
        return "year"
    for word in _WORD.findall(text[fig.end : fig.end + 40])[:3]:
        w = word.lower()
        if w not in STOPWORDS:
            # the counted word, marked so that "five-year term" (role "w:year") is no *year*
            # class and still pairs with «жеті жылдық» (7 vs 5 is a figure given differently)
            return f"w:{w[:5]}"
    return ""


#: A flag's note for a figure of a unit that a bare number does not tell (an article number
#: changed from 25 to 26 said "figure", as a count does).
_NOTES = {"article": "article number"}


def mentions(text: str, lang: str | None = None, *, with_spans: bool = True) -> list[Mention]:
    """Figures of ``text`` as mentions (spans dropped for source text)."""
    return [
        Mention(
            f.text,
            (f.start, f.end) if with_spans else None,
            role=_role(text, f),
            note=_NOTES.get(f.unit, "figure") if not f.vague else "vague amount",
            category="figure" if not f.vague else "vague amount",
            value=f,
            context=context_of(text, (f.start, f.end)) if with_spans else "",
        )
        for f in find_figures(text, lang)
    ]


def detect_numbers(ctx: DiffContext, claimed: Claims) -> Finding:
    """Figures that differ in value between statement and report (notation does not count).

    A figure one side gives and the other leaves out is a difference only when it is written in
    digits and is no year, duration or person's age ("the 69-year-old", "Tokayev, 69,"): "the three" vs "they", "2024" in a date one side gives
    without its year, or "in 24 hours" vs "overnight" are not differences.
    """
    statement = mentions(ctx.statement, ctx.src)
    report = mentions(ctx.report, "en")
    source = mentions(ctx.source, ctx.src, with_spans=False) if ctx.source else []
    if not ctx.statement.strip() and source:  # the source stands in for no translation
        statement, source = source, []
    found = compare_mentions(
        "number",
        statement,
        report,
        same_value,
        source=source,
        compatible=_same_class,
        group=value_key,
    )
    minor_s = {m.span for m in statement if m.span and _minor(m)}
    minor_r = {m.span for m in report if m.span and _minor(m)}
    changed = _changed_from(ctx.report, report, statement)
    minor_r -= changed
    # a figure repeated on one side ("80 years" in the headline and in the quote) is one fact
    report_values = {value_key(r): r for r in reversed(report)}
    statement_values = {value_key(x): x for x in reversed(statement)}
    minor_s |= {m.span for m in statement if m.span and _any_same(m, report_values)}
    minor_r |= {m.span for m in report if m.span and _any_same(m, statement_values)}
    kept = tuple(
        d
        for d in found.differences
        if (d.statement_span and d.report_span)
        or (d.statement_span is not None and d.statement_span not in minor_s)
        or (d.report_span is not None and d.report_span not in minor_r)
    )
    kept += _season_left_open(ctx) + _date_as_weekday(ctx, statement)
    kept = tuple(
        dataclasses.replace(d, note=f"{d.note}; the value it changed from", changed_from=True)
        if not d.statement_span and d.report_span in changed
        else d
        for d in kept
    )
    return Finding(kept, found.claims)


#: "... to eight dollars from five", "cut to one term of six years, she said, from the present
#: two four-year terms": the value a figure changed from.
_FROM_BEFORE = re.compile(
    r"(?<!\w)from\s+(?:the\s+|its\s+|their\s+)?(?:current|previous|present|existing|former|"
    r"earlier|old)?\s*$",
    re.IGNORECASE,
)
_TO_BEFORE = re.compile(r"(?<!\w)to\s+[^.;!?]{0,60}$", re.IGNORECASE)


def _changed_from(
    report_text: str, report: list[Mention], statement: list[Mention]
) -> set[tuple[int, int]]:
    """Report figures that give the value a statement's figure changed from ("raising the
    fee to eight dollars from five" where the statement says only "eight dollars"): spelled small
    numbers are otherwise no difference when one side leaves them out, but the old value is
    one the report adds. The figure must follow "from" (with "the current", "the previous"…),
    and a "to" before it must lead to a figure the statement gives, in the same sentence."""
    values = {value_key(x): x for x in reversed(statement)}
    shared = [m.span for m in report if m.span and _any_same(m, values)]
    out: set[tuple[int, int]] = set()
    for m in report:
        if m.span is None or not shared:
            continue
        before = _FROM_BEFORE.search(report_text, max(0, m.span[0] - 40), m.span[0])
        if before is None:
            continue
        to = _TO_BEFORE.search(report_text, max(0, before.start() - 70), before.start())
        if to and any(to.start() < a and b <= before.start() for a, b in shared):
            out.add(m.span)
    return out


def _date_as_weekday(ctx: DiffContext, statement: list[Mention]) -> tuple[Difference, ...]:
    """The statement gives a date («29 октября») and the report only a weekday ("on Sunday"),
    no date: the figure is gone and the reader cannot check the day (one ``number``
    difference)."""
    dated = [
        m for m in statement if m.span and isinstance(m.value, Figure) and m.value.unit == "date"
    ]
    day = WEEKDAY.search(ctx.report)
    if not dated or day is None or find_dates(ctx.report):
        return ()
    m = dated[0]
    assert m.span is not None
    return (
        Difference("number", m.text, day.group(), m.span, day.span(),
                   "date: the statement's date is only a weekday in the report"),
    )  # fmt: skip


def _season_left_open(ctx: DiffContext) -> tuple[Difference, ...]:
    """The statement names a season (or its original does: «биылғы күзде» "this autumn",
    «осенью») and the report gives no season and no date, only an open time ("in the coming
    months", "soon"): when it happens is left open (one ``number`` difference)."""
    season = next((t for t in (ctx.statement, ctx.source or "") if t and SEASON.search(t)), None)
    if season is None or SEASON.search(ctx.report) or find_dates(ctx.report):
        return ()
    vague = VAGUE_TIME.search(ctx.report)
    if vague is None:
        return ()
    mark = SEASON.search(season)
    assert mark is not None
    return (
        Difference("number", mark.group(), vague.group(),
                   mark.span() if season is ctx.statement else None, vague.span(),
                   "time: a season in the statement is an open time in the report"),
    )  # fmt: skip


def _minor(m: Mention) -> bool:
    fig = m.value
    assert isinstance(fig, Figure)
    if fig.unit in ("duration", "year", "date", "time", "article") or m.role in ("year", "age"):
        return True
    return not re.search(r"\d", fig.text) and not fig.vague and fig.value <= 10


_CLASSES = frozenset({"percent", "money", "year", "date", "duration", "time", "age", "article"})


def _same_class(a: Mention, b: Mention) -> bool:
    """Figures pair only within a class: percentages, money, years, counts (200 dollars is no
    counterpart of 20,000 people)."""
    return (a.role if a.role in _CLASSES else "") == (b.role if b.role in _CLASSES else "")
