"""Review16's findings on session 16's diff changes (N1, N2, T2, V1), each a test that failed
before its fix. The sentences are made up."""

from __future__ import annotations

from tests.diff.helpers import of_kind
from workbench.diff import Lexicon, find_differences
from workbench.diff.markers import attribution_mentions
from workbench.diff.voice import _named

DAM = ["Ministry of Emergencies of Kazakhstan"]


def test_hearsay_with_no_speaker_in_the_statement_is_not_the_issuers_voice(
    lexicon: Lexicon,
) -> None:
    """N1: "as reported" has no speaker at all; the empty speaker is no personal pronoun, so a
    report stating the claim as fact moves it between voices."""
    statement = "As reported, the dam held and no villages were flooded."
    report = "The dam held and no villages were flooded."
    found = find_differences(statement, report, lexicon=lexicon, issuer=DAM)  # type: ignore[arg-type]
    assert of_kind(found, "attribution")
    # a personal pronoun still is the issuer's voice
    said = "He noted that the dam held and no villages were flooded."
    found = find_differences(said, report, lexicon=lexicon, issuer=DAM)  # type: ignore[arg-type]
    assert not of_kind(found, "attribution")


def test_a_time_or_place_phrase_before_the_comma_is_no_speaker() -> None:
    """N2: the adverbial rule reads the speaker before the comma only when that clause can be
    one."""
    (m,) = attribution_mentions("On Tuesday, in Bishkek the minister said the canal is dry.")
    assert "minister" in m.speaker and "Tuesday" not in m.speaker
    (m,) = attribution_mentions("Meanwhile, at the briefing the minister said the canal is dry.")
    assert "minister" in m.speaker and "Meanwhile" not in m.speaker
    # the rule it narrows still holds
    (m,) = attribution_mentions("The water agency, for its part, said the canal is ready.")
    assert m.speaker == "The water agency"


def test_a_date_the_report_adds_is_no_frame_word(lexicon: Lexicon) -> None:
    """T2: "today" counts toward a clause-sized addition."""
    statement = "Water from the reservoir was released in a controlled manner on Monday."
    report = statement[:-1] + ", and the dam burst today."
    found = find_differences(statement, report, lexicon=lexicon)
    assert any("burst" in d.report for d in of_kind(found, "addition"))


def test_a_bare_pronoun_is_named_by_a_surname_not_by_an_english_word() -> None:
    """V1: -in/-ina is no surname ending of the pronoun's antecedent."""
    text = "Again, he said the canal is dry."
    assert _named("he", text, text.index("he")) == "he (unnamed)"
    text = "Tokayev arrived. Within hours he said the canal is dry."
    assert _named("he", text, text.index("he said")) == "he (Tokayev)"


def test_called_and_a_name_with_nothing_said_of_it_is_no_speech() -> None:
    """With N1 a speaker-less mention is no longer the issuer's voice, so "called" as naming
    ("where the country called X was") must not be read as speech at all."""
    assert attribution_mentions("Few knew where the town called Naryn was.") == []
    assert attribution_mentions("The minister called Bolot Sydykov on Monday.") == []
    (m,) = attribution_mentions("The minister called the canal a disaster.")
    assert m.speaker == "The minister"
    (m,) = attribution_mentions("The minister called Western plans a disaster.")
    assert m.speaker == "The minister"
    # a Title-Case headline keeps its attribution (review16 N4)
    (m,) = attribution_mentions("Minister Sydykov Called Western Plans A Disaster")
    assert "Sydykov" in m.speaker
