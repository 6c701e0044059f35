"""The rest of a token-level diff: ``omission``, ``addition`` and ``wording``.

Runs last. Content words (no stop words) outside every span the specific detectors examined are
compared with difflib (its opcodes, through :mod:`workbench.diff.seqmatch`). In each changed
block, words found nowhere on the other side are what differs (words merely moved are not):
statement words only → ``omission``, report words only → ``addition``, both → ``wording``.

Retellings paraphrase: a word or two changed ("evacuated" → "fled", "region" left out) is how
reporting reads, not a difference an analyst needs. A run is flagged only when it is a clause's
worth of content words (:data:`MIN_WORDS`), on each side for ``wording``.

Reports also set the scene: "Speaking at a session of the regional council, the mayor said …"
names the occasion of words the statement holds, not a fact it lacks. An addition that lies
wholly inside such an address opener, or inside the occasion named mid-sentence ("… said in a
radio address to farmers", "during a speech at an awards evening for teachers", "…," the mayor
said, speaking at a session of the council", "while giving a yearly report", "answering a
journalist's question", "told reporters on Friday at the council", "gave a televised address on
Monday"; :data:`SETTING`), is not flagged.

The outlet's frame of the speech act is no addition either: the topic a speaker turned to
("Regarding the drivers' complaints, the mayor said: …"), the channel after a quotation ("…," he
said in comments to the state agency), a clause saying only that someone spoke about something
("the mayor discussed the issue in an interview"; :data:`SPEECH_FRAME`).

A writer's connective opening a clause ("As a result,", "In addition,", "Therefore,";
:data:`CONNECTIVE`) is how a retelling links its sentences, not content.

A rewording whose words each have a counterpart in the statement (its translation, its original
through the word lexicon, English synonyms and near senses through WordNet) and that carries no
figure, name, label, cause, claim or negation of its own is paraphrase, not flagged
(:mod:`workbench.diff.paraphrase`). For a ``wording`` run the statement's words need
counterparts in the report too, all but one (:data:`LOST_WORDS`): "after long reflection we
reached a firm decision" retold as "it is about time" has lost what the statement said, even if
every report word is found.

Paraphrase the word lists do not know ("townsfolk should shun the quays" for "every resident must
keep away from the river banks") is
read by meaning where a sentence embedder is at hand (:func:`meaning_shared`, applied by the
pipeline, which has one): an addition whose removal makes its report sentence markedly *less*
like the statement says what the statement says, in other words; an omission whose removal makes
the statement markedly less like the report is carried by the report. A run that adds or drops a
fact does the opposite: without it the two sides are as alike or more.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

import numpy as np

from workbench.diff import wordnet
from workbench.diff.base import Claims, DiffContext, Finding
from workbench.diff.lexicon import Lexicon
from workbench.diff.paraphrase import (
    Counterparts,
    anchors,
    counterparts,
    covered_share,
    lexicon_class,
    report_counterparts,
)
from workbench.diff.parties import detect_parties, named_states
from workbench.diff.seqmatch import TokenMatcher
from workbench.diff.text import (
    SENTENCE_END,
    Span,
    Token,
    akin_in,
    akin_index,
    covered,
    is_content,
    is_cyrillic,
    stem,
    tokenize,
    words,
)
from workbench.errors import UserInputError
from workbench.types import Difference

#: Content words a run needs before it is flagged (on each side for ``wording``).
MIN_WORDS = 3
#: A rewording is paraphrase only if at most this many of the statement run's content words
#: have no counterpart in the report (one, as for a retold line in
#: :mod:`workbench.diff.salience`: "a lot of" retold as "many" is how retellings read;
#: "long reflection ... reached a firm decision" retold as "about time" has lost two).
LOST_WORDS = 1

#: The speaker's frame around what a line says, not what it says: verbs of saying, wanting and
#: thinking ("I want to note that", "it can now be considered that", "began his speech"), the
#: aspect of an act ("begin the process of", "we are continuing"), modals and discourse adverbs
#: ("now", "since", "also", "firstly"). Not a noun ("state", "process"), a verb of emphasis
#: ("vividly emphasise" raises a claim's weight) nor "told" ("police have been told to guard"
#: is an order), nor "today", "then" or "still" (a date the report may add, "the dam burst
#: today": review16 T2; "like" stays, as in "I'd like": dropping it made holdout14-tr's judged-noise
#: 'way, like a path' rewording come back). A run counts
#: toward :data:`MIN_WORDS` only with its words outside this frame: a retelling that drops or
#: rewords the frame and keeps the claim moves nothing an analyst needs (docs/diff.md,
#: *Session 16 (trnoise16)*).
FRAME_WORDS = words(
    """say says said saying stated stating note notes noted noting
    added adding pointed recall recalled remind reminded explain explained want wants wanted
    wish wishes wished like would i’d i'd we’d we'd consider considered considering believe
    believed think thinks thought begin begins began begun beginning start starts started
    continue continues continued continuing now since also already firstly
    secondly may might can could must should shall will"""
)

#: The rest of an occasion clause, up to punctuation or a connective that opens a fact of its
#: own ("speaking at a rally after farmers blocked the highway": the rally is the occasion, the
#: blockade is not).
_UNTIL_FACT = (
    r"(?:(?!\b(?:after|where|when|while|as|because|amid|following|which|who|that)\b)"
    r"[^,.;:!?])*"
)

#: What may follow "told reporters": when and where only. English news drops "that" after it
#: ("told reporters on Monday the government would ..."), so the rest of the clause is the fact
#: told, never the occasion (review14 N1).
_AUDIENCE_TAIL = (
    r"(?: (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday"
    r"|this (?:week|morning|afternoon|evening)))?"
    r"(?: (?:in|at) (?:the )?(?-i:[A-Z])[\w’'-]*(?: (?-i:[A-Z])[\w’'-]*)*"
    # or a place phrase that ends the clause ("at a meeting of the regional council.")
    r"| (?:at|in|during|after) (?:a|an|the|his|her|their) "
    r"(?:(?!(?:will|would|is|are|was|were|has|have|had|can|could|should|must|may|might)\b)"
    r"[\w’'-]+ ){0,5}?[\w’'-]+(?=[,.;:!?\"”’]|$))?"
    r"(?: (?:on|at) the sidelines of " + _UNTIL_FACT + ")?"
)

#: The occasion of the words: a clause opening a report sentence ("Speaking at …,",
#: "Addressing …,", "In an interview with …,"), up to its comma, or named mid-sentence.
SETTING = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:speaking|addressing|talking|writing)\b[^,.;:!?]*,"
    r"|(?:^|(?<=[.!?]\s))in an? (?:interview|address|speech|statement)\b[^,.;:!?]*,"
    # … said in a radio address to farmers / during a speech at an awards evening for …
    r"|\b(?:in|during) (?:a|an|his|her|their) (?:[\w-]+ ){0,2}"
    r"(?:address|speech|interview|remarks|briefing|statement)\b"
    # … said in a statement uploaded to his website / posted on the presidential site
    r"(?: (?:posted|published|uploaded|released|issued|carried|broadcast|televised|aired))?"
    r"(?: (?:to|with|on|at|before) (?:the |a |an |his |her |its |their )?(?:[\w’'-]+ ){0,4}"
    r"[\w’'-]+)?(?=[,.;:!?\"”’]|$)"
    # …," the mayor said, speaking at a session of the council / while giving a yearly report
    r"|(?<=, )(?:speaking|addressing|talking|writing) (?:at|to|in|during|before|on)\b"
    + _UNTIL_FACT
    + r"|\bwhile (?:delivering|giving|making|speaking|addressing)\b"
    + _UNTIL_FACT
    + r"|\b(?:answering|responding to|replying to) (?:a|the|his|her) (?:[\w’'-]+ ){0,2}questions?\b"
    # … told reporters on Friday at the council / briefed the press
    r"|\b(?:told|telling|briefed|briefing) (?:the )?"
    r"(?:journalists|reporters|correspondents|press|media|newsmen)\b"
    + _AUDIENCE_TAIL
    # … gives a speech Tuesday / gave a televised address on Monday
    + r"|\b(?:deliver(?:s|ed|ing)?|g[ai]ves?|given|giving) (?:a|an|his|her|their) "
    r"(?:[\w-]+ ){0,2}(?:address|speech|statement|briefing)\b"
    r"(?: (?:on |this |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"morning|evening|today|yesterday))?",
    re.IGNORECASE,
)


#: The outlet's frame of the speech act: what tells *that* a line was said, on which topic,
#: through which channel, not what it says (docs/diff.md, *Session 17 (trnoise17)*). It changes
#: no who (the attribution detector reads the speaker), what, how much or how sure of the claim.
#: Three forms: the topic a speaker is asked about or turns to, opening the sentence ("Regarding
#: the artists' wish to play for free, the president said: …", "Elaborating on the deal, the
#: envoy noted that …"); where the quoted words were given, after the closing quote and its
#: speech verb ("…," he insisted in comments to the state agency; "…," he said, as quoted by
#: his office); a clause that says only that someone spoke about something ("the president
#: discussed the issue in an interview with the agency", "our minister often spoke about the
#: topic"), up to a comma or a connective that opens a fact of its own.
_SPEECH_VERB = (
    r"(?:said|says|stated|states|told|noted|notes|added|insisted|insists|stressed|stresses|"
    r"emphasi[sz]ed|underlined|underscored|explained|declared|wrote|writes|remarked|recalled|"
    r"reiterated|pointed\s+out|announced|commented|replied|responded|answered|argued)"
)
#: The topic opener, up to its comma, before a speech verb in the same clause.
_TOPIC_OPENER = (
    r"(?:^|(?<=[.!?]\s))(?:regarding|concerning|elaborating\s+on|commenting\s+on|referring\s+to|"
    r"turning\s+to|asked\s+about|responding\s+to|in\s+response\s+to|as\s+for|"
    r"(?:in|with)\s+regards?\s+to|on\s+the\s+(?:issue|topic|subject|question)\s+of)\b"
    # the topic ends at its comma; a relative clause or a conjunction in it ("Regarding the flood
    # that destroyed forty homes, …") tells a fact of its own, and then nothing is the frame
    r"(?:(?!\b(?:that|which|who|whom|whose|where|when|while|after|because|amid|following)\b)"
    r"[^,.;:!?\"“”«»])*"
    rf",(?=(?:\s+[\w’'.-]+){{1,6}}?\s+{_SPEECH_VERB}\b)"
)
#: The source or channel after the closing quote and "X said" / "said X". A straight quote
#: closes only after a word or a mark, not after a space ('added: "Farmers said on the radio …'
#: opens the quotation: its words are the claim).
_AFTER_QUOTE = (
    rf"(?:(?<=[”»])|(?<=\S\"))\s*,?\s*(?:(?:[\w’'.-]+\s+){{0,6}}?{_SPEECH_VERB}|{_SPEECH_VERB}"
    r"(?:\s+[\w’'.-]+){1,6}?)\s*,?\s+(?:as\s+quoted\s+by|quoted\s+by|in|on|at|to|via|"
    r"according\s+to)\b" + _UNTIL_FACT
)
#: A word that opens a fact of its own or leaves the speaking clause; no word of its topic.
_NOT_TOPIC = (
    r"(?:in|during|at|on|with|to|via|through|before|that|which|who|whom|whose|where|when|while|"
    r"after|as|because|amid|following|saying|adding|but)"
)
#: A channel phrase after the topic: "in an interview with the agency", "on state radio".
_CHANNEL = (
    r"(?:\s+(?:in|during|at|on|with|to|via|through|before)\s+(?:(?:a|an|the|his|her|its|their|"
    r"this|that)\s+|(?=(?-i:[A-Z])|(?:state\s+)?(?:television|tv|radio|parliament|air)\b))"
    rf"(?:(?!{_NOT_TOPIC}\b|and\b)[\w’'-]+\s+){{0,4}}?[\w’'-]+){{0,3}}"
)
#: A clause that says only that someone spoke about something: the topic (group ``topic``) and
#: a channel phrase, up to the clause's end. The topic is frame only when it names no fact of
#: its own: a word such as "the issue", "the nation", or words the statement or the rest of the
#: report's sentence already carries (:func:`speech_frames`); "addressed the nation and
#: announced a curfew", "commented on the dismissal of the port's chief" are facts (review17 F1).
_SPOKE_ABOUT = (
    r"(?:^|(?<=[.!?]\s)|(?<=[«“\"]))[^,.;:!?\"“”«»]*?\b(?:spoke|speaks|talked|talks|discussed|"
    r"discusses|addressed|addresses|commented)(?:\s+(?:about|on|upon))?\s+"
    rf"(?P<topic>(?:(?!{_NOT_TOPIC}\b)[\w’'-]+\s+){{0,7}}?(?!{_NOT_TOPIC}\b)[\w’'-]+)"
    + _CHANNEL
    + r"(?=\s*(?:[,.;:!?\"”’»]|$))"
)
SPEECH_FRAME = re.compile("|".join((_TOPIC_OPENER, _AFTER_QUOTE, _SPOKE_ABOUT)), re.IGNORECASE)
#: Topic words that name no fact: what a speaker "addressed" or "discussed" in general.
_TOPIC_WORDS = frozenset(
    {
        *("issue", "issues", "topic", "topics", "matter", "matters", "question", "questions"),
        *("subject", "subjects", "situation", "problem", "problems", "nation", "country"),
        *("people", "public"),
    }
)


def speech_frames(report: str, statement: str) -> list[Span]:
    """The spans of the outlet's frame of the speech act in ``report`` (:data:`SPEECH_FRAME`); a
    clause saying someone spoke about something counts only when its topic's content words are
    topic words (:data:`_TOPIC_WORDS`) or words ``statement`` or the rest of the report carries
    (the same word up to inflection): a topic the report adds is a fact, and stays an
    addition."""
    spans = []
    for m in SPEECH_FRAME.finditer(report):
        topic = m.group("topic")
        if topic is not None:
            words = [
                t.text for t in tokenize(topic) if is_content(t) and t.lower not in _TOPIC_WORDS
            ]
            index = akin_index(
                t.text
                for text in (statement, without_run(report, m.span()))
                for t in tokenize(text)
                if is_content(t)
            )
            if not all(akin_in(w, index) for w in words):
                continue
        spans.append(m.span())
    return spans


#: A writer's connective opening a clause ("As a result, the mayor is ready …", "In addition,
#: the council proposed …"): how a retelling links its sentences, not content of the statement.
CONNECTIVE = re.compile(
    r"\b(?:as a (?:result|consequence)|in addition|in fact|for (?:this|that) reason|"
    r"in (?:this|that) regard|at the same time|in turn|therefore|thus|hence|moreover|"
    r"furthermore|besides|meanwhile|consequently|accordingly)\b(?=\s*,)",
    re.IGNORECASE,
)


#: How much less alike (cosine of the embedder's sentence vectors) the two sides must become when
#: a word-diff run is taken out of its side for the run to be read as said on the other side too
#: (:func:`meaning_shared`). Measured with e5-small on the read real cases (docs/diff.md,
#: *Session 14 (noise14)*): the least drop of a key or judged-real run was 0.047.
MEANING_SHARED = 0.05
#: Embedders whose cosine scale :data:`MEANING_SHARED` was measured on; another embedder's drops
#: are on another scale, so the rule is not applied with it (review14 N2).
MEANING_EMBEDDERS = frozenset({"e5-small"})
#: Kinds :func:`meaning_shared` reads (a ``wording`` run has words on both sides: its rewording's
#: meaning is what an analyst judges, and the embedder does not tell a nuance from a synonym).
MEANING_KINDS = frozenset({"addition", "omission"})


def carried_by(run: str, texts: Sequence[str], lexicon: Lexicon | None = None) -> bool:
    """Whether ``texts`` (the other sentences of one outlet that retell the same statement) hold
    the content words of an omitted ``run``, all but one (:data:`LOST_WORDS`): the same English
    word up to inflection or derivation (:func:`workbench.diff.text.akin`) or a synonym (one
    WordNet synset; a word of the framing lexicon only as itself). The outlet then tells that
    part of the statement in another sentence: no omission, one fact told once."""
    content = [t.text for t in tokenize(run) if is_content(t)]
    if len(content) < MIN_WORDS:
        return False
    theirs = [t.text for text in texts for t in tokenize(text) if is_content(t)]
    index = akin_index(theirs)
    senses: frozenset[int] = frozenset().union(*(wordnet.senses(w) for w in theirs))

    def has(word: str) -> bool:
        if akin_in(word, index):
            return True
        return not lexicon_class(word, lexicon) and bool(wordnet.senses(word) & senses)

    return sum(not has(w) for w in content) <= LOST_WORDS


def cut_at(d: Difference, breaks: Sequence[int], report: str) -> list[Difference]:
    """An addition of ``report`` cut where one report sentence ends and the next begins
    (``breaks``: offsets into ``report`` of the joiner between two sentences). An alignment
    joins its report sentences with one space, also two that do not follow each other in the
    outlet (its s5 and s9) or a headline with no full stop and the body, so a run that crosses
    the join ("... places The goal of the draft law is to") reads as one clause the outlet never
    wrote (review15 K2). A word-diff run keeps each part with :data:`MIN_WORDS` content words,
    as an addition of its own sentence; a clause a detector found by the connective that opens
    it ("amid ...": ``cause``, ``superlative``) keeps its first part. A smaller part goes. A
    word-diff rewording keeps the report part with the most content words, if clause-sized.
    Any other difference is returned as it is."""
    kinds = ("addition", "wording") if d.detector == "content" else ("addition",)
    if d.kind not in kinds or d.report_span is None:
        return [d]
    a, b = d.report_span
    inside = sorted(x for x in breaks if a < x < b)
    if not inside:
        return [d]
    parts = list(zip([a, *inside], [*inside, b], strict=True))
    if d.kind == "wording":
        parts = [max(parts, key=lambda p: _weight(report[p[0] : p[1]]))]
    out = []
    for lo, hi in parts if d.detector == "content" else parts[:1]:
        words = [t for t in tokenize(report[lo:hi]) if is_content(t)]
        if len(words) >= MIN_WORDS:
            start = lo if d.detector != "content" else lo + words[0].start
            end = lo + words[-1].end
            out.append(dataclasses.replace(d, report=report[start:end], report_span=(start, end)))
    return out


def without_run(text: str, span: tuple[int, int]) -> str:
    """``text`` with the characters of ``span`` taken out (one space where they were)."""
    a, b = span
    return f"{text[:a].rstrip()} {text[b:].lstrip()}".strip()


def meaning_shared(
    items: Sequence[tuple[str, tuple[int, int], str]],
    embed: Callable[[Sequence[str]], np.ndarray],
    drop: float = MEANING_SHARED,
) -> list[bool]:
    """For each ``(text, run span in it, other side's text)``: whether the run says what the other
    side says in other words. Taking the run out of ``text`` lowers its cosine with the other
    side by ``drop`` or more: the run carried meaning the two share. A run the other side lacks
    (an added or dropped fact) leaves the cosine as it was or raises it. ``embed`` gives
    L2-normalised rows (:meth:`workbench.align.Embedder.embed`); every text is embedded once,
    in one call. A run that is the whole text is never read as shared.

    Raises:
        UserInputError: when a span is not inside its text.
    """
    for text, (a, b), _ in items:
        if not 0 <= a < b <= len(text):
            raise UserInputError(
                f"The run ({a}, {b}) is not inside a text of {len(text)} characters."
            )
    if not items:
        return []
    cut = [without_run(text, span) for text, span, _ in items]
    texts = list(dict.fromkeys([t for text, _, other in items for t in (text, other)] + cut))
    row = {t: i for i, t in enumerate(texts)}
    vectors = np.asarray(embed(texts), dtype=np.float32)
    out = []
    for (text, _, other), rest in zip(items, cut, strict=True):
        if not any(c.isalnum() for c in rest):
            out.append(False)
            continue
        whole = float(vectors[row[text]] @ vectors[row[other]])
        less = float(vectors[row[rest]] @ vectors[row[other]])
        out.append(whole - less >= drop)
    return out


def _content(text: str, claims: tuple[Span, ...]) -> list[Token]:
    skip = [*claims, *(m.span() for m in CONNECTIVE.finditer(text))]
    return [t for t in tokenize(text) if is_content(t) and not covered((t.start, t.end), skip)]


def _groups(tokens: list[Token], claims: tuple[Span, ...], text: str) -> list[list[Token]]:
    """Split tokens into runs that no examined span interrupts and no sentence end of ``text``
    separates: the tail of one sentence and the head of the next (two report sentences of one
    outlet joined for the diff) are two runs, each flagged only if clause-sized on its own."""
    groups: list[list[Token]] = []
    for tok in tokens:
        if (
            groups
            and not covered((groups[-1][-1].end, tok.start), list(claims))
            and not SENTENCE_END.search(text, groups[-1][-1].end, tok.start + 1)
        ):
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return groups


def _span(group: list[Token]) -> Span:
    return group[0].start, group[-1].end


def detect_content(ctx: DiffContext, claimed: Claims) -> Finding:
    """Omissions, additions and wording changes among the words no other detector explained."""
    if is_cyrillic(ctx.statement) != is_cyrillic(ctx.report):
        return Finding()  # different scripts: a word diff would flag every word
    s_toks = _content(ctx.statement, claimed.statement)
    r_claims = _without_added_names(claimed.report, ctx)
    r_toks = _content(ctx.report, r_claims)
    s_keys = [stem(t.text) for t in s_toks]
    r_keys = [stem(t.text) for t in r_toks]
    s_kept = _near(s_toks, s_keys, r_toks)  # found on the other side
    r_kept = _near(r_toks, r_keys, s_toks)
    diffs: list[Difference] = []
    matcher = TokenMatcher(s_keys, r_keys)  # difflib's opcodes, near-linear on repeated words
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        s_missing = [
            t for t, k in zip(s_toks[i1:i2], s_keys[i1:i2], strict=True) if k not in s_kept
        ]
        r_missing = [
            t for t, k in zip(r_toks[j1:j2], r_keys[j1:j2], strict=True) if k not in r_kept
        ]
        if op == "insert" and len(r_missing) >= 2:  # a clause only the report has, with echoes
            new = {id(t) for t in r_missing}
            groups = _groups(r_toks[j1:j2], r_claims, ctx.report)
            diffs += _block(ctx, [], [g for g in groups if sum(id(t) in new for t in g) >= 2])
        else:
            diffs += _block(
                ctx,
                _groups(s_missing, claimed.statement, ctx.statement),
                _groups(r_missing, r_claims, ctx.report),
            )
    settings = [m.span() for m in SETTING.finditer(ctx.report)]
    settings += speech_frames(ctx.report, ctx.statement)
    diffs = [t for d in diffs if (t := _off_setting(d, settings, ctx.report)) is not None]
    diffs = [t for d in diffs if (t := _beyond_frame(d)) is not None]
    other: list[Counterparts] = []  # the statement side's counterparts, read once if needed
    return Finding(tuple(d for d in diffs if not _paraphrase(d, ctx, other)))


def _without_added_names(spans: tuple[Span, ...], ctx: DiffContext) -> tuple[Span, ...]:
    """The report's examined spans less the names of a state
    (:data:`workbench.diff.parties.STATES`: "Russia", "Kazakh", "Moscow") that neither the
    statement line (translation or original), the other statements the report sentences retell,
    nor the issuer (its outlet and title, less a language note such as "Russian text") name. The
    entity detector examines every name but flags only a name swapped for another, and leaves
    "an added clause with names in it" to this diff; skipped, the state would cut the clause
    ("routes bypassing | the Russian Federation") into runs too short to flag, and the outlet's
    added side or route would be lost. A state the party detector flagged, or one naming a
    source credit ("Russia-based newspaper"), stays examined; so do other names (people,
    agencies, forums, places within a state): on the read sets an outlet adds them as context
    and credits, almost never as a key (docs/diff.md, *Session 16 (trnoise16)* and *Session 17
    (trnoise17)*)."""
    if not spans:
        return spans
    # the issuer's texts (its outlet and title: "... Russian text as carried by ...") say who
    # spoke, not which states the line names
    retold = [c for c in ctx.context if c not in ctx.issuer]
    # the issuer's own state ("President of Kazakhstan"): a report that names it adds no side;
    # a language its text is carried in ("Russian text") is no state
    own = [_LANGUAGE_NOTE.sub("", t) for t in ctx.issuer]
    known = named_states([ctx.statement, ctx.source or "", *retold, *own])
    if not named_states([ctx.report]) - known:
        return spans
    sides = {d.report_span for d in detect_parties(ctx, Claims()).differences}  # flagged there
    kept = []
    for a, b in spans:
        added = named_states([ctx.report[a:b]]) - known
        if not added or (a, b) in sides or _CREDIT.match(ctx.report, b):
            kept.append((a, b))
    return tuple(kept)


#: A language named in the issuer's outlet or title ("Russian text as carried by Kazakh
#: outlets", "… 7 July 2022 (Russian)").
_LANGUAGE_NOTE = re.compile(
    r"\b\w+\s+(?:text|language|original|version|translation)\b|\(\w+\)", re.IGNORECASE
)

#: What follows a state named in a source credit, not in the story: "Russia-based online
#: newspaper Gazeta", "according to Kazakh media".
_CREDIT = re.compile(
    r"(?:-based)?\s+(?:[\w-]+\s+){0,2}?(?:media|press|newspapers?|news|agency|outlets?|"
    r"television|tv|channels?)\b",
    re.IGNORECASE,
)


def _paraphrase(d: Difference, ctx: DiffContext, other: list[Counterparts]) -> bool:
    """``d`` is an addition or rewording whose content words each have a counterpart in the
    statement (its translation, its original through the word lexicon, the statements retold
    alongside) and that carries no figure, name, label, cause, claim or negation the statement
    lacks: a paraphrase (:mod:`workbench.diff.paraphrase`)."""
    if d.kind not in ("addition", "wording") or d.report_span is None:
        return False
    texts = [ctx.statement, *ctx.context]
    if not other:
        other.append(counterparts(texts, ctx.source, ctx.src, ctx.lexicon))
    if covered_share(tokenize(d.report), other[0]) < 1.0:
        return False
    if d.kind == "wording" and _lost(d.statement, ctx) > LOST_WORDS:
        return False  # what the statement said is gone from the report: a change
    before = ctx.report[: d.report_span[0]].rstrip()
    at_start = not before or before[-1] in '.!?"“«:'
    found = anchors(d.report, " ".join([*texts, ctx.source or ""]), lexicon=ctx.lexicon,
                    at_start=at_start)  # fmt: skip
    return not found


def _lost(run: str, ctx: DiffContext) -> int:
    """How many content words of the statement's ``run`` have no counterpart in the report
    (:func:`workbench.diff.paraphrase.report_counterparts`)."""
    back = report_counterparts(ctx.report, ctx.source, ctx.src, ctx.lexicon)
    return sum(not back.has(t.text) for t in tokenize(run) if is_content(t))


def _off_setting(d: Difference, settings: list[Span], report: str) -> Difference | None:
    """``d`` less its words inside the report's scene-setting (:data:`SETTING`): ``None`` for
    an addition with fewer than :data:`MIN_WORDS` content words outside it, an addition cut to
    the words outside it when the run began or ended inside it ("reporters on Monday the
    government": the audience and the day are the occasion, one word is left; review14 N1),
    else ``d`` as it is."""
    if d.kind != "addition" or d.report_span is None or not settings:
        return d
    a, b = d.report_span
    words = [t for t in tokenize(report[a:b]) if is_content(t)]
    outside = [t for t in words if not covered((a + t.start, a + t.end), settings)]
    if len(outside) == len(words):
        return d
    if len(outside) < MIN_WORDS:
        return None
    start, end = a + outside[0].start, a + outside[-1].end
    return dataclasses.replace(d, report=report[start:end], report_span=(start, end))


def _weight(run: str) -> int:
    """The content words of ``run`` outside the speaker's frame (:data:`FRAME_WORDS`)."""
    return sum(is_content(t) and t.lower not in FRAME_WORDS for t in tokenize(run))


def _beyond_frame(d: Difference) -> Difference | None:
    """``d`` if its runs are clause-sized without the speaker's frame (:data:`FRAME_WORDS`):
    an omission or addition with :data:`MIN_WORDS` such words, a rewording with as many on each
    side. A rewording whose statement side is all frame and whose report side is more than a
    clause is the report's addition (as :func:`_block` reads "a word or two for a whole
    clause"); the rest is ``None``."""
    if d.kind == "omission":
        return d if _weight(d.statement) >= MIN_WORDS else None
    if d.kind == "addition":
        return d if _weight(d.report) >= MIN_WORDS else None
    own, theirs = _weight(d.statement), _weight(d.report)
    if own >= MIN_WORDS and theirs >= MIN_WORDS:
        return d
    if own < MIN_WORDS and theirs > MIN_WORDS:
        return Difference("addition", "", d.report, None, d.report_span, "only in report")
    return None


def _near(tokens: list[Token], keys: list[str], other: list[Token]) -> set[str]:
    """The ``keys`` (stems) of ``tokens`` found on the other side, up to inflection or
    derivation (:func:`workbench.diff.text.akin`: "fire" ~ "fired", "evacuated" ~
    "evacuation"; not "militants" ~ "military"): a word merely inflected is no difference. A
    hyphenated compound and its parts written apart are the same words ("law-enforcement
    bodies" ~ "law enforcement agencies" differ in one word)."""
    index = akin_index(w for t in other for w in (t.text, *_compound_parts(t.text)))
    return {
        k
        for t, k in zip(tokens, keys, strict=True)
        if akin_in(t.text, index)
        or ((parts := _compound_parts(t.text)) and all(akin_in(p, index) for p in parts))
    }


def _compound_parts(word: str) -> list[str]:
    """The parts of a hyphenated compound ("law-enforcement" → law, enforcement), so that it
    and the two words "law enforcement" are one wording; a word without a hyphen has none."""
    if "-" not in word:
        return []
    return [p for p in word.split("-") if len(p) >= 2]


def _block(ctx: DiffContext, left: list[list[Token]], right: list[list[Token]]) -> list[Difference]:
    """Runs paired across sides are rewordings (flagged when both are clause-sized); the runs
    left over are omissions or additions (flagged when clause-sized)."""
    out: list[Difference] = []
    for s, r in zip(left, right, strict=False):
        ss, rs = _span(s), _span(r)
        if len(s) < MIN_WORDS and len(r) > MIN_WORDS:  # a word or two for a whole clause
            out.append(Difference("addition", "", ctx.report[rs[0] : rs[1]], None, rs,
                                  "only in report"))  # fmt: skip
            continue
        if len(s) < MIN_WORDS or len(r) < MIN_WORDS:
            continue
        out.append(
            Difference("wording", ctx.statement[ss[0] : ss[1]], ctx.report[rs[0] : rs[1]], ss, rs)
        )
    for s in left[len(right) :]:
        ss = _span(s)
        if len(s) >= MIN_WORDS:
            out.append(Difference("omission", ctx.statement[ss[0] : ss[1]], "", ss, None,
                                  "only in statement"))  # fmt: skip
    for r in right[len(left) :]:
        rs = _span(r)
        if len(r) >= MIN_WORDS:
            out.append(Difference("addition", "", ctx.report[rs[0] : rs[1]], None, rs,
                                  "only in report"))  # fmt: skip
    return out
