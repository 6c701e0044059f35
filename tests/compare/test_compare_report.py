"""The report writers: JSON contract, standalone HTML that escapes hostile text, Markdown."""

from __future__ import annotations

import dataclasses
import json
import re

from workbench.export.compare_report import (
    CASE_FORMATS,
    COMPARISON_FORMATS,
    case_to_dict,
    comparison_html,
    comparison_to_dict,
)
from workbench.types import (
    Alignment,
    Case,
    CaseComparison,
    Comparison,
    Difference,
    Document,
    DocumentComparison,
    FigureDisagreement,
    KindCount,
    LabelUse,
    OutletType,
    Provenance,
    ReportRef,
    StatementRef,
)
from workbench.view.html import highlight

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _comparison() -> Comparison:
    st = StatementRef(0, f"Бандиты {HOSTILE}", f"The bandits {HOSTILE}", "st")
    r1 = ReportRef(3, "The protesters came.", "rep")
    r2 = ReportRef(4, f"Officials said {HOSTILE}.", "rep")
    report = "The protesters came. " + r2.text
    start = report.index("Officials said")
    diffs = (
        Difference("framing", "bandits", "protesters", (4, 11), (4, 14), "loaded vs neutral"),
        Difference("attribution", "", "Officials said", None, (start, start + 14), HOSTILE),
    )
    return Comparison(
        signature="compare|tr:[supplied]|align:x|version:0.1.0",
        alignments=(Alignment(st, (r1, r2), 1.25, diffs),),
        unmatched_statements=(StatementRef(1, HOSTILE, None, "st"),),
        unmatched_reports=(ReportRef(5, HOSTILE, "rep"),),
    )


def _case_result() -> tuple[CaseComparison, Case]:
    comparison = _comparison()
    docs = (
        Document(
            "st", HOSTILE, "Gov", OutletType.STATE, "ru", "x", provenance=Provenance.RECONSTRUCTED
        ),
        Document("rep", "Report", HOSTILE, OutletType.FOREIGN, "en", "y", notes=HOSTILE),
    )
    case = Case("c", HOSTILE, HOSTILE, docs)
    result = CaseComparison(
        case_id="c",
        title=HOSTILE,
        signature=comparison.signature,
        documents=(DocumentComparison("st", comparison),),
        unmatched_reports=comparison.unmatched_reports,
        kind_counts=(
            KindCount("foreign", "framing", 1),
            KindCount("foreign", "addition", 2),
            KindCount("foreign", "addition", 1, "case"),
            KindCount("foreign", "omission", 7, "case"),
        ),
        label_uses=(
            LabelUse("state", "bandits", "criminal", True, 2),
            LabelUse("foreign", HOSTILE, "protest", False, 1),
        ),
        figures=(FigureDisagreement("st", "rep", "foreign", "164", "103", HOSTILE, "103 died"),),
    )
    return result, case


def test_json_has_the_contract_keys() -> None:
    data = json.loads(COMPARISON_FORMATS["json"](_comparison()))
    assert set(data) >= {"signature", "alignments", "unmatched_statements", "unmatched_reports"}
    al = data["alignments"][0]
    assert set(al) >= {"statement", "reports", "score", "differences"}
    assert set(al["statement"]) >= {"index", "text", "translation"}
    assert set(al["reports"][0]) >= {"index", "text"}
    assert set(al["differences"][0]) >= {
        "kind",
        "statement",
        "report",
        "statement_span",
        "report_span",
    }
    assert al["differences"][0]["statement_span"] == [4, 11]
    assert al["differences"][1]["statement_span"] is None
    assert isinstance(al["score"], float)
    assert data["unmatched_reports"] == [{"index": 5, "text": HOSTILE, "document_id": "rep"}]


def test_case_json_adds_aggregates_and_documents() -> None:
    result, case = _case_result()
    data = case_to_dict(result, case)
    assert data["alignments"] == comparison_to_dict(_comparison())["alignments"]
    agg = data["aggregates"]
    assert agg["differences_by_outlet_type"] == {"foreign": {"framing": 1, "addition": 2}}
    assert agg["leftovers_by_outlet_type"] == {"foreign": {"unmatched_reports": 1, "not_retold": 7}}
    assert agg["labels_by_outlet_type"]["state"][0] == {
        "label": "bandits",
        "category": "criminal",
        "loaded": True,
        "count": 2,
        "quoted": 0,
        "speakers": [],
    }
    assert agg["figures"][0]["statement"] == "164" and agg["figures"][0]["report"] == "103"
    assert data["documents"][0]["provenance"] == "reconstructed"


def _assert_inert(page: str) -> None:
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "external asset"
    assert "<link" not in page.lower()


