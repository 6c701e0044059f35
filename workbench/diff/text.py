"""Tokens with character spans, stop words and crude stemming shared by the detectors."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

#: A ``(start, end)`` character span.
Span = tuple[int, int]

P = ParamSpec("P")
T = TypeVar("T")

_TOKEN = re.compile(r"\w+(?:['’]\w+)*(?:-\w+)*", re.UNICODE)


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for word lists in code)."""
    return frozenset(text.split())


#: English function words that never count as content on their own.
STOPWORDS: frozenset[str] = words(
    """a an the and or but if then than that this these those there here of in on at to for from by
    with as into onto over under about after before during between through against among within
    upon via is are was were be been being am has have had having do does did doing will would shall
    should can could may might must it its it's they them their theirs he him his she her hers we us
    our ours you your yours i me my mine who whom whose which what when where why how all any both
    each every some such other another more most much many few own same so very too also just only
    even still yet already again once out up down off then there's here's also s t one ones
    mr mrs ms dr"""
)


@dataclass(frozen=True)
class Token:
    """A word of a text with its character offsets (``text[start:end] == token.text``)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The token lower-cased."""
        return self.text.lower()


def per_text(func: Callable[P, list[T]]) -> Callable[P, list[T]]:
    """Remember a pure function of a text (and hashable options) whose result is a list of
    frozen items: every pair of a case runs the detectors on its statement again, once per
    outlet, and on a report sentence once per statement it retells. Each call gets its own
    list; the key is every argument (``cache_clear`` empties it)."""
    cached: Callable[..., tuple[T, ...]] = functools.lru_cache(maxsize=16384)(
        lambda *a, **k: tuple(func(*a, **k))
    )

    @functools.wraps(func)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> list[T]:
        return list(cached(*args, **kwargs))

    remembered.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return remembered


@functools.lru_cache(maxsize=4096)
def any_match(pattern: re.Pattern[str], texts: tuple[str, ...]) -> bool:
    """Whether ``pattern`` is found in any non-empty text of ``texts``, searched once per
    pattern and texts: most pairs of a case share one context (the issuer and the officials
    every outlet names), which a detector would otherwise search again for each pair."""
    return any(pattern.search(t) for t in texts if t)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with character spans (punctuation is skipped)."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``, cut once per text (the detectors of every pair tokenise the same
    statement and report sentences again)."""
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, language-agnostic stem: lower-case, no possessive, no common English suffix."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


#: Letters two English stems share at their start to be one word up to inflection or
#: derivation (:func:`akin`; the retold-line check of :mod:`workbench.diff.salience` looks
#: candidates up by their first :data:`AKIN_MIN` letters).
AKIN_PREFIX = 5
#: A shorter stem of at least this many letters that starts the other is akin to it ("fire" ~
#: "fired").
AKIN_MIN = 4


def akin(a: str, b: str) -> bool:
    """One English word up to inflection or derivation — the one rule of the diff stage.

    ``a`` and ``b`` are words (any case, not stems). By spelling, their stems
    (:func:`stem`) are equal, share their first :data:`AKIN_PREFIX` (five) letters, or the
    whole shorter stem of :data:`AKIN_MIN` letters or more starts the other ("fire" ~ "fired",
    "evacuated" ~ "evacuation", "contradictory" ~ "contradiction"). Letters alone also join
    "militants" ~ "military" and "police" ~ "policy", so when WordNet knows both words they
    must also be one word family there (:func:`workbench.diff.wordnet.same_family`: a lemma of
    one is a lemma, or a derived form, of the other, within two derivation steps), or a lemma
    of one must be a lemma of the other with letters added (:func:`workbench.diff.wordnet.extends`:
    "short" ~ "shorten", which WordNet does not link). A name or a word WordNet does not know
    keeps the spelling rule alone.
    """
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    x, y = stem(a), stem(b)
    if x != y and not _prefix_akin(x, y):
        return False
    from workbench.diff import wordnet  # the sense table loads on first use

    if wordnet.known(a) and wordnet.known(b):
        return wordnet.same_family(a, b) or wordnet.extends(a, b)
    return True


#: Words looked up by the first :data:`AKIN_MIN` letters of their stems (:func:`akin_index`).
AkinIndex = dict[str, tuple[str, ...]]


def akin_index(words: Iterable[str]) -> AkinIndex:
    """``words`` (lower-cased, each once) by the first :data:`AKIN_MIN` letters of their stems:
    the only words :func:`akin` can join to a word whose stem starts alike."""
    index: dict[str, list[str]] = {}
    for w in dict.fromkeys(w.lower() for w in words):
        index.setdefault(stem(w)[:AKIN_MIN], []).append(w)
    return {k: tuple(v) for k, v in index.items()}


def akin_in(word: str, index: AkinIndex) -> bool:
    """Whether ``word`` is :func:`akin` to a word of ``index``."""
    return any(akin(word, w) for w in index.get(stem(word)[:AKIN_MIN], ()))


def _prefix_akin(x: str, y: str) -> bool:
    n = 0
    for c, d in zip(x, y, strict=False):
        if c != d:
            break
        n += 1
    return n >= AKIN_PREFIX or (n >= AKIN_MIN and n >= min(len(x), len(y)))


def is_content(token: Token) -> bool:
    """True for words that carry content (not a stop word, not a lone letter)."""
    return len(token.text) > 1 and token.lower not in STOPWORDS


def overlaps(a: Span, b: Span) -> bool:
    """True when two character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def covered(span: Span, spans: list[Span]) -> bool:
    """True when ``span`` overlaps any of ``spans``."""
    return any(overlaps(span, s) for s in spans)


@functools.lru_cache(maxsize=16384)
def is_cyrillic(text: str) -> bool:
    """True when most letters of ``text`` are Cyrillic."""
    letters = [c for c in text if c.isalpha()]
    cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return bool(letters) and cyr * 2 > len(letters)


#: Words whose full stop ends no sentence ("Mr. Smith", "Gen. Ivanov", "Oct. 12", "No. 5"); a
#: single capital letter ("U.S. officials", "J. Smith") is excluded as well.
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Mt", "No", "vs", "Gen", "Col", "Lt", "Sgt",
                  "Sen", "Rep", "Gov", "Prof", "Pres", "Capt", "Maj", "Adm", "Jr", "Sr",
                  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                  "Dec")  # fmt: skip

#: "A sentence ends here", the one definition of the diff stage (content runs, the negation
#: retold-twice check of :mod:`workbench.diff.markers`, the modality sentences): a full stop,
#: question or exclamation mark or an ellipsis (not after an abbreviation or a single capital),
#: any closing quotes or brackets, space, then a capital (Latin or Cyrillic), a digit or an
#: opening quote or bracket ("it said. the" and "Oct. 28" end nothing); or a line break. The
#: match starts at the stop; its group ``gap`` is the space between the two sentences.
SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])"
    + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS)
    + r"[.!?…][\"”»’')\]]*(?P<gap>\s+)(?=[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ0-9\"“«„‘'(\[])"
    + r"|(?P<gap2>\s*\n\s*)"
)


@per_text
def sentences(text: str) -> list[Span]:
    """The spans of ``text``'s sentences (:data:`SENTENCE_END`), each with its stop and closing
    quotes, without the space between two; one span for a text with no sentence end."""
    spans: list[Span] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        gap = m.span("gap") if m.group("gap") is not None else m.span("gap2")
        if gap[0] > start:
            spans.append((start, gap[0]))
        start = gap[1]
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans
