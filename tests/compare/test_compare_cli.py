"""``workbench compare``: the file form, the case form, formats, clear errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli import run_workbench
from workbench.types import CaseComparison

REPO = Path(__file__).resolve().parents[2]

STATEMENTS = "На Алматы напали 20 тысяч бандитов.\nВрачи оказывают помощь раненым.\n"
TRANSLATIONS = "Almaty was attacked by 20,000 bandits.\nDoctors are treating the wounded.\n"
REPORT = (
    "The national football team lost its match on Tuesday evening.\n\n"
    "The president claimed that 20,000 protesters had stormed Almaty.\n"
)


def _run(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    pre = ["--home", str(home)] if home else []
    return run_workbench(*pre, *args)


def _compare(
    files: dict[str, Path], *extra: str, home: Path | None = None, **other: Path | None
) -> subprocess.CompletedProcess[str]:
    """``workbench compare`` in the file form on ``files`` (Russian statements, a report, their
    English translations) with ``extra`` arguments. ``rep=`` / ``tr=`` put another file in the
    place of one; ``tr=None`` leaves ``--translations`` out."""
    paths = {**files, **other}
    args = ["--statements", str(paths["st"]), "--src", "ru", "--reporting", str(paths["rep"])]
    if paths["tr"] is not None:
        args += ["--translations", str(paths["tr"])]
    return _run("compare", *args, *extra, home=home)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"st": tmp_path / "st.txt", "tr": tmp_path / "tr.txt", "rep": tmp_path / "rep.txt"}
    paths["st"].write_text(STATEMENTS, encoding="utf-8")
    paths["tr"].write_text(TRANSLATIONS, encoding="utf-8")
    paths["rep"].write_text(REPORT, encoding="utf-8")
    return paths


def test_file_form_json_follows_the_contract(files: dict[str, Path], session_home: Path) -> None:
    out = _compare(files, home=session_home)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert isinstance(data["signature"], str) and "tr:[supplied]" in data["signature"]
    (al,) = data["alignments"]
    audit = al["statement"].pop("translation_audit")  # the supplied translation, checked
    assert audit["flagged"] is False and set(audit) >= {"score", "issues"}
    assert al["statement"] == {
        "index": 0,
        "number": 1,  # what users see: counted from 1
        "text": "На Алматы напали 20 тысяч бандитов.",
        "translation": "Almaty was attacked by 20,000 bandits.",
        # files21: the file form compares the case of its files (as the Compare tab's
        # uploads), whose documents are named as its aggregates name them; it said "" here
        "document_id": "statements",
    }
    assert [(r["text"], r["document_id"]) for r in al["reports"]] == [
        ("The president claimed that 20,000 protesters had stormed Almaty.", "reporting")
    ]
    assert isinstance(al["score"], float)
    for d in al["differences"]:
        assert set(d) >= {"kind", "statement", "report", "statement_span", "report_span"}
    assert "framing" in {d["kind"] for d in al["differences"]}
    assert [s["index"] for s in data["unmatched_statements"]] == [1]
    assert [r["text"] for r in data["unmatched_reports"]] == [
        "The national football team lost its match on Tuesday evening."
    ]


def test_html_and_markdown_to_a_file(
    files: dict[str, Path], tmp_path: Path, session_home: Path
) -> None:
    for fmt in ("html", "md"):
        target = tmp_path / f"out.{fmt}"
        out = _compare(files, "--format", fmt, "--output", str(target), home=session_home)
        assert out.returncode == 0, out.stderr
        text = target.read_text(encoding="utf-8")
        assert "20,000" in text and "protesters" in text and "Signature" in text
    assert (tmp_path / "out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_file_form_reports_list_the_figures_and_labels_they_hold(
    tmp_path: Path, session_home: Path
) -> None:
    """review20: the file form's HTML and Markdown said "No figure differs." under a `number`
    flag 164 -> 103, and listed no label, because those aggregates were only computed for a
    case (the Compare tab's uploads are a case, so it showed them)."""
    files = {"st": tmp_path / "st.txt", "tr": tmp_path / "tr.txt", "rep": tmp_path / "rep.txt"}
    files["st"].write_text(
        "Минздрав сообщил о 164 погибших.\nНа Алматы напали 20 тысяч бандитов.\n", "utf-8"
    )
    files["tr"].write_text(
        "The health ministry reported 164 dead.\nAlmaty was attacked by 20,000 bandits.\n",
        "utf-8",
    )
    files["rep"].write_text(
        "The health ministry reported 103 dead. Bandits attacked Almaty, 20,000 of them.\n",
        "utf-8",
    )
    md = _compare(files, "--format", "md", home=session_home)
    assert md.returncode == 0, md.stderr
    figures = md.stdout.split("## Figures that disagree", 1)[1].split("\n## ", 1)[0]
    assert "No figure differs" not in figures
    assert "164 (statements) vs 103 (reporting, independent)" in figures
    labels = md.stdout.split("## Labels for the actors", 1)[1].split("\n## ", 1)[0]
    assert "- independent: **bandits** ×1" in labels and "- state: **bandits** ×1" in labels
    page = _compare(files, "--format", "html", home=session_home)
    assert page.returncode == 0, page.stderr
    assert "No figure differs" not in page.stdout and ">bandits<" in page.stdout
    # review20b: the JSON had no "aggregates" key at all (a case's JSON has it).
    out = _compare(files, "--format", "json", home=session_home)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert "alignments" in data and "signature" in data  # the contract's keys stay
    agg = data["aggregates"]
    assert [(f["statement"], f["report"], f["outlet_type"]) for f in agg["figures"]] == [
        ("164", "103", "independent")
    ]
    labels = agg["labels_by_outlet_type"]
    assert [lu["label"] for lu in labels["independent"]] == ["bandits"]
    assert [lu["label"] for lu in labels["state"]] == ["bandits"]
    assert set(agg) == {"translation_audit", "differences_by_outlet_type",
                        "leftovers_by_outlet_type", "labels_by_outlet_type", "figures"}  # fmt: skip


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--src", "ru"], "Missing --statements, --reporting"),
        (["--case", "kazakhstan-2022-01", "--src", "ru"], "Give either --case or --src, not both"),
        (["--case", "no-such-case"], "No case 'no-such-case'"),
    ],
)
def test_usage_errors_are_one_sentence(args: list[str], expected: str) -> None:
    out = _run("compare", *args)
    assert out.returncode == 2
    assert expected in out.stderr and "Traceback" not in out.stderr


