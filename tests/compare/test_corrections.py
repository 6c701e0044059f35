"""Analyst link corrections: saved with the case, reused by every comparison, bad inputs refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from workbench.align import Embedder
from workbench.corpus import (
    CORRECTIONS_FILE,
    load_case,
    read_corrections,
    write_corrections,
)
from workbench.corpus.corrections import corrections_toml
from workbench.errors import CorpusError, UserInputError
from workbench.pipeline.compare import case_reports, case_statements, compare_case
from workbench.pipeline.corrections import correct_link, line_starts
from workbench.types import Alignment, Case, CaseComparison, LinkCorrection
from workbench.view import build_view

from .conftest import REPO, SAMPLE


@pytest.fixture
def case_copy(tmp_path: Path) -> Case:
    """A writable copy of the sample case."""
    folder = tmp_path / "case"
    shutil.copytree(SAMPLE, folder)
    return load_case(folder)


def _first_link(result: CaseComparison) -> tuple[int, str, int]:
    """(statement index, report document, report index) of the first aligned link."""
    al = result.documents[0].comparison.alignments[0]
    return al.statement.index, al.reports[0].document_id, al.reports[0].index


def _correction(case: Case, action: str, st_index: int, rep_index: int) -> LinkCorrection:
    st = {s.index: s for s in case_statements(case)}[st_index]
    reps = case_reports(case)
    rep = next(r for r in reps if r.index == rep_index)
    first = next(r.index for r in reps if r.document_id == rep.document_id)
    return LinkCorrection(
        action,
        st.document_id,
        st.index - line_starts(case)[st.document_id] + 1,
        rep.document_id,
        rep.index - first + 1,
        by="Test Analyst",
    )


def _links(result: CaseComparison) -> set[tuple[int, int]]:
    return {
        (a.statement.index, r.index)
        for dc in result.documents
        for a in dc.comparison.alignments
        for r in a.reports
    }


def test_file_round_trips_hostile_text(tmp_path: Path) -> None:
    nasty = 'quote " back \\ newline \n tab \t del \x7f <script>'
    c = LinkCorrection("add", "st", 2, "rep", 3, nasty, 'O"Brien', "2026-01-01T00:00:00Z", nasty)
    write_corrections(tmp_path, [c, c])
    tomllib.loads((tmp_path / CORRECTIONS_FILE).read_text(encoding="utf-8"))
    assert read_corrections(tmp_path) == (c, c)
    assert corrections_toml([]).startswith("#")


def test_an_entry_missing_fields_says_which_entry_what_and_what_to_do(tmp_path: Path) -> None:
    # It said only "correction 2: missing report_sentence." (no way to tell what to write).
    entry = (
        '[[link]]\naction = "add"\nstatement_document = "a"\nstatement_line = 1\n'
        'report_document = "b"\n'
    )
    (tmp_path / CORRECTIONS_FILE).write_text(entry + "report_sentence = 2\n\n" + entry, "utf-8")
    with pytest.raises(CorpusError) as err:
        read_corrections(tmp_path)
    message = str(err.value)
    assert (
        "correction 2 (the [[link]] table number 2 in the file): missing report_sentence."
        in message
    )
    assert "Add to that table: report_sentence = N (1-based sentence in that report)" in message
    assert message.endswith("; or delete the table to drop that correction.")
    assert str(tmp_path / CORRECTIONS_FILE) in message and message.count("\n") == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[link]\naction=", "not valid TOML"),
        ('[[link]]\naction = "add"\n', "missing statement_document"),
        (
            '[[link]]\naction = "merge"\nstatement_document = "a"\nstatement_line = 1\n'
            'report_document = "b"\nreport_sentence = 1\n',
            "action must be one of add, remove",
        ),
        (
            '[[link]]\naction = "add"\nstatement_document = "a"\nstatement_line = 0\n'
            'report_document = "b"\nreport_sentence = 1\n',
            "statement_line must be a whole number from 1",
        ),
        ("link = 3\n", "must be a list"),
    ],
)
def test_corrupt_file_is_one_sentence_naming_it(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / CORRECTIONS_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match=expected) as err:
        read_corrections(tmp_path)
    assert str(tmp_path / CORRECTIONS_FILE) in str(err.value)


def test_failed_write_keeps_the_saved_corrections(
    case_copy: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _correction(case_copy, "remove", 0, 0)
    write_corrections(case_copy.path, [first])
    before = (Path(case_copy.path) / CORRECTIONS_FILE).read_bytes()

    def read_only(*_: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    with pytest.raises(CorpusError, match="nothing was changed"):
        correct_link(case_copy, first, case_statements(case_copy), case_reports(case_copy))
    assert (Path(case_copy.path) / CORRECTIONS_FILE).read_bytes() == before
    assert sorted(p.name for p in Path(case_copy.path).iterdir() if p.name.startswith(".")) == []


def test_unwritable_folder_is_one_sentence(
    case_copy: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def denied(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    c = _correction(case_copy, "remove", 0, 0)
    with pytest.raises(CorpusError, match="not writable"):
        correct_link(case_copy, c, case_statements(case_copy), case_reports(case_copy))
    assert not (Path(case_copy.path) / CORRECTIONS_FILE).exists()


def test_removed_and_added_links_are_saved_and_reused(
    case_copy: Case, e5: Embedder, sample_result: CaseComparison
) -> None:
    st_index, _, rep_index = _first_link(sample_result)
    assert (st_index, rep_index) in _links(sample_result)
    # A report sentence the aligner left unmatched, linked to the same statement by hand.
    spare = sample_result.unmatched_reports[0]
    statements, reports = case_statements(case_copy), case_reports(case_copy)
    correct_link(
        case_copy, _correction(case_copy, "remove", st_index, rep_index), statements, reports
    )
    saved = correct_link(
        case_copy, _correction(case_copy, "add", st_index, spare.index), statements, reports
    )
    assert [c.action for c in saved] == ["remove", "add"] and all(c.by and c.at for c in saved)
    assert saved[1].report_text == spare.text
    # The next run (a fresh load of the case, as the CLI or a restarted UI does) reuses them.
    again = compare_case(load_case(case_copy.path), embedder=e5)
    links = _links(again)
    assert (st_index, rep_index) not in links and (st_index, spare.index) in links
    assert spare.index not in {r.index for r in again.unmatched_reports}
    assert "|corrections:2|" in again.signature
    # Differences were recomputed for the added link: it has the spare sentence's own diff.
    added = next(
        a
        for dc in again.documents
        for a in dc.comparison.alignments
        if any(r.index == spare.index for r in a.reports)
    )
    assert any(d.report_document == spare.document_id for d in added.differences)
    view = build_view(again, case_copy, corrections=saved)
    shown = [r for s in view.statements for r in s.retellings if r.by_analyst]
    assert shown and any(spare.text in r.text for r in shown)
    # Ignoring them gives the aligner's links back.
    assert (st_index, rep_index) in _links(compare_case(case_copy, embedder=e5, corrections=()))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"report_sentence": 999}, "sentence 999 of"),
        ({"statement_line": 999}, "line 999 of"),
        ({"report_document": "nowhere"}, "'nowhere'"),
        ({"report_text": "Some other sentence."}, "now reads"),
    ],
)
def test_correction_pointing_at_a_missing_sentence_is_refused(
    case_copy: Case, e5: Embedder, change: dict[str, object], expected: str
) -> None:
    import dataclasses

    bad = dataclasses.replace(_correction(case_copy, "add", 0, 0), **change)  # type: ignore[arg-type]
    with pytest.raises(UserInputError, match=expected):
        compare_case(case_copy, embedder=e5, corrections=[bad])
    if "report_text" not in change:
        with pytest.raises(UserInputError, match=expected):
            correct_link(case_copy, bad, case_statements(case_copy), case_reports(case_copy))
        assert not (Path(case_copy.path) / CORRECTIONS_FILE).exists()


def test_correction_needs_a_name_and_a_case_folder(case_copy: Case) -> None:
    import dataclasses

    c = dataclasses.replace(_correction(case_copy, "add", 0, 0), by="  ")
    with pytest.raises(UserInputError, match="Type your name"):
        correct_link(case_copy, c, case_statements(case_copy), case_reports(case_copy))
    folderless = dataclasses.replace(case_copy, path="")
    with pytest.raises(UserInputError, match="saved with a case folder"):
        correct_link(folderless, c, case_statements(case_copy), case_reports(case_copy))


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", "--home", str(home), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_cli_reuses_the_corrections_and_refuses_a_stale_one(
    case_copy: Case, session_home: Path, tmp_path: Path
) -> None:
    c = _correction(case_copy, "add", 0, 0)
    write_corrections(case_copy.path, [c])
    out = _cli("compare", "--case", case_copy.path, "--format", "md", home=session_home)
    assert out.returncode == 0, out.stderr
    assert "## Analyst corrections (1)" in out.stdout and "Test Analyst" in out.stdout
    as_json = _cli("compare", "--case", case_copy.path, home=session_home)
    (saved,) = json.loads(as_json.stdout)["corrections"]
    assert saved["by"] == "Test Analyst" and saved["action"] == "add"
    ignored = _cli(
        "compare",
        "--case",
        case_copy.path,
        "--no-corrections",
        "-o",
        str(tmp_path / "x.json"),
        home=session_home,
    )
    assert ignored.returncode == 0, ignored.stderr
    assert "corrections:" not in (tmp_path / "x.json").read_text(encoding="utf-8")
    write_corrections(
        case_copy.path, [LinkCorrection("add", c.statement_document, 1, c.report_document, 999)]
    )
    stale = _cli("compare", "--case", case_copy.path, home=session_home)
    assert stale.returncode == 2 and "Traceback" not in stale.stderr
    assert "sentence 999" in stale.stderr and len(stale.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kinds", "nonsense"], "Unknown difference kind 'nonsense'"),
        (["--outlets", "nobody"], "Unknown outlet 'nobody'"),
        (["--outlet-types", "tabloid"], "Unknown outlet type 'tabloid'"),
        (["--min-salience", "3"], "between 0 and 1"),
    ],
)
def test_cli_report_filters_refuse_bad_values(
    args: list[str], expected: str, session_home: Path
) -> None:
    out = _cli("compare", "--case", str(SAMPLE), "--format", "md", *args, home=session_home)
    assert out.returncode == 2 and expected in out.stderr and "Traceback" not in out.stderr


def test_cli_filters_apply_to_the_report(session_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    out = _cli(
        "compare",
        "--case",
        str(SAMPLE),
        "--format",
        "md",
        "-o",
        str(path),
        "--kinds",
        "number",
        "--outlet-types",
        "independent",
        home=session_home,
    )
    assert out.returncode == 0, out.stderr
    text = path.read_text(encoding="utf-8")
    assert "Filters — kinds: number; outlet types: independent" in text
    kinds = {line.split("**")[1] for line in text.splitlines() if line.startswith("  - **")}
    assert kinds == {"number"}
    assert "(foreign," not in text


def test_cli_filters_need_a_case(tmp_path: Path, session_home: Path) -> None:
    out = _cli(
        "compare",
        "--statements",
        "a",
        "--src",
        "ru",
        "--reporting",
        "b",
        "--no-corrections",
        home=session_home,
    )
    # review21: the filters apply to the file form's case too (as to the tab's uploads); the
    # corrections saved with a case folder do not
    assert out.returncode == 2 and out.stderr.strip() == (
        "error: --no-corrections applies to a case folder's saved corrections; give --case ID."
    )


def test_cli_names_the_way_round_a_broken_corrections_file(
    case_copy: Case, session_home: Path
) -> None:
    # review12 F10: the tab's message said how to compare anyway, the command line's did not
    (Path(case_copy.path) / "corrections.toml").write_text(
        "[[link]]\naction = 1\n", encoding="utf-8"
    )
    out = _cli("compare", "--case", case_copy.path, home=session_home)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "--no-corrections" in out.stderr and "statement_document" in out.stderr
    ok = _cli("compare", "--case", case_copy.path, "--no-corrections", home=session_home)
    assert ok.returncode == 0, ok.stderr


def test_one_correction_leaves_every_other_link_as_the_aligner_made_it(
    case_copy: Case, e5: Embedder, sample_result: CaseComparison
) -> None:
    # ux13's walk: one removed link dropped the aligner's links (score, statement part, weak
    # flag) of EVERY alignment of the case: the weak-link gate, the clause focus and each
    # outlet's own link confidence were off for all statements, and the view gave every
    # outlet the alignment's best score.
    def by_statement(result: CaseComparison) -> dict[int, Alignment]:
        return {a.statement.index: a for dc in result.documents for a in dc.comparison.alignments}

    before = by_statement(sample_result)
    st_index, _, rep_index = _first_link(sample_result)
    fix = _correction(case_copy, "remove", st_index, rep_index)
    after = by_statement(compare_case(case_copy, embedder=e5, corrections=(fix,)))
    assert any(a.links for a in before.values())
    for index, al in before.items():
        if index == st_index:
            continue
        assert after[index].reports == al.reports and after[index].links == al.links
    corrected = after.get(st_index)
    kept = [i for i, r in enumerate(before[st_index].reports) if r.index != rep_index]
    if corrected is not None:  # its other sentences keep their links
        assert corrected.links == tuple(before[st_index].links[i] for i in kept)
        assert corrected.score == max(link.score for link in corrected.links)
