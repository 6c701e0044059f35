"""``workbench translate`` end to end on the tiny random-weight Marian model.

The model has random weights: these tests prove the wiring (CLI contract, sentence handling,
cache, warnings), not translation quality. The engine-level comparisons (beam search, NLLB,
M2M100, CTranslate2) live in ``tests/engines``.
"""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.tiny_models import DEFAULT_MAX_NEW_TOKENS, SENTENCES
from workbench.cli import main
from workbench.langid import check_language
from workbench.segment import split_sentences

REPO = Path(__file__).resolve().parents[2]
# Runs the CLI, then reports on stderr which heavy libraries the process imported.
PROBE = (
    "import runpy, sys\n"
    "sys.argv = ['workbench', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('workbench', run_name='__main__')\n"
    "finally:\n"
    "    loaded = [m for m in ('torch', 'transformers') if m in sys.modules]\n"
    "    print('heavy:' + ','.join(loaded), file=sys.stderr)\n"
)
FAST = ("--beam-size", "1", "--max-length", "4")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def records(self) -> list[dict[str, Any]]:
        assert self.code == 0, self.stderr
        return [json.loads(line) for line in self.stdout.splitlines()]


@pytest.fixture
def cli(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Run]:
    """``workbench translate`` in this process (the model loads fast once torch is imported)."""

    def run(model: Path, *args: str, stdin: str = "", src: str = "ru") -> Run:
        capsysbinary.readouterr()
        fake = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", fake)
        code = main(
            ["translate", "--engine", "opus-mt", "--model", str(model), "--src", src, *args]
        )
        out, err = capsysbinary.readouterr()
        return Run(code, out.decode("utf-8"), err.decode("utf-8"))

    return run


def subprocess_cli(model: Path, *args: str) -> tuple[Run, str]:
    """``workbench translate`` in a fresh process; also returns the heavy modules it imported."""
    cmd = ["translate", "--engine", "opus-mt", "--model", str(model), "--src", "ru", *args]
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *cmd],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=300,
    )
    *err, heavy = proc.stderr.splitlines()
    return Run(proc.returncode, proc.stdout, "\n".join(err)), heavy.removeprefix("heavy:")


