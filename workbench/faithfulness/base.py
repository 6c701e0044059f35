"""What every faithfulness detector shares: its input, the registry, the calibration.

A detector is a function ``detect(ctx) -> list[FaithIssue]`` registered by name in
:data:`DETECTORS`. It compares one kk/ky/ru source sentence with its English translation and
needs no reference. Detectors that use sentence vectors (coverage) read them from
``ctx.vectors``; when no embedder was given they find nothing.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np

from workbench.errors import UserInputError
from workbench.faithfulness.diffapi import BiLexicon, Lexicon
from workbench.registry import Registry
from workbench.types import FAITH_KIND_INFO, FaithIssue

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Every kind of faithfulness issue, in the order they are shown, with what each means
#: (read from :data:`workbench.types.FAITH_KIND_INFO`).
FAITH_KINDS: dict[str, str] = {k.name: k.definition for k in FAITH_KIND_INFO}


class Vectors(Protocol):
    """Anything that embeds sentences into L2-normalised rows (an align-stage embedder)."""

    @property
    def signature(self) -> str:
        """How vectors are made."""

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit-length row per text."""


@dataclass(frozen=True)
class ClauseVectors:
    """Clause spans of both sides and their unit vectors (rows align with the spans).

    Raises:
        UserInputError: when a side's vectors are not one row per span, or the two sides'
            vectors differ in dimension (vectors of another cut or another embedder).
    """

    source_spans: tuple[tuple[int, int], ...]
    source: np.ndarray
    translation_spans: tuple[tuple[int, int], ...]
    translation: np.ndarray

    def __post_init__(self) -> None:
        for side, spans, vectors in (
            ("source", self.source_spans, self.source),
            ("translation", self.translation_spans, self.translation),
        ):
            rows = vectors.shape[0] if vectors.ndim == 2 else -1
            if rows != len(spans) and not (len(spans) == 0 and vectors.size == 0):
                raise UserInputError(
                    f"The {side} has {len(spans)} clause spans but {max(rows, 0)} clause "
                    "vectors; give one vector per span, from the same cut."
                )
        if (
            self.source.size
            and self.translation.size
            and self.source.shape[1] != self.translation.shape[1]
        ):
            raise UserInputError(
                f"The source clause vectors have {self.source.shape[1]} dimensions and the "
                f"translation's {self.translation.shape[1]}; embed both with one embedder."
            )


