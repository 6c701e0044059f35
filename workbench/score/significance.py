"""Paired significance tests of every system against a baseline, by sacreBLEU's ``PairedTest``.

``bootstrap`` is paired bootstrap resampling (Koehn 2004, as sacreBLEU's ``--paired-bs``) and
``ar`` approximate randomization (Riezler & Maxwell 2005, as ``--paired-ar``). Both run inside
``sacrebleu.significance.PairedTest``; this module only feeds it statistics the caller already
extracted (so nothing is computed twice) and turns its results into
:class:`~workbench.types.SignificanceResult` objects.

sacreBLEU reads its random seed from the ``SACREBLEU_SEED`` environment variable. The seed is a
parameter here, so :func:`paired_test` must run in a process of its own (see
:func:`workbench.score.systems.score_systems`, which runs it in worker processes whose
environment it sets); :func:`seed_environment` is the worker initializer that does so.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.errors import MetricError
from workbench.registry import Registry
from workbench.types import SignificanceResult


@dataclass(frozen=True)
class SignificanceMethod:
    """A paired test of sacreBLEU.

    Attributes:
        name: Workbench name (``bootstrap``, ``ar``).
        test_type: sacreBLEU's ``PairedTest`` test type (``bs``, ``ar``).
        default_resamples: sacreBLEU's default number of resamples / trials.
        description: One line for users.
    """

    name: str
    test_type: str
    default_resamples: int
    description: str


#: The significance tests, by name.
SIGNIFICANCE: Registry[SignificanceMethod] = Registry("significance test")
SIGNIFICANCE.add(
    "bootstrap",
    SignificanceMethod("bootstrap", "bs", 1000, "paired bootstrap resampling"),
)
SIGNIFICANCE.add(
    "ar",
    SignificanceMethod("ar", "ar", 10000, "paired approximate randomization"),
)

#: sacreBLEU's default seed (``SACREBLEU_SEED``).
DEFAULT_SEED = 12345
#: Bootstrap resamples used for the confidence interval of an approximate randomization test.
AR_CONFIDENCE_RESAMPLES = 1000


def seed_environment(seed: int) -> None:
    """Prepare a worker process: set sacreBLEU's seed, keep its progress chatter (INFO lines
    such as "Computing BLEU for ...") out of the user's terminal."""
    os.environ["SACREBLEU_SEED"] = str(seed)
    if not logging.getLogger("workbench").isEnabledFor(logging.DEBUG):
        logging.getLogger("sacrebleu").setLevel(logging.WARNING)


#: The most resamples / AR trials a test takes: 100 times sacreBLEU's default bootstrap, 10
#: times its AR trials. sacreBLEU draws every bootstrap resample at once (resamples ×
#: segments indices, and their statistics): ``--resamples 99999999999`` was a traceback about
#: allocating 1.46 TiB (review18).
MAX_RESAMPLES = 100_000


def check_parameters(resamples: int, seed: int) -> None:
    """Reject parameters sacreBLEU would silently change, or could not run.

    Raises:
        MetricError: for fewer than one resample or more than :data:`MAX_RESAMPLES`, or seed 0
            (sacreBLEU treats 0 as unseeded).
    """
    if resamples < 1:
        raise MetricError(f"--resamples must be at least 1, not {resamples}.")
    if resamples > MAX_RESAMPLES:
        raise MetricError(
            f"--resamples must be at most {MAX_RESAMPLES:,}, not {resamples:,} (sacreBLEU's "
            "defaults are 1,000 bootstrap resamples and 10,000 AR trials)."
        )
    if seed < 1:
        raise MetricError(
            f"--seed must be a positive whole number, not {seed} "
            "(sacreBLEU treats 0 as 'no seed', which would make results unrepeatable)."
        )


class _KnownStatistics:
    """A sacreBLEU metric whose statistics for given hypothesis lists are already known.

    ``PairedTest`` calls ``metric._extract_corpus_statistics(hyps, refs)`` for every system;
    this proxy answers from the statistics the caller extracted for exactly those list
    objects and delegates everything else to the real sacreBLEU metric.
    """

    def __init__(self, metric: Any, known: dict[int, list[list[float]]]) -> None:
        self._metric = metric
        self._known = known

    def _extract_corpus_statistics(self, hypotheses: Any, references: Any) -> Any:
        stats = self._known.get(id(hypotheses))
        if stats is None:
            return self._metric._extract_corpus_statistics(hypotheses, references)
        return stats

    def __getattr__(self, name: str) -> Any:
        return getattr(self._metric, name)


#: A bootstrap interval: ``(mean, low, high)`` of the resampled scores (95%).
Interval = tuple[float, float, float]


