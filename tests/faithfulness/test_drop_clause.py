"""The benchmark's dropped-clause corruption: a clause's words go, the sentence still ends."""

from __future__ import annotations

import random
from types import ModuleType

import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/faithfulness_bench.py", "faithfulness_bench_drop_under_test")


def _every_drop(bench: ModuleType, english: str) -> set[str | None]:
    line = bench.Line("flores", 0, "doc", english, {"kk": "", "ky": "", "ru": ""})
    pools = bench.Pools((), ())
    return {bench.drop_clause(line, "kk", random.Random(seed), pools) for seed in range(60)}


def test_a_dropped_last_clause_leaves_the_full_stop(bench: ModuleType) -> None:
    drops = _every_drop(
        bench, "The council met on Monday, the mayor spoke for an hour, and the vote was put off."
    )
    assert drops == {
        "The mayor spoke for an hour, and the vote was put off.",
        "The council met on Monday, and the vote was put off.",
        "The council met on Monday, the mayor spoke for an hour.",
    }


def test_a_quoted_last_clause_leaves_its_mark_and_closing_quote(bench: ModuleType) -> None:
    drops = _every_drop(
        bench, 'She told the crowd that the road would open, "but not before spring."'
    )
    assert 'She told the crowd that the road would open."' in drops
    assert all(d is None or d.endswith('."') for d in drops)


def test_a_copy_that_loses_only_punctuation_is_no_drop(bench: ModuleType) -> None:
    # one clause: nothing to drop
    assert _every_drop(bench, "The bridge was closed for repairs.") == {None}
    # ". . ." counts three "words" for the cutter, so it is a clause of its own; leaving it out
    # takes no word of the sentence, which is no omission
    english = "We waited there for hours, . . . , and then the last bus came."
    drops = _every_drop(bench, english)
    assert None in drops
    assert "We waited there for hours, and then the last bus came." not in drops
    assert all(bench._word_chars(d) != bench._word_chars(english) for d in drops - {None})