@dataclass(frozen=True)
class CoverageModel:
    """A logistic model over named coverage features, fitted on the calibration half.

    ``logit = bias + Σ weight·(value − mean)/scale``; the kind is reported at and above
    ``limit`` (a high quantile of the logits of untouched references, measured out of fold),
    ``typical`` is their median. Written by ``benchmarks/faithfulness_bench.py --calibrate``.
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    typical: float
    limit: float

    def logit(self, values: Mapping[str, float]) -> float:
        """The model's log-odds for one pair's feature values (missing features count 0)."""
        z = self.bias
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.weights, strict=True):
            z += w * (values.get(name, 0.0) - mu) / (sd or 1.0)
        return float(z)

    def risk(self, values: Mapping[str, float]) -> float:
        """0 for a typical reference, 1 at the reporting limit."""
        return (self.logit(values) - self.typical) / max(1e-6, self.limit - self.typical)


@dataclass(frozen=True)
class LanguageCalibration:
    """Thresholds for one source language, measured on human reference translations.

    ``*_typical`` is the median on references; ``*_limit`` the value beyond which a pair is
    flagged (a high quantile of the references, see ``benchmarks/faithfulness_bench.py``).
    """

    similarity_typical: float = 0.9
    similarity_limit: float = 0.8
    omission_typical: float = 0.0
    omission_limit: float = 0.08
    addition_typical: float = 0.0
    addition_limit: float = 0.08
    length_typical: float = 0.0
    length_low: float = -0.6
    length_high: float = 0.6
    #: How often each span/surface kind fires on untouched references (its false-fire rate).
    kind_rates: Mapping[str, float] = field(default_factory=dict)
    #: ``(coverage risk, share of references at or above it)``, increasing risk.
    risk_points: tuple[tuple[float, float], ...] = ()
    #: Evidence (see :func:`evidence`) at and above which a pair is flagged.
    evidence_limit: float = 1.3
    #: Logistic models of a dropped clause and of another sentence (None: the gap thresholds).
    omission_model: CoverageModel | None = None
    unrelated_model: CoverageModel | None = None
    #: Logistic model of a swapped English name: an English-name issue at or above its limit
    #: is strong, below it weak (:mod:`workbench.faithfulness.namescore`; None: the hand rules).
    name_model: CoverageModel | None = None
    #: Kinds precise enough on references to flag a pair on their own.
    alone_kinds: tuple[str, ...] = (
        "number", "label", "modality", "untranslated", "wrong_language", "repetition",
    )  # fmt: skip

    def rate(self, kind: str) -> float:
        """The false-fire rate of ``kind`` (2 % when it was not calibrated)."""
        return self.kind_rates.get(kind, 0.02)

    def risk_p(self, risk: float) -> float:
        """Share of references with a coverage risk at least ``risk`` (1 below the median)."""
        points = self.risk_points or ((0.0, 0.5), (1.0, 0.005))
        if risk <= points[0][0]:
            return 1.0 if risk < points[0][0] else points[0][1]
        for (r0, p0), (r1, p1) in zip(points, points[1:], strict=False):
            if risk <= r1:
                t = (risk - r0) / max(1e-9, r1 - r0)
                return float(10 ** (math.log10(p0) + t * (math.log10(p1) - math.log10(p0))))
        r_last, p_last = points[-1]
        return float(p_last * 10 ** (-(risk - r_last)))


@dataclass(frozen=True)
class Calibration:
    """Per-language thresholds with the name of the data they were measured on.

    ``digest`` identifies the thresholds themselves (a short hash of the file's ``languages``
    table, set by :func:`load_calibration`): a re-calibration on the same data keeps its name
    but not its digest, so signatures tell the two apart.
    """

    name: str
    data: str
    languages: Mapping[str, LanguageCalibration] = field(default_factory=dict)
    digest: str = ""

    @property
    def label(self) -> str:
        """The calibration as a signature names it: ``name@digest`` (the name alone without one)."""
        return f"{self.name}@{self.digest}" if self.digest else self.name

    def get(self, src: str) -> LanguageCalibration:
        """Thresholds for ``src`` (defaults when the language was not calibrated)."""
        return self.languages.get(src, LanguageCalibration())


def default_calibration_path() -> Path:
    """The calibration shipped with the workbench."""
    return Path(str(resources.files("workbench") / "data" / "faithfulness_calibration.toml"))


def load_calibration(path: str | Path | None = None) -> Calibration:
    """Read a calibration file (the shipped one when ``path`` is None).

    Raises:
        UserInputError: when the file is missing or malformed.
    """
    file = Path(path) if path is not None else default_calibration_path()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        langs = {lang: _language(values) for lang, values in data.get("languages", {}).items()}
        table = json.dumps(data.get("languages", {}), sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(table.encode("utf-8")).hexdigest()[:10]
        return Calibration(str(data["name"]), str(data.get("data", "")), langs, digest)
    except (OSError, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as err:
        raise UserInputError(
            f"The faithfulness calibration file {file} cannot be used ({err}); "
            "re-create it with `python benchmarks/faithfulness_bench.py --calibrate`."
        ) from err


def _language(values: dict[str, object]) -> LanguageCalibration:
    scalars = {k: float(v) for k, v in values.items() if isinstance(v, (int, float))}  # type: ignore[arg-type]
    rates = values.get("kind_rates", {})
    alone = values.get("alone_kinds")
    points = values.get("risk_points", [])
    if not isinstance(rates, dict) or not isinstance(points, list):
        raise TypeError("kind_rates must be a table and risk_points a list")
    extra: dict[str, object] = {}
    if isinstance(alone, list):
        extra["alone_kinds"] = tuple(str(k) for k in alone)
    for key in ("omission_model", "unrelated_model", "name_model"):
        model = values.get(key)
        if isinstance(model, dict):
            extra[key] = _model(model)
    return LanguageCalibration(
        **scalars,  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
        kind_rates={str(k): float(v) for k, v in rates.items()},
        risk_points=tuple((float(r), float(p)) for r, p in points),
    )


def _model(values: dict[str, object]) -> CoverageModel:
    def floats(key: str) -> tuple[float, ...]:
        items = values[key]
        if not isinstance(items, list):
            raise TypeError(f"{key} must be a list")
        return tuple(float(v) for v in items)

    names = values["features"]
    if not isinstance(names, list):
        raise TypeError("features must be a list")
    mean, scale, weights = floats("mean"), floats("scale"), floats("weights")
    if not len(names) == len(mean) == len(scale) == len(weights):
        raise ValueError("a coverage model needs one mean, scale and weight per feature")
    return CoverageModel(
        tuple(str(n) for n in names), mean, scale, weights,
        float(values["bias"]), float(values["typical"]), float(values["limit"]),  # type: ignore[arg-type]
    )  # fmt: skip


@dataclass(frozen=True)
class FaithContext:
    """The inputs of one check.

    Attributes:
        source: The kk/ky/ru source sentence.
        translation: Its English translation.
        src: Source language code.
        lexicon: The framing lexicon (diff stage).
        calibration: Thresholds for ``src``.
        vectors: Clause vectors of both sides, when an embedder was given.
        words: The kk/ky/ru → English word lexicon (coverage reads which source words the
            translation renders); None leaves the word features neutral.
        memo: What the checks of this pair computed and read again (the coverage features:
            the coverage check reads them for its flag, the risk for the score), by name;
            filled on first use, never part of the inputs.
    """

    source: str
    translation: str
    src: str
    lexicon: Lexicon
    calibration: LanguageCalibration
    vectors: ClauseVectors | None = None
    words: BiLexicon | None = None
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)


Detector = Callable[[FaithContext], list[FaithIssue]]

#: Faithfulness detectors by name (lazy entries: listing them imports nothing).
DETECTORS: Registry[Detector] = Registry("faithfulness detector")
for _name, _path in (
    ("number", "workbench.faithfulness.spans:detect_numbers"),
    ("name", "workbench.faithfulness.spans:detect_names"),
    ("label", "workbench.faithfulness.spans:detect_labels"),
    ("negation", "workbench.faithfulness.markers:detect_negation"),
    ("hedge", "workbench.faithfulness.markers:detect_hedges"),
    ("modality", "workbench.faithfulness.markers:detect_modality"),
    ("untranslated", "workbench.faithfulness.surface:detect_untranslated"),
    ("wrong_language", "workbench.faithfulness.surface:detect_wrong_language"),
    ("repetition", "workbench.faithfulness.surface:detect_repetition"),
    ("length", "workbench.faithfulness.surface:detect_length"),
    ("coverage", "workbench.faithfulness.coverage:detect_coverage"),
):
    DETECTORS.add(_name, _path)
#: The order detectors run in.
DETECTOR_ORDER: tuple[str, ...] = (
    "untranslated",
    "wrong_language",
    "repetition",
    "number",
    "name",
    "label",
    "negation",
    "hedge",
    "modality",
    "length",
    "coverage",
)


def issue(
    kind: str,
    source: str,
    translation: str,
    source_span: tuple[int, int] | None,
    translation_span: tuple[int, int] | None,
    note: str,
    severity: float = 1.0,
) -> FaithIssue:
    """A :class:`FaithIssue` whose texts are cut from the spans."""
    return FaithIssue(
        kind=kind,
        source=source[source_span[0] : source_span[1]] if source_span else "",
        translation=translation[translation_span[0] : translation_span[1]]
        if translation_span
        else "",
        source_span=source_span,
        translation_span=translation_span,
        note=note,
        severity=severity,
    )
