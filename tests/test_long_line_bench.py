"""``benchmarks/long_line_bench.py``: the line shapes it builds and the arguments it refuses."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.scripts import load_script, refusal


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/long_line_bench.py", "long_line_bench_under_test")


@pytest.mark.parametrize("shape", ["ones", "spaces", "names", "said"])
@pytest.mark.parametrize("cyrillic", [False, True])
def test_lines_have_the_asked_length_and_shape(
    bench: ModuleType, shape: str, cyrillic: bool
) -> None:
    text = bench.line(shape, 300, cyrillic)
    assert 300 <= len(text) <= 310
    if shape == "names":
        words = text.split()
        assert len(set(words)) == len(words) and all(w[0].isupper() for w in words)


def test_a_short_run_times_every_check(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--short", "20", "--long", "40", "--shapes", "ones"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "1 shapes x" in last and "20 -> 40 characters" in last


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--shapes", "ones,nonsense"], "unknown shape 'nonsense'"),
        (["--short", "500", "--long", "500"], "short < long"),
        (["--timeout", "0"], "1 second or more"),
        (["--src", "en"], "use kk, ky or ru"),
    ],
)
def test_bad_arguments_are_refused_in_one_sentence(
    bench: ModuleType, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in refusal(lambda: bench.main(args), capsys)


@pytest.mark.parametrize(("second_long", "flagged"), [(0.002, False), (0.5, True)])
def test_a_growth_is_flagged_only_when_fresh_texts_confirm_it(
    bench: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    second_long: float,
    flagged: bool,
) -> None:
    """A long call that once waited (a shared CPU) is timed again on fresh texts; a check slow
    on every long line stays flagged."""
    seconds = iter([0.001, 0.5, 0.001, second_long])  # short, long, then on fresh texts
    monkeypatch.setattr(bench, "checks", lambda src: {"fake": lambda en, cy: None})
    monkeypatch.setattr(bench, "_timed", lambda call, timeout: next(seconds))
    assert bench.main(["--shapes", "ones", "--min-seconds", "0.2"]) == 0
    out = capsys.readouterr().out
    assert ("QUADRATIC" in out) == flagged
    assert out.strip().splitlines()[-1].startswith("1 check(s)" if flagged else "0 check(s)")
