"""Evaluate tab: score uploaded system outputs (or the Translate tab's) against references.

The scoring route is :func:`workbench.pipeline.evaluate.score_files`, the same call as
``workbench score``/``report``. This module turns its :class:`Evaluation` into what the tab
shows: the metric table (every system with its 95% interval, direction, verdict), a readable
segment table with hypothesis-vs-reference highlighting, plot data, the report, and the human
judgments of a campaign.

Faithfulness hook: :data:`SEGMENT_COLUMNS` maps a column title to a function
``(evaluation, system_index, segment_index) -> str | None``; every registered column is shown
under each hypothesis in the segment table (the ``faith`` stage registers its check here; the
evaluation keeps the uploaded sources for it).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.pipeline.evaluate import (
    DEFAULT_CONFIDENCE,
    Evaluation,
    corpus_plot,
    judgment_stats,
    score_files,
    write_report,
)
from workbench.types import MetricScore, SystemScores
from workbench.ui.context import UIContext
from workbench.ui.handlers.common import by_file_name, output_path
from workbench.ui.render import esc
from workbench.wording import count

#: Significance choices: label → method name (``None``: no test).
SIGNIFICANCE_CHOICES: dict[str, str | None] = {
    "none": None,
    "paired bootstrap": "bootstrap",
    "approximate randomization": "ar",
}
#: Segment-table orders.
ORDERS: tuple[str, ...] = (
    "segment order",
    "worst first",
    "largest difference first",
    "flagged first (faithfulness; needs the source)",
)
#: Most segment rows rendered at once (filter or reorder to see others).
MAX_ROWS = 200
#: Extra per-hypothesis columns of the segment table (see the module docstring).
SegmentColumn = Callable[[Evaluation, int, int], "str | None"]
SEGMENT_COLUMNS: dict[str, SegmentColumn] = {}

#: The tab's state is the pipeline's evaluation itself.
EvaluateState = Evaluation


def gather_systems(translations: Any, use_translations: bool) -> list[tuple[str, list[str]]]:
    """The Translate tab's systems as ``(name, segments)`` pairs, when asked for.

    Raises:
        UserInputError: when asked for but nothing was translated.
    """
    if not use_translations:
        return []
    if translations is None or not getattr(translations, "systems", None):
        raise UserInputError(
            "There are no translations yet; translate in the Translate tab or untick "
            "'Use the Translate tab's translations'."
        )
    return [(s.label, [t.text for t in s.translations]) for s in translations.systems]


def _paths(files: str | Sequence[str] | None) -> list[str]:
    if not files:
        return []
    return [files] if isinstance(files, str) else [str(f) for f in files]


def evaluate(
    ctx: UIContext,
    reference_files: str | Sequence[str] | None,
    system_files: Sequence[str] | None,
    translations: Any = None,
    use_translations: bool = False,
    metrics: Sequence[str] = ("bleu", "chrf", "ter"),
    significance: str = "none",
    source_file: str | None = None,
) -> Evaluation:
    """Score every system against the references; the first system is the baseline.

    Every system, the baseline included, gets a 95% bootstrap interval.

    Raises:
        UserInputError: for missing or misaligned files, no metric, or an unknown test.
    """
    references = _paths(reference_files)
    if not references:
        raise UserInputError("Upload the reference translations (one segment per line).")
    if not metrics:
        raise UserInputError("Tick at least one metric.")
    if significance not in SIGNIFICANCE_CHOICES:
        raise UserInputError(f"Unknown significance test {significance!r}.")
    extra = gather_systems(translations, use_translations)
    files = _paths(system_files)
    if not extra and not files:
        raise UserInputError("Upload at least one system output (or use the Translate tab's).")
    names = [n for n, _ in extra] + [Path(p).name for p in files]
    if twice := sorted({n for n in names if names.count(n) > 1}):
        # ux13's walk: the file box keeps earlier uploads, so adding a file again gave two
        # systems of one name with no word of which.
        raise UserInputError(
            f"Two systems are named {' and '.join(twice)}: the same file uploaded twice, or two "
            "files of one name (or a file named as a Translate tab system). Remove one from "
            "the system outputs (×), or rename it, and score again."
        )
    method = SIGNIFICANCE_CHOICES[significance]
    # One system is scored with its interval and no test (as `workbench score` does): the
    # test, the radio's default, compares systems, and refusing a first single system left the
    # evaluator with nothing but an error.
    alone = method is not None and len(names) < 2
    # a file read as cp1251 was said only in the server's log (review22's walk): the evaluator
    # scored it with no word that its bytes were guessed
    decoded: list[str] = []
    try:
        scored = score_files(
            files,
            references,
            names=names[len(extra) :] if files else None,
            source=source_file or None,
            extra_systems=extra,
            metrics=list(metrics),
            significance=None if alone else method,
            confidence=DEFAULT_CONFIDENCE,
            jobs=1,
            notices=decoded,
        )
    except UserInputError as err:
        named = by_file_name(str(err), [*references, *files, source_file])
        if named == str(err):
            raise
        raise UserInputError(named) from err
    from workbench.pipeline.inputs import english_notices
    from workbench.ui.wording import in_ui_terms

    notes = [in_ui_terms(by_file_name(n, [*references, *files, source_file])) for n in decoded]
    notes += english_notices(scored.hypotheses, scored.references)
    if alone:
        notes.append(
            f"Only one system, so no {significance} test: it compares two systems or more. "
            "Its score has its 95% interval; upload another system to test the difference."
        )
    return replace(scored, warnings=(*notes, *scored.warnings)) if notes else scored


def _arrow(score: MetricScore) -> str:
    return "↑" if score.higher_is_better else "↓"


def metric_label(score: MetricScore) -> str:
    """``ter ↓ lower is better`` — the metric's name with its direction."""
    return f"{score.metric} {_arrow(score)} {'higher' if score.higher_is_better else 'lower'} is better"