def bootstrap_interval(
    metric: Any, stats: list[list[float]], resamples: int, seed: int
) -> Interval:
    """95% bootstrap confidence interval of one system's score, as ``sacrebleu --confidence``.

    Runs sacreBLEU's own ``_bootstrap_resample`` and ``estimate_ci`` on statistics the caller
    already extracted; the interval is the resampled mean ± sacreBLEU's half-width.

    Raises:
        MetricError: for bad parameters, or when this process's ``SACREBLEU_SEED`` differs.
    """
    import numpy as np
    from sacrebleu.significance import _bootstrap_resample, estimate_ci

    check_parameters(resamples, seed)
    if os.environ.get("SACREBLEU_SEED") != str(seed):
        raise MetricError(f"sacreBLEU's seed is not set to {seed} in this process.")
    _, scores = _bootstrap_resample(stats, metric, resamples)
    mean, half = estimate_ci(np.array([x.score for x in scores]))
    return float(mean), float(mean - half), float(mean + half)


def paired_test(
    metric_name: str,
    metric: Any,
    systems: Sequence[tuple[str, list[str]]],
    statistics: Sequence[list[list[float]]],
    *,
    method: str = "bootstrap",
    resamples: int | None = None,
    seed: int = DEFAULT_SEED,
) -> list[SignificanceResult]:
    """Compare every system after the first (the baseline) with it on one metric.

    See :func:`paired_test_with_baseline`; this returns only the comparisons.
    """
    return paired_test_with_baseline(
        metric_name, metric, systems, statistics, method=method, resamples=resamples, seed=seed
    )[1]


def paired_test_with_baseline(
    metric_name: str,
    metric: Any,
    systems: Sequence[tuple[str, list[str]]],
    statistics: Sequence[list[list[float]]],
    *,
    method: str = "bootstrap",
    resamples: int | None = None,
    seed: int = DEFAULT_SEED,
) -> tuple[Interval | None, list[SignificanceResult]]:
    """Compare every system after the first (the baseline) with it on one metric.

    Args:
        metric_name: Workbench metric name, stored in the results.
        metric: sacreBLEU metric object with cached references.
        systems: ``(name, hypotheses)`` pairs; the first is the baseline.
        statistics: sacreBLEU statistics of each system, in the same order.
        method: ``bootstrap`` or ``ar``.
        resamples: Bootstrap resamples or AR trials (sacreBLEU's defaults 1000 / 10000).
        seed: Must equal ``SACREBLEU_SEED`` of this process (see :func:`seed_environment`).

    Returns:
        The baseline's own bootstrap interval (which ``PairedTest`` computes anyway; ``None``
        if it did not) and one result per non-baseline system, with p-value, bootstrap mean
        and 95% interval (mean ± sacreBLEU's half-width) and the test's signature.
    """
    from sacrebleu.significance import PairedTest

    spec = SIGNIFICANCE.get(method)
    n = spec.default_resamples if resamples is None else resamples
    check_parameters(n, seed)
    if len(systems) < 2:
        raise MetricError("A significance test needs at least two systems (a baseline and one).")
    if os.environ.get("SACREBLEU_SEED") != str(seed):
        raise MetricError(f"sacreBLEU's seed is not set to {seed} in this process.")
    known = {id(hyps): stats for (_, hyps), stats in zip(systems, statistics, strict=True)}
    metrics: dict[str, Any] = {metric_name: _KnownStatistics(metric, known)}
    test = PairedTest(
        [(name, hyps) for name, hyps in systems],
        metrics,
        references=None,
        test_type=spec.test_type,
        n_samples=n,
        n_ar_confidence=AR_CONFIDENCE_RESAMPLES if spec.test_type == "ar" else -1,
        n_jobs=1,
    )
    signatures, table = test()
    (score_name,) = signatures
    signature = f"{score_name}|{signatures[score_name].format()}"
    base: Any = table[score_name][0]
    interval: Interval | None = None
    if base.mean is not None and base.ci is not None:
        interval = (float(base.mean), float(base.mean - base.ci), float(base.mean + base.ci))
    return interval, [
        _result(metric_name, name, systems[0][0], spec, n, seed, result, signature)
        for name, result in zip(table["System"][1:], table[score_name][1:], strict=True)
    ]


def _result(
    metric_name: str,
    system: Any,
    baseline: str,
    spec: SignificanceMethod,
    resamples: int,
    seed: int,
    result: Any,
    signature: str,
) -> SignificanceResult:
    mean = float(result.mean) if result.mean is not None else math.nan
    half = float(result.ci) if result.ci is not None else math.nan
    return SignificanceResult(
        metric=metric_name,
        system=str(system),
        baseline=baseline,
        method=spec.name,
        p_value=float(result.p_value),
        mean=mean,
        ci_low=mean - half,
        ci_high=mean + half,
        resamples=resamples,
        seed=seed,
        score=float(result.score),
        signature=signature,
    )
