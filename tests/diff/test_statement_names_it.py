"""What the statement names too is not the outlet's: a neutral label the statement gives the
actors in another line, a name given as its acronym (noise11, issue 9)."""

from __future__ import annotations

from tests.diff.helpers import of_kind
from workbench.diff import Lexicon, find_differences
from workbench.diff.entities import _initials
from workbench.diff.salience import _names_someone
from workbench.diff.text import tokenize

STATEMENT = "The ministry calls for talks to end the dispute over the canal."
REPORT = "The ministry calls on all sides to hold talks to end the dispute over the canal."


def test_a_label_the_statement_gives_in_another_line_is_not_the_reports(lexicon: Lexicon) -> None:
    assert of_kind(find_differences(STATEMENT, REPORT, lexicon=lexicon), "label")
    document = ["Both sides should keep the water flowing until spring."]
    found = find_differences(STATEMENT, REPORT, lexicon=lexicon, document=document)
    assert not of_kind(found, "label")


def test_a_label_the_statement_document_lacks_still_fires(lexicon: Lexicon) -> None:
    document = ["The canal was built in 1975."]
    found = find_differences(STATEMENT, REPORT, lexicon=lexicon, document=document)
    assert of_kind(found, "label")


def test_the_other_line_in_the_original_language_counts_too(lexicon: Lexicon) -> None:
    # "the ministry calls for talks on the canal"; "the two sides must keep the water flowing"
    source = "Министрлік канал жөнінде келіссөзге шақырады."
    document = ["Екі жақ көктемге дейін суды тоқтатпауы керек."]
    kept = find_differences(source, REPORT, src="kk", lexicon=lexicon)
    assert of_kind(kept, "label")
    found = find_differences(source, REPORT, src="kk", lexicon=lexicon, document=document)
    assert not of_kind(found, "label")


def test_a_name_and_its_acronym_are_one_name(lexicon: Lexicon) -> None:
    statement = "The president spoke with the leader of the United Arab Emirates on Monday."
    report = "The president spoke with the leader of the UAE on Monday."
    assert not of_kind(find_differences(statement, report, lexicon=lexicon), "entity")
    assert not of_kind(find_differences(report, statement, lexicon=lexicon), "entity")


def test_another_name_in_its_place_is_still_a_swap(lexicon: Lexicon) -> None:
    statement = "The president spoke with the leader of the United Arab Emirates on Monday."
    report = "The president spoke with the leader of Saudi Arabia on Monday."
    assert of_kind(find_differences(statement, report, lexicon=lexicon), "entity")
    acronym = "The president spoke with the leader of the USA on Monday."
    assert of_kind(find_differences(statement, acronym, lexicon=lexicon), "entity")


def test_initials_of_names_of_several_words() -> None:
    def initials(text: str) -> list[str]:
        return _initials(tokenize(text), text)

    assert initials("the United Arab Emirates said") == ["UA", "UAE", "AE"]
    assert initials("the United Nations. Then") == ["UN"]
    assert "MFA" in initials("the Ministry of Foreign Affairs of Kazakhstan")
    assert "UAE" in initials("with United Arab Emirates President Mohamed bin Zayed")
    assert "UAE" in initials("to the Head of the United Arab Emirates.")
    # review10: the name after a small word, and a sentence's opening "The" left out (they
    # gave "PUAE" and "TUAE" alone, so "UAE" was a swapped name there)
    assert "UAE" in initials("the President of the United Arab Emirates")
    assert "TUAE" not in initials("The United Arab Emirates said")
    assert "UAE" in initials("The United Arab Emirates said")
    assert initials("Kazakhstan said") == []
    assert initials("Almaty, Astana and Bishkek") == []


ISSUER = ["Aidar Bekov", "Mayor of Taraz"]
ATTRIBUTED = "The mayor said the dam will be repaired before spring."


