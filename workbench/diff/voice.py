"""Whose words are these? Quotations and reported speech in English, Russian, Kazakh, Kyrgyz.

A text is the outlet's own voice except where it quotes (« », “ ”, „ “, ‘ ’, " ", ' ', nested
any way) or reports speech ("X said (that) …", "…, X said", "according to X, …", ru «по словам X»,
«X заявил, что …», kk «… деді X», «X сөзінше», ky «… деди X», «X сөзү боюнча»). :func:`find_voices`
returns those spans with the speaker when it is recognisable; :func:`voice_at` tells which voice
a span of the text belongs to. Detectors use it to give every difference a voice, salience uses it
(the outlet's own words weigh more than words it quotes), and framing aggregates count own and
quoted uses apart.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from workbench.diff.lexicon import Lexicon, find_labels
from workbench.diff.text import Span, per_text
from workbench.types import LabelHit

#: Quote pairs: opening mark → closing marks.
_PAIRS: dict[str, str] = {"«": "»", "“": "”“", "„": "“”", "‘": "’", "‹": "›"}
_SYMMETRIC = ('"', "'")

_SPEECH_EN = (
    r"said|says|say|stated|states|told|tells|announced|announces|added|noted|insisted|insists|"
    r"claimed|claims|alleged|alleges|asserted|declared|confirmed|explained|argued|warned|wrote|"
    r"tweeted|maintained|reiterated|stressed|suggested|described|called|calls|"
    r"call(?!\s+(?:for|on|off|up|in|out|back|to|it\s+a\s+day)\b)|branded|"
    r"labell?ed|dubbed|termed|blamed|accused|established|ruled|concluded|pointed\s+out"
)
#: The kk/ky speaker before «сөзінше» ends in a letter, not a space: a speaker that could end
#: in spaces let ``\s+`` re-split a run of spaces at every length, from every start (a
#: 400-space line took 0.75 s, 4,000 spaces over a minute).
_SPEECH = re.compile(
    rf"(?<!\w)(?:(?P<acc>according\s+to|in\s+the\s+words\s+of|as\s+(?:reported|stated)\s+by|"
    rf"по\s+(?:\w+\s+)?(?:словам|данным|информации|мнению))\s+(?P<who>[^,.;:!?\n]{{1,60}}?)"
    rf"(?=[,.;:!?\n]|\s+(?:that|who|which)\b|$)|"
    rf"(?P<who2>[^,.;:!?\n«“\"]{{0,59}}?[^\s,.;:!?\n«“\"])\s+(?P<post>сөзінше|айтуынша|мәліметінше|"
    rf"сөзү\s+боюнча|маалыматы\s+боюнча|айтымында)(?!\w)|"
    rf"(?P<verb>{_SPEECH_EN}|заяви\w*|сказа\w*|сообщи\w*|отмети\w*|подчеркну\w*|утвержда\w*|"
    rf"назва\w*|деді|айтты|мәлімдеді|хабарлады|деп\s+атады|деди|билдирди|маалымдады|"
    rf"белгиледи|деп\s+атады)(?!\w))",
    re.IGNORECASE,
)
_NOT_SPEECH_BEFORE = re.compile(
    r"\b(?:(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+|also\s+)?|"
    r"(?:the|a|an|this|these|those|its|his|her|their|our|my|your|so)[\s-]+)$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!?;\n]")
#: Naming verbs: what they report is the name given ("those he called 'terrorists'").
_NAMING = re.compile(
    r"call|called|calls|branded|labell?ed|dubbed|termed|described|назва\w*|деп\s+атады",
    re.IGNORECASE,
)
#: Where the name a naming verb gives ends: the clause ends, or a conjunction opens another.
_NAME_END = re.compile(
    r"[,;:.!?()\n—–]|\s(?:yet|but|while|whereas|although|though|because|after|before|when)\b",
    re.IGNORECASE,
)
_NAME_OBJECT = re.compile(
    r"\s*(?:(?:them|him|her|it|the\s+\w+|these|those)\s+)?(?:as\s+)?"
    r"(?P<name>[«“„\"'‘][^«»“”„\"\n]{1,60}?[»”“\"'’]|(?:[\w-]+\s*){1,4})"
)
_BOUNDARY = re.compile(
    rf"(?:that|who|whom|which|what|those|and|but|while|as|что|и|{_SPEECH_EN})", re.IGNORECASE
)
_SPEAKER_NOISE = re.compile(r"^(?:(?:what|those|the\s+ones|whom|who|which|that|and)\s+)+", re.I)


@dataclass(frozen=True)
class Voice:
    """A span of a text that is not the outlet's own voice.

    Attributes:
        start: Start offset.
        end: End offset.
        kind: ``"quote"`` (inside quotation marks) or ``"speech"`` (reported speech).
        speaker: Who speaks, when recognisable (empty otherwise).
        depth: Nesting depth of a quotation (0 = outermost).
        marker: The span of the speech marker ("according to X", "X said"), if any.
    """

    start: int
    end: int
    kind: str
    speaker: str = ""
    depth: int = 0
    marker: Span | None = None


@per_text
def quotations(text: str) -> list[Voice]:
    """Quoted spans (marks included), nested quotations with their depth.

    Straight quotes pair with the next straight quote of the same kind; a single quote counts
    only at word boundaries (not an apostrophe: it's, Tokayev's).
    """
    stack: list[tuple[str, int]] = []
    out: list[Voice] = []
    for i, ch in enumerate(text):
        if stack and ch in _closers(stack[-1][0]) and _can_close(text, i, ch):
            opener, start = stack.pop()
            out.append(Voice(start, i + 1, "quote", depth=len(stack)))
        elif ch in _PAIRS or (ch in _SYMMETRIC and _can_open(text, i, ch)):
            stack.append((ch, i))
    return sorted(out, key=lambda v: (v.start, -v.end))


def _closers(opener: str) -> str:
    return _PAIRS.get(opener, opener)


def _can_open(text: str, i: int, ch: str) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "'":
        return not before.isalnum() and after.isalnum()
    return not after.isspace()


def _can_close(text: str, i: int, ch: str) -> bool:
    if ch != "'":
        return True
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def reported_speech(text: str) -> list[Voice]:
    """Spans of reported speech, each with its speaker and marker.

    "X said (that) CLAUSE" and "according to X, CLAUSE" cover the clause after the marker;
    "CLAUSE, X said" and "CLAUSE, according to X" cover the clause before it.
    """
    out: list[Voice] = []
    read: dict[int, str] = {}  # id of a voice in ``out`` -> its speaker as read (not printed)
    for m in _SPEECH.finditer(text):
        if m.group("verb") and _NOT_SPEECH_BEFORE.search(
            text, _tail_start(text, m.start()), m.start()
        ):
            continue
        speaker, mstart, mend = _speaker_of(text, m)
        outer = voice_at(out, (m.start(), m.end()))
        said = read[id(outer)] if outer is not None else ""
        if said and not _PRONOUN_IT.fullmatch(said):
            # a verb inside another's speech: "The minister said it was wrong to call them …"
            # (no speaker of its own), "The government says … what it calls …" (its pronoun)
            if not speaker:
                speaker = said
            elif _PRONOUN_IT.fullmatch(speaker):
                speaker = f"{speaker} ({said})" if _printed(said) else speaker
        shown = _printed(speaker)
        start, end = _sentence(text, mstart)
        if m.group("verb") and m.group("verb").lower().startswith("деп"):
            words = list(re.finditer(r"\S+", text[start : m.start()]))[-2:]
            if words:
                a, b = start + words[0].start(), start + words[-1].end()
                _add(out, read, Voice(a, b, "speech", shown, marker=(mstart, mend)), speaker)
            continue
        if m.group("verb") and _NAMING.fullmatch(m.group("verb")):
            named = _NAME_OBJECT.match(text, m.end())
            if named and named.group("name").strip():
                a = named.start("name")
                b = a + len(named.group("name").rstrip())
                stop = _NAME_END.search(text, b)
                if speaker and stop and named.group("name").strip()[0] not in "«“„\"'‘":
                    b = stop.start()  # "call the people who took to the streets bandits"
                _add(out, read, Voice(a, b, "speech", shown, marker=(mstart, mend)), speaker)
            continue
        after = text[mend:end].strip(" ,:—–-")
        before = text[start:mstart].strip(" ,:—–-")
        if m.group("verb") and not m.group("verb").lower().startswith(("деп", "назва")):
            # "X said that CLAUSE" when words follow, else "CLAUSE, X said"
            span = (mend, end) if len(after.split()) >= 2 else (start, mstart)
        elif m.group("post"):
            span = (mend, end)
        else:
            span = (mend, end) if len(after.split()) >= 2 else (start, mstart)
        span = _trim(text, span)
        if span[1] - span[0] > 1 and (after or before):
            _add(
                out, read, Voice(span[0], span[1], "speech", shown, marker=(mstart, mend)), speaker
            )
    return out


def _add(out: list[Voice], read: dict[int, str], voice: Voice, speaker: str) -> None:
    """Append ``voice`` to ``out`` and keep the speaker it was read with in ``read``."""
    out.append(voice)
    read[id(voice)] = speaker


def _printed(speaker: str) -> str:
    """The speaker as the views print it: "" (no speaker) when it holds no letter or digit. A
    sentence opening "…said" read the ellipsis as its speaker and the Labels table printed
    "quoted: …" (review17). Display only: the spans are found with the speaker as read."""
    return speaker if any(c.isalnum() for c in speaker) else ""


def _trim(text: str, span: Span) -> Span:
    a, b = span
    while a < b and text[a] in " ,:—–-":
        a += 1
    while b > a and text[b - 1] in " ,:—–-":
        b -= 1
    return a, b


def _speaker_of(text: str, m: re.Match[str]) -> tuple[str, int, int]:
    """The speaker of a speech marker and the marker's span including the speaker."""
    if m.group("acc"):
        return m.group("who").strip(), m.start(), m.end()
    if m.group("post"):
        who = m.group("who2").strip()
        return who, m.start("who2") + m.group("who2").find(who), m.end()
    ends = _speaker_stops(text)
    before = bisect.bisect_left(ends, m.start())
    clause = text[ends[before - 1] + 1 if before else 0 : m.start()]
    words = clause.split()
    cut = max(
        (i + 1 for i, w in enumerate(words) if _BOUNDARY.fullmatch(w.strip(",")) is not None),
        default=0,
    )
    if m.group("verb").lower().startswith("деп"):
        cut = 0  # kk/ky: the speaker opens the clause ("Иманкулов ... деп атады")
        words = words[:1]
    words = _without_hedge(words[cut:])
    if words and words[-1].lower() == "to":
        # "it was wrong to call them bandits", "refused to call": no speaker of its own (the
        # enclosing speech's, :func:`reported_speech`; review17 F3)
        return "", m.start(), m.end()
    if words:
        # the marker's span holds the last four words (what the other stages read); the speaker
        # shown is the whole one
        who = _SPEAKER_NOISE.sub("", " ".join(words[-4:]))
        at = m.start() - len(clause) + clause.rfind(who)
        whole = _SPEAKER_NOISE.sub("", " ".join(words[-_SPEAKER_WORDS:]))
        return _named(whole, text, at), at, m.end()
    stop = _AFTER_SPEAKER_STOP.search(text, m.end())
    after = text[m.end() : stop.start() if stop else len(text)]
    who = " ".join(after.split()[:4])
    if who and _NOT_A_SPEAKER.search(who):
        # "…, said it was offensive to portray …": the words after the verb are what was said;
        # the speaker is the sentence's subject before an apposition ("X, who heads …, said")
        return _subject(text, m.start()), m.start(), m.end()
    return who, m.start(), m.end() + (after.find(who) + len(who) if who else 0)


