"""Each outlet's retelling reads its own link (ux13's walk of dev11's jeenbekov-2020-10-09-ky).

The walk's statement cards gave every outlet of a statement the same "score 1.10" — the
alignment's, the best of all outlets' links (theirs ran 1.03–1.10) — and a weak link (barely
accepted, sharing no figure and few words; its differences are not computed) read "no
differences found", which was not looked for.
"""

from __future__ import annotations

from workbench.types import (
    Alignment,
    AlignmentLink,
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
from workbench.view.model import WEAK_LINK_WORDS, CompareView, ViewFilters, build_view

STATEMENT = StatementRef(0, "Погибли 164 человека.", "164 people died.", "st-ru")


def _doc(doc_id: str, outlet: str, language: str, text: str) -> Document:
    kind = OutletType.STATE if language != "en" else OutletType.FOREIGN
    return Document(doc_id, doc_id, outlet, kind, language, text)


def _view(links: tuple[AlignmentLink, ...]) -> CompareView:
    reports = (
        ReportRef(0, "Officials said 164 people had died.", "wire-en"),
        ReportRef(1, "The weather was cold.", "tv-en"),
    )
    al = Alignment(STATEMENT, reports, max(link.score for link in links), (), links)
    comparison = Comparison("sig", (al,), (), ())
    result = CaseComparison(
        "c", "Case", "sig", (DocumentComparison("st-ru", comparison),), (), (), (), ()
    )
    case = Case(
        "c",
        "Case",
        "",
        (
            _doc("st-ru", "Ministry", "ru", STATEMENT.text),
            _doc("wire-en", "Wire", "en", reports[0].text),
            _doc("tv-en", "TV", "en", reports[1].text),
        ),
    )
    return build_view(result, case, ViewFilters())


def test_each_outlet_reads_its_own_links_score() -> None:
    view = _view((AlignmentLink((0, 16), 1.10), AlignmentLink((0, 16), 1.03)))
    (sv,) = view.statements
    scores = {r.document_id: r.score for r in sv.retellings}
    assert scores == {"wire-en": 1.10, "tv-en": 1.03}
    assert view.pairs[0].score_words == "alignment score 1.10"  # the alignment's stays the best
    text = html.statements_html(view)
    assert "score 1.10)" in text and "score 1.03)" in text


def test_a_weak_link_does_not_say_no_differences_were_found() -> None:
    view = _view((AlignmentLink((0, 16), 1.10), AlignmentLink((0, 16), 1.02, weak=True)))
    (sv,) = view.statements
    weak = {r.document_id: r.weak for r in sv.retellings}
    assert weak == {"wire-en": False, "tv-en": True}
    md = markdown.view_markdown(view)  # statements, then pairs: each retelling twice
    for text, times in ((html.statements_html(view), 1), (html.pairs_html(view), 1), (md, 2)):
        assert text.count("no differences found") == times  # the wire's: its link is not weak
        assert text.count(WEAK_LINK_WORDS) >= times and "weak link" in text


def test_the_markdown_report_says_once_what_a_weak_link_is() -> None:
    # hyg15's walk: a weak retelling with differences showed "*weak link*" and its differences,
    # and nothing in the Markdown said that only the outlet's own words were compared
    weak = markdown.view_markdown(
        _view((AlignmentLink((0, 16), 1.10), AlignmentLink((0, 16), 1.02, weak=True)))
    )
    legend = weak.split("## Differences by outlet type")[0]
    assert "- *weak link* (beside an outlet): the sentence shares no figure" in legend
    strong = markdown.view_markdown(
        _view((AlignmentLink((0, 16), 1.10), AlignmentLink((0, 16), 1.03)))
    )
    assert "weak link" not in strong
