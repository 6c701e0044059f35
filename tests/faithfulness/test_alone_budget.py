"""The benchmark's calibration: which kinds flag alone within the false-flag budget."""

from __future__ import annotations

import math
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import assert_refused_before_reading, load_script
from workbench.faithfulness.base import load_calibration


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/faithfulness_bench.py", "faithfulness_bench_under_test")


def _refs(fired: dict[str, list[int]], n: int = 100) -> list[set[str]]:
    kinds: list[set[str]] = [set() for _ in range(n)]
    for kind, rows in fired.items():
        for row in rows:
            kinds[row].add(kind)
    return kinds


def _rates(kinds: list[set[str]]) -> dict[str, float]:
    names = {k for ks in kinds for k in ks}
    return {k: sum(k in ks for ks in kinds) / len(kinds) for k in names}


def test_kinds_enter_in_priority_order_until_the_budget_is_spent(bench: ModuleType) -> None:
    # figures 2 refs, labels 1 more, names 2 more, negation 3; the span kinds may take 91 % of
    # the budget less the 0.5 % the coverage models keep at least: 4.05 refs at a 5 % budget
    kinds = _refs({"number": [0, 1], "label": [1, 2], "name": [3, 4], "negation": [5, 6, 7]})
    assert bench.span_share(0.05) == pytest.approx(0.0405)
    assert bench.span_share(0.05, bench.SPAN_ROOM_TAILS) == bench.span_share(0.05)
    assert bench.span_alone_kinds(kinds, _rates(kinds), 0.05) == ("number", "label")
    # a larger budget admits names; negation comes last in the order
    assert bench.span_alone_kinds(kinds, _rates(kinds), 0.08) == ("number", "label", "name")
    # at a 3 % budget only figures fit (2.23 refs)
    assert bench.span_alone_kinds(kinds, _rates(kinds), 0.03) == ("number",)


def test_a_kind_firing_on_more_than_the_alone_rate_never_flags_alone(bench: ModuleType) -> None:
    kinds = _refs({"hedge": [0, 1, 2, 3, 4]})  # 5 % of references
    assert bench.span_alone_kinds(kinds, _rates(kinds), 0.5) == ()
    # overlapping kinds cost the budget once
    kinds = _refs({"number": [0, 1], "label": [0, 1], "modality": [0, 1]})
    assert bench.span_alone_kinds(kinds, _rates(kinds), 0.05) == ("number", "label", "modality")


def test_the_share_of_a_kind_is_its_largest_over_the_parts(bench: ModuleType) -> None:
    # names fire on 1 % of the part their rule was written on and on 4 % of another part:
    # the other part decides, so names do not flag alone at a budget that holds 3.55 %
    written_on = _refs({"number": [0], "name": [1]})
    unread = _refs({"number": [0], "name": [1, 2, 3, 4]})
    assert bench.span_alone_kinds(written_on, _rates(written_on), 0.05) == ("number", "name")
    rates = bench.honest_rates([written_on, unread], ["number", "name"])
    assert rates["name"] == pytest.approx(4.5 / 101, abs=1e-5)
    assert rates["number"] == pytest.approx(1.5 / 101, abs=1e-5)
    assert bench.span_alone_kinds(written_on, rates, 0.05, [unread]) == ("number",)
    assert bench.alone_share([written_on, unread], {"name"}) == pytest.approx(0.04)
    assert bench.alone_share([written_on, []], {"name"}) == pytest.approx(0.01)


def _line(bench: ModuleType, corpus: str, index: int, doc: str) -> object:
    return bench.Line(corpus, index, doc, f"English {index}.", {"kk": "", "ky": "", "ru": ""})


def test_the_measurement_half_splits_into_dev_and_final_by_whole_documents(
    bench: ModuleType,
) -> None:
    # an NTREX document straddling the cut (first line before 1497) stays whole in dev
    meas = [_line(bench, "flores", i, f"flores-{i // 30}") for i in range(498, 997)]
    meas += [_line(bench, "ntrex", i, "a") for i in range(998, 1400)]
    meas += [_line(bench, "ntrex", i, "b") for i in range(1400, 1600)]
    meas += [_line(bench, "ntrex", i, "c") for i in range(1600, 1997)]
    dev, final = bench.split_measurement(meas)
    assert len(dev) + len(final) == len(meas)
    assert {ln.doc for ln in dev}.isdisjoint({ln.doc for ln in final})
    assert {ln.doc for ln in dev if ln.corpus == "ntrex"} == {"a", "b"}
    assert {ln.doc for ln in final if ln.corpus == "ntrex"} == {"c"}
    # FLORES's 30-line groups: the group holding line index 746 starts at 720 and stays in dev
    assert max(ln.index for ln in dev if ln.corpus == "flores") == 749
    assert min(ln.index for ln in final if ln.corpus == "flores") == 750
    assert bench.line_ranges(final) == "FLORES-200 dev lines 751-997 + NTREX-128 lines 1601-1997"


