"""An English "not only" with no second half is a negation (session 23, fmiss23).

"Not only" is a fixed phrase the negation count reads on neither side, so a "not" put before
an "only" ("the work is not only two weeks old" for a source that says "only two weeks") left
no trace: the benchmark's added "not" makes one whenever an auxiliary stands before "only"
(3 of 490 on dev, 4-5 of 933 on the calibration half, in each of kk, ky and ru). A real "not
only" announces its second half ("but", "also", "as well", "too", "even") or renders the
source's own "not only" («не только», «ғана емес», «гана эмес»); one with neither counts.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import assert_added_not_found
from tests.faithfulness.helpers import evidence_of as _keys
from workbench.faithfulness.markers import _not_only_alone


@pytest.mark.parametrize(
    ("src", "source", "faithful", "flipped"),
    [
        ("ru", "Завод работает всего две недели.",
         "The plant has only been running for two weeks.",
         "The plant has not only been running for two weeks."),
        ("ru", "Помощь придёт, только если район объявят зоной бедствия.",
         "Aid can only come if the area is declared a disaster zone.",
         "Aid can not only come if the area is declared a disaster zone."),
        ("kk", "Зауыт екі апта ғана жұмыс істеп тұр.",
         "The plant has only been running for two weeks.",
         "The plant has not only been running for two weeks."),
        ("ky", "Завод эки жума гана иштеп жатат.",
         "The plant has only been running for two weeks.",
         "The plant has not only been running for two weeks."),
    ],
)  # fmt: skip
def test_a_not_put_before_only_is_strong(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    assert_added_not_found(source, faithful, flipped, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # a "not only" with its second half is the fixed phrase
        ("ru", "Он работал только днём.", "He worked not only by day but at night."),
        ("ru", "Город только начал восстановление.",
         "The city has not only begun rebuilding, it has also paid its debts."),
        # the source's own "not only" renders it, with or without a second half
        ("ru", "Речь идёт не только о деньгах.", "It is not only about money."),
        ("kk", "Бұл ақша ғана емес.", "This is not only about money."),
        ("ky", "Бул акча гана эмес.", "This is not merely about money."),
    ],
)  # fmt: skip
def test_a_real_not_only_is_no_negation(src: str, source: str, translation: str) -> None:
    assert "negation" not in _keys(source, translation, src)


def test_the_spans_read() -> None:
    text = "It is not only cheap. It is not only fast but safe."
    assert _not_only_alone("Это дёшево.", text, "ru") == [(6, 9)]
    assert _not_only_alone("Это не только дёшево.", text, "ru") == []


@pytest.mark.parametrize("translation", ["", "not only", "NOT ONLY", "Not merely", "not\nonly."])
def test_bad_or_bare_input(translation: str) -> None:
    spans = _not_only_alone("Это дёшево.", translation, "ru")
    assert spans == ([] if not translation else [(0, 3)])