def metric_rows(state: Evaluation | None) -> list[list[Any]]:
    """System, metric (with direction), score, 95% CI, p-value, verdict and signature."""
    if state is None:
        return []
    rows = []
    for i, system in enumerate(state.systems):
        tests = {t.metric: t for t in system.significance}
        for score in system.scores:
            test = tests.get(score.metric)
            ci = (
                f"{score.ci_low:.1f}–{score.ci_high:.1f}"
                if score.ci_low is not None and score.ci_high is not None
                else "n/a"
            )
            if test is not None:
                p, verdict = f"{test.p_value:.4f}", test.verdict()
            else:
                p = "baseline" if i == 0 and len(state.systems) > 1 else ""
                verdict = ""
            rows.append(
                [
                    system.name,
                    metric_label(score),
                    round(score.score, 2),
                    ci,
                    p,
                    verdict,
                    score.signature,
                ]
            )
    return rows


def warnings_markdown(state: Evaluation | None) -> str:
    """The evaluation's warnings as a Markdown block (empty when there are none), a paragraph
    each (joined by one newline, two warnings ran on as one paragraph: review22's walk)."""
    if state is None or not state.warnings:
        return ""
    return "\n\n".join(f"⚠️ **{esc(w)}**" for w in state.warnings)


def metric_names(state: Evaluation | None) -> list[str]:
    """Metrics that have segment scores (for the segment table and plots)."""
    if state is None or not state.systems:
        return []
    return [m.metric for m in state.systems[0].scores if m.segment_scores]


def _metric(state: Evaluation, metric: str) -> list[MetricScore]:
    found = [m for s in state.systems for m in s.scores if m.metric == metric]
    if len(found) != len(state.systems) or not found[0].segment_scores:
        raise UserInputError(f"No segment scores for {metric!r}; pick another metric.")
    return found


