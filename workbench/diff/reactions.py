"""How strongly an official reacts: the ``reaction`` detector (kind ``wording``).

A government's reaction to an event is graded, and outlets retell the grade freely: a foreign
ministry that "expressed concern", "officially protested" or "condemned" says three different
things, and "Kazakhstan's Foreign Ministry strongly condemned ..." for «ресми түрде наразылық
білдірді» (officially protested) escalates the statement; "voiced concern" for «осуждает»
softens it. Each side's strongest reaction is read on a scale of three grades:

1. concern: "expressed concern", "is concerned", «обеспокоенность», «озабоченность», kk
   «алаңдаушылық», ky «тынчсыздануу»;
2. protest: "lodged a protest", "protested", "a note of protest", «выразил протест», kk
   «наразылық білдірді», «наразылық нотасы», ky «нааразылык билдирди»;
3. condemnation: "condemned", "denounced", «осуждает», «осуждение», kk/ky «айыптайды»,
   «айыптады».

A ``wording`` difference is flagged only when both sides react and the report's strongest grade
is not the statement's (its translation's, or the original's when there is no translation or the
translation reads none): a report that says nothing of the reaction, or tells it at the same
grade ("lodged a protest" for «наразылық білдірді»), gets none. Protest marches are no reaction:
"protesters", "protests" (plural), «протестующие», «протестные», and a «наразылық» that is not
expressed (public discontent) are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.types import Difference

_F = re.IGNORECASE

#: The grades, weakest first.
GRADES = ("concern", "protest", "condemnation")

_REACTIONS: dict[str, re.Pattern[str]] = {
    "concern": re.compile(
        r"(?<!\w)(?:(?:express|voic|rais|stat|reiterat|convey)\w*\s+(?:its\s+|their\s+|his\s+|"
        r"her\s+|our\s+)?(?:\w+\s+)?(?:concern|alarm)|(?:is|are|was|were|remains?|remained)\s+"
        r"(?:\w+\s+)?(?:concerned|alarmed)|обеспокоенност\w*|озабоченност\w*|обеспокоен\w*|"
        r"встревожен\w*|алаңдаушылық\w*|алаңдаулы\w*|тынчсыздануу\w*|тынчсызданат\w*|"
        r"кабатырлануу\w*)(?!\w)",
        _F,
    ),
    "protest": re.compile(
        r"(?<!\w)(?:(?:lodg|express|issu|fil|register|voic|deliver|hand|launch|mak)\w*\s+"
        r"(?:a\s+|an\s+|its\s+|their\s+)?(?:\w+\s+)?protest(?!\w)|notes?\s+of\s+protest|"
        # "protested" an act, not "protested in the capital", "on the streets", "against the
        # government" (a demonstration)
        r"protested(?!\s+(?:(?:in|on|at|outside|across|through)\s+(?:the\s+)?(?:streets?|"
        r"capital|city|cities|squares?|towns?|villages?|front|(?-i:[A-Z]))|"
        r"against\s+the\s+(?:government|regime|authorities)))|"
        r"(?:выраз|заяв|внес|внёс|направ|вруч|высказ)\w*\s+(?:\w+\s+)?протест\w*|"
        r"нот\w*\s+протеста|протестует|протестуем|"
        r"наразылы\w*\s+(?:білдір\w*|нота\w*|жолда\w*)|"
        r"наараз\w*\s+(?:билдир\w*|нота\w*))(?!\w)",
        _F,
    ),
    "condemnation": re.compile(
        r"(?<!\w)(?:condemn\w*(?!\s+to\b)|denounc\w*|decr(?:y|ies|ied)|осужда\w*|осуди(?:л|ть|м|ла|ли|т)\w*|"
        r"осуждени\w*|айыптай\w*|айыптады\w*|айыптау(?!шы)\w*|"
        # not kk «айыптаушы», ky «айыптоочу» (accusing, the prosecution: «айыптоочу өкүм», a
        # conviction)
        r"айыптоо(?!чу)\w*)(?!\w)",
        _F,
    ),
}


@dataclass(frozen=True)
class Reaction:
    """A reaction found in a text: its grade (index into :data:`GRADES`), words and span."""

    grade: int
    text: str
    span: tuple[int, int]


#: kk/ky «… деп айыптады» is "accused … of", not "condemned": the quoted charge before «деп».
_ACCUSED_THAT = re.compile(r"(?<!\w)деп\s+$", _F)
#: A court's sentence: «осудил его на пять лет», "condemned him to death / to ten years".
_SENTENCED = re.compile(
    r"^(?:\s+\S+){0,3}?\s+(?:на\s+\S+\s+(?:лет|год\w*|месяц\w*|суток)|к\s+(?:лишению|смерт\w*|"
    r"пожизненн\w*|\d+)|to\s+(?:\S+\s+){0,2}(?:years?|months?|death|life|prison|jail))",
    _F,
)


def _not_a_reaction(grade: int, text: str, start: int, end: int) -> bool:
    """A condemnation word that is an accusation or a court's sentence (review12 F12)."""
    if GRADES[grade] != "condemnation":
        return False
    return bool(_ACCUSED_THAT.search(text[max(0, start - 12) : start])) or bool(
        _SENTENCED.match(text[end : end + 60])
    )


def reactions(text: str) -> list[Reaction]:
    """The reactions of ``text`` (en/ru/kk/ky), in order."""
    found = [
        Reaction(grade, m.group(), m.span())
        for grade, name in enumerate(GRADES)
        for m in _REACTIONS[name].finditer(text)
        if not _not_a_reaction(grade, text, *m.span())
    ]
    return sorted(found, key=lambda r: r.span)


def detect_reactions(ctx: DiffContext, claimed: Claims) -> Finding:
    """The report's strongest reaction against the statement's (one ``wording`` at most)."""
    report = reactions(ctx.report)
    if not report:
        return Finding()
    statement = reactions(ctx.statement)
    said = statement or (reactions(ctx.source) if ctx.source else [])
    if not said:
        return Finding()
    top = max(report, key=lambda r: r.grade)
    top_said = max(said, key=lambda r: r.grade)
    claims = Claims(tuple(r.span for r in statement), tuple(r.span for r in report))
    if top.grade == top_said.grade:
        return Finding(claims=claims)
    how = "stronger" if top.grade > top_said.grade else "weaker"
    mark = next((r for r in statement if r.grade == top_said.grade), None)
    difference = Difference(
        "wording",
        mark.text if mark else "",
        top.text,
        mark.span if mark else None,
        top.span,
        f"reaction: {GRADES[top_said.grade]} in the statement ({top_said.text}), "
        f"{GRADES[top.grade]} in the report ({how})",
        category="reaction",
    )
    return Finding((difference,), claims)
