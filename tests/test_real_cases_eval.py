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
