"""Name evidence as one calibrated score (session 18, fname18).

The name check (:func:`workbench.faithfulness.spans.detect_names`) and the meaning steps
(:mod:`workbench.faithfulness.namemeaning`) split English-name issues into strong and weak by
hand rules. This module reads, for each English-name issue, what those steps compute — how
near the name's romanised words come to any source word, to a capitalised one and to the
source names left unpaired; whether the name or a source name is certain; whether the word
lexicon renders a source word by the name; how much closer the name's clause comes to the
source with the name masked; the name's best cosine with an unpaired source name — and a
logistic model over them (:class:`workbench.faithfulness.base.CoverageModel`, fitted by
``benchmarks/faithfulness_bench.py --calibrate`` on the calibration half's references against
one ``swap_name`` copy per line, out of fold by document) decides: at or above the model's
limit the issue is strong (severity 1), below it weak (0.6). Measured first with
``benchmarks/name_signal_study.py`` (docs/faithfulness.md, *Session 18 (fname18)*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz

from workbench.errors import UserInputError
from workbench.faithfulness import spans as S
from workbench.faithfulness.base import ClauseVectors, CoverageModel, Vectors
from workbench.faithfulness.diffapi import BiLexicon, english_stem, fold
from workbench.faithfulness.namemeaning import (
    _clause_of,
    masked_clause,
    meaning_shift,
    source_candidates,
)
from workbench.types import FaithIssue

#: What the model reads of an English-name issue, in this order.
NAME_FEATURES = (
    "certain", "best_all", "best_cap", "best_left", "near", "n_unm", "certain_src",
    "rendered", "n_src_cap", "shift", "paircos", "strong_spelling",
)  # fmt: skip
#: The least probability of a word-lexicon rendering that counts for ``rendered``.
RENDER_P = 0.05
#: How the check reads names with the model (a field of the check's signature).
SIGNATURE = "name-model:" + "+".join(NAME_FEATURES)
_MEANING = "reads closer"


def english_issues(issues: Sequence[FaithIssue]) -> list[int]:
    """Indices of the English-name issues (a name issue with a translation span)."""
    return [
        i for i, f in enumerate(issues) if f.kind == "name" and f.translation_span is not None
    ]  # fmt: skip


def _best(parts: Sequence[str], words: Sequence[S._SourceWord]) -> float:
    """The best fuzzy ratio (0-1) of a romanised form of any of ``parts`` to the start of any
    key of ``words`` (0 with none)."""
    best = 0.0
    for p in parts:
        for variant in S._phonetic_forms(fold(p)):
            for w in words:
                for k in w.keys:
                    best = max(best, fuzz.ratio(variant, k[: len(variant) + 2]) / 100)
    return best


@dataclass(frozen=True)
class SourceSide:
    """What the name features read of a source line against its translation: its words, the
    spans of its names the translation leaves unpaired (and unmatched Latin words), the words in
    them (``left``), its capitalised words, whether an unpaired name is certainly one, and the
    English stems the word lexicon renders its words by (p >= :data:`RENDER_P`)."""

    words: Sequence[S._SourceWord]
    spans: list[tuple[int, int]]
    left: list[S._SourceWord]
    capital: list[S._SourceWord]
    certain_src: bool
    rendered: set[str]


def source_side(source: str, translation: str, src: str, bilex: BiLexicon) -> SourceSide:
    """:class:`SourceSide` of ``source`` (read once per line by the check and by
    ``benchmarks/name_signal_study.py``)."""
    words = S._source_words(source)
    unmatched = S.unmatched_source_names(source, translation, src, words)
    spans = [m.span(1) for m in unmatched] + S._unmatched_latin_words(source, translation)
    return SourceSide(
        words=words,
        spans=spans,
        left=[w for w in words if any(a <= w.start < b for a, b in spans)],
        capital=[w for w in words if w.capital],
        certain_src=any(
            S._certain_source_name(m.group(1), src, not source[: m.start(1)].strip(' «"“„('))
            for m in unmatched
        ),
        rendered={
            e for w in words for e, p in bilex.translations(src, w.text).items() if p >= RENDER_P
        },
    )


def spelling_values(
    source: str, translation: str, src: str, issues: Sequence[FaithIssue], bilex: BiLexicon
) -> dict[int, dict[str, float]]:
    """The spelling features of each English-name issue (by its index in ``issues``);
    ``shift`` and ``paircos`` are 0 until :func:`meaning_values` reads them."""
    todo = english_issues(issues)
    if not todo:
        return {}
    side = source_side(source, translation, src, bilex)
    words, spans, left, capital = side.words, side.spans, side.left, side.capital
    certain_src, rendered = side.certain_src, side.rendered
    mentions = {span: (parts, certain) for parts, span, certain in S._english_mentions(
        translation, institutions=True
    )}  # fmt: skip
    out = {}
    for i in todo:
        a, b = issues[i].translation_span or (0, 0)
        parts, certain = mentions.get((a, b), ([translation[a:b]], False))
        severity = issues[i].severity
        out[i] = {
            "certain": float(certain),
            "best_all": _best(parts, words),
            "best_cap": _best(parts, capital),
            "best_left": _best(parts, left),
            "near": float(any(S._near_spelling(p, w) for p in parts for w in left)),
            "n_unm": float(min(3, len(spans))),
            "certain_src": float(certain_src),
            "rendered": float(
                any(english_stem(p.lower()) in rendered or p.lower() in rendered for p in parts)
            ),
            "n_src_cap": float(min(5, len(capital))),
            "shift": 0.0,
            "paircos": 0.0,
            "strong_spelling": float(severity >= 1.0 and _MEANING not in issues[i].note),
        }
    return out


def meaning_texts(
    sources: Sequence[str], translations: Sequence[str], src: str,
    issues: Sequence[Sequence[FaithIssue]], vectors: Sequence[ClauseVectors | None],
) -> list[str]:  # fmt: skip
    """Every text :func:`meaning_values` embeds for these issues (the check prefetches them
    with the other name and negation texts, in one call)."""
    jobs = _jobs(sources, translations, src, issues, vectors)
    return [t for job in jobs for t in (job[2], job[3], *job[4]) if t]


def _jobs(
    sources: Sequence[str], translations: Sequence[str], src: str,
    issues: Sequence[Sequence[FaithIssue]], vectors: Sequence[ClauseVectors | None],
) -> list[tuple[int, int, str, str, tuple[str, ...]]]:  # fmt: skip
    """(pair, issue, name, masked clause or "", source candidates) per English-name issue."""
    out: list[tuple[int, int, str, str, tuple[str, ...]]] = []
    for p, (s, t, found, v) in enumerate(zip(sources, translations, issues, vectors, strict=True)):
        todo = english_issues(found)
        if not todo:
            continue
        candidates = tuple(source_candidates(s, t, src))
        for i in todo:
            a, b = found[i].translation_span or (0, 0)
            masked = ""
            if v is not None and v.translation.size and v.source.size:
                k = _clause_of(v.translation_spans, a)
                if k is not None:
                    masked = masked_clause(t, v.translation_spans[k], (a, b))
            out.append((p, i, t[a:b], masked, candidates))
    return out


def meaning_values(
    sources: Sequence[str], translations: Sequence[str], src: str,
    issues: Sequence[Sequence[FaithIssue]], vectors: Sequence[ClauseVectors | None],
    values: Sequence[dict[int, dict[str, float]]], embedder: Vectors,
) -> None:  # fmt: skip
    """Fill ``shift`` (the masked-clause shift of :func:`namemeaning.meaning_shift`) and
    ``paircos`` (the name's best cosine with an unpaired source name, alone and with the word
    after it: :func:`namemeaning.source_candidates`) of every English-name issue; one
    embedding call.

    Raises:
        UserInputError: when the sequences differ in length.
    """
    if not len(sources) == len(translations) == len(issues) == len(vectors) == len(values):
        raise UserInputError(
            f"{len(sources)} sources, {len(translations)} translations, {len(issues)} issue "
            f"lists, {len(vectors)} vector sets and {len(values)} value tables: give one of "
            "each per pair."
        )
    jobs = _jobs(sources, translations, src, issues, vectors)
    texts = list(dict.fromkeys(t for job in jobs for t in (job[2], job[3], *job[4]) if t))
    if not texts:
        return
    rows = dict(zip(texts, np.asarray(embedder.embed(texts), dtype=np.float32), strict=True))
    for p, i, name, masked, candidates in jobs:
        got = values[p].get(i)
        if got is None:
            continue
        v = vectors[p]
        if masked and v is not None and name:
            a = issues[p][i].translation_span or (0, 0)
            k = _clause_of(v.translation_spans, a[0])
            if k is not None:
                got["shift"] = meaning_shift(v, k, rows[masked])
        if candidates and name:
            got["paircos"] = max(float(rows[c] @ rows[name]) for c in candidates)


def grade(
    issues: Sequence[FaithIssue], values: dict[int, dict[str, float]], model: CoverageModel
) -> list[FaithIssue]:
    """``issues`` with each English-name issue strong (severity 1) when the model's log-odds
    reach its limit and weak (0.6) below it; other issues as they are."""
    out = list(issues)
    for i, v in values.items():
        z = model.logit(v)
        strong = z >= model.limit
        note = re.sub(r"; name score [-\d.]+.*$", "", out[i].note)
        out[i] = replace(
            out[i], severity=1.0 if strong else 0.6,
            note=note + f"; name score {z:.2f} (strong at {model.limit:.2f})",
        )  # fmt: skip
    return out
