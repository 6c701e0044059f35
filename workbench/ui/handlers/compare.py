"""Compare tab: run a case (or uploaded statements and reporting), filter, render, export.

The comparison runs once; filters by difference kind and outlet type re-render the stored result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.types import (
    DIFFERENCE_KINDS,
    Alignment,
    Case,
    CaseComparison,
    Document,
    OutletType,
    Provenance,
    ReportRef,
)
from workbench.ui.context import UIContext
from workbench.ui.handlers.common import UIProgress, output_path, read_upload
from workbench.ui.render import esc, highlight, table

#: The sample case preselected in the Compare tab.
SAMPLE_CASE = "kazakhstan-2022-01"
#: "Translations" choice: use the case's supplied English translations.
SUPPLIED = "supplied"
#: "Translations" choice: machine-translate with the catalog default for each language.
DEFAULT_MODEL = "default-model"
OUTLET_TYPES: tuple[str, ...] = tuple(t.value for t in OutletType)


@dataclass(frozen=True)
class CompareState:
    """A finished comparison and the case it was run on (kept in the session)."""

    case: Case
    result: CaseComparison


def case_choices(ctx: UIContext) -> list[tuple[str, str]]:
    """``(title, folder)`` of every case in the corpora folder (empty when there is none)."""
    from workbench.corpus import list_cases

    if not ctx.corpora.is_dir():
        return []
    return [(f"{c.id} — {c.title}", c.path or c.id) for c in list_cases(ctx.corpora)]


def default_case(choices: Sequence[tuple[str, str]]) -> str | None:
    """The sample case when it is there, else the first case."""
    for label, value in choices:
        if label.startswith(SAMPLE_CASE):
            return value
    return choices[0][1] if choices else None


def load(path: str | None) -> Case:
    """Load the case at ``path``.

    Raises:
        UserInputError: when no case is chosen.
    """
    from workbench.corpus import load_case

    if not path:
        raise UserInputError("Choose a case first (or upload statements and reporting).")
    return load_case(path)


def case_overview(case: Case) -> str:
    """HTML table of a case's documents (escaped)."""
    rows = [
        (d.id, d.title, d.outlet_type.value, d.language, d.date, d.provenance.value)
        for d in case.documents
    ]
    head = f"<p><b>{esc(case.title)}</b></p><p class='wb-sub'>{esc(case.description)}</p>"
    return head + table(
        ["Document", "Title", "Outlet type", "Language", "Date", "Provenance"],
        rows,
        css_class="wb-table",
    )


def uploaded_case(
    statements_file: str | None,
    reports_file: str | None,
    src: str,
    translations_file: str | None = None,
    report_outlet: str = "independent",
) -> Case:
    """A one-statement, one-report case built from uploaded files.

    Raises:
        UserInputError: for missing or unreadable files, or an unknown outlet type.
    """
    statements, _ = read_upload(statements_file, "statements file")
    reporting, _ = read_upload(reports_file, "reporting file")
    translation = (
        read_upload(translations_file, "translations file")[0] if translations_file else None
    )
    try:
        outlet = OutletType(report_outlet)
    except ValueError as err:
        raise UserInputError(
            f"Unknown outlet type {report_outlet!r}; pick one of {', '.join(OUTLET_TYPES)}."
        ) from err
    docs = (
        Document(
            id="statements",
            title=Path(statements_file or "").name,
            outlet="uploaded",
            outlet_type=OutletType.STATE,
            language=src,
            text=statements.rstrip("\n"),
            translation=translation.rstrip("\n") if translation else None,
            translation_provenance=Provenance.ORIGINAL if translation else None,
        ),
        Document(
            id="reporting",
            title=Path(reports_file or "").name,
            outlet="uploaded",
            outlet_type=outlet,
            language="en",
            text=reporting,
        ),
    )
    return Case(
        id="uploaded", title="Uploaded statements and reporting", description="", documents=docs
    )


