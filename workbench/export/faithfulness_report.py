"""Faithfulness results as JSONL (one object per input line) or one offline HTML page.

The HTML page is self-contained: inline styles, no scripts, no fonts or images from the
network; every text is escaped. Issue spans are highlighted on both sides, one colour per kind.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict

from workbench import __version__
from workbench.types import FAITH_KIND_INFO, FaithIssue, FaithResult
from workbench.wording import count

#: Highlight colour of each faithfulness kind (from :data:`workbench.types.FAITH_KIND_INFO`).
KIND_COLOURS: dict[str, str] = {k.name: k.colour for k in FAITH_KIND_INFO}


def result_dict(result: FaithResult) -> dict[str, object]:
    """A JSON-ready dict: ``line`` (1-based), ``flagged``, ``score``, ``issues``, texts."""
    return {
        "line": result.index + 1,
        "flagged": result.flagged,
        "score": round(result.score, 4),
        "issues": [asdict(i) for i in result.issues],
        "source": result.source,
        "translation": result.translation,
        "estimates": [asdict(e) for e in result.estimates],
        "signature": result.signature,
    }


def to_jsonl(results: Sequence[FaithResult]) -> str:
    """One JSON object per result, in input order (blank input lines give unflagged objects)."""
    return "".join(json.dumps(result_dict(r), ensure_ascii=False) + "\n" for r in results)


def highlight(text: str, spans: Sequence[tuple[tuple[int, int], str, str]]) -> str:
    """``text`` escaped, with non-overlapping ``(span, kind, note)`` marked; the longest span
    wins where spans overlap."""
    chosen: list[tuple[tuple[int, int], str, str]] = []
    for span, kind, note in sorted(spans, key=lambda x: (x[0][0] - x[0][1], x[0][0])):
        if not any(span[0] < c[0][1] and c[0][0] < span[1] for c in chosen):
            chosen.append((span, kind, note))
    out, pos = [], 0
    for (s, e), kind, note in sorted(chosen):
        out.append(html.escape(text[pos:s]))
        out.append(
            f'<mark class="k-{html.escape(kind)}" title="{html.escape(kind + ": " + note)}">'
            f"{html.escape(text[s:e])}</mark>"
        )
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def issue_spans(issues: Sequence[FaithIssue], side: str) -> list[tuple[tuple[int, int], str, str]]:
    """The spans of ``issues`` on ``side`` (``"source"`` or ``"translation"``)."""
    key: Callable[[FaithIssue], tuple[int, int] | None] = (
        (lambda i: i.source_span) if side == "source" else (lambda i: i.translation_span)
    )
    return [(span, i.kind, i.note) for i in issues if (span := key(i)) is not None]


def mark_css() -> str:
    """CSS giving each issue kind its colour (``mark.k-KIND`` and ``.chip.k-KIND``)."""
    return "".join(f"mark.k-{k},.chip.k-{k}{{background:{c}}}" for k, c in KIND_COLOURS.items())


def _css() -> str:
    marks = mark_css()
    return (
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.35em;"
        "vertical-align:top}th{background:#f2f2f2}tr.flagged td.n{background:#ffe0e0}"
        ".chip{padding:0 .3em;border-radius:3px;font-size:.85em;margin-right:.3em}"
        "code{font-size:.8em;color:#555}ul{margin:0;padding-left:1.2em}" + marks
    )


def to_html(results: Sequence[FaithResult], *, title: str = "Faithfulness check") -> str:
    """A standalone HTML page: per line the source and translation with issue spans marked,
    the score, and the issues with notes. Opens offline; every text is escaped."""
    flagged = sum(r.flagged for r in results)
    blank = sum(not (r.source.strip() or r.translation.strip()) for r in results)
    counted = count(len(results) - blank, "line") + (
        f" (and {count(blank, 'blank line')}, kept in place)" if blank else ""
    )
    rows = []
    for r in results:
        notes = "".join(
            f'<li><span class="chip k-{html.escape(i.kind)}">{html.escape(i.kind)}</span>'
            f"{html.escape(i.note)}</li>"
            for i in r.issues
        )
        rows.append(
            f'<tr class="{"flagged" if r.flagged else "ok"}"><td class="n">{r.index + 1}</td>'
            f"<td>{highlight(r.source, issue_spans(r.issues, 'source'))}</td>"
            f"<td>{highlight(r.translation, issue_spans(r.issues, 'translation'))}</td>"
            f"<td>{r.score:.3f}{' ⚑' if r.flagged else ''}</td><td><ul>{notes}</ul></td></tr>"
        )
    signature = results[0].signature if results else ""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_css()}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{counted}, {flagged} flagged. Score 0–1, "
        "higher is more faithful; below 0.5 is flagged.</p>"
        f"<p><code>{html.escape(signature)}</code></p>"
        "<table><tr><th>#</th><th>source</th><th>translation</th><th>score</th><th>issues</th>"
        f"</tr>{''.join(rows)}</table>"
        f"<p><small>workbench {html.escape(__version__)}</small></p></body></html>\n"
    )


#: Output formats of ``workbench check``.
FAITH_FORMATS: dict[str, Callable[[Sequence[FaithResult]], str]] = {
    "jsonl": to_jsonl,
    "html": to_html,
}
