"""Coverage from clause vectors: source clauses with no counterpart in the translation
(omission), translation clauses with no source (addition), and translations that say
something else entirely (another sentence).

Both sides are cut into clauses at punctuation; each clause is embedded once by a multilingual
embedder (the align stage's bundled e5-small by default, passed in by the pipeline). A side's
sentence vector is the length-weighted mean of its clause vectors, so the sentence costs no
second embedding. For a source clause ``c`` with sentence vectors ``S`` (source) and ``T``
(translation), ``gap = c·S − c·T`` is small when the translation covers the clause as well as
the source sentence does, and grows when the clause is missing. The thresholds are quantiles of
these numbers on human reference translations (``benchmarks/faithfulness_bench.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from workbench.faithfulness.base import ClauseVectors, FaithContext, issue
from workbench.types import FaithIssue

_CUT = re.compile(r"\s*(?:[,;:()\[\]«»“”\"]|\s[—–-]\s)\s*")
#: Clauses shorter than this many words are merged into their neighbour.
MIN_WORDS = 3


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of ``text``: cut at punctuation, short pieces merged into a neighbour."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CUT.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (_nwords(text, merged[-1]) < MIN_WORDS or _nwords(text, (s, e)) < MIN_WORDS):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged or ([(0, len(text))] if text.strip() else [])


def _nwords(text: str, span: tuple[int, int]) -> int:
    return len(text[span[0] : span[1]].split())


def sentence_vector(spans: tuple[tuple[int, int], ...], vectors: np.ndarray) -> np.ndarray:
    """The length-weighted mean of clause vectors, unit length."""
    if len(spans) == 0:
        return np.zeros(vectors.shape[1] if vectors.ndim == 2 else 0, dtype=np.float32)
    weights = np.array([max(1, e - s) for s, e in spans], dtype=np.float32)
    v = (vectors * weights[:, None]).sum(0)
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n > 0 else v.astype(np.float32)


@dataclass(frozen=True)
class CoverageFeatures:
    """The coverage numbers of one pair.

    Attributes:
        similarity: Cosine of the two sentence vectors.
        omission: The largest source-clause gap, and the index of that clause.
        addition: The largest translation-clause gap, and the index of that clause.
    """

    similarity: float
    omission: float
    omission_clause: int
    addition: float
    addition_clause: int


def features(v: ClauseVectors) -> CoverageFeatures | None:
    """Coverage features of a pair (None when a side is empty)."""
    if not v.source_spans or not v.translation_spans:
        return None
    S = sentence_vector(v.source_spans, v.source)
    T = sentence_vector(v.translation_spans, v.translation)
    om = v.source @ S - v.source @ T
    ad = v.translation @ T - v.translation @ S
    i, j = int(np.argmax(om)), int(np.argmax(ad))
    return CoverageFeatures(float(S @ T), float(om[i]), i, float(ad[j]), j)


def risk(f: CoverageFeatures, ctx: FaithContext) -> float:
    """How far the worst coverage number is beyond typical: 0 typical, 1 at the flag limit."""
    c = ctx.calibration
    return max(
        (c.similarity_typical - f.similarity)
        / max(1e-6, c.similarity_typical - c.similarity_limit),
        (f.omission - c.omission_typical) / max(1e-6, c.omission_limit - c.omission_typical),
        (f.addition - c.addition_typical) / max(1e-6, c.addition_limit - c.addition_typical),
    )


def detect_coverage(ctx: FaithContext) -> list[FaithIssue]:
    """Omitted source clauses, added translation clauses, or an unrelated translation."""
    if ctx.vectors is None:
        return []
    f = features(ctx.vectors)
    if f is None:
        return []
    c = ctx.calibration
    if f.similarity < c.similarity_limit:
        return [
            issue("unrelated", ctx.source, ctx.translation, (0, len(ctx.source)),
                  (0, len(ctx.translation)),
                  f"similarity {f.similarity:.3f} is below {c.similarity_limit:.3f}: the "
                  "translation may be another sentence")
        ]  # fmt: skip
    out: list[FaithIssue] = []
    if f.omission > c.omission_limit and len(ctx.vectors.source_spans) > 1:
        span = ctx.vectors.source_spans[f.omission_clause]
        out.append(issue("omission", ctx.source, ctx.translation, span, None,
                         f"this clause has no counterpart in the translation "
                         f"(gap {f.omission:.3f} > {c.omission_limit:.3f})", 0.7))  # fmt: skip
    if f.addition > c.addition_limit and len(ctx.vectors.translation_spans) > 1:
        span = ctx.vectors.translation_spans[f.addition_clause]
        out.append(issue("addition", ctx.source, ctx.translation, None, span,
                         f"this clause has no counterpart in the source "
                         f"(gap {f.addition:.3f} > {c.addition_limit:.3f})", 0.7))  # fmt: skip
    return out
