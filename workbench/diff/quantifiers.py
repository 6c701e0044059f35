"""Quantifiers and approximations: the ``quantifier`` detector.

"Up to 20,000", "around 20K", "at least 1,200" qualify a figure (``approx``, ``upper``,
``lower``); "all major cities" → "some other big cities" changes how much of a whole a claim
covers (``universal`` vs ``partial``); "fully" / «толугу менен» qualify a claim's degree. The markers are listed for English, Russian, Kazakh and
Kyrgyz, so that the original can show that a report's "fully" is the original's «толугу менен»
even when the official translation dropped it.

A figure qualifier or a degree on one side only is a difference; a universal on one side and a
partial on the other is one two-sided difference (an "all" or "some" merely left out is not,
except a statement's "all" before a noun that the report retells with no word of the whole:
"All schools will remain closed" → "Schools in the area will stay shut", see
:func:`_universal_dropped`). A qualifier glued to a figure that itself differs is reported once,
with the figure (see :func:`workbench.diff.core.find_differences`).
"""

from __future__ import annotations

import re

from workbench.diff import wordnet
from workbench.diff.base import Claims, DiffContext, Finding, Mention, compare_mentions, context_of
from workbench.diff.bilexicon import english_content, english_stem, load_bilexicon
from workbench.diff.morph import russian_pos
from workbench.diff.numbers import find_figures
from workbench.diff.text import STOPWORDS, is_cyrillic, per_text, words
from workbench.types import Difference

_F = re.IGNORECASE
_NUM = (
    r"(?=\s*(?:[$€£¥₸]\s?)?(?:\d|(?:twice|thrice|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|"
    r"fifty|a\s+(?:hundred|thousand|million)|hundreds|thousands|dozens|tens)\b))"
)
_NUM_CY = r"(?=\s*\d)"
#: Before a figure in digits or in Russian number words («около двадцати тысяч», «более тысячи»).
_NUM_RU = (
    r"(?=\s*(?:\d|(?:одн|дв[уаеоя]|тр[ёеи]|четыр|пят|шест|сем|восем|девят|десят|двадцат|"
    r"тридцат|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяност|сто\b|ста\b|сот|"
    r"двухсот|трехсот|трёхсот|тысяч|миллион|миллиард|полутор)\w*))"
)
#: «до» bounds a quantity only before digits or a number word with тысяч/миллион («до
#: двадцати тысяч»); «до двух часов» is a time.
_UPTO_RU = r"(?=\s*(?:\d|\w+\s+(?:тысяч|миллион)))"
#: A unit with the indefinite article stands for its figure ("at least a year", "about an hour",
#: "up to a week", "more than a decade"; dev23: four outlets wrote "at least a year" for a
#: statement's plain one year and none was flagged, the marker read only before digits or
#: number words). Not after "over" or "under" ("talks held over a week" is a duration), and
#: "about" not before "of" ("a film about a day of ..." is a topic).
_A_UNIT = (
    r"(?=\s*an?\s+(?:year|month|week|day|hour|minute|decade|century|fortnight|dozen)\b"
    r"(?!\s+of\b))"
)
#: The Russian qualifier before a bare genitive unit, the figure one unsaid («не менее года»,
#: «около месяца», «не более недели», «более суток»): what "at least a year" renders.
_UNIT_RU = r"(?=\s*(?:года|полугода|месяца|недели|суток|дня|часа|десятилетия|века)(?!\w))"
#: The same unit in the accusative, after "at least" («по крайней мере час», «как минимум на
#: неделю», «не меньше месяца»).
_UNIT_RU_ANY = (
    r"(?=\s*(?:на\s+)?(?:одн\w+\s+)?(?:год|года|полгода|полугода|месяц|месяца|неделю|недели|"
    r"сутки|суток|день|дня|час|часа)(?!\w))"
)
#: The same after a comma that sets «по крайней мере» off («по крайней мере, дважды»).
_COMMA_NUM_RU = _NUM_RU.replace("(?=", "(?=,?", 1)
_COMMA_UNIT_RU = _UNIT_RU_ANY.replace("(?=", "(?=,?", 1)
#: «до» before "one" and a unit, or after «срок», is "up to" («до одного года», «на срок до
#: недели»); a bare «до месяца» is as often "before the month" («за четыре месяца до месяца
#: старта»), «до дня выборов» "until election day".
_UPTO_UNIT_RU = (
    r"(?=\s*(?:одного|одной)\s+(?:года|месяца|недели|суток|дня|часа)(?!\w))|"
    r"(?<=срок\s)до(?=\s*(?:года|полугода|месяца|недели|суток)(?!\w))"
)
#: kk «кемінде» ("at least") bounds an amount only before a figure, as "at least" does: not
#: before a year («кемінде 2009 жылдың маусымында» is "at least the rest of the 2009 season")
#: nor alone («Кемінде, ...» is "at a minimum").
_KK_AT_LEAST = (
    r"кемінде(?=\s*(?:(?!(?:1[89]|20)\d\d(?!\d))\d|(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|"
    r"тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс|сексен|тоқсан|жүз|мың)(?!\w)))"
)
#: kk/ky qualifiers after "one" and a unit of time («бір жылға жуық», «бір айдан астам», «бир
#: жумага чейин»): the Turkic form of "about a month", "up to a week" (one look-behind each,
#: fixed width; a unit of place or a thing is left out: «бир үйгө жакын» is "near a house").
_ONE_UNIT = "|".join(
    rf"(?<=\b{one}\s{unit}\s)"
    for one in ("бір", "бир")
    for unit in sorted(
        words(
            "жылға жылдан айға айдан аптаға аптадан күнге күннен сағатқа сағаттан "  # kk
            "жылга айга жумага жумадан күнгө саатка сааттан"  # ky
        )
    )
)
#: kk/ky (and ru «с лишним») qualifiers follow the figure: «15тен ашык», «1000ге жакын».
_AFTER_NUM = (
    r"(?:(?<=\d\s)|(?<=\d\w\s)|(?<=\d\w\w\s)|(?<=\d\w\w\w\s)|(?<=\d\w\w\w\w\s)|"
    r"(?<=\d-\w\w\s)|(?<=\d-\w\w\w\s)|(?<=мың\w\w\w\s)|(?<=миң\w\w\w\s)|"
    r"(?<=мың\w\w\s)|(?<=миң\w\w\s)|(?<=жүз\w\w\s)|(?<=жүз\w\w\w\s)|(?<=мың\s)|(?<=миң\s)|"
    + _ONE_UNIT
    + ")"
)
#: kk/ky "about" glued to a figure: «20 мыңдай», «100-дей», «50дөй» (the figure normaliser
#: reads the figure itself).
_GLUED_APPROX = r"(?:(?<=\d)|(?<=\d-)|(?<=мың)|(?<=миң))(?:дай|дей|тай|тей|дой|дөй|той|төй)"

