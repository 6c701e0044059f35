"""Suggested links on the sample case: the pipeline's field, the JSON, the one view model and
both reports; a correction that links the sentence removes its suggestions."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from workbench.align import Embedder
from workbench.align.aligner import SUGGEST
from workbench.corpus import load_case
from workbench.export.compare_report import case_html, case_markdown, case_to_dict
from workbench.pipeline.compare import case_reports, case_statements, compare_case
from workbench.pipeline.corrections import apply_corrections, correct_link
from workbench.types import (
    Alignment,
    Case,
    CaseComparison,
    Comparison,
    LinkCorrection,
    LinkSuggestion,
    OutletLeftovers,
    ReportRef,
    StatementRef,
)
from workbench.view import build_view

from .conftest import SAMPLE


def _suggestions(result: CaseComparison) -> list[LinkSuggestion]:
    return [s for dc in result.documents for o in dc.comparison.outlets for s in o.suggestions]


def test_each_outlet_suggests_lines_only_for_its_unlinked_sentences(
    sample_result: CaseComparison,
) -> None:
    found = _suggestions(sample_result)
    assert found, "the sample case has unlinked on-topic sentences"
    unlinked = {r.index for r in sample_result.unmatched_reports}
    for dc in sample_result.documents:
        for o in dc.comparison.outlets:
            for s in o.suggestions:
                assert s.report.index in unlinked and s.report.document_id == o.document_id
                assert s.statement.document_id == dc.document_id  # split by statement document
                assert s.margin >= SUGGEST.margin and s.cosine >= 0.8 and 1 <= s.rank <= SUGGEST.k


def test_the_json_lists_suggested_links_with_the_correction_that_accepts_them(
    sample_case: Case, sample_result: CaseComparison
) -> None:
    data = case_to_dict(sample_result, sample_case)
    links = data["suggested_links"]
    assert len(links) == len(_suggestions(sample_result))
    unmatched = {(r["document_id"], r["index"]) for r in data["unmatched_reports"]}
    statements = {s.index: s for s in case_statements(sample_case)}
    reports = {r.index: r for r in case_reports(sample_case)}
    for link in links:
        rep, st = link["report"], link["statement"]
        assert (rep["document_id"], rep["index"]) in unmatched
        assert statements[st["index"]].text == st["text"] and st["number"] == st["index"] + 1
        assert reports[rep["index"]].text == rep["text"]
        assert {"rank", "margin", "cosine", "unit"} <= set(link)
        fix = link["correction"]
        assert fix["action"] == "add" and fix["statement_document"] == st["document_id"]
        assert fix["report_document"] == rep["document_id"] and fix["report_sentence"] >= 1
    assert [(x["report"]["index"], x["rank"]) for x in links] == sorted(
        (x["report"]["index"], x["rank"]) for x in links
    )


def test_the_view_and_both_reports_say_what_is_suggested(
    sample_case: Case, sample_result: CaseComparison
) -> None:
    view = build_view(sample_result, sample_case)
    shown = [g for o in view.leftovers for g in o.suggestions]
    assert len(shown) == len(_suggestions(sample_result))
    g = shown[0]
    assert g.words == (
        f"possibly retells statement {g.statement.number} ({g.statement.document_id}, "
        f"line {g.statement.line}; score {g.margin:.2f})"
    )
    outlet = next(o for o in view.leftovers if g in o.suggestions)
    assert g in outlet.suggested_for(g.sentence)
    assert g.sentence in outlet.sentences
    html = case_html(sample_result, sample_case)
    md = case_markdown(sample_result, sample_case)
    for text in (html, md):
        assert g.words in text
        assert "not a link until" in text
    assert f'data-sentence="{g.sentence.document_id}:{g.sentence.number}"' in html
    # an outlet filtered out shows none of its suggestions
    from workbench.view import ViewFilters

    others = tuple(d.id for d in sample_case.reports if d.id != outlet.document_id)
    narrowed = build_view(sample_result, sample_case, ViewFilters(outlets=others))
    assert all(o.document_id != outlet.document_id for o in narrowed.leftovers)


def test_an_accepted_suggestion_is_a_link_and_is_no_longer_suggested(
    tmp_path: Path, e5: Embedder, sample_result: CaseComparison
) -> None:
    folder = tmp_path / "case"
    shutil.copytree(SAMPLE, folder)
    case = load_case(folder)
    g = _suggestions(sample_result)[0]
    statements, reports = case_statements(case), case_reports(case)
    first = next(r.index for r in reports if r.document_id == g.report.document_id)
    starts = {}
    for s in statements:
        starts.setdefault(s.document_id, s.index)
    fix = LinkCorrection(
        "add",
        g.statement.document_id,
        g.statement.index - starts[g.statement.document_id] + 1,
        g.report.document_id,
        g.report.index - first + 1,
        by="Test Analyst",
    )
    correct_link(case, fix, statements, reports)
    again = compare_case(load_case(folder), embedder=e5)
    links = {
        (a.statement.index, r.index)
        for dc in again.documents
        for a in dc.comparison.alignments
        for r in a.reports
    }
    assert (g.statement.index, g.report.index) in links
    assert all(s.report.index != g.report.index for s in _suggestions(again))
    assert g.report.index not in {r.index for r in again.unmatched_reports}


def test_corrections_update_each_outlets_leftovers() -> None:
    st = [StatementRef(0, "a", None, "st"), StatementRef(1, "b", None, "st")]
    reps = [ReportRef(0, "x", "out"), ReportRef(1, "y", "out")]
    hint = LinkSuggestion(reps[1], st[1], 1, 1.0, 0.85)
    aligned = Comparison(
        "sig",
        (Alignment(st[0], (reps[0],), 1.1),),
        (st[1],),
        (reps[1],),
        outlets=(OutletLeftovers("out", (st[1],), (reps[1],), (hint,)),),
    )
    case = Case("c", "c", "", ())
    case = dataclasses.replace(
        case,
        documents=(
            _doc("st", "a\nb", "ru"),
            _doc("out", "x y", "en"),
        ),
    )
    add = LinkCorrection("add", "st", 2, "out", 2, by="A")
    fixed = apply_corrections(aligned, case, st, reps, [add])
    assert fixed.outlets[0].suggestions == ()  # linked now: no longer suggested
    assert fixed.outlets[0].unmatched_reports == () and fixed.outlets[0].unmatched_statements == ()
    remove = LinkCorrection("remove", "st", 1, "out", 1, by="A")
    fixed = apply_corrections(aligned, case, st, reps, [remove])
    assert [r.index for r in fixed.outlets[0].unmatched_reports] == [0, 1]
    assert fixed.outlets[0].suggestions == (hint,)  # still unlinked: still suggested
    assert [s.index for s in fixed.outlets[0].unmatched_statements] == [0, 1]


def _doc(doc_id: str, text: str, language: str) -> object:
    from workbench.types import Document, OutletType

    kind = OutletType.STATE if language != "en" else OutletType.FOREIGN
    return Document(doc_id, doc_id, doc_id, kind, language, text)
