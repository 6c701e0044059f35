"""``benchmarks/suggest_study.py``: ranks of missed reference lines, the gates' reading cost, and
its refusal of bad input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import assert_needs_cases, load_script


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/suggest_study.py", "suggest_study_under_test")


def test_rank_is_one_based_and_zero_when_absent(study: ModuleType) -> None:
    assert study.rank_of(7, [3, 7, 9]) == 2
    assert study.rank_of(3, [3, 7, 9]) == 1
    assert study.rank_of(4, [3, 7, 9]) == 0


def test_gates_count_shown_sentences_suggestions_and_right_ones(study: ModuleType) -> None:
    counts: Counter = Counter()
    # best line 5 (margin 1.01, cosine 0.85), then the reference line 2 (0.995, 0.81), then 9
    study.count_gates(counts, [(5, 1.01, 0.85), (2, 0.995, 0.81), (9, 0.98, 0.83)], {2})
    assert counts["gate", (0.99, 0.80, 1), "suggestions"] == 1
    assert counts["gate", (0.99, 0.80, 1), "right"] == 0
    assert counts["gate", (0.99, 0.80, 2), "right"] == 1  # the second line is right
    assert counts["gate", (0.99, 0.80, 3), "suggestions"] == 2  # line 9 is under 0.99
    assert counts["gate", (0.97, 0.80, 3), "suggestions"] == 3
    assert counts["gate", (0.99, 0.82, 3), "right"] == 0  # line 2's cosine is under 0.82
    assert counts["gate", (1.0, 0.84, 3), "sentences"] == 1
    assert counts["gate", (1.0, 0.84, 3), "sentence right"] == 0
    assert ("gate", (1.0, 0.86, 1), "sentences") not in counts  # not a studied gate
    empty: Counter = Counter()
    study.count_gates(empty, [(5, 0.90, 0.85)], {5})  # under every least margin: not shown
    assert not empty


def test_bad_input_is_one_sentence_before_any_model_loads(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_needs_cases(study, tmp_path, capsys)
