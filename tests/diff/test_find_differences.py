"""find_differences as a whole: the January 2022 examples, spans, content diff, contract."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import (
    DETECTOR_ORDER,
    DETECTORS,
    MAX_CHARS,
    Lexicon,
    diff_signature,
    find_differences,
)
from workbench.errors import UnknownNameError, UserInputError
from workbench.types import DIFFERENCE_KINDS


def test_bandits_vs_protesters(lexicon: Lexicon) -> None:
    found = diffs(
        "20,000 bandits attacked Almaty.", "Thousands of protesters gathered in Almaty.", lexicon
    )
    # "attacked" → "gathered" is one word: paraphrase-sized changes are left unflagged
    assert {d.kind for d in found} == {"number", "framing"}


def test_source_figure_equal_to_the_report(lexicon: Lexicon) -> None:
    found = diffs(
        "Twenty thousand bandits attacked Almaty.",
        "20,000 bandits attacked Almaty, Tokayev said.",
        lexicon,
        source="20 тысяч бандитов атаковали Алматы.",
        src="ru",
    )
    assert of_kind(found, "number") == []
    assert [(d.kind, d.report) for d in found] == [("attribution", "Tokayev said")]


def test_casualty_figures(lexicon: Lexicon) -> None:
    found = diffs("164 people died.", "103 died in Almaty.", lexicon)
    (number,) = of_kind(found, "number")
    assert (number.statement, number.report) == ("164", "103")
    assert of_kind(found, "entity") == []  # an added place name is no swap


def test_foreign_terrorists_vs_what_the_government_called(lexicon: Lexicon) -> None:
    found = diffs(
        "Tokayev said foreign terrorists attacked.",
        "According to Tokaev, what the government called foreign terrorists attacked.",
        lexicon,
    )
    assert [(d.kind, d.report) for d in found] == [("distancing", "what the government called")]


def test_spans_point_into_the_texts_on_a_busy_pair(lexicon: Lexicon) -> None:
    statement = (
        "On 5 January, Tokayev said 20,000 bandits and foreign terrorists had attacked Almaty "
        "and that 164 people had died."
    )
    report = (
        "Officials allegedly counted 103 dead in Almaty, where thousands of protesters did not "
        "disperse; Nazarbayev was not mentioned."
    )
    found = diffs(statement, report, lexicon)  # the helper checks every span
    kinds = {d.kind for d in found}
    # its negations negate words the statement does not have: paraphrase, not a flip
    assert {"number", "framing", "certainty", "attribution"} <= kinds
    spans = [d.statement_span for d in found if d.statement_span]
    spans += [d.report_span for d in found if d.report_span]
    assert all(0 <= s < e for s, e in spans)


def test_wording_never_repeats_a_span_a_specific_kind_explained(lexicon: Lexicon) -> None:
    found = diffs("Twenty thousand bandits attacked.", "20,000 thugs attacked.", lexicon)
    assert found == ()  # same value, same category: nothing for the word diff either


def test_omission_and_addition(lexicon: Lexicon) -> None:
    found = diffs(
        "The musician confessed on the evening state television news.",
        "The musician confessed.",
        lexicon,
    )
    assert [(d.kind, d.statement, d.report) for d in found] == [
        ("omission", "evening state television news", "")
    ]
    found = diffs(
        "The musician confessed.",
        "The musician confessed; his relatives dispute the confession.",
        lexicon,
    )
    assert [(d.kind, d.statement, d.report) for d in found] == [
        ("addition", "", "relatives dispute the confession")
    ]


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("3,400 people were evacuated.", "3,400 people fled."),
        ("The water level in the river rose.", "The river rose."),
        ("All major settlements are supplied with water.", "All bigger towns have water."),
    ],
)
def test_paraphrase_sized_changes_are_no_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert diffs(statement, report, lexicon) == ()


def test_moved_words_are_no_difference(lexicon: Lexicon) -> None:
    assert diffs("Yesterday troops arrived.", "Troops arrived yesterday.", lexicon) == ()


def test_identical_texts_have_no_differences(lexicon: Lexicon) -> None:
    text = "Tokayev said 20,000 bandits had allegedly not attacked Almaty, according to officials."
    assert diffs(text, text, lexicon) == ()


def test_deterministic_and_ordered(lexicon: Lexicon) -> None:
    a = ("164 people died in Almaty.", "Officials said 103 protesters died in Astana.")
    first = find_differences(*a, lexicon=lexicon)
    assert first == find_differences(*a, lexicon=lexicon)
    assert all(d.kind in DIFFERENCE_KINDS for d in first)


def test_detectors_are_a_registry(lexicon: Lexicon) -> None:
    assert set(DETECTORS.names()) == set(DETECTOR_ORDER)
    only = find_differences("164 died.", "103 died, officials said.", lexicon=lexicon,
                            detectors=["number"])  # fmt: skip
    assert [d.kind for d in only] == ["number"]
    with pytest.raises(UnknownNameError, match="available"):
        find_differences("a", "b", lexicon=lexicon, detectors=["tone"])


def test_signature_names_the_lexicon_version(lexicon: Lexicon) -> None:
    sig = diff_signature(lexicon)
    assert f"lexicon:{lexicon.name}@{lexicon.version}" in sig
    assert "|senses:wordnet-3.0|" in sig  # the English sense table decides what a paraphrase is
    assert sig.startswith("diff:") and "|version:" in sig


@pytest.mark.parametrize("bad", [None, b"bytes", 42])
def test_non_text_is_a_user_error(bad: object, lexicon: Lexicon) -> None:
    with pytest.raises(UserInputError, match="statement must be text"):
        find_differences(bad, "x", lexicon=lexicon)  # type: ignore[arg-type]


def test_huge_input_is_a_clear_error(lexicon: Lexicon) -> None:
    with pytest.raises(UserInputError, match="split it into sentences"):
        find_differences("x", "y " * MAX_CHARS, lexicon=lexicon)


def test_empty_and_hostile_input(lexicon: Lexicon) -> None:
    assert find_differences("", "", lexicon=lexicon) == ()
    found = diffs("<script>alert(1)</script> 164 died", "\x00\ufeff 103 died", lexicon)
    assert ("164", "103") in [(d.statement, d.report) for d in of_kind(found, "number")]


@pytest.mark.parametrize(
    ("statement", "src"),
    [
        ("Токаев заявил, что 20 тысяч бандитов атаковали Алматы.", "ru"),
        ("Тоқаев 20 мың бандит Алматыға шабуыл жасады деп мәлімдеді.", "kk"),
        ("Токаев 20 миң бандит Алматыга кол салганын билдирди.", "ky"),
    ],
)
def test_untranslated_statement_is_compared_across_scripts(
    statement: str, src: str, lexicon: Lexicon
) -> None:
    same = diffs(statement, "Tokayev said 20,000 bandits attacked Almaty.", lexicon, src=src)
    assert same == ()
    other = diffs(
        statement,
        "Thousands of protesters gathered in Almaty, according to witnesses.",
        lexicon,
        src=src,
    )
    kinds = {d.kind for d in other}
    # "Tokayev" left out is no flag of its own; the claim moved to witnesses is
    assert {"number", "framing", "attribution"} <= kinds
    assert not kinds & {"wording", "omission", "addition"}  # no word diff across scripts
    assert of_kind(other, "entity") == []


def test_a_clause_the_report_puts_in_place_of_a_word_or_two_is_an_addition(
    lexicon: Lexicon,
) -> None:
    # the statement's own run here is two words between a name and a place ("Water rose"):
    # too short to pair with the report's clause as a rewording, which then went unflagged
    found = find_differences(
        "Water rose at the Shulbinsk dam in Abai region; 300 residents were evacuated.",
        "Thanks to the quick work of local volunteers, most of the 300 dam residents who were "
        "evacuated are safe.",
        lexicon=lexicon,
    )
    added = [d.report for d in found if d.kind == "addition"]
    assert added == ["Thanks to the quick work of local volunteers"]
    paraphrase = find_differences(
        "Heavy rain flooded the old bridge on Monday.",
        "Torrential downpours flooded the old bridge on Monday.",
        lexicon=lexicon,
    )
    assert not [d for d in paraphrase if d.kind in ("addition", "omission", "wording")]
