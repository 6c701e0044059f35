"""Span checks that compare what both sides mention: figures, names, loaded labels.

Figures use the diff stage's normaliser ("20 тысяч" = 20,000 = "20 мың"); names its
cross-script folding (Токаев ~ Tokayev); labels its four-language framing lexicon.
"""

from __future__ import annotations

import math
import re

from workbench.faithfulness.base import FaithContext, issue
from workbench.faithfulness.diffapi import (
    Figure,
    find_figures,
    find_labels,
    find_names,
    fold,
    same_name,
    transliterate,
)
from workbench.types import FaithIssue

#: Roots of small numbers in kk/ky/ru words, including ordinals and compounds
#: ("двухчасового", "пятый", "үшінші", "он бесі"), so an English number word has a counterpart.
NUMBER_ROOTS: dict[int, tuple[str, ...]] = {
    1: ("один", "одн", "перв", "бір", "бир", "алғаш", "биринчи"),
    2: ("два", "двух", "две", "дву", "втор", "оба", "обе", "пар", "екі", "эки", "қос", "кош"),
    3: ("три", "тр", "трет", "үш", "үч"),
    4: ("четыр", "четв", "төрт"),
    5: ("пят", "бес", "беш"),
    6: ("шест", "алты"),
    7: ("сем", "седьм", "жеті", "жети"),
    8: ("восем", "восьм", "сегіз", "сегиз"),
    9: ("девят", "тоғыз", "тогуз"),
    10: ("десят", "он"),
    12: ("двенадцат", "дюжин", "он екі", "он эки"),
    20: ("двадцат", "жиырма", "жыйырма"),
    24: ("дюжин",),
    100: ("сто", "сот", "жүз"),
}
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def _same(a: Figure, b: Figure) -> bool:
    if a.percent != b.percent:
        return False
    if a.vague and b.vague:
        return (a.value, a.high) == (b.value, b.high)
    if a.vague or b.vague:
        rng, point = (a, b) if a.vague else (b, a)
        return rng.value <= point.value < (rng.high or math.inf)
    return math.isclose(a.value, b.value, rel_tol=1e-9) or _clock(a, b)


def _clock(a: Figure, b: Figure) -> bool:
    """ "0230" and "02:30" / "2:30" are one time of day."""
    digits = re.sub(r"\D", "", a.text), re.sub(r"\D", "", b.text)
    return len(digits[0]) == 4 and digits[0].lstrip("0") == digits[1].lstrip("0")


def _word_in_source(fig: Figure, source: str) -> bool:
    """An English number word whose value the source spells as a word (any case or compound)."""
    roots = NUMBER_ROOTS.get(int(fig.value)) if fig.value == int(fig.value) else None
    if not roots:
        return False
    low = source.lower()
    return any(w.startswith(roots) for w in _WORD.findall(low)) or any(
        " " in r and r in low for r in roots
    )


def detect_numbers(ctx: FaithContext) -> list[FaithIssue]:
    """Figures of the translation with no equal value in the source (changed or added), and
    source figures written in digits that the translation lost (dropped)."""
    src_figs = find_figures(ctx.source, ctx.src)
    left = list(src_figs)
    out: list[FaithIssue] = []
    for fig in find_figures(ctx.translation, "en"):
        match = next((f for f in left if _same(fig, f)), None)
        if match is not None:
            left.remove(match)
            continue
        if not _DIGIT.search(fig.text) and _word_in_source(fig, ctx.source):
            continue
        near = [f for f in left if _DIGIT.search(f.text)]
        out.append(
            issue("number", ctx.source, ctx.translation,
                  (near[0].start, near[0].end) if near else None, (fig.start, fig.end),
                  f"figure {fig.text!r} has no equal in the source"
                  + (f" (source: {near[0].text!r})" if near else ""),
                  1.0 if _DIGIT.search(fig.text) else 0.6)
        )  # fmt: skip
        if near:
            left.remove(near[0])
    for fig in left:
        if _DIGIT.search(fig.text) and not fig.vague and fig.text not in ctx.translation:
            out.append(
                issue("number", ctx.source, ctx.translation, (fig.start, fig.end), None,
                      f"source figure {fig.text!r} is missing from the translation", 0.6)
            )  # fmt: skip
    return out


def _source_keys(source: str) -> list[str]:
    """Folded spellings of every source word (romanised when Cyrillic)."""
    keys = (fold(transliterate(w)) for w in _WORD.findall(source) if len(w) > 1)
    return [k for k in keys if len(k) > 2]


def _in_source(word: str, source_words: list[str], keys: list[str]) -> bool:
    if word in source_words:
        return True
    key = fold(word)
    if len(key) < 2:
        return True
    stem = key[: max(3, min(len(key) - 1, 5))]
    return any(k.startswith(stem) or key.startswith(k[: max(3, len(k) - 1)]) for k in keys) or any(
        same_name(word, w) for w in source_words if len(w) > 2
    )


def detect_names(ctx: FaithContext) -> list[FaithIssue]:
    """Names in the translation with no spelling variant in the source (swapped or invented)."""
    source_words = _WORD.findall(ctx.source)
    keys = _source_keys(ctx.source)
    out: list[FaithIssue] = []
    for mention in find_names(ctx.translation):
        span = mention.span
        assert span is not None
        parts = [w for w in _WORD.findall(mention.text) if w[0].isupper() and len(w) > 1]
        if not parts:
            continue
        head = re.sub(r"['’]s$", "", parts[-1])
        if not _in_source(head, source_words, keys):
            out.append(
                issue("name", ctx.source, ctx.translation, None, span,
                      f"name {mention.text!r} has no counterpart in the source")
            )  # fmt: skip
    return out


def detect_labels(ctx: FaithContext) -> list[FaithIssue]:
    """Loaded labels on one side whose category the other side does not use ("бандиты" →
    "protesters"; "people" → "terrorists")."""
    src_hits = find_labels(ctx.source, ctx.lexicon)
    tr_hits = find_labels(ctx.translation, ctx.lexicon)
    src_cats = {h.category for h in src_hits}
    tr_cats = {h.category for h in tr_hits}
    out: list[FaithIssue] = []
    for h in tr_hits:
        if h.loaded and h.category not in src_cats:
            twin = next((s for s in src_hits if not s.loaded), None)
            out.append(
                issue("label", ctx.source, ctx.translation,
                      (twin.start, twin.end) if twin else None, (h.start, h.end),
                      f"loaded label ({h.category}) not in the source"
                      + (f", which says {twin.text!r}" if twin else ""))
            )  # fmt: skip
    for h in src_hits:
        if h.loaded and h.category not in tr_cats:
            twin = next((t for t in tr_hits if not t.loaded), None)
            out.append(
                issue("label", ctx.source, ctx.translation, (h.start, h.end),
                      (twin.start, twin.end) if twin else None,
                      f"the source's loaded label ({h.category}) is "
                      + (f"neutralised as {twin.text!r}" if twin else "missing"))
            )  # fmt: skip
    return out
