"""The omission study's reading of where a dropped clause stood, against the drop itself."""

from __future__ import annotations

import random
from types import ModuleType

import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/omission_study.py", "omission_study_place_under_test")


SENTENCE = "The ferry left at dawn, the harbour was still dark, and nobody on the pier waved."
#: What each place's drop leaves of SENTENCE.
LEFT = {
    "first": "The harbour was still dark, and nobody on the pier waved.",
    "middle": "The ferry left at dawn, and nobody on the pier waved.",
    "last": "The ferry left at dawn, the harbour was still dark.",
}


def test_the_place_read_is_the_clause_the_drop_takes(study: ModuleType) -> None:
    line = study.Line("flores", 0, "doc", SENTENCE, {"kk": "", "ky": "", "ru": ""})
    pools = study.Pools((), ())
    seen = set()
    for seed in range(40):
        rng = random.Random(seed)
        place = study.drop_place(SENTENCE, rng)
        assert study.drop_clause(line, "kk", rng, pools) == LEFT[place]
        seen.add(place)
    assert seen == {"first", "middle", "last"}


def test_reading_the_place_does_not_move_the_draws(study: ModuleType) -> None:
    line = study.Line("flores", 0, "doc", SENTENCE, {"kk": "", "ky": "", "ru": ""})
    pools = study.Pools((), ())
    for seed in range(10):
        plain, read = random.Random(seed), random.Random(seed)
        study.drop_place(SENTENCE, read)
        assert study.drop_clause(line, "kk", read, pools) == study.drop_clause(
            line, "kk", plain, pools
        )


def test_a_sentence_of_one_clause_has_no_first_or_last(study: ModuleType) -> None:
    assert study.drop_place("A single short clause here.", random.Random(0)) == "middle"


def test_recall_by_place_is_read_within_one_size_of_drop(study: ModuleType) -> None:
    drops = [
        study.Drop(0.25, 1.0, True, "middle"),
        study.Drop(0.25, 1.0, False, "middle"),
        study.Drop(0.28, 1.0, True, "first"),
        study.Drop(0.35, 1.0, True, "middle"),
        study.Drop(0.60, 1.0, False, "last"),
        study.Drop(0.05, 1.0, False, "middle"),
    ]
    table = study.place_by_size(drops)
    assert table[(0.0, 0.1)] == {"middle": (1, 0.0)}
    assert table[(0.1, 0.2)] == {}
    assert table[(0.2, 0.3)] == {"first": (1, 1.0), "middle": (2, 0.5)}
    assert table[(0.3, 0.45)] == {"middle": (1, 1.0)}
    assert table[(0.45, 1.01)] == {"last": (1, 0.0)}


def test_what_place_costs_is_counted_only_against_drops_of_the_same_size(
    study: ModuleType,
) -> None:
    drops = [
        # 0.2-0.3: a first drop found, two middle drops of which one found: one drop lost to place
        study.Drop(0.25, 1.0, True, "first"),
        study.Drop(0.25, 1.0, True, "middle"),
        study.Drop(0.25, 1.0, False, "middle"),
        # 0.45 and more: a middle drop found better than the last one costs nothing
        study.Drop(0.50, 1.0, True, "middle"),
        study.Drop(0.50, 1.0, False, "last"),
        # a small middle drop with no first or last drop of its size is not compared
        study.Drop(0.05, 1.0, False, "middle"),
    ]
    assert study.place_gain(drops) == pytest.approx(1 / 6)
    # the same drops all in one place cost nothing
    assert study.place_gain([study.Drop(d.share, 1.0, d.found, "first") for d in drops]) == 0.0
