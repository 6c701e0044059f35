"""A caveat of the statement the report drops (``caveat`` detector, kind ``omission``), across
languages and without a translation."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import DETECTOR_ORDER, Lexicon


def _caveats(
    statement: str, report: str, lexicon: Lexicon, src: str = "ru", **kw: object
) -> list[str]:
    found = diffs(statement, report, lexicon, source=statement, src=src, **kw)  # type: ignore[arg-type]
    return [d.statement for d in of_kind(found, "omission") if "caveat" in d.note]


@pytest.mark.parametrize(
    ("statement", "src", "report", "caveat"),
    [
        ("Мы окажем помощь приезжающим, но бесплатного жилья им не дадут.", "ru",
         "The president instructed officials to help the arrivals.",
         "но бесплатного жилья им не дадут"),
        ("Біз көмектесеміз, бірақ ешқандай жеңілдік берілмейді.", "kk",
         "Kazakhstan will help the newcomers.", "бірақ ешқандай жеңілдік берілмейді"),
        ("Биз жардам беребиз, бирок эч кандай артыкчылык берилбейт.", "ky",
         "Kyrgyzstan will help the newcomers.", "бирок эч кандай артыкчылык берилбейт"),
    ],
)  # fmt: skip
def test_a_but_clause_the_report_drops_is_an_omission(
    statement: str, src: str, report: str, caveat: str, lexicon: Lexicon
) -> None:
    assert _caveats(statement, report, lexicon, src) == [caveat]


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # The report keeps a contrast, a restriction or a negation of its own.
        ("Мы окажем помощь, но бесплатного жилья им не дадут.",
         "Officials will help them but will give no free housing."),
        ("Мы окажем помощь, но бесплатного жилья им не дадут.",
         "They will be helped, although without free housing."),
        # «не только ..., но и» adds, it does not restrict.
        ("Слово не только сокращение, но и несет религиозный смысл.",
         "The word is an abbreviation with a religious meaning."),
        # A sentence-initial «Но» answers the previous sentence, not a part of this one.
        ("Но помощь будет оказана всем пострадавшим.", "Aid will be given to all victims."),
    ],
)  # fmt: skip
def test_no_caveat_flag_where_the_report_keeps_a_contrast_or_there_is_no_caveat(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert _caveats(statement, report, lexicon) == []


def test_a_caveat_outside_the_clause_a_link_retells_is_no_omission(lexicon: Lexicon) -> None:
    statement = "Мы окажем помощь приезжающим, но бесплатного жилья им не дадут."
    report = "The president instructed officials to help the arrivals."
    focus = (0, statement.index(","))
    assert _caveats(statement, report, lexicon, focus=focus) == []


def test_the_detector_runs_before_the_content_diff() -> None:
    assert DETECTOR_ORDER.index("caveat") < DETECTOR_ORDER.index("content")
