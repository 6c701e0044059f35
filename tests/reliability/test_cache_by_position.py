"""The cache never corrupts by-position translations (issue 11, row 2).

``imported`` with a ``.txt`` file pairs line N of the file with input N. The cache deduplicates
and chunks what it sends to an engine; for such an engine that shifted lines silently (``T2,T1``
with the cache, ``T1,T2`` without) or failed with a false line-count message. Every case below
compares the output with the cache to the output without it, through the pipeline and the CLI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.pipeline.translate import EnginePool, translate_texts
from workbench.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def _translate(settings: Settings, model: Path, lines: list[str], *, cache: bool) -> list[str]:
    pool = EnginePool(settings.replace(use_cache=cache))
    try:
        translator = pool.get("imported", str(model), "ru")
        return [t.text for t in translate_texts(lines, translator, check_language=False)]
    finally:
        pool.close()


def _file(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reordered_input_after_a_cached_run_keeps_its_order(
    settings: Settings, tmp_path: Path
) -> None:
    first = _file(tmp_path, "first.txt", ["T1", "T2"])
    assert _translate(settings, first, ["Первое.", "Второе."], cache=True) == ["T1", "T2"]
    second = _file(tmp_path, "second.txt", ["T2", "T1"])
    got = _translate(settings, second, ["Второе.", "Первое."], cache=True)
    assert got == _translate(settings, second, ["Второе.", "Первое."], cache=False)
    assert got == ["T2", "T1"]


def test_the_same_file_on_reordered_input_is_not_served_from_the_cache(
    settings: Settings, tmp_path: Path
) -> None:
    model = _file(tmp_path, "tr.txt", ["A", "B"])
    assert _translate(settings, model, ["Первое.", "Второе."], cache=True) == ["A", "B"]
    # same file, same signature, other input: by position the answer is still A, B
    assert _translate(settings, model, ["Второе.", "Первое."], cache=True) == ["A", "B"]


def test_repeated_lines_keep_their_own_translations(settings: Settings, tmp_path: Path) -> None:
    lines = ["Да.", "Нет.", "Да.", "", "Да."]
    model = _file(tmp_path, "tr.txt", ["Yes.", "No.", "Yes indeed.", "", "Right."])
    with_cache = _translate(settings, model, lines, cache=True)
    assert with_cache == _translate(settings, model, lines, cache=False)
    assert with_cache == ["Yes.", "No.", "Yes indeed.", "", "Right."]


def test_more_than_256_lines_are_not_chunked(settings: Settings, tmp_path: Path) -> None:
    lines = [f"Строка {i % 7}." for i in range(600)]
    model = _file(tmp_path, "tr.txt", [f"T{i}" for i in range(600)])
    with_cache = _translate(settings, model, lines, cache=True)
    assert with_cache == [f"T{i}" for i in range(600)]
    assert with_cache == _translate(settings, model, lines, cache=False)


def test_by_source_files_still_use_the_cache(settings: Settings, tmp_path: Path) -> None:
    model = tmp_path / "tr.tsv"
    model.write_text("Первое.\tFirst.\nВторое.\tSecond.\n", encoding="utf-8")
    pool = EnginePool(settings)
    try:
        translator = pool.get("imported", str(model), "ru")
        translate_texts(["Первое.", "Второе."], translator, check_language=False)
        again = translate_texts(["Второе.", "Первое."], translator, check_language=False)
    finally:
        pool.close()
    assert [t.text for t in again] == ["Second.", "First."]
    assert all(p.cached for t in again for p in t.sentences)


@pytest.mark.parametrize("lines", [["Второе.", "Первое."], ["Да.", "Да.", "Нет."]])
def test_cli_output_is_identical_with_and_without_the_cache(
    tmp_path: Path, workbench_home: Path, lines: list[str]
) -> None:
    src = _file(tmp_path, "in.txt", lines)
    model = _file(tmp_path, "tr.txt", [f"T{i}" for i in range(len(lines))])
    warm = _file(tmp_path, "warm.txt", ["W1", "W2"])
    env = {**os.environ, "WORKBENCH_HOME": str(workbench_home)}

    def run(*extra: str, model_file: Path = model, input_file: Path = src) -> str:
        args = ["translate", "--engine", "imported", "--model", str(model_file), "--src", "ru"]
        proc = subprocess.run(
            [sys.executable, "-m", "workbench", *args, "--input", str(input_file), *extra],
            capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    run(model_file=warm, input_file=_file(tmp_path, "warm-in.txt", ["Первое.", "Второе."]))
    assert run() == run("--no-cache") == "".join(f"T{i}\n" for i in range(len(lines)))


@pytest.mark.parametrize("cache", [True, False])
def test_a_pivot_with_by_position_legs_gets_whole_inputs(
    settings: Settings, tmp_path: Path, cache: bool
) -> None:
    lines = [f"Сап {i % 5}." for i in range(40)]  # more than one batch of 16, with repeats
    first = _file(tmp_path, "ky-ru.txt", [f"Строка {i}." for i in range(40)])
    second = _file(tmp_path, "ru-en.txt", [f"Line {i}." for i in range(40)])
    pool = EnginePool(settings.replace(use_cache=cache))
    try:
        spec = f"imported:{first}+imported:{second}"
        translator = pool.get("pivot", spec, "ky")
        got = [t.text for t in translate_texts(lines, translator, check_language=False)]
    finally:
        pool.close()
    assert got == [f"Line {i}." for i in range(40)]
