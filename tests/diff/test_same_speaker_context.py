"""Two speakers the context names are still two voices: a claim the statement gives to one
official and the report to another moved between them (review10, issue 9). The context names
a speaker (the statement's issuer, an official with a title in any report); both sides of an
attribution are the same voice only when one of those speakers names both."""

from __future__ import annotations

import pytest

from tests.diff.helpers import of_kind
from workbench.diff import Lexicon, find_differences

OFFICIALS = ["President Kassym-Jomart Tokayev", "Foreign Minister Murat Nurtleu"]


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        (
            "The border will open on Monday, Nurtleu said.",
            "The border will open on Monday, Tokayev said.",
        ),
        (
            "According to Nurtleu, the border will open on Monday.",
            "According to Tokayev, the border will open on Monday.",
        ),
    ],
)
def test_a_claim_moved_between_two_known_speakers_is_flagged(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    bare = of_kind(find_differences(statement, report, lexicon=lexicon), "attribution")
    known = find_differences(statement, report, lexicon=lexicon, context=OFFICIALS)
    assert bare and of_kind(known, "attribution")


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        (
            "President Tokayev said the border will open on Monday.",
            "Kassym-Jomart Tokayev said the border will open on Monday.",
        ),
        (
            "The border will open on Monday, Tokayev said.",
            "The border will open on Monday, President Kassym-Jomart Tokayev said.",
        ),
    ],
)
def test_one_speaker_named_two_ways_is_one_voice(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    found = find_differences(statement, report, lexicon=lexicon, context=OFFICIALS)
    assert not of_kind(found, "attribution")


def test_the_issuers_texts_are_one_voice(lexicon: Lexicon) -> None:
    # the outlet names the ministry, the title its minister: both are the statement's issuer
    issuer = ["Ministry of Foreign Affairs of Kazakhstan", "Nurtleu on the border talks"]
    statement = "The border will open on Monday, the Foreign Ministry said."
    report = "The border will open on Monday, Nurtleu said."
    as_texts = find_differences(statement, report, lexicon=lexicon, context=issuer)
    assert of_kind(as_texts, "attribution")  # two texts, nothing says they are one speaker
    found = find_differences(statement, report, lexicon=lexicon, context=issuer, issuer=issuer)
    assert not of_kind(found, "attribution")