#: A lower bound glued to its figure: "80-plus years", "a 100-plus crowd", "50+ villages" (keys22:
#: "the largest in 80-plus years" for "of the last 80 years"). Not a sum ("2 plus 2", "1+1").
_GLUED_PLUS = r"(?<=\d)(?:-plus(?!\w)|\+(?![\w+]))"

#: A lower bound after its figure: "two or more offences", "18 or older", «60 или больше», «18 лет
#: и старше» (keys13). One fixed-width look-behind per number word.
_EN_OR_MORE = (
    r"(?:(?<=\d\s)|"
    + "|".join(
        rf"(?<=\b{w}\s)"
        for w in sorted(words("two three four five six seven eight nine ten twelve twenty hundred"))
    )
    + r")or\s+(?:more|older|above|over)"
    # ru «60 или больше голов», «18 лет и старше»
    + r"|(?:(?<=\d\s)|(?<=\d\s\w{3}\s)|(?<=\d\s\w{4}\s))(?:и|или)\s+(?:более|больше|старше)"
)
#: "More than one term", "more than one country": an idiom for "several", no qualifier of a
#: figure ("more than one million", "more than one in five" still are).
_NOT_IDIOM = (
    r"(?!\s+one\b(?!\s*(?:hundred|thousand|million|billion|trillion|in\b|and\b|half|third|"
    r"quarter|point|percent|per\b|-)))"
)
#: "just" for "only" ("just her third loss"), not the adjective ("a just settlement", "fair
#: and just", "Just Kazakhstan").
_JUST = (
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\band\s)(?<!\bmore\s)(?<!\bmost\s)"
    r"(?-i:just)(?!\s*,)"
)
#: What follows a "just" that means "only": an amount ("just two shots", "just 30 percent",
#: "just a few days", "just her third loss"). A "just" of time, comparison or emphasis ("a
#: trade just finding its footing again", "just as the moon does", "just before 7 a.m.") says
#: nothing of how much: the statement's is never flagged as dropped (a report's may still
#: render a statement's «только»).
_JUST_AMOUNT = re.compile(
    r"\s+(?:\d|(?:a\s+)?(?:few|handful|fraction|couple|dozen|quarter|third|half|single)\b|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|a\s+hundred|a\s+thousand)\b|"
    r"(?:his|her|its|their|our|the)\s+(?:second|third|fourth|fifth|first|last)\b)",
    re.IGNORECASE,
)
#: Markers by class: numeric qualifiers must precede a figure.
#: English number words of a span of years, ten or more ("for twenty years", "the past
#: thirty-five years", "two hundred years"; review13 K3).
_SPAN_WORD = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?:a|one|two|three|several)\s+hundred|hundreds\s+of)"
)
CLASSES: dict[str, re.Pattern[str]] = {
    "approx": re.compile(
        rf"(?:(?<!\w)(?:(?:about|around|roughly|approximately|nearly|almost|close\s+to){_A_UNIT}|"
        rf"около{_UNIT_RU}|{_AFTER_NUM}(?:жакын|жуық|шамасында|шамалы|чамалуу|шақты|чакты)|(?:about|around|roughly|approximately|nearly|almost|close\s+to|some|"
        rf"an\s+estimated|estimated|or\s+so|more\s+or\s+less|circa){_NUM}|около{_NUM_RU}|примерно|приблизительно|"
        rf"порядка{_NUM_RU}|почти|шамамен|болжол\s+менен|жакын{_NUM_CY})|{_GLUED_APPROX})(?!\w)",
        _F,
    ),
    "upper": re.compile(
        rf"(?<!\w)(?:(?:up\s+to|no\s+more\s+than|at\s+most|fewer\s+than|less\s+than|"
        rf"just\s+under){_A_UNIT}|не\s+(?:более|больше){_UNIT_RU}|до{_UPTO_UNIT_RU}|"
        rf"{_AFTER_NUM}(?:чейин|дейін|дейин)|(?:up\s+to|as\s+many\s+as|no\s+more\s+than|at\s+most|fewer\s+than|"
        rf"less\s+than|under|just\s+under){_NUM}|до{_UPTO_RU}|не\s+(?:более|больше){_NUM_RU}|"
        rf"(?<!не\s)(?:менее|меньше)\s+чем{_NUM_RU}|максимум{_NUM_CY})(?!\w)",
        _F,
    ),
    "lower": re.compile(
        rf"(?<!\w)(?:(?:at\s+least|more\s+than|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|"
        rf"no\s+less\s+than|just\s+over|well\s+over){_A_UNIT}|(?<!тем\s)не\s+менее{_UNIT_RU}|"
        rf"(?:более|больше){_UNIT_RU}|не\s+меньше{_NUM_RU}|не\s+меньше{_UNIT_RU_ANY}|"
        rf"по\s+крайней\s+мере{_COMMA_NUM_RU}|по\s+крайней\s+мере{_COMMA_UNIT_RU}|"
        rf"(?:как\s+)?минимум{_UNIT_RU_ANY}|дольше(?:\s+чем)?{_NUM_RU}|дольше{_UNIT_RU}|{_KK_AT_LEAST}|"
        rf"{_AFTER_NUM}(?:ашык|ашуун|астам|аса|артық|с\s+лишним|с\s+небольшим)|(?:at\s+least|more\s+than{_NOT_IDIOM}|over|above|upwards\s+of|in\s+excess\s+of|"
        rf"no\s+fewer\s+than|no\s+less\s+than|just\s+over|well\s+over|upward\s+of){_NUM}|"
        rf"(?<!тем\s)не\s+менее(?:\s+чем)?{_NUM_RU}|более(?:\s+чем)?{_NUM_RU}|свыше|больше(?:\s+чем)?{_NUM_RU}|"
        rf"(?:как\s+)?минимум{_NUM_CY}|кем\s+дегенде|кеминде|жок\s+дегенде|{_EN_OR_MORE})(?!\w)"
        rf"|{_GLUED_PLUS}",
        _F,
    ),
    "degree": re.compile(
        r"(?<!\w)(?:fully|completely|entirely|totally|wholly|полностью|целиком|толық|толығымен|"
        r"түгел|толук|толугу\s+менен)(?!\w)",
        _F,
    ),
    # "solely in the interests of", «исключительно гражданский объект», kk «тек қана», ky
    # «бир гана»: a claim narrowed to one thing; only its drop is flagged (see
    # :data:`_DROPPED_ONLY`). "Not only" is no exclusivity; the kk/ky particles «ғана»,
    # «гана» alone are left out (emphasis, "just": on faithful pairs they fired on 15 and 20
    # of 1,496 lines).
    "exclusive": re.compile(
        rf"(?<!\w)(?:solely|exclusively|purely|merely|alone|nothing\s+but|{_JUST}|"
        r"(?<!not\s)only(?!\s+(?:just|recently|after|when|then)\b)|исключительно|"
        r"(?<!не\s)(?<!как\s)только(?!\s+что)|(?<!не\s)лишь|тек(?:\s+қана)?|бир\s+гана)(?!\w)",
        _F,
    ),
    # How often (keys13, session 13): "has stated several times" retold as "has consistently
    # supported" makes a few occasions a constant stance. Both classes are flagged only against
    # each other (:data:`_PAIRED_ONLY`), and come before "every", "several", «каждый»,
    # «бірнеше», which they hold.
    "occasional": re.compile(
        r"(?<!\w)(?:several\s+times|a\s+number\s+of\s+times|more\s+than\s+once|"
        r"on\s+(?:several|a\s+number\s+of)\s+occasions|repeatedly|time\s+and\s+again|"
        r"sometimes|occasionally|from\s+time\s+to\s+time|неоднократн\w*|несколько\s+раз|"
        r"(?<!\w)не\s+раз|иногда|время\s+от\s+времени|бірнеше\s+(?:рет|мәрте)|талай\s+рет|"
        r"кейде|бир\s+нече\s+(?:жолу|ирет)|бир\s+канча\s+(?:жолу|ирет)|кээде)(?!\w)",
        _F,
    ),
    "constant": re.compile(
        r"(?<!\w)(?:always|consistently|constantly|invariably|continually|at\s+all\s+times|"
        r"every\s+time|unfailingly|steadfastly|всегда|постоянно|неизменно|последовательно|"
        r"неуклонно|каждый\s+раз|әрқашан|әрдайым|үнемі|ұдайы|дәйекті\s+түрде|дайыма|"
        r"ар\s+дайым|ардайым|ар\s+качан|ырааттуу\s+түрдө|ар\s+бир\s+жолу)(?!\w)",
        _F,
    ),
    # Without precedent or within a span (keys13): "a disaster whose equal there has not been
    # for many years" retold as "of unprecedented magnitude" lifts the bound. Flagged only
    # against each other, before "many" (partial).
    "unprecedented": re.compile(
        r"(?<!\w)(?:unprecedented|without\s+precedent|never\s+(?:been\s+)?(?:seen\s+)?before|"
        r"all-time|беспрецедентн\w*|небывал\w*|бұрын-соңды\s+болмаған|теңдесі\s+жоқ|"
        r"теңдешсиз|мурда\s+болуп\s+көрбөгөн)(?!\w)",
        _F,
    ),
    # A span in words is any number word of ten or more, or a century (review13 K3).
    "within_years": re.compile(
        r"(?<!\w)(?:(?:for|in)\s+(?:many|several)\s+years|(?:for|in)\s+(?:recent\s+)?decades|"
        rf"(?:(?:the\s+)?(?:last|past)\s+)?(?:\d+|{_SPAN_WORD})(?:-odd|\s+odd)?\s+years|"
        r"(?:for|in|over|within)\s+(?:(?:more|less)\s+than\s+)?(?:(?:the\s+)?(?:last|past)\s+)?"
        r"(?:a|one|half\s+a)\s+century|(?:for|in|over)\s+centuries|многие\s+годы|много\s+лет|"
        r"(?:за\s+)?последние\s+(?:\d+|\w+)\s+(?:\w+\s+)?(?:лет|десятилети\w*)|"
        r"десятилети\w*|көп\s+жыл\w*|соңғы\s+\d+\s+жыл\w*|ондаған\s+жыл\w*|"
        r"акыркы\s+\d+\s+жыл\w*|ондогон\s+жыл\w*)(?!\w)",
        _F,
    ),
    # "the most valuable" is a superlative, "a many-hour broadcast", "all-time", "winner-takes-all"
    # compounds, "all kinds of topics" a variety: no scope; "first of all", "once and for all",
    # "all in all" are discourse idioms, not an "all" over what follows
    "universal": re.compile(
        r"(?<!\w)(?:(?<!first\sof\s)(?<!and\sfor\s)(?<!all\sin\s)"
        r"all(?!\s+(?:but|of\s+a\s+sudden|kinds|sorts|manner|types|in\s+all)\b|-)(?<!-all)|"
        r"every|entire|whole|все|всех|всё|"
        r"весь|вся|"
        r"всю|каждый|каждого|барлық\w*|бүкіл|әрбір|бардык\w*|бүт|баары|ар\s+бир)(?!\w)",
        _F,
    ),
    "partial": re.compile(
        r"(?<!\w)(?:some(?!\s*\d)|several|a\s+few|few|many(?!-)|(?<!the\s)(?<!at\s)most(?!-)|"
        r"part\s+of|certain|partly|"
        r"partially|a\s+number\s+of|некоторы\w*|несколько|часть|многи\w*|большинств\w*|"
        r"частично|кейбір|бірнеше|көптеген|ішінара|кээ\s+бир|бир\s+нече|көптөгөн|"
        r"жарым-жартылай)(?!\w)",
        _F,
    ),
}
#: kk/ky number words (the figure a qualifier after a counted noun refers to).
_TURKIC_NUMBER = (
    r"(?:бір|бир|екі|эки|үш|үч|төрт|бес|беш|алты|жеті|жети|сегіз|сегиз|тоғыз|тогуз|он|жиырма|"
    r"жыйырма|отыз|отуз|қырық|кырк|елу|элүү|алпыс|алтымыш|жетпіс|жетимиш|сексен|тоқсан|токсон|"
    r"жүз)(?!\w)|(?:мың|миң|миллион|миллиард)\w*"
)
#: A kk/ky qualifier after the counted noun, not glued to the figure: «20 миллионнан астам»,
#: «380 000 адамнан асатын», «үш айдан аса», «20 пайыздан жогору», «18 айдан көбүрөөк» ("more
#: than": an ablative, then "exceeding"). The figure is a number in digits or words at most two
#: words before the noun («100 миллион АКШ доллардан ашкан»). "Up to" after a noun («10
#: дюймга чейин») is left out: on the calibration halves it fired more often than it matched
#: (ky NTREX 55 → 61 false fires with it, the ends of ranges «1ден 4 дюймга чейин» and values
#: reached «80 градуска чейин» among them). What is glued to the figure is read up to 30
#: characters: an unbounded ``\S*`` ran to the end of a line without spaces from every digit
#: ("1,1,1,…": 1.8 s for 4,000 characters, quadratic).
_TURKIC_AFTER_NOUN = re.compile(
    rf"(?<!\w)(?:\d[\d\s,.]{{0,12}}\S{{0,30}}|{_TURKIC_NUMBER})\s+(?:\w+\s+){{0,2}}"
    r"(?:(?P<lower>(?<=[дтн][аеоө]н\s)(?:астам\w*|ас(?:а|ып|қан|атын|ады|ты)|артық|аш(?:ык|ыг)\w*|"
    r"ашуун\w*|аш(?:кан|ып|ат|ты)|жогору|көбүрөөк|көп)))(?!\w)",
    _F,
)
#: «до» after a verb of change or in a range is "to", not "up to": «число жертв выросло до 832»
#: (rose to 832), «сократить с 10 до 7 лет» (from 10 to 7). Read in the 60 characters before it.
_RU_CHANGED_TO = re.compile(
    r"(?:(?<!\w)(?:вы?рос\w*|вырастет|вырастут|увелич\w*|сократ\w*|сокращ\w*|сниз\w*|снижа\w*|"
    r"повы[сш]\w*|пониз\w*|упал\w*|упад[её]т|подскоч\w*|подня\w*|поднима\w*|опуст\w*|"
    r"достиг\w*|достига\w*|возрос\w*|возраста\w*|дошл\w*|дош[её]л|довед\w*|доведен\w*)"
    r"(?:\s+\S+){0,3}|(?<!\w)[сС]\s+\S+(?:\s+\S+)?)\s+$",
    _F,
)
#: A year just before an upper/lower marker: «2025-жылга чейин», «до 2025 года» say "until".
#: (Clock times are the figure normaliser's: see :func:`_is_time_limit`.)
_YEAR_BEFORE = re.compile(r"\b(?:1[89]|20)\d{2}\S*\s+(?:жыл|год)\S*\s*$")

