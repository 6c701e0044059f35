"""Compare audits supplied translations: each statement against its own English version.

A case whose official English drops a figure («20 тысяч») and softens an order to fire
(«огонь на поражение» → "where necessary, open fire") must show the audit (flagged, spans on both
sides) in the view, the JSON, the HTML and the Markdown; report differences on those facts are
the translation's, not the report's. A case without translations has no audit and no error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.align import Embedder
from workbench.errors import CorpusError, UserInputError
from workbench.pipeline.compare import (
    attribute_to_translation,
    case_at,
    case_report,
    compare_case,
    compare_files,
    translation_issue,
)
from workbench.types import (
    Alignment,
    CaseComparison,
    Comparison,
    Difference,
    FaithIssue,
    FaithResult,
    ReportRef,
    StatementRef,
)
from workbench.view import build_view
from workbench.view.html import audit_html, statements_html
from workbench.view.markdown import view_markdown

REPO = Path(__file__).resolve().parents[2]

CASE_TOML = """\
id = "soft-english"
title = "An official English that softens"
licence = "CC0"

[[documents]]
id = "address-ru"
title = "An address"
outlet = "President"
outlet_type = "state"
language = "ru"
provenance = "original"
file = "address.ru.txt"
{translation}
[[documents]]
id = "wire-en"
title = "A wire"
outlet = "Wire"
outlet_type = "foreign"
language = "en"
provenance = "original"
file = "wire.en.txt"
"""

ORIGINAL = (
    "На Алматы напали 20 тысяч бандитов.\n"
    "Я дал приказ открывать огонь на поражение без предупреждения.\n"
    "Порядок в городе будет восстановлен.\n"
    "Аэропорт будет закрыт ещё 15 дней.\n"
)
# The official English: the figure dropped, the order softened; line 3 faithful; line 4 (which
# no report retells) drops the 15 days.
OFFICIAL = (
    "Almaty was attacked by bandits.\n"
    "I have ordered to open fire without warning where necessary.\n"
    "Order in the city will be restored.\n"
    "The airport will stay closed.\n"
)
# A faithful report: it has the figure and the force of the original.
WIRE = (
    "The president said 20,000 bandits had attacked Almaty. "
    "He said he had ordered troops to shoot to kill without warning. "
    "He promised that order in the city would be restored.\n"
)

TRANSLATION_LINES = 'translation = "address.en.txt"\ntranslation_provenance = "original"\n'


def _write_case(folder: Path, *, translated: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    toml = CASE_TOML.format(translation=TRANSLATION_LINES if translated else "")
    (folder / "case.toml").write_text(toml, encoding="utf-8")
    (folder / "address.ru.txt").write_text(ORIGINAL, encoding="utf-8")
    if translated:
        (folder / "address.en.txt").write_text(OFFICIAL, encoding="utf-8")
    (folder / "wire.en.txt").write_text(WIRE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def soft_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_case(tmp_path_factory.mktemp("audit") / "soft-english")


@pytest.fixture(scope="module")
def soft_result(soft_case: Path, e5: Embedder) -> CaseComparison:
    return compare_case(case_at(soft_case), embedder=e5, corrections=())


def _audit(result: CaseComparison, index: int) -> FaithResult:
    return {a.index: a for a in result.translation_audit}[index]


def test_each_supplied_translation_is_audited_with_spans_on_both_sides(
    soft_result: CaseComparison,
) -> None:
    assert [a.index for a in soft_result.translation_audit] == [0, 1, 2, 3]
    figure, order, faithful = (_audit(soft_result, i) for i in range(3))
    assert figure.flagged and order.flagged
    assert not faithful.flagged
    dropped = [i for i in figure.issues if i.kind == "number"]
    assert dropped and dropped[0].source_span is not None
    a, b = dropped[0].source_span
    assert figure.source[a:b] == "20 тысяч"
    assert dropped[0].translation_span is None  # nothing left to point at in the English
    force = [i for i in order.issues if i.kind == "modality"]
    assert any(i.source_span and "поражение" in order.source[slice(*i.source_span)] for i in force)
    assert any(
        i.translation_span and order.translation[slice(*i.translation_span)] == "where necessary"
        for i in force
    )
    assert "|audit:faith:" in soft_result.signature


def test_the_report_is_not_blamed_for_what_the_translation_dropped(
    soft_result: CaseComparison,
) -> None:
    diffs = [
        d
        for dc in soft_result.documents
        for al in dc.comparison.alignments
        if al.statement.index == 0
        for d in al.differences
        if d.kind == "number"
    ]
    assert diffs, "the report's 20,000 against a translation without it is a number difference"
    assert all(d.origin == "translation" for d in diffs)
    # and no figure "disagrees" between the state and the wire: the wire agrees with the original
    assert not [f for f in soft_result.figures if "20" in f.report]


def test_the_audit_is_in_the_view_json_html_and_markdown(
    soft_case: Path, soft_result: CaseComparison
) -> None:
    case = case_at(soft_case)
    view = build_view(soft_result, case)
    infos = {s.statement.index: s.statement for s in view.statements} | {
        p.statement.index: p.statement for p in view.pairs
    }
    assert infos[0].translation_audit is not None and infos[0].translation_departs
    data = json.loads(case_report(soft_result, case, "json"))
    by_index = {a["statement"]["index"]: a["statement"] for a in data["alignments"]}
    by_index |= {s["index"]: s for s in data["unmatched_statements"]}
    audit0 = by_index[0]["translation_audit"]
    assert audit0["flagged"] is True and 0 <= audit0["score"] < 1
    number = [i for i in audit0["issues"] if i["kind"] == "number"][0]
    assert number["source"] == "20 тысяч" and number["translation_span"] is None
    assert by_index[2]["translation_audit"]["flagged"] is False
    assert [s["index"] for s in data["unmatched_statements"]] == [3]
    assert data["unmatched_statements"][0]["translation_audit"]["flagged"] is True
    summary = data["aggregates"]["translation_audit"]
    assert summary["audited"] == 4 and summary["flagged"] == 3
    assert summary["differences_of_the_translation"] >= 1
    for a in data["alignments"]:  # the contract's fields stay
        assert {"index", "text", "translation", "document_id"} <= set(a["statement"])
        assert all({"kind", "statement", "report", "note"} <= set(d) for d in a["differences"])
    html = case_report(soft_result, case, "html")
    assert 'class="wb-audit" data-flagged="true"' in html
    assert "departs from the original" in html
    assert 'data-kind="modality"' in html and ">where necessary</mark>" in html
    assert ">20 тысяч</mark>" in html
    assert "translation departs</span>" in html  # the unmatched statement 4
    assert "translation&#x27;s</span>" in html or "translation's</span>" in html
    md = case_report(soft_result, case, "md")
    assert "**Translation audit** — The supplied translation departs from the original (" in md
    assert ">20 тысяч</mark>" in md and "*translation's*" in md
    assert "· *translation departs*" in md
    assert 'class="wb-audit"' in statements_html(view)  # the UI's statement-centric view
    assert "Translation audit" in view_markdown(view)


def test_a_case_without_translations_has_no_audit(tmp_path: Path, e5: Embedder) -> None:
    folder = _write_case(tmp_path / "plain", translated=False)
    case = case_at(folder)
    result = compare_case(case, embedder=e5, corrections=())
    assert result.translation_audit == ()
    assert "|audit:" not in result.signature
    data = json.loads(case_report(result, case, "json"))
    statements = [a["statement"] for a in data["alignments"]] + data["unmatched_statements"]
    assert statements and all(s["translation_audit"] is None for s in statements)
    assert 'class="wb-audit"' not in case_report(result, case, "html")
    assert "Translation audit" not in case_report(result, case, "md")
    assert data["aggregates"]["translation_audit"]["audited"] == 0


def test_audit_can_be_left_out(soft_case: Path, e5: Embedder) -> None:
    result = compare_case(case_at(soft_case), embedder=e5, corrections=(), audit=False)
    assert result.translation_audit == ()
    assert "|audit:" not in result.signature


def test_the_file_form_audits_supplied_translations_only(tmp_path: Path, e5: Embedder) -> None:
    # tidy22: this ran compare_texts (removed); the file form compares the case of its files
    st, tr, wire = tmp_path / "st.txt", tmp_path / "tr.txt", tmp_path / "wire.txt"
    st.write_text(ORIGINAL, "utf-8")
    tr.write_text(OFFICIAL, "utf-8")
    wire.write_text(WIRE, "utf-8")
    audited = compare_files(st, wire, src="ru", translations=tr, embedder=e5)
    assert [a.index for a in audited.translation_audit] == [0, 1, 2, 3]
    assert audited.translation_audit[0].flagged
    bare = compare_files(st, wire, src="ru", embedder=e5)  # no translation: nothing to audit
    assert bare.translation_audit == ()
    tr.write_text("\n".join(OFFICIAL.splitlines()[:3]), "utf-8")
    with pytest.raises(UserInputError, match=r"tr\.txt has 3 lines but .*st\.txt has 4"):
        compare_files(st, wire, src="ru", translations=tr, embedder=e5)


def test_a_translation_file_with_fewer_lines_is_refused_by_the_case_loader(
    tmp_path: Path,
) -> None:
    folder = _write_case(tmp_path / "short")
    (folder / "address.en.txt").write_text("Only one line.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"address\.en\.txt has 1 line but"):
        case_at(folder)


# ─── the rule that gives a difference to the translation ─────────────────────────────────────


def _result(issues: tuple[FaithIssue, ...], translation: str = "x" * 60) -> FaithResult:
    return FaithResult(0, "источник", translation, 0.4, True, issues)


def _diff(span: tuple[int, int] | None, kind: str = "framing", report: str = "") -> Difference:
    return Difference(kind, "w" if span else "", report, span, (0, 3) if report else None, "n")


def test_a_difference_on_an_issue_span_is_the_translations() -> None:
    issue = FaithIssue("label", "", "riots", None, (10, 15), "loaded label not in the source")
    audit = _result((issue,))
    assert translation_issue(_diff((12, 20)), audit) == issue
    assert translation_issue(_diff((20, 30)), audit) is None  # elsewhere: the report's
    assert translation_issue(_diff(None), audit) is None
    assert translation_issue(_diff((12, 20)), None) is None


def test_sentence_wide_issues_do_not_take_the_blame() -> None:
    length = FaithIssue("length", "", "x" * 60, None, (0, 60), "too long")
    wide = FaithIssue("coverage", "", "x" * 58, None, (1, 59), "no counterpart")
    assert translation_issue(_diff((12, 20)), _result((length,))) is None
    assert translation_issue(_diff((12, 20)), _result((wide,))) is None


def test_a_figure_the_translation_dropped_matches_by_value() -> None:
    dropped = FaithIssue("number", "20 тысяч", "", (16, 24), None, "figure missing")
    audit = _result((dropped,))
    assert translation_issue(_diff(None, "number", "20,000"), audit, "ru") == dropped
    assert translation_issue(_diff(None, "number", "30,000"), audit, "ru") is None


def test_attribution_marks_and_explains() -> None:
    st = StatementRef(0, "источник", "x" * 60, "d")
    al = Alignment(st, (ReportRef(0, "r", "w"),), 0.9, differences=(_diff((12, 20)),))
    issue = FaithIssue("label", "", "riots", None, (10, 15), "loaded label not in the source")
    out = attribute_to_translation(Comparison("s", (al,), (), ()), [_result((issue,))], "ru")
    d = out.alignments[0].differences[0]
    assert d.origin == "translation" and "the supplied translation departs here" in d.note
    assert out.translation_audit == (_result((issue,)),)


def test_cli_json_has_the_audit(soft_case: Path, session_home: Path) -> None:
    out = soft_case.parent / "out.json"
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "--home", str(session_home), "compare",
         "--case", str(soft_case), "--format", "json", "--output", str(out)],
        capture_output=True, text=True, cwd=REPO, env=dict(os.environ), timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    audits = [a["statement"]["translation_audit"] for a in data["alignments"]]
    assert any(a and a["flagged"] for a in audits)


def test_an_unflagged_audit_says_not_flagged_then_lists_its_issues() -> None:
    """review17: the audit of a translation the check did not flag read "minor points (not
    flagged)" above an issue an analyst must read (the sample case: a loaded label the
    translation drops). The head says what is known, the issues come right under it, then both
    sides with them marked, in the Markdown and the HTML alike."""
    from workbench.view.markdown import _audit_lines
    from workbench.view.model import StatementInfo, audit_marks

    source, translation = "Власти назвали их бандитами.", "The authorities named them."
    at = source.index("бандитами")
    issue = FaithIssue(
        "label", "бандитами", "", (at, at + 9), None, note="a loaded label is missing"
    )
    audit = FaithResult(0, source, translation, 0.64, False, (issue,))
    info = StatementInfo(0, 1, 1, "st", "State", source, translation, audit)
    marks = audit_marks(info)
    assert marks is not None
    assert (marks.head, marks.detail) == (
        "The supplied translation is not flagged",
        "faithfulness 0.64, 1 issue found",
    )
    md = "\n".join(_audit_lines(info))
    assert "minor" not in md
    assert md.startswith(
        "**Translation audit** — The supplied translation is not flagged "
        "(faithfulness 0.64, 1 issue found):\n\n- **label** “бандитами” — a loaded label"
    )
    assert md.index("**label**") < md.index("- original:") < md.index("- translation:")
    html = audit_html(info)
    assert "minor" not in html and "is not flagged" in html
    assert html.index("wb-audit-issues") < html.index("original:") < html.index("translation:")
    flagged = StatementInfo(0, 1, 1, "st", "State", source, translation,
                            FaithResult(0, source, translation, 0.3, True, (issue, issue)))  # fmt: skip
    marks = audit_marks(flagged)
    assert marks is not None and marks.detail == "faithfulness 0.30, 2 issues"
