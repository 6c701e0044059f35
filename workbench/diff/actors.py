"""Which institution acts: the ``actor`` detector (keys13, session 13).

Statements say which body does or is told to do something: "the embassy recommends ...", "I have
instructed the government to ...". Retellings move it ("the Foreign Ministry urged ...": the
recommendation becomes the ministry's) or drop it ("I instructed to take the necessary measures":
no one is named to act). Names are the entity detector's; these bodies are common nouns, which it
does not read. Found across languages without a translation, since only markers are read: each
side's bodies in four classes (:data:`ACTORS`: government, ministry, embassy, parliament; en, ru,
kk, ky), in the statement's translation (its original when there is none) and the report:

* the statement names a body of one class the report does not, and the report a body of another
  class the statement does not: one ``attribution`` difference (who acts moved);
* the statement names a body and the report names none of any class: one ``omission``.

Only a statement's body that may act is read: not one after a preposition ("elections to the
Jogorku Kenesh", «выборы в парламент») or in a kk/ky genitive, locative or ablative («Жогорку
Кеңештин депутаттары», the deputies *of* parliament) or one of a list of examples ("such as",
«өңдүү»), nor an adjective ("parliamentary", «парламентские», «парламенттик»), which a report
keeps with the same adjective.

Bodies, not people: a head of state or his office is not read (reports name the speaker in their
own way, "the President", "Tokayev", "the Kazakh leader", and the attribution detector reads
speakers), nor a minister, a prime minister, a senator or a deputy (a title before a name,
"Prime Minister Sadyr Japarov", is the person, the entity detector's). A report that names such
people (:data:`PEOPLE`: "the prime minister", "lawmakers", "the ambassador") names their body's
class. "The authorities" and "the administration" are a government; "non-governmental" and
"the head of government" are none.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.types import Difference

_F = re.IGNORECASE

#: Bodies by class (en/ru/kk/ky), most specific first: a prime minister is the government's.
ACTORS: dict[str, re.Pattern[str]] = {
    "government": re.compile(
        r"(?<!\w)(?:(?<!non)(?<!non-)(?<!head\sof\s)(?<!head\sof\sthe\s)governments?|"
        r"cabinet(?:\s+of\s+ministers)?|administration|authorities|state\s+council|"
        r"(?<!не)(?<!глава\s)правительств(?!енн)\w*|кабмин\w*|кабинет\w*\s+министров|"
        r"үкімет\w*(?!\s+басшы)|өкмөт\w*(?!\s+башчы))(?!\w)",
        _F,
    ),
    "embassy": re.compile(
        r"(?<!\w)(?:embass(?:y|ies)|consulates?|consular\s+(?:service|office|department)s?|"
        r"посольств\w*|консульств\w*|генконсульств\w*|елшілі\w*|консулдық\w*|консулдығ\w*|"
        r"элчилиг\w*|элчилик\w*|консулдук\w*)(?!\w)",
        _F,
    ),
    "ministry": re.compile(
        r"(?<!\w)(?:ministr(?:y|ies)|(?-i:MFA)|foreign\s+office|"
        r"(?-i:(?!The\b)[A-Z][\w.]*\s+Department|Department\s+of\s+[A-Z]\w*)|"
        r"министерств(?!енн)\w*|(?-i:МИД(?:а|у|ом|е)?|СІМ\w*|ТИМ\w*)|министрлі\w*|министрлиг\w*|"
        r"министрлик\w*)(?!\w)",
        _F,
    ),
    "parliament": re.compile(
        r"(?<!\w)(?:parliaments?|mazhilis|majilis|senate|congress|legislatures?|"
        r"jogorku\s+kenesh|парламент(?!ск)\w*|мажилис\w*|сенат(?!ор|ск)\w*|мәжіліс\w*|"
        r"жогорку\s+кеңеш\w*)(?!\w)",
        _F,
    ),
}
#: People who speak for a body: a report that names them names the body's class ("the prime
#: minister" for the government, "lawmakers" for parliament). They are not read in the statement:
#: a title before a name ("Prime Minister Sadyr Japarov") is the person, the entity detector's.
PEOPLE: dict[str, re.Pattern[str]] = {
    "government": re.compile(
        r"(?<!\w)(?:prime[\s-]+minister|premier|(?-i:PM)|head\s+of\s+(?:the\s+)?government|"
        r"officials?|cabinet|governmental)(?!\w)",
        _F,
    ),
    "embassy": re.compile(r"(?<!\w)(?:ambassadors?|consuls?|consular|diplomats?)(?!\w)", _F),
    "ministry": re.compile(
        r"(?<!\w)(?:ministers?|ministerial|secretary|spokes(?:man|woman|person))(?!\w)", _F
    ),
    "parliament": re.compile(
        r"(?<!\w)(?:lawmakers?|legislators?|deputies|(?-i:MPs?)|senators?|sen\.|parliamentary|"
        r"congress(?:man|woman|men|women))(?!\w)",
        _F,
    ),
}
#: Bodies that are not read: kk «үкіметтік емес», ky «өкмөттүк эмес» (non-governmental).
_NOT_BODY = re.compile(r"^\s+(?:емес|эмес)(?!\w)", _F)
#: kk/ky "such as" after a body: one of a list of examples («Жогорку Кеңеш өңдүү»), not who acts.
_TURKIC_SUCH_AS = re.compile(r"^\s+(?:өңдүү|сыяктуу|сияқты|секілді|тәрізді)(?!\w)", _F)


#: A preposition before an English body makes it a place or a thing spoken of ("elections to
#: the Jogorku Kenesh", "deputies of parliament"), not who acts ("by the government" acts); so
#: does "such as" (one of a list of examples).
_EN_NOT_ACTOR = re.compile(
    r"(?<!\w)(?:to|of|in|into|for|from|at|on|with|within|about|against|over|under|such\s+as|"
    r"в|во|на|о|об|обо|при|для|от|из|с|со|к|ко|по|до|у|над|под|между|перед)\s+(?:the\s+)?$",
    _F,
)
#: kk/ky endings of the genitive, locative and ablative ("of", "in", "from" the body):
#: «Жогорку Кеңештин депутаттары» names deputies, not the parliament acting.
_TURKIC_NOT_ACTOR = re.compile(
    r"(?:тік|тик|дік|дик|тық|тык|"  # adjectives: «парламенттик» (not «элчилик», a noun)
    r"ның|нің|дың|дің|тың|тің|нын|нин|нун|нүн|дын|дин|дун|дүн|тын|тин|тун|түн|"
    r"да|де|та|те|дағы|дегі|тағы|тегі|дагы|деги|тагы|теги|дан|ден|тан|тен|нан|нен|"
    r"дон|дөн|тон|төн|нон|нөн)$",
    _F,
)


#: Seats of government news names it by, besides the CLDR's places (:func:`_places`).
_SEATS = ("Astana", "Nur-Sultan", "Akorda", "Kremlin", "Ak Orda")
#: A place name that acts: not after a preposition (:data:`_EN_NOT_ACTOR`), not a possessive
#: ("Kazakhstan's farmers"), and a lowercase word after it ("Moscow said", "Astana passed").
_PLACE_ACTS = re.compile(r"^\s+(?!of\b|and\b|or\b)[a-z]")


@functools.lru_cache(maxsize=1)
def _places() -> re.Pattern[str]:
    """Countries and cities (the CLDR table ``workbench/data/exonyms.tsv``, whose place names are
    capitalised in ru/kk/ky, its language names not) and :data:`_SEATS`, as one pattern."""
    names = set(_SEATS)
    path = resources.files("workbench") / "data" / "exonyms.tsv"
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or "\t" not in row:
            continue
        english, forms = row.split("\t", 1)
        if all(f[:1].isupper() for f in forms.split("|")):
            names.add(english)
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:the\s+)?(?:{alts})(?![\w'’-])")


def state_acts(text: str) -> bool:
    """News names a government by its country or capital: "Kazakhstan allocated ...", "Astana
    passed the law", "Moscow said" (review13 K6). Such a subject is the government class."""
    for m in _places().finditer(text):
        if _PLACE_ACTS.match(text[m.end() : m.end() + 20]) and not _EN_NOT_ACTOR.search(
            text[max(0, m.start() - 20) : m.start()]
        ):
            return True
    return False


