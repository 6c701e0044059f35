"""``benchmarks/token_align_study.py``: its helpers (the swapped characters, the English name
words, unaligned runs) and its refusal of bad arguments before any data is read."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from tests.scripts import assert_refused_before_reading, load_script


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/token_align_study.py", "token_align_study_under_test")


def test_changed_span_finds_the_swapped_characters(study: ModuleType) -> None:
    old = "The talks with Merkel ended late."
    new = "The talks with Obrador ended late."
    a, b = study.changed_span(old, new)
    assert new[a:b] == "Obrador"
    assert study.changed_span("same", "same") == (4, 4)


def test_name_words_skip_the_first_word_of_a_sentence(study: ModuleType) -> None:
    text = "Yesterday Petrov met the mayor. Ivanova said nothing to Smith."
    words = [text[slice(*study.word_spans(text)[k])] for k in study.name_words(text)]
    assert "Petrov" in words and "Smith" in words
    assert "Yesterday" not in words and "Ivanova" not in words


def test_recall_at_a_share_of_untouched_lines(study: ModuleType) -> None:
    good = [float(v) for v in range(100)]  # untouched: 0..99, lower is worse
    assert study.recall_at([-1.0, 0.5, 50.0, 3.0], good, 0.05) == 0.75  # limit 4.95
    assert study.recall_at([-1.0, 1.5], good, 0.01) == 0.5  # limit 0.99
    assert np.isnan(study.recall_at([], good, 0.01))


def test_longest_run_and_alignment(study: ModuleType) -> None:
    assert study.longest_run([True, True, False, True, True, True, False]) == 3
    assert study.longest_run([]) == 0

    class States:
        def __init__(self, vecs: np.ndarray) -> None:
            self.vecs = vecs

        def word_vectors(self, spans: object) -> np.ndarray:
            return self.vecs

    src = States(np.eye(3, dtype=np.float32))
    en = States(np.array([[1, 0, 0], [0.9, 0.1, 0]], dtype=np.float32))
    _, links = study.alignment(src, [], en, [])
    assert links == {(0, 0)}  # English 1 also prefers source 0, which prefers English 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--parts", "final"], "the final part is never read"),
        (["--langs", "de"], "--langs takes kk, ky and ru"),
        (["--lines", "-1"], "must be 0 or more"),
        (["--data", "/nonexistent/folder"], "is not a folder"),
    ],
)
def test_bad_arguments_are_refused_before_reading(
    study: ModuleType, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:  # fmt: skip
    if "--data" not in args:
        args = [*args, "--data", str(tmp_path)]
    assert_refused_before_reading(study, args, message, monkeypatch, capsys)
