"""A position retold as a refusal the speaker did not voice: the ``refusal`` detector (keys14,
session 14)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import of_category
from workbench.diff import DETECTOR_ORDER, Lexicon, find_differences
from workbench.diff.refusal import REFUSAL
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS
from workbench.types import Difference


def _refusals(statement: str, report: str, lexicon: Lexicon) -> list[Difference]:
    return of_category(statement, report, lexicon, "refusal")


def test_the_detector_runs_with_and_without_a_translation() -> None:
    assert "refusal" in DETECTOR_ORDER and "refusal" in CROSS_LINGUAL_DETECTORS


@pytest.mark.parametrize(
    "text",
    [
        "Astana will not recognize the vote.",
        "The country won't recognise the new border.",
        "Bishkek does not accept the ruling.",
        "The ministry refused to endorse the plan.",
        "Tashkent rejected the proposal.",
        "Minsk has no intention of joining the bloc.",
        "The government ruled out sending troops.",
        "The republic doesn't plan to take part in the summit.",
    ],
)
def test_a_refusal_is_read(text: str) -> None:
    assert REFUSAL.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "Astana recognized the vote.",
        "The ministry will consider the plan.",
        "The country has not yet held the census.",
        "An aide who declined to be named confirmed the visit.",
    ],
)
def test_a_stance_or_another_negation_is_no_refusal(text: str) -> None:
    assert not REFUSAL.search(text)


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        (
            "В отношении выборов в соседней стране Казахстан исходит из принципов международного права.",
            "Kazakhstan will not recognize the elections in the neighbouring country, the ministry said.",
        ),
        (
            "Казахстан уважает принцип территориальной целостности государств.",
            "Kazakhstan has no intention of accepting the breakaway states' territorial claims.",
        ),
        (
            "Қазақстан халықаралық құқық қағидаттарын ұстанады.",
            "Kazakhstan rejects the claims and stands by international law.",
        ),
        (
            "Kazakhstan adheres to the principles of international law on the elections.",
            "Kazakhstan refused to recognize the elections, citing international law.",
        ),
    ],
)
def test_a_position_retold_as_a_refusal_is_a_certainty_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    (found,) = _refusals(statement, report, lexicon)
    assert found.kind == "certainty"
    assert found.statement == "" and found.report in report


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the statement refuses itself: ru «не признаем», «отказывается», kk «танымаймыз»
        (
            "Казахстан не признает итоги выборов в соседней стране.",
            "Kazakhstan will not recognize the elections in the neighbouring country.",
        ),
        (
            "Казахстан отказывается от участия в выборах.",
            "Kazakhstan refused to take part in the elections.",
        ),
        (
            "Қазақстан бұл сайлаудың нәтижесін танымайды.",
            "Kazakhstan does not recognize the results of the elections.",
        ),
        # the refusal is quoted, in parentheses (the outlet's background), or about another
        # matter than the statement retold
        (
            "Казахстан исходит из принципов международного права.",
            "“We will not recognize the vote,” a deputy said of the law.",
        ),
        (
            "Казахстан исходит из принципов международного права.",
            "The republics (which Kazakhstan does not recognize) held votes on law.",
        ),
        (
            "Казахстан исходит из принципов международного права.",
            "Separately, the airline declined to comment on the delayed flights.",
        ),
        # a ban or a rejection the original says in a word (ru «запрещ-», ky «четке кагыл-»)
        (
            "Новое правило запрещает выдавать гранты компаниям под следствием.",
            "The new rule does not allow grants to companies under investigation.",
        ),
        (
            "Компаниянын сунушу банк сатылганга чейин четке кагылган.",
            "The company's bid was rejected before the bank was sold.",
        ),
        # an English statement that rejects or rules out itself
        (
            "The envoy rejected the idea that the court should decide the dispute.",
            "The envoy rejected the idea that the court should settle the dispute.",
        ),
        (
            "The minister ruled out new taxes this year.",
            "The minister ruled out raising taxes this year.",
        ),
        # a source who declined to be named is no refusal of a position
        (
            "Президент посетит как можно больше штатов, сказал представитель штаба.",
            "The president will visit as many states as possible, said an aide who declined "
            "to be named.",
        ),
        ("", "Kazakhstan will not recognize the elections."),
    ],
)
def test_no_refusal_where_the_statement_refuses_or_the_report_does_not_say_it(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert _refusals(statement, report, lexicon) == []


def test_another_statement_line_that_refuses_explains_the_report(lexicon: Lexicon) -> None:
    found = find_differences(
        "Казахстан исходит из принципов международного права в отношении выборов.",
        "Kazakhstan will not recognize the elections, citing international law.",
        source="Казахстан исходит из принципов международного права в отношении выборов.",
        src="ru",
        lexicon=lexicon,
        detectors=CROSS_LINGUAL_DETECTORS,
        context=["Мы не признаем такие выборы."],
    )
    assert [d for d in found if d.category == "refusal"] == []


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("Kazakhstan opposes sanctions against its neighbours.",
         "Kazakhstan does not support sanctions against its neighbours."),
        ("Казахстан выступает против санкций против соседей.",
         "Kazakhstan does not support sanctions against its neighbours."),
        ("We will refrain from sending troops abroad.", "Kazakhstan will not send troops abroad."),
        ("Мы воздержимся от отправки войск за рубеж.", "Kazakhstan will not send troops abroad."),
        ("Kazakhstan abstained in the vote on the resolution.",
         "Kazakhstan did not back the resolution in the vote."),
    ],
)  # fmt: skip
def test_opposing_or_refraining_is_a_position_a_refusal_retells(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    """review14 K3: a statement that opposes, abstains or refrains voices what "does not support"
    or "will not send" says."""
    assert _refusals(statement, report, lexicon) == []