#: Words between a speaker and its verb that are no part of the speaker: a hedge or time adverb
#: ("He reportedly said", "Officials have since called"), an auxiliary (review17 F3).
_HEDGE = re.compile(
    r"(?-i:[a-z]+ly)|also|has|have|had|will|would|since|again|later|then|once|even|still|"
    r"already|now|never|often|first|not|is|are|was|were",
    re.IGNORECASE,
)
_NOUN_LY = re.compile(r"family|ally|assembly|rally|supply|reply|monopoly|anomaly", re.IGNORECASE)
_DETERMINER = re.compile(r"the|a|an|his|her|its|their|our|my|your|this|that", re.IGNORECASE)
#: Words after a speech verb that make them the reported clause, not the speaker ("said it was
#: offensive to …", "said there will be …").
_NOT_A_SPEAKER = re.compile(
    r"^(?:it|there|this|that|they|we|i)\b|\b(?:is|are|was|were|be|been|has|have|had|will|would|"
    r"can|could|should|must|may|might|to|not)\b",
    re.IGNORECASE,
)
#: A sentence's subject before an apposition: a capitalised run of at most six words, up to the
#: first comma ("Kamchybek Tashiyev, who heads the committee, said").
_SUBJECT = re.compile(
    r"(?!(?:in|on|at|after|before|during|since|for|with|from|by|as|when|while|amid|despite|"
    r"following|according|regarding|however|meanwhile)\b)"
    r"(?-i:[A-Z])[\w’'.-]*(?:\s+[\w’'.-]+){0,5}(?=\s*,)",
    re.IGNORECASE,
)


