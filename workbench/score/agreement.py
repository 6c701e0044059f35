"""Per-system averages of human judgments and agreement between annotators.

Which statistic where:
* Direct assessment (0–100, interval scale): Pearson's r and Spearman's ρ for every pair of
  annotators over the items both judged, and Krippendorff's alpha with the interval distance
  over all annotators (it allows any number of annotators and missing judgments).
* MQM error spans: Cohen's kappa for every pair of annotators on the most severe error each
  marked on an item (``none`` < ``minor`` < ``major`` < ``critical``), over items both judged.
  Kappa is computed on the nominal labels (it ignores how far apart two severities are).

Every agreement statistic needs at least :data:`MIN_SHARED_ITEMS` items judged by both sides;
with fewer it is ``None`` ("undefined") and the item count is reported beside it, never a
made-up 0.

Per system: mean raw DA (or ESA) score with a 95% bootstrap interval, mean DA z-scored per
annotator (as WMT does, so harsh and lenient annotators weigh the same), the MQM penalty per
segment (minor 1, major 5, critical 10) over the judgments that mark error spans (MQM, ESA;
undefined for a DA-only system, not 0) and error counts by severity and by category.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from workbench.score.judgments import SEVERITIES
from workbench.score.protocols import PROTOCOLS, protocol_of
from workbench.types import Judgment

#: Severity labels in order, ``none`` for an item judged without errors.
SEVERITY_LABELS: tuple[str, ...] = ("none", *SEVERITIES)
#: Fewest items two annotators must share for an agreement statistic to be defined.
MIN_SHARED_ITEMS = 2
#: Bootstrap resamples and seed of the interval around a system's mean human score.
MEAN_RESAMPLES = 1000
MEAN_SEED = 12345


@dataclass(frozen=True)
class SystemHumanScores:
    """Human judgments of one system, averaged."""

    system: str
    judgments: int
    da_judgments: int
    da_mean: float | None
    da_z_mean: float | None
    #: Penalty per segment over the judgments that mark error spans (MQM, ESA, or any with
    #: errors); ``None`` when there are none, e.g. a DA-only campaign ("no errors" it is not).
    mqm_per_segment: float | None
    errors_by_severity: tuple[tuple[str, int], ...]
    signatures: tuple[str, ...]
    da_ci_low: float | None = None
    da_ci_high: float | None = None
    errors_by_category: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True)
class PairAgreement:
    """Agreement of two annotators over the items both judged."""

    annotator_a: str
    annotator_b: str
    items: int
    da_items: int
    pearson: float | None
    spearman: float | None
    kappa_severity: float | None


@dataclass(frozen=True)
class Agreement:
    """Agreement among all annotators."""

    annotators: tuple[str, ...]
    pairs: tuple[PairAgreement, ...]
    krippendorff_alpha_da: float | None
    alpha_items: int


def worst_severity(judgment: Judgment) -> str:
    """The most severe error of a judgment (``none`` when it marks no error)."""
    ranks = [SEVERITY_LABELS.index(e.severity) for e in judgment.errors]
    return SEVERITY_LABELS[max(ranks, default=0)]


def mqm_penalty(judgment: Judgment, weights: Mapping[str, float] = SEVERITIES) -> float:
    """Sum of severity weights of a judgment's error spans."""
    return float(sum(weights.get(e.severity, 0.0) for e in judgment.errors))


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's r; ``None`` with fewer than two pairs or a constant side."""
    if len(x) != len(y) or len(x) < 2:
        return None
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties given their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's ρ (Pearson's r of the ranks)."""
    return pearson(ranks(x), ranks(y)) if len(x) == len(y) else None


def mean_interval(
    values: Sequence[float], resamples: int = MEAN_RESAMPLES, seed: int = MEAN_SEED
) -> tuple[float, float] | None:
    """95% percentile-bootstrap interval of the mean (``None`` with fewer than two values).

    The seed is fixed, so the same judgments always give the same interval.
    """
    if len(values) < 2:
        return None
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(rng.choices(values, k=n)) / n for _ in range(resamples))
    low = means[int(0.025 * resamples)]
    high = means[min(resamples - 1, int(0.975 * resamples))]
    return low, high


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa of two annotators' nominal labels; ``None`` if undefined (fewer than
    :data:`MIN_SHARED_ITEMS` items, or chance agreement of 1)."""
    if len(a) != len(b) or len(a) < MIN_SHARED_ITEMS:
        return None
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_interval(units: Mapping[str, Mapping[str, float]]) -> float | None:
    """Krippendorff's alpha, interval distance, from ``item -> annotator -> value``.

    Items judged by fewer than two annotators do not count (they carry no agreement); with
    fewer than :data:`MIN_SHARED_ITEMS` such items alpha is undefined (``None``): one item's
    values alone make alpha 0 whatever they are. Uses the coincidence-matrix form:
    ``alpha = 1 - D_o / D_e``.
    """
    pairable = [list(v.values()) for v in units.values() if len(v) >= 2]
    n = sum(len(v) for v in pairable)
    if len(pairable) < MIN_SHARED_ITEMS or n < 2:
        return None
    observed = 0.0
    for values in pairable:
        m = len(values)
        observed += sum((a - b) ** 2 for a in values for b in values) / (m - 1)
    observed /= n
    pooled = [x for v in pairable for x in v]
    expected = sum((a - b) ** 2 for a in pooled for b in pooled) / (n * (n - 1))
    if expected == 0:
        return None
    return 1 - observed / expected


