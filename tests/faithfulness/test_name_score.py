"""Name evidence as one calibrated score (session 18): what is read of an English-name issue,
the one embedding call for its meaning, the grading by the calibration's model, and the
calibration file's ``name_model``. Sentences are our own, in the style of official news."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.faithfulness.helpers import TableEmbedder, unit
from workbench.errors import UserInputError
from workbench.faithfulness import ClauseVectors, check_pairs
from workbench.faithfulness.base import CoverageModel, issue, load_calibration
from workbench.faithfulness.diffapi import load_bilexicon
from workbench.faithfulness.namescore import (
    NAME_FEATURES,
    english_issues,
    grade,
    meaning_texts,
    meaning_values,
    spelling_values,
)

SOURCE = "Президент Токаев провёл встречу с фермерами в Костанае."
SWAPPED = "President Kavanaugh held a meeting with farmers in Kostanay."
FAITHFUL = "President Tokayev held a meeting with farmers in Kostanay."


def _at(text: str, name: str) -> tuple[int, int]:
    a = text.index(name)
    return (a, a + len(name))


def _swap_issue(severity: float = 1.0) -> object:
    return issue("name", SOURCE, SWAPPED, _at(SOURCE, "Токаев"), _at(SWAPPED, "Kavanaugh"),
                 "name 'Kavanaugh' has no counterpart in the source", severity)  # fmt: skip


def test_a_swapped_in_name_reads_as_certain_far_from_every_source_word() -> None:
    other = issue("number", SOURCE, SWAPPED, None, None, "a figure", 0.6)
    found = [other, _swap_issue()]
    assert english_issues(found) == [1]
    (values,) = spelling_values(SOURCE, SWAPPED, "ru", found, load_bilexicon()).values()
    assert set(values) == set(NAME_FEATURES)
    assert values["certain"] == 1.0 and values["strong_spelling"] == 1.0
    assert values["n_unm"] >= 1.0  # «Токаев» is left unpaired
    assert values["best_all"] < 0.75 and values["rendered"] == 0.0
    assert values["shift"] == values["paircos"] == 0.0  # read by meaning_values
    assert spelling_values(SOURCE, FAITHFUL, "ru", [other], load_bilexicon()) == {}


def _vectors() -> ClauseVectors:
    return ClauseVectors(((0, len(SOURCE)),), np.stack([unit(1, 0, 0)]),
                         ((0, len(SWAPPED)),), np.stack([unit(1, 1, 0)]))  # fmt: skip


def test_the_meaning_of_every_english_name_is_read_in_one_call() -> None:
    found = [[_swap_issue()]]
    masked = "President X held a meeting with farmers in Kostanay."
    rows = {
        "Kavanaugh": unit(0, 0, 1),
        masked: unit(1, 0.2, 0),  # masked, the clause comes closer to the source: a swap
        "Токаев": unit(0, 0.6, 0.8),
        "Токаев провёл": unit(0, 1, 0),
    }
    table = TableEmbedder(rows)
    assert sorted(meaning_texts([SOURCE], [SWAPPED], "ru", found, [_vectors()])) == sorted(rows)
    values = [spelling_values(SOURCE, SWAPPED, "ru", found[0], load_bilexicon())]
    meaning_values([SOURCE], [SWAPPED], "ru", found, [_vectors()], values, table)
    assert len(table.calls) == 1 and sorted(table.calls[0]) == sorted(rows)
    assert values[0][0]["shift"] == pytest.approx(float(unit(1, 0.2, 0) @ unit(1, 0, 0))
                                                  - float(unit(1, 1, 0) @ unit(1, 0, 0)))  # fmt: skip
    assert values[0][0]["paircos"] == pytest.approx(0.8)
    quiet = TableEmbedder({})  # no English-name issue: nothing embedded
    meaning_values([SOURCE], [FAITHFUL], "ru", [[]], [None], [{}], quiet)
    assert not quiet.calls


def test_unequal_lists_are_refused_in_one_sentence() -> None:
    with pytest.raises(UserInputError, match="give one of each per pair"):
        meaning_values([SOURCE], [SWAPPED, SWAPPED], "ru", [[]], [None], [{}], TableEmbedder({}))


def _model(limit: float) -> CoverageModel:
    """Log-odds = 3 × strong_spelling − 1 (other features weigh nothing)."""
    weights = tuple(3.0 if f == "strong_spelling" else 0.0 for f in NAME_FEATURES)
    n = len(NAME_FEATURES)
    return CoverageModel(NAME_FEATURES, (0.0,) * n, (1.0,) * n, weights, -1.0, -1.0, limit)


def test_the_model_grades_each_english_name_issue_and_nothing_else() -> None:
    other = issue("number", SOURCE, SWAPPED, None, None, "a figure", 0.6)
    weak = _swap_issue(0.6)
    found = [other, weak]
    values = {1: dict.fromkeys(NAME_FEATURES, 0.0) | {"strong_spelling": 1.0}}
    strong = grade(found, values, _model(1.5))  # log-odds 2 >= 1.5: strong
    assert strong[0] == other and strong[1].severity == 1.0
    assert strong[1].note.endswith("; name score 2.00 (strong at 1.50)")
    lowered = grade(strong, values, _model(2.5))  # graded again: weak, one score in the note
    assert lowered[1].severity == 0.6 and lowered[1].note.count("name score") == 1
    assert found[1] is weak and weak.severity == 0.6  # the input is not changed


def test_the_calibration_file_carries_the_name_model(tmp_path: Path) -> None:
    n = len(NAME_FEATURES)
    nums = "[" + ", ".join(["0.5"] * n) + "]"
    names = "[" + ", ".join(f'"{f}"' for f in NAME_FEATURES) + "]"
    path = tmp_path / "cal.toml"
    path.write_text(
        'name = "t"\n[languages.ru]\nevidence_limit = 3.0\n[languages.ru.name_model]\n'
        f"features = {names}\nmean = {nums}\nscale = {nums}\nweights = {nums}\n"
        "bias = -1.0\ntypical = -2.0\nlimit = 1.25\n",
        encoding="utf-8",
    )
    model = load_calibration(path).get("ru").name_model
    assert model is not None and model.features == NAME_FEATURES and model.limit == 1.25
    assert load_calibration(path).get("kk").name_model is None  # not calibrated: hand rules
    path.write_text(
        'name = "t"\n[languages.ru.name_model]\nfeatures = ["certain"]\nmean = [0.0, 1.0]\n'
        "scale = [1.0]\nweights = [1.0]\nbias = 0\ntypical = 0\nlimit = 0\n",
        encoding="utf-8",
    )
    with pytest.raises(UserInputError, match="cannot be used"):
        load_calibration(path)


@pytest.fixture(scope="module")
def e5() -> object:
    from workbench.align.cache import CachingEmbedder  # noqa: PLC0415
    from workbench.align.embedders import E5Embedder  # noqa: PLC0415

    return CachingEmbedder(E5Embedder(), None)


def test_the_committed_model_grades_a_certain_swap_strong_and_flags_it_alone(e5: object) -> None:
    committed = load_calibration()
    for lang in ("kk", "ky", "ru"):
        cal = committed.get(lang)
        assert cal.name_model is not None and cal.name_model.features == NAME_FEATURES, lang
    swapped, faithful = check_pairs([SOURCE, SOURCE], [SWAPPED, FAITHFUL], "ru", embedder=e5)  # type: ignore[arg-type]
    (name,) = [i for i in swapped.issues if i.kind == "name"]
    assert name.severity == 1.0 and "name score" in name.note
    assert swapped.flagged  # names flag alone where the budget lets them (ru, since session 18)
    assert not [i for i in faithful.issues if i.kind == "name"] and not faithful.flagged
