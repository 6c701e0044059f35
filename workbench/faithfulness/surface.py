"""Checks of the translation's surface: untranslated source, wrong language or script,
repetition and hallucinated tails, length-ratio outliers. No model needed."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from itertools import chain

from workbench.faithfulness.base import FaithContext, issue
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
#: if the wind blows from the south") unless it runs to ``_LONG_REPEAT`` words.
_REPEAT_GAP = 2
_LONG_REPEAT = 8


def _repeats(tokens: list[re.Match[str]], n: int) -> tuple[int, int] | None:
    """The span of the second occurrence of a repeated word n-gram (case-insensitive) that
    follows the first closely, or that runs on to a long repeated sequence."""
    return next(_all_repeats(tokens, n), None)


def _all_repeats(tokens: list[re.Match[str]], n: int) -> Iterator[tuple[int, int]]:
    """Every span :func:`_repeats` may find, in text order."""
    seen: dict[tuple[str, ...], int] = {}
    low = [t.group().lower() for t in tokens]
    for i in range(len(low) - n + 1):
        gram = tuple(low[i : i + n])
        first = seen.get(gram)
        if first is not None and i > first:
            run = n
            while i + run < len(low) and low[first + run] == low[i + run] and first + run < i:
                run += 1
            if i - (first + n) <= _REPEAT_GAP or run >= _LONG_REPEAT:
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


def _source_repeats(ctx: FaithContext, span: tuple[int, int], twice: set[str]) -> bool:
    """True when the source says twice what the repeated words render: each content word of
    the repeated span is the usual English of a source word said twice (the word lexicon) or
    spells one (a cognate). A span of function words only ("was was was", "of the of the")
    is never the source's by this rule: a source that says some other word twice does not
    explain it ("No, no, no" for «Нет, нет, нет» is excused by "no", a content word the
    lexicon renders from «нет»). A faithful translation repeats a phrase where its source does
    ("the Order of the Republic, the Republic's highest award" for «орден Республики — высшую
    награду в Республике»); a hallucinated tail repeats words the source says once.
    ``twice``: :func:`_said_twice` of the source."""
    if not twice:
        return False
    words = [w for w in _WORDS.findall(ctx.translation[span[0] : span[1]]) if english_content(w)]
    if not words:
        return False  # function words only: nothing to say the source repeats them
    table = load_bilexicon().entries.get(ctx.src, {})
    stems = {key: set(table.get(key, {})) for key in twice if not key.startswith("C:")}
    spellings = {key[2:] for key in twice if key.startswith("C:")}
    return all(
        any(english_stem(w) in renders for renders in stems.values())
        or (len(w) >= 4 and cognate_key(w) in spellings)
        for w in words
    )


def detect_repetition(ctx: FaithContext) -> list[FaithIssue]:
    """A word sequence said twice where the source says it once, a word stammered three times,
    or junk symbols (♪). A repetition is the source's own when the source repeats a sequence
    too, or says twice each word the repeated words render (:func:`_source_repeats`)."""
    out: list[FaithIssue] = []
    tokens = list(_WORDS.finditer(ctx.translation))
    n = 4 if len(tokens) >= 12 else 3
    spans = chain(_all_adjacent(tokens), _all_repeats(tokens, n))
    first = next(spans, None)
    src_tokens = list(_WORDS.finditer(ctx.source)) if first is not None else []
    twice = _said_twice(ctx.source)
    if first is None or _repeats(src_tokens, n) or _adjacent_repeat(src_tokens):
        span = None
    else:
        # the first repetition the source does not make (it may repeat one phrase, not all)
        span = next(
            (sp for sp in chain([first], spans) if not _source_repeats(ctx, sp, twice)), None
        )
    if span is not None:
        out.append(
            issue("repetition", ctx.source, ctx.translation, None, span,
                  f"{ctx.translation[span[0]:span[1]]!r} repeats earlier words")
        )  # fmt: skip
    for m in re.finditer(r"(?<!\w)(\w+)(?:\W+\1(?!\w)){2,}", ctx.translation, re.IGNORECASE):
        if not any(i.translation_span == m.span() for i in out) and not _source_repeats(
            ctx, m.span(), twice
        ):
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


def detect_length(ctx: FaithContext) -> list[FaithIssue]:
    """A translation much shorter or longer than human translations of this language are."""
    if len(ctx.source) < 20:
        return []
    ratio = length_ratio(ctx.source, ctx.translation)
    cal = ctx.calibration
    if ratio < cal.length_low:
        return [issue("length", ctx.source, ctx.translation, (0, len(ctx.source)), None,
                      f"the translation is {math.exp(ratio):.2f}× the source's length, "
                      f"shorter than {math.exp(cal.length_low):.2f}×", 0.5)]  # fmt: skip
    if ratio > cal.length_high:
        return [issue("length", ctx.source, ctx.translation, None, (0, len(ctx.translation)),
                      f"the translation is {math.exp(ratio):.2f}× the source's length, "
                      f"longer than {math.exp(cal.length_high):.2f}×", 0.5)]  # fmt: skip
    return []
