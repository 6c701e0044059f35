"""Hedges, attributions and negations: small markers that change how a claim stands.

* ``hedge``: "allegedly", "reportedly", "so-called", "what officials called", scare quotes.
* ``attribution``: who says it ("X said", "according to X", "the ministry stated").
* ``negation``: not / no / never / denied / without (ru не, нет, ни, никогда in source text).

Each marker is compared by class (hedges), by speaker (attributions) or by count (negations).
"""

from __future__ import annotations

import re

from workbench.diff.base import (
    Claims,
    DiffContext,
    Finding,
    Mention,
    compare_mentions,
    context_of,
)
from workbench.diff.text import STOPWORDS, tokenize, words
from workbench.diff.translit import same_name

_F = re.IGNORECASE

#: Hedge markers by class; a hedge is matched by one of the same class on the other side.
HEDGES: dict[str, re.Pattern[str]] = {
    "allegation": re.compile(
        r"(?<!\w)(?:allegedly|alleged|purportedly|purported|supposedly|ostensibly|"
        r"якобы|мнимы\w*|имиш|болжолдуу)(?!\w)",
        _F,
    ),
    "report": re.compile(
        r"(?<!\w)(?:reportedly|(?:is|are|was|were)\s+(?:said|believed|thought|reported)\s+to|"
        r"по\s+слухам|по\s+неподтвержд[её]нным\s+данным)(?!\w)",
        _F,
    ),
    "uncertain": re.compile(
        r"(?<!\w)(?:apparently|possibly|probably|perhaps|seemingly|unconfirmed|unverified|"
        r"(?:may|might|could)\s+have|it\s+appears|предположительно|возможно|вероятно|"
        r"по-видимому|мүмкін|мүмкүн|болжам\s+бойынша)(?!\w)",
        _F,
    ),
    "distancing": re.compile(
        r"(?<!\w)(?:so-called|self-styled|self-described|"
        r"what\s+(?:\w+\s+){1,4}?(?:called|described\s+as|termed|labell?ed|branded|dubbed)|так\s+называем\w+|деп\s+аталатын|деп\s+аталган)(?!\w)",
        _F,
    ),
}
_QUOTE = re.compile(r"(?:[\"“«‘]|(?<!\w)')(?P<q>[^\"“”«»‘’'\n]{2,40}?)(?:[\"”»’]|'(?!\w))")

#: Speech verbs that make an attribution ("X said", "said X").
_VERBS = (
    r"said|says|say|stated|states|claimed|claims|told|tells|announced|announces|reported|"
    r"added|noted|insisted|alleged|asserted|declared|confirmed|explained|argued|warned|"
    r"wrote|tweeted|maintained|reiterated|stressed|emphasi[sz]ed"
)
_ATTR_EN = re.compile(
    r"(?<!\w)(?:(?P<acc>according\s+to|as\s+reported\s+by|citing)\s+(?P<who1>[^,.;:!?\n]{1,60}?)"
    rf"(?=[,.;:!?\n]|\s+(?:that|who|which|the|a)\b|$)|(?P<verb>{_VERBS})(?!\w))",
    _F,
)
_ATTR_SRC = re.compile(
    r"(?<!\w)(?:заяви\w*|сообщи\w*|сообща\w*|отмети\w*|подчеркну\w*|утвержда\w*|"
    r"по\s+словам|по\s+данным|по\s+информации|как\s+сообща\w*|"
    r"деді|мәлімдеді|хабарлады|атап\s+өтті|мәліметінше|айтуынша|сөзінше|"
    r"деди|билдирди|маалымдады|белгиледи|маалыматы\s+боюнча|айтымында)(?!\w)",
    _F,
)
#: Speakers that all stand for "the authorities".
OFFICIAL = words(
    """government officials official authorities authority ministry ministries spokesman
    spokeswoman spokesperson office police prosecutor prosecutors state akimat kremlin
    administration committee service agency"""
)
_PRONOUNS = words(
    "he she they it we i you who which that this nobody no one someone somebody everyone everybody"
)
#: Words after which the speaker of a speech verb starts ("what I said" → "I").
_BOUNDARY = words("that who which what whom where when if because and but as while")

_NEGATION = re.compile(
    r"(?<!\w)(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|hardly|barely|"
    r"scarcely|unable\s+to|fail(?:s|ed)?\s+to|refus(?:e|es|ed)\s+to|"
    r"deny|denies|denied|denying|\w+n['’]t|не|нет|ни|никогда|никто|ничего|без|"
    r"жоқ|емес|жок|эмес)(?!\w)",
    _F,
)


