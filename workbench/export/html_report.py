"""A standalone HTML report of system scores: tables and inline SVG plots, no network needed.

The page holds a table of corpus scores (with significance against the baseline and each
score's sacreBLEU signature), per metric a histogram of segment scores per system (score
distributions), and per metric and system a scatter plot of its segment scores against the
baseline's (system vs system). Everything — styles and plots — is inline; every text is
HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from workbench import __version__
from workbench.errors import UserInputError
from workbench.types import MetricScore, SystemScores
from workbench.wording import count

_COLOURS = ("#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93", "#00798c", "#8d6a9f")
_W, _H, _PAD = 420, 240, 46

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em}
th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:.85em;color:#555}.plots{display:flex;flex-wrap:wrap;gap:1em}
figure{margin:0}figcaption{font-size:.9em;color:#444}.better{color:#1e7b34;font-weight:600}
.worse{color:#b3261e;font-weight:600}.ns{color:#777}.ci{color:#555;font-size:.9em}
.warn{background:#fff4ce;border:1px solid #e0b400;padding:.5em .8em}
"""


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _name(score: MetricScore) -> str:
    return score.signature.split("|", 1)[0] or score.metric


def _direction(score: MetricScore) -> str:
    return "higher is better" if score.higher_is_better else "lower is better"


def _table(systems: Sequence[SystemScores]) -> str:
    metrics = [s.metric for s in systems[0].scores]
    head = "".join(
        f"<th>{_esc(_name(m))}<br><small>{_direction(m)}</small></th>" for m in systems[0].scores
    )
    rows = []
    for i, system in enumerate(systems):
        tests = {t.metric: t for t in system.significance}
        cells = []
        for metric, score in zip(metrics, system.scores, strict=True):
            cell = f"{score.score:.2f}"
            if score.ci_low is not None and score.ci_high is not None:
                cell += f" <span class='ci'>[{score.ci_low:.2f}–{score.ci_high:.2f}]</span>"
            test = tests.get(metric)
            if test is not None:
                verdict = test.verdict()
                cls = {"better": "better", "worse": "worse"}.get(verdict, "ns")
                cell += f" <span class='{cls}'>(p = {test.p_value:.4f}, {_esc(verdict)})</span>"
            cells.append(f"<td class='num'>{cell}</td>")
        label = _esc(system.name) + (" <em>(baseline)</em>" if i == 0 and len(systems) > 1 else "")
        rows.append(f"<tr><th>{label}</th>{''.join(cells)}</tr>")
    legend = (
        "<p>Brackets: 95% bootstrap confidence interval of the score. Green: significantly "
        "better than the baseline (p &lt; 0.05) in the metric's direction; red: significantly "
        "worse; grey: not significant.</p>"
    )
    return f"<table><tr><th>system</th>{head}</tr>{''.join(rows)}</table>{legend}"


def _signatures(systems: Sequence[SystemScores]) -> str:
    seen: list[str] = []
    for system in systems:
        for text in [s.signature for s in system.scores] + [
            t.signature for t in system.significance
        ]:
            if text and text not in seen:
                seen.append(text)
    return "<ul>" + "".join(f"<li><code>{_esc(s)}</code></li>" for s in seen) + "</ul>"


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """``count + 1`` evenly spaced axis values from ``lo`` to ``hi``."""
    step = (hi - lo) / count
    return [lo + k * step for k in range(count + 1)]


