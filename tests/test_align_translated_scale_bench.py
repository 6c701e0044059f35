"""``benchmarks/align_translated_scale.py`` and ``benchmarks/align_translated_study.py``: the
false-link cases, where the translated path's rate crosses the cross-lingual one, the study's
passes against ``align()``, and one clear sentence for bad input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from tests.align.conftest import STRICT, CountingEmbedder
from tests.scripts import load_script, refusal
from workbench.align import CachingEmbedder, align
from workbench.types import ReportRef, StatementRef


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/align_translated_scale.py", "align_translated_scale_under_test")


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/align_translated_study.py", "align_translated_study_under_test")


def test_a_document_gives_even_against_odd_lines_and_back(bench: ModuleType) -> None:
    assert bench.negative_cases([10, 11, 12, 13, 14]) == [
        ([10, 12, 14], [11, 13]),
        ([11, 13], [10, 12, 14]),
    ]


def test_the_scale_is_read_where_the_rates_cross(bench: ModuleType) -> None:
    rates = [(1.0, 46.79), (1.005, 34.69), (1.0075, 29.54)]
    assert bench.crossing(rates, 34.24) == "translated_scale 1.0052"
    assert bench.crossing(rates, 50.0).endswith("(the smallest scale tried is enough)")
    assert bench.crossing(rates, 10.0).startswith("none of --scales")


def test_every_link_of_a_negative_case_is_counted(bench: ModuleType) -> None:
    english = ["alpha beta gamma delta", "alpha beta gamma epsilon", "zeta eta theta iota"]
    source = ["xi omicron pi rho", "sigma tau upsilon phi", "chi psi omega nu"]
    embedder = CachingEmbedder(CountingEmbedder())
    params = replace(STRICT, units="sentence", floor=0.5)
    made, total = bench.false_links([([0], [1, 2])], source, english, embedder, params, None, True)
    assert (made, total) == (1, 2)  # the translation of line 0 reads like report line 1
    made, total = bench.false_links([([0], [1, 2])], source, english, embedder, params, None, False)
    assert (made, total) == (0, 2)  # its original shares no word with either


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--scales", "1,x"], "--scales takes numbers separated by commas"),
        (["--scales", "0.9"], "--scales takes values from 1"),
        (["--langs", "de"], "--langs takes some of kk, ky, ru"),
        (["--docs", "-1"], "--docs takes 0 (every document) or more"),
        (["--data", "{empty}"], "no NTREX-128 under"),
    ],
)
def test_bad_input_to_the_scale_bench_is_one_sentence(
    bench: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    argv = [a.replace("{empty}", str(tmp_path)) for a in argv]
    assert says in refusal(lambda: bench.parse_args(argv), capsys)


def test_the_study_names_the_pass_of_every_link_align_makes(study: ModuleType) -> None:
    statements = [
        StatementRef(0, "xi omicron pi rho", "alpha beta gamma delta"),
        StatementRef(1, "sigma tau upsilon phi", "lambda mu nu kappa"),
    ]
    reports = [
        ReportRef(0, "alpha beta gamma delta epsilon", "a"),
        ReportRef(1, "lambda mu nu kappa, zeta eta theta iota omega", "a"),
    ]
    embedder = CachingEmbedder(CountingEmbedder())
    got = study.passes(statements, reports, embedder, STRICT, None)
    made = align(statements, reports, embedder, params=STRICT)
    assert set(got) == {(a.statement.index, r.index) for a in made.alignments for r in a.reports}
    assert set(got.values()) <= {"sentence", "clause:original", "clause:translation", "echo"}


def test_the_curve_counts_right_links_before_each_budget_of_wrong_ones(study: ModuleType) -> None:
    best = [(1.05, True), (1.04, False), (1.03, True), (1.02, False), (1.01, True)]
    assert study.curve(best, (0, 1, 2)) == [1, 2, 3]
    assert study.curve([], (10,)) == [0]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--cases", "{empty}"], "no case with a reference.toml under"),
        (["--cases", "{empty}", "--set", "nothing=1"], "--set takes NAME=VALUE of an aligner"),
        (["--cases", "{empty}", "--set", "threshold"], "--set takes NAME=VALUE of an aligner"),
    ],
)
def test_bad_input_to_the_study_is_one_sentence(
    study: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    argv = [a.replace("{empty}", str(tmp_path)) for a in argv]
    assert says in refusal(lambda: study.main(argv), capsys)
