"""``benchmarks/real_cases_eval.py``: the top third of an outlet's flags by salience, the order
every view lists them in; ``benchmarks/flag_features.py``: its measures and models."""

from __future__ import annotations

import math
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/real_cases_eval.py", "real_cases_eval_under_test")


def test_a_missing_or_empty_cases_folder_is_refused_by_name(
    bench: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", ["real_cases_eval.py", "--cases", str(tmp_path / "nope")])
    with pytest.raises(SystemExit, match="nope: no such folder"):
        bench.main()
    monkeypatch.setattr("sys.argv", ["real_cases_eval.py", "--cases", str(tmp_path)])
    with pytest.raises(SystemExit, match="no case with a reference.toml under"):
        bench.main()


def test_the_top_third_is_rounded_up_and_read_by_salience(bench: ModuleType) -> None:
    o = bench.Outlet()
    # seven flags: the third rounded up is three, the three most salient
    o.ranked = [(0.2, True), (0.9, False), (0.35, True), (0.8, True), (0.7, False),
                (0.1, True), (0.5, False)]  # fmt: skip
    assert o.top_third() == (1, 3)  # 0.9, 0.8 (key), 0.7


def test_an_outlet_without_flags_has_an_empty_top_third(bench: ModuleType) -> None:
    assert bench.Outlet().top_third() == (0, 0)


def test_one_flag_is_its_own_top_third(bench: ModuleType) -> None:
    o = bench.Outlet()
    o.ranked = [(0.3, True)]
    assert o.top_third() == (1, 1)


def _case(tmp_path: Path, reference: str) -> Path:
    # two statement documents (lines counted across them, blank lines skipped) and one report
    (tmp_path / "a.txt").write_text("First line.\n\nSecond line.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Third line.\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("A headline\nThe minister spoke. He left.\n", encoding="utf-8")
    (tmp_path / "case.toml").write_text(
        '[[documents]]\nid = "a"\nfile = "a.txt"\nlanguage = "ru"\n'
        '[[documents]]\nid = "b"\nfile = "b.txt"\nlanguage = "ru"\n'
        '[[documents]]\nid = "r"\nfile = "r.txt"\nlanguage = "en"\n',
        encoding="utf-8",
    )
    (tmp_path / "reference.toml").write_text(reference, encoding="utf-8")
    return tmp_path


def test_the_reference_places_links_on_sentences_and_statement_lines(
    bench: ModuleType, tmp_path: Path
) -> None:
    folder = _case(
        tmp_path,
        'statement_document = "a"\n'
        '[[links]]\nreport = "r"\nsentence = "He left."\nstatements = [3, "b:1"]\n'
        '[[links]]\nreport = "r"\nsentence = "A headline"\nstatements = [1]\n',
    )
    reading = bench.Reference(folder)
    # "a":3 is the second non-blank line (index 1); "b:1" follows a's two lines (index 2)
    assert reading.gold_links() == [("r", 1, 2), ("r", 2, 2), ("r", 0, 0)]


def test_a_reference_sentence_not_in_its_report_stops_the_eval_and_the_studies_skip_it(
    bench: ModuleType, tmp_path: Path
) -> None:
    folder = _case(
        tmp_path,
        'statement_document = "a"\n'
        '[[links]]\nreport = "r"\nsentence = "Nobody wrote this."\nstatements = [1]\n'
        '[[links]]\nreport = "r"\nsentence = "The minister spoke."\nstatements = [1]\n',
    )
    reading = bench.Reference(folder)
    with pytest.raises(SystemExit, match="reference sentence not found: 'Nobody wrote this.'"):
        reading.gold_links()
    assert reading.gold_links(strict=False) == [("r", 0, 1)]


# ─── benchmarks/flag_features.py: the study of flags' features ─────────────────────────────


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/flag_features.py", "flag_features_under_test")


def test_auc_counts_how_often_noise_scores_above_useful_flags(study: ModuleType) -> None:
    assert study.auc([0.9, 0.8, 0.1, 0.2], [True, True, False, False]) == 1.0
    assert study.auc([0.1, 0.2, 0.9, 0.8], [True, True, False, False]) == 0.0
    assert study.auc([0.5, 0.5], [True, False]) == 0.5  # a tie counts half
    assert math.isnan(study.auc([0.3, 0.4], [False, False]))  # no noise: nothing to tell


def test_a_feature_that_separates_is_learnt_by_both_models(study: ModuleType) -> None:
    rng = np.random.default_rng(3)
    signal = rng.random(80)
    x = np.column_stack([signal, rng.random(80)])  # the second column is chance
    y = (signal > 0.5).astype(float)
    for fit in (study.fit_logistic, study.fit_tree):
        model = fit(x, y)
        assert study.auc(list(model(x)), list(y > 0)) > 0.95


def test_held_out_scores_each_part_with_a_model_of_the_others(study: ModuleType) -> None:
    rng = np.random.default_rng(5)
    signal = rng.random(90)
    x = signal.reshape(-1, 1)
    y = (signal > 0.5).astype(float)
    parts = ["a"] * 30 + ["b"] * 30 + ["c"] * 30
    scores = study.held_out(x, y, parts, study.fit_logistic)
    assert set(scores) == {"a", "b", "c"} and min(scores.values()) > 0.95


def test_groups_must_name_case_sets(study: ModuleType) -> None:
    assert study._groups(["A=one,two"], ["one", "two", "three"]) == {
        "one": "A",
        "two": "A",
        "three": "three",
    }
    with pytest.raises(SystemExit, match="not one of --cases"):
        study._groups(["A=one,four"], ["one", "two"])
    with pytest.raises(SystemExit, match="NAME=set,set"):
        study._groups(["A"], ["one"])


def test_a_folder_without_cases_is_refused(study: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no case with a reference.toml"):
        study.main(["--cases", str(tmp_path)])
