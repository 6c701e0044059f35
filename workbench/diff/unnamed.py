"""A name of the statement left out of a report that retells the clause holding it: the
``unnamed`` detector (kind ``omission``, category ``name``; keys17, session 17).

The ``entity`` detector flags a name swapped for another; a report that simply retells a line
without one of its names ("we received 30 hectares of land" for "30 hectares of irrigated land
next to Karabak village", "an old tradition" for «қазақтың ... дәстүрі», a tradition of the
Kazakhs) was flagged by nothing. A name dropped from a partial retelling is the rule, not the
exception, so the rule is narrow. It fires only when

* the name is a run of capitalised words of the line (:func:`workbench.diff.entities.find_names`;
  not one word opening a sentence, not an acronym, not a word of two or three letters, not a
  generic title word, not a country's assembly, :data:`ASSEMBLIES`, nor a Russian noun
  capitalised as a title, «Устав»), or a people's name kk, ky and ru write in lower case
  (:data:`PEOPLES`); and not the issuer's (the speaker: any of its words in the issuer's texts);
* neither the name (in any spelling the name matcher pairs, its initials, a loose spelling of a
  capitalised report word, :data:`SPELLED`) nor a usual translation of its words is in the report;
* the report puts nothing in its place: no stand-in word ("here", "the region", "the
  initiative": :data:`STAND_IN`) and no name that neither the line as compared nor its speaker
  holds ("Kiev authorities" for "Ukrainian", "the Nauryz celebration" for "the great day of the
  Ulys");
* and the report retells the CLAUSE that holds the name: it renders at least :data:`RETOLD` of
  that clause's other words and :data:`NEAR_RETOLD` of the :data:`NEAR` words on each side of
  the name (the bilingual lexicon on the original, English stems on a translation).

Kind ``omission``. When the report puts a generic word for a people in its place ("of our
people" for "of the Kazakhs") the kind is ``label``: a people's name retold as a generic
group (:data:`GENERIC_PEOPLE`).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.bilexicon import WORD, english_content, english_stem, load_bilexicon
from workbench.diff.entities import find_names, named_in
from workbench.diff.morph import may_be_name
from workbench.diff.text import tokenize, words
from workbench.diff.translit import fold, strip_endings
from workbench.types import Difference

_F = re.IGNORECASE

#: Peoples' names kk, ky and ru write in lower case (the stems, any ending after them).
PEOPLES = re.compile(
    r"(?<!\w)(?:қазақ|казах|қырғыз|кыргыз|өзбек|узбек|тәжік|тажик|таджик|түрікмен|түркмөн|"
    r"туркмен|ұйғыр|уйгур|орыс|русск|украин|белорус|армян|грузин|азербайджан|дүңген|дунган)\w*",
    _F,
)
#: Words a report puts for a people's name when it makes it generic or civic.
GENERIC_PEOPLE = re.compile(
    r"(?<!\w)(?:our|the|this)\s+(?:people|peoples|nation|citizens|society|compatriots|"
    r"ancestors|forefathers|countrymen)(?!\w)",
    _F,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s*[\"“«(]?|[\"“«])\s*$")
#: Words of the name's clause (besides the name) a report must render to retell that clause.
RETOLD = 3
#: The words on each side of the name read as its own phrase, and how many of them (not the
#: name's, no other name) the report must render.
NEAR = 4
NEAR_RETOLD = 2
#: A clause boundary in a statement line (any of the four languages).
_CUT = re.compile(r"[,;:()«»\"“”]|\s[—–-]\s|(?<=\s)(?:и|а|но|және|мен|жана|бирок|бірақ|and|but)(?=\s)",
                  _F)  # fmt: skip


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``[start, end)``."""
    a, b = 0, len(text)
    for cut in _CUT.finditer(text):
        if cut.end() <= start:
            a = cut.end()
        elif cut.start() >= end:
            b = cut.start()
            break
    return a, b


def _mentions(text: str) -> list[tuple[str, tuple[int, int]]]:
    out = [(m.text, m.span) for m in find_names(text) if m.span]
    taken = [s for _, s in out]
    for m in PEOPLES.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            out.append((m.group(), m.span()))
    return sorted(out, key=lambda x: x[1])