def test_translations_with_another_line_count_are_refused(
    files: dict[str, Path], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("only one line\n", encoding="utf-8")
    out = _compare(files, tr=bad)
    assert out.returncode == 2
    assert "bad.txt has 1 line but" in out.stderr and "st.txt has 2" in out.stderr


def test_binary_reporting_is_refused_with_its_name(files: dict[str, Path], tmp_path: Path) -> None:
    binary = tmp_path / "rep.txt"
    binary.write_bytes(b"\x00\x01\x02PK")
    out = _compare(files, rep=binary)
    assert out.returncode == 2 and "rep.txt looks like a binary file" in out.stderr


@pytest.mark.slow
def test_case_form_matches_the_pipeline(
    sample_result: CaseComparison, session_home: Path, tmp_path: Path
) -> None:
    out = _run("compare", "--case", "kazakhstan-2022-01", home=session_home)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["signature"] == sample_result.signature
    assert len(data["alignments"]) == sum(
        len(dc.comparison.alignments) for dc in sample_result.documents
    )
    assert data["case"]["id"] == "kazakhstan-2022-01"
    assert {d["language"] for d in data["documents"]} == {"ru", "kk", "ky", "en"}
    assert "independent" in data["aggregates"]["differences_by_outlet_type"]
    html_out = _run(
        "compare",
        "--case",
        str(REPO / "corpora" / "kazakhstan-2022-01"),
        "--format",
        "html",
        "--output",
        str(tmp_path / "case.html"),
        home=session_home,
    )
    assert html_out.returncode == 0, html_out.stderr
    page = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert "Figures that disagree" in page and "Ruzakhunov" in page


def test_engine_translates_the_statements(
    files: dict[str, Path], tmp_path: Path, session_home: Path
) -> None:
    tsv = tmp_path / "tr.tsv"
    tsv.write_text(
        "".join(
            f"{s}\t{t}\n"
            for s, t in zip(STATEMENTS.splitlines(), TRANSLATIONS.splitlines(), strict=True)
        ),
        encoding="utf-8",
    )
    out = _compare(files, "--engine", "imported", "--model", str(tsv), tr=None, home=session_home)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert "engine:imported" in data["signature"] and "tr:[supplied]" not in data["signature"]
    (al,) = data["alignments"]
    assert al["statement"]["translation"] == "Almaty was attacked by 20,000 bandits."
    both = _compare(files, "--engine", "imported")
    assert both.returncode == 2 and "not both" in both.stderr


#: The keys of the file form's JSON that the Compare tab's JSON download of the same files
#: must hold alike (the tab's adds the case, its documents and a correction per suggestion).
SAME_KEYS = ("signature", "alignments", "unmatched_statements", "unmatched_reports", "aggregates")


@pytest.mark.parametrize("form", ["txt", "jsonl"])
def test_the_file_form_and_the_compare_tabs_upload_give_the_same_json(
    tmp_path: Path, session_home: Path, form: str
) -> None:
    """files21 (issue 9): the file form ran compare_texts and rebuilt a stand-in case for its
    aggregates, the tab built a case of the uploads and ran compare_case; a JSONL statements
    file with its translations was read by the command line's corpus readers and by the tab as
    plain text (each JSON record compared as a statement). Both compare files_case now."""
    from workbench.settings import Settings
    from workbench.ui.context import UIContext
    from workbench.ui.handlers import compare as h

    lines = ["Минздрав сообщил о 164 погибших.", "На Алматы напали 20 тысяч бандитов."]
    english = ["The health ministry reported 164 dead.", "Almaty was attacked by 20,000 bandits."]
    rep = tmp_path / "rep.txt"
    rep.write_text(
        "The health ministry reported 103 dead. Bandits attacked Almaty, 20,000 of them.\n"
        "The national football team lost its match on Tuesday evening.\n",
        "utf-8",
    )
    tr: Path | None = None
    if form == "txt":
        st, tr = tmp_path / "st.txt", tmp_path / "tr.txt"
        st.write_text("\n".join(lines) + "\n", "utf-8")
        tr.write_text("\n".join(english) + "\n", "utf-8")
    else:
        st = tmp_path / "st.jsonl"
        records = [{"text": s, "translation": t} for s, t in zip(lines, english, strict=True)]
        st.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    out = _compare({"st": st, "tr": tr, "rep": rep}, home=session_home)
    assert out.returncode == 0, out.stderr
    cli = json.loads(out.stdout)
    ctx = UIContext(Settings.resolve(env={"WORKBENCH_HOME": str(session_home)}))
    case = h.uploaded_case(str(st), str(rep), "ru", str(tr) if tr else None, "independent")
    state = h.run(ctx, case, h.SUPPLIED)
    tab = json.loads(h.export_report(ctx, state, fmt="JSON").read_text(encoding="utf-8"))
    assert [al["statement"]["text"] for al in tab["alignments"]] == lines  # not JSON records
    for key in SAME_KEYS:
        assert cli[key] == tab[key], key
    assert [(f["statement"], f["report"]) for f in cli["aggregates"]["figures"]] == [("164", "103")]


@pytest.mark.parametrize(
    ("broken", "content", "expected"),
    [
        ("st", b"", "The statements file st.txt is empty; give one statement a line."),
        ("st", b"\n \n", "The statements file st.txt is empty; give one statement a line."),
        ("rep", b"\n", "The reporting file rep.txt is empty; give English report text."),
        (
            "tr",
            b"",
            "The translations file tr.txt is empty; give one English line per statement line.",
        ),
        ("tr", b"one line\n", "tr.txt has 1 line but st.txt has 2; give one English line"),
        ("rep", b"\x00\x01\x02PK", "rep.txt looks like a binary file"),
        ("st", None, "st.txt does not exist; check the path."),
    ],
)
def test_bad_files_get_one_message_from_the_command_line_and_the_tab(
    files: dict[str, Path], broken: str, content: bytes | None, expected: str
) -> None:
    """files21: the file form and the tab's uploads read and check the files in one place
    (files_case); the tab's message is the command line's with the file's name for its path."""
    from workbench.errors import UserInputError
    from workbench.ui.handlers import compare as h

    if content is None:
        files[broken].unlink()
    else:
        files[broken].write_bytes(content)
    out = _compare(files)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    folder = f"{files['st'].parent}/"
    said = out.stderr.strip().removeprefix("error: ").replace(folder, "")
    assert said.startswith(expected), out.stderr
    with pytest.raises(UserInputError) as info:
        h.uploaded_case(str(files["st"]), str(files["rep"]), "ru", str(files["tr"]))
    assert str(info.value) == said and folder not in str(info.value)


def test_files_case_refuses_an_unknown_outlet_type(files: dict[str, Path]) -> None:
    from workbench.errors import UserInputError
    from workbench.pipeline.compare import files_case

    with pytest.raises(UserInputError, match="Unknown outlet type 'tabloid'; pick one of state"):
        files_case(files["st"], files["rep"], src="ru", report_outlet="tabloid")
    case = files_case(files["st"], files["rep"], src="ru", translations=files["tr"])
    assert [(d.id, d.title, d.language) for d in case.documents] == [
        ("statements", "st.txt", "ru"),
        ("reporting", "rep.txt", "en"),
    ]
    assert case.documents[0].translation == TRANSLATIONS.rstrip("\n")


def test_an_upload_no_reader_reads_is_refused_as_on_the_command_line(
    files: dict[str, Path],
) -> None:
    """files21: the tab read any upload as plain text; it reads with the command line's
    readers now, so a file of another kind is refused with their message, by its name."""
    from workbench.errors import UserInputError
    from workbench.ui.handlers import compare as h

    notes = files["st"].with_name("notes.md")
    notes.write_text(STATEMENTS, encoding="utf-8")
    out = _compare(files, st=notes)
    assert out.returncode == 2 and "notes.md: no reader for .md files" in out.stderr
    with pytest.raises(UserInputError, match=r"^notes\.md: no reader for \.md files; use one of"):
        h.uploaded_case(str(notes), str(files["rep"]), "ru")


@pytest.mark.parametrize("name", ["statements", "st.txt"])
def test_a_folder_given_as_a_file_is_called_a_folder(
    files: dict[str, Path], tmp_path: Path, name: str
) -> None:
    """review21: a folder without a .txt ending given for --statements, --reporting or
    --translations was "no reader for .(no extension) files", as if it were a file of another
    kind; it is called a folder, as `check` and a folder named like a text file are."""
    from workbench.corpus.readers import read_file
    from workbench.errors import CorpusError

    folder = tmp_path / "inputs" / name
    folder.mkdir(parents=True)
    for key in ("st", "rep", "tr"):
        out = _compare(files, **{key: folder})
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert out.stderr.strip() == f"error: {folder} is a folder, not a file; give a text file."
    with pytest.raises(CorpusError, match=r"is a folder, not a file; give a text file\.$"):
        read_file(folder)


def test_a_cp1251_file_is_announced_once(files: dict[str, Path], tmp_path: Path) -> None:
    """review21: a cp1251 statements file's notice was printed three times by the file form
    (once by the command, then logged by each of the two reads of the file); it is said once,
    and the report is still written."""
    files["st"].write_bytes(STATEMENTS.encode("cp1251"))
    out = _compare(files, "--format", "json", "-o", str(tmp_path / "out.json"))
    assert out.returncode == 0, out.stderr
    assert out.stderr.count("st.txt is not UTF-8") == 1, out.stderr
    assert "it was read as cp1251" in out.stderr
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["alignments"]


def test_figures_that_disagree_say_what_the_figure_is(files: dict[str, Path]) -> None:
    """review21: the Markdown's "Figures that disagree" listed an article number changed from
    25 to 26 as a bare "25 (statements) vs 26 (...)", a count to the reader; each line now ends
    with the flag's note, as the HTML's Note column shows it ("article number", "figure")."""
    files["st"].write_text("Согласно статье 25 Конституции задержаны 164 человека.\n", "utf-8")
    files["tr"].write_text("Under Article 25 of the Constitution, 164 people were detained.\n")
    files["rep"].write_text("Under Article 26 of the Constitution, 103 people were detained.\n")
    out = _compare(files, "--format", "md")
    assert out.returncode == 0, out.stderr
    figures = out.stdout.split("## Figures that disagree")[1].split("\n## ")[0]
    assert "- 25 (statements) vs 26 (reporting, independent) · article number: “" in figures
    assert "- 164 (statements) vs 103 (reporting, independent) · figure: “" in figures


def test_statements_without_a_translation_are_said_as_the_tab_says(
    files: dict[str, Path], tmp_path: Path
) -> None:
    """review21: the Compare tab says that uploads with no translation are aligned through
    cross-lingual embeddings alone; the file form and a case compared with no --translations
    and no --engine said nothing. The sentence is made in one place (untranslated_notice)."""
    from workbench.pipeline.compare import files_case
    from workbench.pipeline.inputs import untranslated_notice

    bare = files_case(files["st"], files["rep"], src="ru")
    fix = "give --translations (one English line per statement line), or --engine to translate "
    said = untranslated_notice(bare, f"{fix}them first", by_title=True)
    assert said is not None and said.startswith("No English translation for st.txt: ")
    translated = files_case(files["st"], files["rep"], src="ru", translations=files["tr"])
    assert untranslated_notice(translated, "fix") is None
    out = _compare(files, "-o", str(tmp_path / "out.json"), tr=None)
    assert out.returncode == 0, out.stderr
    assert f"warning: {said}\n" in out.stderr
    out = _compare(files, "-o", str(tmp_path / "out.json"))
    assert out.returncode == 0 and "No English translation" not in out.stderr, out.stderr
    case = tmp_path / "case"
    case.mkdir()
    (case / "st.txt").write_text(STATEMENTS, "utf-8")
    (case / "rep.txt").write_text(REPORT, "utf-8")
    (case / "case.toml").write_text(
        'id = "bare"\ntitle = "Bare"\ndescription = ""\n\n'
        '[[documents]]\nid = "st"\ntitle = "St"\nfile = "st.txt"\nlanguage = "ru"\n'
        'outlet = "Ministry"\noutlet_type = "state"\nprovenance = "original"\n\n'
        '[[documents]]\nid = "rep"\ntitle = "Rep"\nfile = "rep.txt"\nlanguage = "en"\n'
        'outlet = "Wire"\noutlet_type = "foreign"\nprovenance = "original"\n',
        "utf-8",
    )
    out = _run("compare", "--case", str(case), "-o", str(tmp_path / "case.json"))
    assert out.returncode == 0, out.stderr
    assert "warning: No English translation for st: its statements are aligned" in out.stderr
    assert "give --engine (and --model) to translate them first." in out.stderr


def test_the_file_form_is_filtered_as_the_tabs_uploads(files: dict[str, Path]) -> None:
    """review21: the Compare tab filters the report of uploaded files (kinds, outlet types,
    salience); `compare --statements … --kinds framing` was refused ("apply to case reports")
    though the file form reports the case of its files. Its HTML and Markdown are filtered as
    a case's; an unknown kind is the case's sentence."""
    out = _compare(files, "--format", "md", "--kinds", "framing")
    assert out.returncode == 0, out.stderr
    assert "Filters — kinds: framing" in out.stdout
    kinds = {line.split("**")[1] for line in out.stdout.splitlines() if line.startswith("  - **")}
    assert kinds == {"framing"}
    out = _compare(files, "--format", "md")
    assert len({ln.split("**")[1] for ln in out.stdout.splitlines() if ln.startswith("  - **")}) > 1
    out = _compare(files, "--format", "md", "--kinds", "nonsense")
    assert out.returncode == 2 and "Unknown difference kind 'nonsense'" in out.stderr


@pytest.mark.parametrize("form", ["case", "files"])
def test_an_unknown_filter_is_refused_before_the_work(
    form: str,
    files: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """review21's leftover: `--kinds nonsense` was refused only after the whole comparison had
    run (minutes on a big case). It is checked against the case before compare_case starts."""
    from workbench.cli import main
    from workbench.pipeline import compare

    def no_work(*_a: object, **_k: object) -> None:
        raise AssertionError("the comparison ran before the filters were checked")

    monkeypatch.setattr(compare, "compare_case", no_work)
    where = (
        ["--case", str(REPO / "corpora" / "kazakhstan-2022-01")]
        if form == "case"
        else ["--statements", str(files["st"]), "--src", "ru", "--reporting", str(files["rep"]),
              "--translations", str(files["tr"])]
    )  # fmt: skip
    rc = main(["--home", str(tmp_path / "home"), "compare", *where, "--format", "md",
               "--kinds", "nonsense"])  # fmt: skip
    assert rc == 2
    assert "Unknown difference kind 'nonsense'" in capsys.readouterr().err


def test_filters_with_json_are_said_to_apply_to_the_reports(files: dict[str, Path]) -> None:
    """review21's leftover: `--kinds` with `--format json` was ignored without a word."""
    out = _compare(files, "--format", "json", "--kinds", "framing")
    assert out.returncode == 0, out.stderr
    assert "--kinds filter the HTML and Markdown reports; the JSON holds every difference" in (
        out.stderr
    )
    assert "filter the HTML" not in _compare(files, "--format", "json").stderr
