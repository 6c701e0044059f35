"""The benchmark's "negation: not removed": the English left after the removal is a sentence a
translation could write ("can't" -> "can", "won't" -> "will"), not a clipped stem ("ca", "wo")."""

from __future__ import annotations

import random
from types import ModuleType

import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/faithfulness_bench.py", "faithfulness_bench_negation")


def _line(bench: ModuleType, en: str) -> object:
    return bench.Line("test", 0, "doc", en, {"kk": "", "ky": "", "ru": ""})


@pytest.mark.parametrize(
    ("english", "expected"),
    [
        ("The ferry can't leave before noon.", "The ferry can leave before noon."),
        ("Won't the council meet on Friday?", "Will the council meet on Friday?"),
        ("The road won't reopen this week.", "The road will reopen this week."),
        ("We shan't wait for the results.", "We shall wait for the results."),
        ("The shop doesn't open on Sundays.", "The shop does open on Sundays."),
        ("The bridge is not finished yet.", "The bridge is finished yet."),
    ],
)
def test_removing_not_leaves_a_positive_auxiliary(
    bench: ModuleType, english: str, expected: str
) -> None:
    out = bench.remove_not(_line(bench, english), "kk", random.Random(1), bench.Pools((), ()))
    assert out == expected


def test_a_line_without_a_negation_gives_no_copy(bench: ModuleType) -> None:
    line = _line(bench, "The ferry leaves before noon.")
    assert bench.remove_not(line, "ru", random.Random(1), bench.Pools((), ())) is None
