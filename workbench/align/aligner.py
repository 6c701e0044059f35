"""Order-free, many-to-many alignment of statement sentences to report sentences.

Monotonic aligners (vecalign, hunalign, Bleualign, Bertalign) assume a translation in roughly the
same order. A news report reorders, paraphrases, omits and adds, so this aligner makes no
assumption about order:

1. **Embed** every distinct sentence once (statement originals, their supplied English
   translations, report sentences) with a multilingual embedder.
2. **Similarity**: cosine of each statement with each report sentence. When a statement has a
   supplied English translation, its row is the element-wise maximum of the cross-lingual
   similarity (original ↔ report) and the English–English similarity (translation ↔ report):
   whichever view recognises the retelling better wins, and neither can hide a match.
3. **Margin** (Artetxe & Schwenk 2019, "ratio margin"): each cosine is divided by the mean of
   the average similarity of the statement to its ``k`` nearest report sentences and of the
   report sentence to its ``k`` nearest statements. A true retelling stands out from its
   neighbourhood; a merely on-topic sentence does not. When a side has fewer than ``k``
   sentences the missing neighbours count as ``prior`` (the typical cosine of unrelated
   sentences for this embedder), so that one sentence against one sentence still works.
4. **Links**: every report sentence is linked to its best statement when the margin reaches
   ``threshold`` and the cosine reaches ``floor``; it is also linked to further statements whose
   margin reaches ``secondary`` (a report sentence that retells two statements at once).
   Several report sentences may link to one statement (one-to-many) and one report sentence to
   several statements (many-to-one), in any order. Statements no report sentence links to and
   report sentences linked to nothing are returned as leftovers.

Cost: embedding is O(n + m) model calls for n statements and m report sentences (about 100
sentences per second with the default embedder on one core) and is cached per sentence; the
similarity and margin matrices are O(n·m) floats and numpy work, a few milliseconds for
documents of hundreds of sentences and about 0.4 GB at n = m = 10,000. Beyond that, align
document by document (as the pipeline does) rather than case-wide.

The constants are calibrated per embedder on FLORES-200 dev (see :data:`CALIBRATIONS` and
``docs/align.md``) and measured on NTREX-128, so reported figures are not on tuning data.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from workbench import __version__
from workbench.align.embedders import Embedder
from workbench.errors import UserInputError
from workbench.types import Alignment, Comparison, ReportRef, StatementRef

log = logging.getLogger("workbench")

#: Name of the alignment method in signatures.
METHOD = "margin-ratio"


@dataclass(frozen=True)
class AlignParams:
    """Constants of the aligner, calibrated per embedder.

    Attributes:
        threshold: Least ratio margin for a report sentence's best statement.
        floor: Least cosine for any link, whatever the margin.
        secondary: Least ratio margin for further statements of the same report sentence.
        prior: Cosine assumed for missing neighbours when a side has fewer than ``k`` sentences.
        k: Neighbourhood size of the margin.
        source: How the constants were derived (goes into no signature; for docs and logs).
    """

    threshold: float
    floor: float
    secondary: float
    prior: float
    k: int = 4
    source: str = ""

    def signature_fields(self) -> str:
        """``thr:…|floor:…|sec:…|prior:…|k:…`` for the alignment signature."""
        return (
            f"thr:{self.threshold:.3f}|floor:{self.floor:.3f}|sec:{self.secondary:.3f}|"
            f"prior:{self.prior:.3f}|k:{self.k}"
        )


#: Calibrated constants by embedder name. Re-derive with
#: ``python benchmarks/align_bench.py --calibrate --embedder NAME`` (FLORES-200 dev).
CALIBRATIONS: dict[str, AlignParams] = {
    "e5-small": AlignParams(
        threshold=1.032,
        floor=0.80,
        secondary=1.06,
        prior=0.75,
        k=4,
        source="placeholder before calibration",
    ),
}


def params_for(embedder: Embedder, threshold: float | None = None) -> AlignParams:
    """The calibrated constants for ``embedder``, with ``threshold`` overriding the margin.

    An embedder without its own calibration gets the default embedder's constants and a
    warning, since margins of different models are on different scales.
    """
    params = CALIBRATIONS.get(embedder.name)
    if params is None:
        log.warning(
            "No alignment calibration for embedder %r; using e5-small's constants. Run "
            "benchmarks/align_bench.py --calibrate --embedder %s, or pass a threshold.",
            embedder.name,
            embedder.name,
        )
        params = CALIBRATIONS["e5-small"]
    return with_threshold(params, threshold)


def with_threshold(params: AlignParams, threshold: float | None) -> AlignParams:
    """``params`` with the margin threshold replaced (``None`` keeps it).

    Raises:
        UserInputError: for a threshold outside (0, 10).
    """
    if threshold is None:
        return params
    if not 0 < threshold < 10:
        raise UserInputError(f"alignment threshold must be between 0 and 10, not {threshold}.")
    return replace(params, threshold=threshold, secondary=max(params.secondary, threshold))


def similarity(
    statements: Sequence[StatementRef], reports: Sequence[ReportRef], embedder: Embedder
) -> np.ndarray:
    """Cosine similarities, statements × reports; rows with a translation take the max view.

    All texts go to the embedder in one call, so a caching embedder reads its cache in bulk.
    """
    originals = [s.text for s in statements]
    translations = [s.translation or "" for s in statements]
    has_tr = [bool(t.strip()) for t in translations]
    given = [t for t, h in zip(translations, has_tr, strict=True) if h]
    texts = list(dict.fromkeys(originals + given + [r.text for r in reports]))
    vectors = embedder.embed(texts)
    row = {t: i for i, t in enumerate(texts)}
    x = vectors[[row[t] for t in originals]]
    y = vectors[[row[r.text] for r in reports]]
    sims = x @ y.T
    for i, (t, h) in enumerate(zip(translations, has_tr, strict=True)):
        if h:
            sims[i] = np.maximum(sims[i], y @ vectors[row[t]])
    return np.asarray(sims, dtype=np.float32)


def ratio_margin(sims: np.ndarray, k: int, prior: float) -> np.ndarray:
    """Artetxe & Schwenk's ratio margin, with ``prior`` standing in for missing neighbours.

    Args:
        sims: Cosines, n × m (both non-zero).
        k: Neighbourhood size.
        prior: Cosine assumed for each of the ``k - available`` missing neighbours.
    """
    n, m = sims.shape
    kr, kc = min(k, m), min(k, n)
    row_nn = (np.sort(sims, axis=1)[:, m - kr :].sum(axis=1) + prior * (k - kr)) / k
    col_nn = (np.sort(sims, axis=0)[n - kc :, :].sum(axis=0) + prior * (k - kc)) / k
    denom = (row_nn[:, None] + col_nn[None, :]) / 2
    return np.asarray(sims / np.maximum(denom, 1e-6), dtype=np.float32)


def link(sims: np.ndarray, margins: np.ndarray, params: AlignParams) -> list[tuple[int, int]]:
    """(statement row, report column) links under ``params``; see the module docstring."""
    links: list[tuple[int, int]] = []
    for j in range(sims.shape[1]):
        best = int(np.argmax(margins[:, j]))
        if margins[best, j] < params.threshold or sims[best, j] < params.floor:
            continue
        links.append((best, j))
        for i in np.flatnonzero(margins[:, j] >= params.secondary):
            if int(i) != best and sims[i, j] >= params.floor:
                links.append((int(i), j))
    return links


def signature(embedder: Embedder, params: AlignParams) -> str:
    """``align:margin-ratio|thr:…|…|emb:…|version:…`` — how a comparison was aligned."""
    return f"align:{METHOD}|{params.signature_fields()}|{embedder.signature}|version:{__version__}"


def align(
    statements: Sequence[StatementRef],
    reports: Sequence[ReportRef],
    embedder: Embedder,
    *,
    threshold: float | None = None,
    params: AlignParams | None = None,
) -> Comparison:
    """Line statement sentences up against report sentences, in any order, many-to-many.

    Args:
        statements: Statement sentences (kk/ky/ru), each with an optional English translation.
        reports: English report sentences.
        embedder: Any :class:`~workbench.align.embedders.Embedder` (wrap it in a
            :class:`~workbench.align.cache.CachingEmbedder` to embed each sentence once).
        threshold: Least ratio margin for a link; ``None`` uses the calibrated value.
        params: All constants at once (overrides the calibration; ``threshold`` still applies).

    Returns:
        A :class:`~workbench.types.Comparison` with one alignment per retold statement (in
        statement order, report sentences in report order, ``differences`` empty), the
        statements nobody retells, the report sentences with no counterpart, and a signature.
        Blank sentences are never aligned; they are returned as leftovers.
    """
    chosen = with_threshold(params, threshold) if params else params_for(embedder, threshold)
    keep_s = [
        p for p, s in enumerate(statements) if s.text.strip() or (s.translation or "").strip()
    ]
    keep_r = [p for p, r in enumerate(reports) if r.text.strip()]
    links: list[tuple[int, int]] = []
    margins = np.zeros((0, 0), dtype=np.float32)
    if keep_s and keep_r:
        sims = similarity([statements[p] for p in keep_s], [reports[p] for p in keep_r], embedder)
        margins = ratio_margin(sims, chosen.k, chosen.prior)
        links = link(sims, margins, chosen)
    by_statement: dict[int, list[int]] = {}
    for i, j in links:
        by_statement.setdefault(i, []).append(j)
    alignments = tuple(
        Alignment(
            statement=statements[keep_s[i]],
            reports=tuple(reports[keep_r[j]] for j in sorted(set(js))),
            score=round(max(float(margins[i, j]) for j in js), 4),
        )
        for i, js in sorted(by_statement.items())
    )
    linked_s = {keep_s[i] for i, _ in links}
    linked_r = {keep_r[j] for _, j in links}
    return Comparison(
        signature=signature(embedder, chosen),
        alignments=alignments,
        unmatched_statements=tuple(s for p, s in enumerate(statements) if p not in linked_s),
        unmatched_reports=tuple(r for p, r in enumerate(reports) if p not in linked_r),
    )
