"""A position retold as a refusal: the ``refusal`` detector (kind ``certainty``).

Officials often state a principle and leave its consequence unsaid: «Казахстан исходит из
принципов международного права» (Kazakhstan proceeds from the principles of international law)
says what the country stands on, not what it will do. A retelling that
says in the outlet's own words that the country "will not recognize", "does not accept",
"has no intention of joining", "refused to" or "rejected" turns the principle into an
explicit refusal the speaker did not voice — a claim stated more firmly than it was made. It is
found across languages without a translation, because only markers are read.

The rule fires when

* the statement (its English translation, its original, and the other statement lines the same
  report sentences retell) has no negation and no word of refusal: English "not", "no",
  "never", "deny", and every refusal the report side reads ("rejected", "ruled out" ...); Russian «не», «нет», «ни», «отказ-», «отверг-»,
  «отклон-», «исключ-», a ban («запрет-»); Kazakh and Kyrgyz «жоқ», «емес», «жок», «эмес»,
  «бас тарт-», «баш тарт-», «четке как-», «тыйым», and a verb with a negative suffix
  (:data:`TURKIC_NEGATIVE_VERB`, read broadly: a word it wrongly takes for a negated verb
  only keeps the rule quiet);
* a report clause, in the outlet's own words (not inside a quotation, nor inside parentheses,
  where an outlet gives its own background), negates a verb of taking a position — recognise,
  acknowledge, accept, support, join, allow, approve, take part, send ... — ("will not
  recognize", "won't recognize", "doesn't accept"), or refuses ("refused to", "rejects", "ruled
  out", "declined to" — not "declined to be named" or "to comment" —, "has no intention of",
  "does not plan to");
* and that clause retells the statement: it renders at least
  :data:`workbench.diff.modality.RETOLD_WORDS` of its words (the bilingual lexicon, or the
  translation's stems), so a refusal about some other matter in a wrongly linked sentence is
  not read.

One difference per refusal (a headline and a lede that both say "won't recognize" are two
retellings; a compare joins an outlet's sentences with no stop between a headline and its lede).
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.markers import REFUSED as _REFUSED
from workbench.diff.markers import negation_mentions
from workbench.diff.modality import clause_at, quoted_spans, retells
from workbench.diff.text import sentences
from workbench.types import Difference

_F = re.IGNORECASE

#: Verbs of taking a position that a refusal negates (English, report side).
_STANCE = (
    r"recogni[sz]\w*|acknowledg\w*|accept\w*|support\w*|endors\w*|back(?:s|ed|ing)?|"
    r"join\w*|allow\w*|permit\w*|approv\w*|agree\w*|participat\w*|take\s+part|send\w*|"
    r"supply\w*|extradit\w*|hand\s+over|comply\w*|abide\w*|consider\w*\s+(?:\w+\s+)?legitimate"
)
#: A negated auxiliary or modal before the verb.
_NOT = (
    r"(?:will|would|does|do|did|can|could|shall|should|is|are|was|were|has|have|had)\s+not|"
    r"(?:won|wouldn|doesn|don|didn|can|couldn|shan|isn|aren|wasn|weren|hasn|haven|hadn)['’]t|"
    r"cannot|never"
)
#: A report's refusal in English.
REFUSAL = re.compile(
    rf"(?<!\w)(?:(?:{_NOT})\s+(?:\w+\s+){{0,2}}?(?:{_STANCE})|"
    r"refus(?:e|es|ed|ing)\s+to|reject(?:s|ed|ing)?|rul(?:e|es|ed|ing)\s+out|"
    # not "declined to be named", "declined to comment": the source's discretion, no position
    r"declin(?:e|es|ed|ing)\s+to(?!\s+(?:be\s+(?:named|identified)|comment|elaborate|"
    r"give\s+(?:his|her|their)\s+name|speak|disclose))|no\s+(?:intention|plans?)\s+(?:of|to)|"
    r"(?:does|do|did)\s+not\s+(?:intend|plan)\s+to|(?:doesn|don|didn)['’]t\s+(?:intend|plan)\s+to)"
    r"(?!\w)",
    _F,
)
#: A Kazakh or Kyrgyz verb with a negative suffix (-ма/-ме/-ба/-бе/-па/-пе, ky also -мо/-мө/
#: -бо/-бө/-по/-пө) before a tense, participle, person or verbal-noun ending: «танымаймыз»,
#: «қабылдамады», «тааныбайбыз», «бербейт». Read broadly on purpose: a noun it takes for a
#: negated verb only keeps the rule quiet.
TURKIC_NEGATIVE_VERB = re.compile(
    r"(?<!\w)\w{2,}(?:ма|ме|ба|бе|па|пе|мо|мө|бо|бө|по|пө)"
    r"(?:й\w*|с(?:ы|і|и|у|ү)?н?\w*|ды\w*|ді\w*|ди\w*|ду\w*|дү\w*|ған\w*|ген\w*|ган\w*|гон\w*|"
    r"гөн\w*|у\w*|ң\w*|сқа\w*|ске\w*)(?!\w)",
    _F,
)


def _negates(text: str, src: str | None) -> bool:
    """Whether ``text`` (English, or kk/ky/ru) holds a negation or a word of refusal."""
    if negation_mentions(text, src, with_spans=False) or _REFUSED.search(text):
        return True
    if REFUSAL.search(text):  # an English statement or translation that refuses ("rejected")
        return True
    return src in ("kk", "ky") and TURKIC_NEGATIVE_VERB.search(text) is not None


def _aside(sentence: str, at: int) -> bool:
    """Position ``at`` lies inside parentheses (the outlet's own background)."""
    return sentence.rfind("(", 0, at) > sentence.rfind(")", 0, at)


def detect_refusals(ctx: DiffContext, claimed: Claims) -> Finding:
    """Report sentences that state a refusal the statement does not voice (``certainty``)."""
    if not REFUSAL.search(ctx.report):
        return Finding()
    texts = (ctx.statement, ctx.source or "", *ctx.context)
    if any(t and _negates(t, ctx.src) for t in texts):
        return Finding()
    found: list[Difference] = []
    for start, end in sentences(ctx.report):
        sentence = ctx.report[start:end]
        quoted = quoted_spans(sentence)
        for m in REFUSAL.finditer(sentence):
            if any(a <= m.start() < b for a, b in quoted) or _aside(sentence, m.start()):
                continue
            if not retells(ctx, clause_at(sentence, m.start())):
                continue
            span = (start + m.start(), start + m.end())
            found.append(
                Difference(
                    "certainty",
                    "",
                    ctx.report[span[0] : span[1]],
                    None,
                    span,
                    "refusal: the statement states a position, the report a refusal it does "
                    "not voice",
                    category="refusal",
                )
            )
    return Finding(tuple(found))
