"""``benchmarks/real_cases_eval.py``: the top third of an outlet's flags by salience, the order
every view lists them in."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/real_cases_eval.py", "real_cases_eval_under_test")


def test_the_top_third_is_rounded_up_and_read_by_salience(bench: ModuleType) -> None:
    o = bench.Outlet()
    # seven flags: the third rounded up is three, the three most salient
    o.ranked = [(0.2, True), (0.9, False), (0.35, True), (0.8, True), (0.7, False),
                (0.1, True), (0.5, False)]  # fmt: skip
    assert o.top_third() == (1, 3)  # 0.9, 0.8 (key), 0.7


def test_an_outlet_without_flags_has_an_empty_top_third(bench: ModuleType) -> None:
    assert bench.Outlet().top_third() == (0, 0)


def test_one_flag_is_its_own_top_third(bench: ModuleType) -> None:
    o = bench.Outlet()
    o.ranked = [(0.3, True)]
    assert o.top_third() == (1, 1)
