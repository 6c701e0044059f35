"""The command line as a user meets it (session 9's walk through every command): long work shows
progress, ``-q`` is quiet, and options a command does not use are refused, not ignored."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.scripts import refusal
from tests.ticks import ManualTicks
from workbench.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpora" / "kazakhstan-2022-01"


@pytest.fixture
def progress_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Record every ``progress(done, total)`` the CLI's progress bar receives."""
    return bars(monkeypatch).setdefault("translating", [])


def bars(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[int, int]]]:
    """Record every bar's ``progress(done, total)`` calls, by the bar's description."""
    calls: dict[str, list[tuple[int, int]]] = {}

    @contextmanager
    def recorder(
        quiet: bool, desc: str = "translating", unit: str = "sent", heartbeat: float = 0.0
    ) -> Iterator[object]:
        mine = calls.setdefault(desc, [])
        yield None if quiet else (lambda done, total: mine.append((done, total)))

    monkeypatch.setattr("workbench.cli.translate_cmd.progress_bar", recorder)
    return calls


def _bar_then_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], desc: str, least: int
) -> dict[str, list[tuple[int, int]]]:
    """Run ``args`` three times with a fresh home: the bar ``desc`` counts at least ``least``
    texts embedded the first time; the second finds them cached (no bar, the same output);
    ``-q`` shows none."""
    recorded = bars(monkeypatch)
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    assert main([*args, "-o", str(tmp_path / "a.out")]) == 0
    steps = recorded[desc]
    assert steps and steps[0][0] == 0 and steps[-1][0] == steps[-1][1] >= least
    assert all(a <= b for (a, _), (b, _) in zip(steps, steps[1:], strict=False))
    # A second run finds every vector in the cache: nothing is embedded, no bar.
    recorded[desc].clear()
    assert main([*args, "-o", str(tmp_path / "b.out")]) == 0
    assert recorded[desc] == []
    assert (tmp_path / "a.out").read_text("utf-8") == (tmp_path / "b.out").read_text("utf-8")
    assert main(["-q", *args, "-o", str(tmp_path / "c.out")]) == 0  # -q: no bar at all
    assert recorded[desc] == []
    return recorded


def test_compare_shows_progress_while_embedding_for_the_alignment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ux9's walk: a long case showed nothing while its sentences were embedded (it looked hung).
    statements = SAMPLE / "statements" / "tokayev-2022-01-07.ru.txt"
    args = ["compare", "--statements", str(statements), "--src", "ru"]
    args += ["--reporting", str(SAMPLE / "reports" / "foreign-wire-2022-01-09.en.txt")]
    args += ["--translations", str(SAMPLE / "statements" / "tokayev-2022-01-07.en.txt")]
    _bar_then_cache(monkeypatch, tmp_path, args, "aligning: embedding", 10)


def test_check_shows_progress_while_embedding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review20's walk: `workbench check` on 150 FLORES lines was silent for 64 s (a terminal,
    # no bar): the clause coverage embeds every sentence and clause, and nothing said so.
    source, translation = tmp_path / "src.txt", tmp_path / "en.txt"
    source.write_text("Врачи оказывают помощь раненым.\nНа Алматы напали бандиты.\n", "utf-8")
    translation.write_text("Doctors are treating the wounded.\nBandits attacked Almaty.\n", "utf-8")
    args = ["check", "--src", "ru", "--source", str(source), "--translation", str(translation)]
    recorded = _bar_then_cache(monkeypatch, tmp_path, args, "checking: embedding", 4)
    assert main([*args, "--no-embedder", "-o", str(tmp_path / "d.jsonl")]) == 0
    assert recorded["checking: embedding"] == []  # no clause coverage: nothing to embed


