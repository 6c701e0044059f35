"""Evaluate: score system files, translate-and-score a test set, build annotation items.

The CLI (``workbench score``, ``workbench eval``) and the UI's Evaluate tab call these functions;
they compose the ``testsets``, ``translate`` and ``score`` stages and return plain typed results.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import UserInputError
from workbench.score import DEFAULT_METRICS, DEFAULT_SEED, metric_names, score_systems
from workbench.settings import Settings
from workbench.testsets import load_testset, read_segments
from workbench.textio import Limits
from workbench.types import AnnotationItem, SystemScores, Translation
from workbench.wording import count

log = logging.getLogger("workbench")

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class EvalResult:
    """A test set translated by one engine and scored.

    Attributes:
        testset: Signature of the test set (``test:flores200-dev|pair:kk-en|n:997``).
        translations: One :class:`Translation` per source segment.
        scores: The system's scores (a single :class:`SystemScores`).
        sources: Source segments.
        references: Reference segments.
    """

    testset: str
    translations: tuple[Translation, ...]
    scores: SystemScores
    sources: tuple[str, ...]
    references: tuple[str, ...]

    @property
    def signature(self) -> str:
        """Translation signature of the engine (same for every segment)."""
        return self.translations[0].signature if self.translations else ""


def system_names(paths: Sequence[str | Path], names: str | Sequence[str] | None) -> list[str]:
    """Names for hypothesis files: the given ``A,B,...`` or the file names.

    Raises:
        UserInputError: when the number of names differs from the number of files, or two
            files would get the same name.
    """
    if names:
        given = names.split(",") if isinstance(names, str) else list(names)
        given = [n.strip() for n in given]
        fix = "give one non-empty name per --hyp, separated by commas."
        if len(given) != len(paths):
            raise UserInputError(
                f"--names gives {count(len(given), 'name')} for "
                f"{count(len(paths), 'hypothesis file')}; " + fix
            )
        if not all(given):  # the count fits: say which one is empty (review20)
            empty = given.index("") + 1
            raise UserInputError(
                f"--names gives an empty name (name {empty} of {len(given)}); " + fix
            )
        return given
    found = [Path(p).name for p in paths]
    if len(set(found)) != len(found):
        return [str(p) for p in paths]
    return found


#: Below this many segments, intervals and p-values are flagged as unreliable.
MIN_RELIABLE_SEGMENTS = 100
#: Bootstrap resamples of the per-system confidence interval when no test is run.
DEFAULT_CONFIDENCE = 1000


@dataclass(frozen=True)
class Evaluation:
    """System outputs scored against references: what the CLI, the UI and the reports show.

    Attributes:
        systems: One :class:`SystemScores` per system; the first is the baseline.
        hypotheses: ``(name, segments)`` of every system, in the same order.
        references: Every reference stream (one tuple of segments each).
        sources: Source segments when given (COMET and faithfulness checks need them).
        warnings: Sentences the user must read beside the numbers (too few segments ...).
    """

    systems: tuple[SystemScores, ...]
    hypotheses: tuple[tuple[str, tuple[str, ...]], ...]
    references: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...] | None = None
    warnings: tuple[str, ...] = ()

    @property
    def segments(self) -> int:
        """Number of segments scored."""
        return len(self.references[0]) if self.references else 0


def sample_warnings(segments: int, tested: bool) -> list[str]:
    """Warnings about the sample size: intervals and p-values from few segments mislead.

    Args:
        segments: Number of segments scored.
        tested: Whether intervals or p-values were computed.
    """
    if segments >= MIN_RELIABLE_SEGMENTS:
        return []
    what = "confidence intervals and p-values" if tested else "corpus scores"
    return [
        f"Only {count(segments, 'segment')}: {what} from fewer than "
        f"{MIN_RELIABLE_SEGMENTS} segments are unreliable (a bootstrap over "
        f"{count(segments, 'segment')} can give a zero-width interval and a tiny p-value by "
        "chance); score "
        f"{MIN_RELIABLE_SEGMENTS} or more segments before drawing conclusions."
    ]


def evaluate_systems(
    systems: Sequence[tuple[str, Sequence[str]]],
    references: Sequence[Sequence[str]],
    *,
    sources: Sequence[str] | None = None,
    metrics: str | Sequence[str] = DEFAULT_METRICS,
    significance: str | None = None,
    resamples: int | None = None,
    seed: int = DEFAULT_SEED,
    jobs: int = 0,
    confidence: int = 0,
) -> Evaluation:
    """Score systems against one or more references: the one evaluation route of CLI and UI.

    Args:
        systems: ``(name, segments)`` pairs; the first is the baseline.
        references: One or more line-aligned reference streams.
        sources: Source segments (line-aligned), kept for COMET and faithfulness checks.
        metrics: Metric names.
        significance: ``bootstrap``, ``ar`` or ``None``.
        resamples: Resamples / trials of the test.
        seed: Random seed of the test and the intervals.
        jobs: Worker processes (see :func:`workbench.score.score_systems`).
        confidence: Bootstrap resamples of every system's 95% interval (0: only with a test).

    Raises:
        UserInputError: for misaligned or empty inputs, or sources of another length.
    """
    if sources is not None and references and len(sources) != len(references[0]):
        raise UserInputError(
            f"The source has {count(len(sources), 'segment')} but the reference has "
            f"{len(references[0])}; they must be line-aligned."
        )
    scores = score_systems(
        systems,
        references,
        metrics=metrics,
        sources=sources,
        significance=significance,
        resamples=resamples,
        seed=seed,
        jobs=jobs,
        confidence=confidence,
    )
    n = len(references[0])
    return Evaluation(
        systems=tuple(scores),
        hypotheses=tuple((name, tuple(h)) for name, h in systems),
        references=tuple(tuple(r) for r in references),
        sources=tuple(sources) if sources is not None else None,
        warnings=tuple(sample_warnings(n, bool(significance or confidence))),
    )


def score_files(
    hypotheses: Sequence[str | Path],
    references: Sequence[str | Path],
    *,
    names: str | Sequence[str] | None = None,
    source: str | Path | None = None,
    extra_systems: Sequence[tuple[str, Sequence[str]]] = (),
    metrics: str | Sequence[str] = DEFAULT_METRICS,
    significance: str | None = None,
    resamples: int | None = None,
    seed: int = DEFAULT_SEED,
    jobs: int = 0,
    confidence: int = 0,
    limits: Limits | None = None,
    notices: list[str] | None = None,
) -> Evaluation:
    """Read hypothesis, reference (and source) files as ``sacrebleu`` does and score them.

    Files are decoded and capped by :mod:`workbench.textio` (``limits``: the settings' caps;
    ``None``: the defaults). ``notices``, when given, receives the files' decoding notices (a
    file read as cp1251), which the Evaluate tab shows beside the scores.

    ``workbench score``/``report`` and the UI's Evaluate tab both call this. Systems given in
    ``extra_systems`` (e.g. the UI's fresh translations) come first; the first system is the
    baseline of the significance test.

    Raises:
        UserInputError: for unreadable, empty, non-UTF-8 or differently long files.
    """
    if not hypotheses and not extra_systems:
        raise UserInputError("Give at least one --hyp file.")
    if not references:
        raise UserInputError("Give at least one --ref file.")
    labels = system_names(hypotheses, names) if hypotheses else []
    refs = [read_segments(p, limits, notices) for p in references]
    systems = [(name, list(h)) for name, h in extra_systems]
    systems += [
        (label, read_segments(p, limits, notices))
        for label, p in zip(labels, hypotheses, strict=True)
    ]
    return evaluate_systems(
        systems,
        refs,
        sources=read_segments(source, limits, notices) if source else None,
        metrics=metrics,
        significance=significance,
        resamples=resamples,
        seed=seed,
        jobs=jobs,
        confidence=confidence,
    )


def evaluate_testset(
    engine: str,
    model: str,
    testset: str,
    src: str,
    settings: Settings,
    *,
    limit: int | None = None,
    metrics: str | Sequence[str] = DEFAULT_METRICS,
    beam_size: int = 4,
    max_length: int = 256,
    progress: ProgressFn | None = None,
    pool: object | None = None,
) -> EvalResult:
    """Translate a test set's source side with one engine and score it against the reference.

    Args:
        engine: Engine name (``opus-mt``, ``nllb``, ``m2m100``, ``ct2`` ...).
        model: Model id or folder.
        testset: ``flores200-dev`` or ``ntrex128``.
        src: Source language (``kk``, ``ky``, ``ru``).
        settings: Resolved settings.
        limit: Only the first ``limit`` segments.
        metrics: Metric names.
        pool: An ``EnginePool`` to reuse loaded models (a new one when omitted).
    """
    from workbench.pipeline.translate import EnginePool, translate_texts

    # A wrong metric name was refused only after the whole test set was translated (review17):
    # check the names before any model loads.
    metric_names(metrics)
    data = load_testset(testset, src, settings, limit=limit)
    engines = pool if isinstance(pool, EnginePool) else EnginePool(settings)
    translator = engines.get(engine, model, src, beam_size=beam_size, max_length=max_length)
    translations = translate_texts(list(data.sources), translator, progress=progress)
    hyps = [t.text for t in translations]
    name = f"{engine}:{model}"
    (scores,) = score_systems(
        [(name, hyps)], [list(data.references)], metrics=metrics, sources=data.sources, jobs=1
    )
    return EvalResult(
        testset=data.signature,
        translations=tuple(translations),
        scores=scores,
        sources=data.sources,
        references=data.references,
    )


def annotation_items(
    sources: Sequence[str],
    systems: Sequence[tuple[str, Sequence[str]]],
    *,
    references: Sequence[str] | None = None,
    signatures: Sequence[str] | None = None,
    campaign: str = "default",
) -> list[AnnotationItem]:
    """Items for human judgment, segment by segment (all systems of segment 1 first, ...).

    Args:
        sources: Source segments.
        systems: ``(name, translations)`` pairs, line-aligned with ``sources``.
        references: Reference translations, if any.
        signatures: Translation signature of each system, in the same order.
        campaign: Campaign name; item ids are ``campaign:system:segment``.

    Raises:
        UserInputError: when a system is not line-aligned with the sources.
    """
    for name, hyps in systems:
        if len(hyps) != len(sources):
            raise UserInputError(
                f"System {name!r} has {count(len(hyps), 'segment')} but the source has "
                f"{count(len(sources), 'segment')}."
            )
    if references is not None and len(references) != len(sources):
        raise UserInputError("The reference is not line-aligned with the sources.")
    sigs = list(signatures) if signatures is not None else [""] * len(systems)
    items: list[AnnotationItem] = []
    for i, source in enumerate(sources):
        for (name, hyps), sig in zip(systems, sigs, strict=True):
            items.append(
                AnnotationItem(
                    item_id=f"{campaign}:{name}:{i + 1}",
                    system=name,
                    source=source,
                    translation=hyps[i],
                    reference=references[i] if references is not None else "",
                    signature=sig,
                    campaign=campaign,
                    position=len(items),
                )
            )
    return items


def load_annotation_items(
    source: str | Path,
    hypotheses: Sequence[str | Path],
    *,
    reference: str | Path | None = None,
    names: str | Sequence[str] | None = None,
    campaign: str = "default",
) -> list[AnnotationItem]:
    """Annotation items from line-aligned files (source, one file per system, reference).

    Raises:
        UserInputError: for unreadable or misaligned files.
    """
    labels = system_names(hypotheses, names)
    systems = [(label, read_segments(p)) for label, p in zip(labels, hypotheses, strict=True)]
    refs = read_segments(reference) if reference else None
    return annotation_items(read_segments(source), systems, references=refs, campaign=campaign)


def items_from_translations(
    translations: Sequence[Translation],
    system: str,
    *,
    references: Sequence[str] | None = None,
    campaign: str = "default",
) -> list[AnnotationItem]:
    """Annotation items from one engine's :class:`Translation` objects."""
    return annotation_items(
        [t.source for t in translations],
        [(system, [t.text for t in translations])],
        references=references,
        signatures=[translations[0].signature if translations else ""],
        campaign=campaign,
    )


def judgment_stats(
    path: str | Path, campaign: str | None = None, protocol: str | None = None
) -> dict[str, object]:
    """Per-system averages and annotator agreement of a judgments database, as plain data.

    Args:
        path: The judgments database.
        campaign: Only this campaign's judgments (all when ``None``).
        protocol: Only judgments made under this protocol (``da``, ``mqm``, ``esa``), so
            that DA and ESA scores are not averaged together; all when ``None``.

    Raises:
        UserInputError: for a campaign the database does not hold.
        UnknownNameError: for an unknown protocol.
    """
    from dataclasses import asdict

    from workbench.score.agreement import MIN_SHARED_ITEMS, agreement, system_averages
    from workbench.score.judgments import JudgmentStore
    from workbench.score.protocols import PROTOCOLS, protocol_of

    if protocol is not None:
        PROTOCOLS.get(protocol)
    with JudgmentStore(path) as store:
        if campaign is not None and campaign not in store.campaigns():
            known = ", ".join(store.campaigns()) or "none yet"
            raise UserInputError(f"No campaign {campaign!r} in {path}; campaigns: {known}.")
        judgments = store.judgments(campaign=campaign)
    if protocol is not None:
        judgments = [j for j in judgments if protocol_of(j) == protocol]
    return {
        "campaign": campaign,
        "protocol": protocol,
        "judgments": len(judgments),
        "annotators": len({j.annotator for j in judgments}),
        "min_shared_items": MIN_SHARED_ITEMS,
        "systems": [asdict(s) for s in system_averages(judgments)],
        "agreement": asdict(agreement(judgments)),
    }


def _fmt(value: object) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _stat(value: float | None, items: int) -> str:
    """A statistic, or "undefined" with the sample size that made it so."""
    noun = "item" if items == 1 else "items"
    if value is None:
        return f"undefined ({items} shared {noun})"
    return f"{value:.3f} ({items} shared {noun})"


def _interval(low: float | None, high: float | None) -> str:
    return "–" if low is None or high is None else f"{low:.1f}–{high:.1f}"


def stats_to_text(stats: dict[str, object]) -> str:
    """:func:`judgment_stats` as a few readable lines; agreement that cannot be computed
    reads "undefined" with its sample size, never 0.000."""
    where = f" in campaign {stats['campaign']}" if stats.get("campaign") else ""
    if stats.get("protocol"):
        where += f" ({str(stats['protocol']).upper()} only)"
    n, people = stats["judgments"], stats["annotators"]
    head = f"{n} judgment{'' if n == 1 else 's'} by {people} annotator{'' if people == 1 else 's'}"
    lines = [head + where]
    lines.append("system\tjudgments\tDA mean\tDA 95% CI\tDA z\tMQM/segment\terrors")
    for s in stats["systems"]:  # type: ignore[attr-defined]
        errors = ", ".join(f"{n} {sev}" for sev, n in s["errors_by_severity"] if n) or "none"
        lines.append(
            f"{s['system']}\t{s['judgments']}\t{_fmt(s['da_mean'])}\t"
            f"{_interval(s['da_ci_low'], s['da_ci_high'])}\t{_fmt(s['da_z_mean'])}\t"
            f"{_fmt(s['mqm_per_segment'])}\t{errors}"
        )
    agree = stats["agreement"]
    lines.append(
        "Krippendorff's alpha (DA, interval): "
        f"{_stat(agree['krippendorff_alpha_da'], agree['alpha_items'])}"  # type: ignore[index]
    )
    for p in agree["pairs"]:  # type: ignore[index]
        lines.append(
            f"{p['annotator_a']} vs {p['annotator_b']}: "
            f"Pearson {_stat(p['pearson'], p['da_items'])}, "
            f"Spearman {_stat(p['spearman'], p['da_items'])}, "
            f"Cohen's kappa (worst severity) {_stat(p['kappa_severity'], p['items'])}"
        )
    return "\n".join(lines) + "\n"


def write_report(
    evaluation: Evaluation, path: str | Path, *, title: str = "Translation quality report"
) -> Path:
    """Write the standalone HTML report of an evaluation (with its warnings) to ``path``.

    Raises:
        UserInputError: when the file cannot be written or nothing was scored.
    """
    from workbench.export.html_report import write_html_report

    return write_html_report(evaluation.systems, path, title=title, warnings=evaluation.warnings)


def corpus_plot(evaluation: Evaluation, metric: str) -> str:
    """The corpus-score bar chart of one metric as inline SVG, the same the HTML report shows:
    bars from 0 with axis numbers, 95% intervals as whiskers, colours by verdict.

    Raises:
        UserInputError: for a metric that was not scored.
    """
    from workbench.export.html_report import bars_svg

    names = [m.metric for m in evaluation.systems[0].scores] if evaluation.systems else []
    if metric not in names:
        raise UserInputError(f"{metric!r} was not scored; pick one of {', '.join(names)}.")
    return bars_svg(evaluation.systems, names.index(metric))


def metric_choices() -> list[tuple[str, str]]:
    """``(label, name)`` of every registered metric, the label showing its direction
    (``ter ↓``: lower is better)."""
    from workbench.score import METRICS

    return [
        (f"{name} {'↑' if METRICS.get(name).higher_is_better else '↓'}", name)
        for name in METRICS.names()
    ]


def format_scores(systems: Sequence[SystemScores], fmt: str = "text", **meta: object) -> str:
    """Scores as ``workbench score`` prints them: sacreBLEU-style text or JSON (with ``meta``).

    Raises:
        UserInputError: for a format other than ``text`` or ``json``.
    """
    from workbench.export.tables import scores_to_json, scores_to_text

    if fmt == "json":
        return scores_to_json(list(systems), **meta) + "\n"
    if fmt == "text":
        return scores_to_text(list(systems))
    raise UserInputError(f"Unknown score format {fmt!r}; use text or json.")


def translations_as(translations: Sequence[Translation], fmt: str, src: str) -> str:
    """Translations as ``txt`` (one per line), ``tmx`` (TMX 1.4b) or ``xliff`` (XLIFF 1.2).

    Raises:
        UserInputError: for another format.
    """
    from workbench.export.tm import to_tmx, to_xliff

    if fmt == "txt":
        return "".join(t.text + "\n" for t in translations)
    if fmt == "tmx":
        return to_tmx(translations, src)
    if fmt == "xliff":
        return to_xliff(translations, src)
    raise UserInputError(f"Unknown translation format {fmt!r}; use txt, tmx or xliff.")


def download_testsets(collection: str, settings: Settings, *, progress: bool = True) -> list[Path]:
    """Download a public test-set collection (``flores200``, ``ntrex128``); returns its folders."""
    from workbench.testsets import download

    return list(download(collection, settings, progress=progress))


def testset_overview(settings: Settings) -> list[str]:
    """One line per known test set: name, lines, licence, and where it is (or how to get it)."""
    from workbench.testsets import list_testsets

    lines = []
    for spec, folder in list_testsets(settings):
        where = str(folder) if folder else f"not downloaded (workbench data get {spec.collection})"
        lines.append(f"{spec.name}\t{spec.lines} lines\t{spec.licence}\t{where}")
    return lines
