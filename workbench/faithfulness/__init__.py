"""faithfulness stage: where an English translation departs from its kk/ky/ru source.

Reference-free. Detectors registered by name in :data:`DETECTORS` compare figures, names,
loaded labels, negation, hedges and modality across languages (reusing the diff stage's
normaliser, name folding and lexicon: the one allowed dependency ``faithfulness → diff``), look
at the translation's surface (untranslated source, wrong language, repetition, length), and,
given sentence vectors from an embedder the pipeline passes in, measure clause coverage
(omission, addition, unrelated sentence). :func:`check_pairs` composes them; optional
model-based estimators (CometKiwi, xCOMET, MetricX-QE) live in :data:`ESTIMATORS`.
"""

from workbench.faithfulness.base import (
    DETECTOR_ORDER,
    DETECTORS,
    FAITH_KINDS,
    Calibration,
    ClauseVectors,
    FaithContext,
    LanguageCalibration,
    Vectors,
    default_calibration_path,
    load_calibration,
)
from workbench.faithfulness.core import MAX_CHARS, check_pairs, faith_signature
from workbench.faithfulness.coverage import CoverageFeatures, clauses, features
from workbench.faithfulness.estimators import (
    ESTIMATORS,
    Estimator,
    EstimatorUnavailable,
    create_estimator,
)
from workbench.faithfulness.surface import length_ratio

__all__ = [
    "DETECTORS",
    "DETECTOR_ORDER",
    "ESTIMATORS",
    "FAITH_KINDS",
    "MAX_CHARS",
    "Calibration",
    "ClauseVectors",
    "CoverageFeatures",
    "Estimator",
    "EstimatorUnavailable",
    "FaithContext",
    "LanguageCalibration",
    "Vectors",
    "check_pairs",
    "clauses",
    "create_estimator",
    "default_calibration_path",
    "faith_signature",
    "features",
    "length_ratio",
    "load_calibration",
]
