"""A statement that speaks of an amount without a figure ("several", «несколько», «бірнеше»,
«бир нече», "many") and a report that gives one: the report's figure is a changed quantity, not
the outlet's own context (``salience._own_context_figure``, issue 9)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon
from workbench.diff.salience import speaks_of_amount

REPORT = "At least 40 people were killed when the roof of the market hall fell in."


@pytest.mark.parametrize(
    ("statement", "src"),
    [
        ("Several people were hurt when the roof of the market hall fell in.", None),
        ("Many people were hurt when the roof of the market hall fell in.", None),
        ("A few traders were hurt when the roof of the market hall fell in.", None),
        ("Несколько человек пострадали при обрушении крыши рынка.", "ru"),
        ("Базар төбесі құлағанда бірнеше адам зардап шекті.", "kk"),
        ("Базардын чатыры кулаганда бир нече киши жабыркады.", "ky"),
    ],
)
def test_a_figure_for_a_vague_quantity_is_flagged(
    lexicon: Lexicon, statement: str, src: str | None
) -> None:
    kw = {"src": src} if src else {}
    found = of_kind(diffs(statement, REPORT, lexicon, **kw), "number")
    assert [(d.statement, d.report) for d in found] == [("", "40")]


def test_the_original_speaks_of_an_amount_the_translation_left_out(lexicon: Lexicon) -> None:
    translation = "People were hurt when the roof of the market hall fell in."
    source = "Несколько человек пострадали при обрушении крыши рынка."
    assert not of_kind(diffs(translation, REPORT, lexicon), "number")
    found = diffs(translation, REPORT, lexicon, source=source, src="ru")
    assert [d.report for d in of_kind(found, "number")] == ["40"]


@pytest.mark.parametrize(
    "statement",
    [
        "The mayor expressed condolences to the families of the traders.",
        "The whole market was closed after the roof fell in.",  # a whole, not a count
        "The roof of the market hall fell in; rescuers are at work.",
    ],
)
def test_a_statement_speaking_of_no_amount_leaves_the_outlets_figure_as_context(
    lexicon: Lexicon, statement: str
) -> None:
    assert not of_kind(diffs(statement, REPORT, lexicon), "number")


@pytest.mark.parametrize(
    ("text", "lang", "amount"),
    [
        ("Several were injured.", None, True),
        ("Some 300 were injured.", None, True),
        ("Есть несколько пострадавших.", "ru", True),
        ("Көптеген адам көшеге шықты.", "kk", True),
        ("Кээ бир адамдар жабыркады.", "ky", True),
        ("The victims were taken to hospital.", None, False),
        ("Пострадавшие доставлены в больницу.", "ru", False),
        ("", None, False),
    ],
)
def test_speaks_of_amount(text: str, lang: str | None, amount: bool) -> None:
    assert speaks_of_amount(text, lang) is amount
