"""The name signal study (session 18, fname18): the swaps it makes, what it reads of each English
name, its failure table, the out-of-fold model and the recall it prints, and its refusals."""

from __future__ import annotations

import random
import sys
from types import ModuleType

import numpy as np
import pytest

from tests.scripts import assert_refused_before_reading, load_script
from workbench.faithfulness.base import issue
from workbench.faithfulness.diffapi import load_bilexicon


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/name_signal_study.py", "name_signal_study_under_test")


SOURCE = "Президент Токаев провёл встречу с фермерами в Костанае."
ENGLISH = "President Tokayev held a meeting with farmers in Kostanay."
SWAPPED = "President Kavanaugh held a meeting with farmers in Kostanay."


def _line(study: ModuleType, k: int, english: str, doc: str = "d") -> object:
    return study.Line("flores", k, doc, english, {"ru": SOURCE, "kk": "", "ky": ""})


def test_each_line_with_a_name_gets_one_swap_and_the_new_names_span(study: ModuleType) -> None:
    lines = [
        _line(study, 0, ENGLISH),
        _line(study, 1, "the meeting was held on a quiet morning."),
        _line(study, 2, "Farmers from Almaty came to see Senator Kavanaugh."),
    ]
    copies = study.swap_copies(lines, 3)
    bench = sys.modules[study.swap_spans.__module__]  # the benchmark the swaps come from
    assert [k for k, _, _ in copies] == [0, 2]  # the line without a name has no copy
    for k, english, (a, b) in copies:
        assert english != lines[k].en
        new = english[a:b]
        assert new in {n for ln in lines for _, _, n in bench._whole_names(ln.en)}
        assert english.replace(new, "", 1) != english
    assert study.swap_copies(lines, 3) == copies  # the same draws for the same seed
    assert study.swap_copies(lines, 3) != study.swap_copies(lines, 4) or len(copies) < 2


def test_a_swapped_in_name_is_unpaired_and_the_faithful_one_paired_by_a_capital(
    study: ModuleType,
) -> None:
    bilex = load_bilexicon()
    faithful = study.mention_values(SOURCE, ENGLISH, "ru", [], bilex)
    tokayev = next(m for m in faithful if m.name == "Tokayev")
    assert tokayev.values["m_cap"] == 1.0 and tokayev.swapped is False
    span = (SWAPPED.index("Kavanaugh"), SWAPPED.index("Kavanaugh") + len("Kavanaugh"))
    found = [issue("name", SOURCE, SWAPPED, (10, 16), span, "name 'Kavanaugh' ...")]
    swapped = study.mention_values(SOURCE, SWAPPED, "ru", found, bilex, span)
    new = next(m for m in swapped if m.swapped)
    assert new.name == "Kavanaugh" and not study._paired(new)
    assert new.values["certain"] == 1.0 and new.values["n_unm"] >= 1.0
    assert new.values["best_all"] < 0.75 and new.values["strong_spelling"] == 1.0
    assert new.candidates  # the unpaired «Токаев» is what the name may render
    other = [m for m in swapped if m.name != "Kavanaugh"]
    assert other and all(m.swapped is None for m in other)  # a swap's other names: no class


def test_the_current_rule_reads_as_one_number(study: ModuleType) -> None:
    strong = issue("name", SOURCE, SWAPPED, None, (0, 5), "name 'X' has no counterpart")
    weak = issue("name", SOURCE, SWAPPED, None, (0, 5), "name 'X' has no counterpart", 0.6)
    by_meaning = issue(
        "name", SOURCE, SWAPPED, None, (0, 5),
        "name 'X'; the sentence reads closer to its source without it (+0.020 cosine)",
    )  # fmt: skip
    assert study.severity_code(strong) == 2.0
    assert study.severity_code(by_meaning) == 1.5
    assert study.severity_code(weak) == 1.0
    assert study.severity_code(None) == 0.0


def _pair(study: ModuleType, swap: bool, flagged: bool, values: dict[str, float]) -> object:
    base = dict.fromkeys(study.FEATURES, 0.0) | {"severity": 0.0}
    mention = study.Mention("Kavanaugh", (10, 19), base | values, swap)
    return study.Pair(0, "d", (10, 19) if swap else None, SOURCE, SWAPPED, flagged, [], [mention])


