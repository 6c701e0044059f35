"""Reports of a comparison: the JSON of ``workbench compare``, a standalone HTML page, Markdown.

The HTML page has inline CSS and no external assets (it reads offline) and HTML-escapes every
text it shows, so a ``<script>`` inside a document is displayed, never run. Aligned pairs stand
side by side with their differences highlighted by kind (a colour legend explains the kinds);
then the leftovers on both sides, the aggregates of a case, and the signature.

Spans follow the compare pipeline's convention: ``statement_span`` into the statement's English
translation (its text when it has none), ``report_span`` into the alignment's report sentences
joined by a single space (:data:`REPORT_JOINER`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from workbench.types import (
    DIFFERENCE_KIND_INFO,
    DIFFERENCE_KINDS,
    LANGUAGE_NAMES,
    Alignment,
    Case,
    CaseComparison,
    Comparison,
    Difference,
    ReportRef,
    StatementRef,
)

#: How the report sentences of one alignment are joined (must match the compare pipeline).
REPORT_JOINER = " "

#: Highlight colour of each difference kind (from the one registry of kinds).
KIND_COLOURS: dict[str, str] = {k.name: k.colour for k in DIFFERENCE_KIND_INFO}

#: One line per kind for the legend (from the one registry of kinds).
KIND_MEANINGS: dict[str, str] = {k.name: k.definition for k in DIFFERENCE_KIND_INFO}


#: Names of the case-level leftover counts (``KindCount.scope == "case"``).
_LEFTOVER_NAMES: dict[str, str] = {"omission": "not_retold", "addition": "unmatched_reports"}
_LEFTOVER_TITLES: dict[str, str] = {
    "not_retold": "statements not retold",
    "unmatched_reports": "report sentences with no counterpart",
}

# ─── JSON ────────────────────────────────────────────────────────────────────────────────────


def _statement_dict(ref: StatementRef) -> dict[str, Any]:
    return {
        "index": ref.index,
        "text": ref.text,
        "translation": ref.translation,
        "document_id": ref.document_id,
    }


def _report_dict(ref: ReportRef) -> dict[str, Any]:
    return {"index": ref.index, "text": ref.text, "document_id": ref.document_id}


def _difference_dict(d: Difference) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "statement": d.statement,
        "report": d.report,
        "statement_span": list(d.statement_span) if d.statement_span else None,
        "report_span": list(d.report_span) if d.report_span else None,
        "note": d.note,
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON contract of ``workbench compare`` (plus ``document_id`` and ``note`` keys)."""
    return {
        "signature": comparison.signature,
        "alignments": [
            {
                "statement": _statement_dict(a.statement),
                "reports": [_report_dict(r) for r in a.reports],
                "score": float(a.score),
                "differences": [_difference_dict(d) for d in a.differences],
            }
            for a in comparison.alignments
        ],
        "unmatched_statements": [_statement_dict(s) for s in comparison.unmatched_statements],
        "unmatched_reports": [_report_dict(r) for r in comparison.unmatched_reports],
    }


def flatten(result: CaseComparison) -> Comparison:
    """One :class:`Comparison` holding every document's alignments."""
    return Comparison(
        signature=result.signature,
        alignments=tuple(a for dc in result.documents for a in dc.comparison.alignments),
        unmatched_statements=tuple(
            s for dc in result.documents for s in dc.comparison.unmatched_statements
        ),
        unmatched_reports=result.unmatched_reports,
    )


def aggregates_to_dict(result: CaseComparison) -> dict[str, Any]:
    """The aggregates of a case as plain JSON values."""
    kinds: dict[str, dict[str, int]] = {}
    leftovers: dict[str, dict[str, int]] = {}
    for kc in result.kind_counts:
        if kc.scope == "pair":
            kinds.setdefault(kc.outlet_type, {})[kc.kind] = kc.count
        else:
            name = _LEFTOVER_NAMES.get(kc.kind, kc.kind)
            leftovers.setdefault(kc.outlet_type, {})[name] = kc.count
    labels: dict[str, list[dict[str, Any]]] = {}
    for lu in result.label_uses:
        labels.setdefault(lu.outlet_type, []).append(
            {"label": lu.label, "category": lu.category, "loaded": lu.loaded, "count": lu.count}
        )
    figures = [
        {
            "statement_document": f.statement_document,
            "report_document": f.report_document,
            "outlet_type": f.outlet_type,
            "statement": f.statement,
            "report": f.report,
            "statement_sentence": f.statement_sentence,
            "report_sentence": f.report_sentence,
            "note": f.note,
        }
        for f in result.figures
    ]
    return {
        "differences_by_outlet_type": kinds,
        "leftovers_by_outlet_type": leftovers,
        "labels_by_outlet_type": labels,
        "figures": figures,
    }