def hedge_mentions(text: str, *, with_spans: bool = True) -> list[Mention]:
    """Hedge markers and scare quotes (short quoted phrases) of ``text``."""
    found = [(m.start(), m.end(), cls) for cls, rx in HEDGES.items() for m in rx.finditer(text)]
    for m in _QUOTE.finditer(text):
        if 1 <= len(m.group("q").split()) <= 4:
            found.append((m.start(), m.end(), "distancing"))
    found.sort()
    return [
        Mention(
            text[s:e],
            (s, e) if with_spans else None,
            role=cls,
            note=f"hedge:{cls}",
            context=context_of(text, (s, e)) if with_spans else "",
        )
        for s, e, cls in found
    ]


def detect_hedges(ctx: DiffContext, claimed: Claims) -> Finding:
    """Hedges on one side with no hedge of the same class on the other."""
    statement = hedge_mentions(ctx.statement)
    report = hedge_mentions(ctx.report)
    source = hedge_mentions(ctx.source, with_spans=False) if ctx.source else []
    return compare_mentions("hedge", statement, report, _same_role, source=source)


def _same_role(a: Mention, b: Mention) -> bool:
    return a.role == b.role


def attribution_mentions(text: str) -> list[Mention]:
    """Attributions of ``text``: the speech marker and the speaker (before or after it)."""
    out = []
    for m in _ATTR_EN.finditer(text):
        if m.group("acc"):
            who, start, end = m.group("who1"), m.start(), m.end()
        else:
            who, start, end = _speaker(text, m.start(), m.end())
        speaker = _speaker_key(who)
        out.append(
            Mention(text[start:end], (start, end), role="attribution",
                    note=f"attributed to {who.strip() or 'someone'}", value=speaker,
                    context=context_of(text, (start, end)))
        )  # fmt: skip
    return out


def _speaker(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The speaker of a speech verb: the words before it in its clause ("the ministry said"),
    or after it when the verb opens the clause ("..., said the minister")."""
    clause = re.split(r"[,.;:!?\"“”«»()\n]", text[:start])[-1]
    if clause.strip():
        words = list(re.finditer(r"\S+", clause))
        cut = max((i + 1 for i, w in enumerate(words) if _boundary(w.group())), default=0)
        words = words[cut:][-4:]
        if not words:
            return "", start, end
        who = " ".join(w.group() for w in words)
        return who, start - len(clause) + words[0].start(), end
    after = re.split(r"[,.;:!?\"“”«»()\n]", text[end:])[0]
    who = " ".join(after.split()[:4])
    return who, start, end + (text[end:].find(who) + len(who) if who else 0)


def _boundary(word: str) -> bool:
    return word.lower() in _BOUNDARY or re.fullmatch(_VERBS, word, _F) is not None


def _speaker_key(who: str) -> frozenset[str]:
    words = {w.text for w in tokenize(who)}
    if not words or {w.lower() for w in words} & _PRONOUNS and len(words) <= 2:
        return frozenset()
    if {w.lower().rstrip("s'’") for w in words} & {o.rstrip("s") for o in OFFICIAL}:
        return frozenset({"<official>"})
    return frozenset(w for w in words if w.lower() not in STOPWORDS)


def _same_speaker(a: Mention, b: Mention) -> bool:
    ka, kb = a.value, b.value
    assert isinstance(ka, frozenset) and isinstance(kb, frozenset)
    if not ka or not kb or ka & kb:
        return True
    return any(same_name(x, y) for x in ka for y in kb if not x.startswith("<"))


def detect_attributions(ctx: DiffContext, claimed: Claims) -> Finding:
    """Claims attributed on one side only, or to a different speaker on each side."""
    statement = attribution_mentions(ctx.statement)
    report = attribution_mentions(ctx.report)
    source: list[Mention] = []
    if ctx.source:
        source = [
            Mention(m.group(), None, role="attribution", note="attributed in source",
                    value=frozenset())
            for m in _ATTR_SRC.finditer(ctx.source)
        ]  # fmt: skip
    if not statement and source:
        statement, source = source, []
    return compare_mentions("attribution", statement, report, _same_speaker, source=source)


def negation_mentions(text: str, *, with_spans: bool = True) -> list[Mention]:
    """Negation markers of ``text`` (English, and ru/kk/ky words in source text)."""
    return [
        Mention(m.group(), (m.start(), m.end()) if with_spans else None, role="negation",
                note="negation", context=context_of(text, m.span()) if with_spans else "")
        for m in _NEGATION.finditer(text)
    ]  # fmt: skip


def detect_negations(ctx: DiffContext, claimed: Claims) -> Finding:
    """Negations on one side with no counterpart on the other."""
    statement = negation_mentions(ctx.statement)
    report = negation_mentions(ctx.report)
    source = negation_mentions(ctx.source, with_spans=False) if ctx.source else []
    return compare_mentions(
        "negation", statement, report, lambda a, b: True, source=source, pair=False
    )