def _rendered_words(ctx: DiffContext, text: str, name: str) -> int:
    """How many words of the statement's ``text`` (not the name's, no other name) the report
    renders."""
    own = {w.lower() for w in WORD.findall(name)}
    if _original(ctx):
        covered = load_bilexicon().coverage(text, ctx.report, ctx.src or "")
        return sum(
            1
            for c in covered
            if c.covered
            and not (c.kind == "spelling" and c.word[:1].isupper())
            and c.word.lower() not in own
        )
    mine = {english_stem(w) for w in WORD.findall(ctx.report) if english_content(w)}
    theirs = {
        english_stem(w)
        for w in WORD.findall(text)
        if english_content(w) and w.lower() not in own and not w[:1].isupper()
    }
    return len(mine & theirs)


def _original(ctx: DiffContext) -> bool:
    """The pair has no translation: the statement is the original."""
    return bool(ctx.src and ctx.source and ctx.statement == ctx.source)


def _near(text: str, start: int, end: int, clause: tuple[int, int]) -> str:
    """The words of ``clause`` within :data:`NEAR` words of the name at ``[start, end)``."""
    tokens = [t for t in tokenize(text[clause[0] : clause[1]]) if english_content(t.text)]
    before = [t for t in tokens if t.end + clause[0] <= start][-NEAR:]
    after = [t for t in tokens if t.start + clause[0] >= end][:NEAR]
    a = before[0].start + clause[0] if before else start
    b = after[-1].end + clause[0] if after else end
    return text[a:b]


def _rendered_name(ctx: DiffContext, name: str) -> bool:
    """The name, its initials ("CPC"), or a usual translation of one of its words is in the
    report."""
    if named_in(name, [ctx.report]):
        return True
    parts = WORD.findall(name)
    if len(parts) >= 2:
        initials = "".join(p[0] for p in parts if p[:1].isupper()).upper()
        if len(initials) >= 2 and re.search(rf"(?<!\w){initials}(?!\w)", ctx.report):
            return True
    if _spelled(parts, ctx.report):
        return True
    if _original(ctx):
        return any(c.covered for c in load_bilexicon().coverage(name, ctx.report, ctx.src or ""))
    report = {english_stem(w) for w in WORD.findall(ctx.report)}
    return any(english_stem(w) in report for w in WORD.findall(name) if english_content(w))


#: How alike (rapidfuzz ratio of the folded forms) a capitalised report word and a word of the
#: name must be to be read as its spelling: transliterations the name matcher does not pair
#: ("Шумахер" / "Schumacher" 80, "Журден" / "Jourdain" 71 on faithful NTREX / FLORES pairs),
#: while "Карабак" / "Kamchybek" scores 53.
SPELLED = 70.0


def _spelled(parts: list[str], report: str) -> bool:
    """A capitalised word of the report spells a word of the name, loosely."""
    capitals = {fold(w) for w in WORD.findall(report) if w[:1].isupper() and len(w) >= 3}
    forms = {f for p in parts if len(p) >= 3 for f in (fold(p), *strip_endings(p)) if f}
    return any(fuzz.ratio(f, c) >= SPELLED for f in forms for c in capitals if c)


def detect_unnamed(ctx: DiffContext, claimed: Claims) -> Finding:
    """Names of the statement that a report retelling their clause leaves out."""
    found: list[Difference] = []
    for name, (start, end) in _mentions(ctx.statement):
        if " " not in name and _SENTENCE_START.search(ctx.statement[:start]):
            continue  # a capitalised word opening a sentence: «Биздин», «Бұл» (our, this)
        if _skipped(ctx, name):
            continue
        if _rendered_name(ctx, name):
            continue
        if _stand_in(ctx, name):
            continue
        a, b = _clause(ctx.statement, start, end)
        if _rendered_words(ctx, ctx.statement[a:b], name) < RETOLD:
            continue
        if _rendered_words(ctx, _near(ctx.statement, start, end, (a, b)), name) < NEAR_RETOLD:
            continue
        generic = GENERIC_PEOPLE.search(ctx.report) if _people(name) else None
        if generic:
            found.append(
                Difference(
                    "label",
                    name,
                    generic.group(),
                    (start, end),
                    generic.span(),
                    "a people's name retold as a generic group",
                    category="name",
                )
            )
            continue
        found.append(
            Difference(
                "omission",
                name,
                "",
                (start, end),
                None,
                "a name of the clause the report retells is left out",
                category="name",
            )
        )
    return Finding(tuple(found))


def _people(name: str) -> bool:
    return bool(PEOPLES.fullmatch(name)) or bool(
        re.fullmatch(r"(?:the\s+)?(?:Kazakhs?|Kyrgyz|Kirghiz|Uzbeks?|Russians?|Tajiks?)", name, _F)
    )


