"""A caveat of the statement the report drops: the ``caveat`` detector (kind ``omission``).

Statements qualify what they grant: «Мы выделим средства, но льгот для них не будет»,
«...көмектесеміз, бірақ ...», "we will help, but ...". A retelling that keeps the first half and
drops the "but" half changes what the statement says — the omission an analyst needs, unlike
the many clauses a partial retelling leaves out freely. It is found across languages without a
translation, because only markers are read: a contrastive conjunction opening a clause inside the
statement (en/ru/kk/ky, after a comma or a dash), and no contrast, concession, restriction or
negation word anywhere in the report ("but", "however", "although", "while", "only", "not",
"except" ...): such a report may retell the caveat in its own way.

When the link retells only a clause of the statement (its ``focus``), the final step drops the
flag if the caveat lies outside that clause (see :mod:`workbench.diff.salience`).
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.types import Difference

_F = re.IGNORECASE

#: A contrastive conjunction opening a clause of the statement (after a comma, semicolon or dash).
CAVEAT = re.compile(
    r"(?<=[,;—–-])\s*(?:but|however|yet|но|однако|зато|тем\s+не\s+менее|бірақ|алайда|дегенмен|"
    r"бирок|ошентсе\s+да)(?!\w)(?!\s+(?:и|also|even|даже)(?!\w))",  # «не только ..., но и»
    _F,
)
#: Report words that may carry the caveat (contrast, concession, restriction, negation).
KEPT = re.compile(
    r"(?<!\w)(?:but|however|although|though|yet|while|whereas|nevertheless|nonetheless|still|"
    r"despite|except|only|not|no|never|without|n't|neither|nor|unless)(?!\w)",
    _F,
)
#: Where the caveat's clause ends.
_END = re.compile(r"[.;!?]|$")


def detect_caveats(ctx: DiffContext, claimed: Claims) -> Finding:
    """The statement's "but" clause, when the report keeps no contrast of its own (one
    ``omission``)."""
    if KEPT.search(ctx.report):
        return Finding()
    for text, has_span in ((ctx.statement, True), (ctx.source or "", False)):
        m = CAVEAT.search(text)
        if m is None:
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end = _END.search(text, m.end())
        stop = end.start() if end else len(text)
        caveat = text[start:stop].strip()
        if len(caveat.split()) < 3:
            continue  # no clause of its own
        span = (start, start + len(caveat)) if has_span else None
        return Finding(
            (
                Difference(
                    "omission",
                    caveat,
                    "",
                    span,
                    None,
                    "a caveat of the statement the report does not retell",
                ),
            )
        )
    return Finding()
