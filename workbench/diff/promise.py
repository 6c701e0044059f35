"""The speaker's own promise that the report drops: the ``promise`` detector (kind ``omission``,
keys13, session 13).

A statement that commits its speaker — "we will put this situation right", «мы эту ситуацию
исправим», "I will not allow ..." — says what he can later be held to. A retelling that keeps the
sentence and drops the commitment ("we must remain steadfast", "the situation is grave") leaves
the analyst without the promise, though no figure or name moved. Found across languages without a
translation, since only markers are read:

* the statement (its translation, or its original when there is none) commits its speaker: an
  English "we/I will", "we/I shall", "we'll", "we promise/pledge/guarantee/vow"; a Russian verb
  in the first person of the future («исправим», «обеспечим», «не допущу»; pymorphy3's likeliest
  parse) or «будем»/«буду»; kk/ky «уәде беремін», «кепілдік береміз», ky «убада берем»,
  «кепилдик беребиз» (a promise said as one: the kk/ky present-future alone is as often the
  habitual present, "we support", and is not read);
* the report has no pledge word anywhere ("will", "would", "pledged", "promised", "vowed",
  "assured", "guaranteed", "is going to", "committed", "determined", "intends"): such a report
  keeps the commitment in its own words.

Not promises: a speaker announcing what he is about to say or think over ("I will note", "we
will discuss this tomorrow", "I will now turn to ...", «отмечу», «скажу», «обсудим»), a feeling
("we will be glad", «будем рады»), a Russian first person plural without «мы» in its sentence (a
hortative: «Обсудим это завтра», let's discuss it), and a first-person future inside a condition ("if we do not act", «если мы не
примем») or a question.
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.modality import PLEDGE, TURKIC_FIRST_PERSON
from workbench.diff.morph import russian_first_person_future, russian_first_person_plural
from workbench.diff.text import tokenize, words
from workbench.types import Difference

_F = re.IGNORECASE

#: Verbs of the speaker's own speech, of considering and of turning to a topic: "I will note",
#: "we will discuss this tomorrow", "I will now turn to the economy", "we will see" announce
#: what he is about to say or think over, not a commitment (review13 K2); so does a feeling
#: ("we will be glad to see you").
_SPEECH = (
    r"(?:say|note|add|stress|emphasi[sz]e|repeat|remind|mention|dwell|list|recall|point|"
    r"discuss|talk|speak|tell|explain|describe|outline|consider|think|reflect|see|hear|"
    r"(?:turn|move\s+on|return|come\s+back|go\s+back)\s+to|"
    r"be\s+(?:glad|happy|pleased|delighted|grateful|thankful|honou?red))"
)
#: Adverbs between "will" and the verb ("I will now turn to ...", "we will briefly discuss").
_SPEECH_ADVERB = r"(?:(?:now|then|also|briefly|first|next|later|again|not)\s+)*"
#: An English commitment of the speaker (statement side).
EN_PROMISE = re.compile(
    r"(?<!\w)(?:(?:we|i)\s+(?:will|shall)|we'll|i'll|we’ll|i’ll)(?!\w)"
    rf"(?!\s+{_SPEECH_ADVERB}{_SPEECH}\b)"
    r"|(?<!\w)(?:we|i)\s+(?:promise|pledge|guarantee|vow)(?!\w)",
    _F,
)
#: A kk/ky promise said as one, in the first person only («уәде беремін», «кепілдік береміз»,
#: ky «убада берем», «кепилдик беребиз»): «Конституция кепілдік береді» (the Constitution
#: guarantees) and «Ол уәде берген» (he had promised) are no commitment of the speaker.
TURKIC_PROMISE = re.compile(
    rf"(?<!\w)(?:уәде|кепілдік|убада|кепилдик)\s+бер(?:е{TURKIC_FIRST_PERSON}|ем)(?!\w)", _F
)
#: Russian verbs of the speaker's own speech («отмечу», «скажу», «напомню»), of ability and of
#: "let's" («сможем», «увидим», «начнем»), by lemma: no commitment. («отметать» is there
#: because pymorphy3 reads «отмечу» as its future as likely as «отметить»'s.)
_RU_SPEECH = words(
    """сказать отметить напомнить подчеркнуть добавить повторить перечислить остановиться
    привести упомянуть заметить сообщить признаться отметать смочь увидеть посмотреть
    начать перейти вспомнить представить обсудить поговорить рассказать рассмотреть
    обдумать подумать коснуться"""
)
#: «Будем рады/благодарны» (we will be glad): a feeling, not a commitment.
_RU_FEELING = re.compile(
    r"^\s+(?:очень\s+)?(?:рад|рады|счастлив\w*|благодарн\w*|признательн\w*)(?!\w)", _F
)
#: «мы», the subject pronoun of a 1pl commitment; a 1pl future without it in its sentence is a
#: hortative («Обсудим это завтра», let's discuss it; review13 K2).
_RU_WE = re.compile(r"(?<!\w)мы(?!\w)", _F)
#: A condition or a question before the verb in its clause: no commitment.
_CONDITION = re.compile(r"(?<!\w)(?:if|unless|whether|если|ли|бы)(?!\w)", _F)
#: Report words that keep a commitment (besides :data:`workbench.diff.modality.PLEDGE`).
KEPT = re.compile(
    r"(?<!\w)(?:commit(?:s|ted|ment)?|determined|intend(?:s|ed)?|resolved?|undertak\w*|"
    r"shall)(?!\w)|['’]ll(?!\w)",  # "I'll", "we’ll": PLEDGE's "'ll" wants no letter before it
    _F,
)
_CLAUSE = re.compile(r"[.;!?]")


def promise_mention(text: str, *, russian: bool = False) -> tuple[int, int] | None:
    """The span of the first commitment of the speaker in ``text``, or ``None``. Russian verbs
    are read only when ``russian`` (pymorphy3 guesses a Russian parse for kk/ky words too)."""
    for m in EN_PROMISE.finditer(text):
        if not _conditional(text, m.start()):
            return m.span()
    m2 = TURKIC_PROMISE.search(text)
    if m2 is not None:
        return m2.span()
    for tok in tokenize(text) if russian else ():
        if (
            russian_first_person_future(tok.text, exclude=_RU_SPEECH)
            and not _conditional(text, tok.start)
            and not _RU_FEELING.match(text[tok.end : tok.end + 30])
            and not (
                russian_first_person_plural(tok.text)
                and not _RU_WE.search(_sentence(text, tok.start))
            )
        ):
            return tok.start, tok.end
    return None


def _sentence(text: str, start: int) -> str:
    """The sentence of ``text`` around the offset ``start``."""
    cut = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    end = _CLAUSE.search(text, start)
    return text[cut : end.start() if end else len(text)]


def _conditional(text: str, start: int) -> bool:
    """A condition or question word earlier in the same sentence ("If we do not act, we will
    lose" warns, it does not commit)."""
    cut = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    return _CONDITION.search(text, cut, start) is not None or text.rstrip().endswith("?")


def detect_promise(ctx: DiffContext, claimed: Claims) -> Finding:
    """The statement's commitment, when the report keeps no pledge word (one ``omission``)."""
    span = promise_mention(ctx.statement, russian=ctx.src == "ru")
    if span is None or PLEDGE.search(ctx.report) or KEPT.search(ctx.report):
        return Finding()
    return Finding(
        (
            Difference(
                "omission",
                ctx.statement[span[0] : span[1]],
                "",
                span,
                None,
                "promise: the speaker's commitment is not in the report",
                category="promise",
            ),
        ),
        Claims((span,), ()),
    )
