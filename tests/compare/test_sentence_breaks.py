"""A word-diff addition never runs across two report sentences an alignment joins (review15 K2)."""

from __future__ import annotations

import dataclasses

from tests.compare.helpers import filled_alignment
from workbench.diff.content import cut_at
from workbench.pipeline.compare import _sentence_breaks, joined_reports
from workbench.types import Alignment, AlignmentLink, Difference, ReportRef, StatementRef

STATEMENT = "The council approved the new plan for the river port on Tuesday."


def _filled(*reports: ReportRef) -> tuple[Alignment, list[Difference]]:
    al = filled_alignment(STATEMENT, *reports, original="строка")
    return al, list(al.differences)


def test_an_addition_stops_where_a_joined_sentence_ends() -> None:
    # s5 is a heading with no full stop; s9 lies four sentences further down the same outlet.
    heading = ReportRef(
        5, "Council backs river port plan over objections of local fishermen", "wire"
    )
    later = ReportRef(
        9,
        "The dockers and crane operators welcomed the new plan for the river port that the "
        "council approved on Tuesday.",
        "wire",
    )
    al, flags = _filled(heading, later)
    joined = joined_reports(al)
    join = len(heading.text)  # the one space between the two sentences
    additions = [d for d in flags if d.kind == "addition" and d.detector == "content"]
    for d in additions:
        assert d.report_span is not None
        a, b = d.report_span
        assert not a < join < b, f"{d.report!r} runs across the two sentences"
        assert joined[a:b] == d.report
    # each sentence's own clause is still an addition of its own
    assert any(d.report.endswith("objections of local fishermen") for d in additions)
    assert any(d.report.startswith("dockers and crane operators") for d in additions)


def test_a_cause_clause_keeps_the_part_its_connective_opens() -> None:
    heading = ReportRef(
        5, "Council approves new river port plan amid protests by angry fishermen", "wire"
    )
    later = ReportRef(
        9,
        "The union of dockers warned that the council approved the new plan for the river port.",
        "wire",
    )
    _, flags = _filled(heading, later)
    causes = [d.report for d in flags if d.detector == "cause"]
    assert causes == ["amid protests by angry fishermen"]


def test_two_clauses_of_one_sentence_are_one_text() -> None:
    """Pieces of one sentence (one index) linked apart are not cut; two sentences are, at the
    joiner. (review16: this test gave ``cut_at`` no breaks and so could not fail; it now reads
    ``_sentence_breaks``, where the rule is.)"""
    whole = "Angry fishermen protested, and the dockers welcomed the plan."
    first, second = whole.index("Angry"), whole.index("the dockers")
    clauses = (
        ReportRef(4, whole[first : whole.index(",")], "wire", (first, whole.index(",")), whole),
        ReportRef(4, whole[second:], "wire", (second, len(whole)), whole),
    )
    st = StatementRef(0, "строка", STATEMENT, "state-doc")
    links = tuple(AlignmentLink((0, len(STATEMENT)), 1.1) for _ in clauses)
    one = Alignment(st, clauses, 1.1, links=links)
    assert _sentence_breaks(one, 0, len(joined_reports(one))) == []
    other = ReportRef(9, "The union of dockers welcomed the plan.", "wire")
    two = Alignment(st, (clauses[0], other), 1.1, links=links)
    assert _sentence_breaks(two, 0, len(joined_reports(two))) == [len(clauses[0].text)]
    d = Difference("addition", "", "angry fishermen and traders", None, (0, 27), detector="content")
    assert cut_at(d, [], d.report) == [d]


def test_cut_at_keeps_clause_sized_parts_only() -> None:
    text = "angry fishermen and traders protest Dockers fear losing jobs"
    d = Difference("addition", "", text, None, (0, len(text)), detector="content")
    parts = cut_at(d, [text.index(" Dockers")], text)
    assert [p.report for p in parts] == [
        "angry fishermen and traders protest",
        "Dockers fear losing jobs",
    ]
    assert all(text[slice(*p.report_span)] == p.report for p in parts if p.report_span)
    short = cut_at(d, [text.index(" traders")], text)  # "angry fishermen and" has two words
    assert [p.report for p in short] == ["traders protest Dockers fear losing jobs"]
    number = Difference("number", "", text, None, (0, len(text)), detector="number")
    assert cut_at(number, [10], text) == [number]


def test_a_rewording_keeps_its_larger_part() -> None:
    text = "fear a sharp rise in river flooding and the harbour closure"
    join = text.index(" and the harbour")
    d = Difference("wording", "feel concern", text, (0, 12), (0, len(text)), detector="content")
    (kept,) = cut_at(d, [join], text)
    assert kept.report == "fear a sharp rise in river flooding"
    assert kept.statement == "feel concern" and kept.statement_span == (0, 12)
    tiny = Difference("wording", "feel concern", "sharp fear closed", (0, 12), (0, 17))
    tiny = dataclasses.replace(tiny, detector="content")
    assert cut_at(tiny, [5, 10], tiny.report) == []  # no part is clause-sized
