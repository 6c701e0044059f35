"""``benchmarks/flag_precision_study.py``: how it names a flag's sub-kind, what it counts, and the
arguments it refuses."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import assert_needs_cases, load_script, refusal


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/flag_precision_study.py", "flag_precision_study_under_test")


def test_a_note_loses_what_is_particular_to_one_flag(study: ModuleType) -> None:
    assert study.note_form("hedge:opinion; only in report") == "hedge:*; only in report"
    assert study.note_form("reported speech of someone (the mayor)") == "reported speech of …"
    assert study.note_form("figure; also: 1,700, 411") == "figure; also: N N"
    assert study.note_form("label 'thugs' for 'protesters'") == "label '…' for '…'"
    said = "only in report; reported speech of the regional governor"
    assert study.note_form(said) == "only in report; reported speech of …"
    credited = "stated as fact in the statement; report: attributed to Aliyev"
    assert study.note_form(credited) == "stated as fact in the statement; report: attributed to …"
    actor = "actor: the statement names the council; the report names no one in its place"
    assert (
        study.note_form(actor)
        == "actor: the statement names …; the report names no one in its place"
    )
    row = {"kind": "addition", "detector": "content", "note": "only in report"}
    assert study.sub_kind(row, "detector") == "addition/content"
    assert study.sub_kind(row, "note") == "addition/content/none/only in report"
    row |= {"report_words": "a new clause"}
    assert study.sub_kind(row, "note") == "addition/content/report/only in report"


def _row(set_: str, cls: str, kind: str = "number") -> dict[str, object]:
    return {"set": set_, "kind": kind, "detector": "number", "note": "figure", "cls": cls,
            "statement_words": "212", "report_words": ""}  # fmt: skip


def test_the_tables_count_each_class_and_name_what_is_noise_everywhere(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        _row("alpha", "noise"),
        _row("alpha", "wrong-link"),
        _row("alpha-tr", "noise"),
        _row("beta", "key", "entity"),
        _row("beta", "noise", "entity"),
        _row("beta", "unjudged", "entity"),
    ]
    saved = tmp_path / "rows.jsonl"
    saved.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert study.main(["--load", str(saved), "--min", "2"]) == 0
    out = capsys.readouterr().out
    assert "number/number/statement/figure | 3 | 0 | 0 | 2 | 1 | 0 | 0.00 | 2" in out
    assert "entity/number/statement/figure | 3 | 1 | 0 | 1 | 0 | 1 | 0.50 | 1" in out
    assert (
        "number/number/statement/figure | 0/0/1/1 | 0/0/1/0 | -" in out
    )  # per set: alpha, alpha-tr, beta
    everywhere = out.split("noise on every set")[1]
    assert (
        "number/number/statement/figure: 3 noise flags on 2 sets (1 plain, 1 translated)"
        in everywhere
    )
    assert "entity" not in everywhere


def test_bad_arguments_are_refused(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_needs_cases(study, tmp_path, capsys)
    said = refusal(lambda: study.main(["--load", str(tmp_path / "none.jsonl")]), capsys)
    assert "none.jsonl: no such file" in said
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert "not a file of JSON lines" in refusal(
        lambda: study.main(["--load", str(broken)]), capsys
    )
