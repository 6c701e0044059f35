"""Model-based quality estimates, used when installed and reachable; never required.

* ``cometkiwi`` — Unbabel/wmt22-cometkiwi-da and ``xcomet`` — Unbabel/XCOMET-XL, through the
  ``unbabel-comet`` package. **Their weights are licensed CC-BY-NC-SA 4.0 (non-commercial) and
  gated on the Hugging Face Hub**: accept the licence there and log in before the first
  download.
* ``metricx-qe`` — google/metricx-24-hybrid-large-v2p6 (Apache-2.0), through Google's
  ``metricx24`` package (install it from github.com/google-research/metricx).

:func:`create_estimator` gives one sentence saying what is missing when an estimator cannot
run; the checks themselves never depend on one. Estimates are reported next to each result
(higher is better for COMET; MetricX is an error score, 0–25, lower is better) and do not
change ``flagged``.
"""

from __future__ import annotations

import importlib.util
from abc import ABC, abstractmethod
from typing import Any, ClassVar

from workbench.errors import ModelNotAvailableError, WorkbenchError
from workbench.registry import Registry
from workbench.settings import Settings


class EstimatorUnavailable(WorkbenchError):
    """A model-based estimator is not installed or its weights are not reachable."""


class Estimator(ABC):
    """A reference-free quality estimator: one score per (source, translation) pair."""

    name: ClassVar[str] = ""
    model: ClassVar[str] = ""
    licence: ClassVar[str] = ""
    package: ClassVar[str] = ""
    install: ClassVar[str] = ""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings

    @property
    def signature(self) -> str:
        """``qe:NAME|model:ID|licence:...``."""
        return f"qe:{self.name}|model:{self.model}|licence:{self.licence}"

    @classmethod
    def check_installed(cls) -> None:
        """Raise :class:`EstimatorUnavailable` when the package is missing."""
        if importlib.util.find_spec(cls.package) is None:
            raise EstimatorUnavailable(
                f"The {cls.name} estimator needs the {cls.package!r} package, which is not "
                f"installed; {cls.install} (model {cls.model}, licence {cls.licence})."
            )

    @abstractmethod
    def estimate(self, sources: list[str], translations: list[str], src: str) -> list[float]:
        """One score per pair."""


class CometEstimator(Estimator):
    """A COMET quality-estimation model (no reference) through ``unbabel-comet``."""

    package = "comet"
    install = "install it with `pip install unbabel-comet`, accept the model's licence on the Hub"
    licence = "CC-BY-NC-SA-4.0 (gated, non-commercial)"
    _model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            from comet import download_model, load_from_checkpoint

            offline = bool(self.settings and self.settings.offline)
            try:
                path = download_model(self.model, local_files_only=offline)
                self._model = load_from_checkpoint(path)
            except Exception as err:  # comet raises many kinds; all mean "not reachable"
                raise ModelNotAvailableError(
                    f"The {self.name} model {self.model} is not available ({err}); it is gated "
                    f"and {self.licence}: accept its licence on the Hugging Face Hub, log in, "
                    "and run once with network."
                ) from err
        return self._model

    def estimate(self, sources: list[str], translations: list[str], src: str) -> list[float]:
        """COMET scores (about 0–1, higher is better)."""
        if not sources:
            return []
        data = [{"src": s, "mt": t} for s, t in zip(sources, translations, strict=True)]
        out = self._load().predict(data, batch_size=8, gpus=0, progress_bar=False)
        return [float(x) for x in out.scores]


class CometKiwiEstimator(CometEstimator):
    """CometKiwi (WMT22), reference-free."""

    name = "cometkiwi"
    model = "Unbabel/wmt22-cometkiwi-da"


class XCometEstimator(CometEstimator):
    """xCOMET-XL in quality-estimation mode (no reference)."""

    name = "xcomet"
    model = "Unbabel/XCOMET-XL"


class MetricXEstimator(Estimator):
    """MetricX-24 in QE mode (Apache-2.0) through Google's ``metricx24`` package."""

    name = "metricx-qe"
    model = "google/metricx-24-hybrid-large-v2p6"
    licence = "Apache-2.0"
    package = "metricx24"
    install = "install it with `pip install git+https://github.com/google-research/metricx`"

    def estimate(self, sources: list[str], translations: list[str], src: str) -> list[float]:
        """MetricX error scores (0–25, lower is better)."""
        raise EstimatorUnavailable(
            "The metricx24 package has no stable Python API for in-process scoring; run its "
            "`metricx24.predict` script on the JSONL that `workbench check` writes."
        )


#: Model-based estimators by name.
ESTIMATORS: Registry[type[Estimator]] = Registry("quality estimator")
for _cls in (CometKiwiEstimator, XCometEstimator, MetricXEstimator):
    ESTIMATORS.add(_cls.name, _cls)


def create_estimator(name: str, settings: Settings | None = None) -> Estimator:
    """The estimator registered as ``name``, after checking its package is installed.

    Raises:
        UnknownNameError: for an unknown name.
        EstimatorUnavailable: when its package is not installed (the message says how).
    """
    cls = ESTIMATORS.get(name)
    cls.check_installed()
    return cls(settings)
