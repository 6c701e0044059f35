"""The urgency of a demand or an action the report drops: the ``urgency`` detector (kind
``omission``).

What officials demand, order or refuse is often qualified by its urgency: «требование моей
немедленной отставки» (the demand for my *immediate* resignation), "an immediate ceasefire", kk
«дереу тоқтату», ky «токтоосуз бошотуу». A retelling that keeps the demand and drops the word
("demands for my resignation are still there") changes what the dispute is about — a demand to go
now, not after new elections — though it is one word, below the word diff's clause size. It is
found across languages without a translation, because only markers are read: an urgency word of
the statement (its translation, or its original when there is none), and no urgency word
anywhere in the report ("immediate(ly)", "at once", "without delay", "urgent", "swift", ...:
such a report keeps the urgency in its own words).

Not urgency: "immediate" of nearness ("the immediate vicinity", "his immediate family", "the
immediate aftermath").
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.types import Difference

_F = re.IGNORECASE

#: An urgency word of the statement (en/ru/kk/ky).
URGENT = re.compile(
    r"(?<!\w)(?:immediate(?!\s+(?:vicinity|surroundings|area|family|neighbou?rs?|aftermath|"
    r"predecessor|successor|past|region|environs|circle|superiors?|boss))|immediately|urgent|"
    r"urgently|without\s+delay|forthwith|"
    # not «срочная служба» (conscript service); not kk «кешіктірмей», ky «кечиктирбестен»
    # ("no later than": a deadline)
    r"немедленн\w*|незамедлительн\w*|безотлагательн\w*|срочн\w*(?!\s+служб)|"
    r"дереу|кідіріссіз|шұғыл\s+түрде|"
    r"дароо|токтоосуз|шашылыш\s+түрдө)(?!\w)",
    _F,
)
#: Report words that keep the urgency.
KEPT = re.compile(
    r"(?<!\w)(?:immediate|immediately|urgent|urgently|at\s+once|without\s+delay|right\s+away|"
    r"instant|instantly|prompt|promptly|swift|swiftly|quick|quickly|forthwith|urgency|speedy|"
    r"rapid|rapidly|straight(?=\s+(?:into|to|after|away|from))|"
    r"as\s+soon\s+as\s+possible|asap|straight\s+away|without\s+(?:further\s+)?ado)(?!\w)",
    _F,
)


def detect_urgency(ctx: DiffContext, claimed: Claims) -> Finding:
    """The statement's urgency word, when the report keeps none (one ``omission``)."""
    m = URGENT.search(ctx.statement)
    if m is None or KEPT.search(ctx.report):
        return Finding()
    return Finding(
        (
            Difference(
                "omission",
                m.group(),
                "",
                m.span(),
                None,
                "urgency: the statement's word of urgency is not in the report",
                category="urgency",
            ),
        ),
        Claims((m.span(),), ()),
    )
