"""A duty turned into a pledge, a proposal into a decision: the ``modality`` detector (kind
``certainty``).

A statement often says what *must* be done («Мы должны обеспечить им безопасность», «...қамтамасыз
етуіміз керек», "we must ensure their safety"); a retelling that says the speaker *will* do it
("the republic will guarantee their protection ...", "he promised his government would shield ...",
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

The same rule reads a **proposal** retold as a **decision**: «Предлагаю провести выборы осенью»,
«...сайлау өткізуді ұсынамын», "I propose early elections" become "Tokayev called a snap
election", "elections will be held", "announced". A report that keeps the proposal ("proposed",
"suggested", "called for") retells it. So does an **instruction** retold as a **decision** or a fact:
«Правительству поручено прекратить сотрудничество» (the government has been instructed to stop)
becomes "the authorities have decided to halt cooperation" or "... will stop"; a report that keeps
the instruction ("instructed", "ordered", "tasked", "asked") retells it, and "announced" is no
decision here (it is as often the speech verb that reports the instruction). The shifts are
listed in :data:`SHIFTS`.

The other way round, a **description** retold as a **prescription**: «Разъяснения даются на
уровне министерства» (explanations are given at the ministry's level) becomes "explanations
should come from the ministry". It is flagged when neither the statement (translation and
original) nor another statement line the same report sentences retell has an obligation,
proposal, appeal or imperative word (:data:`DIRECTIVE`: «должен», «призываю», «главное»,
«бы», kk «керектігін», ky «болуңуздар», ...), and a report clause says in the outlet's own
words what *should*, *must*, *ought to*, *needs to* or *has to* be (:data:`PRESCRIPTION`: not a
past necessity, "should have", "will have to", a condition "Should talks fail", or "it should be
noted"), and that clause retells the statement: it renders at least :data:`RETOLD_WORDS` of its
words (the bilingual lexicon), so advice of the outlet's own about another fact, or a wrongly
linked sentence, is no shift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.bilexicon import WORD, english_content, english_stem, load_bilexicon
from workbench.diff.morph import russian_future
from workbench.diff.text import any_match, sentences
from workbench.diff.voice import quotations
from workbench.types import Difference

_F = re.IGNORECASE

#: Obligation and necessity words (en, ru, kk, ky).
OBLIGATION = re.compile(
    r"(?<!\w)(?:must|should|ought\s+to|(?:need|needs|needed)\s+to|(?:have|has|had)\s+to|"
    r"obliged|obligated|(?:is|are|was|were)\s+(?:necessary|required|essential)|"
    r"должн\w*|должен|необходим(?:о|а|ы)|нужн(?:о|а|ы|ен)|нужен|надо|следует|обязан\w*|"
    r"обязательно|"
    r"(?<!болса\s)(?<!болсо\s)керек(?:піз|пін|пиз|пин|сіз|сиз)?|тиіс(?:піз|пін|сіз|ті\s+болады)?|қажет|міндеттіміз|"
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
#: kk/ky endings of the first person (singular and plural) after a verb's vowel.
TURKIC_FIRST_PERSON = r"(?:мыз|міз|миз|муз|мүз|быз|біз|биз|буз|бүз|мын|мін|мин|мун|мүн)"
_TURKIC_PROMISE = re.compile(
    rf"(?<!\w)\w{{2,}}(?:[аеәиіыоөуүй]{TURKIC_FIRST_PERSON})"
    r"(?!\w)(?!\s+(?:керек|тиіс|тийиш|қажет|зарыл))",  # «қорғауымыз керек» is the duty itself
    _F,
)

#: Proposal words (en, ru, kk, ky) of a statement.
PROPOSAL = re.compile(
    r"(?<!\w)(?:propos(?:e|es|ed|al|als)|suggest(?:s|ed)?|предлага\w*|предложи\w*|предложени\w*|"
    r"ұсынамын|ұсынамыз|ұсыныс\w*|сунуштайм\w*|сунуштайбыз|сунуш(?:ум|убуз|тады)\w*)(?!\w)",
    _F,
)
#: A report that keeps the proposal as one.
PROPOSAL_KEPT = re.compile(
    r"(?<!\w)(?:propos\w*|suggest\w*|call(?:ed|s|ing)?\s+for|floated|recommend\w*|"
    r"initiative|idea)(?!\w)",
    _F,
)
#: A report's words for a decision taken (English).
DECISION = re.compile(
    r"(?<!\w)(?:will|'ll|would(?!\s+(?:like|rather|have|be\s+(?:able|willing)))|"
    r"announc(?:ed|es|ing)|decided|decreed|ordered|scheduled|"
    r"call(?:ed|s|ing)?\s+(?:a|an)\s+(?:snap|early|new|extraordinary|special)|"
    r"set\s+(?:a|the)\s+date|(?:is|are)\s+to\s+be\s+held|"
    # "plans to" as a verb only: not the noun after a determiner or a verb of showing ("a plan
    # to", "unveiled plans to", "its plans to": a plan presented is no decision taken)
    r"(?<!\ba\s)(?<!\bthe\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\bour\s)(?<!\bnew\s)"
    r"(?<!\btheir\s)(?<!ed\s)(?<!'s\s)plan(?:s|ned|ning)?\s+to|"
    r"intend(?:s|ed|ing)?\s+to|(?:is|are)\s+(?:set|going)\s+to)(?!\w)",
    _F,
)

#: Instruction words (en, ru, kk, ky) of a statement: a head of state instructs, orders or tasks
#: someone («Правительству поручено прекратить ...», «... тапсырма бердім», «... тапшырма берди»,
#: "I have instructed the government to ..."); what was instructed is not yet done or decided.
INSTRUCTION = re.compile(
    r"(?<!\w)(?:instruct(?:s|ed|ing|ion|ions)?|task(?:s|ed)\s+(?:\w+\s+){0,3}?(?:to|with)|"
    r"поруч(?:ил|ила|или|аю|аем|ает|ено|ен|ена|ены|ение|ения|ению|ением|ениями|ить)|"
    r"указани\w*|тапсырма\w*|тапсыр(?:ды|дым|дық|амын|амыз)|нұсқау\w*|тапшырма\w*|"
    r"тапшыр(?:ды|дым|дык|ам|абыз)|көрсөтмө\w*)(?!\w)",
    _F,
)
#: A report that keeps the instruction as one (someone was told to act).
INSTRUCTION_KEPT = re.compile(
    r"(?<!\w)(?:instruct\w*|order(?:s|ed|ing)?|task(?:s|ed|ing)?|direct(?:s|ed|ing|ive)|"
    r"told|ask(?:s|ed|ing)?|charg(?:ed|es)\s+with|mandat\w*|assign\w*|commission(?:s|ed)|"
    r"call(?:s|ed|ing)?\s+on|urg(?:es|ed|ing)|demand\w*)(?!\w)",
    _F,
)
#: A report's words for a decision taken or a thing to come (English): "authorities have
#: decided to halt", "will stop", "has been suspended". ("announced" is no decision here: it is
#: as often the speech verb that reports the instruction.)
INSTRUCTED_DONE = re.compile(
    r"(?<!\w)(?:will|'ll|would(?!\s+(?:like|rather|have|be\s+(?:able|willing)))|"
    r"decid(?:ed|es)|decreed|(?:is|are)\s+to\s+be|"
    r"(?:has|have)\s+(?:been\s+)?(?:halted|stopped|suspended|ended|terminated|cancelled|canceled|"
    r"closed|banned|approved|adopted|launched|established|created))(?!\w)",
    _F,
)

#: Hope words (en, ru, kk, ky) of a statement: «мы надеемся, что ...», «... деп үміттенеміз»,
#: «... деп үмүттөнөбүз», "we hope". The nouns («надежда», kk «үміт», ky «үмүт») count in lower
#: case only: capitalised they are first names (Надежда Петрова, Үміт, Үмүт) or names of places
#: and firms (стадион «Надежда»).
HOPE = re.compile(
    r"(?<!\w)(?:hope|hopes|hoped|hoping|hopefully|наде(?:юсь|емся|ется|ются|ялся|ялась|ялись|"
    r"яться|ясь)|(?-i:надежд\w*)|үміттен\w*|(?-i:үміт(?:і|ім|іміз|пен)?)|үмүттөн\w*|"
    r"(?-i:үмүт(?:ү|үм|үбүз)?))(?!\w)",
    _F,
)
#: A report that keeps the hope (or a wish) as one.
HOPE_KEPT = re.compile(
    r"(?<!\w)(?:hope\w*|hoping|wish\w*|optimis\w*|aspir\w*|look(?:s|ed|ing)?\s+forward)(?!\w)",
    _F,
)
#: A report's words for an expectation or a fact to come (English).
EXPECTATION = re.compile(
    r"(?<!\w)(?:expect(?:s|ed|ing)?|will|'ll|would(?!\s+(?:like|rather|have|be\s+(?:able|willing)))|"
    r"(?:is|are)\s+(?:set|due|certain|sure|confident)|confident|certain)(?!\w)",
    _F,
)

#: A report's words for a precondition: the need of the statement made a thing without which
#: nothing goes ("growth is impossible without cheap electricity").
PRECONDITION = re.compile(
    r"(?<!\w)(?:(?:impossible|unthinkable|inconceivable)\s+without|"
    r"(?:cannot|can't|could\s+not|couldn't)\s+(?:\w+\s+){0,6}?without)(?!\w)",
    _F,
)

#: A report that keeps the need as a need ("needs", "requires", "is necessary").
NEED_KEPT = re.compile(
    rf"{OBLIGATION.pattern}|(?<!\w)(?:need(?:s|ed)?|requir\w*|necessar\w*|essential)(?!\w)", _F
)


#: A report's words for what ought to be done, in the present or future (English): "should",
#: "must", "ought to", "needs to", "has to", "is required to", "it is necessary". A past
#: necessity ("had to leave", "needed to") tells what happened; "should" opening a sentence or
#: after "if" is a condition ("Should talks fail, ..."); "it should be noted" frames the text.
PRESCRIPTION = re.compile(
    r"(?<!\w)(?<!\bif\s)(?<!\bas\s\w\w\s)(?<!\bas\s\w\w\w\s)(?<!\bas\s\w\w\w\w\s)"
    r"(?<!\bwill\s)(?<!\bwould\s)(?<!'ll\s)"
    r"(?:(?<!^)should(?!\s+(?:be\s+)?(?:noted|mentioned|said|stressed|"
    r"emphasi[sz]ed|recalled|pointed\s+out|added|like|have)\b)|must(?!\s+(?:be\s+)?(?:noted|said|"
    r"stressed|admit|have)\b)|ought\s+to|needs?\s+to|(?:has|have)\s+to|"
    r"(?:is|are)\s+(?:required|obliged|obligated|supposed)\s+to|"
    r"(?:it\s+is|it's)\s+(?:necessary|essential|imperative|vital)\s+(?:to|that))(?!\w)",
    _F,
)
#: What excuses a report's prescription in a statement (en, ru, kk, ky) besides an obligation
#: word: a proposal, an appeal or request, "let us", "important", a wish or the conditional
#: mood (ru «бы»), ru «стоит», «нельзя», «недопустимо», a kk/ky imperative of the third person
#: («болсын», «болсун») or of the first person plural («жасайық», «кылалы»).
DIRECTIVE = re.compile(
    rf"{PROPOSAL.pattern}|{NEED_KEPT.pattern}|(?<!\w)(?:urg\w*|call(?:s|ed)?\s+(?:on|for|upon)|"
    r"let\s+us|let's|please|important|crucial|призыва\w*|призв\w*|прошу|просим|давайте|"
    r"пусть|важно|важн\w*|главное|стоит|стоило|бы|нельзя|недопустим\w*|требу\w*|требовани\w*|"
    r"приход\w*ся|прид[её]тся|пришлось|прош\w*|прос(?:ят|ил|ила|или|им|ит)|просьб\w*|"
    r"уместн\w*|целесообразн\w*|"
    r"маңызды|шақыр\w*|талап\w*|керек\w*|керег\w*|жөн|дұрыс|тура\s+кел\w*|"
    r"маанилүү|чакыр\w*|кереги\w*|туура\s+кел\w*|"
    r"\w{2,}(?:сын|сін|сун|сүн|айық|ейік|йық|йік|алы|ели|йлы|йли|олу|өлү|"
    r"ңыз|ңіз|ңиз|ңуз|ңүз|ңыздар|ңіздер|ңиздер|ңуздар|ңүздөр))(?!\w)",
    _F,
)


@dataclass(frozen=True)
class Shift:
    """One shift from a tentative mode of the statement to a firm one in the report.

    Attributes:
        name: Short name (in the note).
        tentative: The statement's words of the tentative mode (en/ru/kk/ky).
        kept: Report words that keep that mode (the report then retells it as it was).
        firm: Report words of the firm mode (English).
        note: What the difference says.
        own_future: Whether a statement that promises something itself (a future verb, a
            pledge word) is retold by the report's firm word. True for a duty or a proposal
            («обеспечим» is what "will ensure" retells); False for a hope, whose future verb is
            what is hoped for («надеемся, что ... завершится» → "will be completed" drops it).
    """

    name: str
    tentative: re.Pattern[str]
    kept: re.Pattern[str]
    firm: re.Pattern[str]
    note: str
    own_future: bool = True


#: The shifts read, in order (at most one difference per pair, the first that fires).
SHIFTS: tuple[Shift, ...] = (
    Shift("obligation", OBLIGATION, OBLIGATION, PLEDGE,
          "an obligation in the statement is a pledge in the report"),
    Shift("proposal", PROPOSAL, PROPOSAL_KEPT, DECISION,
          "a proposal in the statement is a decision in the report"),
    Shift("instruction", INSTRUCTION, INSTRUCTION_KEPT, INSTRUCTED_DONE,
          "an instruction in the statement is a decision or a fact in the report"),
    Shift("hope", HOPE, HOPE_KEPT, EXPECTATION,
          "a hope in the statement is an expectation or a fact in the report", own_future=False),
    Shift("precondition", OBLIGATION, NEED_KEPT, PRECONDITION,
          "a need in the statement is a precondition in the report (nothing without it)",
          own_future=False),
)  # fmt: skip


def detect_modality(ctx: DiffContext, claimed: Claims) -> Finding:
    """A duty or a proposal of the statement retold as a commitment or a decision (one
    ``certainty`` difference, the first shift of :data:`SHIFTS` that fires)."""
    for shift in SHIFTS:
        found = _shifted(ctx, shift)
        if found is not None:
            return Finding((found,))
    found = _prescribed(ctx)
    return Finding((found,) if found is not None else ())


def _prescribed(ctx: DiffContext) -> Difference | None:
    """A statement that describes («разъяснения даются на соответствующем уровне», "the
    explanations are given at the appropriate level") retold as a prescription in the outlet's
    own words ("explanations should come from the appropriate level"): the statement (its
    translation and its original) has no obligation, proposal, appeal or imperative word of
    :data:`DIRECTIVE`, nor has any other statement line the same report sentences retell
    (``ctx.context``), and a report sentence says in its own words what *should* or *must* be."""
    texts = [t for t in (ctx.statement, ctx.source or "") if t.strip()]
    if not texts or any_match(DIRECTIVE, (*texts, *ctx.context)):
        return None  # (another statement line the report retells may be what it prescribes)
    for start, end in sentences(ctx.report):
        sentence = ctx.report[start:end]
        quoted = quoted_spans(sentence)
        m = next((m for m in PRESCRIPTION.finditer(sentence) if _own(m, quoted)), None)
        if m is not None and retells(ctx, clause_at(sentence, m.start())):
            span = (start + m.start(), start + m.end())
            return Difference(
                "certainty", "", ctx.report[span[0] : span[1]], None, span,
                "modality: a description in the statement is a prescription in the report",
            )  # fmt: skip
    return None


#: Where a report sentence's clauses part: punctuation, a dash, or a conjunction that opens
#: another clause.
_CLAUSE_CUT = re.compile(
    r"[,;:()\[\]]|\s[—–-]\s|(?<=\s)(?:and|but|while|whereas|because|although|though|which|who|"
    r"where|when|after|before|as)(?=\s)",
    _F,
)
#: Statement words a report clause must render to retell the statement (not some other fact
#: the same sentence, or a wrongly linked one, tells).
RETOLD_WORDS = 2


def clause_at(sentence: str, at: int) -> str:
    """The clause of ``sentence`` that holds position ``at``."""
    start, end = 0, len(sentence)
    for cut in _CLAUSE_CUT.finditer(sentence):
        if cut.end() <= at:
            start = cut.end()
        elif cut.start() > at:
            end = cut.start()
            break
    return sentence[start:end]


def retells(ctx: DiffContext, clause: str, need: int = RETOLD_WORDS) -> bool:
    """The report clause renders at least ``need`` (:data:`RETOLD_WORDS`) words of the
    statement: of its original through the bilingual lexicon (or the same digits, or a cognate
    spelling), or of its English translation by stem."""
    if ctx.source and ctx.src:
        covered = load_bilexicon().coverage(ctx.source, clause, ctx.src)
        if sum(c.covered for c in covered) >= need:
            return True
    mine = {english_stem(w) for w in WORD.findall(clause) if english_content(w)}
    theirs = {english_stem(w) for w in WORD.findall(ctx.statement) if english_content(w)}
    return len(mine & theirs) >= need


def _shifted(ctx: DiffContext, shift: Shift) -> Difference | None:
    mark = shift.tentative.search(ctx.statement)
    in_source = False
    if mark is None and ctx.source and ctx.source != ctx.statement:
        mark, in_source = shift.tentative.search(ctx.source), True
    if mark is None:
        return None
    firm = _own_firm(ctx.report, shift)
    if firm is None:
        return None
    for text in (ctx.statement, ctx.source or "") if shift.own_future else ():
        if PLEDGE.search(text) or russian_future(text) or _promises(text, shift):
            return None  # the statement promises something itself
    return Difference(
        "certainty",
        mark.group(0),
        ctx.report[firm[0] : firm[1]],
        None if in_source else (mark.start(), mark.end()),
        firm,
        f"modality: {shift.note}",
    )


def _promises(text: str, shift: Shift) -> bool:
    """A kk/ky first-person present-future verb that is not the tentative word itself
    («ұсынамын», "I propose", is a proposal, not a promise)."""
    return any(not shift.tentative.fullmatch(m.group()) for m in _TURKIC_PROMISE.finditer(text))


_OPENERS = '"“«„'


def _own_firm(report: str, shift: Shift) -> tuple[int, int] | None:
    """The first firm word of ``shift`` in the outlet's own words, in a report sentence that
    keeps no tentative word of its own (``None`` when there is none)."""
    for start, end in sentences(report):
        sentence = report[start:end]
        quoted = quoted_spans(sentence)
        if not any(_own(m, quoted) for m in shift.kept.finditer(sentence)):
            pledge = next(
                (
                    m
                    for m in shift.firm.finditer(sentence)
                    if _own(m, quoted) and _pledge(sentence, m)
                ),
                None,
            )
            if pledge is not None:
                return start + pledge.start(), start + pledge.end()
    return None


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
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
