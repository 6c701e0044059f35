"""What an official asks of others (advice, appeal, demand) retold at another grade: the
``directive`` detector (keys14, session 14)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import of_category
from workbench.diff import DETECTOR_ORDER, Lexicon, find_differences
from workbench.diff.directives import GRADES, directives
from workbench.diff.salience import WEAK_LINK, WEAK_LINK_KINDS
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS
from workbench.types import Difference


def _directive_flags(statement: str, report: str, lexicon: Lexicon) -> list[Difference]:
    return of_category(statement, report, lexicon, "directive")


def test_the_detector_runs_with_and_without_a_translation() -> None:
    assert "directive" in DETECTOR_ORDER and "directive" in CROSS_LINGUAL_DETECTORS


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("The consulate recommends that travellers carry their passports.", "advice"),
        ("Officials advised residents to stay indoors.", "advice"),
        ("The mayor urged drivers to avoid the bridge.", "appeal"),
        ("The minister called on parents to vaccinate their children.", "appeal"),
        ("She asked the committee to postpone the vote.", "appeal"),
        ("The union demanded higher wages.", "demand"),
        ("Министерство рекомендует гражданам воздержаться от поездок.", "advice"),
        ("Призываю всех сохранять спокойствие.", "appeal"),
        ("Мы требуем немедленно освободить заложников.", "demand"),
        ("Елшілік азаматтарға сапарларын кейінге қалдыруды ұсынады.", "advice"),
        ("Барлық тұрғындарды сабырлы болуға шақырамын.", "appeal"),
        ("Элчилик жарандарга сапарларын кийинкиге калтырууну сунуштайт.", "advice"),
        ("Бардык тургундарды тынч болууга чакырабыз.", "appeal"),
    ],
)
def test_each_grade_is_read_in_each_language(text: str, grade: str) -> None:
    (found,) = directives(text)
    assert GRADES[found.grade] == grade


@pytest.mark.parametrize(
    "text",
    [
        "Demand for cotton fabric has grown.",
        "They came early in order to see the parade.",
        "The minister called on Monday for talks.",  # a day, not "called on" someone
        "Ситуация требует внимания.",  # what a thing requires
        "",
    ],
)
def test_a_need_or_a_date_is_no_directive(text: str) -> None:
    assert [GRADES[d.grade] for d in directives(text)] != ["demand"]
    assert not any(d.text.lower().startswith("called on") for d in directives(text))


@pytest.mark.parametrize(
    ("statement", "report", "how"),
    [
        (
            "Министерство рекомендует гражданам воздержаться от поездок в приграничные районы.",
            "The ministry urged citizens to avoid trips to the border areas.",
            "stronger",
        ),
        (
            "Элчилик жарандарга чек арага барбоону сунуштайт.",
            "The ministry demanded that citizens stay away from the border.",
            "stronger",
        ),
        (
            "Біз ірі базарлардың жұмысын тоқтатуға мәжбүрміз.",
            "It is recommended that large markets close.",
            "weaker",
        ),
        (
            "We are forced to close the schools in the city.",
            "Officials recommended closing schools in the city.",
            "weaker",
        ),
        (
            "Призываю граждан не выезжать за пределы города.",
            "The mayor advised residents to stay in the city.",
            "weaker",
        ),
    ],
)
def test_a_directive_retold_at_another_grade_is_a_wording_difference(
    statement: str, report: str, how: str, lexicon: Lexicon
) -> None:
    (found,) = _directive_flags(statement, report, lexicon)
    assert found.kind == "wording"
    assert how in found.note
    assert found.report in report


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the same grade
        (
            "Министерство рекомендует гражданам воздержаться от поездок.",
            "The ministry recommends that citizens refrain from travel.",
        ),
        # the report's stronger word is quoted: the speaker's, not the outlet's
        (
            "Министерство рекомендует гражданам воздержаться от поездок.",
            "“We urge citizens to stay home,” the ministry recommended.",
        ),
        # an obligation retold as an appeal or a demand: no shift
        (
            "Граждане должны соблюдать карантин.",
            "The president urged citizens to observe the quarantine.",
        ),
        # the statement asks nothing
        (
            "Казахстан исходит из принципов международного права.",
            "Kazakhstan urged all sides to respect international law.",
        ),
        # the report asks nothing; "recommendations" for books is a noun, no advice given
        ("Призываю граждан сохранять спокойствие.", "The president spoke about calm."),
        (
            "Балалар оқуы керек кітаптар туралы ұсыныстар беріледі.",
            "The show gives recommendations for books children should read.",
        ),
    ],
)
def test_no_directive_difference_at_the_same_grade_or_without_one(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert _directive_flags(statement, report, lexicon) == []


def test_a_directive_is_kept_on_a_weak_link_as_the_outlets_own_word(lexicon: Lexicon) -> None:
    """A link below ``WEAK_LINK`` keeps the report's own words (framing, distancing, certainty)
    and the directive's grade, read from the outlet's own verb; other differences go."""
    statement = "Министерство рекомендует гражданам воздержаться от поездок в приграничные районы."
    report = "The ministry urged citizens to avoid trips to the border areas after the floods."
    found = find_differences(
        statement,
        report,
        source=statement,
        src="ru",
        lexicon=lexicon,
        detectors=CROSS_LINGUAL_DETECTORS,
        confidence=WEAK_LINK / 2,
    )
    assert [d.category for d in found if d.kind not in WEAK_LINK_KINDS] == ["directive"]


@pytest.mark.parametrize(
    "report",
    [
        "Asked by reporters to comment, the ministry recommended that citizens postpone trips abroad.",
        "The minister, who was asked in parliament to explain the delay, recommended that citizens "
        "postpone trips abroad.",
    ],
)
def test_an_official_who_was_asked_makes_no_appeal(report: str, lexicon: Lexicon) -> None:
    """review14 K1: a passive or opening "asked" is a question put to the official."""
    statement = "The ministry recommends that citizens postpone trips abroad."
    assert _directive_flags(statement, report, lexicon) == []
    asking = "The ministry asked citizens to postpone trips abroad."
    assert [d.report for d in _directive_flags(statement, asking, lexicon)] == [
        "asked citizens to postpone"
    ]


def test_only_a_directive_in_a_clause_that_retells_the_line_counts(lexicon: Lexicon) -> None:
    """review14 K2: another directive of the outlet's text, by someone else about something
    else, is no retelling of the statement's advice."""
    statement = "We recommend that residents stay home."
    other = "Officials recommend residents stay home; police ordered drivers to leave the bridge."
    assert _directive_flags(statement, other, lexicon) == []
    stronger = "Officials ordered residents to stay home."
    assert [d.report for d in _directive_flags(statement, stronger, lexicon)] == [
        "ordered residents to stay"
    ]


def test_a_merged_retelling_takes_the_grade_of_every_line_it_retells(lexicon: Lexicon) -> None:
    """review14 K2: "urged" for a line that recommends and another line that urges is faithful."""
    statement = "The embassy recommends that citizens postpone their trips."
    report = (
        "The embassy urged citizens to postpone their trips and to register with the consulate."
    )
    line = "We urge all citizens abroad to register with the consulate."
    found = find_differences(statement, report, lexicon=lexicon, context=[line])
    assert [d for d in found if d.category == "directive"] == []
    alone = find_differences(statement, report, lexicon=lexicon)
    assert [d.category for d in alone if d.category == "directive"] == ["directive"]
