"""The budget study: which evidence key a flag needs, so that what each kind costs on faithful
references and buys on its corruptions can be read apart."""

from __future__ import annotations

import math
from dataclasses import replace
from types import ModuleType

import pytest

from tests.scripts import assert_refused_before_reading, load_script
from workbench.faithfulness.base import CoverageModel, LanguageCalibration
from workbench.types import FaithIssue


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/budget_study.py", "budget_study_under_test")


#: An invented calibration: a hedge flags alone; weak names and weak negation fire on 3 % of
#: references each (1.52 each in evidence), so the two together pass the limit of 3.0 and either
#: one does not; the coverage risk at 1.0 is a 1 % tail (2.0 in evidence).
CAL = LanguageCalibration(
    kind_rates={"hedge": 0.005, "name_weak": 0.03, "negation_weak": 0.03},
    risk_points=((0.0, 1.0), (0.5, 0.1), (1.0, 0.01)),
    evidence_limit=3.0,
    alone_kinds=("hedge", "omission"),
)


def test_a_kind_that_flags_alone_is_what_the_flag_needs(study: ModuleType) -> None:
    row = study.what_flags({"hedge"}, 0.0, 0.0, CAL)
    assert row["flagged"]
    assert row["hedge"]
    assert not row["risk"] and not row["length"]
    assert not row[study.ADDS_UP]


def test_two_weak_kinds_that_add_up_each_need_the_other(study: ModuleType) -> None:
    row = study.what_flags({"name_weak", "negation_weak"}, 0.0, 0.0, CAL)
    assert row["flagged"]
    assert row["name_weak"] and row["negation_weak"]
    assert row[study.ADDS_UP]
    assert not study.what_flags({"name_weak"}, 0.0, 0.0, CAL)["flagged"]


def test_the_length_term_decides_only_when_the_rest_of_the_risk_would_not_flag(
    study: ModuleType,
) -> None:
    # weak names (1.52) and a risk at the 1 % tail (2.0) pass 3.0; without the length term the
    # risk is typical and the names alone do not
    by_length = study.what_flags({"name_weak", "length"}, 1.0, 0.0, CAL)
    assert by_length["flagged"] and by_length["length"] and by_length["risk"]
    by_gap = study.what_flags({"name_weak", "length"}, 1.0, 1.0, CAL)
    assert by_gap["flagged"] and not by_gap["length"] and by_gap["risk"]


def test_a_pair_with_two_kinds_that_each_flag_alone_needs_neither(study: ModuleType) -> None:
    row = study.what_flags({"hedge", "omission"}, 1.0, 1.0, CAL)
    assert row["flagged"]
    assert not row["hedge"] and not row["omission"]


def test_a_pair_nothing_flags_needs_nothing(study: ModuleType) -> None:
    row = study.what_flags({"name_weak"}, 0.2, 0.2, CAL)
    assert not row["flagged"]
    assert not any(v for k, v in row.items())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "final"], "invalid choice: 'final'"),
        (["--on", "measurement"], "invalid choice: 'measurement'"),
        ([], "the following arguments are required: --on"),
        (["--on", "dev", "--langs", "kk,xx"], "--langs takes kk, ky and ru; not xx"),
        (["--on", "dev", "--n", "0"], "--n must be 1 or more"),
        (["--on", "dev", "--data", "/nonexistent/folder"], "is not a folder"),
    ],
)
def test_bad_arguments_are_refused_before_any_data_is_read(
    study: ModuleType, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert_refused_before_reading(study, args, message, monkeypatch, capsys)


# ── stricter levels and sides (session 10) ─────────────────────────────────────────────────


def test_level_zero_is_the_committed_operating_point(study: ModuleType) -> None:
    for keys in ({"hedge"}, {"name_weak"}, {"name_weak", "negation_weak"}, set()):
        committed = study.what_flags(keys, 0.0, 0.0, CAL)["flagged"]
        assert study.flag_at(keys, 0.0, CAL, "hedge", 0.0) == committed


def test_a_stricter_level_asks_the_kind_for_company(study: ModuleType) -> None:
    # a hedge with nothing beside it flags at level 0 and not at 0.3; beside a weak name (1.52
    # of other evidence; the two add up to 3.82, under a limit of 5) it still flags at 1.0 and
    # not at 1.6
    assert not study.flag_at({"hedge"}, 0.0, CAL, "hedge", 0.3)
    high = replace(CAL, evidence_limit=5.0)
    assert study.flag_at({"hedge", "name_weak"}, 0.0, high, "hedge", 1.0)
    assert not study.flag_at({"hedge", "name_weak"}, 0.0, high, "hedge", 1.6)


def test_an_infinite_level_leaves_the_kind_evidence_that_adds_up(study: ModuleType) -> None:
    assert not study.flag_at({"hedge"}, 0.0, CAL, "hedge", math.inf)
    # the hedge's 2.30 (its rate 0.005) and a risk at the 1 % tail (2.0) still pass the limit of 3.0 together
    assert study.flag_at({"hedge"}, 1.0, CAL, "hedge", math.inf)


def test_a_level_leaves_the_other_kinds_that_flag_alone_alone(study: ModuleType) -> None:
    assert study.flag_at({"omission"}, 0.0, CAL, "hedge", math.inf)


def _issue(kind: str, src: tuple[int, int] | None, en: tuple[int, int] | None) -> FaithIssue:
    return FaithIssue(kind, "", "", src, en, "invented", 1.0)


def test_an_issue_with_no_english_span_stands_on_the_source_side(study: ModuleType) -> None:
    dropped = _issue("hedge", (0, 5), None)  # «возможно» with no English word
    added = _issue("hedge", None, (3, 12))  # "allegedly" the source lacks
    both = _issue("negation", (0, 2), (4, 7))
    assert [study.side_of(i) for i in (dropped, added, both)] == ["src", "en", "en"]


def test_demoting_one_side_keeps_the_other_sides_certain_fire(study: ModuleType) -> None:
    dropped = _issue("hedge", (0, 5), None)
    added = _issue("hedge", None, (3, 12))
    assert study.demoted_keys([dropped, added], "hedge", "src") == {"hedge"}
    assert study.demoted_keys([dropped], "hedge", "src") == {"hedge_weak"}
    assert study.demoted_keys([dropped], "hedge", "en") == {"hedge"}
    # another kind on the demoted side is not touched
    assert study.demoted_keys([_issue("number", (0, 2), None)], "hedge", "src") == {"number"}


def _pair(study: ModuleType, name: str, logit: float) -> object:
    return study.Pair(name, frozenset(), (), 0.0, 0.0, logit)


def test_freed_room_goes_to_the_next_references_the_omission_model_ranks(
    study: ModuleType,
) -> None:
    model = CoverageModel(("length",), (0.0,), (1.0,), (1.0,), 0.0, -2.0, 1.0)
    cal = replace(CAL, omission_model=model)
    pairs = [
        _pair(study, "clean", 0.9),  # the highest reference under the limit 1.0
        _pair(study, "clean", 0.5),
        _pair(study, "clean", 2.0),  # reported already: takes no freed room
        _pair(study, "dropped clause", 0.7),
        _pair(study, "dropped clause", 0.3),
    ]
    flags = [False, False, True, False, False]
    assert study.with_room(pairs, flags, 0, cal) == flags
    # one freed reference: the limit falls to 0.9, which no drop reaches
    assert study.with_room(pairs, flags, 1, cal) == [True, False, True, False, False]
    # two: the limit falls to 0.5 and the drop at 0.7 is found
    assert study.with_room(pairs, flags, 2, cal) == [True, True, True, True, False]
