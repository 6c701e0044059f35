"""``benchmarks/align_link_study.py``: its features, its logistic model and how it counts links."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from tests.scripts import load_script, refusal


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/align_link_study.py", "align_link_study_under_test")


def _pair(**given: object) -> dict[str, object]:
    base: dict[str, object] = {
        "cos": 0.85, "marg": 1.01, "mraw": 1.0, "gap": 0.5, "rank": 0, "srank": 0, "cm": 1.03,
        "cgap": -0.4, "crank": 0, "ctop": True, "words": 0.3, "figs": 0.0, "names": 0.0,
        "conflict": 0.0, "has_tr": 1, "en_sh": 3, "en_tot": 6, "pos": 0, "n_out": 10, "rw": 20,
        "sw": 10, "same_linked": 0, "other_linked": 5, "cos_same": 0.0, "cos_other": 0.9,
        "n_s": 12, "shipped": "clause",
    }  # fmt: skip
    base.update(given)
    return base


def test_features_clip_the_gaps_and_read_the_english_share_only_with_a_translation(
    study: ModuleType,
) -> None:
    f = study._features(_pair(), False, None)
    assert f["gap"] == 0.1 and f["cgap"] == -0.1  # clipped to +-0.1
    assert f["en_sh"] == 0.5 and f["en_long"] == 1.0 and f["head"] == 1.0
    assert f["other"] == 3.0  # capped at three outlets
    without = study._features(_pair(has_tr=0), False, None)
    assert without["en_sh"] == 0.0 and without["en_long"] == 0.0
    kept = study._features(_pair(), True, ["marg", "cos"])
    assert list(kept) == ["cos", "marg", "ship_s", "ship_c"] and kept["ship_c"] == 1.0


def test_the_logistic_model_learns_a_separable_feature(study: ModuleType) -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] > 0).astype(float)  # the first feature decides, the second is noise
    model = study._fit(x, y)
    p = study._predict(model, x)
    assert ((p >= 0.5) == (y == 1)).mean() > 0.95
    assert abs(model[2][0]) > 3 * abs(model[2][1])


def test_links_are_counted_by_statement_line_and_report_sentence(study: ModuleType) -> None:
    pairs = [
        {"case": "c", "doc": "d", "s": 0, "sids": [1]},
        {"case": "c", "doc": "d", "s": 1, "sids": [1]},  # a second statement for sentence 1
        {"case": "c", "doc": "d", "s": 0, "sids": [2]},
    ]
    gold = {"set": {("c", "d", 0, 1), ("c", "d", 0, 2), ("c", "d", 2, 5)}}
    p, r = study._pr(pairs, gold, np.array([True, True, False]), ["set"])
    assert (p, r) == (0.5, 1 / 3)
    assert study._pr(pairs, gold, np.array([False, False, False]), ["set"]) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--cases", "{empty}"], "no case with a reference.toml under"),
        (["--cases", "{empty}", "--lone-floor", "2"], "--lone-floor takes a cosine from 0"),
        (["--cases", "{empty}", "--lone-floor", "-0.1"], "--lone-floor takes a cosine from 0"),
        (["--cases", "{one}"], "--cases takes two or more folders"),
    ],
)
def test_bad_input_is_one_sentence_before_any_model_loads(
    study: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    # a folder without cases, a floor out of range and one folder alone (nothing to train on
    # when it is left out) stop with exit code 2 and one line, not a traceback after the
    # embedder has loaded
    one = tmp_path / "one"
    (one / "case-a").mkdir(parents=True)
    (one / "case-a" / "reference.toml").write_text("", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert says in refusal(
        lambda: study.main([a.format(empty=empty, one=one) for a in argv]), capsys
    )
