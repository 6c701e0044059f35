"""``workbench judgments import``: judgments made elsewhere (DA, MQM, ESA) come back into the store;
a bad row is refused with its line number and the others are stored (ux10's evaluator walk: there
was no way back for a filled-in export)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.errors import UserInputError
from workbench.pipeline.annotate import export_judgments, import_judgments
from workbench.score.judgments import JudgmentStore

SOURCE = ["Бір.", "Екі сөз.", "Үш сөз бар.", "Төрт."]
MT = ["One.", "Two words.", "Three words are.", "Four."]


@pytest.fixture
def db(tmp_path: Path) -> str:
    src, hyp = tmp_path / "src.kk", tmp_path / "mt.en"
    src.write_text("\n".join(SOURCE) + "\n", "utf-8")
    hyp.write_text("\n".join(MT) + "\n", "utf-8")
    path = str(tmp_path / "j.sqlite")
    assert main(["judgments", "add", "--src", str(src), "--hyp", str(hyp), "--db", path,
                 "--campaign", "pilot"]) == 0  # fmt: skip
    return path


def template(db: str) -> list[dict[str, str]]:
    return list(csv.DictReader(export_judgments(db, "csv", "pilot", template=True).splitlines()))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_template_lists_every_item_with_empty_judgment_columns(db: str) -> None:
    rows = template(db)
    assert [r["translation"] for r in rows] == MT
    assert all(r["annotator"] == "" and r["score"] == "" for r in rows)
    assert all(r["item_id"].startswith("pilot:") for r in rows)


def test_da_mqm_and_esa_rows_are_stored_and_bad_rows_named_by_line(db: str, tmp_path: Path) -> None:
    rows = template(db)
    span = json.dumps([{"start": 0, "end": 3, "category": "accuracy/mistranslation",
                        "severity": "major"}])  # fmt: skip
    rows[0].update(annotator="ann", score="80")  # DA
    rows[1].update(annotator="ann", errors=span)  # MQM
    rows[2].update(annotator="ann", score="55", errors=span)  # ESA
    rows[3].update(annotator="ann", score="eighty")
    bad = [
        {**rows[0], "score": "150"},
        {**rows[0], "annotator": ""},
        {**rows[1], "errors": "[{"},
        {**rows[1], "errors": json.dumps([[0, 99, "style", "minor"]])},
        {**rows[1], "errors": json.dumps([[0, 3, "style", "fatal"]])},
        {**rows[0], "item_id": "pilot:nope:1"},
        {**rows[0], "translation": "Another text."},
        {**rows[0], "score": "", "errors": "[]"},
    ]
    file = write_csv(tmp_path / "filled.csv", rows + bad)
    report = import_judgments(db, file, "pilot")
    assert (report.stored, report.unchanged, report.rows) == (3, 0, 12)
    problems = {r.line: r.problem for r in report.refused}
    assert sorted(problems) == list(range(5, 14))  # line 1 is the header
    assert "'eighty' is not a number" in problems[5]
    assert "0–100, not 150" in problems[6]
    assert "annotator" in problems[7].lower()
    assert "not a JSON list of spans" in problems[8]
    assert "not inside the translation" in problems[9]
    assert "Unknown severity 'fatal'" in problems[10]
    assert "No item 'pilot:nope:1' in campaign 'pilot'" in problems[11]
    assert "not the one stored for item" in problems[12]
    assert "Give a 0–100 score or mark at least one error span" in problems[13]
    with JudgmentStore(db) as store:
        kept = {j.item_id: j for j in store.judgments(campaign="pilot")}
    assert kept[rows[0]["item_id"]].score == 80.0
    assert kept[rows[1]["item_id"]].errors[0].severity == "major"
    assert kept[rows[2]["item_id"]].score == 55.0 and kept[rows[2]["item_id"]].errors
    again = import_judgments(db, file, "pilot")  # nothing is stored twice
    assert (again.stored, again.unchanged, len(again.refused)) == (0, 3, 9)


def test_a_quoted_line_break_keeps_the_line_numbers(db: str, tmp_path: Path) -> None:
    rows = template(db)
    rows[0].update(annotator="ann", score="70", extra='{"note": "two\\nlines"}')
    rows[0]["source"] = "Бір.\nекінші жол"  # a cell over two lines
    rows[1].update(annotator="ann", score="x")
    file = write_csv(tmp_path / "f.csv", rows[:2])
    (refused,) = import_judgments(db, file).refused
    assert refused.line == 4


def test_jsonl_rows_and_broken_lines(db: str, tmp_path: Path) -> None:
    item = template(db)[0]["item_id"]
    file = tmp_path / "j.jsonl"
    file.write_text(
        json.dumps({"annotator": "a", "item_id": item, "score": 90}) + "\n\n{oops\n[1]\n",
        "utf-8",
    )
    report = import_judgments(db, file)
    assert report.stored == 1
    assert [(r.line, r.problem) for r in report.refused] == [
        (3, "The line is not JSON (Expecting property name enclosed in double quotes)."),
        (4, "The line is not a JSON object."),
    ]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("j.tsv", "a\tb\n", "imported from .csv or .jsonl"),
        ("j.csv", "annotator,score\nann,1\n", "has no item_id, errors column"),
        ("j.csv", "annotator,item_id,score,errors\n", "has no judgments to import"),
        # a blank file is named empty, with the template that fills it (review20, 08f6dc0)
        ("j.jsonl", "\n", r"is empty; fill in the rows .*--format jsonl"),
    ],
)
def test_a_file_that_cannot_be_imported_is_one_sentence(
    db: str, tmp_path: Path, name: str, text: str, message: str
) -> None:
    file = tmp_path / name
    file.write_text(text, "utf-8")
    with pytest.raises(UserInputError, match=message):
        import_judgments(db, file)


def test_an_unknown_campaign_is_one_sentence(db: str, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "f.csv", template(db))
    with pytest.raises(UserInputError, match="No campaign 'pilto'.*campaigns: pilot"):
        import_judgments(db, file, "pilto")


def test_cli_import_names_refused_lines_and_keeps_them_to_fix(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = template(db)
    rows[0].update(annotator="ann", score="80")
    rows[1].update(annotator="ann", score="800")
    file = write_csv(tmp_path / "filled.csv", rows[:2])
    assert main(["judgments", "import", str(file), "--db", db, "--campaign", "pilot"]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("filled.csv: 1 stored, 0 already there, 1 refused, of 2 rows")
    refused = tmp_path / "filled.refused.csv"
    assert "line 3: A direct-assessment score is 0–100, not 800.0." in err
    assert err.rstrip().endswith(f"they are in {refused} with a 'problem' column: fix them "
                                 "there and import that file.")  # fmt: skip
    (kept,) = list(csv.DictReader(refused.read_text("utf-8").splitlines()))
    assert kept["score"] == "800" and kept["line"] == "3" and "0–100" in kept["problem"]
    fixed = write_csv(tmp_path / "fixed.csv", [{**kept, "score": "85"}])
    assert main(["judgments", "import", str(fixed), "--db", db]) == 0
    assert "fixed.csv: 1 stored" in capsys.readouterr().out
    assert main(["judgments", "stats", "--db", db, "--campaign", "pilot"]) == 0
    assert capsys.readouterr().out.startswith("2 judgments by 1 annotator in campaign pilot")
    assert main(["judgments", "import", str(file), "--db", db, "--refused", str(file)]) == 2
    assert "must not be the file being imported" in capsys.readouterr().err
    missing = str(tmp_path / "no" / "r.csv")
    assert main(["judgments", "import", str(file), "--db", db, "--refused", missing]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["judgments", "import", str(tmp_path / "none.csv"), "--db", db]) == 2
    assert "none.csv" in capsys.readouterr().err
