"""The content detector (``addition``): the outlet's frame of the speech act (the topic a
speaker turns to, the channel the quoted words came through, a clause saying only that someone
spoke about something) is no added fact; a fact the statement lacks, in the same places, still
is (``content.SPEECH_FRAME``, docs/diff.md, *Session 17 (trnoise17)*)."""

from __future__ import annotations

import time

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon
from workbench.diff.content import SPEECH_FRAME

STATEMENT = "The old bridge over the northern river will be closed for repairs from next month."
QUOTE = "“The old bridge over the northern river will be closed for repairs from next month"


@pytest.mark.parametrize(
    "report",
    [
        # the topic the speaker turned to, opening the sentence
        "Regarding the drivers’ complaints about heavy traffic jams, the mayor said: "
        + QUOTE
        + ".”",
        "Elaborating on the municipal transport programme, the mayor noted that the old bridge "
        "over the northern river will be closed for repairs from next month.",
        # the channel after the closing quote and its speech verb
        QUOTE + ",” the mayor insisted in comments to the regional news agency Vesti.",
        QUOTE + ",” the mayor said, as quoted by the municipal press office.",
        # a clause that only says that someone spoke about something
        "The mayor discussed the issue in a lengthy interview with the regional news agency, "
        "saying the old bridge over the northern river will be closed for repairs from next "
        "month.",
    ],
)
def test_the_frame_of_the_speech_act_is_no_addition(report: str, lexicon: Lexicon) -> None:
    assert of_kind(diffs(STATEMENT, report, lexicon), "addition") == []


@pytest.mark.parametrize(
    ("report", "added"),
    [
        # an opener that is no topic: a fact the statement lacks
        ("After lorries cracked the main support beams, the mayor said the old bridge over the "
         "northern river will be closed for repairs from next month.",
         "lorries cracked the main support beams"),
        # after the quote, a fact told after the channel
        (QUOTE + ",” the mayor said in a radio interview after lorries cracked the main support "
         "beams.",
         "lorries cracked the main support beams"),
        # after the quote, a clause that is no channel ("as" opens a fact)
        (QUOTE + ",” the mayor said, as lorries cracked the main support beams.",
         "lorries cracked the main support beams"),
        # a straight quote after a space opens the quotation: its words are the claim
        ('The mayor added: "Drivers said on the radio the old bridge over the northern river '
         'will be closed for repairs from next month and grain exports stop."',
         "grain exports stop"),
        # what the speaker adds after the quote is said, not a channel
        (QUOTE + ",” the mayor said, adding that lorries cracked the main support beams.",
         "lorries cracked the main support beams"),
        # a speaking clause does not hide the fact after its comma
        ("The mayor talked about the bridge, which heavy lorries cracked last winter, saying "
         "the old bridge over the northern river will be closed for repairs from next month.",
         "heavy lorries cracked last winter"),
    ],
)  # fmt: skip
def test_a_fact_in_the_frame_s_places_is_still_an_addition(
    report: str, added: str, lexicon: Lexicon
) -> None:
    found = of_kind(diffs(STATEMENT, report, lexicon), "addition")
    assert any(added in d.report for d in found), found


def test_the_frame_is_read_in_linear_time() -> None:
    """A long line with many quotes and no sentence end: the pattern's scans stay short."""
    text = ("“a b,” he said in x y z " * 400) + ("word " * 4000)
    start = time.perf_counter()
    list(SPEECH_FRAME.finditer(text))
    assert time.perf_counter() - start < 2.0