#: Classes that stand against each other on the two sides (one two-sided difference).
_FAMILY = {"universal": "scope", "partial": "scope", "approx": "figure", "upper": "figure",
           "lower": "figure", "degree": "degree", "exclusive": "exclusive",
           "occasional": "frequency", "constant": "frequency",
           "unprecedented": "precedent", "within_years": "precedent"}  # fmt: skip
#: Classes flagged only when the other side has the opposite ("all" → "some"): an "all" or a
#: "some" merely left out or added is how paraphrase reads.
_PAIRED_ONLY = frozenset(
    {"universal", "partial", "occasional", "constant", "unprecedented", "within_years"}
)
#: Classes flagged only when the statement has them and the report does not: a report's own
#: "only" is how paraphrase reads as often as it narrows a claim.
_DROPPED_ONLY = frozenset({"exclusive"})


@per_text
def quantifier_mentions(text: str, *, with_spans: bool = True) -> list[Mention]:
    """Quantifier markers of ``text`` with their class as role."""
    found: list[tuple[int, int, str]] = []
    for cls, rx in CLASSES.items():
        for m in rx.finditer(text):
            if cls in ("upper", "lower") and _is_time_limit(text, m.start(), m.end()):
                continue
            if cls == "upper" and _RU_CHANGED_TO.search(text, max(0, m.start() - 60), m.start()):
                continue
            if not any(m.start() < e and s < m.end() for s, e, _ in found):
                found.append((m.start(), m.end(), cls))
    for m in _TURKIC_AFTER_NOUN.finditer(text):
        cls = "lower"
        s0, e0 = m.span(cls)
        if _is_time_limit(text, s0, e0):
            continue
        if not any(s0 < e and s < e0 for s, e, _ in found):
            found.append((s0, e0, cls))
    return [
        Mention(text[s:e], (s, e) if with_spans else None, role=cls, note=f"quantifier:{cls}", category=cls,
                context=context_of(text, (s, e)) if with_spans else "")
        for s, e, cls in sorted(found)
    ]  # fmt: skip


