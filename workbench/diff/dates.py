"""Dates and durations as values, in English and in kk/ky/ru text.

"2 March 2024", "March 2", "the second of March", "2 марта", "2 наурызда", "14-сентябрда" are
dates (month, day, and the year when given); "24 hours", "a day", "сутки", "2 недели" are
durations in hours. The number detector compares them as values, so "second of January" equals
"January 2" and "24 hours" equals "a day", and a year one side leaves out is no difference.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

_EN_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
#: Month stems per month number (ru and ky share the Russian names; kk has its own).
_MONTH_STEMS: dict[int, tuple[str, ...]] = {
    1: ("январ", "қаңтар"), 2: ("феврал", "ақпан"), 3: ("март", "наурыз"), 4: ("апрел", "сәуір"),
    5: ("ма[яйе]", "мамыр"), 6: ("июн", "маусым"), 7: ("июл", "шілде"), 8: ("август", "тамыз"),
    9: ("сентябр", "қыркүйек"), 10: ("октябр", "қазан"), 11: ("ноябр", "қараша"),
    12: ("декабр", "желтоқсан"),
}  # fmt: skip
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
ORDINAL_DAYS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORDINALS)}
ORDINAL_DAYS.update({f"twenty-{w}": 21 + i for i, w in enumerate(_ORDINALS[:9])})
ORDINAL_DAYS.update({"thirtieth": 30, "thirty-first": 31})
_CARDINALS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty",
]  # fmt: skip
#: Days written as cardinal words after the month ("September twenty").
CARDINAL_DAYS: dict[str, int] = {w: i + 1 for i, w in enumerate(_CARDINALS)}
CARDINAL_DAYS.update({f"twenty-{w}": 21 + i for i, w in enumerate(_CARDINALS[:9])})
CARDINAL_DAYS.update({"thirty": 30, "thirty-one": 31})

_MONTH_EN = "|".join(_EN_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_MONTH_CY = "|".join(f"(?:{stem})" for stems in _MONTH_STEMS.values() for stem in stems)
_ORD = "|".join(sorted(map(re.escape, ORDINAL_DAYS), key=len, reverse=True))
_CARD = "|".join(sorted(map(re.escape, CARDINAL_DAYS), key=len, reverse=True))
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)"


def turkic_forms(stem: str, *, plural: str = "лдт", first: str = "", deriv: bool = True) -> str:
    r"""A regex for ``stem`` alone or with the endings a kk/ky noun takes: plural, possessive,
    case (dative, locative, ablative, genitive, accusative, "of" -дағы) and, with ``deriv``,
    the adjective in -лық/-дық and the adverb in -лап. Callers add ``(?!\w)``: the word is the
    stem with these endings and nothing else, so «айда», «айлар», «айынан» are months and
    «аймақ» ("region"), «айна», «айдар» are not; «күнге» is days, «күнделікті» ("daily") is
    not. ``plural`` is the letter its plural starts with, ``first`` the letters an ending may
    start with (any when empty)."""
    case = r"[ғгқк][аеоө]|н?[дт][аеоө](?:н|[ғг][ыіиуү])?|[нтд][ыіиуү][ңн]?|н[аеоө]н?"
    possessive = r"с?[ыіиуү](?:н(?:[аеоө]н?|[дт][аеоө](?:н|[ғг][ыіиуү])?|[ыіиуү][ңн])?)?"
    tail = rf"(?:[{plural}][аеоө]р)?(?:{possessive}|{case})?"
    if deriv:
        tail = rf"(?:{tail}|[лдт][ыіиуү][қкг]|л[аеоө]п)"
    guard = f"(?=[{first}])" if first else ""
    return rf"{stem}(?:{guard}{tail})?"


#: A month word after its day: the stem with a Russian ending (the stems of
#: :data:`_MONTH_STEMS` hold the letters before it) or kk/ky endings, not any word the stem
#: starts («5 майор», «6 маусымдық» "seasonal" are no dates).
_MONTH_WORD = rf"(?P<m5>{_MONTH_CY})(?:[ьяеюиау]|[её]м|ом)?" + turkic_forms("", deriv=False)

#: A kk/ky month in the genitive: «қыркүйектің», «желтоқсанның», «шілденің», «сентябрдын»,
#: «сентябрынын» (its possessive first), «майдын».
_MONTH_GENITIVE = rf"(?P<m8>{_MONTH_CY})ь?[ыіиуү]?[ндт][ыіиуү][ңн]"
#: A day's ordinal after the genitive month: «14-і», «16-сы», «5-ші», «1-інші», ky «14ү», «5-чи»,
#: «14-үнчү», with a case ending («14-інде», «1-інен», «14-үндө», «14-індегі»).
_DAY_ORDINAL = (
    r"-?(?:[ыіиуү]?н?[шч][ыіиуү]|с?[ыіиуү])"
    r"(?:н(?:[дт][аеоө](?:[ғгк][ыіиуү])?|[аеоө]н?|[ыіиуү][ңн]))?"
)
#: «күні», «күнү», «күнгі», «жұлдызы» after a day of the month ("on the 14th"): part of the date.
_DAY_WORD = r"(?:\s+(?:күн[іиүг]\w*|жұлдыз\w*))?"

_DATE = re.compile(
    # a day after a hyphen is a date when a figure is before the hyphen («14-17 сентября»,
    # the end of a range), not after a name (COVID-19 September)
    r"(?<!\w)(?<![^\d]-)(?:"
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_EN})\.?(?:,?\s+{_YEAR})?|"
    rf"(?P<m2>{_MONTH_EN})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y2>(?:1[89]|20)\d\d))?|"
    rf"(?:the\s+)?(?P<o3>{_ORD})\s+of\s+(?P<m3>{_MONTH_EN})(?:,?\s+(?P<y3>(?:1[89]|20)\d\d))?|"
    rf"(?P<m4>{_MONTH_EN})\s+(?:the\s+)?(?P<o4>{_ORD})|"
    rf"(?P<m7>(?!may\b|march\b)(?:{_MONTH_EN}))\s+(?P<c7>{_CARD})(?![\w-])|"
    rf"(?:(?P<y5>(?:1[89]|20)\d\d)\s*(?:жылғы|жылы|-жылы|-жылдын|ж\.)\s+)?"
    rf"(?P<d5>\d{{1,2}})(?:-(?:го|ого|е|ое)(?=\s))?[\s-]*{_MONTH_WORD}"
    r"(?:\s+(?P<y6>(?:1[89]|20)\d\d)\s*(?:года|г\.?))?|"
    # kk/ky, the month first in the genitive: «2023 жылғы қыркүйектің 14-інде»
    rf"(?:(?P<y8>(?:1[89]|20)\d\d)\s*-?\s*(?:жылғы|жылы|жылдын|жылдың|ж\.)\s+)?"
    rf"{_MONTH_GENITIVE}\s+(?P<d8>\d{{1,2}}){_DAY_ORDINAL}(?!\w){_DAY_WORD}"
    r")(?!\w)",
    re.IGNORECASE,
)

#: Duration units in hours: whole words with their endings (:func:`turkic_forms`), not every
#: word they start: «он аймағында» is "in ten regions", «2 частях» "in two parts", «5
#: күнделікті» "5 daily".
_UNITS: tuple[tuple[str, float], ...] = (
    (
        r"hours?|hrs?|час(?:ов(?:ой|ого|ому|ым|ом|ая|ую|ые|ых|ыми)?|а|ам|ами|ах|у)?|"
        + turkic_forms("сағат", plural="т", first="тқы")
        + "|"
        + turkic_forms("саат", plural="т", first="ткы"),
        1.0,
    ),
    (
        r"days?|сут(?:ки|ок|кам|ками|ках|ку|кой|очн\w*)|дн(?:я|ей)|день|"
        + turkic_forms("сутка", plural="л", first="сгғдлн")  # ky «30 суткага»
        + "|"
        + turkic_forms("тәулі[кг]", plural="т", first="ктгі")  # kk «30 тәулікке»
        + "|"
        + turkic_forms("күн", plural="д", first="дгніүе"),
        24.0,
    ),
    (
        r"weeks?|недел\w*|"
        + turkic_forms("апта", plural="л", first="сғгдлн")
        + "|"
        + turkic_forms("жума", plural="л", first="сгдлн"),
        168.0,
    ),
    (r"months?|месяц\w*|" + turkic_forms("ай", plural="л", first="лдғгы"), 720.0),
)
_UNIT = re.compile(
    r"\s*(?:-\s*)?(?:"
    + "|".join(f"(?P<u{i}>{rx})" for i, (rx, _) in enumerate(_UNITS))
    + r")(?!\w)",
    re.IGNORECASE,
)
_ONE_UNIT = re.compile(
    r"(?<!\w)(?:(?:an?|one|a\s+single|за|бір|бир)\s+(?P<u>hour|day|week|month|сутки|тәулік|сутка)|"
    r"(?P<s>сутки|тәулік))(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateValue:
    """A date found in a text: month, day and the year when given, with its span."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    #: For an end of a range in one month ("14–17 September"), the range as (first, last)
    #: month * 100 + day: one period, not two days (the alignment's anchors key it so).
    period: tuple[int, int] | None = None


