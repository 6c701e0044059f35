"""A date the report gives as a weekday: no difference when that weekday is checkably the
statement's own day (its date's weekday, or the day the statement was issued); a difference when
it is another day or cannot be checked."""

from __future__ import annotations

import pytest

from workbench.pipeline.compare import fill_differences, load_lexicon, weekday_of_its_day
from workbench.types import Alignment, Comparison, Difference, ReportRef, StatementRef

NOTE = "date: the statement's date is only a weekday in the report"


def _d(statement: str, report: str) -> Difference:
    return Difference("number", statement, report, (0, len(statement)), (0, len(report)), NOTE)


@pytest.mark.parametrize(
    ("statement", "report", "issued", "same_day"),
    [
        ("12 March", "Thursday", "2026-03-12", True),  # the issue day, as news writes it
        ("12 March 2026", "Thursday", "", True),  # the date's own year tells its weekday
        ("12 марта", "Thursday", "2026-03-12", True),  # the original's words
        ("17 May", "Thursday", "2026-03-12", True),  # the day it was said, not the date's
        ("12 March", "Monday", "2026-03-12", False),  # another day
        ("12 March", "Thursday", "", False),  # no year and no issue day: nothing to check
        ("12 March", "Thursday", "2026-03", False),  # a month is no day
        ("12 March", "Thursday", "not a date", False),
        ("thirty people", "Thursday", "2026-03-12", False),  # no date on the statement side
    ],
)
def test_a_weekday_is_the_statements_day_only_when_it_can_be_checked(
    statement: str, report: str, issued: str, same_day: bool
) -> None:
    assert weekday_of_its_day(_d(statement, report), issued) is same_day


def test_a_figure_given_differently_is_never_taken_for_a_weekday() -> None:
    d = Difference("number", "12 March", "14 March", (0, 8), (0, 8), "figure")
    assert not weekday_of_its_day(d, "2026-03-12")


def _number_flags(dates: dict[str, str] | None) -> list[tuple[str, str]]:
    st = StatementRef(0, "Совет соберётся 12 марта.", "The council meets on 12 March.", "doc")
    al = Alignment(st, (ReportRef(0, "The council meets on Thursday.", "wire"),), 1.2)
    filled = fill_differences(Comparison("s", (al,), (), ()), load_lexicon(), "ru", dates=dates)
    return [(d.statement.rstrip("."), d.report) for d in filled.alignments[0].differences
            if d.kind == "number"]  # fmt: skip


def test_the_pipeline_drops_the_weekday_of_the_issue_day_and_keeps_another() -> None:
    assert _number_flags(None) == [("12 March", "Thursday")]  # no issue day: kept
    assert _number_flags({"doc": "2026-03-09"}) == []  # 12 March 2026 is a Thursday
    # issued on a Tuesday in 2027, when 12 March is a Friday: the Thursday is another day
    assert _number_flags({"doc": "2027-03-09"}) == [("12 March", "Thursday")]