def _without_hedge(words: list[str]) -> list[str]:
    """``words`` less the :data:`_HEDGE` words that end them."""
    end = len(words)
    while (
        end > 1
        and _HEDGE.fullmatch(words[end - 1])
        and not _NOUN_LY.fullmatch(words[end - 1])
        and not _DETERMINER.fullmatch(words[end - 2])  # "the family", "an ally"
    ):
        end -= 1
    return words[:end]


def _subject(text: str, at: int) -> str:
    """The subject of the sentence around ``at`` when a comma stands right before ``at`` and the
    sentence opens with :data:`_SUBJECT`, else ""."""
    start, _ = _sentence(text, at)
    before = text[start:at]
    if not before.rstrip().endswith(",") or before.count(",") != 2:  # one apposition
        return ""
    m = _SUBJECT.match(text, start + len(before) - len(before.lstrip()))
    return _named(m.group(), text, m.start()) if m else ""


#: Words of the clause before a speech verb kept as its speaker: the whole speaker an analyst
#: reads ("Proponents of changing the flag's design"), not its last four words ("changing the
#: flag's design"; review15 K3).
_SPEAKER_WORDS = 8
#: A speaker that is an institution's pronoun: shown with the speaker whose speech it is in.
_PRONOUN_IT = re.compile(r"it", re.IGNORECASE)
#: A speaker that is only a personal pronoun: shown with the name it stands for.
_BARE_PRONOUN = re.compile(r"he|she|him|her", re.IGNORECASE)
#: A surname by its ending, as the entity detector confirms Latin names
#: (:data:`workbench.diff.entities._SURNAME`): not -in/-ina, which English words end in ("Again,
#: he said" is no "he (Again)", nor "Within hours he said", review16 V1).
_CAPITALISED_NAME = re.compile(r"(?<![\w.])[A-Z][a-z]+(?:ov|ev|yev|ova|eva|uly|uulu|bek|bayev)\b")


