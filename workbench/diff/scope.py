"""A limit the statement puts on a measure that the report drops: the ``scope`` detector (kind
``omission``, keys13, session 13).

Officials qualify what they declare or order by how far it reaches: an emergency "of local
scale" («режим ЧС местного масштаба»), a "partial" mobilisation, a "temporary" closure, a
"limited" contingent. A retelling that keeps the measure and drops the limit ("a state of
emergency is declared in ten regions") makes it larger than the statement does, though it is one
word, below the word diff's clause size. Found across languages without a translation, since
only markers are read: a limit of the statement (its translation, or its original when there is
none) in one of four classes, and no word of the same class anywhere in the report (the report
keeps the limit in its own words: "local", "partly", "for now", "restricted" ...).

Not limits: "local" of people and bodies ("local residents", "local authorities", «местные
власти»): only a local *scale*, *level* or *character* is read; «временной» (of time: «временной
промежуток», a time span) is not «временный» (temporary), nor are «временные рамки/сроки» (a
time frame); nor is a company's legal form («общество с ограниченной ответственностью», kk
«жауапкершілігі шектеулі серіктестігі», "a limited liability company", "Astana Construction
Limited"; review13 K5). A report that names another level ("a province level disaster") keeps a scale.

Session 22 (keys22) adds a fifth class, ``either``: the statement leaves a choice open both ways
("to build or to refuse to build", «или нет»), and the report keeps one option with no word of
the other ("whether", "or not", "refusal", "against" ...).
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.types import Difference

_F = re.IGNORECASE

#: The statement's limits by class (en/ru/kk/ky).
LIMITS: dict[str, re.Pattern[str]] = {
    "local": re.compile(
        r"(?<!\w)(?:local[\s-]+(?:level|scale)|locali[sz]ed|(?:at|on)\s+(?:the\s+)?local\s+level|"
        r"of\s+(?:a\s+)?local\s+(?:scale|level|character|nature|significance|importance)|"
        r"местного\s+(?:масштаба|уровня|значения|характера)|на\s+местном\s+уровне|локальн\w*|"
        r"жергілікті\s+(?:деңгейдегі|ауқымдағы|маңыздағы|сипаттағы|деңгейде)|"
        r"жергиликтүү\s+(?:деңгээлдеги|масштабдагы|маанидеги|мүнөздөгү|деңгээлде))(?!\w)",
        _F,
    ),
    "partial": re.compile(
        r"(?<!\w)(?:partial|partially|частичн\w*|ішінара|жарым-жартылай|жарым\s+жартылай)(?!\w)",
        _F,
    ),
    "temporary": re.compile(
        r"(?<!\w)(?:temporary|temporarily|provisional|provisionally|"
        r"временн(?:о|ый|ая|ое|ые|ых|ым|ую|ыми|ого|ому)(?!\s+(?:рам|срок|промежут|интервал|"
        r"отрез|зон|пояс|период))|уақытша|убактылуу)(?!\w)",
        _F,
    ),
    "limited": re.compile(
        r"(?<!\w)(?:limited(?!\s+liability)|"
        r"ограниченн(?:ый|ая|ое|ые|ых|ым|ую|ыми|ого|ой|ом)(?!\s+ответственност)|"
        r"(?<!жауапкершілігі\s)шектеулі|(?<!жоопкерчилиги\s)(?:чектелген|чектүү))(?!\w)",
        _F,
    ),
    # The choice left open both ways (keys22): "building a plant or refusing to build one",
    # "whether to extend the deadline or not", «строить или отказаться», «или нет», kk «салу
    # немесе салудан бас тарту», ky «куруу же андан баш тартуу». A retelling that keeps one
    # option ("building the plant is an important issue") states as the question what the
    # statement left open; each option is one word short of the word diff's clause size.
    "either": re.compile(
        r"(?<!\w)(?:or\s+not(?!\s+only)\b|or\s+(?:\w+\s+){0,2}?(?:refus\w+|reject\w+|renounc\w+)|"
        r"или\s+нет|или\s+(?:\w+\s+){0,2}?(?:отказ\w*|отказа\w*)|"
        r"немесе\s+(?:\w+\s+){0,2}?бас\s+тарт\w*|"
        r"же\s+(?:\w+\s+){0,2}?баш\s+тарт\w*|же\s+жокпу)(?!\w)",
        _F,
    ),
}
#: A company's legal form after its name ("Astana Construction Limited", "... Ltd"): no limit.
_LEGAL_FORM = re.compile(r"(?-i:[A-Z][\w&.-]*)\s+$")
#: Report words that keep a limit of each class.
KEPT: dict[str, re.Pattern[str]] = {
    "local": re.compile(
        r"(?<!\w)(?:local|locally|locali[sz]ed|regional|limited|\w+[\s-]level)(?!\w)", _F
    ),
    "partial": re.compile(
        r"(?<!\w)(?:partial|partially|partly|in\s+part|part\s+of|some\s+of|not\s+fully|"
        r"not\s+completely|incomplete|limited)(?!\w)",
        _F,
    ),
    "temporary": re.compile(
        r"(?<!\w)(?:temporary|temporarily|provisional|provisionally|interim|for\s+now|"
        r"for\s+the\s+time\s+being|until\s+further\s+notice|short-term|for\s+a\s+(?:while|time|"
        r"period)|until|pending|suspend\w*|paus\w*)(?!\w)",
        _F,
    ),
    "limited": re.compile(
        r"(?<!\w)(?:limited|restricted|small|narrow|minor|only|modest|local)(?!\w)", _F
    ),
    "either": re.compile(
        r"(?<!\w)(?:whether|either|or\s+not|not\s+to|refus\w+|reject\w+|renounc\w+|"
        r"abandon\w*|against|for\s+or|pros?\s+and\s+cons?|"
        # a choice still to be made keeps both options open: "a referendum on building it",
        # "the decision to build", "the people will decide"
        r"referend\w+|plebiscite|vote|voting|decid\w*|decision|choice|choose|option)(?!\w)",
        _F,
    ),
}


#: Notes of the classes that are no limit of a measure.
_NOTES = {"either": "scope: the statement leaves the choice open both ways; the report gives one"}


def limit_mentions(text: str) -> list[tuple[str, tuple[int, int], str]]:
    """The limits of ``text``: (class, span, words), in order, one per class."""
    out = []
    for cls, rx in LIMITS.items():
        for m in rx.finditer(text):
            if m.group() == "Limited" and _LEGAL_FORM.search(
                text[max(0, m.start() - 40) : m.start()]
            ):
                continue
            out.append((cls, m.span(), m.group()))
            break
    return sorted(out, key=lambda x: x[1])


def detect_scope(ctx: DiffContext, claimed: Claims) -> Finding:
    """Each class of limit the statement puts and the report keeps in no word (an
    ``omission`` per class)."""
    found = [
        (cls, span, text)
        for cls, span, text in limit_mentions(ctx.statement)
        if not KEPT[cls].search(ctx.report)
    ]
    return Finding(
        tuple(
            Difference(
                "omission",
                text,
                "",
                span,
                None,
                _NOTES.get(cls, f"scope: the statement limits it ({cls}); the report does not"),
                category="scope",
            )
            for cls, span, text in found
        ),
        Claims(tuple(span for _, span, _ in found), ()),
    )