def _is_time_limit(text: str, start: int, end: int) -> bool:
    """The marker bounds a time, not a quantity: a clock time or a date (as the figure
    normaliser reads them) ends just before it or starts just after it («08:55ке чейин», «до
    08:55», «до 21 апреля», «21 сәуірге дейін», "until 08:55"), or a year precedes it
    («2025-жылга чейин»)."""
    if _YEAR_BEFORE.search(text, max(0, start - 24), start):
        return True
    return any(
        f.unit in ("time", "date") and (0 <= start - f.end <= 6 or 0 <= f.start - end <= 2)
        for f in find_figures(text)
    )


def detect_quantifiers(ctx: DiffContext, claimed: Claims) -> Finding:
    """Qualifiers of figures and of scope that one side has and the other has not."""
    statement = quantifier_mentions(ctx.statement)
    report = _once_per_word(_once_per_figure(quantifier_mentions(ctx.report)))
    source = quantifier_mentions(ctx.source, with_spans=False) if ctx.source else []
    if not ctx.statement.strip() and source:
        statement, source = source, []
    found = compare_mentions(
        "quantifier",
        statement,
        report,
        lambda a, b: a.role == b.role,
        source=source,
        compatible=lambda a, b: _FAMILY[a.role] == _FAMILY[b.role],
    )
    kept = tuple(
        d
        for d in found.differences
        if (d.statement_span and d.report_span)
        or (
            _class(d) not in _PAIRED_ONLY
            and not (
                _class(d) in _DROPPED_ONLY and d.report_span is not None and d.origin == "report"
            )
        )
        or _universal_dropped(d, ctx)
    )
    kept = tuple(d for d in kept if not _degree_carried(d, ctx) and not _just_of_time(d, ctx))
    return Finding(kept, found.claims)