def segment_order(
    state: Evaluation, metric: str, query: str = "", order: str = ORDERS[0]
) -> list[int]:
    """Segment indices to show: filtered by ``query`` (any text contains it, case-insensitive)
    and ordered; "worst first" follows the metric's direction (highest TER first)."""
    if order not in ORDERS:
        raise UserInputError(f"Unknown order {order!r}; choose one of {', '.join(ORDERS)}.")
    scores = _metric(state, metric)
    n = state.segments
    q = query.strip().lower()
    texts = [
        [*(h[i] for _, h in state.hypotheses), *(r[i] for r in state.references)]
        + ([state.sources[i]] if state.sources else [])
        for i in range(n)
    ]
    keep = [i for i in range(n) if not q or any(q in t.lower() for t in texts[i])]
    sign = 1.0 if scores[0].higher_is_better else -1.0
    if order == ORDERS[1]:
        keep.sort(key=lambda i: min(sign * m.segment_scores[i] for m in scores))
    elif order == ORDERS[2] and len(scores) > 1:
        keep.sort(key=lambda i: -abs(scores[-1].segment_scores[i] - scores[0].segment_scores[i]))
    elif order == ORDERS[3]:
        if not state.sources:
            raise UserInputError("Flagged first needs the source: upload the source file.")
        from workbench.ui.handlers.faithfulness import flagged_first

        keep = flagged_first(state, keep)
    return keep


def segment_table(
    state: Evaluation | None, metric: str, query: str = "", order: str = ORDERS[0]
) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows (plain data, for exports and tests): segment number, each system's
    output and score, and the last-minus-first difference; references come last."""
    if state is None or not state.systems:
        return ["#"], []
    scores = _metric(state, metric)
    names = [s.name for s in state.systems]
    hyps = dict(state.hypotheses)
    headers = ["#"]
    for n in names:
        headers += [n, f"{metric} · {n}"]
    if len(names) > 1:
        headers.append("Δ last − first")
    headers += [f"Reference {k + 1}" for k in range(len(state.references))]
    rows: list[list[Any]] = []
    for i in segment_order(state, metric, query, order):
        row: list[Any] = [i + 1]
        for n, m in zip(names, scores, strict=True):
            row += [hyps[n][i], round(m.segment_scores[i], 2)]
        if len(names) > 1:
            row.append(round(scores[-1].segment_scores[i] - scores[0].segment_scores[i], 2))
        row += [r[i] for r in state.references]
        rows.append(row)
    return headers, rows


_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def match_spans(
    hypothesis: str, reference: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the hypothesis words missing from the reference, and of the
    reference words missing from the hypothesis (word-level diff, case-insensitive)."""
    h, r = _tokens(hypothesis), _tokens(reference)
    matcher = difflib.SequenceMatcher(a=[t[2] for t in h], b=[t[2] for t in r], autojunk=False)
    in_h = [True] * len(h)
    in_r = [True] * len(r)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            for k in range(a0, a1):
                in_h[k] = False
            for k in range(b0, b1):
                in_r[k] = False
    return (
        [(s, e) for (s, e, _), ok in zip(h, in_h, strict=True) if not ok],
        [(s, e) for (s, e, _), ok in zip(r, in_r, strict=True) if not ok],
    )


