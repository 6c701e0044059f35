"""What people say, retold as a fact or as the official's own claim: the ``hearsay`` detector
(keys16, session 16)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_category
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.diff.hearsay import HEARSAY
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS
from workbench.types import Difference


def _hearsay(statement: str, report: str, lexicon: Lexicon) -> list[Difference]:
    """The hearsay flags of a pair as compare reads it (:func:`tests.diff.helpers.of_category`;
    the hedge table's ``report`` class shares the category)."""
    return [d for d in of_category(statement, report, lexicon, "report") if d.detector == "hearsay"]


def test_the_detector_runs_with_and_without_a_translation() -> None:
    assert "hearsay" in DETECTOR_ORDER and "hearsay" in CROSS_LINGUAL_DETECTORS


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("People in the city often said that the new bridge is too narrow.", "said"),
        ("Some say that the old market should be closed.", "Some say that"),
        ("There is a view among farmers that the canal is too shallow.", "view"),
        ("В народе говорят, что новый мост слишком узкий.", "говорят"),
        ("Раньше в нашем обществе часто говорили, что рынок надо закрыть.", "говорили"),
        ("Бытует мнение, что канал слишком мелкий.", "мнение"),
        ("Ел арасында жаңа көпір тар деген түсінік бар.", "түсінік бар"),
        ("Эл арасында жаңы көпүр тар деген түшүнүк бар.", "түшүнүк бар"),
        ("Жаңы көпүр тар деп көп айтышат.", "айтышат"),
    ],
)
def test_a_claim_given_to_an_unnamed_crowd_is_hearsay(text: str, marker: str) -> None:
    m = HEARSAY.search(text)
    assert m is not None and marker in m.group()


@pytest.mark.parametrize(
    "text",
    [
        # a named speaker is an attribution, not hearsay
        "Foreign guests said that the new bridge is too narrow.",
        "Иностранцы говорили, что мост слишком узкий.",
        "The mayor said that the new bridge is too narrow.",
        "Министр говорит о новом мосте.",
        "There is a plan to widen the bridge.",
        # people as the object or the topic, not the speaker
        "We will listen to what people need from the new bridge.",
    ],
)
def test_a_named_speaker_or_no_speaker_is_no_hearsay(text: str) -> None:
    assert HEARSAY.search(text) is None


@pytest.mark.parametrize(
    ("statement", "report", "flagged"),
    [
        # stated flatly
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "The new bridge is too narrow for lorries, the mayor said.",
            "The new bridge is too narrow for lorries",
        ),
        # given to the official
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "The mayor criticised the project, saying the new bridge was too narrow for lorries.",
            "saying the new bridge was too narrow for lorries",
        ),
        # without a translation (ru, kk)
        (
            "В народе часто говорили, что новый мост слишком узкий для грузовиков.",
            "The mayor complained that the new bridge is too narrow for trucks.",
            "The mayor complained that the new bridge is too narrow for trucks.",
        ),
        (
            "Ел арасында жаңа мектеп жабылады деген түсінік бар.",
            "The new school will be closed, the governor said.",
            "The new school will be closed",
        ),
        # a headline joined to its lede with no stop: the headline states it, the lede keeps it
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "New bridge too narrow for lorries, mayor says It is widely believed in the city "
            "that the new bridge is too narrow for lorries.",
            "New bridge too narrow for lorries",
        ),
    ],
)
def test_hearsay_retold_without_the_crowd_is_a_certainty_difference(
    statement: str, report: str, flagged: str, lexicon: Lexicon
) -> None:
    found = _hearsay(statement, report, lexicon)
    assert [d.report for d in found] == [flagged]
    assert all(d.kind == "certainty" and d.category == "report" for d in found)
    assert found[0].report_span is not None
    assert report[found[0].report_span[0] : found[0].report_span[1]] == flagged


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the report keeps the crowd, the belief or a hedge
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "It is widely believed in the city that the new bridge is too narrow for lorries.",
        ),
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "“There was a public opinion that the new bridge is too narrow for lorries,” "
            "the mayor said.",
        ),
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "The mayor spoke of the allegedly narrow new bridge for lorries.",
        ),
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "They say the new bridge is too narrow for lorries.",
        ),
        # a short tail after the claim keeps it
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "The new bridge is too narrow for lorries, many residents believe.",
        ),
        # kept before: a lede that keeps it answers the clauses after it
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "Some say the new bridge is too narrow for lorries. So the bridge is too narrow "
            "for lorries and must be widened.",
        ),
        # a clause the compare cut from a longer sentence: what governs it is not seen
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "that the new bridge is too narrow for lorries.",
        ),
        # two words in common make no retelling (a wrong link's "he referred to ...")
        (
            "Some say that the covered market of the town should be closed.",
            "Again, he referred to the market of the town.",
        ),
        # the report does not retell the line
        (
            "People in the city often said that the new bridge is too narrow for lorries.",
            "The mayor opened a school on Monday.",
        ),
        # a statement with a named speaker: no hearsay to drop
        (
            "Foreign guests said that the new bridge is too narrow for lorries.",
            "The new bridge is too narrow for lorries, the mayor said.",
        ),
        # a statement without hearsay
        (
            "The new bridge is too narrow for lorries.",
            "The new bridge is too narrow for lorries, the mayor said.",
        ),
    ],
)
def test_hearsay_kept_or_not_retold_is_no_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert _hearsay(statement, report, lexicon) == []


def test_the_flag_leaves_the_outlets_own_words_after_it_to_the_word_diff(lexicon: Lexicon) -> None:
    statement = "People in the city often said that the new bridge is too narrow for lorries."
    report = (
        "The mayor criticised the project, saying the new bridge was too narrow for lorries "
        "which in the old town block every ambulance and fire engine."
    )
    found = diffs(statement, report, lexicon)
    hearsay = [d for d in found if d.detector == "hearsay"]
    assert [d.report for d in hearsay] == ["saying the new bridge was too narrow for lorries"]
    assert any(d.detector == "content" and "ambulance" in d.report for d in found)