def test_the_failure_table_says_why_a_swap_went_unflagged(study: ModuleType) -> None:
    assert study.swap_failure(_pair(study, True, True, {})) == "flagged"
    outspent = _pair(study, True, False, {"severity": 2.0, "certain": 1.0, "n_unm": 1.0})
    assert study.swap_failure(outspent).startswith("strong but outspent")
    common = _pair(study, True, False, {"severity": 1.0})
    assert study.swap_failure(common) == "weak only: a name of common or title words"
    all_paired = _pair(study, True, False, {"severity": 1.0, "certain": 1.0})
    assert study.swap_failure(all_paired) == "weak only: every source name has a counterpart"
    by_lower = _pair(study, True, False, {"m_low": 1.0})
    assert "only a lower-case source word" in study.swap_failure(by_lower)
    clean = _pair(study, False, False, {})
    assert study.reference_failure(clean) is None  # no name issue


def test_recall_is_read_above_the_threshold_that_keeps_the_reference_rate(
    study: ModuleType,
) -> None:
    refs = np.array([0.0] * 98 + [5.0, 9.0])
    bad = np.array([1.0, 6.0, 10.0, 4.0])
    assert study.recall_at(refs, bad, 0.0) == pytest.approx(0.25)  # no reference: above 9
    assert study.recall_at(refs, bad, 0.01) == pytest.approx(0.5)  # one reference: above 5
    assert study.recall_at(refs, bad, 0.02) == pytest.approx(1.0)  # two: above 0, every swap
    assert np.isnan(study.recall_at(refs, np.array([]), 0.01))


def test_names_alone_are_simulated_above_the_threshold_that_keeps_the_reference_rate(
    study: ModuleType,
) -> None:
    refs = np.array([0.0] * 98 + [5.0, 9.0])
    assert study.threshold_at(refs, 0.0) == 9.0
    assert study.threshold_at(refs, 0.01) == 5.0
    assert study.threshold_at(refs, 0.02) == 0.0
    assert study.threshold_at(np.array([]), 0.01) == np.inf  # nothing to read: nothing flags


def test_a_line_scores_as_its_highest_mention(study: ModuleType) -> None:
    scores = study.line_scores(3, [0, 0, 2], np.array([1.0, 3.0, -2.0]))
    assert scores.tolist() == [3.0, -np.inf, -2.0]


def test_the_model_is_fitted_out_of_fold_by_document(study: ModuleType) -> None:
    rng = np.random.default_rng(0)
    y = np.array([0, 1] * 60)
    x = np.c_[y + rng.normal(0, 0.5, len(y)), rng.normal(0, 1, len(y))]
    docs = [f"doc{k // 4}" for k in range(len(y))]
    z = study.out_of_fold(x, y, docs)
    assert z[y == 1].mean() > z[y == 0].mean() + 1  # the signal column is learned
    with pytest.raises(ValueError, match="references and swaps"):
        study.fit(x[y == 0], y[y == 0])
    constant = np.c_[x, np.ones(len(y))]  # a feature with no spread does not divide by zero
    assert np.isfinite(study.fit(constant, y).logit(constant)).all()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--langs", "kk,xx"], "not xx"),
        (["--on", "final"], "the final part is never read"),
        (["--on", "measurement"], "--on takes calibration or dev"),
        (["--lines", "-1"], "--lines takes 0 or more"),
        (["--data", "/nonexistent/data"], "is not a folder"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_read(
    study: ModuleType, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert_refused_before_reading(study, args, message, monkeypatch, capsys)


def test_the_swaps_draw_as_the_benchmarks_swap_name_draws(study: ModuleType) -> None:
    lines = [_line(study, 0, ENGLISH), _line(study, 1, "Farmers from Almaty met Senator Cole.")]
    bench = sys.modules[study.swap_spans.__module__]
    names = sorted({n for ln in lines for _, _, n in bench._whole_names(ln.en)})
    rng = random.Random(5)
    expected = []
    for ln in lines:
        found = bench._whole_names(ln.en)
        s, e, name = rng.choice(found)
        other = rng.choice([n for n in names if n[:3].lower() != name[:3].lower()])
        expected.append(ln.en[:s] + other + ln.en[e:])
    assert [e for _, e, _ in study.swap_copies(lines, 5)] == expected
