"""How hard an official presses: the ``directive`` detector (kind ``wording``).

What an official asks of others is graded, and outlets retell the grade freely: an embassy that
"recommends" citizens plan their trips says less than a ministry that "urged" them not to go; a
mayor who says "we are forced to close the markets" takes a measure, which "it is recommended
that markets close" turns into advice. Each side's strongest
directive is read on three grades (en/ru/kk/ky):

1. advice: "recommends", "advised", «рекомендует», «советуем», kk «ұсынады», «кеңес береді», ky
   «сунуштайт», «кеңеш берет»;
2. appeal: "urged", "called on", "appealed to", "asked ... to", «призываю», «просим», kk
   «шақырамын», «өтінеміз», ky «чакырабыз», «суранабыз»;
3. demand: "demanded", "insisted that", "ordered", «требуем», «потребовал», kk/ky «талап етеді»,
   «талап кылат», and, on the statement's side, a compulsion («вынуждены», kk «мәжбүрміз», ky
   «аргасыз», "we are forced to").

A ``wording`` difference is flagged when both sides press and the report's strongest grade in
the outlet's own words (not inside a quotation: a quoted "recommends" is the speaker's) is not
the statement's (its translation's, or the original's): "stronger" when the statement itself
asks (an explicit advice or appeal; an obligation such as "must" is not graded, so "must" retold
as "urged" or "demanded" is no shift), "weaker" when the report only advises where the
statement appeals, demands, compels or obliges ("must", «должны», «керек»). A report that says
nothing of what was asked, or tells it at the same grade, gets none; so does a statement that
asks nothing (a retelling's "urged" for an assessment is left to a reader: it is as often a
fair summary of "it is important to ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.modality import OBLIGATION, clause_at, quoted_spans, retells
from workbench.diff.text import sentences
from workbench.types import Difference

_F = re.IGNORECASE

#: The grades, weakest first.
GRADES = ("advice", "appeal", "demand")

_DIRECTIVES: dict[str, re.Pattern[str]] = {
    "advice": re.compile(
        # verbs only: "recommendations for books" is no advice given
        r"(?<!\w)(?:recommend(?:s|ed|ing)?|advis(?:e|es|ed|ing)|"
        r"рекоменд\w*|совету(?:ет|ем|ют|ю)|посоветова\w*|"
        r"ұсынады|ұсынамыз|ұсынылады|кеңес\s+бер\w*|"
        r"сунуштайт|сунуштайбыз|сунушталат|кеңеш\s+бер\w*)(?!\w)",
        _F,
    ),
    "appeal": re.compile(
        r"(?<!\w)(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)(?!\s+(?-i:[A-Z]))|"
        r"appeal(?:s|ed|ing)?\s+to|"
        # not a passive or opening "asked" ("was asked by reporters to comment", "Asked to
        # explain, the minister said"): the official was asked, asked no one (review14 K1)
        r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeen\s)(?<!\bbeing\s)"
        r"(?<!\bwhen\s)(?<!\bif\s)(?<![.!?]\s)(?<!^)"
        r"ask(?:s|ed|ing)?\s+(?!by\b)(?:\w+\s+){1,3}?to\s+(?!be\b)\w+|"
        r"призыва\w*|призв(?:ал|ала|али|ать)|прошу|просим|просит|просил\w*|"
        r"шақыр(?:амын|амыз|ады|ды)|өтінемін|өтінеміз|"
        r"чакыр(?:ам|абыз|ат|ды)|суранам|суранабыз|өтүнөм|өтүнөбүз)(?!\w)",
        _F,
    ),
    "demand": re.compile(
        # a demand voiced, not the market's ("demand for oil") nor what a thing requires
        # («ситуация требует внимания», kk «талап етеді»: third-person forms left out)
        r"(?<!\w)(?:demanded|demanding|demands?\s+that|insist(?:s|ed|ing)?\s+(?:that|on)|"
        r"(?<!in\s)order(?:s|ed)?\s+(?:\w+\s+){0,3}?to\s+\w+|"
        r"требу(?:ем|ю)|потребова(?:л|ла|ли|ть)|потребуем|"
        r"талап\s+(?:етеміз|етемін|етті|еттік|қоямыз|қойды|кылабыз|кылам|кылды|коёбуз|койду))"
        r"(?!\w)",
        _F,
    ),
}
#: A compulsion of the statement: the speaker is forced to act (graded as a demand).
COMPULSION = re.compile(
    r"(?<!\w)(?:(?:are|were|is|was|am)\s+forced\s+to|вынужден\w*|мәжбүр\w*|аргасыз\w*)(?!\w)",
    _F,
)


@dataclass(frozen=True)
class Directive:
    """A directive found in a text: its grade (index into :data:`GRADES`), words and span."""

    grade: int
    text: str
    span: tuple[int, int]


def directives(text: str) -> list[Directive]:
    """The directives of ``text`` (en/ru/kk/ky), in order."""
    found = [
        Directive(grade, m.group(), m.span())
        for grade, name in enumerate(GRADES)
        for m in _DIRECTIVES[name].finditer(text)
    ]
    return sorted(found, key=lambda d: d.span)


def _own(text: str) -> list[tuple[Directive, str]]:
    """The directives of a report in the outlet's own words (outside quotations), each with the
    clause that holds it."""
    out: list[tuple[Directive, str]] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        quoted = quoted_spans(sentence)
        out += [
            (
                Directive(d.grade, d.text, (start + d.span[0], start + d.span[1])),
                clause_at(sentence, d.span[0]),
            )
            for d in directives(sentence)
            if not any(a <= d.span[0] < b for a, b in quoted)
        ]
    return out


def _retold(ctx: DiffContext, found: list[tuple[Directive, str]]) -> list[Directive]:
    """The report's directives that retell the statement, as refusals are read: a directive in a
    clause that renders the statement (:func:`retells`), not another directive of the outlet's
    text by someone else about something else (review14 K2). Where no clause does, an English
    statement (a translation, or an English pair) rules them all out; an original alone (the
    bilingual lexicon renders few kk/ky words) cannot tell, and every directive stays."""
    retelling = [d for d, clause in found if retells(ctx, clause)]
    if retelling:
        return retelling
    if ctx.statement != (ctx.source or "") and re.search(r"[A-Za-z]", ctx.statement):
        return []
    return [d for d, _ in found]


def detect_directives(ctx: DiffContext, claimed: Claims) -> Finding:
    """The report's strongest directive against the statement's (one ``wording`` at most)."""
    report = _retold(ctx, _own(ctx.report))
    if not report:
        return Finding()
    # the statement's grade over every line the report sentence retells (a merged retelling
    # of "recommends" and another line's "urge" gives "urged" faithfully; review14 K2)
    texts = [t for t in (ctx.statement, ctx.source or "", *ctx.context) if t]
    top = max(report, key=lambda d: d.grade)
    said = max((d.grade for t in texts for d in directives(t)), default=-1)
    if any(COMPULSION.search(t) for t in texts):
        said = GRADES.index("demand")
    elif top.grade == 0 and said < 0 and any(OBLIGATION.search(t) for t in texts):
        said = max(said, GRADES.index("appeal"))  # "must" retold as mere advice
    if said < 0 or top.grade == said:
        return Finding()
    words, span = _statement_words(ctx.statement, said)
    how = "stronger" if top.grade > said else "weaker"
    difference = Difference(
        "wording",
        words,
        top.text,
        span,
        top.span,
        f"directive: {GRADES[said]} in the statement{f' ({words})' if words else ''}, "
        f"{GRADES[top.grade]} in the report ({how})",
        category="directive",
    )
    claims = Claims(tuple(d.span for d in directives(ctx.statement)), tuple(d.span for d in report))
    return Finding((difference,), claims)


def _statement_words(statement: str, grade: int) -> tuple[str, tuple[int, int] | None]:
    """The statement's words of ``grade``: a directive verb, else a compulsion or an obligation
    ("", ``None`` when only the original holds them)."""
    mark = next((d for d in directives(statement) if d.grade == grade), None)
    if mark is not None:
        return mark.text, mark.span
    for rx in (COMPULSION, OBLIGATION):
        m = rx.search(statement)
        if m is not None:
            return m.group(), m.span()
    return "", None