#: Words that carry a degree of the whole without being the ``degree`` markers themselves:
#: "under full control" for «полностью контролируемая», "totally false" for «абсолютно
#: ложные». They answer a degree of the other side and are never flagged on their own (alone
#: they are too common: "a full day", «совершенно новый»).
_DEGREE_CARRIED = {
    "en": re.compile(
        r"(?<!\w)(?:full|fully|total|totally|complete|completely|entire|entirely|absolute|"
        r"absolutely|utter|utterly|whole|wholly|in\s+full|altogether|"
        # "we have every opportunity" for «толық мүмкіндігіміз бар» (full opportunity)
        r"every\s+(?:possible\s+)?(?:opportunity|chance|possibility|means|effort|reason|right))"
        r"(?!\w)",
        re.IGNORECASE,
    ),
    "src": re.compile(
        r"(?<!\w)(?:полност\w*|полн(?:ый|ая|ое|ые|ого|ой|ую|ом|ым|ыми|ых)|целиком|абсолютн\w*|"
        r"совершенн\w*|вполне|всецело|мүлде\w*|толы\w*|түгел\w*|тұтас\w*|түбегейлі\w*|"
        r"таптакыр|такыр|толук\w*|толугу\w*|бүтүндөй)(?!\w)",
        re.IGNORECASE,
    ),
}