def _named(who: str, text: str, at: int) -> str:
    """``who``, or for a bare pronoun the name it stands for: the nearest titled name or
    surname before it ("he (Tokayev)"), else "he (unnamed)" (review15 K3: "reported speech of
    he" named nobody; "someone (he)", as it read until session 18, hid the pronoun the text
    has behind a word it does not, and read oddly beside "He (Tokayev)" in the Labels table)."""
    if not _BARE_PRONOUN.fullmatch(who):
        return who
    titled = list(_TITLED.finditer(text, 0, at))
    names = [m.group(1).strip() for m in titled] or _CAPITALISED_NAME.findall(text, 0, at)
    # else the office it stands for ("the foreign minister … He reportedly blamed"; review17 F3)
    names = names or [m.group().strip() for m in _OFFICE.finditer(text, 0, at)]
    return f"{who} ({names[-1] if names else 'unnamed'})"


#: An office named without a name ("the foreign minister"), what a pronoun after it stands for.
_OFFICE = re.compile(
    r"(?<!\w)the\s+(?:president|prime\s+minister|(?:foreign|interior|defen[cs]e|justice|"
    r"emergencies|health)\s+minister|minister|spokes(?:man|woman|person)|governor|mayor|akim|"
    r"prosecutor(?:-general)?|ambassador)\b",
    re.IGNORECASE,
)


