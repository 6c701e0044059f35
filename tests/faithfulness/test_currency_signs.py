"""One list of currency signs (:data:`workbench.diff.numbers.CURRENCY_SIGNS`) read by both
stages: "¥5m" is money for the diff stage (whose own list once lacked ¥) and for faithfulness
(which reads the list through :mod:`workbench.faithfulness.diffapi`)."""

from __future__ import annotations

import pytest

from workbench.diff.numbers import CURRENCY_SIGNS, find_figures, mentions
from workbench.faithfulness import diffapi
from workbench.faithfulness.spans import unit_of


@pytest.mark.parametrize("sign", list(CURRENCY_SIGNS))
def test_a_figure_after_a_currency_sign_is_money_in_the_diff_stage(sign: str) -> None:
    (m,) = mentions(f"The city paid {sign}5m for the dam.", "en")
    assert m.role == "money"


def test_yen_is_money_in_both_stages() -> None:
    text = "The city paid ¥5m for the dam."
    (m,) = mentions(text, "en")
    assert m.role == "money"
    (fig,) = find_figures(text, "en")
    assert unit_of(fig, text) is None  # 5 million yen, no 5 metres
    (wall,) = find_figures("The wall is 5m high.", "en")
    assert unit_of(wall, "The wall is 5m high.") == "metre"


def test_faithfulness_reads_the_diff_stage_list() -> None:
    from workbench.faithfulness import spans

    assert spans.sign_money is diffapi.sign_money
    assert not hasattr(spans, "_CURRENCY_BEFORE")
