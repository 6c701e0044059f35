"""score stage: automatic metrics (sacreBLEU, optional COMET), significance, human judgments.

Public API:
    :data:`METRICS` (registry), :func:`score_systems`, :data:`SIGNIFICANCE`,
    :class:`JudgmentStore`, :func:`agreement`, :func:`system_averages`.
"""

from workbench.score.metrics import (
    DEFAULT_METRICS,
    METRICS,
    Metric,
    PairedMetric,
    SacrebleuMetric,
    display_name,
    higher_is_better,
    metric_names,
)
from workbench.score.significance import DEFAULT_SEED, SIGNIFICANCE
from workbench.score.systems import score_systems, validate_inputs

__all__ = [
    "DEFAULT_METRICS",
    "DEFAULT_SEED",
    "METRICS",
    "Metric",
    "PairedMetric",
    "SIGNIFICANCE",
    "SacrebleuMetric",
    "display_name",
    "higher_is_better",
    "metric_names",
    "score_systems",
    "validate_inputs",
]
