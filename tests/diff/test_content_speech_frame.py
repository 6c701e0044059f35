"""The content detector (``addition``): the outlet's frame of the speech act (the topic a
speaker turns to, the channel the quoted words came through, a clause saying only that someone
spoke about something) is no added fact; a fact the statement lacks, in the same places, still
is (``content.SPEECH_FRAME``, docs/diff.md, *Session 17 (trnoise17)*)."""

from __future__ import annotations

import re

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
        # what was spoken about is a topic the statement carries, then only the channel
        "The mayor spoke about the old bridge on state radio, saying the old bridge over the "
        "northern river will be closed for repairs from next month.",
        "The mayor addressed the nation in a televised speech, saying the old bridge over the "
        "northern river will be closed for repairs from next month.",
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
        # a fact inside the speaking clause: what was spoken about, a second verb after "and"
        # (review17 F1)
        ("The governor addressed the nation and announced a curfew in four provinces, saying the "
         "old bridge over the northern river will be closed for repairs from next month.",
         "announced a curfew"),
        ("The governor commented on the dismissal of the harbour chief over smuggling, saying "
         "the old bridge over the northern river will be closed for repairs from next month.",
         "dismissal of the harbour chief over smuggling"),
        ("The governor spoke about fraud in the tax office and the resignation of two judges, "
         "saying the old bridge over the northern river will be closed for repairs from next "
         "month.",
         "fraud in the tax office"),
        # a relative clause inside the topic opener is a fact of its own
        ("Regarding the flood that destroyed forty homes in the valley, the governor said the old "
         "bridge over the northern river will be closed for repairs from next month.",
         "flood that destroyed"),
    ],
)  # fmt: skip
def test_a_fact_in_the_frame_s_places_is_still_an_addition(
    report: str, added: str, lexicon: Lexicon
) -> None:
    found = of_kind(diffs(STATEMENT, report, lexicon), "addition")
    assert any(added in d.report for d in found), found


def _nested_unbounded(pattern: str) -> list[str]:
    """The unbounded repeats (``*``, ``+``, ``{n,}``) of ``pattern`` that hold another unbounded
    repeat: the only shape that can backtrack without bound. Read from Python's own parse of
    the pattern, so the answer does not depend on the machine's load."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    found: list[str] = []

    def repeats(items: object, inside: bool) -> bool:
        any_unbounded = False
        for op, arg in items:  # type: ignore[attr-defined]
            subs: list[object] = []
            unbounded = False
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                unbounded = arg[1] == c.MAXREPEAT
                subs = [arg[2]]
            elif op == c.SUBPATTERN:
                subs = [arg[-1]]
            elif op == c.BRANCH:
                subs = list(arg[1])
            elif op in (c.ASSERT, c.ASSERT_NOT):
                subs = [arg[1]]
            held = any([repeats(sub, inside or unbounded) for sub in subs])
            if unbounded and held:
                found.append(str(arg[2])[:80])
            any_unbounded = any_unbounded or unbounded or held
        return any_unbounded

    repeats(_parser.parse(pattern, re.IGNORECASE), False)
    return found


def test_the_frame_cannot_backtrack_without_bound() -> None:
    """No unbounded repeat of the frame's pattern holds another one: every ``*`` takes one
    character (or one character past a look-ahead) per step, and the word repeats inside are
    bounded (``{0,7}``), so a long line is read in time linear in its length for each start
    (this replaces a wall-clock bound, which a loaded machine can break)."""
    assert _nested_unbounded(r"(?:\w+\s*)+$")  # the check sees the classic case
    assert _nested_unbounded(SPEECH_FRAME.pattern) == []
