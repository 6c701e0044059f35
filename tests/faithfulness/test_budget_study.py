"""The budget study: which evidence key a flag needs, so that what each kind costs on faithful
references and buys on its corruptions can be read apart."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.scripts import assert_refused_before_reading, load_script
from workbench.faithfulness.base import LanguageCalibration


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