def _marked(text: str, spans: Sequence[tuple[int, int]], css: str, title: str) -> str:
    out, pos = [], 0
    for start, end in spans:
        out.append(esc(text[pos:start]))
        out.append(f'<mark class="{css}" title="{esc(title)}">{esc(text[start:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def _score_class(value: float, lo: float, hi: float, higher_is_better: bool) -> str:
    """``good``/``mid``/``bad`` thirds of the shown range, by the metric's direction."""
    if hi <= lo:
        return "mid"
    frac = (value - lo) / (hi - lo)
    if not higher_is_better:
        frac = 1 - frac
    return "good" if frac >= 2 / 3 else "bad" if frac < 1 / 3 else "mid"


def shown_count(matched: int, total: int, query: str = "") -> str:
    """What the segment table shows, out of how many (a filter that keeps nothing said so:
    it read "Showing 0 of 0 segments (filtered)" over an empty table)."""
    q = query.strip()
    if not q:
        return f"Showing {min(matched, MAX_ROWS)} of {total} segments"
    if matched == 0:
        return f"No segment of {total} contains “{q}”; clear the filter to see them all"
    if matched > MAX_ROWS:
        return f"Showing {MAX_ROWS} of the {matched} segments (of {total}) containing “{q}”"
    which = "segment" if matched == 1 else "segments"
    return f"Showing the {matched} {which} (of {total}) containing “{q}”"


def segment_html(
    state: Evaluation | None, metric: str, query: str = "", order: str = ORDERS[0]
) -> str:
    """The segment table as HTML: hypotheses and scores first and wide, words that differ
    from the first reference highlighted, references (and the source) folded per row."""
    if state is None or not state.systems:
        return "<p class='wb-empty'>Score some systems to see their segments.</p>"
    scores = _metric(state, metric)
    shown = segment_order(state, metric, query, order)
    values = [v for m in scores for v in m.segment_scores]
    lo, hi = min(values), max(values)
    direction = metric_label(scores[0])
    head = "".join(
        f"<th class='wb-seg-sys'>{esc(s.name)}</th><th class='wb-seg-score'>{esc(metric)}</th>"
        for s in state.systems
    )
    body = [_segment_row(state, scores, i, lo, hi) for i in shown[:MAX_ROWS]]
    note = (
        f"<p class='wb-seg-note'>{esc(shown_count(len(shown), state.segments, query))}; "
        f"{esc(direction)}. "
        "<mark class='wb-hyp-miss'>Marked</mark> words are not in reference 1; "
        "<mark class='wb-ref-miss'>marked</mark> reference words are missing from the "
        "hypothesis.</p>"
    )
    return (
        f"{note}<div class='wb-seg-wrap'><table class='wb-seg'><thead><tr><th>#</th>{head}"
        "<th class='wb-seg-ref'>Reference</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _segment_row(state: Evaluation, scores: list[MetricScore], i: int, lo: float, hi: float) -> str:
    ref = state.references[0][i]
    cells = []
    ref_missing: set[tuple[int, int]] = set()
    for k, ((_, hyps), m) in enumerate(zip(state.hypotheses, scores, strict=True)):
        hyp_spans, ref_spans = match_spans(hyps[i], ref)
        ref_missing.update(ref_spans)
        value = m.segment_scores[i]
        css = _score_class(value, lo, hi, m.higher_is_better)
        extra = "".join(
            f"<div class='wb-seg-extra'><b>{esc(title)}:</b> {esc(text)}</div>"
            for title, column in SEGMENT_COLUMNS.items()
            if (text := column(state, k, i))
        )
        cells.append(
            f"<td class='wb-seg-sys'>{_marked(hyps[i], hyp_spans, 'wb-hyp-miss', 'not in the reference')}"
            f"{extra}</td><td class='wb-seg-score wb-score-{css}'>{value:.1f}</td>"
        )
    refs = "".join(
        f"<div><b>Ref {k + 1}:</b> "
        + (
            _marked(r[i], sorted(ref_missing), "wb-ref-miss", "missing from a hypothesis")
            if k == 0
            else esc(r[i])
        )
        + "</div>"
        for k, r in enumerate(state.references)
    )
    source = f"<div><b>Source:</b> {esc(state.sources[i])}</div>" if state.sources else ""
    summary = esc(ref[:40] + ("…" if len(ref) > 40 else ""))
    return (
        f"<tr><td class='wb-seg-n'>{i + 1}</td>{''.join(cells)}"
        f"<td class='wb-seg-ref'><details><summary>{summary}</summary>{refs}{source}"
        "</details></td></tr>"
    )


def plot_data(
    state: Evaluation | None, metric: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for the corpus-score bar data and the segment-score scatter plot."""
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


def score_range(state: Evaluation | None, metric: str) -> tuple[float, float]:
    """The y range of the segment plot: from 0 to at least 100 (TER may go beyond)."""
    if state is None:
        return 0.0, 100.0
    values = [
        v for s in state.systems for m in s.scores if m.metric == metric for v in m.segment_scores
    ]
    return min(0.0, min(values, default=0.0)), max(100.0, max(values, default=0.0))


def corpus_chart(state: Evaluation | None, metric: str) -> str:
    """The corpus-score chart (the HTML report's): bars from 0, intervals, verdict colours."""
    if state is None or not metric:
        return ""
    return f"<div class='wb-chart'>{corpus_plot(state, metric)}</div>"


def export_report(ctx: UIContext, state: Evaluation | None) -> Path:
    """Write the HTML quality report and return its path.

    Raises:
        UserInputError: when nothing has been scored yet.
    """
    if state is None:
        raise UserInputError("Score some systems first, then download the report.")
    return write_report(state, output_path(ctx.exports_dir, "evaluation", ".html"))


# ── human judgments of a campaign ─────────────────────────────────────────────────────────

HUMAN_HEADERS = ["System", "Judgments", "Mean score", "95% CI", "z-score", "MQM/segment"]
ERROR_HEADERS = ["System", "Category", "Severity", "Errors"]


def _fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


#: Protocol filter of the human-judgments panel: label → protocol (``None``: all).
HUMAN_PROTOCOLS: dict[str, str | None] = {"all": None, "DA": "da", "MQM": "mqm", "ESA": "esa"}


def human_results(
    ctx: UIContext, campaign: str, protocol: str = "all"
) -> tuple[list[list[Any]], list[list[Any]], str]:
    """A campaign's human judgments: per-system means with intervals, errors by category and
    severity, and agreement (with its sample size, or "undefined").

    Raises:
        UserInputError: without a campaign or judgments database.
    """
    if not campaign:
        raise UserInputError("Choose a campaign to see its judgments.")
    if not ctx.settings.judgments_path.is_file():
        raise UserInputError("There are no judgments yet; annotate in the Annotate tab first.")
    if protocol not in HUMAN_PROTOCOLS:
        raise UserInputError(f"Unknown protocol {protocol!r}; choose {', '.join(HUMAN_PROTOCOLS)}.")
    stats = judgment_stats(ctx.settings.judgments_path, campaign, HUMAN_PROTOCOLS[protocol])
    systems: list[dict[str, Any]] = stats["systems"]  # type: ignore[assignment]
    rows = [
        [
            s["system"],
            s["judgments"],
            _fmt(s["da_mean"]),
            "n/a" if s["da_ci_low"] is None else f"{s['da_ci_low']:.1f}–{s['da_ci_high']:.1f}",
            _fmt(s["da_z_mean"], 2),
            _fmt(s["mqm_per_segment"], 2),
        ]
        for s in systems
    ]
    errors = [
        [s["system"], category, severity, count]
        for s in systems
        for category, severity, count in s["errors_by_category"]
    ]
    return rows, errors, agreement_markdown(stats)


def _stat(value: float | None, items: int) -> str:
    noun = "item" if items == 1 else "items"
    if value is None:
        return f"undefined ({items} shared {noun})"
    return f"{value:.3f} ({items} shared {noun})"


def agreement_markdown(stats: dict[str, Any]) -> str:
    """Agreement lines: each statistic with its sample size, "undefined" when it cannot be
    computed (never 0.000)."""
    agree = stats["agreement"]
    lines = [
        f"**{count(stats['judgments'], 'judgment')} by "
        f"{count(stats['annotators'], 'annotator')}.** "
        f"Agreement needs at least {stats['min_shared_items']} shared items.",
        f"- Krippendorff's alpha (scores, interval): "
        f"{_stat(agree['krippendorff_alpha_da'], agree['alpha_items'])}",
    ]
    for p in agree["pairs"]:
        lines.append(
            f"- {esc(p['annotator_a'])} vs {esc(p['annotator_b'])}: Pearson "
            f"{_stat(p['pearson'], p['da_items'])}; Cohen's kappa (worst severity) "
            f"{_stat(p['kappa_severity'], p['items'])}"
        )
    if not agree["pairs"] and stats["annotators"] == 0:
        # ux13's walk: a campaign with no judgment yet read "Only one annotator".
        lines.append(
            "- No judgments yet: judge the items in the Annotate tab, or fill in the judgments "
            "template below and import it."
        )
    elif not agree["pairs"]:
        lines.append("- Only one annotator: agreement is undefined.")
    return "\n".join(lines)


def systems_of(state: Evaluation | None) -> tuple[SystemScores, ...]:
    """The scored systems (empty before scoring)."""
    return state.systems if state is not None else ()


def judgments_template(ctx: UIContext, campaign: str | None) -> Path:
    """A CSV of the ``campaign``'s items (every campaign's without one) with the judgment
    columns (annotator, score, errors) empty, to fill in elsewhere and import here: what
    ``workbench judgments export --template --format csv`` writes.

    Raises:
        UserInputError: with no campaign yet, or for a campaign the store does not have.
    """
    from workbench.pipeline.annotate import export_judgments

    if not ctx.settings.judgments_path.is_file():
        raise UserInputError(
            "There are no campaigns yet; create one in the Annotate tab, then download its "
            "template."
        )
    text = export_judgments(ctx.settings.judgments_path, "csv", campaign or None, template=True)
    path = output_path(ctx.exports_dir, f"{campaign or 'judgments'}-template", ".csv")
    path.write_text(text, encoding="utf-8")
    return path


def import_judgments(
    ctx: UIContext, upload: str | None, campaign: str | None
) -> tuple[str, Path | None]:
    """Store the judgments of an uploaded CSV/JSONL (the columns `judgments export` writes).

    Returns:
        An HTML summary (rows stored, already there, refused with their line and problem,
        escaped) and, when rows were refused, a file of them to fix and upload again.

    Raises:
        UserInputError: without a file or a campaign's items, or for a file that cannot be
            imported (format, header, an unknown campaign).
    """
    from workbench.pipeline.annotate import import_judgments as store_judgments
    from workbench.pipeline.annotate import refused_rows
    from workbench.ui.wording import in_ui_terms

    if not upload:
        raise UserInputError("Upload a judgments file (.csv or .jsonl) first.")
    if not ctx.settings.judgments_path.is_file():
        raise UserInputError(
            "There are no campaigns yet; create one in the Annotate tab, then import its judgments."
        )
    name = Path(upload).name
    report = store_judgments(ctx.settings.judgments_path, upload, campaign or None)
    head = (
        f"<p><b>{esc(name)}</b>: {report.stored} stored, {report.unchanged} already there, "
        f"{len(report.refused)} refused, of {report.rows} rows.</p>"
    )
    if not report.refused:
        return head, None
    items = "".join(
        f"<li>line {r.line}: {esc(in_ui_terms(r.problem))}</li>" for r in report.refused[:200]
    )
    more = f"<li>… and {len(report.refused) - 200} more</li>" if len(report.refused) > 200 else ""
    suffix = Path(name).suffix.lower()
    path = output_path(ctx.exports_dir, f"{Path(name).stem}-refused", suffix)
    path.write_text(refused_rows(report.refused, suffix), encoding="utf-8")
    note = (
        "<p>The refused rows are in the file below, with <code>line</code> and "
        "<code>problem</code> columns: fix them and upload that file.</p>"
    )
    return f"{head}<ul class='wb-refused'>{items}{more}</ul>{note}", path