def run(
    ctx: UIContext, case: Case, translations: str, progress: UIProgress | None = None
) -> CompareState:
    """Compare ``case`` with supplied translations or machine translations.

    Args:
        translations: :data:`SUPPLIED`, or :data:`DEFAULT_MODEL` to translate every statement
            language with the catalog's default model (loaded once through the pool).
    """
    from workbench.pipeline.compare import compare_case

    translator_for = None
    if translations == DEFAULT_MODEL:
        from workbench.pipeline.translate import choose_model

        def translator_for(lang: str) -> Any:
            engine, model = choose_model(lang)
            if progress is not None:
                progress(0.05, f"Loading {model}…")
            return ctx.pool.get(engine, model, lang)

    def step(done: int, total: int) -> None:
        if progress is not None and total:
            progress(0.1 + 0.6 * done / total, f"Translating: {done}/{total} sentences")

    if progress is not None:
        progress(0.0, "Aligning statements with reporting…")
    result = compare_case(case, translator_for=translator_for, progress=step, settings=ctx.settings)
    return CompareState(case, result)


def legend_html() -> str:
    """One coloured chip per difference kind."""
    chips = "".join(f'<span class="wb-chip diff-{k}">{k}</span>' for k in DIFFERENCE_KINDS)
    return f'<div class="wb-chips wb-legend">Difference kinds: {chips}</div>'


# ── rendering ─────────────────────────────────────────────────────────────────────────────


def _documents(case: Case) -> dict[str, Document]:
    return {d.id: d for d in case.documents}


def _report_outlets(alignment: Alignment, docs: dict[str, Document]) -> set[str]:
    return {
        docs[r.document_id].outlet_type.value for r in alignment.reports if r.document_id in docs
    }


def _pair_html(
    alignment: Alignment, statement_doc: Document | None, docs: dict[str, Document], kinds: set[str]
) -> str:
    from workbench.pipeline.compare import joined_reports

    st = alignment.statement
    shown = st.translation if st.translation else st.text
    diffs = [d for d in alignment.differences if d.kind in kinds]
    left = highlight(
        shown,
        [
            (*d.statement_span, d.kind, f"{d.kind}: {d.note or d.statement}")
            for d in diffs
            if d.statement_span
        ],
    )
    report_text = joined_reports(alignment)
    right = highlight(
        report_text,
        [
            (*d.report_span, d.kind, f"{d.kind}: {d.note or d.report}")
            for d in diffs
            if d.report_span
        ],
    )
    original = f'<div class="wb-original">{esc(st.text)}</div>' if st.translation else ""
    sources = sorted(
        {
            f"{docs[r.document_id].outlet} ({docs[r.document_id].outlet_type.value})"
            for r in alignment.reports
            if r.document_id in docs
        }
    )
    chips = "".join(
        f'<span class="wb-chip diff-{esc(d.kind)}" title="{esc(d.note)}">{esc(d.kind)}: '
        f"{esc(d.statement or '—')} → {esc(d.report or '—')}</span>"
        for d in diffs
    )
    who = esc(statement_doc.outlet if statement_doc else st.document_id)
    return (
        '<div class="wb-pair">'
        f'<div class="wb-meta">{who} · statement {st.index + 1} · alignment score {alignment.score:.2f}</div>'
        f'<div class="wb-side"><h4>Statement (English)</h4><div>{left}</div>{original}</div>'
        f'<div class="wb-side"><h4>Reporting — {esc("; ".join(sources))}</h4><div>{right}</div></div>'
        f'<div class="wb-chips">{chips or "<span class=wb-empty>no differences of the chosen kinds</span>"}</div>'
        "</div>"
    )


def pairs_html(state: CompareState | None, kinds: Sequence[str], outlets: Sequence[str]) -> str:
    """The aligned pairs that have a difference of one of ``kinds`` in reporting by ``outlets``.

    With every kind selected, pairs without differences are shown too.
    """
    if state is None:
        return '<p class="wb-empty">Run a comparison to see the aligned pairs.</p>'
    docs = _documents(state.case)
    kind_set, outlet_set = set(kinds), set(outlets)
    show_all = kind_set >= set(DIFFERENCE_KINDS)
    cards = []
    for doc in state.result.documents:
        for al in doc.comparison.alignments:
            if not _report_outlets(al, docs) & outlet_set:
                continue
            if not show_all and not any(d.kind in kind_set for d in al.differences):
                continue
            cards.append(_pair_html(al, docs.get(doc.document_id), docs, kind_set))
    if not cards:
        return '<p class="wb-empty">No aligned pair matches these filters.</p>'
    return f'<p>{len(cards)} aligned pairs</p><div class="wb-pairs">{"".join(cards)}</div>'


