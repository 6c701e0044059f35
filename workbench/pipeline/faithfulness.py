"""Faithfulness checks: each translation against its own source sentence, no reference.

The CLI (``workbench check``), the UI (Translate flags per engine, Evaluate column) and compare
(an audit of supplied translations) call :func:`check_translations`; it supplies the bundled
embedder (align stage, cached) to the faithfulness stage, which never imports align itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from workbench.align import DEFAULT_EMBEDDER, Embedder, create_embedder
from workbench.engines.base import ProgressFn
from workbench.faithfulness import (
    DETECTOR_ORDER,
    MAX_CHARS,
    Calibration,
    check_pairs,
    create_estimator,
    load_calibration,
)
from workbench.faithfulness.diffapi import Lexicon, load_lexicon
from workbench.pipeline.progress import embedder_with_progress
from workbench.settings import Settings
from workbench.types import FaithResult


def check_translations(
    sources: Sequence[str],
    translations: Sequence[str],
    src: str,
    *,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    use_embedder: bool = True,
    lexicon: Lexicon | None = None,
    calibration: Calibration | None = None,
    estimators: Sequence[str] = (),
    detectors: Sequence[str] = DETECTOR_ORDER,
    progress: ProgressFn | None = None,
) -> list[FaithResult]:
    """Check (source sentence, translation) pairs; one result per pair, in input order.

    Args:
        sources: kk/ky/ru sentences (blank lines allowed and kept).
        translations: One English translation per source line.
        src: Source language (``kk``, ``ky``, ``ru``).
        settings: Resolved settings (embedding cache, threads, offline).
        embedder: Sentence embedder for coverage (default: the bundled e5-small, cached).
        use_embedder: False skips coverage (span and surface checks only; fast).
        lexicon: Framing lexicon (default: the shipped one).
        calibration: Thresholds (default: the shipped calibration).
        estimators: Names of model-based estimators to add (``cometkiwi``, ``xcomet``,
            ``metricx-qe``); an unavailable one raises with one sentence saying why.
        detectors: Detector names to run.
        progress: ``progress(done, total)`` over the texts the bundled embedder actually
            embeds (cache hits are not counted; :mod:`workbench.pipeline.progress`), for
            ``workbench check``'s bar. Not used with an ``embedder`` of the caller's.

    Raises:
        UserInputError: unequal lengths, unknown language, non-text or over-long input.
        EstimatorUnavailable: an asked-for estimator is not installed or not reachable.
    """
    emb = None
    if use_embedder and "coverage" in detectors:
        emb = embedder or embedder_with_progress(DEFAULT_EMBEDDER, settings, progress)
    return check_pairs(
        sources,
        translations,
        src,
        embedder=emb,
        lexicon=lexicon or load_lexicon(),
        calibration=calibration or load_calibration(),
        detectors=detectors,
        estimators=[create_estimator(n, settings) for n in estimators],
    )


def too_long_to_check(source: str, translation: str) -> bool:
    """Whether a pair is longer on either side than the check reads (:data:`MAX_CHARS`).

    Compare's audit of supplied translations leaves such a statement line unchecked, and says
    so before the work (:func:`workbench.pipeline.inputs.unaudited_notice`): a statement
    paragraph of 5,247 characters ended the whole comparison, after the alignment, with the
    check's own "source line 1 has 5247 characters (limit 5000)" (review23's walk).
    """
    return len(source) > MAX_CHARS or len(translation) > MAX_CHARS


def source_language(sources: Sequence[str]) -> str | None:
    """The kk/ky/ru language the source lines are written in, by language ID (None if none)."""
    from workbench.langid import detect
    from workbench.types import SOURCE_LANGUAGES

    sample = " ".join(s for s in sources[:50] if s.strip())
    if not sample:
        return None
    guess = detect(sample)
    return guess.language if guess.language in SOURCE_LANGUAGES else None


def render(results: Sequence[FaithResult], fmt: str) -> str:
    """Results as ``jsonl`` or ``html`` (see :data:`FORMATS`).

    Raises:
        UnknownNameError: for another format.
    """
    from workbench.errors import UnknownNameError
    from workbench.export.faithfulness_report import FAITH_FORMATS

    if fmt not in FAITH_FORMATS:
        raise UnknownNameError(f"Unknown format {fmt!r}; available: {', '.join(FAITH_FORMATS)}.")
    return FAITH_FORMATS[fmt](results)


#: Output formats of :func:`render`.
FORMATS: tuple[str, ...] = ("jsonl", "html")


def marked_translation(result: FaithResult) -> str:
    """The translation as escaped HTML with every issue span marked ``<mark class="k-KIND">``."""
    from workbench.export.faithfulness_report import highlight, issue_spans

    return highlight(result.translation, issue_spans(result.issues, "translation"))


def kind_css() -> str:
    """The CSS that colours ``mark.k-KIND`` (one colour table for every renderer)."""
    from workbench.export.faithfulness_report import mark_css

    return mark_css()


@lru_cache(maxsize=1)
def shared_embedder() -> Embedder:
    """One default embedder (cached vectors) for interactive checks, loaded once per process."""
    return create_embedder(DEFAULT_EMBEDDER)
