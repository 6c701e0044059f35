"""A side of a conflict that only the report names: the ``party`` detector (keys14, session 14)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import of_category
from workbench.diff import DETECTOR_ORDER, Lexicon, find_differences
from workbench.diff.parties import named_states
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS


def test_the_detector_runs_with_and_without_a_translation() -> None:
    assert "party" in DETECTOR_ORDER and "party" in CROSS_LINGUAL_DETECTORS


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Отношения с Ресеймен жақсы.", {"Russia"}),
        ("Ситуация вокруг Украины обостряется.", {"Ukraine"}),
        ("The talks in Beijing ended.", {"China"}),
        ("Let us meet.", set()),
    ],
)
def test_states_are_named_in_each_language(text: str, states: set[str]) -> None:
    assert named_states([text]) == states


@pytest.mark.parametrize(
    ("statement", "report", "states"),
    [
        (
            "Мы обеспокоены обострением ситуации вокруг Украины.",
            "Astana is worried by the growing Russian-Ukrainian conflict.",
            ["Russia"],
        ),
        (
            "Министрлік терминалға жасалған шабуылды айыптайды.",
            "The ministry condemned the attack by Ukraine on the terminal.",
            ["Ukraine"],
        ),
        (
            "Президент неоднократно говорил о важности международного права.",
            "The president has called for an end to the Ukrainian conflict under international law.",
            ["Ukraine"],
        ),
        (
            "The ministry condemned the strike on the oil terminal.",
            "The ministry condemned Russia's strike on the oil terminal.",
            ["Russia"],
        ),
        # a blow still is one beside the agreement and stoppage rule (review14 K4)
        (
            "The ministry condemned the strike on the oil terminal.",
            "Russian drone strikes hit the oil terminal again.",
            ["Russia"],
        ),
    ],
)
def test_a_side_only_the_report_names_is_an_entity_difference(
    statement: str, report: str, states: list[str], lexicon: Lexicon
) -> None:
    found = of_category(statement, report, lexicon, "party")
    assert [d.note.split(" names ")[1].split(" as ")[0] for d in found] == states
    assert all(d.kind == "entity" and d.statement == "" for d in found)


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # a place, not a side: a state locating a port or a town
        (
            "Министрлік терминалға жасалған шабуылды айыптайды.",
            "The tanker near Tuapse, Russia, was hit in an attack.",
        ),
        (
            "Министрлік терминалға жасалған шабуылды айыптайды.",
            "The Russian Baltic port was closed after the attack.",
        ),
        # the statement names the side itself
        (
            "Мы обеспокоены конфликтом между Россией и Украиной.",
            "Astana is worried by the Russian-Ukrainian conflict.",
        ),
        # a state with no word of conflict
        (
            "Мы обеспокоены ситуацией.",
            "Russian forces hold most of the region, Kazakhstan said.",
        ),
        # a "strike" that is no blow: an agreement struck, a stoppage of work (review14 K4)
        ("Министрлік келісімді құптайды.", "A Chinese company strikes a deal with the ministry."),
        ("Министрлік келісімді құптайды.", "China strikes deal on gas supplies."),
        ("Министрлік келісімді құптайды.", "The Chinese firm strikes a new agreement."),
        ("Министрлік келісімді құптайды.", "Russia strikes the right balance, the minister said."),
        ("Министрлік жағдайды бақылап отыр.", "Kazakh miners strike over pay."),
        ("Министрлік жағдайды бақылап отыр.", "The Kyrgyz hunger strike ended on Friday."),
    ],
)
def test_no_party_for_a_place_a_side_the_statement_names_or_no_conflict(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert of_category(statement, report, lexicon, "party") == []


def test_a_side_another_line_of_the_document_names_is_no_party(lexicon: Lexicon) -> None:
    statement = "Мы обеспокоены обострением ситуации."
    found = find_differences(
        statement,
        "Astana is worried by the growing Russian-Ukrainian conflict.",
        source=statement,
        src="ru",
        lexicon=lexicon,
        detectors=CROSS_LINGUAL_DETECTORS,
        document=["Россия и Украина должны сесть за стол переговоров."],
    )
    assert [d for d in found if d.category == "party"] == []