def unmatched_html(state: CompareState | None, outlets: Sequence[str]) -> str:
    """Statements no report retells, and report sentences that retell no statement."""
    if state is None:
        return ""
    docs = _documents(state.case)
    statements = [
        (docs[d.document_id].outlet if d.document_id in docs else d.document_id, s)
        for d in state.result.documents
        for s in d.comparison.unmatched_statements
    ]
    reports: list[ReportRef] = [
        r
        for r in state.result.unmatched_reports
        if r.document_id not in docs or docs[r.document_id].outlet_type.value in set(outlets)
    ]
    st_items = "".join(
        f"<li><b>{esc(who)}</b>: {esc(s.translation or s.text)}"
        + (f' <span class="wb-original">({esc(s.text)})</span>' if s.translation else "")
        + "</li>"
        for who, s in statements
    )
    rep_items = "".join(
        f"<li><b>{esc(docs[r.document_id].outlet if r.document_id in docs else r.document_id)}</b>: {esc(r.text)}</li>"
        for r in reports
    )
    none = '<li class="wb-empty">none</li>'
    return (
        '<div class="wb-unmatched">'
        f"<h4>Statements no report retells ({len(statements)})</h4><ul>{st_items or none}</ul>"
        f"<h4>Report sentences that retell no statement ({len(reports)})</h4><ul>{rep_items or none}</ul>"
        "</div>"
    )


def aggregates_html(state: CompareState | None) -> str:
    """Differences by outlet type and kind, labels per outlet type, disagreeing figures."""
    if state is None:
        return ""
    r = state.result
    # scope "pair": differences inside aligned pairs; "case": statements not retold (omission)
    # and report sentences with no counterpart (addition) of each outlet type.
    kinds = [
        k for k in DIFFERENCE_KINDS if any(c.kind == k and c.scope == "pair" for c in r.kind_counts)
    ]
    outlets = sorted({c.outlet_type for c in r.kind_counts})
    counts = {(c.outlet_type, c.kind, c.scope): c.count for c in r.kind_counts}
    leftovers = (("omission", "Statements not retold"), ("addition", "Report sentences unmatched"))
    kind_rows = [
        [o, *(counts.get((o, k, "pair"), 0) for k in kinds)]
        + [counts.get((o, k, "case"), 0) for k, _ in leftovers]
        for o in outlets
    ]
    labels = [
        [u.outlet_type, u.label, u.category, "loaded" if u.loaded else "neutral", u.count]
        for u in r.label_uses
    ]
    figures = [
        [f.outlet_type, f.statement, f.report, f.statement_sentence, f.report_sentence, f.note]
        for f in r.figures
    ]
    return (
        "<h4>Differences by outlet type and kind</h4>"
        + table(
            ["Outlet type", *kinds, *(t for _, t in leftovers)], kind_rows, css_class="wb-table"
        )
        + "<h4>Labels for the actors, by outlet type</h4>"
        + table(
            ["Outlet type", "Label", "Category", "Loaded?", "Uses"], labels, css_class="wb-table"
        )
        + "<h4>Figures that disagree</h4>"
        + table(
            ["Reporting", "Statement says", "Report says", "Statement", "Report", "Note"],
            figures,
            css_class="wb-table",
        )
        + f'<p class="wb-sub">Signature: <code class="wb-signature">{esc(r.signature)}</code></p>'
    )


def export_html(ctx: UIContext, state: CompareState | None) -> Path:
    """Write the HTML report of the comparison and return its path.

    Raises:
        UserInputError: when no comparison has been run.
    """
    from workbench.export.compare_report import case_html

    if state is None:
        raise UserInputError("Run a comparison first, then download its report.")
    path = output_path(ctx.exports_dir, f"compare-{state.result.case_id}", ".html")
    path.write_text(case_html(state.result, state.case), encoding="utf-8")
    return path