#: What ends the clause a speaker is read from, before the verb / after it (single characters).
_SPEAKER_STOP = re.compile(r"[,.;:!?\"“”«»()\n—–]")
_AFTER_SPEAKER_STOP = re.compile(r"[,.;:!?\"“”«»()\n]")


@functools.lru_cache(maxsize=256)
def _speaker_stops(text: str) -> list[int]:
    """The offset of every :data:`_SPEAKER_STOP` character of ``text``, in order, once per text:
    :func:`_speaker_of` bisects it for the clause before a verb rather than splitting the whole
    text before it for every marker (quadratic on a long report document)."""
    return [m.start() for m in _SPEAKER_STOP.finditer(text)]


def _tail_start(text: str, end: int) -> int:
    """Where a :data:`_NOT_SPEECH_BEFORE` match ending at ``end`` can start at the earliest:
    that pattern is a word, spaces or hyphens, at most one more word and spaces, so it lies in
    the last two runs of other characters and the spaces or hyphens around them. Searching from
    here gives the same answer as searching all of ``text[:end]`` (``\\b`` still sees the
    character before), without reading the whole text before every speech verb."""
    i = end
    for other in (False, True, False, True):
        while i > 0 and (text[i - 1].isspace() or text[i - 1] == "-") != other:
            i -= 1
    return i


def _sentence(text: str, at: int) -> Span:
    """The sentence (or clause ending with ; or a line break) around offset ``at``."""
    ends = _clause_ends(text)
    before = bisect.bisect_right(ends, at)
    start = ends[before - 1] if before else 0
    after = bisect.bisect_left(ends, at + 1)
    return start, ends[after] - 1 if after < len(ends) else len(text)


@functools.lru_cache(maxsize=256)
def _clause_ends(text: str) -> list[int]:
    """The end offset of every :data:`_CLAUSE_END` character of ``text``, in order, once per
    text: :func:`_sentence` bisects it rather than reading the text from its start for every
    quote (a long line of quotations was quadratic)."""
    return [m.end() for m in _CLAUSE_END.finditer(text)]


def find_voices(text: str) -> list[Voice]:
    """Every quotation and reported-speech span of ``text``; quotes get the speaker of the
    reported speech they sit in (or of a speech marker in their sentence)."""
    return list(_voices(text))


@functools.lru_cache(maxsize=8192)
def _voices(text: str) -> tuple[Voice, ...]:
    """:func:`find_voices`, once per text (a report sentence is read for every statement it is
    linked to and again for the label counts)."""
    speech = reported_speech(text)
    quotes = []
    for q in quotations(text):
        outer = voice_at(speech, (q.start, q.end))
        speaker = outer.speaker if outer else _nearby_speaker(speech, text, q)
        quotes.append(Voice(q.start, q.end, "quote", speaker, q.depth))
    return tuple(sorted(speech + quotes, key=lambda v: (v.start, -v.end)))


def _nearby_speaker(speech: list[Voice], text: str, q: Voice) -> str:
    start, end = _sentence(text, q.start)
    for v in speech:
        if v.marker and start <= v.marker[0] <= end:
            return v.speaker
    return ""


def voice_at(voices: list[Voice], span: Span | None) -> Voice | None:
    """The innermost voice that contains ``span`` (None: the outlet's own voice)."""
    if span is None:
        return None
    inside = [v for v in voices if v.start <= span[0] and span[1] <= v.end]
    return min(inside, key=lambda v: v.end - v.start) if inside else None


def label_voices(text: str, lexicon: Lexicon) -> list[tuple[LabelHit, Voice | None]]:
    """The lexicon's labels in ``text``, each with the voice it sits in (None: the outlet's
    own voice), so that aggregates count own and quoted uses apart."""
    voices = find_voices(text)
    return [(hit, voice_at(voices, (hit.start, hit.end))) for hit in find_labels(text, lexicon)]