def _z_scores(judgments: Sequence[Judgment]) -> dict[int, float]:
    """DA z-score of each judgment (by list index), standardised per annotator."""
    by_annotator: dict[str, list[int]] = defaultdict(list)
    for i, j in enumerate(judgments):
        if j.score is not None:
            by_annotator[j.annotator].append(i)
    out: dict[int, float] = {}
    for idx in by_annotator.values():
        scores = [float(judgments[i].score or 0.0) for i in idx]
        mean = sum(scores) / len(scores)
        sd = math.sqrt(sum((s - mean) ** 2 for s in scores) / len(scores))
        if sd == 0:  # one score, or all equal: z is undefined, not 0
            continue
        for i, s in zip(idx, scores, strict=True):
            out[i] = (s - mean) / sd
    return out


def _marks_spans(judgment: Judgment, legacy: bool) -> bool:
    """Whether the judgment was made under a protocol that marks error spans (an MQM or ESA
    judgment without errors says "no errors"; a DA score says nothing of them); a judgment with
    no recorded protocol is one when ``legacy``."""
    if not dict(judgment.extra).get("protocol"):
        return legacy or judgment.score is None
    name = protocol_of(judgment)
    return name in PROTOCOLS and PROTOCOLS.get(name).uses_spans


def system_averages(judgments: Iterable[Judgment]) -> list[SystemHumanScores]:
    """Per-system averages of the judgments (see the module docstring), by system name."""
    items = list(judgments)
    z = _z_scores(items)
    by_system: dict[str, list[int]] = defaultdict(list)
    for i, j in enumerate(items):
        by_system[j.system].append(i)
    out = []
    for system in sorted(by_system):
        idx = by_system[system]
        da = [float(items[i].score) for i in idx if items[i].score is not None]  # type: ignore[arg-type]
        severities = Counter(e.severity for i in idx for e in items[i].errors)
        by_category = Counter((e.category, e.severity) for i in idx for e in items[i].errors)
        interval = mean_interval(da)
        # Judgments from before protocols were recorded gave a score and spans together: where a
        # system has any error span, its unrecorded judgments count as span judgments.
        legacy = any(items[i].errors for i in idx)
        spans = [i for i in idx if items[i].errors or _marks_spans(items[i], legacy)]
        out.append(
            SystemHumanScores(
                system=system,
                judgments=len(idx),
                da_judgments=len(da),
                da_mean=_mean(da),
                da_z_mean=_mean([z[i] for i in idx if i in z]),
                mqm_per_segment=(
                    sum(mqm_penalty(items[i]) for i in spans) / len(spans) if spans else None
                ),
                errors_by_severity=tuple((s, severities.get(s, 0)) for s in SEVERITIES),
                signatures=tuple(sorted({items[i].signature for i in idx if items[i].signature})),
                da_ci_low=interval[0] if interval else None,
                da_ci_high=interval[1] if interval else None,
                errors_by_category=tuple((c, v, n) for (c, v), n in sorted(by_category.items())),
            )
        )
    return out


def agreement(judgments: Iterable[Judgment]) -> Agreement:
    """Agreement among annotators (see the module docstring for which statistic where)."""
    by_item: dict[str, dict[str, Judgment]] = defaultdict(dict)
    for j in judgments:
        by_item[j.item_id][j.annotator] = j  # the latest judgment of an annotator wins
    annotators = sorted({a for v in by_item.values() for a in v})
    pairs = []
    for a, b in combinations(annotators, 2):
        shared = [v for v in by_item.values() if a in v and b in v]
        da = [(v[a].score, v[b].score) for v in shared]
        da_pairs = [(float(x), float(y)) for x, y in da if x is not None and y is not None]
        xs, ys = [p[0] for p in da_pairs], [p[1] for p in da_pairs]
        pairs.append(
            PairAgreement(
                annotator_a=a,
                annotator_b=b,
                items=len(shared),
                da_items=len(da_pairs),
                pearson=pearson(xs, ys),
                spearman=spearman(xs, ys),
                kappa_severity=cohen_kappa(
                    [worst_severity(v[a]) for v in shared], [worst_severity(v[b]) for v in shared]
                ),
            )
        )
    units = {
        item: {ann: float(j.score) for ann, j in v.items() if j.score is not None}
        for item, v in by_item.items()
    }
    return Agreement(
        annotators=tuple(annotators),
        pairs=tuple(pairs),
        krippendorff_alpha_da=krippendorff_alpha_interval(units),
        alpha_items=sum(1 for v in units.values() if len(v) >= 2),
    )