def case_to_dict(result: CaseComparison, case: Case | None = None) -> dict[str, Any]:
    """A case comparison as JSON: the :func:`comparison_to_dict` keys over all documents, plus
    ``case``, ``documents`` (metadata) and ``aggregates``."""
    out = comparison_to_dict(flatten(result))
    out["case"] = {"id": result.case_id, "title": result.title}
    if case is not None:
        out["case"]["description"] = case.description
        out["documents"] = [
            {
                "id": d.id,
                "title": d.title,
                "outlet": d.outlet,
                "outlet_type": d.outlet_type.value,
                "language": d.language,
                "date": d.date,
                "url": d.url,
                "provenance": d.provenance.value,
                "translation_provenance": (
                    d.translation_provenance.value if d.translation_provenance else None
                ),
                "licence": d.licence,
                "notes": d.notes,
            }
            for d in case.documents
        ]
    out["aggregates"] = aggregates_to_dict(result)
    return out


def to_json(data: dict[str, Any]) -> str:
    """Pretty JSON, non-ASCII kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ─── HTML ────────────────────────────────────────────────────────────────────────────────────

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;
max-width:1200px;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
code,.sig{font:12px/1.4 ui-monospace,Consolas,monospace;word-break:break-all}
.sig{background:#f4f4f4;padding:.5rem;border-radius:4px}
.legend span,.kind{display:inline-block;padding:0 .4rem;border-radius:3px;margin:.1rem;
font-size:12px;border:1px solid #999}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;border:1px solid #ddd;
border-radius:6px;padding:.75rem;margin:.75rem 0}
.side h3{font-size:.8rem;color:#555;margin:0 0 .25rem;text-transform:uppercase}
.orig{color:#555;font-size:.9rem;margin:.25rem 0}
.diffs{grid-column:1/3;margin:0;padding-left:1.2rem;font-size:.9rem}
mark{border-radius:2px;padding:0 1px;color:#000}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
.loaded{font-weight:bold;color:#9b1c31}
.meta{color:#666;font-size:.8rem}
@media (max-width:700px){.pair{grid-template-columns:1fr}.diffs{grid-column:1}}
@media print{.pair{break-inside:avoid}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _kind_class(kind: str) -> str:
    return f"k-{kind}" if kind in KIND_COLOURS else "k-other"


def _kind_css() -> str:
    rules = [f".k-{k}{{background:{c}}}" for k, c in KIND_COLOURS.items()]
    return "\n".join(rules) + "\n.k-other{background:#eee}"


def highlight(text: str, spans: Iterable[tuple[tuple[int, int] | None, str]]) -> str:
    """``text`` HTML-escaped, with each ``(span, kind)`` wrapped in a ``<mark>`` of its kind.

    Overlapping spans are clipped so that marks never nest; spans outside the text are ignored.
    """
    marks = sorted(
        (max(0, s[0]), min(len(text), s[1]), kind)
        for s, kind in spans
        if s is not None and s[1] > s[0]
    )
    out: list[str] = []
    pos = 0
    for start, end, kind in marks:
        start = max(start, pos)
        if end <= start:
            continue
        out.append(_e(text[pos:start]))
        out.append(
            f'<mark class="{_kind_class(kind)}" title="{_e(kind)}">{_e(text[start:end])}</mark>'
        )
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _legend() -> str:
    chips = "".join(
        f'<span class="{_kind_class(k)}" title="{_e(KIND_MEANINGS.get(k, ""))}">{_e(k)}</span> '
        f"<small>{_e(KIND_MEANINGS.get(k, ''))}</small><br>"
        for k in DIFFERENCE_KINDS
    )
    return f'<div class="legend">{chips}</div>'


def _difference_item(d: Difference) -> str:
    statement = f"“{_e(d.statement)}”" if d.statement else "—"
    report = f"“{_e(d.report)}”" if d.report else "—"
    note = f' <span class="meta">{_e(d.note)}</span>' if d.note else ""
    return (
        f'<li><span class="kind {_kind_class(d.kind)}">{_e(d.kind)}</span> '
        f"{statement} → {report}{note}</li>"
    )


def _pair(al: Alignment, labels: dict[str, str]) -> str:
    st = al.statement
    st_text = st.translation or st.text
    st_html = highlight(st_text, [(d.statement_span, d.kind) for d in al.differences])
    lang = labels.get(st.document_id, "")
    lang_attr = f' lang="{_e(lang)}"' if lang else ""
    orig = f'<p class="orig"{lang_attr}>{_e(st.text)}</p>'
    orig = orig if st.translation else ""
    report_text = REPORT_JOINER.join(r.text for r in al.reports)
    rep_html = highlight(report_text, [(d.report_span, d.kind) for d in al.differences])
    where = ", ".join(
        f"#{r.index}" + (f" {r.document_id}" if r.document_id else "") for r in al.reports
    )
    doc = f" · {_e(st.document_id)}" if st.document_id else ""
    diffs = "".join(_difference_item(d) for d in al.differences) or "<li>no differences found</li>"
    return (
        f'<section class="pair"><div class="side"><h3>Statement #{st.index}{doc}</h3>{orig}'
        f'<p>{st_html}</p></div><div class="side"><h3>Report {_e(where)} · score '
        f'{al.score:.3f}</h3><p>{rep_html}</p></div><ul class="diffs">{diffs}</ul></section>'
    )


def _unmatched(title: str, refs: Sequence[StatementRef | ReportRef], empty: str) -> str:
    if not refs:
        return f"<h2>{_e(title)}</h2><p>{_e(empty)}</p>"
    items = []
    for ref in refs:
        doc = f' <span class="meta">{_e(ref.document_id)}</span>' if ref.document_id else ""
        tr = getattr(ref, "translation", None)
        tr_html = f"<br><em>{_e(tr)}</em>" if tr else ""
        items.append(f"<li>#{ref.index}{doc}: {_e(ref.text)}{tr_html}</li>")
    return f"<h2>{_e(title)} ({len(refs)})</h2><ul>{''.join(items)}</ul>"


def _aggregates_html(result: CaseComparison) -> str:
    agg = aggregates_to_dict(result)
    kinds_by_type: dict[str, dict[str, int]] = agg["differences_by_outlet_type"]
    kinds = [k for k in DIFFERENCE_KINDS if any(k in v for v in kinds_by_type.values())]
    leftovers: dict[str, dict[str, int]] = agg["leftovers_by_outlet_type"]
    head = "".join(f'<th><span class="kind {_kind_class(k)}">{_e(k)}</span></th>' for k in kinds)
    head += "".join(f"<th>{_e(t)}</th>" for t in _LEFTOVER_TITLES.values())
    rows = "".join(
        f"<tr><th>{_e(t)}</th>"
        + "".join(f"<td>{kinds_by_type.get(t, {}).get(k, 0)}</td>" for k in kinds)
        + "".join(f"<td>{leftovers.get(t, {}).get(n, 0)}</td>" for n in _LEFTOVER_TITLES)
        + "</tr>"
        for t in sorted(set(kinds_by_type) | set(leftovers))
    )
    out = [
        "<h2>Aggregates</h2><h3>Differences by outlet type of the reporting</h3>",
        f"<table><tr><th>outlet type</th>{head}</tr>{rows}</table>",
        '<p class="meta">Kinds count differences inside aligned pairs; the last two columns '
        "count the statements no report of that outlet type retells and its report sentences "
        "that retell no statement.</p>",
        "<h3>Labels for the actors, by outlet type</h3><table><tr><th>outlet type</th>"
        "<th>labels, most used first (loaded in bold red)</th></tr>",
    ]
    for t, uses in sorted(agg["labels_by_outlet_type"].items()):
        cells = ", ".join(
            f'<span class="{"loaded" if u["loaded"] else "neutral"}">{_e(u["label"])}</span> '
            f'×{u["count"]} <span class="meta">{_e(u["category"])}</span>'
            for u in uses
        )
        out.append(f"<tr><th>{_e(t)}</th><td>{cells}</td></tr>")
    out.append("</table><h3>Figures that disagree</h3>")
    if result.figures:
        out.append(
            "<table><tr><th>statement</th><th>report</th><th>outlet type</th><th>in the "
            "statement</th><th>in the report</th></tr>"
        )
        for f in result.figures:
            out.append(
                f"<tr><td><b>{_e(f.statement or '—')}</b></td><td><b>{_e(f.report or '—')}</b>"
                f"</td><td>{_e(f.outlet_type)}</td><td>{_e(f.statement_sentence)}<br>"
                f'<span class="meta">{_e(f.statement_document)}</span></td><td>'
                f'{_e(f.report_sentence)}<br><span class="meta">{_e(f.report_document)}</span>'
                "</td></tr>"
            )
        out.append("</table>")
    else:
        out.append("<p>No figure differs.</p>")
    return "".join(out)


def _documents_html(case: Case) -> str:
    rows = "".join(
        f"<tr><td><code>{_e(d.id)}</code><br>{_e(d.title)}</td><td>{_e(d.outlet)}</td>"
        f"<td>{_e(d.outlet_type.value)}</td><td>{_e(LANGUAGE_NAMES.get(d.language, d.language))}"
        f"</td><td>{_e(d.date)}</td><td>{_e(d.provenance.value)}"
        + (
            f"<br><span class='meta'>translation: {_e(d.translation_provenance.value)}</span>"
            if d.translation_provenance
            else ""
        )
        + f"</td><td>{_e(d.licence)}</td><td class='meta'>{_e(d.notes)}</td></tr>"
        for d in case.documents
    )
    return (
        "<h2>Documents</h2><table><tr><th>document</th><th>outlet</th><th>type</th>"
        "<th>language</th><th>date</th><th>provenance</th><th>licence</th><th>notes</th></tr>"
        f"{rows}</table>"
    )


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}{_kind_css()}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _comparison_body(comparison: Comparison, languages: dict[str, str]) -> str:
    pairs = "".join(_pair(a, languages) for a in comparison.alignments)
    return (
        f"<h2>Aligned statements and reports ({len(comparison.alignments)})</h2>{_legend()}"
        + (pairs or "<p>No statement is retold by the reporting.</p>")
        + _unmatched(
            "Statements no report retells",
            comparison.unmatched_statements,
            "Every statement is retold.",
        )
        + _unmatched(
            "Report sentences with no counterpart in the statements",
            comparison.unmatched_reports,
            "Every report sentence retells a statement.",
        )
    )


def comparison_html(
    comparison: Comparison, *, title: str = "Statements compared with reporting"
) -> str:
    """A standalone HTML report of one comparison."""
    body = (
        f"<h1>{_e(title)}</h1>{_comparison_body(comparison, {})}"
        f'<h2>Signature</h2><p class="sig">{_e(comparison.signature)}</p>'
    )
    return _page(title, body)


def case_html(result: CaseComparison, case: Case | None = None) -> str:
    """A standalone HTML report of a whole case: aggregates, pairs, leftovers, documents."""
    languages = {d.id: d.language for d in case.documents} if case else {}
    intro = f"<p>{_e(case.description)}</p>" if case and case.description else ""
    body = (
        f"<h1>{_e(result.title)}</h1><p class='meta'>case <code>{_e(result.case_id)}</code></p>"
        f"{intro}{_aggregates_html(result)}{_comparison_body(flatten(result), languages)}"
        + (_documents_html(case) if case else "")
        + f'<h2>Signature</h2><p class="sig">{_e(result.signature)}</p>'
    )
    return _page(result.title, body)


# ─── Markdown ────────────────────────────────────────────────────────────────────────────────


def _md(text: object) -> str:
    """Text safe inside Markdown (and inside the HTML a Markdown renderer makes of it)."""
    escaped = html.escape(str(text), quote=False).replace("|", "\\|")
    return " ".join(escaped.split())


def _md_comparison(comparison: Comparison) -> list[str]:
    lines = [f"## Aligned statements and reports ({len(comparison.alignments)})", ""]
    for al in comparison.alignments:
        st = al.statement
        doc = f" ({_md(st.document_id)})" if st.document_id else ""
        lines.append(f"### Statement #{st.index}{doc} · score {al.score:.3f}")
        lines.append("")
        if st.translation:
            lines.append(f"> {_md(st.text)}")
            lines.append(">")
            lines.append(f"> *{_md(st.translation)}*")
        else:
            lines.append(f"> {_md(st.text)}")
        lines.append("")
        for r in al.reports:
            lines.append(f"- report #{r.index} {_md(r.document_id)}: {_md(r.text)}")
        lines.append("")
        for d in al.differences:
            lines.append(
                f"  - **{_md(d.kind)}**: “{_md(d.statement) or '—'}” → “{_md(d.report) or '—'}”"
                + (f" — {_md(d.note)}" if d.note else "")
            )
        lines.append("")
    lines += [f"## Statements no report retells ({len(comparison.unmatched_statements)})", ""]
    lines += [
        f"- #{s.index} {_md(s.document_id)}: {_md(s.text)}"
        + (f" — *{_md(s.translation)}*" if s.translation else "")
        for s in comparison.unmatched_statements
    ]
    lines += [
        "",
        f"## Report sentences with no counterpart ({len(comparison.unmatched_reports)})",
        "",
    ]
    lines += [
        f"- #{r.index} {_md(r.document_id)}: {_md(r.text)}" for r in comparison.unmatched_reports
    ]
    return lines


def comparison_markdown(
    comparison: Comparison, *, title: str = "Statements compared with reporting"
) -> str:
    """A Markdown report of one comparison."""
    lines = [f"# {_md(title)}", ""] + _md_comparison(comparison)
    lines += ["", "## Signature", "", f"`{comparison.signature}`", ""]
    return "\n".join(lines)


def _md_aggregates(result: CaseComparison) -> list[str]:
    agg = aggregates_to_dict(result)
    kinds_by_type: dict[str, dict[str, int]] = agg["differences_by_outlet_type"]
    kinds = [k for k in DIFFERENCE_KINDS if any(k in v for v in kinds_by_type.values())]
    leftovers: dict[str, dict[str, int]] = agg["leftovers_by_outlet_type"]
    columns = kinds + list(_LEFTOVER_TITLES.values())
    lines = ["## Differences by outlet type of the reporting", ""]
    lines.append("| outlet type | " + " | ".join(columns) + " |")
    lines.append("|---|" + "---|" * len(columns))
    for t in sorted(set(kinds_by_type) | set(leftovers)):
        counts = [kinds_by_type.get(t, {}).get(k, 0) for k in kinds]
        counts += [leftovers.get(t, {}).get(n, 0) for n in _LEFTOVER_TITLES]
        lines.append(f"| {_md(t)} | " + " | ".join(str(c) for c in counts) + " |")
    lines += ["", "## Labels for the actors, by outlet type (loaded in bold)", ""]
    for t, uses in sorted(agg["labels_by_outlet_type"].items()):
        cells = ", ".join(
            (f"**{_md(u['label'])}**" if u["loaded"] else _md(u["label"])) + f" ×{u['count']}"
            for u in uses
        )
        lines.append(f"- {_md(t)}: {cells}")
    lines += ["", "## Figures that disagree", ""]
    for f in result.figures:
        lines.append(
            f"- {_md(f.statement) or '—'} ({_md(f.statement_document)}) vs "
            f"{_md(f.report) or '—'} ({_md(f.report_document)}, {_md(f.outlet_type)}): "
            f"“{_md(f.statement_sentence)}” / “{_md(f.report_sentence)}”"
        )
    if not result.figures:
        lines.append("No figure differs.")
    return lines + [""]


def case_markdown(result: CaseComparison, case: Case | None = None) -> str:
    """A Markdown report of a whole case."""
    lines = [f"# {_md(result.title)}", "", f"Case `{result.case_id}`", ""]
    lines += _md_aggregates(result) + _md_comparison(flatten(result))
    if case is not None:
        lines += [
            "",
            "## Documents",
            "",
            "| id | outlet | type | language | provenance | licence |",
        ]
        lines.append("|---|---|---|---|---|---|")
        lines += [
            f"| {_md(d.id)} | {_md(d.outlet)} | {d.outlet_type.value} | {d.language} | "
            f"{d.provenance.value} | {_md(d.licence)} |"
            for d in case.documents
        ]
    lines += ["", "## Signature", "", f"`{result.signature}`", ""]
    return "\n".join(lines)


# ─── formats ─────────────────────────────────────────────────────────────────────────────────

#: Writers of one comparison by format name (``workbench compare --format``).
COMPARISON_FORMATS: dict[str, Callable[[Comparison], str]] = {
    "json": lambda c: to_json(comparison_to_dict(c)),
    "html": comparison_html,
    "md": comparison_markdown,
}

#: Writers of a case comparison by format name.
CASE_FORMATS: dict[str, Callable[[CaseComparison, Case | None], str]] = {
    "json": lambda r, c: to_json(case_to_dict(r, c)),
    "html": case_html,
    "md": case_markdown,
}
