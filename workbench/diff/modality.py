"""Obligation turned into a pledge: the ``modality`` detector (kind ``certainty``).

A statement often says what *must* be done («Мы должны обеспечить им безопасность», «...қамтамасыз
етуіміз керек», "we must ensure their safety"); a retelling that says the speaker *will* do it
("Kazakhstan will ensure the safety of ...", "he assured that his country will protect ...",
"promises refuge") turns a duty into a commitment. That shift is a certainty difference an
analyst needs, and it is found across languages without a translation: the obligation words are
listed for English, Russian, Kazakh and Kyrgyz, the pledge words for English.

The rule fires only when

* the statement (its English translation, or its original when there is none; the original too
  when both are given) has an obligation word,
* the report has a pledge word ("will", "would" after a speech verb, "pledged", "promised", "vowed", "assured",
  "guaranteed", "is going to") in its own words and no obligation word of its own (a report
  that keeps "must" or "should" retells the duty; its "will" belongs to some other part).
  Words inside a direct quotation are the speaker's: a quoted "must" does not excuse the
  outlet's own "will", and a quoted "will" is not the outlet's pledge,
* the statement itself promises nothing: no pledge word of its own and, in Russian, no verb in
  the future tense («обеспечим», «будет»), in Kazakh or Kyrgyz no first-person present-future
  verb («етеміз», «кылабыз») — the report's "will" may retell that part.

It never fires on a report that merely leaves the obligation out (a partial retelling omits
freely) or on a report without a pledge.
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.morph import russian_future
from workbench.diff.voice import quotations
from workbench.types import Difference

_F = re.IGNORECASE

#: Obligation and necessity words (en, ru, kk, ky).
OBLIGATION = re.compile(
    r"(?<!\w)(?:must|should|ought\s+to|(?:need|needs|needed)\s+to|(?:have|has|had)\s+to|"
    r"obliged|obligated|(?:is|are|was|were)\s+(?:necessary|required|essential)|"
    r"должн\w*|необходимо|нужно|надо|следует|обязан\w*|обязательно|"
    r"керек(?:піз|пін|пиз|пин|сіз|сиз)?|тиіс(?:піз|пін|сіз|ті\s+болады)?|қажет|міндеттіміз|"
    r"тийиш(?:пиз|пин|сиз)?|зарыл|милдеттүүбүз)(?!\w)",
    _F,
)
#: Pledge and commitment words (English report side; also read in an English statement).
PLEDGE = re.compile(
    r"(?<!\w)(?:will|won't|'ll|would(?!\s+(?:like|rather|have|be\s+(?:able|willing)))|"
    r"pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|"
    r"assur(?:e|es|ed|ing)|guarantee(?:s|d|ing)?|(?:is|are)\s+going\s+to)(?!\w)",
    _F,
)

#: A Kazakh or Kyrgyz verb in the first person of the present-future («қамтамасыз етеміз»,
#: «камсыз кылабыз», «береміз»): the speaker promises it himself.
_TURKIC_PROMISE = re.compile(
    r"(?<!\w)\w{2,}(?:[аеәиіыоөуүй](?:мыз|міз|миз|муз|мүз|быз|біз|биз|буз|бүз|мын|мін|мин|мун|мүн))"
    r"(?!\w)(?!\s+(?:керек|тиіс|тийиш|қажет|зарыл))",  # «қорғауымыз керек» is the duty itself
    _F,
)


def detect_modality(ctx: DiffContext, claimed: Claims) -> Finding:
    """A duty of the statement retold as a commitment (one ``certainty`` difference)."""
    duty = OBLIGATION.search(ctx.statement)
    in_source = False
    if duty is None and ctx.source and ctx.source != ctx.statement:
        duty, in_source = OBLIGATION.search(ctx.source), True
    if duty is None:
        return Finding()
    pledge = _own_pledge(ctx.report)
    if pledge is None:
        return Finding()
    for text in (ctx.statement, ctx.source or ""):
        if PLEDGE.search(text) or russian_future(text) or _TURKIC_PROMISE.search(text):
            return Finding()  # the statement promises something itself
    span = None if in_source else (duty.start(), duty.end())
    return Finding(
        (
            Difference(
                "certainty",
                duty.group(0),
                ctx.report[pledge[0] : pledge[1]],
                span,
                pledge,
                "modality: an obligation in the statement is a pledge in the report",
            ),
        )
    )


#: Where a report's sentences end (the diff gets one outlet's sentences joined by a space).
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»']?\s+(?=[\"“«A-Z0-9])|\n+")
_OPENERS = '"“«„'


def _own_pledge(report: str) -> tuple[int, int] | None:
    """The first pledge word in the outlet's own words, in a report sentence that keeps no
    obligation word of its own (``None`` when there is none)."""
    start = 0
    for cut in [*_SENTENCE_END.finditer(report), None]:
        end = cut.start() if cut else len(report)
        sentence = report[start:end]
        quoted = _quoted(sentence)
        if not any(_own(m, quoted) for m in OBLIGATION.finditer(sentence)):
            pledge = next(
                (m for m in PLEDGE.finditer(sentence) if _own(m, quoted) and _pledge(sentence, m)),
                None,
            )
            if pledge is not None:
                return start + pledge.start(), start + pledge.end()
        start = cut.end() if cut else end
    return None


def _quoted(sentence: str) -> list[tuple[int, int]]:
    """Quoted spans of one sentence; a quotation opened and not closed in it (a quote running
    on into the next sentence) runs to the sentence's end."""
    spans = [(q.start, q.end) for q in quotations(sentence)]
    for i, ch in enumerate(sentence):
        unmatched = ch != '"' or sentence.count('"') % 2 == 1
        if ch in _OPENERS and unmatched and not any(a <= i < b for a, b in spans):
            spans.append((i, len(sentence)))
            break
    return spans


#: A speech verb before "would": "said Kazakhstan would ensure" is a reported "will".
_SPEECH_BEFORE = re.compile(
    r"(?<!\w)(?:said|says|told|announced|stated|declared|added|assured|promised|pledged)(?!\w)",
    _F,
)


def _pledge(sentence: str, m: re.Match[str]) -> bool:
    """A pledge word; "would" only as the future of reported speech ("he said it would ..."),
    not as a conditional ("the plan would cost more")."""
    if m.group().lower() != "would":
        return True
    return _SPEECH_BEFORE.search(sentence, 0, m.start()) is not None


def _own(m: re.Match[str], quoted: list[tuple[int, int]]) -> bool:
    """The match lies outside every quoted span (the outlet's own words)."""
    return not any(a <= m.start() and m.end() <= b for a, b in quoted)
