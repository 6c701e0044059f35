"""How often and within what span: the quantifier detector's ``occasional``/``constant`` and
``within_years``/``unprecedented`` classes (keys13, session 13)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import cross_lingual_diffs
from workbench.diff import Lexicon


def _quantifiers(statement: str, report: str, lexicon: Lexicon) -> list:  # type: ignore[type-arg]
    found = cross_lingual_diffs(statement, report, lexicon)
    return [(d.statement, d.report) for d in found if d.kind == "quantifier"]


@pytest.mark.parametrize(
    ("statement", "report", "pair"),
    [
        # a few occasions retold as a constant stance
        ("The council has raised the matter several times.",
         "The council has consistently raised the matter.", ("several times", "consistently")),
        ("Sometimes the river floods the lower town.",
         "The river always floods the lower town.", ("Sometimes", "always")),
        ("Совет неоднократно поднимал этот вопрос.",
         "The council has always raised the question.", ("неоднократно", "always")),
        ("Кеңес бұл мәселені бірнеше рет көтерген.",
         "The council has constantly raised the issue.", ("бірнеше рет", "constantly")),
        ("Кеңеш бул маселени бир нече жолу көтөргөн.",
         "The council has invariably raised the issue.", ("бир нече жолу", "invariably")),
        # a span of years retold as without precedent
        ("Such a drought has not been seen for many years.",
         "An unprecedented drought hit the valley.", ("for many years", "unprecedented")),
        ("Такой засухи не было многие годы.",
         "The valley is facing an unprecedented drought.", ("многие годы", "unprecedented")),
        # a span in any number word of ten or more, or a century (review13 K3)
        ("Such a drought has not been seen for twenty years.",
         "An unprecedented drought hit the valley.", ("twenty years", "unprecedented")),
        ("Such a drought has not been seen for ten years.",
         "An unprecedented drought hit the valley.", ("ten years", "unprecedented")),
        ("Such a drought has not been seen in the past thirty-five years.",
         "An unprecedented drought hit the valley.", ("the past thirty-five years", "unprecedented")),
        ("Such a drought has not been seen for a century.",
         "An unprecedented drought hit the valley.", ("for a century", "unprecedented")),
    ],
)  # fmt: skip
def test_frequency_and_precedent_shifts(
    statement: str, report: str, pair: tuple[str, str], lexicon: Lexicon
) -> None:
    assert pair in _quantifiers(statement, report, lexicon)


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the same class on both sides
        ("The council has raised the matter several times.",
         "The council has repeatedly raised the matter."),
        ("Such a drought has not been seen for many years.",
         "It is the worst drought in decades."),
        # one side only: how paraphrase reads
        ("The council has raised the matter several times.", "The council raised the matter."),
        ("The council raised the matter.", "The council has always raised the matter."),
        ("The drought hit the valley.", "An unprecedented drought hit the valley."),
        ("Such a drought has not been seen for twenty years.", "A drought hit the valley."),
        ("A drought hit the valley a century ago.", "An unprecedented drought hit the valley."),
    ],
)  # fmt: skip
def test_no_shift(statement: str, report: str, lexicon: Lexicon) -> None:
    assert not _quantifiers(statement, report, lexicon)


@pytest.mark.parametrize(
    ("statement", "report", "pair"),
    [
        # a lower bound after its figure, only in the report
        ("Some drivers lose their licence if they broke the rules before.",
         "Drivers with three or more fines lose their licence.", ("", "or more")),
        ("Кээ бир айдоочулар мурда эрежени бузган болсо күбөлүгүнөн ажырайт.",
         "Drivers with two or more fines lose their licence.", ("", "or more")),
        ("Only adults may vote.", "People aged 18 or older may vote.", ("", "or older")),
    ],
)  # fmt: skip
def test_a_bound_after_the_figure(
    statement: str, report: str, pair: tuple[str, str], lexicon: Lexicon
) -> None:
    assert pair in _quantifiers(statement, report, lexicon)


def test_the_same_bound_on_both_sides(lexicon: Lexicon) -> None:
    assert not _quantifiers("Он забил 60 или больше голов.", "He scored 60 or more goals.", lexicon)
    assert not _quantifiers(
        "Голосуют граждане 18 лет и старше.", "Those 18 or older vote.", lexicon
    )


def test_more_or_less_is_no_bound(lexicon: Lexicon) -> None:
    assert not _quantifiers("The plan works.", "The plan works, more or less.", lexicon)
    assert not _quantifiers("Two of them came.", "Two or three of them came.", lexicon)
