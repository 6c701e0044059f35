"""The case's "figures that disagree": a figure is listed only when both sides give one and they
differ; a figure only one side gives stays the pair's flag and disagrees with nothing."""

from __future__ import annotations

from workbench.pipeline.compare import (
    disagreeing_figures,
    figure_on_each_side,
    fill_differences,
    load_lexicon,
)
from workbench.types import (
    Alignment,
    Case,
    Comparison,
    Difference,
    Document,
    OutletType,
    ReportRef,
    StatementRef,
)

STATEMENT_RU = "За закон проголосовали 212 депутатов, против были 14."
STATEMENT_EN = "212 deputies voted for the law and 14 were against it."


def _figures(report: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The pair's number flags (statement, report) and the case's figures for one report line."""
    case = Case("c", "c", "", (
        Document("state-doc", "s", "Council", OutletType.STATE, "ru", STATEMENT_RU),
        Document("wire", "w", "Wire", OutletType.FOREIGN, "en", report),
    ))  # fmt: skip
    lex = load_lexicon()
    st = StatementRef(0, STATEMENT_RU, STATEMENT_EN, "state-doc")
    al = Alignment(st, (ReportRef(0, report, "wire"),), 1.2)
    filled = fill_differences(Comparison("s", (al,), (), ()), lex, "ru")
    flags = [f"{d.statement}|{d.report}" for d in filled.alignments[0].differences
             if d.kind == "number"]  # fmt: skip
    table = [(f.statement, f.report) for f in disagreeing_figures(filled, case, lex)]
    return flags, table


def test_a_vote_count_the_report_leaves_out_is_no_disagreement() -> None:
    flags, table = _figures("The council passed the law on Tuesday after a long debate.")
    assert any(f.startswith("212|") for f in flags), flags  # the pair still shows it
    assert table == []


def test_a_count_given_differently_is_listed() -> None:
    flags, table = _figures("The law passed with 201 deputies in favour and 14 against.")
    assert ("212", "201") in table, (flags, table)
    assert all(s and r for s, r in table)  # never a figure against nothing


def test_a_figure_set_against_words_without_one_is_not_a_pair_of_figures() -> None:
    def diff(statement: str, report: str) -> Difference:
        return Difference("number", statement, report, (0, 1), (0, 1), "")

    assert figure_on_each_side(diff("212", "201"))
    assert figure_on_each_side(diff("двести", "two hundred"), "ru")
    assert not figure_on_each_side(diff("212", ""))
    assert not figure_on_each_side(diff("", "40 percent"))
    assert not figure_on_each_side(diff("29 October", "Sunday"))  # a date only as a weekday
