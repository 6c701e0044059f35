"""A ``--data`` folder without the material's files (or with a file cut short) is refused by the
benchmarks' one loader with one sentence naming the file and the flag (exit 2), not a
traceback; every benchmark and study that takes ``--data`` reads through that loader."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script, refusal

SCRIPTS = [
    ("benchmarks/faithfulness_bench.py", ["--no-embedder", "--speed-n", "0", "--on", "dev"]),
    ("benchmarks/omission_study.py", ["--on", "dev"]),
    ("benchmarks/clause_signal_study.py", []),
    ("benchmarks/name_signal_study.py", []),
    ("benchmarks/budget_study.py", ["--on", "dev"]),
]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/faithfulness_bench.py", "faithfulness_bench_data_files")


def _material(root: Path, flores: int = 500, ntrex: int = 1000) -> Path:
    """A complete stand-in for the shared data: every file of ``DATA_FILES``, lines aligned."""
    for folder, n in (("flores200-dev", flores), ("ntrex128", ntrex)):
        (root / folder).mkdir(parents=True)
        for name in ("eng_Latn.txt", "kaz_Cyrl.txt", "kir_Cyrl.txt", "rus_Cyrl.txt"):
            (root / folder / name).write_text(
                "".join(f"{name[:3]} line {i}\n" for i in range(n)), encoding="utf-8"
            )
    ids = "".join(f"doc{i // 10}\tx\n" for i in range(ntrex))
    (root / "ntrex128" / "DOCUMENT_IDS.tsv").write_text(ids, encoding="utf-8")
    return root


def _refused(module: ModuleType, args: list[str], monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> str:  # fmt: skip
    monkeypatch.setattr(sys, "argv", ["script.py", *args])
    err = refusal(module.main, capsys)
    assert "Traceback" not in err and err.count("\n") == 1  # one sentence, one line
    return err


@pytest.mark.parametrize(("script", "args"), SCRIPTS)
def test_an_empty_data_folder_is_refused_with_the_missing_file_and_the_flag(
    script: str, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    module = load_script(script, f"{Path(script).stem}_data_files_under_test")

    def _no_embedder(*_: object, **__: object) -> None:
        raise AssertionError("the embedder was made before the data was checked")

    monkeypatch.setattr(module, "create_embedder", _no_embedder, raising=False)
    err = _refused(module, [*args, "--data", str(tmp_path)], monkeypatch, capsys)
    assert f"--data {tmp_path} has no flores200-dev/eng_Latn.txt (and 8 more" in err


def test_one_missing_file_is_named(
    bench: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    data = _material(tmp_path)
    (data / "ntrex128" / "DOCUMENT_IDS.tsv").unlink()
    args = ["--no-embedder", "--speed-n", "0", "--on", "dev", "--data", str(data)]
    err = _refused(bench, args, monkeypatch, capsys)
    assert "has no ntrex128/DOCUMENT_IDS.tsv:" in err and "more" not in err.split(":")[0]


@pytest.mark.parametrize("longer", [False, True])
def test_a_source_file_of_another_length_than_its_english_is_named(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str], longer: bool
) -> None:
    """Shorter or longer (review13: a longer source passed, its lines paired with the wrong
    English ones when the English was the file cut short)."""
    data = _material(tmp_path)
    kir = data / "flores200-dev" / "kir_Cyrl.txt"
    rows = kir.read_text(encoding="utf-8").splitlines(True)
    english = len(rows)
    kir.write_text("".join([*rows, "extra\n"] if longer else rows[:-1]), "utf-8")
    with pytest.raises(SystemExit) as exit_:
        bench.load(data)
    assert exit_.value.code == 2
    n = english + 1 if longer else english - 1
    assert f"flores200-dev/kir_Cyrl.txt has {n} lines, its English {english}" in (
        capsys.readouterr().err
    )


def test_a_set_too_short_for_both_halves_is_refused(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _material(tmp_path, ntrex=998)
    with pytest.raises(SystemExit):
        bench.load(data)
    assert "ntrex128/eng_Latn.txt has 998 lines, not the whole set" in capsys.readouterr().err


def test_complete_material_is_read_into_both_halves(bench: ModuleType, tmp_path: Path) -> None:
    cal, meas = bench.load(_material(tmp_path))
    assert len(cal) == 498 + 998 and len(meas) == 2 + 2
    assert meas[-1].doc == "doc99" and meas[-1].src["ky"] == "kir line 999"
