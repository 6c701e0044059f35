"""``benchmarks/align_signal_study.py``: ranking and curve measures of a signal, and its refusal
of bad input."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from tests.scripts import assert_needs_cases, load_script


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/align_signal_study.py", "align_signal_study_under_test")


def test_rank_scores_credit_ties_and_count_pairs(study: ModuleType) -> None:
    right = np.array([True, False, False])
    assert study.rank_scores(np.array([0.9, 0.5, 0.1]), right) == (1.0, 2.0, 2)
    assert study.rank_scores(np.array([0.1, 0.5, 0.9]), right) == (0.0, 0.0, 2)
    top, wins, pairs = study.rank_scores(np.array([0.5, 0.5, 0.1]), right)  # a tie at the top
    assert (top, wins, pairs) == (0.5, 1.5, 2)


def test_curve_gives_average_precision_and_recall_at_precision(study: ModuleType) -> None:
    ap, r8, r7 = study.curve([0.9, 0.8, 0.7, 0.6], [True, False, True, False])
    assert ap == pytest.approx((1 + 2 / 3) / 2)
    assert (r8, r7) == (0.5, 0.5)  # precision 2/3 at full recall: under both
    assert study.curve([0.5, 0.4], [False, False]) == (0.0, 0.0, 0.0)  # nothing right
    assert study.curve([], []) == (0.0, 0.0, 0.0)


def test_refuses_a_folder_without_cases(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_needs_cases(study, tmp_path, capsys)
