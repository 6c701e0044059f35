"""A source clock time the translation drops is a figure lost (session 23, fmiss23).

Source figures in digits that the English loses are strong number issues (a clause dropped
with its figure), but clock times were read only one way: an English time that is none of the
source's. A clause dropped with its time ("from 12:00 to 13:00" left as "to 13:00") gave
nothing. Now a source time written with minutes that no English time renders, in any of its
forms (12:00, 12 p.m., "12 o'clock", noon, 1200), is one. No untouched line of the calibration
half or dev (2,251 per language) has one; about one dropped clause in 200 does.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of
from workbench.faithfulness import check_pairs


@pytest.mark.parametrize(
    ("src", "source", "dropped"),
    [
        ("ru", "Передача выйдет в субботу с 12:00 до 13:00 по местному времени.",
         "The programme airs on Saturday until 13:00 local time."),
        ("kk", "Көрме сенбі күні сағат 10:00-ден 18:00-ге дейін ашық.",
         "The exhibition is open on Saturday."),
        ("ky", "Жолугушуу саат 9:30да башталып, 11:00дө бүтөт.",
         "The meeting starts at 9:30."),
    ],
)  # fmt: skip
def test_a_time_dropped_with_its_clause_is_strong(src: str, source: str, dropped: str) -> None:
    assert "number" in evidence_of(source, dropped, src)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Передача выйдет с 12:00 до 13:00.", "The programme airs from 12:00 to 13:00."),
        ("Передача выйдет с 12:00 до 13:00.", "The programme airs from noon to 1 p.m."),
        ("Передача выйдет в 14:30.", "The programme airs at 2:30 pm."),
        ("Самолёт упал в 02:30 по UTC.", "The plane crashed at 0230 UTC."),
        ("Встреча начнётся в 10:00.", "The meeting starts at 10 o'clock."),
        ("Встреча начнётся в 10.00.", "The meeting starts at 10:00."),
    ],
)  # fmt: skip
def test_a_time_in_any_english_form_is_kept(source: str, translation: str) -> None:
    assert "number" not in evidence_of(source, translation, "ru")


def _times_lost(source: str, translation: str) -> list[str]:
    (result,) = check_pairs([source], [translation], "ru")
    return [i.source for i in result.issues if i.note.startswith("source time")]


@pytest.mark.parametrize(
    ("source", "translation", "lost"),
    [
        ("", "", []),
        ("10:00", "", []),  # a blank translation is an omission, not a list of lost figures
        ("Встреча в 10:00.", "The meeting.", ["10:00"]),
        # only a real time (hours under 24, minutes under 60) can be lost
        ("Встреча в 25:00.", "The meeting.", []),
        ("Встреча в 12:75.", "The meeting.", []),
    ],
)
def test_bad_or_odd_input(source: str, translation: str, lost: list[str]) -> None:
    assert _times_lost(source, translation) == lost
