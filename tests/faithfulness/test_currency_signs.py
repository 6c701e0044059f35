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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The fine was 5 € for each car.", "en"),  # a sign after the figure, words after it
        ("The fee rose to 20 dollars last year.", "en"),
        ("They were fined 40 euros each.", "en"),
        ("Выделено 100 млн сомов на ремонт.", "ru"),
        ("Бул үчүн 100 миллион сомдон ашык бөлүндү.", "ky"),
        ("Оған 300 мың теңгеден берілді.", "kk"),
        ("Штраф составил 50 евро.", "ru"),
        ("Айыппұл 50 еуро болды.", "kk"),
        ("Цена выросла до 90 рублей.", "ru"),
    ],
)
def test_a_currency_after_the_figure_makes_it_money(text: str, lang: str) -> None:
    (m,) = mentions(text, lang)
    assert m.role == "money"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Delegates of 5 European countries met.", "en"),
        ("В встрече участвовали 5 европейских стран.", "ru"),
        ("Кездесуге 5 Еуропа елі қатысты.", "kk"),
        ("The navy held 5 Somali fishermen.", "en"),
        ("Задержаны 5 сомалийских рыбаков.", "ru"),
        ("Было 5 сомнительных сделок.", "ru"),
    ],
)
def test_a_word_that_only_begins_like_a_currency_is_no_money(text: str, lang: str) -> None:
    (m,) = mentions(text, lang)
    assert m.role != "money"


def test_a_dotted_figure_before_a_currency_is_no_clock_time() -> None:
    for currency in ("доллара", "евро", "£", "¥", "сома"):
        (fig,) = find_figures(f"Курс вырос в 15.50 {currency}.", "ru")
        assert fig.unit != "time", currency
    (fig,) = find_figures("Встреча начнётся в 15.50 по местному времени.", "ru")
    assert fig.unit == "time"
