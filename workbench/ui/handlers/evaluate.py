"""Evaluate tab: score uploaded system outputs (or the Translate tab's) against references.

Metric table with signatures and significance, a segment table that sorts and filters, data for
the plots, and the HTML report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.types import SystemScores
from workbench.ui.context import UIContext
from workbench.ui.handlers.common import output_path, read_upload

#: Significance choices: label → method name (``None``: no test).
SIGNIFICANCE_CHOICES: dict[str, str | None] = {
    "none": None,
    "paired bootstrap": "bootstrap",
    "approximate randomization": "ar",
}
#: Segment-table orders.
ORDERS: tuple[str, ...] = ("segment order", "worst first", "largest difference first")


@dataclass(frozen=True)
class EvaluateState:
    """Scores and the texts they were computed on."""

    systems: tuple[SystemScores, ...]
    hypotheses: tuple[tuple[str, tuple[str, ...]], ...]
    references: tuple[str, ...]


def _lines(path: str, what: str) -> list[str]:
    text, _ = read_upload(path, what)
    return text.replace("\r\n", "\n").rstrip("\n").split("\n")


def gather_systems(
    system_files: Sequence[str] | None, translations: Any, use_translations: bool
) -> list[tuple[str, list[str]]]:
    """``(name, segments)`` pairs: the Translate tab's systems first (when asked), then files.

    Raises:
        UserInputError: when there is no system at all.
    """
    systems: list[tuple[str, list[str]]] = []
    if use_translations:
        if translations is None or not getattr(translations, "systems", None):
            raise UserInputError(
                "There are no translations yet; translate in the Translate tab or untick "
                "'Use the Translate tab's translations'."
            )
        for s in translations.systems:
            systems.append((s.label, [t.text for t in s.translations]))
    for path in system_files or ():
        systems.append((Path(path).name, _lines(path, "system output")))
    if not systems:
        raise UserInputError("Upload at least one system output (or use the Translate tab's).")
    names = [n for n, _ in systems]
    if len(set(names)) != len(names):
        raise UserInputError("Two systems have the same name; rename one of the files.")
    return systems


def evaluate(
    ctx: UIContext,
    reference_file: str | None,
    system_files: Sequence[str] | None,
    translations: Any = None,
    use_translations: bool = False,
    metrics: Sequence[str] = ("bleu", "chrf", "ter"),
    significance: str = "none",
) -> EvaluateState:
    """Score every system against the reference; the first system is the baseline.

    Raises:
        UserInputError: for missing or misaligned files, no metric, or an unknown test.
    """
    from workbench.score import score_systems

    if not reference_file:
        raise UserInputError("Upload the reference translations (one segment per line).")
    if not metrics:
        raise UserInputError("Tick at least one metric.")
    if significance not in SIGNIFICANCE_CHOICES:
        raise UserInputError(f"Unknown significance test {significance!r}.")
    references = _lines(reference_file, "reference file")
    systems = gather_systems(system_files, translations, use_translations)
    method = SIGNIFICANCE_CHOICES[significance]
    if method is not None and len(systems) < 2:
        raise UserInputError(
            "A significance test needs two systems or more; add one or pick 'none'."
        )
    scores = score_systems(
        systems, [references], metrics=list(metrics), significance=method, jobs=1
    )
    return EvaluateState(tuple(scores), tuple((n, tuple(h)) for n, h in systems), tuple(references))


def metric_rows(state: EvaluateState | None) -> list[list[Any]]:
    """System, metric, score, 95% CI, p-value and signature per system and metric."""
    if state is None:
        return []
    rows = []
    for system in state.systems:
        tests = {t.metric: t for t in system.significance}
        for score in system.scores:
            test = tests.get(score.metric)
            ci = f"{test.ci_low:.1f}–{test.ci_high:.1f}" if test else ""
            p = (
                f"{test.p_value:.4f}"
                if test
                else ("baseline" if system is state.systems[0] and len(state.systems) > 1 else "")
            )
            rows.append([system.name, score.metric, round(score.score, 2), ci, p, score.signature])
    return rows


def metric_names(state: EvaluateState | None) -> list[str]:
    """Metrics that have segment scores (for the segment table and plots)."""
    if state is None or not state.systems:
        return []
    return [m.metric for m in state.systems[0].scores if m.segment_scores]


def segment_table(
    state: EvaluateState | None, metric: str, query: str = "", order: str = ORDERS[0]
) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows: per segment the reference, each system's output and its score.

    Args:
        metric: Which metric's segment scores to show.
        query: Keep rows where any text contains this (case-insensitive).
        order: One of :data:`ORDERS`; differences are last system minus the baseline.
    """
    if state is None or not state.systems:
        return ["#"], []
    names = [s.name for s in state.systems]
    seg: dict[str, tuple[float, ...]] = {}
    for s in state.systems:
        for m in s.scores:
            if m.metric == metric:
                seg[s.name] = m.segment_scores
    if not seg:
        raise UserInputError(f"No segment scores for {metric!r}; pick another metric.")
    hyps = dict(state.hypotheses)
    headers = ["#", "Reference"]
    for n in names:
        headers += [n, f"{metric} · {n}"]
    if len(names) > 1:
        headers.append("Δ last − first")
    rows: list[list[Any]] = []
    for i, ref in enumerate(state.references):
        row: list[Any] = [i + 1, ref]
        for n in names:
            row += [hyps[n][i], round(seg[n][i], 2)]
        if len(names) > 1:
            row.append(round(seg[names[-1]][i] - seg[names[0]][i], 2))
        rows.append(row)
    q = query.strip().lower()
    if q:
        rows = [r for r in rows if any(q in str(c).lower() for c in r)]
    if order == ORDERS[1]:
        rows.sort(key=lambda r: min(r[3::2][: len(names)]))
    elif order == ORDERS[2] and len(names) > 1:
        rows.sort(key=lambda r: -abs(r[-1]))
    return headers, rows


def plot_data(
    state: EvaluateState | None, metric: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for the corpus-score bar plot and the segment-score scatter plot."""
    if state is None:
        return [], []
    bars = [
        {"system": s.name, "metric": m.metric, "score": m.score}
        for s in state.systems
        for m in s.scores
        if m.metric == metric
    ]
    points = [
        {"system": s.name, "segment": i + 1, "score": v}
        for s in state.systems
        for m in s.scores
        if m.metric == metric
        for i, v in enumerate(m.segment_scores)
    ]
    return bars, points


def export_report(ctx: UIContext, state: EvaluateState | None) -> Path:
    """Write the HTML quality report and return its path.

    Raises:
        UserInputError: when nothing has been scored yet.
    """
    from workbench.export.html_report import write_html_report

    if state is None:
        raise UserInputError("Score some systems first, then download the report.")
    path = output_path(ctx.exports_dir, "evaluation", ".html")
    return write_html_report(list(state.systems), path)
