"""Score any number of systems on several metrics, with optional significance tests.

Work is split by metric: each metric's job builds sacreBLEU's metric with the references,
extracts every system's statistics once, and derives from them the corpus score, the segment
scores and (optionally) the paired test against the first system. Jobs run in worker
processes when ``jobs`` allows it (the 2-core machines this runs on halve the time of a
bootstrap test this way), and always when a significance test is asked for, because sacreBLEU
takes its seed from the process environment.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, cast

from workbench.errors import MetricError, UserInputError
from workbench.score.metrics import DEFAULT_METRICS, METRICS, PairedMetric, metric_names
from workbench.score.significance import (
    AR_CONFIDENCE_RESAMPLES,
    DEFAULT_SEED,
    SIGNIFICANCE,
    Interval,
    bootstrap_interval,
    check_parameters,
    paired_test_with_baseline,
    seed_environment,
)
from workbench.types import MetricScore, SignificanceResult, SystemScores
from workbench.wording import count

log = logging.getLogger("workbench")

#: Most worker processes started by default (each may hold a few hundred MB while resampling).
_MAX_WORKERS = max(4, os.cpu_count() or 1)
# Rough relative cost of each metric's job, so the slowest start first.
_COST = {"chrf++": 5, "chrf": 4, "ter": 3, "bleu": 2}


@dataclass(frozen=True)
class _Job:
    metric: str
    names: tuple[str, ...]
    systems: tuple[tuple[str, ...], ...]
    references: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...] | None
    options: Mapping[str, Any]
    significance: str | None
    resamples: int | None
    seed: int
    confidence: int = 0

    @property
    def needs_seed(self) -> bool:
        """Whether the job resamples (and so needs ``SACREBLEU_SEED`` set in its process)."""
        return bool(self.significance or self.confidence)


def validate_inputs(
    systems: Sequence[tuple[str, Sequence[str]]], references: Sequence[Sequence[str]]
) -> None:
    """Check that there is something to score and that every stream has the same length.

    Raises:
        UserInputError: with one sentence naming the offending system or reference.
    """
    if not systems:
        raise UserInputError("No system output given; give at least one hypothesis file.")
    if not references:
        raise UserInputError("No reference given; give at least one reference file.")
    names = [name for name, _ in systems]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise UserInputError(f"System names must differ; {', '.join(dupes)} is used twice.")
    n = len(references[0])
    if n == 0:
        raise UserInputError("The reference has no segments; give a non-empty reference file.")
    for i, ref in enumerate(references[1:], start=2):
        if len(ref) != n:
            raise UserInputError(
                f"Reference {i} has {count(len(ref), 'segment')} but reference 1 has {n}; "
                "references must be line-aligned."
            )
    for name, hyps in systems:
        if len(hyps) != n:
            raise UserInputError(
                f"System {name!r} has {count(len(hyps), 'segment')} but the reference has {n}; "
                "they must be line-aligned (one segment per line)."
            )


def score_systems(
    systems: Sequence[tuple[str, Sequence[str]]] | Mapping[str, Sequence[str]],
    references: Sequence[Sequence[str]],
    *,
    metrics: str | Sequence[str] = DEFAULT_METRICS,
    sources: Sequence[str] | None = None,
    significance: str | None = None,
    resamples: int | None = None,
    seed: int = DEFAULT_SEED,
    jobs: int = 0,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    confidence: int = 0,
) -> list[SystemScores]:
    """Score systems against one or more references; the first system is the baseline.

    Args:
        systems: ``(name, segments)`` pairs or a name → segments mapping, in order.
        references: One or more reference streams, each line-aligned with the systems.
        metrics: Metric names (``bleu``, ``chrf``, ``chrf++``, ``ter``, ``comet``).
        sources: Source segments (needed by COMET only).
        significance: ``bootstrap``, ``ar`` or ``None``.
        resamples: Bootstrap resamples / AR trials (default: sacreBLEU's, 1000 / 10000).
        seed: Random seed of the test (sacreBLEU's default 12345); part of the signature.
        jobs: Worker processes (0: one per metric; 1: in-process unless a significance test
            needs a worker for its seed).
        options: Per-metric sacreBLEU options, e.g. ``{"bleu": {"tokenize": "intl"}}``.
        confidence: Bootstrap resamples for a 95% confidence interval of every system's score
            (``sacrebleu --confidence``; 0: none). With a significance test every system,
            the baseline included, gets the test's intervals anyway.

    Returns:
        One :class:`SystemScores` per system, in order; all but the first carry significance
        results when a test was asked for. Scores of metrics that declare
        ``supports_significance`` carry ``ci_low``/``ci_high`` when a test or ``confidence``
        was asked for.
    """
    pairs = list(systems.items()) if isinstance(systems, Mapping) else list(systems)
    validate_inputs(pairs, references)
    if jobs < 0:  # was taken as one worker without a word
        raise UserInputError(f"--jobs must be 0 (one process per metric) or more, not {jobs}.")
    names = metric_names(metrics)
    if confidence:
        check_parameters(confidence, seed)
    if significance is not None:
        method = SIGNIFICANCE.get(significance)
        check_parameters(resamples or method.default_resamples, seed)
        if len(pairs) < 2:
            raise UserInputError(
                "A significance test needs at least two systems; the first is the baseline."
            )
    built = [
        _Job(
            metric=name,
            names=tuple(n for n, _ in pairs),
            systems=tuple(tuple(h) for _, h in pairs),
            references=tuple(tuple(r) for r in references),
            sources=tuple(sources) if sources is not None else None,
            options=dict((options or {}).get(name, {})),
            significance=significance if METRICS.get(name).supports_significance else None,
            resamples=resamples,
            seed=seed,
            confidence=confidence if METRICS.get(name).supports_significance else 0,
        )
        for name in names
    ]
    try:
        results = _run(built, jobs, seed)
    except MemoryError as err:
        # sacreBLEU resamples every segment's statistics at once: many resamples of a long
        # test set can exceed the memory (a traceback, with nothing said of what to change)
        n = resamples if significance else confidence
        times = f" {n:,} times" if n else ""
        raise MetricError(
            f"Not enough memory to resample {count(len(references[0]), 'segment')}{times}; "
            "give a smaller --resamples."
        ) from err
    return _collect(pairs, names, results)


def _run(
    jobs_list: list[_Job], jobs: int, seed: int
) -> dict[str, tuple[list[MetricScore], list[SignificanceResult]]]:
    """Run metric jobs in-process or in a pool of worker processes."""
    parallel = [j for j in jobs_list if METRICS.get(j.metric).supports_workers]
    local = [j for j in jobs_list if j not in parallel]
    # One process per metric by default, even beyond the number of cores: three jobs of
    # unequal length (chrF > TER > BLEU) on two cores finish sooner time-shared than packed
    # two-and-one, and on a busy machine each process gets its own share of the CPUs.
    workers = jobs or min(len(parallel), _MAX_WORKERS)
    needs_seed = any(j.needs_seed for j in parallel)
    if any(j.needs_seed for j in local):
        raise MetricError(
            "A metric that resamples must run in a worker process (declare supports_workers)."
        )
    results = {j.metric: _evaluate(j) for j in local}
    if parallel and (workers > 1 or needs_seed):
        import sacrebleu.metrics
        import sacrebleu.significance  # noqa: F401  (loaded once, inherited by forked workers)

        ordered = sorted(parallel, key=lambda j: -_COST.get(j.metric, 1))
        with ProcessPoolExecutor(
            max_workers=max(1, min(workers, len(ordered))),
            mp_context=_context(),
            initializer=seed_environment,
            initargs=(seed,),
        ) as pool:
            futures = {j.metric: pool.submit(_evaluate, j) for j in ordered}
            results.update({name: f.result() for name, f in futures.items()})
    else:
        results.update({j.metric: _evaluate(j) for j in parallel})
    return results


def _context() -> Any:
    """``fork`` in a single-threaded process (cheap, shares loaded modules); ``forkserver``
    when other threads run (a UI server: forking them could copy a held lock); else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _evaluate(job: _Job) -> tuple[list[MetricScore], list[SignificanceResult]]:
    """One metric's job: scores of every system and, if asked, the paired test and the
    bootstrap interval of every system."""
    metric = METRICS.get(job.metric)
    if not metric.supports_significance:
        return metric.score(job.systems, job.references, job.sources, job.options), []
    paired = cast(PairedMetric, metric)
    sacre = paired.create(job.references, job.options)
    sentence = paired.create_sentence(job.options)
    hyps = [list(h) for h in job.systems]
    stats = [paired.statistics(sacre, h) for h in hyps]
    scores = [paired.from_statistics(sacre, sentence, s) for s in stats]
    tests: list[SignificanceResult] = []
    intervals: list[Interval | None] = [None] * len(hyps)
    n_ci = job.confidence
    if job.significance:
        base, tests = paired_test_with_baseline(
            job.metric,
            sacre,
            list(zip(job.names, hyps, strict=True)),
            stats,
            method=job.significance,
            resamples=job.resamples,
            seed=job.seed,
        )
        intervals = [base, *[(t.mean, t.ci_low, t.ci_high) for t in tests]]
        spec = SIGNIFICANCE.get(job.significance)
        n_ci = (
            AR_CONFIDENCE_RESAMPLES
            if spec.test_type == "ar"
            else job.resamples or spec.default_resamples
        )
    elif job.confidence:
        intervals = [bootstrap_interval(sacre, st, job.confidence, job.seed) for st in stats]
    low, high = paired.score_range
    scores = [
        replace(
            score,
            ci_low=max(iv[1], low),
            ci_high=iv[2] if high is None else min(iv[2], high),
            ci_resamples=n_ci,
        )
        if iv
        else score
        for score, iv in zip(scores, intervals, strict=True)
    ]
    tests = [
        replace(t, baseline_score=scores[0].score, higher_is_better=metric.higher_is_better)
        for t in tests
    ]
    return scores, tests


def _collect(
    pairs: list[tuple[str, Sequence[str]]],
    names: list[str],
    results: Mapping[str, tuple[list[MetricScore], list[SignificanceResult]]],
) -> list[SystemScores]:
    if any(len(results[m][0]) != len(pairs) for m in names):
        raise MetricError("A metric returned a different number of scores than systems.")
    out: list[SystemScores] = []
    for i, (system, _) in enumerate(pairs):
        scores = tuple(results[m][0][i] for m in names)
        tests = tuple(t for m in names for t in results[m][1] if t.system == system)
        out.append(SystemScores(name=system, scores=scores, significance=tests))
    return out
