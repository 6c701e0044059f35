"""The benchmark's "hedge removed (source hedged)": a hedge is removed only where the source
carries one of the removed word's class, so that the removal makes the pair less faithful."""

from __future__ import annotations

import random
from types import ModuleType

import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/faithfulness_bench.py", "faithfulness_bench_hedges")


def _line(bench: ModuleType, en: str, **src: str) -> object:
    return bench.Line("test", 0, "doc", en, {"kk": "", "ky": "", "ru": "", **src})


@pytest.mark.parametrize(
    ("lang", "source"),
    [
        ("kk", "Жиналыс ертең кейінге қалдырылуы мүмкін."),
        ("ky", "Жыйын эртең кийинкиге калтырылышы мүмкүн."),
        ("ru", "Собрание, вероятно, перенесут на завтра."),
    ],
)
def test_a_hedge_the_source_carries_is_removed(bench: ModuleType, lang: str, source: str) -> None:
    line = _line(bench, "The meeting will probably be postponed until tomorrow.", **{lang: source})
    out = bench.remove_source_hedged(line, lang, random.Random(1), bench.Pools((), ()))
    assert out == "The meeting will be postponed until tomorrow."


@pytest.mark.parametrize(
    ("lang", "source"),
    [
        # the translator left the hedge out: removing the English one makes the pair faithful
        ("kk", "Жиналыс ертең кейінге қалдырылады."),
        ("ky", "Жыйын эртең кийинкиге калтырылат."),
        # a hedge of another class (a report) is no "probably"
        ("ru", "Как сообщается, собрание перенесут на завтра."),
    ],
)
def test_no_removal_where_the_source_has_no_hedge_of_the_class(
    bench: ModuleType, lang: str, source: str
) -> None:
    line = _line(bench, "The meeting will probably be postponed until tomorrow.", **{lang: source})
    assert bench.remove_source_hedged(line, lang, random.Random(1), bench.Pools((), ())) is None
    # the plain row removes it anyway
    assert bench.remove_hedge(line, lang, random.Random(1), bench.Pools((), ())) is not None


def test_the_judge_shares_no_code_with_the_detector(bench: ModuleType) -> None:
    from workbench.faithfulness import markers

    judge = {rx.pattern for table in bench._SOURCE_HEDGE_JUDGE.values() for rx in table.values()}
    detector = {rx.pattern for table in markers._DROPPED_HEDGES.values() for rx in table.values()}
    assert not judge & detector
    assert set(bench._HEDGE_CLASS) >= {w.lower() for w in ("possibly", "reportedly", "so-called")}
