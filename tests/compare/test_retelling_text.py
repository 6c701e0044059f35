"""How a retelling's text and sentence numbers read (hyg15's walk of a five-outlet case,
session 15).

The Markdown report named an outlet's two linked sentences "sentence 5, 9" where the tab and the
HTML report said "sentences 5, 9". An outlet's retelling of a statement was the linked clause of
its sentence 5 and its whole sentence 9 joined by one space: "and if the flag is changed in places
The goal of the draft law is ..." read as one run-on sentence of the outlet, and a clause alone
("is not, in fact, a sunflower.") as the outlet's whole sentence.
"""

from __future__ import annotations

import dataclasses

from workbench.types import (
    Alignment,
    Case,
    CaseComparison,
    Comparison,
    Difference,
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
SPEAKER = (
    "The speaker said that if the flag is changed, funds will not be lost, "
    "and if the flag is changed in places where it is needed, sponsors will pay."
)
CLAUSE = "and if the flag is changed in places"
GOAL = "The goal of the draft law is to improve the flag."
TAIL = "The old flag is not, in fact, a sunflower."


def _clause(index: int, sentence: str, clause: str) -> ReportRef:
    start = sentence.index(clause)
    return ReportRef(index, clause, "wire", (start, start + len(clause)), sentence)


def _view(reports: tuple[ReportRef, ...], differences: tuple[Difference, ...] = ()) -> CompareView:
    al = Alignment(STATEMENT, reports, 1.05, differences)
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


def _joined(reports: tuple[ReportRef, ...]) -> str:
    """The pipeline's joined text, which ``report_span`` points into."""
    return " ".join(r.text for r in reports)


def test_a_clause_and_a_later_sentence_read_as_pieces_not_one_sentence() -> None:
    reports = (_clause(4, SPEAKER, CLAUSE), ReportRef(8, GOAL, "wire"))
    at = _joined(reports).index("places")
    added = Difference("addition", "", "places", None, (at, at + len("places")), "only in report")
    improve = _joined(reports).index("improve")
    changed = Difference("wording", "change", "improve", (6, 12), (improve, improve + 7))
    view = _view(reports, (added, changed))
    (retelling,) = view.statements[0].retellings
    assert retelling.text == f"…{CLAUSE}… {GOAL}"
    spans = {d.report: retelling.text[slice(*d.report_span)] for d in retelling.differences}
    assert spans == {"places": "places", "improve": "improve"}  # highlights stay on their words
    md = markdown.view_markdown(view)
    assert "…and if the flag is changed in <mark" in md and "</mark>… The goal of" in md
    assert 'data-kind="addition"' in html.statements_html(view)


def test_sentences_that_are_not_neighbours_have_an_ellipsis_between() -> None:
    reports = (ReportRef(2, "Sentence three.", "wire"), ReportRef(8, GOAL, "wire"))
    (retelling,) = _view(reports).statements[0].retellings
    assert retelling.text == f"Sentence three. … {GOAL}"
    neighbours = (ReportRef(2, "Sentence three.", "wire"), ReportRef(3, GOAL, "wire"))
    (retelling,) = _view(neighbours).statements[0].retellings
    assert retelling.text == f"Sentence three. {GOAL}"


def test_a_clause_that_ends_its_sentence_is_marked_at_its_start_only() -> None:
    (retelling,) = (
        _view((_clause(7, TAIL, "is not, in fact, a sunflower."),)).statements[0].retellings
    )
    assert retelling.text == "…is not, in fact, a sunflower."
    assert retelling.sentences[0].number == 8


def test_a_whole_sentence_is_shown_as_it_is() -> None:
    (retelling,) = _view((ReportRef(7, TAIL, "wire"),)).statements[0].retellings
    assert retelling.text == TAIL


def test_the_reports_name_a_corrected_statement_by_its_words_too() -> None:
    # hyg15's walk: "japarov-2023-10-ru line 10" alone in Correct links and the reports
    from workbench.types import LinkCorrection

    view = _view((ReportRef(7, TAIL, "wire"),))
    fixes = (
        LinkCorrection("remove", "st", 1, "wire", 8, TAIL, "Ann", "2026"),
        LinkCorrection("add", "st", 5, "wire", 2, "Sentence 2.", "Ann", "2026"),
    )
    view = dataclasses.replace(view, corrections=fixes)
    table = html.corrections_html(view)
    assert f'st line 1<br><span class="wb-sub">“{STATEMENT.text}”</span>' in table
    assert "st line 5</td>" in table  # the case has no line 5: nothing made up
    md = markdown.view_markdown(view)
    assert f"- remove: st line 1 “{STATEMENT.text}” ↔ wire sentence 8" in md
    assert "- add: st line 5 ↔ wire sentence 2" in md
