"""What a difference carries as data (detector, category, figures_also, changed_from,
voice_kind), set where it is made: later steps read these fields, never the note."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon
from workbench.diff.salience import finish, salience, word_diff_run
from workbench.types import Difference


def test_each_difference_names_its_detector(lexicon: Lexicon) -> None:
    found = diffs(
        "The ministry said 300 residents of the district were moved to the school gym.",
        "Officials moved 450 residents, and the river kept rising through the night after "
        "the dam on the upper reach was opened by the regional water authority.",
        lexicon,
    )
    by_kind = {d.kind: d.detector for d in found}
    assert by_kind["number"] == "number"
    assert by_kind["addition"] == "content"
    assert all(d.detector for d in found)


@pytest.mark.parametrize(
    ("statement", "report", "kind", "category"),
    [
        ("The group gathered in the square.", "The terrorists gathered in the square.",
         "framing", "terror"),
        ("The troops left the town.", "The troops allegedly left the town.",
         "certainty", "allegation"),
        ("The aid goes only to the families of the flood.", "The aid goes to the families of "
         "the flood.", "quantifier", "exclusive"),
        ("The dam released 30 cubic metres of water on Monday.", "The dam released 40 cubic "
         "metres of water on Monday.", "number", "figure"),
        ("Thousands of people left the valley on Monday.", "About 300 people left the valley "
         "on Monday.", "number", "vague amount"),
    ],
)  # fmt: skip
def test_category_is_the_detectors_class(
    lexicon: Lexicon, statement: str, report: str, kind: str, category: str
) -> None:
    found = of_kind(diffs(statement, report, lexicon), kind)
    assert [d.category for d in found] == [category]


def test_concept_wording_carries_its_concept(lexicon: Lexicon) -> None:
    found = diffs(
        "The guards were told to stop the crowd.",
        "The guards were told to deal harshly with the crowd.",
        lexicon,
        source="Охране приказали остановить толпу.",
        src="ru",
    )
    concepts = [d for d in found if d.detector == "concept"]
    assert [d.category for d in concepts] == ["force"]


def test_the_value_a_figure_changed_from(lexicon: Lexicon) -> None:
    statement = "Предлагаю установить плату в 8 долларов."
    report = "The council proposed raising the fee to eight dollars from five."
    found = of_kind(diffs(statement, report, lexicon, source=statement, src="ru"), "number")
    assert [(d.report, d.changed_from) for d in found] == [("five", True)]


def test_one_figure_flag_lists_the_others_as_data(lexicon: Lexicon) -> None:
    found = diffs(
        "The agency counted 120 flooded houses.",
        "The agency counted 200 flooded houses, 35 schools and 14 bridges.",
        lexicon,
        confidence=0.7,
    )
    (figure,) = of_kind(found, "number")
    assert figure.figures_also == ("35", "14")
    assert figure.note.endswith("also: 35, 14")


@pytest.mark.parametrize(
    ("report", "voice_kind"),
    [
        ("“A dangerous mob of thugs” attacked the station, the mayor said.", "quote"),
        ("The mayor said that a dangerous mob of thugs attacked the station.", "speech"),
    ],
)
def test_voice_kind_says_how_the_words_are_quoted(
    lexicon: Lexicon, report: str, voice_kind: str
) -> None:
    found = diffs("People came to the station.", report, lexicon)
    quoted = [d for d in found if d.voice == "quoted"]
    assert quoted and {d.voice_kind for d in quoted} == {voice_kind}
    assert all(d.voice_kind == "" for d in found if d.voice == "own")


def test_fields_have_defaults() -> None:
    d = Difference("wording", "a", "b", (0, 1), (0, 1))
    assert (d.detector, d.category, d.figures_also, d.changed_from, d.voice_kind) == (
        "",
        "",
        (),
        False,
        "",
    )


def test_later_steps_read_the_fields_not_the_note() -> None:
    reworded = Difference("addition", "", "the crowd waited", None, (0, 16), "only here",
                          detector="content")  # fmt: skip
    look_alike = Difference("addition", "", "amid the rain", None, (0, 13), "only in report",
                            detector="cause")  # fmt: skip
    assert word_diff_run(reworded) and not word_diff_run(look_alike)
    dropped = Difference("framing", "terrorists", "", (0, 10), None, "a label left out",
                         detector="framing", category="terror")  # fmt: skip
    assert finish([dropped], "They came.", outlet_labels={"terror"}) == ()
    assert finish([dropped], "They came.", outlet_labels={"riot"}) != ()


def test_a_quoted_figure_weighs_as_quoted_whatever_its_note_ends_with() -> None:
    quoted = Difference("number", "40", "45", (0, 2), (0, 2), "figure; quoted of the mayor",
                        voice="quoted", voice_kind="quote")  # fmt: skip
    merged = Difference("number", "40", "45", (0, 2), (0, 2),
                        "figure; quoted of the mayor; also: 12, 3", voice="quoted",
                        voice_kind="quote", figures_also=("12", "3"))  # fmt: skip
    assert (
        salience(merged)
        == salience(quoted)
        < salience(Difference("number", "40", "45", (0, 2), (0, 2)))
    )
