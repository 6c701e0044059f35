"""A cause or circumstance the report adds: the ``cause`` detector (kind ``addition``).

Retellings explain: "..., amid protests over fuel prices", "... because the talks had stalled",
"following a night of shelling", "in response to the sanctions". When the statement gives no
cause at all, such a clause is the outlet's own addition, and an analyst needs it: it tells the
reader why something happened in words the statement never used. The rule works across
languages without a translation, because it reads only *markers*: an English cause or
circumstance connective on the report side, and the absence of any cause connective
(en/ru/kk/ky) on the statement side.

It fires only when

* a report clause opens with a cause connective ("because", "due to", "amid", "following",
  "in response to", "in retaliation for", "as a result of", "prompted by", "owing to",
  "in protest against") and carries at least :data:`MIN_WORDS` content words,
* the clause is in the outlet's own words (outside a direct quotation: a quoted "because" is
  the speaker's),
* the statement (its translation and its original) has no cause connective of its own — a
  statement that explains («из-за», «в связи с», «себебі», «байланыштуу», "because") may be
  retold with the report's connective, which is then no addition — and neither has the
  context (the other statements the same report sentences retell: a merged retelling).
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.text import any_match, is_content, tokenize
from workbench.diff.voice import quotations
from workbench.types import Difference

_F = re.IGNORECASE

#: Content words a cause clause needs (the connective not counted).
MIN_WORDS = 3

#: Report-side connectives that add a cause or circumstance (English).
CAUSE_EN = re.compile(
    r"(?<!\w)(?:because(?:\s+of)?|amid|"
    # "following" a cause, not "the following day", "in the following weeks"
    r"(?<!the\s)following(?!\s+(?:days?|weeks?|months?|years?|morning|night|evening|"
    r"statement|list|words|way|points|measures|steps|people|countries|regions))|"
    # "due to" a cause, not "due to be out", "due to land" (scheduled)
    r"due\s+to(?=\s+(?:the|a|an|his|her|its|their|our|this|that|these|those|what|lack|"
    r"concerns?|fears?|heavy|high|low|poor|bad|\w+ing)\b)|in\s+response\s+to|"
    r"in\s+retaliation\s+(?:for|against)|as\s+a\s+result\s+of|prompted\s+by|owing\s+to|"
    r"in\s+protest\s+(?:against|at|over)|in\s+the\s+wake\s+of)(?!\w)",
    _F,
)
#: Statement-side cause connectives (en, ru, kk, ky): with one, the report may retell it.
CAUSE_ANY = re.compile(
    r"(?<!\w)(?:because|due\s+to|amid|following|in\s+response|as\s+a\s+result|owing\s+to|"
    r"since|caused|reason|therefore|so\s+that|"
    r"потому|поскольку|так\s+как|из-за|в\s+связи\s+с|в\s+результате|вследствие|благодаря|"
    r"на\s+фоне|в\s+ответ|из\s+чувства|причин\w*|поэтому|следстви\w*|после|связан\w*|"
    r"в\s+силу|ввиду|"
    r"себебі|себеп\w*|салдарынан|байланысты|нәтижесінде|арқасында|сондықтан|жауап\s+ретінде|"
    r"өйткені|кейін|әсерінен|"
    r"себеби|себеп\w*|кесепетинен|байланыштуу|натыйжасында|улам|ошондуктан|жооп\s+катары|"
    r"анткени|кийин|таасиринен|"
    # kk/ky "because" as a verb ending: «болғандықтан», «болгондуктан», «қолданылғандықтан»
    r"соң|\w{3,}(?:[длт][ыі]қтан|[длт][ыі]ктен|[длт][уүы]кт[аө]н|[длт][иі]кт[еө]н))(?!\w)",
    _F,
)
#: Where a clause ends.
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]—–]|\s-\s|\n")


def detect_causes(ctx: DiffContext, claimed: Claims) -> Finding:
    """Cause or circumstance clauses only the report has (one ``addition`` each)."""
    if any_match(CAUSE_ANY, (ctx.statement, ctx.source or "", *ctx.context)):
        return Finding()
    quoted = [(q.start, q.end) for q in quotations(ctx.report)]
    diffs: list[Difference] = []
    for m in CAUSE_EN.finditer(ctx.report):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        end = _CLAUSE_END.search(ctx.report, m.end())
        stop = end.start() if end else len(ctx.report)
        clause = ctx.report[m.end() : stop]
        if sum(is_content(t) for t in tokenize(clause)) < MIN_WORDS:
            continue
        span = (m.start(), stop)
        diffs.append(
            Difference(
                "addition",
                "",
                ctx.report[span[0] : span[1]],
                None,
                span,
                "a cause or circumstance only in the report",
            )
        )
    return Finding(tuple(diffs))


# ── superlatives and firsts only the report gives ────────────────────────────────────────────

#: A superlative or record claim in English: "the deadliest", "Kazakhstan's worst", "the most
#: serious", "record", "unprecedented", "were the first to".
SUPERLATIVE_EN = re.compile(
    r"(?<!\w)(?:(?:the|its|their|his|her|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+)?"
    r"(?:deadliest|worst|largest|biggest|greatest|heaviest|strongest|most\s+(?:serious|severe|"
    r"deadly|devastating|destructive|important|significant|powerful|dangerous))|"
    r"(?:was|were|is|are|be|been)\s+the\s+(?:first|only)\s+(?:to|ones?\s+to)|"
    r"record-(?:breaking|high|low)|(?:a|new|all-time)\s+record\s+(?:high|low|number|level|levels|"
    r"amount|turnout|toll)|unprecedented)(?!\w)(?!-case\b)",
    _F,
)
#: Superlatives, records and firsts in any of en/ru/kk/ky: the statement makes such a claim
#: itself, and the report may retell it.
SUPERLATIVE_ANY = re.compile(
    r"(?<!\w)(?:\w+est|worst|most|first|only|record\w*|unprecedented|"
    r"сам(?:ый|ая|ое|ые|ого|ой|ых|ом|ому|ыми|ым|ую)|наибол\w+|крупнейш\w*|худш\w*|впервые|"
    r"перв\w+|единствен\w*|беспрецедент\w*|\w+[еа]йш\w+|"
    r"ең|алғаш\w*|тұңғыш|бірінші\w*|эң|биринчи\w*|алгач\w*)(?!\w)",
    _F,
)


def detect_superlatives(ctx: DiffContext, claimed: Claims) -> Finding:
    """A superlative, record or "first" claim only the report makes (one ``addition`` each).

    "The deadliest mining accident in the country's history", "Kazakhstan's worst floods",
    "the village crews were the first to reach the site": the outlet ranks the event or the
    actors where the statement did not. Only in the outlet's own words (a quoted superlative
    is the speaker's) and only when neither the statement, its original nor its context (the
    other statements the same report sentences retell) makes such a claim: a retold «самое
    крупное бедствие» or «ең ірі» is no addition.
    """
    if any_match(SUPERLATIVE_ANY, (ctx.statement, ctx.source or "", *ctx.context)):
        return Finding()
    quoted = [(q.start, q.end) for q in quotations(ctx.report)]
    diffs = [
        Difference(
            "addition",
            "",
            m.group(),
            None,
            m.span(),
            "a superlative or first only in the report",
        )
        for m in SUPERLATIVE_EN.finditer(ctx.report)
        if not any(a <= m.start() < b for a, b in quoted)
    ]
    return Finding(tuple(diffs[:1]))