def _axes(
    x_label: str,
    y_label: str,
    x_range: tuple[float, float] | None = None,
    y_range: tuple[float, float] | None = None,
) -> str:
    """Axis lines, labels and tick numbers (``x_range``/``y_range``: value at each end)."""
    x0, y0, x1, y1 = _PAD, _H - _PAD, _W - 10, 10
    parts = [
        f"<line x1='{x0}' y1='{y0}' x2='{x1}' y2='{y0}' stroke='#333'/>"
        f"<line x1='{x0}' y1='{y0}' x2='{x0}' y2='{y1}' stroke='#333'/>"
        f"<text x='{(x0 + x1) / 2}' y='{_H - 4}' text-anchor='middle' font-size='11'>"
        f"{_esc(x_label)}</text>"
        f"<text x='10' y='{(y0 + y1) / 2}' font-size='11' text-anchor='middle' "
        f"transform='rotate(-90 10 {(y0 + y1) / 2})'>{_esc(y_label)}</text>"
    ]
    if x_range is not None:
        lo, hi = x_range
        for v in _ticks(lo, hi):
            x = x0 + (v - lo) / ((hi - lo) or 1) * (x1 - x0)
            parts.append(
                f"<line x1='{x:.1f}' y1='{y0}' x2='{x:.1f}' y2='{y0 + 4}' stroke='#333'/>"
                f"<text class='tick' x='{x:.1f}' y='{y0 + 15}' text-anchor='middle' "
                f"font-size='10'>{v:g}</text>"
            )
    if y_range is not None:
        lo, hi = y_range
        for v in _ticks(lo, hi):
            y = y0 - (v - lo) / ((hi - lo) or 1) * (y0 - y1)
            parts.append(
                f"<line x1='{x0 - 4}' y1='{y:.1f}' x2='{x0}' y2='{y:.1f}' stroke='#333'/>"
                f"<text class='tick' x='{x0 - 6}' y='{y + 3:.1f}' text-anchor='end' "
                f"font-size='10'>{v:.3g}</text>"
            )
    return "".join(parts)


def _range(values: Sequence[float]) -> tuple[float, float]:
    lo, hi = min(values, default=0.0), max(values, default=1.0)
    lo, hi = min(lo, 0.0), max(hi, 100.0 if hi <= 100 else hi)
    return lo, (hi if hi > lo else lo + 1)


def histogram_svg(systems: Sequence[SystemScores], metric_index: int, bins: int = 20) -> str:
    """Segment-score distributions of every system on one metric, as an inline SVG."""
    series = [s.scores[metric_index].segment_scores for s in systems]
    lo, hi = _range([v for s in series for v in s])
    width = (hi - lo) / bins
    counts: list[list[float]] = []
    for values in series:
        tally = [0] * bins
        for v in values:
            tally[min(bins - 1, int((v - lo) / width))] += 1
        counts.append([x / max(1, len(values)) for x in tally])
    top = max((x for c in counts for x in c), default=1.0) or 1.0
    sx = (_W - 10 - _PAD) / bins
    parts = [
        _axes(
            f"segment {_name(systems[0].scores[metric_index])}",
            "share of segments",
            (lo, hi),
            (0.0, top),
        )
    ]
    for k, c in enumerate(counts):
        points = " ".join(
            f"{_PAD + (b + 0.5) * sx:.1f},{_H - _PAD - (x / top) * (_H - _PAD - 10):.1f}"
            for b, x in enumerate(c)
        )
        colour = _COLOURS[k % len(_COLOURS)]
        parts.append(
            f"<polyline fill='none' stroke='{colour}' stroke-width='2' points='{points}'/>"
        )
        parts.append(
            f"<text x='{_W - 14}' y='{22 + 14 * k}' text-anchor='end' font-size='11' "
            f"fill='{colour}'>{_esc(systems[k].name)}</text>"
        )
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{_W}' height='{_H}'>{''.join(parts)}</svg>"
    )


#: Bar colours by verdict against the baseline (the baseline and untested systems: neutral).
_VERDICT_COLOURS = {"better": "#2e933c", "worse": "#d1495b", "not significant": "#8a8a8a"}


def bars_svg(systems: Sequence[SystemScores], metric_index: int) -> str:
    """Corpus scores as bars starting at 0, with each system's 95% interval as a whisker and
    colours by verdict against the baseline (green better, red worse, in the metric's
    direction)."""
    scores = [s.scores[metric_index] for s in systems]
    top = max([m.ci_high or m.score for m in scores] + [m.score for m in scores] + [1.0])
    hi = 100.0 if top <= 100 else top * 1.05
    slot = (_W - 10 - _PAD) / max(1, len(systems))

    def py(v: float) -> float:
        return _H - _PAD - max(0.0, v) / hi * (_H - _PAD - 10)

    parts = [_axes(f"{_name(scores[0])} ({_direction(scores[0])})", "score", None, (0.0, hi))]
    for k, (system, score) in enumerate(zip(systems, scores, strict=True)):
        test = {t.metric: t for t in system.significance}.get(score.metric)
        colour = _VERDICT_COLOURS[test.verdict()] if test else "#1b6ca8"
        x = _PAD + k * slot + slot * 0.2
        w = slot * 0.6
        parts.append(
            f"<rect x='{x:.1f}' y='{py(score.score):.1f}' width='{w:.1f}' "
            f"height='{py(0) - py(score.score):.1f}' fill='{colour}'><title>"
            f"{_esc(system.name)}: {score.score:.2f}</title></rect>"
            f"<text x='{x + w / 2:.1f}' y='{_H - _PAD + 14}' text-anchor='middle' "
            f"font-size='10'>{_esc(system.name[:18])}</text>"
        )
        if score.ci_low is not None and score.ci_high is not None:
            cx = x + w / 2
            parts.append(
                f"<line x1='{cx:.1f}' y1='{py(score.ci_low):.1f}' x2='{cx:.1f}' "
                f"y2='{py(score.ci_high):.1f}' stroke='#222' stroke-width='1.5'/>"
            )
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{_W}' height='{_H}'>{''.join(parts)}</svg>"
    )