def test_html_escapes_hostile_text_and_needs_nothing_external() -> None:
    page = comparison_html(_comparison())
    _assert_inert(page)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert re.search(
        r'<mark class="wb-diff diff-framing" data-kind="framing" style="background:#[0-9a-f]{6}" title="[^"]*">bandits</mark>',
        page,
    )
    assert re.search(r'data-kind="framing"[^>]*>protesters</mark>', page)
    assert re.search(r'data-kind="attribution"[^>]*>Officials said</mark>', page)
    assert "wb-legend" in page and "compare|tr:[supplied]|align:x" in page
    # Numbers users see are 1-based: statement index 0 is "Statement 1".
    assert "Statement 1</span>" in page and "Statement 0" not in page


def test_case_html_shows_aggregates_and_escapes_metadata() -> None:
    result, case = _case_result()
    page = CASE_FORMATS["html"](result, case)
    _assert_inert(page)
    assert "Aggregates" in page and "Figures that disagree" in page and "<b>164</b>" in page
    assert "<th>statements not retold</th>" in page
    assert '<span class="wb-loaded">bandits</span>' in page
    # The statement-centric view: the statement with the foreign outlet's retelling.
    assert 'data-statement="0"' in page and 'data-outlet="rep"' in page


def test_markdown_escapes_hostile_text() -> None:
    result, case = _case_result()
    for text in (COMPARISON_FORMATS["md"](_comparison()), CASE_FORMATS["md"](result, case)):
        assert "<script" not in text and "&lt;script&gt;" in text
        assert "**framing**: “bandits” → “protesters”" in text
        assert "### Statement 1 ·" in text
    # foreign: framing 1, attribution 1 (shown differences), 1 statement not retold, 1 leftover
    assert "| foreign | 1 | 1 | 1 | 1 |" in CASE_FORMATS["md"](result, case)


def test_highlight_splits_overlaps_and_ignores_bad_spans() -> None:
    got = highlight(
        "a<b>cdef",
        [(1, 4, "number", ""), (2, 6, "certainty", ""), (7, 99, "entity", ""), (5, 5, "x", "")],
    )
    marks = re.findall(
        r'<mark class="wb-diff diff-(\w+)" data-kind="\w+"( data-kinds="[\w ]+")?[^>]*>([^<]*)</mark>',
        got,
    )
    assert marks == [
        ("number", "", "&lt;"),
        ("number", ' data-kinds="number certainty"', "b&gt;"),
        ("certainty", "", "cd"),
    ]
    assert got.startswith("a<mark") and got.endswith("</mark>ef")


def test_voice_and_translation_origin_are_shown_in_both_reports() -> None:
    import dataclasses

    result, case = _case_result()
    al = result.documents[0].comparison.alignments[0]
    quoted = dataclasses.replace(al.differences[0], voice="quoted", speaker="the president")
    own = dataclasses.replace(al.differences[1], origin="translation")
    al2 = dataclasses.replace(al, differences=(quoted, own))
    comp = dataclasses.replace(result.documents[0].comparison, alignments=(al2,))
    labels = (LabelUse("foreign", "terrorists", "terror", True, 1, 4, ("the president",)),)
    result = dataclasses.replace(
        result,
        documents=(DocumentComparison("st", comp),),
        label_uses=labels,
    )
    page = CASE_FORMATS["html"](result, case)
    assert "quoted: the president</span>" in page and "translation's</span>" in page
    assert "<td>1</td><td>4 <span" in page  # own voice 1, quoted 4 listed apart
    md = CASE_FORMATS["md"](result, case)
    assert "*quoted: the president*" in md and "*translation's*" in md
    assert "**terrorists** ×1 (+4 quoted: the president)" in md


def test_an_empty_label_table_says_so_as_the_figures_do() -> None:
    # review20's walk: with no label of the lexicon in the texts, the Markdown's "Labels for the
    # actors" heading stood over nothing and the HTML's table had a header and no row, where the
    # figures below say "No figure differs.".
    result, case = _case_result()
    bare = dataclasses.replace(result, label_uses=())
    md = CASE_FORMATS["md"](bare, case)
    labels = md.split("## Labels for the actors", 1)[1].split("\n## ", 1)[0]
    assert labels.strip().endswith("No label for the actors (of the framing lexicon) is used.")
    page = CASE_FORMATS["html"](bare, case)
    section = page.split("<h4>Labels for the actors", 1)[1].split("<h4>", 1)[0]
    assert "<table" not in section
    assert '<p class="wb-empty">No label for the actors (of the framing lexicon) is used.</p>' in (
        section
    )
    # With labels the table is there, and no such sentence.
    full = CASE_FORMATS["md"](result, case)
    assert "No label for the actors" not in full and "**bandits** ×2" in full
