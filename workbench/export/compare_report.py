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

import dataclasses
import json
from collections.abc import Callable, Sequence
from typing import Any

from workbench.types import (
    Case,
    CaseComparison,
    Comparison,
    Difference,
    FaithResult,
    LinkCorrection,
    LinkSuggestion,
    ReportRef,
    StatementRef,
)
from workbench.view import ViewFilters, build_view, salience_of
from workbench.view.html import page_html
from workbench.view.markdown import view_markdown
from workbench.view.model import as_case, bare_case

#: Names of the case-level leftover counts (``KindCount.scope == "case"``).
_LEFTOVER_NAMES: dict[str, str] = {"omission": "not_retold", "addition": "unmatched_reports"}

# ─── JSON ────────────────────────────────────────────────────────────────────────────────────


def _statement_dict(ref: StatementRef, audit: FaithResult | None = None) -> dict[str, Any]:
    return {
        "index": ref.index,
        "number": ref.index + 1,
        "text": ref.text,
        "translation": ref.translation,
        "document_id": ref.document_id,
        "translation_audit": audit_dict(audit) if audit is not None else None,
    }


def audit_dict(audit: FaithResult) -> dict[str, Any]:
    """The faithfulness audit of a statement's supplied translation: ``flagged``, ``score``
    (0–1, higher is more faithful), ``issues`` (``kind``, ``source``/``translation`` text and
    spans into the statement's text and its translation, ``note``, ``severity``), ``signature``."""
    return {
        "flagged": audit.flagged,
        "score": round(audit.score, 4),
        "issues": [
            {
                "kind": i.kind,
                "source": i.source,
                "translation": i.translation,
                "source_span": list(i.source_span) if i.source_span else None,
                "translation_span": list(i.translation_span) if i.translation_span else None,
                "note": i.note,
                "severity": i.severity,
            }
            for i in audit.issues
        ],
        "signature": audit.signature,
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
        "salience": salience_of(d),
        "voice": d.voice,
        "speaker": d.speaker,
        "origin": d.origin,
        "report_document": d.report_document,
        "detector": d.detector,
        "category": d.category,
        "figures_also": list(d.figures_also),
        "changed_from": d.changed_from,
        "voice_kind": d.voice_kind,
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON contract of ``workbench compare`` (plus ``document_id`` and ``note`` keys, and
    each statement's ``translation_audit``: None when its translation was not audited)."""
    audits = {r.index: r for r in comparison.translation_audit}
    return {
        "signature": comparison.signature,
        "alignments": [
            {
                "statement": _statement_dict(a.statement, audits.get(a.statement.index)),
                "reports": [_report_dict(r) for r in a.reports],
                "score": float(a.score),
                "differences": [_difference_dict(d) for d in a.differences],
                # report sentences (their ``index``) on a weak link: own-voice differences only
                "weak_links": [r.index for r, k in zip(a.reports, a.links, strict=False) if k.weak],
            }
            for a in comparison.alignments
        ],
        "unmatched_statements": [
            _statement_dict(s, audits.get(s.index)) for s in comparison.unmatched_statements
        ],
        "unmatched_reports": [_report_dict(r) for r in comparison.unmatched_reports],
        # not links: the aligner's best lines for the sentences it left unlinked
        "suggested_links": [_suggestion_dict(s) for s in suggestions_of(comparison)],
    }


def suggestions_of(comparison: Comparison) -> tuple[LinkSuggestion, ...]:
    """Every outlet's suggested links, by report sentence then rank."""
    found = {
        (s.report.index, s.statement.index): s for o in comparison.outlets for s in o.suggestions
    }
    return tuple(sorted(found.values(), key=lambda s: (s.report.index, s.rank)))


def _suggestion_dict(s: LinkSuggestion) -> dict[str, Any]:
    """A suggested link: ``report`` (the unlinked sentence), ``statement`` (the suggested line,
    ``index`` counted across the case's statement documents), ``rank`` (1: the sentence's best
    line), ``margin`` (the aligner's sentence ratio margin), ``cosine``, ``unit``."""
    return {
        "report": _report_dict(s.report),
        "statement": {
            "index": s.statement.index,
            "number": s.statement.index + 1,
            "text": s.statement.text,
            "translation": s.statement.translation,
            "document_id": s.statement.document_id,
        },
        "rank": s.rank,
        "margin": s.margin,
        "cosine": s.cosine,
        "unit": s.unit,
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
        translation_audit=result.translation_audit,
        outlets=tuple(o for dc in result.documents for o in dc.comparison.outlets),
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
            {"label": lu.label, "category": lu.category, "loaded": lu.loaded, "count": lu.count,
             "quoted": lu.quoted, "speakers": list(lu.speakers)}
        )  # fmt: skip
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
        "translation_audit": {
            "audited": len(result.translation_audit),
            "flagged": sum(a.flagged for a in result.translation_audit),
            "differences_of_the_translation": sum(
                d.origin == "translation"
                for dc in result.documents
                for a in dc.comparison.alignments
                for d in a.differences
            ),
        },
        "differences_by_outlet_type": kinds,
        "leftovers_by_outlet_type": leftovers,
        "labels_by_outlet_type": labels,
        "figures": figures,
    }


def case_to_dict(
    result: CaseComparison,
    case: Case | None = None,
    corrections: Sequence[LinkCorrection] = (),
) -> dict[str, Any]:
    """A case comparison as JSON: the :func:`comparison_to_dict` keys over all documents, plus
    ``case``, ``documents`` (metadata), ``aggregates`` and the analyst's ``corrections``."""
    out = comparison_to_dict(flatten(result))
    out["case"] = {"id": result.case_id, "title": result.title}
    out["corrections"] = [dataclasses.asdict(c) for c in corrections]
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
        _name_suggestions(out["suggested_links"], case)
    out["aggregates"] = aggregates_to_dict(result)
    return out


def _name_suggestions(suggestions: list[dict[str, Any]], case: Case) -> None:
    """Give each suggested link the ``correction`` that accepts it: the fields of an added
    link (:class:`~workbench.types.LinkCorrection`, lines and sentences 1-based per document)."""
    from workbench.pipeline.compare import case_reports
    from workbench.pipeline.corrections import line_starts

    starts = line_starts(case)
    first: dict[str, int] = {}
    for r in case_reports(case):
        first.setdefault(r.document_id, r.index)
    for s in suggestions:
        st, rep = s["statement"], s["report"]
        s["correction"] = {
            "action": "add",
            "statement_document": st["document_id"],
            "statement_line": st["index"] - starts.get(st["document_id"], 0) + 1,
            "report_document": rep["document_id"],
            "report_sentence": rep["index"] - first.get(rep["document_id"], rep["index"]) + 1,
        }


def to_json(data: dict[str, Any]) -> str:
    """Pretty JSON, non-ASCII kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ─── HTML and Markdown: renderings of the one view ───────────────────────────────────────────


def case_html(
    result: CaseComparison,
    case: Case | None = None,
    filters: ViewFilters | None = None,
    corrections: Sequence[LinkCorrection] = (),
) -> str:
    """A standalone HTML report of a whole case (:func:`workbench.view.html.page_html`)."""
    return page_html(build_view(result, case or bare_case(result), filters, corrections))


def case_markdown(
    result: CaseComparison,
    case: Case | None = None,
    filters: ViewFilters | None = None,
    corrections: Sequence[LinkCorrection] = (),
) -> str:
    """A Markdown report of a whole case (:func:`workbench.view.markdown.view_markdown`)."""
    return view_markdown(build_view(result, case or bare_case(result), filters, corrections))


def comparison_html(
    comparison: Comparison, *, title: str = "Statements compared with reporting"
) -> str:
    """A standalone HTML report of one comparison (statements against one reporting)."""
    return case_html(*as_case(comparison, title))


def comparison_markdown(
    comparison: Comparison, *, title: str = "Statements compared with reporting"
) -> str:
    """A Markdown report of one comparison."""
    return case_markdown(*as_case(comparison, title))


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
