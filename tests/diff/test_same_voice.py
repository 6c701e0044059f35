"""A report that gives a statement's words to the statement itself ("the release said"), to its
issuer under a long title ("the Ministry of Foreign Affairs of Uzbekistan has said"), or that
uses a verb of saying as a verb of doing ("the two towns have long maintained close trade
ties") moves no claim between voices: no attribution flag. Another speaker still moves it
(issue 9: same-voice attributions were the most frequent noise of the fresh sets read in
session 9)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import of_kind
from workbench.diff import Lexicon, find_differences
from workbench.diff.markers import _speaker_key, attribution_mentions

STATEMENT = "The water supply in the capital has been fully restored."
STATED_BY = "The Ministry states that the water supply in the capital has been fully restored."


@pytest.mark.parametrize(
    "report",
    [
        "The water supply in the capital has been fully restored, the release added.",
        "A press release said the water supply in the capital has been fully restored.",
        "The water supply in the capital has been fully restored, a statement said.",
    ],
)
def test_the_statement_itself_as_speaker_is_its_own_voice(report: str, lexicon: Lexicon) -> None:
    assert not of_kind(find_differences(STATEMENT, report, lexicon=lexicon), "attribution")


def test_the_statement_of_someone_named_is_not_the_document_alone() -> None:
    # "the release of the opposition party": who issued it decides, not the document noun
    assert _speaker_key("the release of the opposition party") != frozenset({"<official>"})
    assert _speaker_key("the press release") == frozenset({"<official>"})
    assert _speaker_key("a message by") != frozenset({"<official>"})  # "by" whom follows


def test_a_long_title_keeps_its_head_noun(lexicon: Lexicon) -> None:
    # cut to its last four words the speaker was "of Water Resources has": no ministry in it
    report = (
        "ASTANA: Uzbekistan's Ministry of Water Resources has said that the water supply in the "
        "capital has been fully restored."
    )
    assert not of_kind(find_differences(STATED_BY, report, lexicon=lexicon), "attribution")
    (mention,) = attribution_mentions(report)
    assert mention.value == frozenset({"<official>"})


def test_another_speaker_still_moves_the_claim(lexicon: Lexicon) -> None:
    report = "The water supply in the capital has been fully restored, the opposition party said."
    assert of_kind(find_differences(STATEMENT, report, lexicon=lexicon), "attribution")


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ("The two towns have long maintained close trade ties.", False),
        ("The council established a commission on the floods.", False),
        ("The talks concluded the visit.", False),
        ("The mayor maintained that the dam was safe.", True),
        ("The dam was safe, the mayor maintained.", True),
        ("The court ruled that the fine was lawful.", True),
    ],
)
def test_verbs_of_saying_that_are_also_verbs_of_doing(text: str, speech: bool) -> None:
    assert bool(attribution_mentions(text)) is speech


def test_a_verb_of_doing_is_no_speaker_of_the_quote(lexicon: Lexicon) -> None:
    statement = "Our two towns have long maintained close trade ties."
    report = "The two towns have long maintained close trade ties."
    assert not of_kind(find_differences(statement, report, lexicon=lexicon), "attribution")