#: Capitalised words of a translation that are no name of their own.
GENERIC = words(
    """state head government parliament president republic assembly ministry council committee
    house senate constitution day national people nation country region"""
)


#: A country's own assemblies: "the elections", "the session" for "the elections to the
#: Jogorku Kenesh" is how reports write them; the country says which (dev11's jeenbekov case).
ASSEMBLIES = re.compile(
    r"(?<!\w)(?:Jogorku\s+Kenesh|Жогорку\s+Кеңеш\w*|Жоғарғы\s+Кеңес\w*|Mazhilis|Мәжіліс\w*|"
    r"Мажилис\w*|Senate|Сенат\w*|Parliament|Парламент\w*|Duma|Дум\w+|Oliy\s+Majlis|Kurultai|"
    r"Qurultai|Құрылтай\w*|Курултай\w*|Курултая)(?!\w)",
    _F,
)


def _skipped(ctx: DiffContext, name: str) -> bool:
    """Names not read: the issuer's (any of its words: "Japarov" names "Sadyr Japarov"), an
    acronym (its expansion is what reports write), a generic capitalised word, a country's
    assembly (:data:`ASSEMBLIES`), a Russian noun capitalised as a title («Устав»)."""
    parts = WORD.findall(name)
    if not parts or any(len(p) >= 2 and p.isupper() for p in parts):
        return True  # an acronym ("УКМК", "АҚШ-тың"): its expansion is what reports write
    if all(len(p) <= 3 for p in parts):
        return True  # "Би-Би-Си", "Ли": too short to tell a spelling from another word
    if all(p.lower() in GENERIC for p in parts):
        return True
    if ASSEMBLIES.search(name):
        return True
    if ctx.src == "ru" and len(parts) == 1 and not may_be_name(parts[0]):
        return True  # «Устав», «Указ»: a Russian noun capitalised as a title, no name
    issuer = " ".join(ctx.issuer)
    return any(len(p) >= 4 and named_in(p, [issuer]) for p in parts if p[:1].isupper())


#: A place or a body retold by a word that stands for it ("the region" for Central Asia, "here"
#: for the place the speaker stands in, "the initiative" for the Accords).
STAND_IN = re.compile(
    r"(?<!\w)(?:here|there|(?:the|this|that|our|their|its)\s+(?:region|country|area|place|city|"
    r"town|republic|initiative|agreement|accords?|treaty|organi[sz]ation|company|consortium|"
    r"union|bloc|neighbou?rs?))(?!\w)",
    _F,
)


def _stand_in(ctx: DiffContext, name: str) -> bool:
    """The report puts a word or another name in the name's place: a generic stand-in
    (:data:`STAND_IN`; a people's generic is the ``label`` case, not this), or a name that
    neither the line as compared nor its speaker (a surname of the issuer's texts) holds
    ("Kiev authorities" for "Ukrainian"): the name is retold, not left out."""
    if _people(name):
        return False
    if STAND_IN.search(ctx.report):
        return True
    # the line as compared (its translation when there is one) and its speaker only: a name the
    # original holds in another sense ("наурыздан", from March) or another line of the
    # statement gives may stand in for this one ("the Nauryz celebration" for "the great day
    # of the Ulys", holdout13-tr)
    known = " ".join([ctx.statement, *_speakers(ctx.issuer)])
    return any(_new(m.text, known) for m in find_names(ctx.report))


#: A surname (Tashiev, Tokayev, Japarov, Ташиев): the issuer's texts (its outlet and title) are
#: read for the speaker's name only, not for the other names a title gives.
_SURNAME = re.compile(r"\w+(?:ov|ev|yev|ova|eva|uly|uulu|bek|bayev|ов|ев|ова|ева|ұлы|уулу)", _F)


def _speakers(issuer: tuple[str, ...]) -> list[str]:
    return [m.group() for text in issuer for m in _SURNAME.finditer(text) if m.group()[0].isupper()]


def _new(name: str, known: str) -> bool:
    """A report name none of whose words (a surname is enough: "Kamchybek Tashiev" for the
    issuer "Tashiev") the known texts hold; a dateline in capitals ("ASTANA") is no name."""
    parts = [p for p in WORD.findall(name) if len(p) >= 3 and not p.isupper()]
    return bool(parts) and not any(named_in(p, [known]) for p in parts)
