"""COMET (Unbabel) as an optional metric: ``pip install 'workbench[comet]'``.

The package is imported only when COMET is asked for, and its model is fetched from the
Hugging Face Hub. When either is unavailable the user gets one clear sentence saying so — never
a made-up score.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.errors import MetricError
from workbench.types import MetricScore

log = logging.getLogger("workbench")

#: The reference-based COMET model used by default.
DEFAULT_MODEL = "Unbabel/wmt22-comet-da"


@dataclass(frozen=True)
class CometMetric:
    """COMET over (source, hypothesis, reference) triples; the first reference is used."""

    name: str = "comet"
    needs_source: bool = True
    higher_is_better: bool = True
    #: No per-segment sufficient statistics: no paired test, and the model stays in-process.
    supports_significance: bool = False
    supports_workers: bool = False

    def _load(self, model_name: str) -> Any:
        try:
            import comet
        except ImportError as err:
            raise MetricError(
                "COMET is unavailable: the unbabel-comet package is not installed; "
                "install it with `pip install 'workbench[comet]'`."
            ) from err
        try:
            return comet.load_from_checkpoint(comet.download_model(model_name))
        except Exception as err:  # the Hub, disk and checkpoint errors all mean "unavailable"
            raise MetricError(
                f"COMET is unavailable: its model {model_name} could not be loaded from the "
                f"Hugging Face Hub ({type(err).__name__}); connect to the internet once, or "
                "score without comet."
            ) from err

    def score(
        self,
        systems: Sequence[Sequence[str]],
        references: Sequence[Sequence[str]],
        sources: Sequence[str] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> list[MetricScore]:
        """COMET system and segment scores (×100) of every system."""
        if sources is None:
            raise MetricError(
                "COMET needs the source segments; give them with --src (or upload the source "
                "in the Evaluate tab), or score a test set with `workbench eval`."
            )
        opts = dict(options or {})
        model_name = str(opts.get("model", DEFAULT_MODEL))
        model = self._load(model_name)
        version = getattr(__import__("comet"), "__version__", "unknown")
        signature = f"COMET|model:{model_name}|nrefs:1|version:{version}"
        out = []
        for hyps in systems:
            data = [
                {"src": s, "mt": h, "ref": r}
                for s, h, r in zip(sources, hyps, references[0], strict=True)
            ]
            result = model.predict(data, batch_size=int(opts.get("batch_size", 8)), gpus=0)
            segments = tuple(100 * float(x) for x in result.scores)
            out.append(
                MetricScore(
                    "comet",
                    100 * float(result.system_score),
                    signature,
                    segments,
                    higher_is_better=self.higher_is_better,
                )
            )
        return out


#: The registered instance (``METRICS.get("comet")``).
COMET = CometMetric()