def test_greedy_output_equals_transformers_generate(
    tiny_marian_dir: Path, cli: Callable[..., Run]
) -> None:
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    sentence = SENTENCES[3]
    run = cli(
        tiny_marian_dir, "--beam-size", "1", "--max-length", str(DEFAULT_MAX_NEW_TOKENS),
        stdin=sentence + "\n",
    )  # fmt: skip
    assert run.code == 0, run.stderr
    tok = AutoTokenizer.from_pretrained(tiny_marian_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(tiny_marian_dir).eval()
    out = model.generate(**tok([sentence], return_tensors="pt"), num_beams=1, do_sample=False)
    want = tok.batch_decode(out, skip_special_tokens=True)[0]
    assert want.strip()
    assert run.stdout == want + "\n"


def test_one_line_out_per_line_in_and_empty_lines_stay_empty(
    tiny_marian_dir: Path, cli: Callable[..., Run]
) -> None:
    lines = [SENTENCES[0], "", SENTENCES[1] + " " + SENTENCES[2], "   ", SENTENCES[4]]
    run = cli(tiny_marian_dir, *FAST, stdin="\n".join(lines) + "\n")
    assert run.code == 0, run.stderr
    out = run.stdout.split("\n")
    assert out[-1] == "" and len(out) - 1 == len(lines)
    assert [bool(line) for line in out[:-1]] == [True, False, True, False, True]


def test_jsonl_records_carry_signature_sentences_and_offsets(
    tiny_marian_dir: Path, cli: Callable[..., Run]
) -> None:
    text = SENTENCES[1] + " " + SENTENCES[2]
    run = cli(tiny_marian_dir, "--format", "jsonl", "--beam-size", "2", "--max-length", "4",
              stdin=f"{text}\n\n")  # fmt: skip
    first, empty = run.records()
    assert first["source"] == text and first["translation"]
    assert first["signature"].startswith("engine:opus-mt|model:")
    assert "|beam:2|maxlen:4|pair:ru-en|" in first["signature"]
    assert [(s["start"], s["end"]) for s in first["sentences"]] == [
        (0, len(SENTENCES[1])),
        (len(SENTENCES[1]) + 1, len(text)),
    ]
    assert first["translation"] == " ".join(s["translation"] for s in first["sentences"])
    assert (empty["source"], empty["translation"], empty["sentences"]) == ("", "", [])
    assert first["warnings"] == [] and empty["warnings"] == []


@pytest.mark.slow
def test_500_lines_come_back_from_the_cache_without_loading_the_model(
    tiny_marian_dir: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    lines = [f"{SENTENCES[i % 10]} {i}" for i in range(500)]
    path = tmp_path / "in.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["--input", str(path), "--format", "jsonl", *FAST]
    first = cli(tiny_marian_dir, *args, "--batch-size", "64").records()
    second, heavy = subprocess_cli(tiny_marian_dir, *args)
    assert heavy == "", "a cache hit must not import torch or transformers"
    again = second.records()
    assert len(again) == 500
    assert [r["translation"] for r in first] == [r["translation"] for r in again]
    assert not any(s["cached"] for r in first for s in r["sentences"])
    assert all(s["cached"] for r in again for s in r["sentences"])


def _flores_text(shared_data: Path, chars: int) -> str:
    text = ""
    for line in (shared_data / "flores200-dev" / "rus_Cyrl.txt").read_text("utf-8").splitlines():
        if len(text) >= chars:
            break
        text += line + " "
    return text.strip()


@pytest.mark.slow
def test_a_5000_character_russian_text_comes_back_whole(
    tiny_marian_dir: Path, shared_data: Path, cli: Callable[..., Run]
) -> None:
    text = _flores_text(shared_data, 5000)
    (record,) = cli(tiny_marian_dir, "--format", "jsonl", *FAST, stdin=text).records()
    expected = split_sentences(text, "ru")
    assert len(text) >= 5000 and len(expected) >= 30
    got = record["sentences"]
    assert [(s["start"], s["end"]) for s in got] == [(s.start, s.end) for s in expected]
    assert all(s["translation"].strip() for s in got)
    # Sentences over the tiny model's 48-token limit were split, translated and reported.
    long = [w for w in record["warnings"] if "longer than the model's limit" in w]
    assert long, "the FLORES text has sentences over the tiny model's input limit"


@pytest.mark.slow
def test_a_100k_character_line(
    tiny_marian_dir: Path, shared_data: Path, cli: Callable[..., Run]
) -> None:
    text = _flores_text(shared_data, 100_000)
    assert len(text) >= 100_000
    run = cli(tiny_marian_dir, "--beam-size", "1", "--max-length", "1", "--batch-size", "256",
              stdin=text + "\n")  # fmt: skip
    assert run.code == 0, run.stderr
    assert run.stdout.count("\n") == 1 and run.stdout.strip()


def test_wrong_language_warns_on_stderr_and_still_translates(
    tiny_marian_dir: Path, shared_data: Path, cli: Callable[..., Run]
) -> None:
    kk = (shared_data / "flores200-dev" / "kaz_Cyrl.txt").read_text("utf-8").splitlines()
    confident = [line for line in kk[:20] if check_language(line, "ru")][:3]
    ru = (shared_data / "flores200-dev" / "rus_Cyrl.txt").read_text("utf-8").splitlines()[0]
    run = cli(tiny_marian_dir, *FAST, stdin="\n".join([*confident, ru]))
    assert run.code == 0, run.stderr
    assert len(run.stdout.splitlines()) == 4
    assert "warning (3 lines: 1, 2, 3): The source language was given as Russian" in run.stderr


def test_latin_kazakh_is_reported(tiny_marian_dir: Path, cli: Callable[..., Run]) -> None:
    text = "Qazaqstan Respýblıkasynyń Prezıdenti búgin halyqqa joldaý jasady."
    (record,) = cli(tiny_marian_dir, "--format", "jsonl", *FAST, stdin=text, src="kk").records()
    assert "Latin alphabet (2018)" in record["warnings"][0]


def test_corrupt_cache_warns_once_and_translation_completes(
    tiny_marian_dir: Path,
    workbench_home: Path,
    cli: Callable[..., Run],
    caplog: pytest.LogCaptureFixture,
) -> None:
    (workbench_home / "cache.sqlite").write_bytes(b"garbage, not a database\n" * 50)
    stdin = "\n".join(SENTENCES[:3]) + "\n"
    with caplog.at_level(logging.WARNING, logger="workbench"):
        run = cli(tiny_marian_dir, *FAST, stdin=stdin)
    assert run.code == 0
    assert len(run.stdout.splitlines()) == 3 and all(run.stdout.splitlines())
    assert caplog.text.count("cannot be used") == 1
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="workbench"):
        assert cli(tiny_marian_dir, "--no-cache", *FAST, stdin=stdin).code == 0
    assert "cannot be used" not in caplog.text


def test_output_file_and_no_cache(
    tiny_marian_dir: Path, tmp_path: Path, workbench_home: Path, cli: Callable[..., Run]
) -> None:
    out = tmp_path / "out.txt"
    run = cli(tiny_marian_dir, "--no-cache", *FAST, "--output", str(out), stdin=SENTENCES[0])
    assert run.code == 0 and run.stdout == ""
    assert len(out.read_text("utf-8").splitlines()) == 1
    assert not (workbench_home / "cache.sqlite").exists()
    cli(tiny_marian_dir, *FAST, stdin=SENTENCES[0])
    rows = (
        sqlite3.connect(workbench_home / "cache.sqlite")
        .execute("SELECT source, signature FROM translations")
        .fetchall()
    )
    assert [r[0] for r in rows] == [SENTENCES[0]] and "engine:opus-mt" in rows[0][1]


def test_unreachable_model_is_one_sentence(tmp_path: Path, cli: Callable[..., Run]) -> None:
    run = cli(tmp_path / "no-such-model", stdin="Текст.")
    assert run.code == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("error: ")
    assert "no-such-model" in run.stderr


@pytest.mark.parametrize("src", ["kk", "ky", "ru"])
def test_default_engine_comes_from_the_catalog(src: str) -> None:
    from workbench.models import default_for
    from workbench.pipeline.translate import choose_model

    entry = default_for(src)
    assert choose_model(src) == (entry.engine, entry.hub_id)
    assert choose_model(src, model=entry.name) == (entry.engine, entry.name)


def test_a_model_folder_in_the_home_is_found_by_its_name(
    tiny_marian_dir: Path,
    workbench_home: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``--model NAME`` finds ``<home>/models/NAME`` as the UI does (it used to be taken for a
    Hub id and send the user to ``models pull``, which refuses a local name); without
    ``--engine`` the engine is read from the folder. An unknown name still fails in one line."""
    import shutil

    shutil.copytree(tiny_marian_dir, workbench_home / "models" / "tiny-ru-en")
    monkeypatch.chdir(workbench_home)  # no ./tiny-ru-en here: only the home's folder can match
    outputs = []
    for engine in (["--engine", "opus-mt"], []):
        capsysbinary.readouterr()
        fake = io.TextIOWrapper(io.BytesIO(f"{SENTENCES[0]}\n".encode()), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", fake)
        code = main(["translate", *engine, "--model", "tiny-ru-en", "--src", "ru", *FAST])
        out, err = capsysbinary.readouterr()
        assert code == 0, err.decode("utf-8")
        outputs.append(out.decode("utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].strip()
    # A folder given by its path needs no --engine either (it asked for one).
    fake = io.TextIOWrapper(io.BytesIO(f"{SENTENCES[0]}\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    code = main(["translate", "--model", str(tiny_marian_dir), "--src", "ru", *FAST])
    out, err = capsysbinary.readouterr()
    assert code == 0, err.decode("utf-8")
    assert out.decode("utf-8") == outputs[0]
    fake = io.TextIOWrapper(io.BytesIO(b"x\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["translate", "--model", "no-such-local", "--src", "ru", *FAST]) == 2
    assert "no-such-local" in capsysbinary.readouterr().err.decode("utf-8")