def carried_labels(text: str, lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's label categories ``text`` carries itself: in its own voice or in reported
    speech ("the committee said they planned to seize power"), not inside a direct quotation,
    which may distance the outlet from the word."""
    quotes = [(q.start, q.end) for q in quotations(text)]
    return frozenset(
        hit.category
        for hit in find_labels(text, lexicon)
        if not any(a <= hit.start < b for a, b in quotes)
    )


_TITLED = re.compile(
    r"(?<!\w)(?i:president|prime\s+minister|(?:foreign|interior|defen[cs]e|justice|emergencies|"
    r"health)\s+minister|minister|spokes(?:man|woman|person)|secretary|governor|mayor|akim|"
    r"chairman|chairwoman|prosecutor(?:-general)?|ambassador|leader|dictator|head\s+of\s+state)"
    r"(?:\s+of\s+[A-Z][\w-]+)?\s+((?:[A-Z][\w'’-]+[ \t]?){1,3})"
)


def titled_names(text: str) -> list[str]:
    """Names an English text gives with an official title ("President Kassym-Jomart Tokayev",
    "Foreign Minister Erzhan Kazykhan"), as "title name" strings: when a report later writes
    "Tokayev said", the speaker is that official."""
    return [m.group().strip() for m in _TITLED.finditer(text)]


def is_titled_name(text: str) -> bool:
    """True for one "title name" string of :func:`titled_names` ("dictator Vladimir Putin"):
    it tells who an official is, and its title is no label the statement used."""
    return _TITLED.fullmatch(text.strip()) is not None


#: Before a time phrase that says when words were said: a speech verb or a word for the speech,
#: up to three words, then "on" ("said on", "told reporters on", "in a statement on",
#: "speaking on", "wrote on Facebook on").
_SAID_ON = re.compile(
    rf"(?<!\w)(?:{_SPEECH_EN}|speaking|spoke|speaks|statement|address|remarks|speech|interview|"
    r"briefing|posted|post)(?:\s+[\w’'.-]+){0,3}?\s+on\s+$",
    re.IGNORECASE,
)
#: Right before a weekday or date given without "on" (US wire style), which says when words were
#: said: a speech verb, alone or with its audience or channel ("said Monday", "told reporters
#: Monday", "told a briefing Monday", "said in a statement Monday"; review20b).
_SAID_DAY = re.compile(
    rf"(?<!\w)(?:{_SPEECH_EN})(?:\s+(?:reporters|journalists|the\s+press|"
    r"(?:at\s+)?an?\s+(?:news\s+|press\s+)?(?:briefing|conference)|in\s+a\s+statement))?\s+$",
    re.IGNORECASE,
)
#: A weekday owning what follows ("said Thursday's vote"): the day of the vote, not of the words.
_OWNS = re.compile(r"^['’]s\b")
#: After a time phrase opening its clause ("On Thursday, the minister announced …"): the
#: speaker, then a speech verb; or the speech owned by the day ("Thursday's address").
_OPENS_CLAUSE = re.compile(r"(?:^|[.;:!?]\s+|\n)\s*on\s+$", re.IGNORECASE)
_THEN_SAID = re.compile(rf"^,?\s+(?:[\w’'.-]+\s+){{0,5}}?(?:{_SPEECH_EN})(?!\w)", re.IGNORECASE)
_DAYS_SPEECH = re.compile(
    r"^['’]s\s+(?:\w+\s+)?(?:statement|address|remarks|speech|post|interview|briefing)\b",
    re.IGNORECASE,
)


def said_then(text: str, span: Span) -> bool:
    """Whether the time phrase at ``span`` of English ``text`` (a weekday, a date) tells when
    words were said rather than when what they say happens: "the minister said on Thursday",
    "told reporters on Thursday", "said Thursday", "told reporters Thursday", "On Thursday, the
    minister announced …", "in Thursday's address"; not "the council meets on Monday, the
    ministry said", nor "said Thursday's vote is due"."""
    before, after = text[max(0, span[0] - 80) : span[0]], text[span[1] : span[1] + 80]
    if _SAID_ON.search(before) or _DAYS_SPEECH.match(after):
        return True
    if _SAID_DAY.search(before) and not _OWNS.match(after):
        return True
    return bool(_OPENS_CLAUSE.search(before) and _THEN_SAID.match(after))
