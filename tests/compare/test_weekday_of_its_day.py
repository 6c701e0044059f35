"""A date the report gives as a weekday: no difference when that weekday is checkably the
statement's own day (its date's weekday, or the day the statement was issued); a difference when
it is another day or cannot be checked."""

from __future__ import annotations

import pytest

from workbench.diff.dates import WEEKDAY
from workbench.pipeline.compare import fill_differences, load_lexicon, weekday_of_its_day
from workbench.types import Alignment, Comparison, Difference, ReportRef, StatementRef

NOTE = "date: the statement's date is only a weekday in the report"


def _d(statement: str, report: str) -> Difference:
    return Difference("number", statement, report, (0, len(statement)), (0, len(report)), NOTE)


def _in(statement: str, sentence: str) -> tuple[Difference, str]:
    """The flag on the weekday of the report ``sentence``, and the sentence."""
    day = WEEKDAY.search(sentence)
    assert day is not None
    d = Difference("number", statement, day.group(), (0, len(statement)), day.span(), NOTE)
    return d, sentence


@pytest.mark.parametrize(
    ("statement", "sentence", "issued", "same_day"),
    [
        ("12 March", "The council met on Thursday.", "2026-03-12", True),  # as news writes it
        ("12 March 2026", "The council met on Thursday.", "", True),  # its own year tells
        ("12 марта", "The council met on Thursday.", "2026-03-12", True),  # the original's words
        # the day it was said, not the date's
        ("17 May", "The minister said on Thursday that the vote is due.", "2026-03-12", True),
        ("17 May", "On Thursday, the minister announced the vote.", "2026-03-12", True),
        # review20b: wire style gives the day without "on"
        ("17 May", "The minister said Thursday that the vote is due.", "2026-03-12", True),
        ("17 May", "The minister told reporters Thursday the vote is due.", "2026-03-12", True),
        ("17 May", "The minister told journalists Thursday the vote is due.", "2026-03-12", True),
        ("17 May", "The minister told a briefing Thursday the vote is due.", "2026-03-12", True),
        ("17 May", "The minister said in a statement Thursday that it is due.", "2026-03-12", True),
        ("17 May", "The minister said Thursday's vote is due.", "2026-03-12", False),
        ("17 May", "The minister said the vote is due Thursday.", "2026-03-12", False),
        ("10 March", "The ministry said the council meets Monday.", "2026-03-09", False),
        ("10 March", "Reporters gathered Monday.", "2026-03-09", False),
        # review18 F2: the issue day's weekday given as the day of what the statement dates
        ("17 May", "The vote is due on Thursday.", "2026-03-12", False),
        ("10 March", "The council meets on Monday.", "2026-03-09", False),
        ("10 March", "The council meets on Monday, the ministry said.", "2026-03-09", False),
        ("12 March", "The council met on Monday.", "2026-03-12", False),  # another day
        ("12 March", "The council met on Thursday.", "", False),  # no year, no issue day
        ("12 March", "The council met on Thursday.", "2026-03", False),  # a month is no day
        ("12 March", "The council met on Thursday.", "not a date", False),
        ("thirty people", "The council met on Thursday.", "2026-03-12", False),  # no date
    ],
)
def test_a_weekday_is_the_statements_day_only_when_it_can_be_checked(
    statement: str, sentence: str, issued: str, same_day: bool
) -> None:
    d, report = _in(statement, sentence)
    assert weekday_of_its_day(d, issued, report) is same_day


def test_without_the_report_text_only_the_dates_own_weekday_is_checked() -> None:
    assert weekday_of_its_day(_d("12 March", "Thursday"), "2026-03-12")
    assert not weekday_of_its_day(_d("17 May", "Thursday"), "2026-03-12")


def test_a_figure_given_differently_is_never_taken_for_a_weekday() -> None:
    d = Difference("number", "12 March", "14 March", (0, 8), (0, 8), "figure")
    assert not weekday_of_its_day(d, "2026-03-12")


def _number_flags(
    dates: dict[str, str] | None, report: str = "The council meets on Thursday."
) -> list[tuple[str, str]]:
    st = StatementRef(0, "Совет соберётся 12 марта.", "The council meets on 12 March.", "doc")
    al = Alignment(st, (ReportRef(0, report, "wire"),), 1.2)
    filled = fill_differences(Comparison("s", (al,), (), ()), load_lexicon(), "ru", dates=dates)
    return [(d.statement.rstrip("."), d.report) for d in filled.alignments[0].differences
            if d.kind == "number"]  # fmt: skip


def test_the_pipeline_drops_the_weekday_of_the_issue_day_and_keeps_another() -> None:
    assert _number_flags(None) == [("12 March", "Thursday")]  # no issue day: kept
    assert _number_flags({"doc": "2026-03-09"}) == []  # 12 March 2026 is a Thursday
    # issued on a Tuesday in 2027, when 12 March is a Friday: the Thursday is another day
    assert _number_flags({"doc": "2027-03-09"}) == [("12 March", "Thursday")]


def test_the_pipeline_keeps_the_issue_days_weekday_given_as_the_meetings_day() -> None:
    """review18 F2: issued on Monday 9 March 2026, the statement dates the meeting 12 March (a
    Thursday); "the council meets on Monday" gives it the wrong day, "the ministry said on
    Monday" says when the words were said."""
    wrong = "The council meets on Monday."
    assert _number_flags({"doc": "2026-03-09"}, wrong) == [("12 March", "Monday")]
    said = "The ministry said on Monday that the council meets."
    assert _number_flags({"doc": "2026-03-09"}, said) == []