def _just_of_time(d: Difference, ctx: DiffContext) -> bool:
    """The statement's "just" dropped where it says nothing of how much (no amount after it:
    see :data:`_JUST_AMOUNT`): "a trade that is just finding its footing again" retold as "a
    trade still finding its footing" narrows no claim."""
    if _class(d) != "exclusive" or d.report_span is not None or d.statement_span is None:
        return False
    return d.statement.lower() == "just" and not _JUST_AMOUNT.match(
        ctx.statement, d.statement_span[1]
    )


def _degree_carried(d: Difference, ctx: DiffContext) -> bool:
    """A one-sided ``degree`` difference whose other side carries a degree of the whole in
    another word: the statement's «полностью» against the report's "under full control", the
    report's "totally" against the original's «абсолютно». A degree of the original that the
    translation dropped and the report keeps stays the translation's (origin ``translation``)."""
    if _class(d) != "degree" or (d.statement_span and d.report_span) or d.origin != "report":
        return False
    if d.report_span is None:  # the statement's degree: does the report carry one?
        return bool(_DEGREE_CARRIED["en"].search(ctx.report))
    others = [t for t in (ctx.statement, ctx.source or "") if t.strip()]
    return any(_DEGREE_CARRIED["src" if is_cyrillic(t) else "en"].search(t) for t in others)


