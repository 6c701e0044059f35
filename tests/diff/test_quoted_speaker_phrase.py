"""An outlet that quotes a phrase the statement says gives the speaker his words: attribution,
not distancing (voice23, issue 9). A single quoted word, a quoted label and a quote of words the
statement does not say stay scare quotes."""

from __future__ import annotations

import pytest

from tests.diff.helpers import cross_lingual_diffs, diffs, of_kind
from workbench.diff import Lexicon, find_differences

CANAL = (
    "We back the pause in the works, provided it brings a lasting settlement of the canal dispute."
)


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        (CANAL,
         "The mayor backs the pause only if it brings a “lasting settlement” of the canal dispute."),
        # half the quoted words said: the outlet's English of the speaker's phrase ("durable"
        # for "lasting") is still his phrase
        (CANAL,
         "The mayor backs the pause only if it brings a “durable settlement” of the canal dispute."),
        ("Мы поддерживаем паузу в работах, если она приведёт к долгосрочному соглашению по спору.",
         "Moscow backs the pause in the works if it brings a “long-term agreement” on the dispute."),
        # the phrase word for word, though the lexicon gives «мир» as "peace" only rarely
        ("Мы поддерживаем паузу в работах, если она приведёт к долгосрочному миру в долине.",
         "Moscow backs the pause in the works if it brings “long-term peace” to the valley."),
        # «прочному» before the agreement: “solid” renders it
        ("Мы поддерживаем паузу в работах, если она приведёт к прочному соглашению по спору.",
         "Moscow backs the pause in the works if it brings a “solid agreement” on the dispute."),
    ],
)  # fmt: skip
def test_a_quoted_phrase_of_the_statement_is_no_distancing(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert not of_kind(cross_lingual_diffs(statement, report, lexicon), "distancing")


@pytest.mark.parametrize(
    ("statement", "report", "quote"),
    [
        # one quoted word: the classic scare quote
        (CANAL, "The mayor backs the pause only if it brings a “settlement” of the canal dispute.",
         "“settlement”"),
        # words the statement does not say
        (CANAL, "The mayor backs the pause only if it brings a “swift vote” on the canal dispute.",
         "“swift vote”"),
        # a word the statement has no place for: "heavy" is the outlet's
        ("The council will impose fines on the plant.",
         "The council will impose “heavy fines” on the plant.", "“heavy fines”"),
        # the speaker's own label, which the outlet puts at a distance
        ("Foreign terrorists blocked the canal works.",
         "The mayor said “foreign terrorists” blocked the canal works.", "“foreign terrorists”"),
    ],
)  # fmt: skip
def test_scare_quotes_and_quoted_labels_still_distance(
    statement: str, report: str, quote: str, lexicon: Lexicon
) -> None:
    assert [d.report for d in of_kind(diffs(statement, report, lexicon), "distancing")] == [quote]


def test_a_distancing_word_before_the_speakers_phrase_still_distances(lexicon: Lexicon) -> None:
    report = "The mayor backs the pause only if it brings what he called a “lasting settlement”."
    assert of_kind(diffs(CANAL, report, lexicon), "distancing")


PAUSE = "We back the pause in the works."
MERGED = "The mayor backs the pause in the works over a “grave matter” for the canal."


def test_a_quoted_phrase_of_another_line_of_the_statement_is_no_distancing(
    lexicon: Lexicon,
) -> None:
    """A report sentence that retells two lines, linked to one, quotes the other's words."""
    document = ["The canal is a grave matter for the whole town."]
    assert of_kind(diffs(PAUSE, MERGED, lexicon), "distancing")
    assert not of_kind(
        find_differences(PAUSE, MERGED, lexicon=lexicon, document=document), "distancing"
    )


def test_another_line_explains_a_quote_only_by_its_own_words(lexicon: Lexicon) -> None:
    """A line the report is not known to retell counts only its own words (no synonym) and
    must say the quote's head word: "serious" and "business" say no “grave matter”."""
    for document in (["The canal is grave for the whole town."], ["Serious business."]):
        assert of_kind(
            find_differences(PAUSE, MERGED, lexicon=lexicon, document=document), "distancing"
        )


def test_the_words_apart_are_no_quoted_phrase(lexicon: Lexicon) -> None:
    """«долгосрочный» and «миру» apart, not the phrase, and the lexicon gives «миру» as "peace"
    only rarely: the quote is the outlet's."""
    found = cross_lingual_diffs(
        "Долгосрочный план для долины ведёт к миру.",
        "Moscow plans “long-term peace” in the valley.",
        lexicon,
    )
    assert [d.report for d in of_kind(found, "distancing")] == ["“long-term peace”"]
