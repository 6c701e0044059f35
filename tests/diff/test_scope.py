"""A limit of the statement the report drops: the ``scope`` detector (keys13, session 13)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import cross_lingual_diffs
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS


def _scope(found: tuple) -> list:  # type: ignore[type-arg]
    return [d for d in found if d.category == "scope"]


@pytest.mark.parametrize(
    ("statement", "report", "word"),
    [
        ("A quarantine of local scale was introduced in three districts.",
         "A quarantine was introduced in three districts.", "of local scale"),
        ("The bridge will be closed temporarily for repairs.",
         "The bridge will be closed for repairs, the mayor said.", "temporarily"),
        ("The ministry announced a partial call-up of reservists.",
         "The ministry announced a call-up of reservists.", "partial"),
        ("A limited contingent of engineers will be sent.",
         "Engineers will be sent, the minister said.", "limited"),
        # ru, kk and ky originals without a translation (the cross-lingual detectors)
        ("В двух районах введён карантин местного масштаба.",
         "A quarantine was introduced in two districts.", "местного масштаба"),
        ("Көпір уақытша жабылады.", "The bridge will be closed.", "уақытша"),
        ("Көпүрө убактылуу жабылат.", "The bridge will be shut.", "убактылуу"),
    ],
)  # fmt: skip
def test_the_statements_limit_the_report_drops_is_an_omission(
    statement: str, report: str, word: str, lexicon: Lexicon
) -> None:
    assert "scope" in DETECTOR_ORDER and "scope" in CROSS_LINGUAL_DETECTORS
    (d,) = _scope(cross_lingual_diffs(statement, report, lexicon))
    assert (d.kind, d.statement, d.report) == ("omission", word, "")


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the report keeps the limit in its own words
        ("A quarantine of local scale was introduced in three districts.",
         "A local quarantine was introduced in three districts."),
        ("The bridge will be closed temporarily for repairs.",
         "The bridge will be shut for now while it is repaired."),
        ("The ministry announced a partial call-up of reservists.",
         "Only part of the reservists will be called up."),
        ("В двух районах введён карантин местного масштаба.",
         "A localised quarantine was introduced in two districts."),
        # "local" of people and bodies, and «временной» (of time), are no limits
        ("Local residents were told to stay indoors.", "Residents were told to stay indoors."),
        ("Местные власти эвакуировали жителей.", "The authorities evacuated residents."),
        ("Временной промежуток между двумя толчками был мал.",
         "The two tremors came close together."),
        ("Он не назвал никаких временных сроков.", "He gave no time frame."),
        ("Речь идет о локальном бедствии.", "It is a district level disaster."),
        # a company's legal form is no limit (review13 K5)
        ("Подрядчик — общество с ограниченной ответственностью «Курылыс».",
         "The contractor is the Kurylys company."),
        ("Мердігер — «Құрылыс» жауапкершілігі шектеулі серіктестігі.",
         "The contractor is the Kurylys company."),
        ("The bridge was built by a limited liability company.", "A company built the bridge."),
        ("The bridge was built by Astana Construction Limited.",
         "Astana Construction built the bridge."),
        # no limit in the statement
        ("A quarantine was introduced in three districts.", "Three districts are in quarantine."),
    ],
)  # fmt: skip
def test_a_retelling_that_keeps_the_limit_gets_no_flag(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert not _scope(cross_lingual_diffs(statement, report, lexicon))


def test_a_limit_beside_a_legal_form_is_still_read(lexicon: Lexicon) -> None:
    found = _scope(cross_lingual_diffs("Only a limited contingent of Astana Construction Limited stays.",
                        "The contingent of Astana Construction stays.", lexicon))  # fmt: skip
    assert [(d.kind, d.statement) for d in found] == [("omission", "limited")]


# keys22: a choice the statement leaves open both ways, retold as one option
@pytest.mark.parametrize(
    ("statement", "report", "word"),
    [
        ("Opening a new airport or refusing to open one is a question for the whole region.",
         "Opening a new airport is a question for the whole region.", "or refusing"),
        ("We will see this autumn whether to extend the deadline or not.",
         "The deadline will be extended this autumn.", "or not"),
        ("Жаңа әуежай салу немесе одан бас тарту – бүкіл өңірдің мәселесі.",
         "Building a new airport is a question for the whole region.", "немесе одан бас тарту"),
        ("Новый аэропорт строить или отказаться от него – вопрос всего региона.",
         "Building a new airport is a question for the whole region.", "или отказаться"),
        ("Жаңы аэропорт куруу же андан баш тартуу – бүт аймактын маселеси.",
         "Building a new airport is a question for the whole region.", "же андан баш тартуу"),
    ],
)  # fmt: skip
def test_a_choice_left_open_retold_as_one_option_is_flagged(
    statement: str, report: str, word: str, lexicon: Lexicon
) -> None:
    (d,) = _scope(cross_lingual_diffs(statement, report, lexicon))
    assert d.kind == "omission" and d.statement == word and "both ways" in d.note


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the report keeps the choice open in its own words
        ("Opening a new airport or refusing to open one is a question for the whole region.",
         "Whether to open a new airport is a question for the whole region."),
        ("Opening a new airport or refusing to open one is a question for the whole region.",
         "Opening or not opening a new airport is a question for the region."),
        ("Opening a new airport or refusing to open one is a question for the whole region.",
         "The region will hold a referendum on the new airport."),
        # "not only" is no choice; a refusal that is no option of a choice
        ("This concerns not only the city or not only the region.",
         "This concerns the city."),
        ("The council refused to open a new airport.", "The council did not open an airport."),
    ],
)  # fmt: skip
def test_a_choice_kept_open_or_no_choice_is_not_flagged(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert not [
        d for d in _scope(cross_lingual_diffs(statement, report, lexicon)) if "both" in d.note
    ]