def scatter_svg(baseline: MetricScore, other: MetricScore, x_name: str, y_name: str) -> str:
    """Segment scores of one system (y) against the baseline's (x), with the diagonal."""
    lo, hi = _range(list(baseline.segment_scores) + list(other.segment_scores))
    span = hi - lo

    def px(v: float) -> float:
        return _PAD + (v - lo) / span * (_W - 10 - _PAD)

    def py(v: float) -> float:
        return _H - _PAD - (v - lo) / span * (_H - _PAD - 10)

    dots = "".join(
        f"<circle cx='{px(x):.1f}' cy='{py(y):.1f}' r='2' fill='#1b6ca8' fill-opacity='0.35'/>"
        for x, y in zip(baseline.segment_scores, other.segment_scores, strict=True)
    )
    diagonal = f"<line x1='{px(lo)}' y1='{py(lo)}' x2='{px(hi)}' y2='{py(hi)}' stroke='#999' stroke-dasharray='4'/>"
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{_W}' height='{_H}'>"
        f"{_axes(x_name, y_name, (lo, hi), (lo, hi))}{diagonal}{dots}</svg>"
    )


def render_html_report(
    systems: Sequence[SystemScores],
    *,
    title: str = "Translation quality report",
    notes: str = "",
    warnings: Sequence[str] = (),
) -> str:
    """The report as one HTML string (no external resources); ``warnings`` are shown above
    the scores."""
    if not systems or not systems[0].scores:
        raise UserInputError("Nothing to report: no system scores were given.")
    plots = []
    for m, score in enumerate(systems[0].scores):
        figures = [
            f"<figure>{bars_svg(systems, m)}<figcaption>{_esc(_name(score))}: corpus score "
            "(bars from 0; whiskers: 95% interval)</figcaption></figure>",
            f"<figure>{histogram_svg(systems, m)}<figcaption>{_esc(_name(score))}: "
            "distribution of segment scores</figcaption></figure>",
        ]
        for other in systems[1:]:
            figures.append(
                f"<figure>{scatter_svg(score, other.scores[m], systems[0].name, other.name)}"
                f"<figcaption>{_esc(_name(score))} per segment: {_esc(other.name)} (y) vs "
                f"{_esc(systems[0].name)} (x)</figcaption></figure>"
            )
        plots.append(f"<h3>{_esc(_name(score))}</h3><div class='plots'>{''.join(figures)}</div>")
    made = datetime.now(timezone.utc).isoformat(timespec="seconds")
    n = len(systems[0].scores[0].segment_scores)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_esc(title)}</h1><p>{count(len(systems), 'system')}, {count(n, 'segment')}. Made {made} by "
        f"workbench {__version__}.</p>{f'<p>{_esc(notes)}</p>' if notes else ''}"
        f"{''.join(f'<p class=warn>{_esc(w)}</p>' for w in warnings)}"
        f"<h2>Corpus scores</h2>{_table(systems)}<h2>Signatures</h2>{_signatures(systems)}"
        f"<h2>Plots</h2>{''.join(plots)}</body></html>\n"
    )


def write_html_report(
    systems: Sequence[SystemScores],
    path: str | Path,
    *,
    title: str = "Translation quality report",
    notes: str = "",
    warnings: Sequence[str] = (),
) -> Path:
    """Write :func:`render_html_report` to ``path`` and return it."""
    target = Path(path)
    try:
        page = render_html_report(systems, title=title, notes=notes, warnings=warnings)
        target.write_text(page, encoding="utf-8")
    except OSError as err:
        raise UserInputError(f"Cannot write {target}: {err.strerror or err}.") from err
    return target