def find_dates(text: str) -> list[DateValue]:
    """Dates in ``text`` (English or kk/ky/ru)."""
    out = []
    month_first: list[bool] = []  # "September 14": a range's second day may follow it
    for m in _DATE.finditer(text):
        g = {k: v for k, v in m.groupdict().items() if v}
        month = _month(
            g.get("m1")
            or g.get("m2")
            or g.get("m3")
            or g.get("m4")
            or g.get("m7")
            or g.get("m8")
            or g.get("m5", "")
        )
        if "o3" in g or "o4" in g:
            day = ORDINAL_DAYS[(g.get("o3") or g["o4"]).lower()]
        elif "c7" in g:
            day = CARDINAL_DAYS[g["c7"].lower()]
        else:
            day = int(g.get("d1") or g.get("d2") or g.get("d5") or g.get("d8") or 0)
        year = g.get("y") or g.get("y2") or g.get("y3") or g.get("y5") or g.get("y6") or g.get("y8")
        if month and 1 <= day <= 31:
            out.append(DateValue(m.start(), m.end(), month, day, int(year) if year else None))
            month_first.append("m2" in g)
    return _with_range_ends(text, out, month_first)


#: The first day of a range whose second day has the month: "14–17 September", «14-17
#: сентября», «с 14 по 17 сентября», "between 14 and 17 September", «14 мен 17 қыркүйек»,
#: «14-нен 17 қыркүйекке дейін» (the ablative, with «дейін»/«чейин» after the date); a kk/ky
#: year before it («2022 жылғы 14-17 қыркүйекте») is the range's year.
_RANGE_FIRST = re.compile(
    r"(?:(?P<y>(?:1[89]|20)\d\d)\s*(?:жылғы|жылы|-жылы|-жылдын|ж\.)\s+)?"
    r"(?:(?<!\w)(?P<lead>from|between|с|со|между)\s+)?"
    r"(?<![\w.,:-])(?P<d>\d{1,2})(?:st|nd|rd|th|-?(?:го|е|ого))?"
    r"(?:\s*(?:[-–—]|(?P<word>to|through|until|till|and|по|до|и|мен|бен|пен|менен))\s*"
    r"|-?(?P<abl>[дтн][аеоө]н)\s+)$",
    re.IGNORECASE,
)
#: The second day of a range after a date with its month first: "September 14-17", "from
#: September 14th to 17th", "between September 14 and 17", "September 14–17, 2022".
_RANGE_SECOND = re.compile(
    r"\s*(?:[-–—]|\s(?P<word>to|through|until|till|and)\s)\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?![\w:.,]\d|\w)(?:,?\s+(?P<y>(?:1[89]|20)\d\d)(?!\w))?",
    re.IGNORECASE,
)
#: «дейін», «чейин», «шейін»: "until", after the second date of a kk/ky range.
_UNTIL_AFTER = re.compile(r"\s+(?:дейін|дейiн|шейін|чейин)(?!\w)", re.IGNORECASE)
#: Joining words only a range's lead makes a range: "between 14 and 17", «с 14 до 17».
_NEEDS_LEAD = {"and": ("between",), "и": ("между",), "до": ("с", "со")}


