"""A cause or circumstance only the report gives (``cause`` detector, kind ``addition``),
across languages and without a translation."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.diff.additions import CAUSE_ANY


def _causes(
    statement: str, report: str, lexicon: Lexicon, src: str = "ru", **kw: object
) -> list[str]:
    found = diffs(statement, report, lexicon, source=statement, src=src, **kw)  # type: ignore[arg-type]
    return [d.report for d in of_kind(found, "addition") if "cause" in d.note]


@pytest.mark.parametrize(
    ("statement", "src", "report", "added"),
    [
        ("Правительство ввело режим ЧС в трёх областях.", "ru",
         "The government declared an emergency in three regions amid protests over rising fuel prices.",
         "amid protests over rising fuel prices"),
        ("Үкімет үш облыста төтенше жағдай жариялады.", "kk",
         "The government declared an emergency in three regions, because the old dams upstream had failed.",
         "because the old dams upstream had failed"),
        ("Өкмөт үч облуста өзгөчө кырдаал жарыялады.", "ky",
         "An emergency was declared following a night of heavy shelling near the border.",
         "following a night of heavy shelling near the border"),
        ("Министр ушёл в отставку.", "ru",
         "The minister resigned in response to the collapse of the coal mine talks.",
         "in response to the collapse of the coal mine talks"),
    ],
)  # fmt: skip
def test_a_cause_only_the_report_gives_is_an_addition(
    statement: str, src: str, report: str, added: str, lexicon: Lexicon
) -> None:
    assert _causes(statement, report, lexicon, src) == [added]


@pytest.mark.parametrize(
    ("statement", "src", "report"),
    [
        # The statement gives a cause itself: the report's connective may retell it.
        ("Из-за паводков режим ЧС объявлен в трёх областях.", "ru",
         "An emergency was declared in three regions due to the floods in the north."),
        ("Су тасқыны салдарынан үш облыста төтенше жағдай жарияланды.", "kk",
         "An emergency was declared in three regions because of the spring floods."),
        ("Суу ташкыны болгондуктан үч облуста өзгөчө кырдаал жарыяланды.", "ky",
         "An emergency was declared because of the floods in three regions."),
        ("После переговоров стороны прекратили огонь.", "ru",
         "Following talks between the two sides, the guns fell silent."),
        # A connective with a clause too short to be a fact of its own.
        ("Министр ушёл в отставку.", "ru", "The minister resigned amid criticism."),
        # "due to" as "scheduled to" is no cause.
        ("Министр прибудет в Бишкек.", "ru", "The minister is due to arrive in Bishkek on Monday morning."),
        # The cause is a quoted speaker's words, not the outlet's.
        ("Министр ушёл в отставку.", "ru",
         "“I resigned because the talks had collapsed completely,” the minister said."),
    ],
)  # fmt: skip
def test_no_addition_where_the_statement_explains_or_the_clause_is_no_fact(
    statement: str, src: str, report: str, lexicon: Lexicon
) -> None:
    assert _causes(statement, report, lexicon, src) == []


def test_a_merged_retelling_whose_other_statement_explains_is_no_addition(
    lexicon: Lexicon,
) -> None:
    statement = "Режим ЧС объявлен в трёх областях."
    report = "An emergency was declared in three regions amid the worst floods in decades."
    assert _causes(statement, report, lexicon) == ["amid the worst floods in decades"]
    other = "Из-за паводков эвакуированы тысячи жителей."
    assert _causes(statement, report, lexicon, context=[other]) == []


def test_kazakh_and_kyrgyz_because_endings_are_cause_connectives() -> None:
    for text in ("Жол жабық болғандықтан көлік жүрмеді.", "Жол жабык болгондуктан унаа жүрбөдү."):
        assert CAUSE_ANY.search(text)


def test_the_detector_runs_before_the_content_diff() -> None:
    assert DETECTOR_ORDER.index("cause") < DETECTOR_ORDER.index("content")


def _superlatives(statement: str, report: str, lexicon: Lexicon, src: str = "ru") -> list[str]:
    found = diffs(statement, report, lexicon, source=statement, src=src)
    return [d.report for d in of_kind(found, "addition") if "superlative" in d.note]


@pytest.mark.parametrize(
    ("statement", "src", "report", "added"),
    [
        ("На шахте произошёл пожар, погибли 32 горняка.", "ru",
         "The fire killed 32 miners, the deadliest mining accident in the country's history.",
         "the deadliest"),
        ("Шахтада өрт шықты.", "kk",
         "A fire broke out at the mine, Kazakhstan's worst industrial disaster.",
         "Kazakhstan's worst"),
        ("Кыргыз чек арачылары ок атууну токтотушту.", "ky",
         "The Kyrgyz guards were the first to stop shooting.", "were the first to"),
        ("Явка составила 70 процентов.", "ru", "Turnout reached a record high of 70 percent.",
         "a record high"),
    ],
)  # fmt: skip
def test_a_superlative_or_first_only_the_report_gives_is_an_addition(
    statement: str, src: str, report: str, added: str, lexicon: Lexicon
) -> None:
    assert _superlatives(statement, report, lexicon, src) == [added]


@pytest.mark.parametrize(
    ("statement", "src", "report"),
    [
        # The statement ranks the event itself.
        ("Это самое крупное бедствие за 80 лет.", "ru", "It is the largest disaster in 80 years."),
        ("Бұл соңғы 80 жылдағы ең ірі апат.", "kk", "This is the worst disaster in 80 years."),
        ("Это крупнейшая авария в истории отрасли.", "ru", "It is the deadliest accident in the industry."),
        # A quoted superlative is the speaker's.
        ("Погибли 32 горняка.", "ru", "“It is the worst day of my life,” a miner's widow said."),
        # "record" as a noun is no record claim.
        ("Он директор компании.", "ru", "Company records show he is its director."),
    ],
)  # fmt: skip
def test_no_superlative_addition_where_the_statement_ranks_or_a_speaker_does(
    statement: str, src: str, report: str, lexicon: Lexicon
) -> None:
    assert _superlatives(statement, report, lexicon, src) == []


@pytest.mark.parametrize(
    "report",
    [
        "On the following day rescuers found twelve more bodies in the mine.",
        "Rescuers worked through the night, following day shifts of miners from nearby pits.",
    ],
)
def test_following_as_a_time_word_is_no_cause(report: str, lexicon: Lexicon) -> None:
    assert _causes("Спасатели нашли тела горняков.", report, lexicon) == []


@pytest.mark.parametrize(
    ("statement", "src"),
    [
        ("Citizens will be provided with food and other necessities.", None),
        ("Граждане будут обеспечены продуктами и другими необходимыми товарами.", "ru"),
        ("Азаматтар азық-түлікпен және басқа да қажетті тауарлармен қамтамасыз етіледі.", "kk"),
        ("Жарандар азык-түлүк жана башка керектүү товарлар менен камсыз кылынат.", "ky"),
    ],
)
def test_a_worst_case_scenario_is_no_superlative(
    statement: str, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"source": statement, "src": src} if src else {}
    report = (
        "Citizens will be provided with food and other necessities even in the worst-case scenario."
    )
    assert of_kind(diffs(statement, report, lexicon, **kw), "addition") == []
    ranked = "Citizens of the worst-hit region will be provided with food and other necessities."
    assert [d.report for d in of_kind(diffs(statement, ranked, lexicon, **kw), "addition")] == [
        "the worst"
    ]
