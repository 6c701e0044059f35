"""How a retelling's text and sentence numbers read (hyg15's walk of a five-outlet case,
session 15).

The Markdown report named an outlet's two linked sentences "sentence 5, 9" where the tab and the
HTML report said "sentences 5, 9".
"""

from __future__ import annotations

from workbench.types import (
    Alignment,
    Case,
    CaseComparison,
    Comparison,
    Document,
    DocumentComparison,
    OutletType,
    ReportRef,
    StatementRef,
)
from workbench.view import html, markdown
from workbench.view.model import CompareView, ViewFilters, build_view

STATEMENT = StatementRef(
    0, "Флаг меняют во многих странах.", "Flags change in many countries.", "st"
)
GOAL = "The goal of the draft law is to improve the flag."
TAIL = "The old flag is not, in fact, a sunflower."


def _view(reports: tuple[ReportRef, ...]) -> CompareView:
    al = Alignment(STATEMENT, reports, 1.05)
    lines = [f"Sentence {i}." for i in range(1, 12)]
    for ref in reports:
        lines[ref.index] = ref.full_text
    linked = {r.index for r in reports}
    unmatched = tuple(ReportRef(i, t, "wire") for i, t in enumerate(lines) if i not in linked)
    result = CaseComparison(
        "c",
        "Case",
        "sig",
        (DocumentComparison("st", Comparison("sig", (al,), (), ())),),
        unmatched,
        (),
        (),
        (),
    )
    case = Case(
        "c",
        "Case",
        "",
        (
            Document("st", "st", "Ministry", OutletType.STATE, "ru", STATEMENT.text),
            Document("wire", "wire", "Wire", OutletType.FOREIGN, "en", " ".join(lines)),
        ),
    )
    return build_view(result, case, ViewFilters())


def test_the_markdown_report_names_two_sentences_as_the_tab_does() -> None:
    view = _view((ReportRef(4, "Sentence 5.", "wire"), ReportRef(8, GOAL, "wire")))
    md = markdown.view_markdown(view)
    assert "sentences 5, 9" in md and "sentence 5, 9" not in md
    assert "sentences 5, 9" in html.statements_html(view)
    one = _view((ReportRef(7, TAIL, "wire"),))
    assert "sentence 8," in markdown.view_markdown(one) and "sentence 8," in html.statements_html(
        one
    )
