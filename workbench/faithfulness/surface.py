"""Checks of the translation's surface: untranslated source, wrong language or script,
repetition and hallucinated tails, length-ratio outliers. No model needed."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from itertools import chain

from workbench.faithfulness.base import FaithContext, LanguageCalibration, issue
from workbench.faithfulness.diffapi import (
    cognate_key,
    english_content,
    english_stem,
    load_bilexicon,
    source_stem,
)
from workbench.langid import detect
from workbench.types import FaithIssue

_WORDS = re.compile(r"\w+")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04FF]+(?:[\s\-,.:;«»\"()]+[\u0400-\u04FF]+)*")
#: Below this share of Latin letters an English translation is in the wrong script.
MIN_LATIN = 0.8
#: Symbols that open MT models emit when they hallucinate (the "♪" answer to Russian input).
_JUNK = re.compile(r"[♪♫♬□■▪◆�]+")


def _letters(text: str) -> tuple[int, int, int]:
    """Counts of Latin, Cyrillic and other letters."""
    latin = cyr = other = 0
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith("LATIN"):
                latin += 1
            elif name.startswith("CYRILLIC"):
                cyr += 1
            else:
                other += 1
    return latin, cyr, other


def detect_untranslated(ctx: FaithContext) -> list[FaithIssue]:
    """Runs of source-script words in the translation that also occur in the source."""
    source_words = {w.lower() for w in _WORDS.findall(ctx.source)}
    out: list[FaithIssue] = []
    for m in _CYRILLIC_RUN.finditer(ctx.translation):
        words = [w.lower() for w in _WORDS.findall(m.group())]
        copied = [w for w in words if w in source_words]
        if len(copied) >= max(1, len(words) // 2):
            at = ctx.source.lower().find(words[0])
            src_span = (at, at + len(words[0])) if at >= 0 else None
            out.append(
                issue("untranslated", ctx.source, ctx.translation, src_span, m.span(),
                      f"{len(copied)} source word(s) copied through untranslated",
                      min(1.0, 0.4 + 0.2 * len(copied)))
            )  # fmt: skip
    return out


def detect_wrong_language(ctx: FaithContext) -> list[FaithIssue]:
    """Output in another script (not Latin) or, by language ID, another language than English."""
    latin, cyr, other = _letters(ctx.translation)
    total = latin + cyr + other
    if total == 0:
        if ctx.translation.strip() and _letters(ctx.source) != (0, 0, 0):
            return [issue("wrong_language", ctx.source, ctx.translation, None,
                          (0, len(ctx.translation)), "the translation has no letters")]  # fmt: skip
        return []
    if latin / total < MIN_LATIN:
        untranslated = detect_untranslated(ctx)
        if untranslated and cyr / total >= 0.5 and other == 0:
            return []  # the untranslated check explains it
        return [
            issue("wrong_language", ctx.source, ctx.translation, None, (0, len(ctx.translation)),
                  f"only {100 * latin // total}% of the letters are Latin")
        ]  # fmt: skip
    if latin >= 40:
        guess = detect(ctx.translation)
        if guess.reliable and guess.confidence >= 90 and guess.language not in ("en", "un"):
            return [
                issue("wrong_language", ctx.source, ctx.translation, None,
                      (0, len(ctx.translation)), f"the translation reads as {guess.language!r}")
            ]  # fmt: skip
    return []


#: A repeated word sequence further than this many words from its first occurrence is
#: rhetoric ("a plan to rebuild X is a plan to rebuild Y", "if the wind blows from the north...,
#: if the wind blows from the south") unless it runs to ``_LONG_REPEAT`` words; nearer, it is
#: rhetoric too when a content word between leads on to different words (:func:`_parallel`).
_REPEAT_GAP = 2
_LONG_REPEAT = 8


def _repeats(tokens: list[re.Match[str]], n: int) -> tuple[int, int] | None:
    """The span of the second occurrence of a repeated word n-gram (case-insensitive) that
    follows the first closely, or that runs on to a long repeated sequence."""
    return next(_all_repeats(tokens, n), None)


#: Modulus and base of the rolling hash over word ids (:class:`_Extension`).
_HASH_MOD = (1 << 61) - 1
_HASH_BASE = 1_000_003


class _Extension:
    """How far two places of a word list read alike (the longest common extension), in
    O(log n) per question: prefix hashes of the words' ids and a binary search. Extending word
    by word took O(n) per repeated n-gram, O(n²) on a looping tail (2 s at 9,800 characters)."""

    def __init__(self, words: list[str]) -> None:
        ids: dict[str, int] = {}
        self.prefix = [0]
        self.power = [1]
        for w in words:
            code = ids.setdefault(w, len(ids) + 1)
            self.prefix.append((self.prefix[-1] * _HASH_BASE + code) % _HASH_MOD)
            self.power.append(self.power[-1] * _HASH_BASE % _HASH_MOD)

    def _hash(self, start: int, length: int) -> int:
        return (self.prefix[start + length] - self.prefix[start] * self.power[length]) % _HASH_MOD

    def common(self, a: int, b: int, limit: int) -> int:
        """The number of words, at most ``limit``, from which ``a`` and ``b`` on read alike."""
        lo, hi = 0, max(0, limit)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._hash(a, mid) == self._hash(b, mid):
                lo = mid
            else:
                hi = mid - 1
        return lo


def _parallel(gap: list[str], run: int, n: int) -> bool:
    """Whether a phrase said twice with ``gap`` between is a parallel construction, not a loop:
    the gap holds a content word and the two occurrences lead on to different words (the run
    does not reach the next repeat: "as we did in Almaty, as we did in Osh", "for the workers,
    for the farmers"; an NTREX quote of this shape was flagged in kk, ky and ru). A loop repeats
    what follows too ("it was a good day it was a good day": every word of the gap said again),
    and "X and X" has no content word between. The caller checks that a word follows the
    second occurrence: a run cut by the end of the text ("… many of them trusted to have many
    of them") proves no difference."""
    return run < n + len(gap) and any(english_content(w) for w in gap)


def _all_repeats(tokens: list[re.Match[str]], n: int) -> Iterator[tuple[int, int]]:
    """Every span :func:`_repeats` may find, in text order: each n-gram's later occurrence,
    run on while the words after both occurrences agree and the first has not reached the
    second."""
    seen: dict[tuple[str, ...], int] = {}
    low = [t.group().lower() for t in tokens]
    extension = _Extension(low)
    for i in range(len(low) - n + 1):
        gram = tuple(low[i : i + n])
        first = seen.get(gram)
        if first is not None and i > first:
            run = n + extension.common(first + n, i + n, min(len(low) - i, i - first) - n)
            gap = low[first + n : i]
            parallel = i + run < len(low) and _parallel(gap, run, n)  # a different word follows
            if run >= _LONG_REPEAT or (len(gap) <= _REPEAT_GAP and not parallel):
                yield tokens[i].start(), tokens[i + run - 1].end()
        seen.setdefault(gram, i)


def _adjacent_repeat(tokens: list[re.Match[str]]) -> tuple[int, int] | None:
    """A run of two or more words said twice in a row ("all too real all too real")."""
    return next(_all_adjacent(tokens), None)


def _all_adjacent(tokens: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Every span :func:`_adjacent_repeat` may find, shortest runs first."""
    low = [t.group().lower() for t in tokens]
    for n in range(2, 9):
        for i in range(len(low) - 2 * n + 1):
            if low[i : i + n] == low[i + n : i + 2 * n] and any(len(w) > 3 for w in low[i : i + n]):
                yield tokens[i + n].start(), tokens[i + 2 * n - 1].end()


#: Shortest source word counted when the source says a word twice.
_SOURCE_WORD = 3


def _said_twice(source: str) -> set[str]:
    """The keys of the source words said at least twice: each word's lexicon stem and its
    romanised spelling (``C:`` + :func:`cognate_key`: «гуру», «гурунун» ~ "guru"), so that
    inflected forms count as one word («Республики … в Республике»)."""
    counts: dict[str, int] = {}
    for w in _WORDS.findall(source):
        if len(w) >= _SOURCE_WORD and not w.isdigit():
            for key in {source_stem(w), "C:" + cognate_key(w)}:
                counts[key] = counts.get(key, 0) + 1
    return {key for key, c in counts.items() if c >= 2}


class _SourceRepeats:
    """Whether the source says twice what a repeated span of the translation renders: each
    content word of the span is the usual English of a source word said twice (the word
    lexicon) or spells one (a cognate). A span of function words only ("was was was", "of the
    of the") is never the source's by this rule: a source that says some other word twice does
    not explain it ("No, no, no" for «Нет, нет, нет» is excused by "no", a content word the
    lexicon renders from «нет»). A faithful translation repeats a phrase where its source does
    ("the Order of the Republic, the Republic's highest award" for «орден Республики — высшую
    награду в Республике»); a hallucinated tail repeats words the source says once.

    Each word of the translation is judged once and a span is read from prefix counts, so a
    looping tail with thousands of candidate spans costs linear time, not a re-read of every
    span's words."""

    def __init__(self, ctx: FaithContext, tokens: list[re.Match[str]]) -> None:
        twice = _said_twice(ctx.source)
        self.active = bool(twice)
        self.index = {t.start(): k for k, t in enumerate(tokens)}
        self.end_index = {t.end(): k for k, t in enumerate(tokens)}
        self.content = [0]
        self.unexplained = [0]
        if not self.active:
            return
        table = load_bilexicon().entries.get(ctx.src, {})
        renders: set[str] = set()
        for key in twice:
            if not key.startswith("C:"):
                renders.update(table.get(key, {}))
        spellings = {key[2:] for key in twice if key.startswith("C:")}
        verdict: dict[str, tuple[int, int]] = {}
        for t in tokens:
            w = t.group()
            if w not in verdict:
                content = english_content(w)
                explained = english_stem(w) in renders or (
                    len(w) >= 4 and cognate_key(w) in spellings
                )
                verdict[w] = (int(content), int(content and not explained))
            c, u = verdict[w]
            self.content.append(self.content[-1] + c)
            self.unexplained.append(self.unexplained[-1] + u)

    def __call__(self, span: tuple[int, int]) -> bool:
        """True when the source repeats what the words of ``span`` (a span of whole words of
        the translation) render."""
        if not self.active:
            return False
        a, b = self.index[span[0]], self.end_index[span[1]] + 1
        if self.content[b] == self.content[a]:
            return False  # function words only: nothing to say the source repeats them
        return self.unexplained[b] == self.unexplained[a]


def detect_repetition(ctx: FaithContext) -> list[FaithIssue]:
    """A word sequence said twice where the source says it once, a word stammered three times,
    or junk symbols (♪). A repetition is the source's own when the source repeats a sequence
    too, or says twice each word the repeated words render (:class:`_SourceRepeats`)."""
    out: list[FaithIssue] = []
    tokens = list(_WORDS.finditer(ctx.translation))
    n = 4 if len(tokens) >= 12 else 3
    spans = chain(_all_adjacent(tokens), _all_repeats(tokens, n))
    first = next(spans, None)
    src_tokens = list(_WORDS.finditer(ctx.source)) if first is not None else []
    # built only when a repetition is found (most lines have none): it reads every word
    source_repeats: _SourceRepeats | None = None
    if first is None or _repeats(src_tokens, n) or _adjacent_repeat(src_tokens):
        span = None
    else:
        source_repeats = _SourceRepeats(ctx, tokens)
        # the first repetition the source does not make (it may repeat one phrase, not all)
        span = next((sp for sp in chain([first], spans) if not source_repeats(sp)), None)
    if span is not None:
        out.append(
            issue("repetition", ctx.source, ctx.translation, None, span,
                  f"{ctx.translation[span[0]:span[1]]!r} repeats earlier words")
        )  # fmt: skip
    for m in re.finditer(r"(?<!\w)(\w+)(?:\W+\1(?!\w)){2,}", ctx.translation, re.IGNORECASE):
        if m.span() == span:
            continue
        if source_repeats is None:
            source_repeats = _SourceRepeats(ctx, tokens)
        if not source_repeats(m.span()):
            out.append(issue("repetition", ctx.source, ctx.translation, None, m.span(),
                             f"{m.group(1)!r} repeated"))  # fmt: skip
    for m in _JUNK.finditer(ctx.translation):
        if not _JUNK.search(ctx.source):
            out.append(issue("repetition", ctx.source, ctx.translation, None, m.span(),
                             "symbols the source does not have (a hallucination)"))  # fmt: skip
    return out


def length_ratio(source: str, translation: str) -> float:
    """log(characters of the translation / characters of the source), spaces ignored."""
    a = len(re.sub(r"\s+", "", source)) or 1
    b = len(re.sub(r"\s+", "", translation)) or 1
    return math.log(b / a)


#: A source shorter than this (characters without spaces) gets a wider length band: the log
#: ratio of two character counts spreads about as one over the square root of the count. On
#: the calibration half (1,496 lines, kk / ky / ru; session 18, fclause18) its standard
#: deviation is 0.29 / 0.29 / 0.33 for sources under 40 characters, 0.22 / 0.20 / 0.21 at
#: 40–80, 0.17 / 0.17 / 0.17 at 80–140 and 0.14 above; the one band fitted on all lines left
#: 8.6 / 9.0 / 13.2 % of the sources under 40 characters outside it (a four-word line
#: "1.50× longer" than its source is no sign of anything) against 0.0–0.2 % above 140. The
#: spreads of the shorter sizes over that of 80–140 (1.7–1.9 and 1.2–1.3) are what the
#: square root of this over their middle sizes (about 32 and 62 characters) gives.
SPREAD_CHARS = 100


def length_band(source: str, cal: LanguageCalibration) -> tuple[float, float]:
    """The calibrated length band (log ratios) for ``source``: as fitted for a source of
    :data:`SPREAD_CHARS` characters or more, each side's distance from the typical ratio
    widened by the square root of ``SPREAD_CHARS`` over the source's characters below it."""
    chars = len(re.sub(r"\s+", "", source)) or 1
    widen = math.sqrt(max(1.0, SPREAD_CHARS / chars))
    typical = cal.length_typical
    return (
        typical - widen * (typical - cal.length_low),
        typical + widen * (cal.length_high - typical),
    )


def detect_length(ctx: FaithContext) -> list[FaithIssue]:
    """A translation much shorter or longer than human translations of this language are
    (the band widened for a short source: :func:`length_band`)."""
    if len(ctx.source) < 20:
        return []
    ratio = length_ratio(ctx.source, ctx.translation)
    low, high = length_band(ctx.source, ctx.calibration)
    if ratio < low:
        return [issue("length", ctx.source, ctx.translation, (0, len(ctx.source)), None,
                      f"the translation is {math.exp(ratio):.2f}× the source's length, "
                      f"shorter than {math.exp(low):.2f}×", 0.5)]  # fmt: skip
    if ratio > high:
        return [issue("length", ctx.source, ctx.translation, None, (0, len(ctx.translation)),
                      f"the translation is {math.exp(ratio):.2f}× the source's length, "
                      f"longer than {math.exp(high):.2f}×", 0.5)]  # fmt: skip
    return []