def actor_mentions(text: str, *, acting: bool = False) -> dict[str, tuple[int, int]]:
    """Per class, the span of its first body in ``text`` (a span is read by one class only).
    ``acting``: only bodies that may act — not after a preposition, not in a kk/ky genitive,
    locative or ablative — as a statement's body must be to be missed."""
    out: dict[str, tuple[int, int]] = {}
    taken: list[tuple[int, int]] = []
    for cls, rx in ACTORS.items():
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if _NOT_BODY.match(text[m.end() : m.end() + 20]):
                continue
            taken.append(m.span())
            if acting and (
                _EN_NOT_ACTOR.search(text[max(0, m.start() - 20) : m.start()])
                or _TURKIC_SUCH_AS.match(text[m.end() : m.end() + 20])
                or (not m.group().isascii() and _TURKIC_NOT_ACTOR.search(m.group()))
            ):
                continue
            out.setdefault(cls, m.span())
    return out


def detect_actors(ctx: DiffContext, claimed: Claims) -> Finding:
    """A body moved to another class, or dropped with none named in its place."""
    statement = actor_mentions(ctx.statement, acting=True)
    if not statement:
        return Finding()
    report = actor_mentions(ctx.report)
    people = {c for c, rx in PEOPLE.items() if rx.search(ctx.report)}
    if state_acts(ctx.report):
        people.add("government")
    gone = [c for c in statement if c not in report and c not in people]
    new = [c for c in report if c not in statement]
    if not gone:
        return Finding()
    s = statement[gone[0]]
    if new:
        r = report[new[0]]
        d = Difference(
            "attribution",
            ctx.statement[s[0] : s[1]],
            ctx.report[r[0] : r[1]],
            s,
            r,
            f"actor: the statement's {gone[0]} is the report's {new[0]}",
            category="actor",
        )
        return Finding((d,), Claims((s,), (r,)))
    if report or people:
        return Finding()
    d = Difference(
        "omission",
        ctx.statement[s[0] : s[1]],
        "",
        s,
        None,
        f"actor: the statement names the {gone[0]}; the report names no one in its place",
        category="actor",
    )
    return Finding((d,), Claims((s,), ()))