def test_the_statements_own_voice_on_both_sides_is_no_move(lexicon: Lexicon) -> None:
    report = "Aidar Bekov noted that the dam will be repaired before spring."
    assert of_kind(find_differences(ATTRIBUTED, report, lexicon=lexicon), "attribution")
    # the name and the title are one speaker because they are the issuer (the compare pipeline
    # passes it as both): two texts of the context alone may be two speakers (fix11)
    found = find_differences(ATTRIBUTED, report, lexicon=lexicon, context=ISSUER, issuer=ISSUER)
    assert not of_kind(found, "attribution")


def test_the_claim_given_to_another_voice_still_moves(lexicon: Lexicon) -> None:
    report = "Opposition deputies noted that the dam will be repaired before spring."
    found = find_differences(ATTRIBUTED, report, lexicon=lexicon, context=ISSUER)
    assert of_kind(found, "attribution")


def test_an_acronym_for_a_name_after_of_the_or_opening_a_sentence_is_one_name(
    lexicon: Lexicon,
) -> None:
    # review10: the acronym was read only off a name standing alone after a lower-case word
    statement = "Tokayev met the President of the United Arab Emirates on Monday."
    report = "Tokayev met the UAE president on Monday."
    assert not of_kind(find_differences(statement, report, lexicon=lexicon), "entity")
    opening = "The United Arab Emirates welcomed the talks."
    assert not of_kind(
        find_differences(opening, "The UAE welcomed the talks.", lexicon=lexicon), "entity"
    )
    assert of_kind(
        find_differences(opening, "Saudi Arabia welcomed the talks.", lexicon=lexicon), "entity"
    )


READOUT = "The minister noted with regret that two bridges were damaged in the flood."


def test_quotation_marks_around_how_it_was_said_quote_it(lexicon: Lexicon) -> None:
    report = 'The minister "noted with regret" that two bridges were damaged.'
    assert not of_kind(find_differences(READOUT, report, lexicon=lexicon), "distancing")


def test_a_quotations_own_inner_quotes_are_the_speakers(lexicon: Lexicon) -> None:
    statement = "The repairs need time, with the facts in mind."
    report = (
        "The mayor “stressed the size of the damage, which means the repairs need time, "
        "with the facts ‘on the ground’ in mind.”"
    )
    assert not of_kind(find_differences(statement, report, lexicon=lexicon), "distancing")


def test_scare_quotes_of_the_outlet_still_distance(lexicon: Lexicon) -> None:
    report = 'The minister regretted the damage the "flood" did to two bridges.'
    assert of_kind(find_differences(READOUT, report, lexicon=lexicon), "distancing")
    so_called = "The minister regretted the damage the so-called flood did to two bridges."
    assert of_kind(find_differences(READOUT, so_called, lexicon=lexicon), "distancing")


def test_the_issuer_telling_or_underlining_is_the_statements_own_voice(lexicon: Lexicon) -> None:
    statement = "It is important to repair the dam before the spring floods."
    for verb in ("tells", "underlined", "emphasised"):
        report = (
            f"Aidar Bekov {verb} residents it is important to repair the dam before the "
            "spring floods."
        )
        found = find_differences(statement, report, lexicon=lexicon, context=ISSUER)
        assert not of_kind(found, "attribution"), verb
    other = "Opposition deputies said it is important to repair the dam before the spring floods."
    assert of_kind(
        find_differences(statement, other, lexicon=lexicon, context=ISSUER), "attribution"
    )


def test_a_side_that_names_no_speaker_cannot_name_another(lexicon: Lexicon) -> None:
    # the report's speaker stands before the quoted verb
    statement = "The minister noted with regret that two bridges were damaged in the flood."
    report = 'He "noted with regret" that two bridges were damaged in the flood.'
    assert not of_kind(find_differences(statement, report, lexicon=lexicon), "attribution")
    moved = "Residents said that two bridges were damaged in the flood."
    assert of_kind(find_differences(statement, moved, lexicon=lexicon), "attribution")


def test_which_side_names_its_speaker() -> None:
    assert _names_someone("The mayor said")
    assert _names_someone("Opposition deputies noted")
    assert _names_someone("Our country calls")
    assert not _names_someone("noted with regret")
    assert not _names_someone("said")
    assert _names_someone("билдирди")  # its speaker may stand just before the span