def _with_range_ends(text: str, dates: list[DateValue], month_first: list[bool]) -> list[DateValue]:
    """``dates`` with the other day of each range that shares one month (and year) with a
    date: "14" of «14-17 сентября» and "17" of "September 14-17" are dates too, with the
    month and year of the range (the first day before the second, in one month)."""
    out: list[DateValue] = []
    for date, first in zip(dates, month_first, strict=True):
        if first:
            m = _RANGE_SECOND.match(text, date.end)
            if m and _joined(m, text, date.start) and date.day < int(m.group("d")) <= 31:
                year = date.year or (int(m.group("y")) if m.group("y") else None)
                day = int(m.group("d"))
                period = (date.month * 100 + date.day, date.month * 100 + day)
                out += [
                    dataclasses.replace(date, year=year, period=period),
                    DateValue(m.start("d"), m.end(), date.month, day, year, period),
                ]
                continue
        else:
            m = _RANGE_FIRST.search(text, max(0, date.start - 40), date.start)
            if (
                m
                and _joined(m, text, m.start("d"))
                and int(m.group("d")) < date.day
                and (not m.group("abl") or _UNTIL_AFTER.match(text, date.end))
                and not any(o.start < m.end("d") and m.start() < o.end for o in out)
            ):
                year = date.year or (int(m.group("y")) if m.group("y") else None)
                start = m.start("y") if m.group("y") else m.start("d")
                day = int(m.group("d"))
                period = (date.month * 100 + day, date.month * 100 + date.day)
                out += [
                    DateValue(start, m.end("d"), date.month, day, year, period),
                    dataclasses.replace(date, year=year, period=period),
                ]
                continue
        out.append(date)
    return sorted(out, key=lambda d: d.start)


