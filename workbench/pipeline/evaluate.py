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
from workbench.score import DEFAULT_METRICS, DEFAULT_SEED, score_systems
from workbench.settings import Settings
from workbench.testsets import load_testset, read_segments
from workbench.types import AnnotationItem, SystemScores, Translation

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
        if len(given) != len(paths) or not all(given):
            raise UserInputError(
                f"--names gives {len(given)} names for {len(paths)} hypothesis files; "
                "give one non-empty name per --hyp, separated by commas."
            )
        return given
    found = [Path(p).name for p in paths]
    if len(set(found)) != len(found):
        return [str(p) for p in paths]
    return found


def score_files(
    hypotheses: Sequence[str | Path],
    references: Sequence[str | Path],
    *,
    names: str | Sequence[str] | None = None,
    metrics: str | Sequence[str] = DEFAULT_METRICS,
    significance: str | None = None,
    resamples: int | None = None,
    seed: int = DEFAULT_SEED,
    jobs: int = 0,
) -> list[SystemScores]:
    """Read hypothesis and reference files (as ``sacrebleu`` does) and score them.

    The first hypothesis file is the baseline of the significance test.

    Raises:
        UserInputError: for unreadable, empty, non-UTF-8 or differently long files.
    """
    if not hypotheses:
        raise UserInputError("Give at least one --hyp file.")
    if not references:
        raise UserInputError("Give at least one --ref file.")
    labels = system_names(hypotheses, names)
    refs = [read_segments(p) for p in references]
    systems = [(label, read_segments(p)) for label, p in zip(labels, hypotheses, strict=True)]
    return score_systems(
        systems,
        refs,
        metrics=metrics,
        significance=significance,
        resamples=resamples,
        seed=seed,
        jobs=jobs,
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
                f"System {name!r} has {len(hyps)} segments but there are {len(sources)} sources."
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


def judgment_stats(path: str | Path) -> dict[str, object]:
    """Per-system averages and annotator agreement of a judgments database, as plain data."""
    from dataclasses import asdict

    from workbench.score.agreement import agreement, system_averages
    from workbench.score.judgments import JudgmentStore

    with JudgmentStore(path) as store:
        judgments = store.judgments()
    return {
        "judgments": len(judgments),
        "systems": [asdict(s) for s in system_averages(judgments)],
        "agreement": asdict(agreement(judgments)),
    }


def _fmt(value: object) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def stats_to_text(stats: dict[str, object]) -> str:
    """:func:`judgment_stats` as a few readable lines."""
    lines = [f"{stats['judgments']} judgments"]
    lines.append("system\tjudgments\tDA mean\tDA z\tMQM/segment")
    for s in stats["systems"]:  # type: ignore[attr-defined]
        lines.append(
            f"{s['system']}\t{s['judgments']}\t{_fmt(s['da_mean'])}\t{_fmt(s['da_z_mean'])}\t"
            f"{_fmt(s['mqm_per_segment'])}"
        )
    agree = stats["agreement"]
    lines.append(
        f"Krippendorff's alpha (DA, interval): {_fmt(agree['krippendorff_alpha_da'])} "  # type: ignore[index]
        f"over {agree['alpha_items']} items"  # type: ignore[index]
    )
    for p in agree["pairs"]:  # type: ignore[index]
        lines.append(
            f"{p['annotator_a']} vs {p['annotator_b']}: {p['items']} shared items, "
            f"Pearson {_fmt(p['pearson'])}, Spearman {_fmt(p['spearman'])}, "
            f"Cohen's kappa (worst severity) {_fmt(p['kappa_severity'])}"
        )
    return "\n".join(lines) + "\n"
