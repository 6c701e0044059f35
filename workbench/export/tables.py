"""Scores and human judgments as JSON, CSV, JSONL and plain text.

Every row carries the signature of what it is: sacreBLEU's signature for a metric score, the
test's signature (with resamples and seed) for a significance result, the translation
signature for a judgment.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from typing import Any

from workbench.types import Judgment, MetricScore, SignificanceResult, SystemScores


def _score_name(score: MetricScore) -> str:
    return score.signature.split("|", 1)[0] or score.metric


def _test_dict(test: SignificanceResult) -> dict[str, Any]:
    return {
        "baseline": test.baseline,
        "method": test.method,
        "p_value": test.p_value,
        "mean": test.mean,
        "ci_low": test.ci_low,
        "ci_high": test.ci_high,
        "ci": (test.ci_high - test.ci_low) / 2,
        "resamples": test.resamples,
        "seed": test.seed,
        "test_signature": test.signature,
        "verdict": test.verdict(),
    }


def scores_to_dict(systems: Sequence[SystemScores], **meta: Any) -> dict[str, Any]:
    """The JSON document of ``workbench score``: per system, per metric.

    Each metric entry holds ``name`` (sacreBLEU's), ``score`` (full precision), ``signature``
    (sacreBLEU's, name first), ``segments`` (per-segment scores) and, for every system but the
    baseline when a test ran, ``p_value``, ``mean``, ``ci_low``, ``ci_high``, the test's
    signature and ``verdict`` (``better``/``worse``/``not significant`` by the metric's
    direction, ``higher_is_better``). Every system, the baseline included, carries
    ``ci_low``/``ci_high`` when intervals were computed.
    """
    out_systems = []
    for i, system in enumerate(systems):
        tests = {t.metric: t for t in system.significance}
        metrics: dict[str, Any] = {}
        for score in system.scores:
            entry: dict[str, Any] = {
                "name": _score_name(score),
                "score": score.score,
                "signature": score.signature,
                "segments": list(score.segment_scores),
                "higher_is_better": score.higher_is_better,
            }
            if score.ci_low is not None and score.ci_high is not None:
                entry.update(
                    ci_low=score.ci_low, ci_high=score.ci_high, ci_resamples=score.ci_resamples
                )
            if score.metric in tests:
                entry.update(_test_dict(tests[score.metric]))
            metrics[score.metric] = entry
        out_systems.append({"name": system.name, "baseline": i == 0, "metrics": metrics})
    return {**meta, "systems": out_systems}


def scores_to_json(systems: Sequence[SystemScores], **meta: Any) -> str:
    """:func:`scores_to_dict` as indented JSON."""
    return json.dumps(scores_to_dict(systems, **meta), ensure_ascii=False, indent=1)


def scores_to_text(systems: Sequence[SystemScores], width: int = 1) -> str:
    """sacreBLEU-style lines: ``BLEU|nrefs:1|...|version:2.6.0 = 29.4`` per system and metric,
    with ``(μ = m ± ci, p = 0.0010)`` after each non-baseline score when a test ran."""
    lines: list[str] = []
    for i, system in enumerate(systems):
        tests = {t.metric: t for t in system.significance}
        label = f"{system.name} (baseline)" if i == 0 and len(systems) > 1 else system.name
        lines.append(label)
        for score in system.scores:
            text = f"  {score.signature} = {score.score:.{width}f}"
            test = tests.get(score.metric)
            if test is not None:
                half = (test.ci_high - test.ci_low) / 2
                star = "*" if test.p_value < 0.05 else ""
                text += (
                    f" (μ = {test.mean:.{width}f} ± {half:.{width}f}, p = {test.p_value:.4f}{star})"
                )
                if star:
                    text += f" {test.verdict()}"
            elif score.ci_low is not None and score.ci_high is not None:
                text += f" (95% CI {score.ci_low:.{width}f}–{score.ci_high:.{width}f})"
            lines.append(text)
    lower = sorted({_score_name(m) for s in systems for m in s.scores if not m.higher_is_better})
    if lower:
        lines.append(f"Lower is better for {', '.join(lower)}; higher for the others.")
    all_tests = [t for s in systems for t in s.significance]
    if all_tests:
        lines.append(
            f"{all_tests[0].method} test against {all_tests[0].baseline}; * marks p < 0.05. "
            "Test signatures:"
        )
        seen: list[str] = []
        for t in all_tests:
            if t.signature not in seen:
                seen.append(t.signature)
                lines.append(f"  {t.signature}")
    return "\n".join(lines) + "\n"


def score_rows(systems: Sequence[SystemScores]) -> list[dict[str, Any]]:
    """One flat row per system and metric (corpus level) for CSV/JSONL."""
    rows = []
    for system in systems:
        tests = {t.metric: t for t in system.significance}
        for score in system.scores:
            test = tests.get(score.metric)
            rows.append(
                {
                    "system": system.name,
                    "metric": score.metric,
                    "name": _score_name(score),
                    "score": score.score,
                    "signature": score.signature,
                    "p_value": test.p_value if test else "",
                    "mean": test.mean if test else "",
                    "ci_low": test.ci_low if test else "",
                    "ci_high": test.ci_high if test else "",
                    "test_signature": test.signature if test else "",
                }
            )
    return rows


def segment_rows(systems: Sequence[SystemScores]) -> list[dict[str, Any]]:
    """One row per system, metric and segment (``segment`` counts from 1)."""
    return [
        {"system": s.name, "metric": m.metric, "segment": i, "score": v, "signature": m.signature}
        for s in systems
        for m in s.scores
        for i, v in enumerate(m.segment_scores, start=1)
    ]


#: The columns of a judgments CSV, in order (the fields of :class:`~workbench.types.Judgment`):
#: an export with no judgment yet still has its header, so a user sees the columns to fill in.
JUDGMENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Judgment))


def judgment_rows(judgments: Iterable[Judgment]) -> list[dict[str, Any]]:
    """Judgments as flat rows; error spans as a JSON list in ``errors``."""
    rows = []
    for j in judgments:
        row = asdict(j)
        row["errors"] = json.dumps([asdict(e) for e in j.errors], ensure_ascii=False)
        row["extra"] = json.dumps(dict(j.extra), ensure_ascii=False)
        rows.append(row)
    return rows


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] = ()) -> str:
    """Rows as CSV text with a header (RFC 4180 quoting).

    Args:
        rows: The rows (dicts with the same keys).
        columns: The header when there are no rows (with rows, their keys are the header);
            without either the text is empty.
    """
    buffer = io.StringIO()
    names = list(rows[0]) if rows else list(columns)
    if names:
        writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    """Rows as JSON Lines (one object per line, UTF-8 kept)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def judgments_to_jsonl(judgments: Iterable[Judgment]) -> str:
    """Judgments as JSON Lines with nested error spans and the translation signature."""
    out = []
    for j in judgments:
        row = asdict(j)
        row["extra"] = dict(j.extra)
        out.append(row)
    return to_jsonl(out)