def test_the_evidence_limit_leaves_the_budget_less_what_flags_alone(bench: ModuleType) -> None:
    import numpy as np

    from workbench.faithfulness.base import LanguageCalibration
    from workbench.faithfulness.core import evidence

    # 100 references: figures alone on 2; hedges (not alone) of rising evidence on 10 others
    kinds: list[set[str]] = [set() for _ in range(100)]
    kinds[0].add("number")
    kinds[1].add("number")
    risks = np.zeros(100)
    for i in range(10):
        kinds[10 + i].add("hedge_weak")
        risks[10 + i] = 0.1 * i  # more coverage risk, more evidence
    cal = LanguageCalibration(
        kind_rates={"number": 0.01, "hedge_weak": 0.05},
        risk_points=((0.0, 0.5), (1.0, 0.01)),
    )
    ev = sorted((evidence(k, r, cal) for k, r in zip(kinds[2:], risks[2:], strict=True)),
                reverse=True)  # fmt: skip
    # on this part the figures take 2 %: the 4 % budget leaves 2 references to added-up evidence
    limit, flagged, room = bench._evidence_limit(kinds, risks, cal, {"number"}, 0.02, 0.04)
    assert (flagged, room) == (pytest.approx(0.02), pytest.approx(0.02))
    assert ev[2] < limit <= ev[1]
    # figures fire on 3.5 % of the part their rule was not written on: 0.5 % is left, 0 refs
    limit, flagged, room = bench._evidence_limit(kinds, risks, cal, {"number"}, 0.035, 0.04)
    assert (flagged, room) == (pytest.approx(0.035), 0.0)
    assert limit > ev[0]


def test_left_out_kinds_say_the_rate_they_would_need(bench: ModuleType) -> None:
    kinds = _refs({"number": [0], "name": [1, 2, 3, 4]})
    rates = _rates(kinds)
    chosen = bench.span_alone_kinds(kinds, rates, 0.04)
    assert chosen == ("number",)
    lines = bench.left_out([kinds], rates, chosen, 0.04)
    name = next(line for line in lines if ": name " in line)
    # 3.14 % of the budget for span kinds, 1 % taken by figures: names would fit at 2.14 %
    assert "4.00 %" in name and "2.14 %" in name


