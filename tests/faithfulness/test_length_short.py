"""The length check's band widens for a short source (review17 F6: "1.50× longer" on a four-word
line was listed as an issue): the log ratio of two character counts spreads about as one over
the square root of the count, so a band fitted on all lines flagged 9–13 % of sources under 40
characters and almost none over 140 (docs/faithfulness.md, *Session 18 (fclause18)*). Long
sources keep the fitted band; a short line far outside the wider band is still listed.
Sentences written for these tests.
"""

from __future__ import annotations

import math

import pytest

from workbench.faithfulness import check_pairs, load_calibration
from workbench.faithfulness.surface import SPREAD_CHARS, length_band, length_ratio


def _length_issues(source: str, translation: str) -> list[str]:
    result = check_pairs([source], [translation], "ru", detectors=("length",))[0]
    return [i.note for i in result.issues if i.kind == "length"]


def test_a_long_source_keeps_the_fitted_band() -> None:
    cal = load_calibration().languages["ru"]
    source = "Министерство сообщило, что новая дорога между двумя районами откроется весной."
    long_source = source + " " + source
    assert len(long_source.replace(" ", "")) >= SPREAD_CHARS
    assert length_band(long_source, cal) == pytest.approx((cal.length_low, cal.length_high))


def test_the_band_widens_as_the_source_shortens() -> None:
    cal = load_calibration().languages["ru"]
    low_short, high_short = length_band("Мост закроют завтра.", cal)
    low_mid, high_mid = length_band("Мост через реку закроют завтра на ремонт до весны.", cal)
    assert low_short < low_mid <= cal.length_low
    assert high_short > high_mid >= cal.length_high


def test_a_short_line_half_again_as_long_is_no_length_issue() -> None:
    source, translation = "Мэр не закроет рынок.", "The mayor will close the market."
    assert math.exp(length_ratio(source, translation)) > 1.45
    assert _length_issues(source, translation) == []


def test_a_short_line_far_too_long_is_still_listed() -> None:
    source = "Мэр не закроет рынок."
    translation = (
        "The mayor said on Monday that the old market in the centre of the town will be closed "
        "for good after the storm damaged its roof."
    )
    assert _length_issues(source, translation)


def test_a_long_line_half_again_as_long_is_still_listed() -> None:
    source = (
        "Городской совет в понедельник решил закрыть старый рынок в центре города на два месяца."
    )
    translation = (
        "On Monday the city council decided to close the old market in the centre of the town "
        "for two months, while the roof that the storm damaged last winter is being repaired "
        "by workers."
    )
    assert math.exp(length_ratio(source, translation)) > 1.6
    assert _length_issues(source, translation)
