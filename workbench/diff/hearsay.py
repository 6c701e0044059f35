"""What people say, retold as a fact or as the official's own claim: the ``hearsay`` detector
(kind ``certainty``).

Officials often cite a view they do not hold as their own: "people in our society often said
that our flag looks like a sunflower", «Ел арасында Көрісу күні ... батыс аймағына тән мереке
деген түсінік бар» (there is a notion among people that Korisu Day is a holiday of the west) —
and go on to answer it. A retelling that states the view flatly ("Celebration of Korisu Day is
specific to the western regions of our country, President ... [said]") or gives it to the
official ("Japarov had criticised the design, saying that it looked more like a sunflower") drops
the hearsay the statement keeps, as "reportedly" dropped does (the hedge table's ``report``
class reads "is said to", "is believed to"; it has no crowd as speaker). Seen in holdout14's
japarov-2023-10 (two outlets) and holdout15's tokayev-2024-03-15 (a headline) — session 16,
keys16.

The rule fires only when

* the statement line (its translation, or its original; the original too when both are given)
  gives a claim to an unnamed crowd (:data:`HEARSAY`: "people (often) say", "some say that",
  "there is a notion / view / belief that"; ru «говорят, что», «в обществе часто говорили»,
  «бытует мнение»; kk «деген түсінік бар»; ky «деген түшүнүк бар», «деп айтышат»), not to a
  named speaker ("foreigners said" is an attribution, read by the ``attribution`` detector);
* a clause of the report retells the line (it renders at least :data:`RETOLD` of its words:
  :func:`workbench.diff.modality.retells`)
* and nothing in that clause or before it in the report keeps the hearsay (:data:`KEPT`:
  "it is believed", "a public opinion", "in society", "the alleged ...", "people", "view", ...),
  nor a short tail right after it (", many believe").

The compare joins a headline and its lede with no stop between, so the report is read clause by
clause in order: a headline that states the view comes before the lede that keeps it, and is
flagged; a lede that keeps it answers every later clause. One flag per report sentence. A report
that opens in lower case is a clause cut from a longer sentence: the words that govern it (the
crowd, perhaps) are not in the pair, and nothing in it is read.
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.bilexicon import WORD, english_content, english_stem
from workbench.diff.modality import retells
from workbench.diff.text import sentences
from workbench.types import Difference

_F = re.IGNORECASE

#: A claim given to an unnamed crowd (en/ru/kk/ky).
HEARSAY = re.compile(
    r"(?<!\w)(?:"
    # "people (in our society) (often) said that", "many people think that"
    r"people(?:\s+[\w’'-]+){0,4}?\s+(?:often\s+|sometimes\s+|usually\s+|always\s+|also\s+)?"
    r"(?:say|says|said|think|thought|believe|believed|claim|claimed)(?=\s+that\b|\s*[,:])|"
    r"(?:some|others|many)\s+(?:people\s+)?(?:say|said|believe|believed|think|thought|claim|"
    r"claimed)\s+that|"
    r"there\s+(?:is|was|are|were)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:notion|belief|view|perception|"
    r"opinion|idea)(?:\s+[\w’'-]+){0,4}?\s+that|"
    # ru: an impersonal "they say" (no subject before it) or a crowd as subject
    r"(?:^|(?<=[,.;:—–]\s)|(?<=[,.;:—–]))говор(?:ят|или),?\s+что|"
    r"(?:часто|нередко|многие|одни|другие|некоторые|люди|в\s+народе|в\s+(?:нашем\s+)?обществе"
    r"(?:\s+часто)?)\s+говор(?:ят|или|ит)|"
    r"(?:бытует|бытовало|существует|существовало|есть|было)\s+(?:такое\s+)?мнение|"
    # kk / ky: "there is a notion / opinion that ...", "people say"
    r"деген\s+(?:түсінік|пікір|сөз|түшүнүк|пикир)\s+(?:бар|болған|болды|жүр|болгон|болчу)|"
    r"деп\s+(?:көп\s+)?(?:айтышат|айтышчу|айтышкан|айтысады|айтып\s+жүр\w*)|"
    r"деседі|дешет|дешчү"
    r")(?!\w)",
    _F,
)

#: A report's words that keep the hearsay (or hedge the claim otherwise): a crowd, an opinion, a
#: belief, hearsay of the hedge table's kind.
KEPT = re.compile(
    r"(?<!\w)(?:people|public|popular|popularly|society|societal|folk|opinions?|views?|"
    r"notions?|beliefs?|believed|perceptions?|perceived|widely|commonly|"
    r"reportedly|allegedly|alleged|supposedly|rumou?rs?|myths?|legends?|talk|discussions?|"
    r"debated?|some|others|many|considered|seen\s+as|regarded\s+as|deemed|so-called|"
    r"(?:is|are|was|were)\s+said|(?:is|are|was|were)\s+thought|critics|"
    r"they\s+(?:say|said)|(?:would|do|did)\s+they\s+say)"
    r"(?!\w)",
    _F,
)

#: How many of the statement's words a report clause must render to retell it: one more than
#: :data:`workbench.diff.modality.RETOLD_WORDS` (a first version with two flagged a wrongly
#: linked "he referred to the ... of states to integrity" for "Some say that the territorial
#: integrity of a state is sacred", holdout11-tr).
RETOLD = 3

#: A clause boundary: a comma, semicolon, colon or dash, or a sentence's end.
_CUT = re.compile(r"\s*(?:[,;:]|\s[—–-]\s)\s*")
#: A short tail clause that may carry the hearsay after the claim (", many believe").
_TAIL_WORDS = 6


def _marker(ctx: DiffContext) -> tuple[str, tuple[int, int] | None] | None:
    """The statement's hearsay: its words and span (``None`` when only the original has it)."""
    m = HEARSAY.search(ctx.statement)
    if m:
        return m.group(), m.span()
    if ctx.source and ctx.source != ctx.statement:
        m = HEARSAY.search(ctx.source)
        if m:
            return m.group(), None
    return None


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` (offsets into ``text``), without the cuts."""
    out: list[tuple[int, int]] = []
    pos = start
    for cut in _CUT.finditer(text, start, end):
        if cut.start() > pos:
            out.append((pos, cut.start()))
        pos = cut.end()
    if pos < end:
        out.append((pos, end))
    return out


def _retold_part(ctx: DiffContext, start: int, end: int) -> tuple[int, int]:
    """The part of the report clause ``[start, end)`` up to its last word that the statement's
    English shares (by stem), so that the flag does not take from the word diff the outlet's
    own words after it ("... like a sunflower which in the local culture symbolizes
    fickleness"); the whole clause when none is shared (an original without a translation)."""
    theirs = {english_stem(w) for w in WORD.findall(ctx.statement) if english_content(w)}
    last = None
    for m in WORD.finditer(ctx.report, start, end):
        if english_content(m.group()) and english_stem(m.group()) in theirs:
            last = m.end()
    return (start, last) if last else (start, end)


def detect_hearsay(ctx: DiffContext, claimed: Claims) -> Finding:
    """Report clauses that retell, without the hearsay, what the statement gives as hearsay."""
    marker = _marker(ctx)
    if marker is None:
        return Finding()
    words, span = marker
    found: list[Difference] = []
    # a report that opens in lower case is a clause the compare cut from a longer sentence
    # ("that the current flag looks like ...", of "There are people who hold the view that
    # ..."): what governs its first clause is not in the pair, so that clause is not read
    kept_before = ctx.report[:1].islower()
    for s_start, s_end in sentences(ctx.report):
        flagged = False
        clauses = _clauses(ctx.report, s_start, s_end)
        for i, (start, end) in enumerate(clauses):
            clause = ctx.report[start:end]
            if KEPT.search(clause):
                kept_before = True
                continue
            if kept_before or flagged or not retells(ctx, clause, RETOLD):
                continue
            tail = ctx.report[clauses[i + 1][0] : clauses[i + 1][1]] if i + 1 < len(clauses) else ""
            if tail and len(tail.split()) <= _TAIL_WORDS and KEPT.search(tail):
                continue
            part = _retold_part(ctx, start, end)
            found.append(
                Difference(
                    "certainty",
                    words,
                    ctx.report[part[0] : part[1]],
                    span,
                    part,
                    "hearsay: the statement gives this as what people say; the report does not",
                    category="report",
                )
            )
            flagged = True
    return Finding(tuple(found))
