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