def test_eval_shows_progress_while_translating(
    tiny_marian_dir: Path,
    shared_data: Path,
    progress_calls: list[tuple[int, int]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A test set takes minutes to translate; `workbench eval` gave no sign of life meanwhile.
    args = ["eval", "--engine", "opus-mt", "--model", str(tiny_marian_dir)]
    args += ["--src", "ru", "--limit", "3", "--beam-size", "1", "--max-length", "4"]
    assert main(args) == 0
    done, total = progress_calls[-1]  # counted in sentences: a line may hold several
    assert done == total >= 3
    assert "test:flores200-dev|pair:ru-en|n:3" in capsys.readouterr().out


def _tiny_eval(model: Path, *more: str) -> list[str]:
    """``workbench eval`` of the tiny random-weight model on Russian, kept cheap (beam 1, four
    tokens), with ``more`` options."""
    args = ["eval", "--engine", "opus-mt", "--model", str(model), "--src", "ru"]
    return [*args, "--beam-size", "1", "--max-length", "4", *more]


def test_eval_refuses_a_wrong_metric_before_it_translates(
    tiny_marian_dir: Path,
    shared_data: Path,
    progress_calls: list[tuple[int, int]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # review17: `eval --metrics bleu,blue` translated the whole test set, then refused "blue"
    assert main(_tiny_eval(tiny_marian_dir, "--limit", "2", "--metrics", "bleu,blue")) == 2
    assert "Unknown metric 'blue'; available: " in capsys.readouterr().err
    assert progress_calls == []  # not one sentence translated


def test_compare_with_an_engine_shows_progress_while_translating(
    tiny_marian_dir: Path,
    tmp_path: Path,
    progress_calls: list[tuple[int, int]],
) -> None:
    statements = tmp_path / "st.ru.txt"
    statements.write_text("Алматы атаковали бандиты.\nПогибли 164 человека.\n", "utf-8")
    out = tmp_path / "out.json"
    args = ["compare", "--statements", str(statements), "--src", "ru"]
    args += ["--reporting", str(SAMPLE / "reports" / "foreign-wire-2022-01-09.en.txt")]
    args += ["--engine", "opus-mt", "--model", str(tiny_marian_dir), "-o", str(out)]
    assert main(args) == 0
    done, total = progress_calls[-1]
    assert done == total == 2
    assert out.read_text("utf-8").startswith("{")


def test_quiet_silences_the_model_loading_bar(tiny_marian_dir: Path, tmp_path: Path) -> None:
    def run(*flags: str) -> str:
        cmd = [sys.executable, "-m", "workbench", *flags, "translate", "--engine", "opus-mt"]
        cmd += ["--model", str(tiny_marian_dir), "--src", "ru", "--no-cache"]
        cmd += ["--beam-size", "1", "--max-length", "4"]
        proc = subprocess.run(
            cmd,
            input="Текст.\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=REPO,
            timeout=300,
            env={"PATH": "/usr/bin:/bin", "WORKBENCH_HOME": str(tmp_path), "HF_HUB_OFFLINE": "1"},
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stderr

    assert "Loading weights" in run()  # transformers' bar, shown without -q
    assert "Loading weights" not in run("-q")


def test_report_refuses_a_format_it_would_ignore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `report` always writes HTML; its --format json was accepted and silently did nothing.
    ref = tmp_path / "ref.txt"
    ref.write_text("A cat.\n", "utf-8")
    args = ["report", "--ref", str(ref), "--hyp", str(ref), "-o", str(tmp_path / "r.html")]
    said = refusal(lambda: main([*args, "--format", "json"]), capsys)
    assert "unrecognized arguments: --format json" in said
    assert not (tmp_path / "r.html").exists()


def _judgments_db(tmp_path: Path) -> str:
    """A judgments store in ``tmp_path`` holding two kk → en items (`judgments add`)."""
    src, hyp = tmp_path / "src.txt", tmp_path / "hyp.txt"
    src.write_text("Бір.\nЕкі.\n", "utf-8")
    hyp.write_text("One.\nTwo.\n", "utf-8")
    db = str(tmp_path / "j.sqlite")
    assert main(["judgments", "add", "--src", str(src), "--hyp", str(hyp), "--db", db]) == 0
    return db


def test_exporting_judgments_of_an_unknown_campaign_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `judgments stats --campaign typo` said "No campaign", `judgments export` wrote nothing
    # and exited 0: a typo in a campaign name looked like an empty campaign.
    db = _judgments_db(tmp_path)
    capsys.readouterr()
    out = tmp_path / "out.csv"
    export = ["judgments", "export", "--db", db, "--format", "csv", "-o", str(out)]
    assert main([*export, "--campaign", "defualt"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: No campaign 'defualt' in {db}; campaigns: default.\n"
    assert not out.exists()
    # A known campaign with nothing judged yet says so and writes the header row alone (it
    # wrote an empty file: the user could not see the columns to fill in); JSONL stays empty.
    assert main([*export, "--campaign", "default"]) == 0
    assert "no judgments in campaign 'default' yet" in capsys.readouterr().err
    header = "annotator,item_id,system,source,translation,reference,score,errors,signature,"
    assert out.read_text("utf-8") == header + "created_at,id,extra\n"
    jsonl = ["judgments", "export", "--db", db, "--format", "jsonl", "-o", str(out)]
    assert main([*jsonl, "--campaign", "default"]) == 0
    assert "no judgments in campaign 'default' yet" in capsys.readouterr().err
    assert out.read_text("utf-8") == ""


def test_judgments_export_writes_the_format_its_file_name_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review20: `judgments export --template -o items.csv` wrote JSON Lines into items.csv (the
    # format defaulted to jsonl whatever the name), and `judgments import items.csv` then said
    # the file "has no annotator, item_id, score, errors column".
    db = _judgments_db(tmp_path)
    export = ["judgments", "export", "--template", "--db", db, "-o"]
    assert main([*export, str(tmp_path / "items.csv")]) == 0
    assert (tmp_path / "items.csv").read_text("utf-8").startswith("annotator,item_id,")
    assert main([*export, str(tmp_path / "items.jsonl")]) == 0
    assert (tmp_path / "items.jsonl").read_text("utf-8").startswith('{"annotator": ""')
    capsys.readouterr()
    # A format given is written whatever the name (as before), and a name that says neither
    # keeps the default.
    assert main([*export, str(tmp_path / "x.csv"), "--format", "jsonl"]) == 0
    assert (tmp_path / "x.csv").read_text("utf-8").startswith('{"annotator": ""')
    assert main([*export, str(tmp_path / "items.txt")]) == 0
    assert (tmp_path / "items.txt").read_text("utf-8").startswith('{"annotator": ""')
    # Standard output keeps the default JSON Lines.
    assert main(["judgments", "export", "--template", "--db", db]) == 0
    assert capsys.readouterr().out.startswith('{"annotator": ""')


def test_a_judgments_csv_that_is_empty_or_json_lines_is_named_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review20's walk: `judgments import` said of an empty .csv, and of a template in JSON Lines
    # that an earlier `judgments export -o items.csv` wrote, that it "has no annotator,
    # item_id, score, errors column".
    db = _judgments_db(tmp_path)
    empty, jsonl = tmp_path / "empty.csv", tmp_path / "items.csv"
    empty.write_text("\n", "utf-8")
    export = ["judgments", "export", "--template", "--db", db, "--format", "jsonl"]
    assert main([*export, "-o", str(jsonl)]) == 0
    capsys.readouterr()
    assert main(["judgments", "import", str(empty), "--db", db]) == 2
    assert capsys.readouterr().err == (
        "error: empty.csv is empty; fill in the rows `workbench judgments export --template "
        "--format csv` writes.\n"
    )
    assert main(["judgments", "import", str(jsonl), "--db", db]) == 2
    assert capsys.readouterr().err == (
        "error: items.csv holds JSON Lines, not CSV; name it items.jsonl and import that.\n"
    )
    assert not (tmp_path / "items.refused.csv").exists()


def test_an_empty_judgments_csv_keeps_the_columns_of_a_full_one(tmp_path: Path) -> None:
    from workbench.export.tables import JUDGMENT_COLUMNS, judgment_rows, to_csv
    from workbench.types import Judgment

    full = to_csv(judgment_rows([Judgment("a1", "item-1", "sys", "Бір.", "One.", score=80.0)]))
    assert to_csv(judgment_rows([]), JUDGMENT_COLUMNS) == full.splitlines()[0] + "\n"
    assert to_csv([]) == ""  # other tables without columns stay empty


@pytest.mark.parametrize("name", ["statements", "statements.ru"])
def test_a_mistyped_statements_path_says_it_does_not_exist(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A missing file whose name has no known extension was refused as "no reader for
    # .(no extension) files", sending the user to rename a file that is not there.
    missing = tmp_path / name
    args = ["compare", "--statements", str(missing), "--src", "ru"]
    args += ["--reporting", str(SAMPLE / "reports" / "foreign-wire-2022-01-09.en.txt")]
    assert main(args) == 2
    assert capsys.readouterr().err == f"error: {missing} does not exist; check the path.\n"


def test_a_model_path_that_is_no_folder_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--model /no/such/folder` was taken for a Hub id: "not downloaded ... run `workbench
    # models pull /no/such/folder`", advice that cannot work for a path.
    text = tmp_path / "in.txt"
    text.write_text("Текст.\n", "utf-8")
    base = ["translate", "--engine", "opus-mt", "--src", "ru", "--input", str(text)]
    for model, what in ((tmp_path / "no-such-model", "does not exist"), (text, "is a file")):
        assert main([*base, "--model", str(model)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: The model folder {model} {what}") and err.count("\n") == 1
        assert "models pull" not in err
    assert main([*base, "--model", "./models/opus"]) == 2
    assert "The model folder ./models/opus does not exist" in capsys.readouterr().err


def test_cases_list_names_a_malformed_case_and_lists_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One broken case.toml made `workbench cases list` print only that error: the good cases
    # beside it (which `compare --case` and the Compare tab still use) were not listed.
    import shutil

    shutil.copytree(REPO / "corpora" / "spring-flood-karaozen", tmp_path / "spring")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "case.toml").write_text('title = "x\n', "utf-8")
    assert main(["cases", "list", "--corpora", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("spring-flood-karaozen\t7 documents\t")
    assert err.startswith("warning: skipped a case: ") and "case.toml" in err
    assert "not valid TOML" in err and err.count("\n") == 1


def test_cases_list_warns_once_per_malformed_case_on_a_terminal(tmp_path: Path) -> None:
    # A fresh process, as on a terminal (the CLI's own logging handler is live): the skipped
    # case was printed twice, "WARNING: ..." by the loader's log and "warning: skipped a case:".
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "case.toml").write_text('title = "x\n', "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "cases", "list", "--corpora", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    # The only case is broken: nothing could be listed, so the listing fails (status 2) after
    # naming the problem once (it exited 0 with nothing listed, as for an empty folder).
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if "case.toml" in line]
    assert len(lines) == 1 and lines[0].startswith("warning: skipped a case: "), proc.stderr
    assert proc.stderr.splitlines()[-1] == (
        f"error: No case in {tmp_path} could be read (1 case skipped, named above); "
        "fix what is named and list again."
    )
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_cases_list_fails_when_every_case_is_broken_and_names_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two broken cases and no good one: each is named, then one error line, status 2. An empty
    # folder (no case.toml at all) is an answer, not a failure: "No cases in ..." and status 0.
    assert main(["cases", "list", "--corpora", str(tmp_path)]) == 0
    assert capsys.readouterr().err == f"No cases in {tmp_path}.\n"
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "case.toml").write_text('title = "x\n', "utf-8")
    assert main(["cases", "list", "--corpora", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert out == "" and len(lines) == 3
    assert all(line.startswith("warning: skipped a case: ") for line in lines[:2])
    assert str(tmp_path / "one") in lines[0] and str(tmp_path / "two") in lines[1]
    assert lines[2] == (
        f"error: No case in {tmp_path} could be read (2 cases skipped, each named above); "
        "fix what is named and list again."
    )


def test_an_empty_statements_file_is_named_before_its_translations_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # With --translations, an empty statements file was reported as "st.en.txt has 10 lines
    # but statements.txt has 0": the user was sent to fix the translations.
    empty = tmp_path / "statements.txt"
    empty.write_text("\n", "utf-8")
    args = ["compare", "--statements", str(empty), "--src", "ru"]
    args += ["--reporting", str(SAMPLE / "reports" / "foreign-wire-2022-01-09.en.txt")]
    args += ["--translations", str(SAMPLE / "statements" / "tokayev-2022-01-07.en.txt")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err == f"error: The statements file {empty} is empty; give one statement a line.\n"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_one_outlet_report_says_outlet_not_outlets(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["compare", "--statements", str(SAMPLE / "statements" / "tokayev-2022-01-07.ru.txt")]
    args += [
        "--src",
        "ru",
        "--reporting",
        str(SAMPLE / "reports" / "foreign-wire-2022-01-09.en.txt"),
    ]
    args += ["--translations", str(SAMPLE / "statements" / "tokayev-2022-01-07.en.txt")]
    assert main([*args, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "1 outlet shown" in out and "1 outlets" not in out


def _writing_commands(tmp: Path) -> dict[str, list[str]]:
    """Every command that writes a file, with inputs that would start real work."""
    ref = tmp / "ref.txt"
    if tmp.is_dir():
        ref.write_text("A cat.\n", "utf-8")
    st = SAMPLE / "statements" / "tokayev-2022-01-07.ru.txt"
    tr = SAMPLE / "statements" / "tokayev-2022-01-07.en.txt"
    model = ["--engine", "opus-mt", "--model", str(tmp / "never-loaded")]
    return {
        "translate": ["translate", "--src", "ru", *model, "--input", str(st), "--output"],
        "batch": ["batch", str(SAMPLE / "reports"), "--src", "ru", *model, "--output"],
        "compare": ["compare", "--case", "kazakhstan-2022-01", "--output"],
        "check": ["check", "--src", "ru", "--source", str(st), "--translation", str(tr)]
        + ["--output"],
        "score": ["score", "--ref", str(ref), "--hyp", str(ref), "--output"],
        "report": ["report", "--ref", str(ref), "--hyp", str(ref), "--output"],
        "eval --save": ["eval", *model, "--src", "ru", "--limit", "1", "--save"],
        "eval --tmx": ["eval", *model, "--src", "ru", "--limit", "1", "--tmx"],
        "eval --xliff": ["eval", *model, "--src", "ru", "--limit", "1", "--xliff"],
        "judgments export": ["judgments", "export", "--db", str(tmp / "j.sqlite"), "--output"],
    }


@pytest.mark.parametrize("command", list(_writing_commands(Path("/nonexistent"))))
def test_an_output_that_cannot_be_written_is_refused_before_the_work(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `translate --output /no/such/folder/out.txt` translated everything, then failed to
    # write: the work of a long run was lost to a typo in the output folder.
    args = _writing_commands(tmp_path)[command]
    missing = tmp_path / "no-such-folder" / "out.txt"
    assert main([*args, str(missing)]) == 2
    err = capsys.readouterr().err
    folder = tmp_path / "no-such-folder"
    assert (
        err
        == f"error: Cannot write {missing}: the folder {folder} does not exist; create it first.\n"
    )
    assert main([*args, str(tmp_path)]) == 2
    assert capsys.readouterr().err.endswith(f"{tmp_path} is a folder; give a file name.\n")
    assert not (tmp_path / "j.sqlite").exists(), "judgments export opened its store first"


@pytest.mark.parametrize("command", list(_writing_commands(Path("/nonexistent"))))
def test_an_output_folder_that_exists_but_cannot_be_written_is_refused_before_the_work(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review20b: `-o /proc/out.html` passed the check (root may write to /proc by its mode
    # bits) and failed only after the work; a file given as a folder was called a missing
    # folder to create. Tests run as root, so a chmod'ed folder would be writable here.
    args = _writing_commands(tmp_path)[command]
    assert main([*args, "/proc/workbench-out.txt"]) == 2
    err = capsys.readouterr().err
    assert err == "error: Cannot write /proc/workbench-out.txt: No such file or directory.\n"
    afile = tmp_path / "notes.txt"
    afile.write_text("kept\n", "utf-8")
    assert main([*args, f"{afile}/out.json"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: Cannot write {afile}/out.json: {afile} is a file, not a folder.\n"
    assert afile.read_text("utf-8") == "kept\n"
    assert not (tmp_path / "j.sqlite").exists(), "judgments export opened its store first"


def test_the_output_check_leaves_no_file_behind_and_keeps_an_existing_one(tmp_path: Path) -> None:
    from workbench.cli.common import check_outputs

    new, old = tmp_path / "new.json", tmp_path / "old.json"
    old.write_text("before\n", "utf-8")
    check_outputs(argparse.Namespace(output=str(new), save=str(old)))
    assert not new.exists() and old.read_text("utf-8") == "before\n"


def test_a_ctranslate2_folder_given_to_a_transformers_engine_names_the_ct2_engine(
    tiny_ct2_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--engine opus-mt --model <a ct2 conversion>` said "the weights may be damaged: delete
    # the folder and download or copy the model again": a user would delete a good model.
    text = tmp_path / "in.txt"
    text.write_text("Текст.\n", "utf-8")
    args = ["translate", "--engine", "opus-mt", "--model", str(tiny_ct2_dir), "--src", "ru"]
    assert main([*args, "--input", str(text), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {tiny_ct2_dir} holds a CTranslate2 model (model.bin), which the transformers "
        "engines cannot load; run it with --engine ct2.\n"
    )


def test_eval_of_several_test_sets_shows_progress_for_each(
    tiny_marian_dir: Path,
    shared_data: Path,
    progress_calls: list[tuple[int, int]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = _tiny_eval(tiny_marian_dir, "--testset", "flores200-dev,ntrex128", "--limit", "2")
    assert main(args) == 0
    finished = [(d, t) for d, t in progress_calls if d == t and t > 0]
    assert len(finished) >= 2, progress_calls  # one bar run per test set
    out = capsys.readouterr().out
    assert "test:flores200-dev|pair:ru-en|n:2" in out and "test:ntrex128|pair:ru-en|n:2" in out


def test_ray_native_log_lines_stay_off_the_console_under_quiet(
    capfd: pytest.CaptureFixture[str],
) -> None:
    # Ray's C++ core writes to descriptor 2 itself: `-q translate --ray` printed
    # "[… E …] core_worker.cc:2465: Actor with class name: 'MapWorker(…)' … max_restarts > 0".
    import os

    from workbench.cli.common import without_ray_native_logs

    ray_line = (
        b"[2026-11-30 05:54:53,174 E 23630 23630] core_worker.cc:2465: Actor with class name: "
        b"'MapWorker(MapBatches(TranslateActor))' has constructor arguments\n"
    )
    with without_ray_native_logs(True):
        os.write(2, ray_line)
        os.write(2, b"warning: a warning of the workbench\n")
        print("error: and one sentence", file=sys.stderr)
    # pytest's sys.stderr is not descriptor 2 and the filter forwards descriptor 2 from a thread,
    # so the two kept lines may come in either order, even interleaved with print's separate
    # write of its newline: check what is kept and what is dropped, not the order
    err = capfd.readouterr().err
    assert "core_worker" not in err
    assert "error: and one sentence" in err
    assert "warning: a warning of the workbench" in err
    with without_ray_native_logs(False):  # without -q (or --ray) nothing is touched
        os.write(2, ray_line)
    assert capfd.readouterr().err == ray_line.decode()
    with pytest.raises(KeyboardInterrupt), without_ray_native_logs(True):
        os.write(2, b"kept\n")
        raise KeyboardInterrupt
    assert capfd.readouterr().err == "kept\n"


def test_stderr_under_quiet_ray_streams_while_the_work_runs(tmp_path: Path) -> None:
    # review10 (fix11): every stderr line of `-q --ray` (warnings, the ray pool's notices) was
    # held in a temporary file and written only when the command ended
    import os
    import time

    from workbench.cli.common import without_ray_native_logs

    console = (tmp_path / "console").open("w+b")
    saved = os.dup(2)
    os.dup2(console.fileno(), 2)
    try:
        with without_ray_native_logs(True):
            os.write(2, b"warning: early\n")
            os.write(2, b"[2026-11-30 05:54:53,174 E 23630 23630] core_worker.cc:2465: Actor\n")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and b"early" not in console.read():
                console.seek(0)
                time.sleep(0.05)
            console.seek(0)
            during = console.read()
            os.write(2, b"warning: late\n")
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    console.seek(0)
    assert during == b"warning: early\n"  # on the console before the block ends
    assert console.read() == b"warning: early\nwarning: late\n"  # Ray's line dropped


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal, so tqdm draws its bar into it."""

    def isatty(self) -> bool:
        return True


def _terminal(monkeypatch: pytest.MonkeyPatch) -> _Terminal:
    """stderr replaced by a 100-column terminal whose text the test reads. Called from the test
    body: pytest's capture sets sys.stderr again between a fixture's setup and the test."""
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("COLUMNS", "100")
    return screen


def _tqdm_clock(monkeypatch: pytest.MonkeyPatch) -> ManualTicks:
    """Test-driven ticks whose clock is also tqdm's (its elapsed time, its one-second delay), so
    the bar tests need no sleeps (review13 U1)."""
    ticks = ManualTicks()
    monkeypatch.setattr("tqdm.std.time", ticks.clock)
    return ticks


def test_the_progress_bar_ends_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # The bar was drawn with refresh(), which tqdm never counts as shown, so close() did not end
    # its line and "wrote FILE" was printed onto the end of the bar on a terminal.
    from workbench.cli.translate_cmd import progress_bar

    screen = _terminal(monkeypatch)
    ticks = _tqdm_clock(monkeypatch)
    with progress_bar(quiet=False, desc="aligning: embedding", unit="text") as progress:
        assert progress is not None
        progress(0, 10)
        ticks.advance(1.1)  # the bar shows once the work lasts more than a second
        progress(5, 10)
        progress(10, 20)  # the total may grow
        progress(20, 20)
    text = screen.getvalue()
    assert "aligning: embedding" in text and "20/20" in text
    assert text.endswith("\n")


def test_check_warns_when_the_source_is_not_in_src_or_the_translation_not_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ux11's walk: a Russian source checked as --src kk was flagged ("1 negation(s) in the
    # translation, none in the source") with no word that --src was wrong; translate and compare
    # warn. The same for a source and a translation given the wrong way round.
    ru = tmp_path / "st.ru"
    ru.write_text("Поезда не ходили несколько дней из-за снегопада.\n", encoding="utf-8")
    en = tmp_path / "st.en"
    en.write_text("Trains did not run for several days because of the snowfall.\n", "utf-8")
    base = ["-q", "check", "--no-embedder", "--output", str(tmp_path / "out.jsonl")]

    def warnings() -> list[str]:
        return [x for x in capsys.readouterr().err.splitlines() if not x.startswith("wrote ")]

    assert main([*base, "--src", "kk", "--source", str(ru), "--translation", str(en)]) == 0
    (err,) = warnings()
    assert err.startswith("warning: st.ru is given as Kazakh, but its one line does not look ")
    assert err.endswith("; check --src.")
    assert main([*base, "--src", "ru", "--source", str(en), "--translation", str(ru)]) == 0
    first, second = warnings()
    assert first.startswith("warning: st.en is given as Russian, but ")
    assert second.startswith("warning: st.ru is given as English, but ")
    assert second.endswith("; the translations must be English.")
    assert main([*base, "--src", "ru", "--source", str(ru), "--translation", str(en)]) == 0
    assert warnings() == []


def test_score_warns_of_a_system_output_not_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # hyg14's walk (the Evaluate tab's route): a Russian file scored as an English system
    ref = tmp_path / "ref.txt"
    ref.write_text(
        "The president said the situation in the city is fully under control.\n", "utf-8"
    )
    ru = tmp_path / "ru.txt"
    ru.write_text(
        "Президент заявил, что ситуация в городе находится под полным контролем.\n", "utf-8"
    )
    args = ["score", "--ref", str(ref), "--metrics", "bleu", "--output", str(tmp_path / "s.txt")]
    assert main([*args, "--hyp", str(ru)]) == 0
    err = capsys.readouterr().err
    assert "warning: The system output ru.txt is given as English, but " in err
    assert main([*args, "--hyp", str(ref)]) == 0
    assert "is given as English" not in capsys.readouterr().err


def test_latin_kazakh_with_no_model_is_told_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ux12 (as the Translate tab's session-11 defect): with no model here the run ended before
    # the translator's alphabet check, so the user learnt of the Latin alphabet only after
    # bringing the model in.
    text = tmp_path / "in.txt"
    text.write_text(
        "Ükimet elde tötenşe jağdai engizdi dep habarlady, internet öşirildi.\n", "utf-8"
    )
    missing = tmp_path / "no-such-model"
    args = ["translate", "--engine", "opus-mt", "--model", str(missing), "--src", "kk"]
    assert main([*args, "--input", str(text)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: The model folder {missing} does not exist")
    assert "Also: Line 1 is Kazakh written in the Latin alphabet" in err and "Cyrillic" in err
    text.write_text("Үкімет төтенше жағдай енгізді деп хабарлады.\n", "utf-8")
    assert main([*args, "--input", str(text)]) == 2
    assert "Latin" not in capsys.readouterr().err  # a Cyrillic text: the model alone


def test_the_embedding_bar_keeps_time_while_one_call_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # ux13's walk: `workbench compare`'s "aligning: embedding 0/117" stood still while one
    # embed call ran (tqdm redraws only on updates); with a heartbeat its elapsed time moves.
    import re

    from workbench.cli.translate_cmd import progress_bar

    screen = _terminal(monkeypatch)
    ticks = _tqdm_clock(monkeypatch)
    bar = progress_bar(
        quiet=False, desc="aligning: embedding", unit="text", heartbeat=0.25, wait=ticks.wait
    )
    with bar as step:
        assert step is not None
        step(0, 117)  # the call begins
        for _ in range(3):  # ... and runs 3 s with no report
            ticks.advance(1.0)
            ticks.beat()
        during = screen.getvalue()
        step(117, 117)
        done = screen.getvalue()
        ticks.advance(0.6)
        ticks.beat()  # between calls: no redraw
        after = screen.getvalue()
    seconds = re.findall(r"0/117 \[00:(\d\d)", during)
    assert seconds == ["01", "02", "03"], during  # redrawn as the seconds pass, still 0/117
    assert after == done
    assert "117/117" in screen.getvalue() and screen.getvalue().endswith("\n")


def test_the_embedding_heartbeat_is_silent_when_stderr_is_no_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # review13 X1: tqdm disables its bar when stderr is no terminal (`compare ... 2>file`, CI),
    # and a disabled bar has no last_print_t: the heartbeat thread died with an AttributeError
    # traceback on stderr during the first embed call longer than its period. (A beat that
    # raises now ends the heartbeat, logged at debug level: ticks.beat() fails on that.)
    from workbench.cli.translate_cmd import progress_bar

    screen = io.StringIO()  # isatty() is False
    monkeypatch.setattr(sys, "stderr", screen)
    ticks = _tqdm_clock(monkeypatch)
    bar = progress_bar(
        quiet=False, desc="aligning: embedding", unit="text", heartbeat=0.05, wait=ticks.wait
    )
    with bar as step:
        assert step is not None
        step(0, 117)
        for _ in range(3):  # several heartbeats while the call runs
            ticks.advance(1.0)
            ticks.beat()
        step(117, 117)
    assert screen.getvalue() == ""


def test_score_resamples_go_with_a_test_or_an_interval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--resamples 5` alone was ignored without a word, `--confidence --resamples 7` resampled
    # 1,000 times, `--resamples 99999999999` was a numpy traceback (1.46 TiB), `--jobs -1` ran.
    ref, hyp = tmp_path / "ref.en", tmp_path / "hyp.en"
    for path in (ref, hyp):
        path.write_text("The river rose by a metre.\nThe road was closed at noon.\n", "utf-8")
    base = ["score", "--ref", str(ref), "--hyp", str(hyp), "--metrics", "chrf"]
    assert main([*base, "--resamples", "5"]) == 2
    assert capsys.readouterr().err == (
        "error: --resamples goes with --significance or --confidence (it sets their "
        "resamples); add one of them, or leave --resamples out.\n"
    )
    assert main([*base, "--confidence", "--resamples", "7", "--format", "json"]) == 0
    assert '"ci_resamples": 7' in capsys.readouterr().out
    assert main([*base, "--confidence", "--resamples", "99999999999"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --resamples must be at most 100,000") and err.count("\n") == 1
    assert main([*base, "--jobs", "-1"]) == 2
    assert capsys.readouterr().err.startswith("error: --jobs must be 0 (one process per metric)")


def test_ray_pool_options_go_with_ray(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `--actors 0`, `--block-size 0` or `--job-dir FILE` without --ray were ignored without a
    # word (the run went on on this machine, as if they had not been given).
    text = tmp_path / "in.txt"
    text.write_text("Текст.\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["translate", "--src", "ru", "--input", str(text), "--actors", "0"]) == 2
    assert capsys.readouterr().err == (
        "error: --actors goes with --ray (the Ray pool); add --ray, or leave it out to "
        "translate on this machine.\n"
    )
    args = ["batch", str(tmp_path), "-o", str(out), "--src", "ru", "--block-size", "0"]
    assert main([*args, "--job-dir", str(text)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --job-dir, --block-size go with --ray") and err.count("\n") == 1
    assert not out.exists()


def test_a_db_that_is_no_sqlite_file_is_refused_not_salvaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `judgments export --db ratings.csv` took the CSV for a damaged database: it was moved
    # aside as ratings.damaged-….csv and an empty SQLite file written in its place.
    ratings = tmp_path / "ratings.csv"
    ratings.write_text("annotator,item,score\nalma,1,70\n", "utf-8")
    before = ratings.read_bytes()
    src, hyp = tmp_path / "src.txt", tmp_path / "sys.txt"
    src.write_text("Текст.\n", "utf-8")
    hyp.write_text("Text.\n", "utf-8")
    for args in (
        ["judgments", "export", "--db", str(ratings)],
        ["judgments", "stats", "--db", str(ratings)],
        ["judgments", "add", "--db", str(ratings), "--src", str(src), "--hyp", str(hyp),
         "--campaign", "c"],
    ):  # fmt: skip
        assert main(args) == 2, args
        err = capsys.readouterr().err
        assert err.startswith(f"error: {ratings} is not a judgments database (not an SQLite file)")
        assert err.count("\n") == 1
    assert ratings.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ratings.csv", "src.txt", "sys.txt"]
    # a store made by `judgments add` is still read
    store = tmp_path / "j.sqlite"
    args = ["judgments", "add", "--db", str(store), "--src", str(src), "--hyp", str(hyp)]
    assert main([*args, "--campaign", "c"]) == 0
    assert main(["judgments", "stats", "--db", str(store)]) == 0


@pytest.mark.parametrize("command", ["cases", "models", "data", "judgments"])
def test_a_command_without_its_action_names_the_missing_action(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """review21: `workbench cases` printed the help of `workbench`, not of `cases`, with
    status 1; `models`, `data` and `judgments` give their own usage and name the missing
    action, status 2 (argparse's usage error), and `cases` now does the same."""
    with pytest.raises(SystemExit) as info:
        main([command])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: workbench {command} ")
    assert "error: the following arguments are required:" in err


@pytest.mark.parametrize(
    ("argv", "prog"),
    [
        (["translate", "--src", "ru", "notes.txt"], "workbench translate"),
        (["compare", "case-folder"], "workbench compare"),
        (["judgments", "export", "pilot"], "workbench judgments export"),
    ],
)
def test_a_file_given_without_its_option_gets_the_commands_usage(
    argv: list[str], prog: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """review22's walk: `workbench translate --src ru notes.txt` printed the usage of
    `workbench` (COMMAND ...) and "unrecognized arguments", with no word of the command's own
    options; now the command's usage, and where its files go."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: {prog} ")
    assert f"{prog}: error: unrecognized arguments: {argv[-1]} ({prog} takes its files" in err
    assert f"see {prog} --help" in err
    with pytest.raises(SystemExit):
        main([*argv[:-1], "--no-such-option"])
    assert f"({prog} has no such option; see {prog} --help)" in capsys.readouterr().err


def test_a_second_positional_says_the_command_takes_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`models info NAME` and `judgments import FILE` take one positional: a second one is not
    told to go with an option it has not (review22)."""
    with pytest.raises(SystemExit):
        main(["judgments", "import", "a.csv", "b.csv"])
    err = capsys.readouterr().err
    assert "unrecognized arguments: b.csv (workbench judgments import takes one FILE;" in err
    with pytest.raises(SystemExit):
        main(["models", "info", "a", "b"])
    assert "(workbench models info takes one model; the rest go" in capsys.readouterr().err
