"""Attribution is flagged only when a claim moves between a speaker's voice and the outlet's own
(issue 9, session 16): not when the report names the statement's own speaker ("..., Duisenov
said" retelling Duisenov's words), not when the speech verb sits inside the quoted speaker's
words, not for a statement's "he noted" retold as fact; the speaker is read whole ("the
Chairman of the Agency, Aibek Duisenov, announced at a meeting" names Duisenov, not "at a
meeting"; "said Duisenov stressing ..." names Duisenov; "farmers who came to the town said"
names the farmers). The names and sentences are made up."""

from __future__ import annotations

import pytest

from tests.diff.helpers import of_kind
from workbench.diff import Lexicon, find_differences
from workbench.diff.markers import _in_quotation, attribution_mentions

WATER = ["Chairman of the Water Agency of Kyrgyzstan", "Duisenov to the committee on canals"]


def _attributions(statement: str, report: str, lexicon: Lexicon, **kw: object) -> list[str]:
    found = find_differences(statement, report, lexicon=lexicon, **kw)  # type: ignore[arg-type]
    return [d.note for d in of_kind(found, "attribution")]


def test_the_speaker_before_a_comma_is_read_when_a_preposition_follows_the_verb() -> None:
    text = "The Chairman of the Water Agency, Aibek Duisenov, announced at a meeting of deputies."
    (m,) = attribution_mentions(text)
    assert m.speaker == "Aibek Duisenov"
    assert "at a meeting" not in m.note


def test_an_adverbial_before_the_verb_is_no_speaker() -> None:
    (m,) = attribution_mentions("The water agency, for its part said the canal is ready.")
    assert m.speaker == "The water agency"


def test_a_speaker_after_the_verb_ends_before_a_participle() -> None:
    (m,) = attribution_mentions("“The canal is ready,” said Duisenov stressing its cost.")
    assert m.speaker == "Duisenov"


def test_a_relative_clause_keeps_its_noun_in_the_speaker() -> None:
    (m,) = attribution_mentions("Farmers who came to the town said the canal is dry.")
    assert m.speaker.startswith("Farmers who came")
    assert "Farmers" in m.value  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "verb", "inside"),
    [
        ("«When the minister told me about it, I was glad.", "told", True),
        ("The charter says that all states keep the peace,» he said.", "says", True),
        ("The charter says that all states keep the peace,» he said.", "said", False),
        ('"Farmers who came said the canal is dry," Duisenov noted.', "said", True),
        ('"Farmers who came said the canal is dry," Duisenov noted.', "noted", False),
        ("“The canal is dry,” Duisenov reportedly stated.", "stated", False),
        ("Duisenov said the canal is dry.", "said", False),
    ],
)
def test_in_quotation(text: str, verb: str, inside: bool) -> None:
    at = text.index(verb)
    assert _in_quotation(text, (at, at + len(verb))) is inside


def test_the_statements_own_speaker_named_in_the_report_moves_nothing(lexicon: Lexicon) -> None:
    statement = "We received thirty hectares of land near the canal."
    report = "We received thirty hectares of land near the canal,» Aibek Duisenov said."
    assert _attributions(statement, report, lexicon, issuer=WATER) == []
    # another speaker is still flagged
    other = "We received thirty hectares of land near the canal, Bolot Sydykov said."
    assert _attributions(statement, other, lexicon, issuer=WATER)


def test_a_hedged_attribution_to_the_statements_own_speaker_is_still_flagged(
    lexicon: Lexicon,
) -> None:
    statement = "We received thirty hectares of land near the canal."
    report = "“We received thirty hectares of land,” Duisenov reportedly stated."
    assert _attributions(statement, report, lexicon, issuer=WATER)


def test_a_speech_verb_inside_the_quoted_words_is_not_the_outlets_attribution(
    lexicon: Lexicon,
) -> None:
    statement = "When the minister gave me this news, I was glad."
    report = "«When the Minister of Water told me about this, I was glad."
    assert _attributions(statement, report, lexicon, issuer=WATER) == []


@pytest.mark.parametrize(
    ("statement", "src"),
    [
        ("Head of the Agency Aibek Duisenov called the canal an urgent task.", None),
        ("Айбек Дуйсенов заявил, что канал станет главной задачей.", "ru"),
        ("He noted that the canal is an urgent task.", None),
        ("По его словам, канал станет главной задачей.", "ru"),
        ("Айбек Дуйсенов канал шашылыш маселе экенин билдирди.", "ky"),
    ],
)
def test_the_issuers_person_or_a_pronoun_in_the_statement_is_the_issuers_voice(
    lexicon: Lexicon, statement: str, src: str | None
) -> None:
    report = "The canal is an urgent task."
    kw: dict[str, object] = {"issuer": WATER}
    if src:
        kw["src"] = src
    assert _attributions(statement, report, lexicon, **kw) == []


@pytest.mark.parametrize(
    "statement",
    [
        "Some say the canal is an urgent task.",
        "Minister Bolot Sydykov called the canal an urgent task.",
    ],
)
def test_others_in_the_statement_still_move_when_stated_as_fact(
    lexicon: Lexicon, statement: str
) -> None:
    assert _attributions(statement, "The canal is an urgent task.", lexicon, issuer=WATER)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Duisenov took to Facebook to say the canal is dry.", "Duisenov"),
        ("Duisenov went on to say that the canal is dry.", "Duisenov"),
        ("The water minister used the briefing to announce that the canal is dry.",
         "The water minister"),
    ],
)  # fmt: skip
def test_a_speaker_who_goes_on_or_uses_a_briefing_to_speak_keeps_the_claim(
    text: str, speaker: str
) -> None:
    """review15 K4: "X used the briefing to announce that ..." gave no attribution, and "X took
    to Facebook to say" read the speaker as "X took to Facebook to"."""
    (m,) = attribution_mentions(text)
    assert m.speaker == speaker


@pytest.mark.parametrize(
    "text", ["Duisenov is expected to announce the results.", "Needless to say, it is dry."]
)
def test_an_impersonal_frame_before_to_say_gives_the_claim_to_nobody(text: str) -> None:
    assert attribution_mentions(text) == []


def test_announce_is_speech_only_after_going_on_or_using_something_to() -> None:
    """ "the states should adopt a visa-free regime and announce a common visa": to proclaim."""
    assert attribution_mentions("The states should agree and announce a common visa.") == []


def test_a_claim_the_report_quotes_is_the_speakers_words_not_the_outlets_assertion(
    lexicon: Lexicon,
) -> None:
    """The statement retells what others said; a report that quotes the speaker retelling it
    («there was an opinion in town that ...») does not state it as fact, however the quote
    words the others' view; the same words in the outlet's own voice do."""
    statement = "Before this, people in our town often said that the canal was dry."
    quoted = "“Before this, there was a common opinion in town that the canal was dry."
    assert _attributions(statement, quoted, lexicon, issuer=WATER) == []
    framed = "“There was a common opinion that the canal was dry,” Duisenov said."
    assert _attributions(statement, framed, lexicon, issuer=WATER) == []
    own = "Before this, the canal was dry."
    assert _attributions(statement, own, lexicon, issuer=WATER)