def _joined(m: re.Match[str], text: str, before: int) -> bool:
    """The range's joining word needs no lead, or has its lead ("between" before "and")."""
    leads = _NEEDS_LEAD.get((m.group("word") or "").lower())
    if leads is None:
        return True
    lead = m.groupdict().get("lead") or _lead_before(text, before)
    return (lead or "").lower() in leads


def _lead_before(text: str, start: int) -> str:
    """The word right before ``start`` ("between" of "between September 14 and 17")."""
    m = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    return m.group(1) if m else ""


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    for i, name in enumerate(_EN_MONTHS, start=1):
        if name.startswith(w) and len(w) >= 3:
            return i
    for number, stems in _MONTH_STEMS.items():
        if any(re.match(stem, w) for stem in stems):
            return number
    return 0


def duration_unit(text: str, end: int) -> tuple[float, int] | None:
    """The duration unit right after offset ``end`` (hours per unit, end of the unit)."""
    m = _UNIT.match(text, end)
    if m is None:
        return None
    for i, (_, hours) in enumerate(_UNITS):
        if m.group(f"u{i}"):
            return hours, m.end()
    return None  # pragma: no cover - one group always matches


def implicit_durations(text: str) -> list[tuple[int, int, float]]:
    """Durations written without digits ("a day", "сутки", "overnight"): (start, end, hours)."""
    out = []
    for m in _ONE_UNIT.finditer(text):
        word = (m.group("u") or m.group("s")).lower()
        hours = 1.0 if word == "hour" else 168.0 if word == "week" else 720.0
        if word in ("day", "сутки", "тәулік", "сутка"):
            hours = 24.0
        out.append((m.start(), m.end(), hours))
    return out


#: Seasons (en, ru, kk, ky): "this autumn", «осенью», «биылғы күзде», «күздө».
SEASON = re.compile(
    r"(?<!\w)(?:autumn|fall(?=\s+(?:of\s+)?(?:\d{4}|this|next|last)\b)|(?<=this\s)fall|"
    r"(?<=next\s)fall|(?<=the\s)fall(?!\s+of\s+(?!\d{4}))|spring(?!\s*(?:-|board|s\b))|summer|"
    r"winter|осень\w*|осенн\w*|весн(?:ой|а|ы|у|е)|весенн\w*|летом|летн\w*|"
    r"зим(?:ой|а|ы|у|е|н\w+)|"
    # kk/ky: only the forms that cannot be another word («жазды» "wrote", «қысқа» "short")
    r"күзде|күзгі|күзінде|көктемде|көктемгі|жазда|жазғы|қыста|қысқы|"
    r"күздө|күзүндө|күзгү|жазында|жазгы|жайында|жайкы|кышында|кышкы)(?!\w)",
    re.IGNORECASE,
)
#: A time the report leaves open: "in the coming months", "soon", "in the near future".
VAGUE_TIME = re.compile(
    r"(?<!\w)(?:in\s+(?:the\s+)?(?:coming|next\s+few|next|upcoming)\s+(?:months|weeks)|"
    r"in\s+the\s+near\s+future|soon|shortly|later\s+this\s+year|before\s+long)(?!\w)",
    re.IGNORECASE,
)

#: English weekdays: "on Sunday" gives a day without its date.
WEEKDAY = re.compile(
    r"(?<!\w)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!\w)", re.IGNORECASE
)
