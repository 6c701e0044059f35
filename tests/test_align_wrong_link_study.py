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


# Session 18: the second line's gap, the aligner's own margins, the fitted-and-checked search.


def test_second_gap_reads_the_best_other_line_and_a_lone_line_has_no_rival(
    study: ModuleType,
) -> None:
    assert study.second_gap({0: 1.05, 1: 1.01, 2: 1.03}, 0, 9.0) == pytest.approx(0.02)
    assert study.second_gap({0: 1.00, 1: 1.03}, 0, 9.0) == pytest.approx(-0.03)  # a clause link
    assert study.second_gap({1: 1.01}, 0, 1.04) == pytest.approx(0.03)  # the link's own score
    assert study.second_gap({0: 1.05}, 0, 1.05) == 1.0  # a statement of one line
    assert study.second_gap({}, 0, 1.05) == 1.0  # a sentence the aligner never scored


def test_caught_margins_keeps_each_outlets_matrix_and_puts_the_aligner_back(
    study: ModuleType,
) -> None:
    from tests.align.conftest import LOOSE, CountingEmbedder
    from workbench.align import aligner
    from workbench.types import ReportRef, StatementRef

    lines = [
        StatementRef(0, "Министр сказал, что мост откроют весной.", None),
        StatementRef(1, "Школа в селе получила новые парты.", None),
    ]
    told = [
        ReportRef(4, "The bridge opens in spring, the minister said.", "a"),
        ReportRef(5, "A village school got new desks.", "b"),
    ]
    before = (aligner.link, aligner._align_outlet)
    margins: dict[tuple[str, int], dict[int, float]] = {}
    with study.caught_margins(margins):
        aligner.align(lines, told, CountingEmbedder(), params=LOOSE)
    assert (aligner.link, aligner._align_outlet) == before
    assert set(margins) == {("a", 4), ("b", 5)}  # one row per report sentence, keyed by outlet
    assert all(set(row) == {0, 1} for row in margins.values())  # every line of the statement
    empty: dict[tuple[str, int], dict[int, float]] = {}
    with study.caught_margins(empty):
        aligner.align(lines, [], CountingEmbedder(), params=LOOSE)  # an empty report
        aligner.align(lines[:1], told[:1], CountingEmbedder(), params=LOOSE)  # a one-line statement
    assert set(empty) == {("a", 4)} and set(empty[("a", 4)]) == {0}
    with pytest.raises(RuntimeError), study.caught_margins({}):
        raise RuntimeError("a failing case")
    assert (aligner.link, aligner._align_outlet) == before  # put back on an error too


def test_search_fits_on_the_other_folders_and_reports_the_checked_ones(
    study: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rows(folder: str, translated: bool, *spec: tuple[str, float]) -> list[object]:
        return [
            _row(study, cls, folder=folder, translated=translated, cosine=cos, english=0.5)
            for cls, cos in spec
        ]

    by = {
        "a": rows("a", False, ("wrong-link", 0.80), ("key", 0.90)),
        "a-tr": rows("a-tr", True, ("wrong-link", 0.81), ("key", 0.91)),
        "b": rows("b", False, ("wrong-link", 0.83), ("key", 0.83)),
    }
    monkeypatch.setattr(study, "SEARCH_GRID", {"cosine": (0.82, 0.85)})
    found = study.search(by, {"b"}, 5)
    # cosine<0.85 would take a's and a-tr's wrong links and no key there: fitted; on b it takes a key
    assert ("cosine<0.85", {"wrong-link": 2}, {"wrong-link": 1, "key": 1}) in found
    assert found[0][1] == {"wrong-link": 2}
    # fitted on a and b, cosine<0.85 takes b's key: only cosine<0.82 is left; it takes wrong links
    # of lines without a translation only (a), so it is no gate for both kinds
    assert study.search(by, {"a-tr"}, 5) == []
    assert [f[0] for f in study.folds(by)] == ["a + a-tr", "b"]
    assert study.folds(by)[0][1] == "none"  # fitted on b alone: no gate for both kinds


def test_search_and_check_refuse_bad_input_before_any_model_loads(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "reference.toml").write_text("", encoding="utf-8")
    base = ["--cases", str(tmp_path)]
    said = refusal(lambda: study.main([*base, "--search", "-1"]), capsys)
    assert "--search takes a number of gates" in said
    said = refusal(lambda: study.main([*base, "--check", "holdout16"]), capsys)
    assert "'holdout16' is not the name of a --cases folder" in said
    import argparse

    gates = study.parse_gates(
        "second<0.01,outlets<2,sure<0.02&relcos<-0.02", argparse.ArgumentParser()
    )
    assert gates[-1] == ("sure<0.02&relcos", "<", -0.02)
