"""The browser tests' waits: one factor, set in one place, stretches every one of them.

Under parallel load a browser test ran out of a fixed 30 s wait (session 15's brief); every wait
in ``tests/browser`` is now a wait on an idle machine scaled by ``browser_harness.SLOWDOWN``.
These tests need no browser.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import browser_harness as harness
from tests.browser.browser_harness import SLOWDOWN_ENV, Waits, slowdown_factor

BROWSER_TESTS = Path(__file__).parent / "browser"
#: Harness functions whose ``timeout`` is in seconds on an idle machine and scaled inside.
SCALED_INSIDE = {"table_cells", "wait_uploaded", "start_server"}


def _load(value: float) -> tuple[float, float, float]:
    return (value, 0.0, 0.0)


@pytest.mark.parametrize(
    ("load", "cpus", "factor"),
    [
        (0.3, 2, 1.0),  # an idle machine waits as written
        (2.0, 2, 1.0),  # every core busy, nobody queued
        (9.0, 2, 4.5),  # hyg14b's evaluate run: load 9 on 2 cores
        (40.0, 2, 8.0),  # at most MAX_LOAD_SLOWDOWN
        (3.0, None, 3.0),  # os.cpu_count() may not know: one core
    ],
)
def test_the_factor_follows_the_load_per_core_when_the_variable_is_unset(
    load: float, cpus: int | None, factor: float
) -> None:
    assert slowdown_factor({}, lambda: _load(load), lambda: cpus) == factor
    assert slowdown_factor({SLOWDOWN_ENV: "  "}, lambda: _load(load), lambda: cpus) == factor


@pytest.mark.parametrize(("raw", "factor"), [("1", 1.0), ("2.5", 2.5), (" 12 ", 12.0)])
def test_the_variable_when_set_is_the_factor_whatever_the_load(raw: str, factor: float) -> None:
    assert slowdown_factor({SLOWDOWN_ENV: raw}, lambda: _load(30.0), lambda: 2) == factor


@pytest.mark.parametrize("raw", ["fast", "0", "-2", "nan", "inf", "2x"])
def test_a_variable_that_is_not_a_factor_is_named_with_what_to_give(raw: str) -> None:
    with pytest.raises(ValueError, match=rf"{SLOWDOWN_ENV}=.* is not a factor: give a number"):
        slowdown_factor({SLOWDOWN_ENV: raw}, lambda: _load(0.0), lambda: 2)


def test_a_bad_variable_stops_the_browser_tests_before_any_runs() -> None:
    env = {**os.environ, SLOWDOWN_ENV: "fast"}
    done = subprocess.run(
        [sys.executable, "-c", "import browser_harness"],
        cwd=BROWSER_TESTS,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert f"{SLOWDOWN_ENV}='fast' is not a factor" in done.stderr


def test_waits_are_scaled_by_the_one_factor() -> None:
    assert harness.wait_s(10) == harness.WAITS.scale(10)
    assert harness.wait_ms(30) == harness.WAITS.scale(30) * 1000
    assert harness.slowdown() == harness.WAITS.factor


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_load_is_read_at_the_first_wait_not_when_the_harness_is_made() -> None:
    """review15 B2: the factor was read at collection, an hour before CI's browser tests."""
    load = [0.5]
    waits = Waits({}, lambda: _load(load[0]), lambda: 2, _Clock())
    assert waits.factor is None
    load[0] = 8.0  # the machine got busy between collection and the first browser test
    assert waits.scale(30) == 120.0
    load[0] = 0.5  # read once: later waits keep the factor the run started with
    assert waits.scale(30) == 120.0 and waits.factor == 4.0


def test_a_failing_run_at_the_highest_factor_costs_at_most_the_budget_more() -> None:
    """review15 B1: with the server broken every test runs out of its first wait; at 8x that
    cost hours. Each wait here runs out (the clock moves by the whole wait): the stretched run
    lasts at most the budget longer than the same run with no wait stretched."""
    clock = _Clock()
    waits = Waits({}, lambda: _load(40.0), lambda: 2, clock, budget_s=1800)
    idle = [180, 30, 30, 420, 120, 60, 90] * 10  # the first waits of the browser tests, x10
    start = clock.now
    for seconds in idle:
        clock.now += waits.scale(seconds)
    assert waits.factor == 8.0
    assert clock.now - start <= sum(idle) + 1800
    assert waits.scale(30) == 30  # once the budget is spent a wait is as on an idle machine
    fresh = Waits({}, lambda: _load(40.0), lambda: 2, _Clock(), budget_s=1800)
    assert fresh.scale(180) == 180 * 8  # inside the budget the factor applies whole
    partly = Waits({}, lambda: _load(40.0), lambda: 2, clock, budget_s=1800)
    partly.read()
    clock.now += 1700
    assert partly.scale(30) == 30 + 100  # near its end the stretch is what is left


def test_a_factor_given_in_the_variable_has_no_budget() -> None:
    clock = _Clock()
    waits = Waits({SLOWDOWN_ENV: "8"}, lambda: _load(0.0), lambda: 2, clock, budget_s=1800)
    waits.read()
    clock.now += 10_000
    assert waits.scale(30) == 240.0


def _collect_header(env: dict[str, str]) -> str:
    """What ``pytest --collect-only`` of one browser test prints with ``env``."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-p", "no:cacheprovider",
         str(BROWSER_TESTS / "test_browser_tabs.py")],
        cwd=BROWSER_TESTS.parents[1], env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_run_says_its_factor_in_the_header() -> None:
    given = _collect_header({**os.environ, SLOWDOWN_ENV: "2.5"})
    assert f"browser waits x2.50 ({SLOWDOWN_ENV} set)" in given
    unset = _collect_header({k: v for k, v in os.environ.items() if k != SLOWDOWN_ENV})
    assert "browser waits x the load per core when the first browser test starts" in unset


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _unscaled_waits(path: Path) -> list[str]:
    """Every wait in ``path`` given as a bare number (``timeout=30_000``,
    ``wait_for_timeout(300)``, ``set_default_timeout(30_000)``), as ``file:line``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        values = [k.value for k in node.keywords if k.arg == "timeout"]
        if _callee(node) in SCALED_INSIDE:
            values = []
        if _callee(node) in {"wait_for_timeout", "set_default_timeout"}:
            values += node.args
        found += [
            f"{path.name}:{v.lineno}"
            for v in values
            if any(isinstance(n, ast.Constant) for n in ast.walk(v))
            and not (isinstance(v, ast.Call) and _callee(v) in {"wait_s", "wait_ms"})
        ]
    return sorted(found, key=lambda hit: int(hit.rsplit(":", 1)[1]))


def test_no_wait_in_the_browser_tests_is_a_bare_number() -> None:
    files = sorted(BROWSER_TESTS.glob("*.py"))
    assert {"conftest.py", "browser_harness.py", "test_browser_translate.py"} <= {
        f.name for f in files
    }
    assert [hit for f in files for hit in _unscaled_waits(f)] == []


def test_the_scan_finds_a_bare_wait(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "page.locator('#x').wait_for(timeout=30_000)\n"
        "page.wait_for_timeout(300)\n"
        "pg.set_default_timeout(30_000)\n"
        "page.wait_for_function('() => 1', timeout=10 * 1000)\n"
        "page.locator('#x').wait_for(timeout=wait_ms(30))\n"
        "page.wait_for_timeout(TOAST_GONE_MS)\n"
        "table_cells(page, 't', rows=3, timeout=420)\n",
        encoding="utf-8",
    )
    assert _unscaled_waits(sample) == [f"test_sample.py:{n}" for n in (1, 2, 3, 4)]
