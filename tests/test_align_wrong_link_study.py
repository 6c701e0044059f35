"""``benchmarks/align_wrong_link_study.py``: each flag placed on its link's unit, the gates'
counts, the eval's summary line, and its refusal of bad input."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from tests.scripts import assert_needs_cases, load_script, refusal


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/align_wrong_link_study.py", "align_wrong_link_study_under_test")


def _row(study: ModuleType, cls: str, **kw: object) -> object:
    base: dict[str, object] = dict(
        folder="set", cls=cls, kind="addition", category="", unit="sentence", margin=0.005,
        cosine=0.87, figure=False, english=0.3, lexicon=0.3, weak=False, translated=True,
        lines=1, place=4, surer=False,
    )  # fmt: skip
    base.update(kw)
    return study.Row(**base)


def test_units_tell_sentence_echo_and_the_two_clause_views(study: ModuleType) -> None:
    link = SimpleNamespace
    t = study.THRESHOLD
    assert study._unit(link(unit="sentence", view="original", score=t + 0.01)) == "sentence"
    assert study._unit(link(unit="sentence", view="original", score=t - 0.03)) == "echo"
    assert study._unit(link(unit="clause", view="original", score=t)) == "clause"
    assert study._unit(link(unit="clause", view="translation", score=t)) == "tr-clause"


def test_a_gate_takes_away_only_flags_it_can_silence(study: ModuleType) -> None:
    rows = [
        _row(study, "wrong-link"),  # taken: margin and cosine both under
        _row(study, "wrong-link", cosine=0.95),  # reads like the line: kept
        _row(study, "key", figure=True),  # shares a figure: never weak
        _row(study, "key", kind="distancing"),  # own voice: shown on a weak link anyway
        _row(study, "real", weak=True),  # already weak: nothing changes
        _row(study, "noise", margin=0.03),  # sure enough: kept
    ]
    assert study._gate(rows, "margin<0.02&cosine", "<", 0.88) == {"wrong-link": 1}
    assert study._gate(rows, "cosine", "<", 0.99) == {"wrong-link": 2, "noise": 1}
    # a line without a translation has no English share: an English gate never takes it
    assert study._gate([_row(study, "key", english=-1.0)], "english", "<", 0.5) == {}


def test_gates_parse_and_bad_ones_are_refused(
    study: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    parser = argparse.ArgumentParser()
    assert study.parse_gates("margin<0.01,margin<0.02&cosine<0.88,lines>1", parser) == [
        ("margin", "<", 0.01),
        ("margin<0.02&cosine", "<", 0.88),
        ("lines", ">", 1.0),
    ]
    assert "unknown feature 'salience'" in refusal(
        lambda: study.parse_gates("salience<0.5", parser), capsys
    )
    assert "is not FEATURE<VALUE" in refusal(
        lambda: study.parse_gates("margin<high", parser), capsys
    )
    assert "is not FEATURE<VALUE" in refusal(lambda: study.parse_gates("margin", parser), capsys)


def test_summary_is_the_evals_all_line(study: ModuleType) -> None:
    o = study.rce.Outlet()
    o.gold = {(0, 1), (1, 2)}
    o.pred = {(0, 1), (2, 3)}
    o.keys = {"k1": "flag", "k2": "unmatched", "k3": ""}
    o.flags, o.wrong_link_flags, o.judged_noise = 4, 1, 1
    line = study.summary([o, study.rce.Outlet()])
    assert line.startswith("P / R 0.50 / 0.50, outlets at target 0 of 1, keys 1 (+1) of 3")
    assert "flags 4, wrong-link 1, noise share 0.50 (0 unjudged)" in line


def test_bad_input_is_one_sentence_before_any_model_loads(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_needs_cases(study, tmp_path, capsys)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "reference.toml").write_text("", encoding="utf-8")
    before = study.CALIBRATIONS["e5-small"]
    for bad, message in [
        ("nonsense=1", "aligner or weak-link constant"),
        ("threshold", "aligner or weak-link constant"),
        ("threshold=high", "--set 'threshold=high'"),
        ("WEAK_MARGIN=x", "--set 'WEAK_MARGIN=x'"),
    ]:
        said = refusal(lambda b=bad: study.main(["--cases", str(tmp_path), "--set", b]), capsys)
        assert message in said
    assert study.CALIBRATIONS["e5-small"] is before  # nothing changed
