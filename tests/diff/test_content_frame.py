"""The content detector: the speaker's frame around a line ("I want to note that", "it can now
be considered", "began his speech") is not a clause's worth of content on its own; a run that
carries a claim beside its frame is still flagged."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon
from workbench.diff.content import FRAME_WORDS, MIN_WORDS, _weight


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # an omitted frame: the claim is retold, the speaker's lead-in is not
        (
            "I want to note that we are continuing the repair of the northern bridge.",
            "The repair of the northern bridge goes on.",
        ),
        (
            "Since it can now be considered settled, the dispute over the pasture is closed.",
            "The dispute over the pasture is closed and settled.",
        ),
        # a reworded frame: "began his speech" retold as "Firstly, I would like to"
        (
            "The governor began his address with thanks to the brigade.",
            "Firstly, I would like to extend thanks to the brigade.",
        ),
    ],
)
def test_the_speakers_frame_alone_is_no_flag(statement: str, report: str, lexicon: Lexicon) -> None:
    found = diffs(statement, report, lexicon)
    assert not of_kind(found, "omission") and not of_kind(found, "wording"), found


def test_a_claim_beside_its_frame_still_flags(lexicon: Lexicon) -> None:
    frame = "I want to note that we are continuing the repair of the northern bridge"
    dropped = diffs(f"{frame} despite heavy rains and a shortage of cement.", f"{frame}.", lexicon)
    assert [d.statement for d in of_kind(dropped, "omission")] == [
        "despite heavy rains and a shortage of cement"
    ]
    added = diffs(
        f"{frame}.",
        "The northern bridge repair goes on, but local farmers complain about closed pasture roads.",
        lexicon,
    )
    assert [d.report for d in of_kind(added, "addition")] == [
        "repair goes on, but local farmers complain about closed pasture roads"
    ]
    assert not of_kind(added, "omission")  # the frame the report left out


def test_frame_words_are_no_nouns_of_content() -> None:
    assert _weight("want to note that we are continuing") == 0
    assert _weight("state border, eternal peace") == 4  # "state" is a noun here
    assert _weight("begin the peace process") == 2
    assert not {"state", "states", "process", "stressed", "emphasise"} & FRAME_WORDS
    assert MIN_WORDS == 3
