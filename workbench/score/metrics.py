"""Automatic metrics through sacreBLEU: BLEU, chrF, chrF++ and TER, corpus and segment level.

Nothing here re-implements a metric. Each registered :class:`SacrebleuMetric` builds one of
sacreBLEU's own metric objects; corpus scores come from sacreBLEU's ``_aggregate_and_compute``
over its own sufficient statistics, exactly as ``sacrebleu`` does, and segment scores from
``_compute_score_from_stats`` over one segment's statistics, which is what sacreBLEU's
``sentence_score`` does (BLEU with ``effective_order=True`` at segment level, as the
``sacrebleu --sentence-level`` command uses). The statistics are extracted once per system and
reused for corpus score, segment scores and significance tests.

COMET (an optional extra) is registered lazily as ``comet``; see :mod:`workbench.score.comet`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from workbench.errors import MetricError
from workbench.registry import Registry
from workbench.types import MetricScore


class Metric(Protocol):
    """What every registered metric declares and offers.

    Generic code (``score_systems``, the UI, the reports) asks these attributes, never the
    concrete class: a new metric gets paired significance and worker processes by declaring
    them (and, for significance, implementing :class:`PairedMetric`'s hooks).
    """

    @property
    def name(self) -> str:
        """Registry name."""
        ...

    @property
    def needs_source(self) -> bool:
        """Whether the metric needs the source segments (COMET does, sacreBLEU's do not)."""
        ...

    @property
    def higher_is_better(self) -> bool:
        """Direction: True for a quality score (BLEU, chrF, COMET), False for an error rate
        (TER)."""
        ...

    @property
    def supports_significance(self) -> bool:
        """Whether the metric implements :class:`PairedMetric` (sufficient statistics per
        segment), so paired tests and bootstrap confidence intervals work on it."""
        ...

    @property
    def supports_workers(self) -> bool:
        """Whether scoring may run in a worker process (picklable, no big model to load)."""
        ...

    def score(
        self,
        systems: Sequence[Sequence[str]],
        references: Sequence[Sequence[str]],
        sources: Sequence[str] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> list[MetricScore]:
        """Score every system (one list of segments each) against the reference streams."""
        ...


class PairedMetric(Metric, Protocol):
    """A metric with per-segment sufficient statistics, as sacreBLEU's ``Metric`` has them.

    ``create`` returns an object with sacreBLEU's metric interface
    (``_extract_corpus_statistics``, ``_aggregate_and_compute``, ``_compute_score_from_stats``,
    ``get_signature``); sacreBLEU's ``PairedTest`` and bootstrap then work on it unchanged.
    """

    def create(
        self,
        references: Sequence[Sequence[str]] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> Any:
        """The corpus-level metric object (references cached when given)."""
        ...

    def create_sentence(self, options: Mapping[str, Any] | None = None) -> Any:
        """The metric object used for segment-level scores."""
        ...

    @property
    def score_range(self) -> tuple[float, float | None]:
        """The lowest and highest score the metric can give (``None``: no upper bound)."""
        ...

    def statistics(self, metric: Any, hypotheses: Sequence[str]) -> list[list[float]]:
        """Per-segment sufficient statistics of one system."""
        ...

    def from_statistics(
        self, metric: Any, sentence_metric: Any, stats: list[list[float]]
    ) -> MetricScore:
        """Corpus score, signature and segment scores from extracted statistics."""
        ...


@dataclass(frozen=True)
class SacrebleuMetric:
    """A sacreBLEU metric under a workbench name, with fixed default options.

    Attributes:
        name: Registry name (``bleu``, ``chrf``, ``chrf++``, ``ter``).
        sacrebleu_name: Key in ``sacrebleu.metrics.METRICS`` (``BLEU``, ``CHRF``, ``TER``).
        defaults: Constructor options that define this variant (``word_order=2`` for chrF++).
        sentence_defaults: Extra options for segment-level scores (BLEU's effective order).
        higher_is_better: False for TER (an error rate).
        max_segment_words: Longest segment (hypothesis or reference, in whitespace words) the
            metric accepts; ``None``: no limit. TER's shift search grows with the square of the
            length (a 185 KB line took 4 GB), so TER refuses longer segments with one sentence.
        score_range: Lowest and highest possible score (``None``: unbounded, TER's edits can
            outnumber the reference's words); confidence intervals are clipped to it.
    """

    name: str
    sacrebleu_name: str
    defaults: Mapping[str, Any] = field(default_factory=dict)
    sentence_defaults: Mapping[str, Any] = field(default_factory=dict)
    higher_is_better: bool = True
    needs_source: bool = False
    supports_significance: bool = True
    supports_workers: bool = True
    max_segment_words: int | None = None
    score_range: tuple[float, float | None] = (0.0, 100.0)

    def check_lengths(self, segments: Sequence[str], what: str) -> None:
        """Refuse a segment longer than :attr:`max_segment_words` with one sentence.

        Raises:
            MetricError: naming the segment, its length and what to do.
        """
        limit = self.max_segment_words
        if limit is None:
            return
        for number, segment in enumerate(segments, start=1):
            if len(segment) > limit and (words := len(segment.split())) > limit:
                raise MetricError(
                    f"{self.name.upper()} is not computed on segments longer than {limit:,} words "
                    f"({what} segment {number} has {words:,}); split it into sentences, or "
                    "leave this metric out (e.g. --metrics bleu,chrf)."
                )

    def create(
        self,
        references: Sequence[Sequence[str]] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> Any:
        """A sacreBLEU metric object; with ``references`` their statistics are cached.

        Raises:
            MetricError: when an option is not one sacreBLEU's metric accepts.
        """
        from sacrebleu.metrics import METRICS as SACREBLEU_METRICS

        for refs in references or ():
            self.check_lengths(refs, "reference")
        kwargs = {**self.defaults, **(options or {})}
        try:
            return SACREBLEU_METRICS[self.sacrebleu_name](references=references, **kwargs)
        except (TypeError, AssertionError, KeyError) as err:
            raise MetricError(
                f"Cannot build {self.name} with options {dict(options or {})}: {err}."
            ) from err

    def create_sentence(self, options: Mapping[str, Any] | None = None) -> Any:
        """The sacreBLEU metric object used for segment-level scores."""
        return self.create(None, {**(options or {}), **self.sentence_defaults})

    def statistics(self, metric: Any, hypotheses: Sequence[str]) -> list[list[float]]:
        """sacreBLEU's per-segment sufficient statistics of one system (cached references)."""
        self.check_lengths(hypotheses, "hypothesis")
        return list(metric._extract_corpus_statistics(list(hypotheses), None))

    def from_statistics(
        self, metric: Any, sentence_metric: Any, stats: list[list[float]]
    ) -> MetricScore:
        """Corpus score, signature and segment scores from already extracted statistics."""
        corpus = metric._aggregate_and_compute(stats)
        segments = tuple(
            float(sentence_metric._compute_score_from_stats(row).score) for row in stats
        )
        return MetricScore(
            metric=self.name,
            score=float(corpus.score),
            signature=f"{corpus.name}|{metric.get_signature().format()}",
            segment_scores=segments,
            higher_is_better=self.higher_is_better,
        )

    def score(
        self,
        systems: Sequence[Sequence[str]],
        references: Sequence[Sequence[str]],
        sources: Sequence[str] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> list[MetricScore]:
        """Score every system against the references (one :class:`MetricScore` each)."""
        metric = self.create(references, options)
        sentence_metric = self.create_sentence(options)
        return [
            self.from_statistics(metric, sentence_metric, self.statistics(metric, hyps))
            for hyps in systems
        ]


#: Every metric the workbench computes, by name. Unknown names list the available ones.
METRICS: Registry[Metric] = Registry("metric")
METRICS.add(
    "bleu",
    SacrebleuMetric("bleu", "BLEU", sentence_defaults={"effective_order": True}),
)
METRICS.add("chrf", SacrebleuMetric("chrf", "CHRF"))
METRICS.add("chrf++", SacrebleuMetric("chrf++", "CHRF", defaults={"word_order": 2}))
#: TER's cap: 1,000 words took about a minute and 170 MB in the worst case (reversed word
#: order) on the development machine; a 185 KB line took 4 GB before the cap.
TER_MAX_SEGMENT_WORDS = 1_000
METRICS.add(
    "ter",
    SacrebleuMetric(
        "ter",
        "TER",
        higher_is_better=False,
        max_segment_words=TER_MAX_SEGMENT_WORDS,
        score_range=(0.0, None),
    ),
)
METRICS.add("comet", "workbench.score.comet:COMET")

#: The metrics ``workbench score`` computes when none are named.
DEFAULT_METRICS: tuple[str, ...] = ("bleu", "chrf", "ter")


def display_name(score: MetricScore) -> str:
    """sacreBLEU's name of a score (``BLEU``, ``chrF2``, ``chrF2++``, ``TER``, ``COMET``)."""
    return score.signature.split("|", 1)[0] or score.metric


def higher_is_better(name: str) -> bool:
    """The direction of the registered metric ``name`` (False for TER).

    Raises:
        UnknownNameError: for a name that is not registered.
    """
    return bool(METRICS.get(name).higher_is_better)


def metric_names(spec: str | Sequence[str]) -> list[str]:
    """Parse ``"bleu,chrf"`` (or a list) into registered metric names, in order, no repeats.

    Raises:
        UnknownNameError: for a name that is not registered.
    """
    parts = spec.split(",") if isinstance(spec, str) else list(spec)
    names: list[str] = []
    for part in parts:
        name = part.strip().lower()
        if name and name not in names:
            METRICS.get(name)  # raises with the list of available names
            names.append(name)
    if not names:
        raise MetricError(f"No metric named; choose from {', '.join(METRICS.names())}.")
    return names