#: Words after a universal that are no noun it quantifies: "all of them", "all that", "all
#: but", "everything" (the universal is then a pronoun, which paraphrase retells freely).
_NOT_NOUN = words(
    """of them they we you it this that these those is are was were be been will would can could
    must should have has had the its their our his her my your such"""
)
#: Report words that keep a claim about the whole (besides the ``universal`` class): "each",
#: "per family", "both", "across the country", "no one", "nationwide".
_WHOLE_KEPT = re.compile(
    r"(?<!\w)(?:each|per|both|any\w*|every\w*|all\w*|entire\w*|whole\w*|across|throughout|"
    r"nationwide|countrywide|universal\w*|total\w*|altogether|without\s+exception|no|none|"
    r"nobody|nothing|neither|nor|never|sole|only|full\w*|complete\w*)(?!\w)",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


#: Words of the whole extent of one thing ("our whole people", "the entire country", «весь
#: народ», «бүкіл ел», ky «бүт эл»): emphasis as often as scope, which a faithful retelling
#: leaves out ("our people"); only "all" / "every" over a set is checked for a drop.
_EXTENT = re.compile(r"(?:whole|entire|весь|вся|всю|всё|бүкіл|бүт)", re.IGNORECASE)


def _universal_dropped(d: Difference, ctx: DiffContext) -> bool:
    """A statement's "all" / "every" / «все» / «барлық» / «бардык» before a noun (not a
    pronoun: "all of them", "all that") that the report retells — the noun itself, or for a
    kk/ky/ru statement one of its usual English words (:mod:`workbench.diff.bilexicon`) — with
    no word of the whole anywhere in it ("each", "per", "both", "across", "nationwide", "no",
    ...): "All schools will remain closed" → "Schools in the area will stay shut" narrows the
    claim to some schools. An "all" the report has no noun of is a paraphrase or a clause it
    does not retell, and stays unflagged."""
    if _class(d) != "universal" or d.report_span is not None or d.statement_span is None:
        return False
    if _EXTENT.fullmatch(d.statement.strip()):
        return False
    text = ctx.statement
    if _WHOLE_KEPT.search(ctx.report):
        return False
    after = _WORDS.findall(text[d.statement_span[1] : d.statement_span[1] + 60])[:2]
    if not after or after[0].lower() in _NOT_NOUN:
        return False
    report = {english_stem(w) for w in _WORDS.findall(ctx.report)}
    if not is_cyrillic(text):
        before = _WORDS.findall(text[max(0, d.statement_span[0] - 30) : d.statement_span[0]])
        if before and before[-1].lower() in _FLOATING_AFTER:
            return False  # "we all support", "they have all signed": the verb follows, no noun
        if before and _floats_after_subject(before[-2:], after[0]):
            return False  # "the ministers all agreed": "all" of the subject, which is kept
        nouns = [w for w in after if w.lower() not in STOPWORDS and english_content(w)]
        return any(english_stem(w) in report for w in nouns)
    if not ctx.src or d.statement.lower() in _PRONOUN_TURKIC:
        return False
    if ctx.src == "ru":
        after = _russian_noun_phrase(after)
    lex = load_bilexicon()
    return any(
        e in report and english_content(e) for w in after for e in lex.translations(ctx.src, w)
    )


def _floats_after_subject(before: list[str], after: str) -> bool:
    """An English "all" floating after a noun subject, before its verb: "the ministers all
    agreed", "the regions all reported", "Almaty and Astana all want" (``before``: the one or
    two words before "all"; the last is a name or a plural noun — WordNet: a noun, not a past or
    "-ing" form of a verb — and the one before it, if any, a function word that opens a subject
    ("the", "and"), not a modal, an auxiliary, "to" or a content word, which would make the
    last word a verb: "will help all affected residents", "the state supports all displaced
    families"; the word after "all" is a past form of a verb or a word only a verb). It says
    the subject's whole takes part, which "the ministers agreed" says too: no claim is narrowed,
    unlike "closed all schools" (a verb before, a noun after)."""
    word = before[-1]
    b = word.lower()
    if b in STOPWORDS or b.endswith(("ed", "ing")):
        return False
    if not (word[:1].isupper() or (b.endswith("s") and "n" in wordnet.parts_of_speech(b))):
        return False
    if len(before) > 1:
        prev = before[-2].lower()
        if prev not in STOPWORDS or prev in _FLOATING_AFTER or prev == "to":
            return False
    return wordnet.past_of_verb(after) or wordnet.parts_of_speech(after) == {"v"}


#: Words an English "all" floats after, before the verb rather than a noun ("we all support",
#: "they have all signed", "these are all"): personal pronouns and auxiliaries, closed classes.
_FLOATING_AFTER = words(
    """we you they us them these those are were is was am have has had will would shall should
    can could may might must do does did be been"""
)


#: kk/ky universals that stand alone ("all of them"): «баары келди».
_PRONOUN_TURKIC = frozenset({"баары"})


#: «все эти уборы», «все свои силы»: a determiner between; the phrase points back at what the
#: text named before, which a translation retells as "they".
#: Whole words (matched in full): a bare prefix took «этапы», «этносы», «темы», «техника»,
#: «свободы», «такси» for determiners.
_RU_DEMONSTRATIVE = re.compile(
    r"эт(?:от|а|о|и|у|ой|ою|ого|ому|ом|их|им|ими)|т(?:е|ех|ем|еми)"
    r"|сво(?:й|я|ё|е|и|ю|его|ему|ём|ем|ей|ею|их|им|ими)"
    r"|(?:наш|ваш)(?:|а|е|и|у|его|ему|ем|ей|ею|их|им|ими)"
    r"|так(?:|ой|ая|ое|ие|ую|ого|ому|ом|их|им|ими)",
    re.IGNORECASE,
)


#: «за всю историю» ("in its history"), «все шансы» ("every chance"), «все силы» ("all it
#: has"), «всё время» ("always"): idioms that faithful translations render without "all".
#: Whole words too: «исторические», «временные» are adjectives of a noun the "all" quantifies.
_RU_IDIOM = re.compile(
    r"истори(?:я|и|ю|ей)|шанс\w*|сил[ауы]?|врем(?:я|ени|енем)",
    re.IGNORECASE,
)


def _russian_noun_phrase(after: list[str]) -> list[str]:
    """The words after a Russian universal when they are the noun it quantifies («все
    школы», «всех пострадавших семей»), else none: «все ещё» (still), «всё же», «все равно»,
    «всё менее», «все это», «мы все» + a verb are no universal over a noun (pymorphy3's parts
    of speech)."""
    if not after:
        return []
    if _RU_DEMONSTRATIVE.fullmatch(after[0]) or _RU_IDIOM.fullmatch(after[0]):
        return []
    first = russian_pos(after[0])
    if "NOUN" in first:
        return after[:1]
    if first & {"ADJF", "PRTF", "NUMR"} and len(after) > 1 and "NOUN" in russian_pos(after[1]):
        return after[:2]
    return []


def _once_per_word(mentions: list[Mention]) -> list[Mention]:
    """One mention per repeated degree, scope or exclusivity word: an outlet whose headline and
    body both say "fully under control" (one report text for one statement) says it once; the
    statement's one «полностью» answers both, and the second is no degree "only in the report".
    Figure qualifiers are left to :func:`_once_per_figure` (each may qualify another figure)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for m in mentions:
        if _FAMILY.get(m.role) != "figure":
            key = (m.role, m.text.lower())
            if key in seen:
                continue
            seen.add(key)
        out.append(m)
    return out


def _once_per_figure(mentions: list[Mention]) -> list[Mention]:
    """One mention per qualified figure: an outlet whose headline and body both say "more than
    7 million" (one report text for one statement) qualifies one figure once, not twice. A
    qualifier of another figure, or one with no figure after it, is kept."""
    seen: set[tuple[str, str]] = set()
    out = []
    for m in mentions:
        figure = m.context.partition("|")[2]
        if m.role in _FAMILY and _FAMILY[m.role] == "figure" and figure[:1].isdigit():
            if (m.role, figure) in seen:
                continue
            seen.add((m.role, figure))
        out.append(m)
    return out


def _class(d: Difference) -> str:
    """The quantifier class of a difference (its statement side's, when both sides have one)."""
    return d.category