def test_hedges_names_and_negation_enter_cheapest_first(bench: ModuleType) -> None:
    # names fire on 2 refs, negation on 1: negation goes first and leaves no room for names
    kinds = _refs({"number": [0], "name": [1, 2], "negation": [3]})
    assert bench.alone_order(_rates(kinds))[-3:] == ["negation", "name", "hedge"]
    assert bench.span_alone_kinds(kinds, _rates(kinds), 0.04) == ("number", "negation")
    # the facts the issue names first keep their place whatever their rate
    assert bench.alone_order({"number": 0.02, "negation": 0.001})[:6] == [
        "untranslated", "wrong_language", "repetition", "number", "label", "modality",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--calibrate", "--langs", "kk"], "whole calibration file"),
        (["--calibrate", "--no-embedder"], "drop --no-embedder"),
        (["--n-cal", "-1"], "0 or more"),
        (["--budget", "1.5"], "between 0 and 1"),
        (["--data", "/nonexistent/data"], "is not a folder"),
    ],
)
def test_calibration_arguments_that_would_lose_or_break_it_are_refused(
    bench: ModuleType, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:  # fmt: skip
    # should a check break, fail at once instead of calibrating for minutes and rewriting the
    # committed calibration file with what the refused arguments give
    monkeypatch.setattr(bench, "CALIBRATION_FILE", tmp_path / "calibration.toml")
    assert_refused_before_reading(bench, args, message, monkeypatch, capsys)


def test_with_recall_values_the_kind_that_buys_most_per_false_flag_goes_first(
    bench: ModuleType,
) -> None:
    # hedges find two corruption rows (1.4) at 1 %, names 0.45 at 0.5 %: hedges first
    rates = {"hedge": 0.010, "name": 0.005, "negation": 0.006}
    values = {"hedge": 1.4, "name": 0.45, "negation": 0.74}
    assert bench.alone_order(rates, values)[-3:] == ["hedge", "negation", "name"]
    assert bench.alone_order(rates)[-3:] == ["name", "negation", "hedge"]
    kinds = _refs({"hedge": [0, 1], "name": [2], "negation": [3]})
    assert bench.span_alone_kinds(kinds, _rates(kinds), 0.035, values={"hedge": 1.4, "name": 0.45,
                                  "negation": 0.2}) == ("hedge",)  # fmt: skip
    # a part where a hedge pair doesn't find anything: the value is 0 and hedges go last
    assert bench.alone_order(rates, {"name": 0.45, "negation": 0.74})[-1] == "hedge"


def _bursty_and_spread() -> tuple[list[set[str]], list[str]]:
    """40 documents of 20 lines: names fire on 8 lines of ONE document, hedges on one line of
    each of 8 documents (both 1 % of the lines)."""
    kinds: list[set[str]] = [set() for _ in range(800)]
    docs = [f"doc{i // 20}" for i in range(800)]
    for i in range(8):
        kinds[i].add("name")  # document 0
        kinds[20 * (i + 1)].add("hedge")  # documents 1..8
    return kinds, docs


def test_a_kind_that_fires_in_one_document_costs_more_than_one_spread_over_many(
    bench: ModuleType,
) -> None:
    kinds, docs = _bursty_and_spread()
    draws = bench.DocDraws([docs[:400], docs[400:]])
    parts = [kinds[:400], kinds[400:]]
    # line by line both fire on 1 % (2 % on the part that holds them)
    assert bench.alone_share(parts, {"name"}) == bench.alone_share(parts, {"hedge"})
    # on parts of 750 lines drawn by document, a part nobody read meets the bursty kind's
    # document twice as often as its average: its share at the 90th percentile is larger
    bursty, spread = (
        bench.alone_share(parts, {"name"}, draws),
        bench.alone_share(parts, {"hedge"}, draws),
    )
    assert bursty > spread > 0.01
    rates = bench.honest_rates(parts, ["name", "hedge", "label"], draws)
    assert rates["name"] > rates["hedge"] > 0.01
    assert 0 < rates["label"] < 0.002  # never seen: half a line of a part, not zero
    # a budget that holds the spread kind leaves the bursty one out; one that holds the
    # bursty kind's share takes it first when it buys more per false flag
    two = {k: rates[k] for k in ("name", "hedge")}
    budget = (spread + bench.MIN_TAIL_PART * 0.025 + 0.001) / bench.ALONE_SHARE
    values = {"hedge": 1.0, "name": 1.0}
    assert bench.span_alone_kinds(parts[0], two, budget, parts[1:], values, draws) == ("hedge",)
    budget = (bursty + bench.MIN_TAIL_PART * 0.025 + 0.001) / bench.ALONE_SHARE
    values = {"hedge": 0.1, "name": 1.0}
    assert bench.span_alone_kinds(parts[0], two, budget, parts[1:], values, draws) == ("name",)


def test_the_document_interval_is_wider_for_flags_that_come_in_bursts(bench: ModuleType) -> None:
    kinds, docs = _bursty_and_spread()
    lo_b, hi_b = bench.document_interval(["name" in k for k in kinds], docs)
    lo_s, hi_s = bench.document_interval(["hedge" in k for k in kinds], docs)
    assert lo_b == 0.0 and lo_s > 0.0
    assert hi_b - lo_b > hi_s - lo_s
    assert lo_s < 0.01 < hi_s
    assert all(map(math.isnan, bench.document_interval([], [])))


def test_an_excluded_claim_kind_never_flags_alone_and_leaves_its_room(bench: ModuleType) -> None:
    # names fit the budget here (3.6 refs: figures 1, names 1), but not in another language:
    # calibrate excludes them, and the room they leave goes to negation (2 refs)
    kinds = _refs({"number": [0], "name": [1], "negation": [2, 3]})
    rates = _rates(kinds)
    assert bench.span_alone_kinds(kinds, rates, 0.045) == ("number", "name")
    assert bench.span_alone_kinds(kinds, rates, 0.045, exclude=frozenset({"name"})) == (
        "number",
        "negation",
    )


def test_kinds_that_never_flag_alone_say_why_and_stay_out_of_the_committed_calibration(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    committed = load_calibration()
    for lang, cal in committed.languages.items():
        assert not set(cal.alone_kinds) & bench.NEVER_ALONE, lang
    # the mechanism, whatever the set holds now (empty since session 18: the name model)
    never = frozenset({"name"})
    monkeypatch.setattr(bench, "NEVER_ALONE", never)
    kinds = _refs({"number": [0], "name": [1]})
    rates = _rates(kinds)
    # names fire on one reference in 100: they would fit, but they never flag alone
    chosen = bench.span_alone_kinds(kinds, rates, 0.04, exclude=never)
    assert "name" in bench.span_alone_kinds(kinds, rates, 0.04)
    assert "name" not in chosen
    lines = bench.left_out([kinds], rates, chosen, 0.04, exclude=never)
    assert "never flags alone" in next(line for line in lines if ": name " in line)
