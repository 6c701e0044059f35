"""The content detector (``addition``): the occasion of words the statement holds is not an
added fact, a fact the statement lacks still is."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon, find_differences
from workbench.errors import UserInputError

STATEMENT = "The president said the roads in the northern districts will be repaired this year."


@pytest.mark.parametrize(
    "report",
    [
        "Speaking at a session of the regional council, the president said the roads in the "
        "northern districts will be repaired this year.",
        "Addressing farmers at a regional forum, the president said the roads in the northern "
        "districts will be repaired this year.",
        "In an interview with state television on Friday evening, the president said the roads "
        "in the northern districts will be repaired this year.",
        "The roads in the northern districts will be repaired this year, the president said in a "
        "radio address to farmers.",
        "The roads in the northern districts will be repaired this year, the president said, "
        "answering a regional journalist's question.",
        "The roads in the northern districts will be repaired this year, the president said "
        "during a speech at an awards evening for road builders.",
        "The roads in the northern districts will be repaired this year, the president said, "
        "speaking at a session of the regional council.",
        "The roads in the northern districts will be repaired this year, the president said "
        "while giving his yearly report to the council.",
        # the reporting frame: whom the words were told to, when and where
        "The roads in the northern districts will be repaired this year, the president told "
        "reporters on Friday at a meeting of the regional council.",
        "The roads in the northern districts will be repaired this year, the president said as "
        "he gave a televised address on Monday.",
    ],
)
def test_a_scene_setting_opener_is_not_an_addition(report: str, lexicon: Lexicon) -> None:
    assert of_kind(diffs(STATEMENT, report, lexicon), "addition") == []


@pytest.mark.parametrize(
    ("report", "added"),
    [
        # the same words opening a sentence mid-report, but a fact the statement lacks
        ("The president said the roads in the northern districts will be repaired this year. "
         "Farmers blocked the main highway for three days demanding new bridges.",
         "Farmers blocked the main highway"),
        # an opener that is no address: a fact the statement lacks
        ("After farmers blocked the main highway, the president said the roads in the northern "
         "districts will be repaired this year.",
         "farmers blocked the main highway"),
        # a setting opener does not hide an addition later in the sentence
        ("Speaking at a closed session of the cabinet, the president said the roads in the "
         "northern districts will be repaired this year, after farmers blocked the main highway.",
         "farmers blocked the main highway"),
        # whom the words were told to does not hide the fact told after it
        ("The roads in the northern districts will be repaired this year, the president told "
         "journalists after farmers blocked the main highway.",
         "farmers blocked the main highway"),
        # "told reporters" without "that": only when and where follow it as the occasion
        # (review14 N1)
        ("The president told reporters on Monday the roads in the northern districts will be "
         "repaired this year and the bridges over the river will be closed for tolls.",
         "bridges over the river will be closed for tolls"),
        ("The president told reporters on Monday at the forum the roads in the northern districts "
         "will be repaired this year and the bridges over the river will be closed for tolls.",
         "bridges over the river will be closed for tolls"),
        # the occasion named mid-sentence does not hide what the statement lacks after it
        ("The roads in the northern districts will be repaired this year, the president said in a "
         "statement blaming the regional governor for stolen repair funds.",
         "blaming the regional governor for stolen repair funds"),
    ],
)  # fmt: skip
def test_a_fact_the_statement_lacks_is_still_an_addition(
    report: str, added: str, lexicon: Lexicon
) -> None:
    found = of_kind(diffs(STATEMENT, report, lexicon), "addition")
    assert any(added in d.report for d in found), found
    assert not any(d.report.lower().startswith(("speaking", "addressing")) for d in found)


@pytest.mark.parametrize(
    ("report", "added"),
    [
        ("The president told reporters on Monday the government would raise pensions next year.",
         None),
        ("The president told reporters on Monday the government would raise pensions next year "
         "and would also cut taxes for large farming companies.",
         "cut taxes for large farming companies"),
    ],
)  # fmt: skip
def test_the_audience_and_day_are_cut_from_an_addition_run(
    report: str, added: str | None, lexicon: Lexicon
) -> None:
    """review14 N1 follow-up: "reporters on Monday the government" was one word-diff run, the
    audience and the day (the occasion) and one word of the fact told; the occasion's words do
    not count toward an addition, so one word is left and nothing is added."""
    found = of_kind(diffs("We will raise pensions next year.", report, lexicon), "addition")
    assert not [d for d in found if "reporters" in d.report or "Monday" in d.report], found
    assert [d.report for d in found] == ([added] if added else [])


def test_an_addition_keeps_its_words_outside_the_occasion(lexicon: Lexicon) -> None:
    """A run that begins in the occasion and goes on with a clause of its own is cut to that
    clause."""
    report = (
        "The roads in the northern districts will be repaired this year, the president told "
        "reporters on Friday farmers blocked the main highway for three days."
    )
    found = of_kind(diffs(STATEMENT, report, lexicon), "addition")
    assert [d.report for d in found] == ["farmers blocked the main highway"], found
    d = found[0]
    assert d.report_span is not None and report[slice(*d.report_span)] == d.report


def test_an_occasion_clause_ends_where_a_fact_begins(lexicon: Lexicon) -> None:
    """ "speaking at a rally" is the occasion; "after farmers blocked the main highway" is not."""
    report = (
        "The roads in the northern districts will be repaired this year, the president said, "
        "speaking at a rally after farmers blocked the main highway."
    )
    found = of_kind(diffs(STATEMENT, report, lexicon), "addition")
    assert any("farmers blocked the main highway" in d.report for d in found), found


def test_a_setting_word_inside_a_sentence_is_no_opener(lexicon: Lexicon) -> None:
    report = (
        "The president said the roads in the northern districts will be repaired this year, "
        "speaking of bridges washed away by the spring floods."
    )
    found = of_kind(diffs(STATEMENT, report, lexicon), "addition")
    assert any("bridges washed away" in d.report for d in found), found


DOCUMENT = [
    "The floods are the largest natural disaster the region has seen in eighty years.",
    "Rescue crews have evacuated four villages along the river.",
]


def test_an_addition_retelling_another_line_of_the_statement_is_not_flagged(
    lexicon: Lexicon,
) -> None:
    statement = "A curfew has been imposed in the northern districts."
    report = (
        "A curfew has been imposed in the northern districts, in what officials "
        "call the largest natural disaster the region has witnessed."
    )
    without = of_kind(diffs(statement, report, lexicon), "addition")
    assert any("natural disaster" in d.report for d in without), without
    found = find_differences(statement, report, lexicon=lexicon, document=DOCUMENT)
    assert not [d for d in of_kind(found, "addition") if "natural disaster" in d.report]


def test_a_fact_no_line_of_the_statement_holds_is_still_an_addition(lexicon: Lexicon) -> None:
    statement = "A curfew has been imposed in the northern districts."
    report = (
        "A curfew has been imposed in the northern districts, where residents "
        "accused local officials of ignoring warnings about the dam."
    )
    found = find_differences(statement, report, lexicon=lexicon, document=DOCUMENT)
    assert any("ignoring warnings" in d.report for d in of_kind(found, "addition")), found


@pytest.mark.parametrize("document", ["one sentence", [1, 2], ["fine", None]])
def test_the_document_must_be_a_list_of_sentences(document: object, lexicon: Lexicon) -> None:
    with pytest.raises(UserInputError, match="statement's document must be a list"):
        find_differences("A.", "B.", lexicon=lexicon, document=document)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("source", "src"),
    [
        (None, None),
        ("Поэтому принял решение уйти в отставку.", "ru"),
        ("Сондықтан отставкаға кету туралы шешім қабылдадым.", "kk"),
        ("Ошондуктан кызматтан кетүү чечимин кабыл алдым.", "ky"),
    ],
)
def test_where_the_statement_was_published_is_no_addition(
    source: str | None, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"source": source, "src": src} if source else {}
    statement = "Therefore I have decided to resign."
    for report in (
        'For this reason, I have made a decision to resign," the president said in a statement '
        "uploaded to his website.",
        'For this reason, I have made a decision to resign," the president said in a statement '
        "posted on the presidential website.",
    ):
        assert of_kind(diffs(statement, report, lexicon, **kw), "addition") == []
    fact = (
        'For this reason, I have made a decision to resign," the president said, and ordered '
        "troops back to their barracks."
    )
    assert of_kind(diffs(statement, fact, lexicon, **kw), "addition") != []
