"""A name of the statement left out of a report that retells the clause holding it: the
``unnamed`` detector (keys17, session 17)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import as_compare_reads
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS
from workbench.types import Difference


def _unnamed(
    statement: str, report: str, lexicon: Lexicon, issuer: tuple[str, ...] = ()
) -> list[Difference]:
    """The detector's flags as compare reads the pair (:func:`as_compare_reads`)."""
    found = as_compare_reads(statement, report, lexicon, issuer)
    return [d for d in found if d.detector == "unnamed"]


def test_the_detector_runs_with_and_without_a_translation() -> None:
    assert "unnamed" in DETECTOR_ORDER and "unnamed" in CROSS_LINGUAL_DETECTORS
    assert DETECTOR_ORDER.index("unnamed") < DETECTOR_ORDER.index("content")


@pytest.mark.parametrize(
    ("statement", "report", "name"),
    [
        # a translation (the -tr path): the place of the school is dropped, the rest retold
        (
            "The new school will be built next year beside Tamdy village, the minister said.",
            "The new school will be built next year, the minister said.",
            "Tamdy",
        ),
        # the original, no translation (ky, ru)
        (
            "Жаңы мектеп кийинки жылы Тамды айылынын жанында курулат.",
            "The new school will be built next year.",
            "Тамды",
        ),
        (
            "Новая школа будет построена в следующем году у села Тамды.",
            "The new school will be built next year.",
            "Тамды",
        ),
        # a people kk writes in lower case: "a custom of the Kazakhs" retold as "a custom"
        (
            "Бұл қазақтың ежелгі дәстүрі екенін ұмытпауымыз керек.",
            "We must not forget that it is an ancient tradition.",
            "қазақтың",
        ),
    ],
)
def test_a_name_left_out_of_its_retold_clause_is_an_omission(
    statement: str, report: str, name: str, lexicon: Lexicon
) -> None:
    found = _unnamed(statement, report, lexicon)
    assert [(d.kind, d.statement, d.category) for d in found] == [("omission", name, "name")]
    assert found[0].statement_span is not None
    assert statement[found[0].statement_span[0] : found[0].statement_span[1]] == name
    assert found[0].report_span is None


def test_a_people_retold_as_a_generic_group_is_a_label(lexicon: Lexicon) -> None:
    statement = "We must remember that the spring greeting is an ancient custom of the Kazakhs."
    report = "We must remember that the spring greeting is an ancient custom of our people."
    found = _unnamed(statement, report, lexicon)
    assert [(d.kind, d.statement, d.report) for d in found] == [("label", "Kazakhs", "our people")]
    assert found[0].report_span is not None
    assert report[found[0].report_span[0] : found[0].report_span[1]] == "our people"


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the name is there, in another spelling or script
        (
            "The new school will be built next year beside Tamdy village, the minister said.",
            "The new school will be built next year near Tamdy, the minister said.",
        ),
        (
            "Жаңы мектеп кийинки жылы Тамды айылынын жанында курулат.",
            "The new school will be built next year near Tamdy.",
        ),
        # the report retells another clause of the line, not the one with the name
        (
            "The minister met the governor of the Talas region, and they agreed to build "
            "a new road to the mountain pass.",
            "They agreed to build a new road to the mountain pass.",
        ),
        # a stand-in for the place: "here", "the region"
        (
            "Our famous khans ruled the great steppe from Saraikent for two centuries.",
            "Our famous khans ruled the great steppe from here for two centuries.",
        ),
        (
            "All the countries of Central Asia have settled their water disputes at last.",
            "All the countries of the region have settled their water disputes at last.",
        ),
        # another name in its place: the name is retold, not left out
        (
            "Ukrainian drones struck the oil terminal near the port again last night.",
            "Drones launched from Kharkiv struck the oil terminal near the port again last night.",
        ),
        # the initials for the name
        (
            "The Caspian Pipeline Consortium will resume loading crude oil at the sea terminal.",
            "The CPC will resume loading crude oil at the sea terminal.",
        ),
        # a transliteration the name matcher does not pair, read loosely
        (
            "The team will again be led by Schumacher in the autumn race at the new circuit.",
            "Shumaher will again lead the team in the autumn race at the new circuit.",
        ),
        # a Kyrgyz verb is no people («киргизүү», to bring in)
        (
            "Жаңы эрежени киргизүү үчүн парламент 20 күн иштейт.",
            "Parliament will work for 20 days to bring in the new rule.",
        ),
        # an acronym alone is not read (reports write its expansion)
        (
            "The KTZ company will carry much more freight to the new port next year.",
            "The railway company will carry much more freight to the new port next year.",
        ),
        # a Russian noun capitalised as a title is no name
        (
            "Мы строго соблюдаем принципы, на которых основан Устав этой организации.",
            "We strictly observe the principles on which the charter of this body is based.",
        ),
    ],
)
def test_no_flag_when_the_name_is_kept_or_its_clause_not_retold(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert _unnamed(statement, report, lexicon) == []


def test_the_issuer_is_no_dropped_name(lexicon: Lexicon) -> None:
    """ "The president said" for the issuer's own name is how every report names him."""
    statement = (
        "In a speech Toktogulov said that the new bridge over the river will open in spring."
    )
    report = (
        "In a speech the president said that the new bridge over the river will open in spring."
    )
    issuer = ("President Bakyt Toktogulov", "Toktogulov on the new bridge")
    assert _unnamed(statement, report, lexicon, issuer) == []
    assert [d.statement for d in _unnamed(statement, report, lexicon)] == ["Toktogulov"]
