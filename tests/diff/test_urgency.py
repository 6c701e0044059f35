"""The urgency of a demand the report drops: the ``urgency`` detector (keys12, session 12)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS


def _urgency(found: tuple) -> list:  # type: ignore[type-arg]
    return [d for d in found if d.category == "urgency"]


@pytest.mark.parametrize(
    ("statement", "report", "word"),
    [
        ("The aggression is not subsiding, and the demand for my immediate resignation continues.",
         "The aggression continues unabated and demands for my resignation are still there.",
         "immediate"),
        ("We call for the urgent release of the hostages.",
         "The ministry called for the release of the hostages.", "urgent"),
        # ru, kk and ky originals without a translation (the cross-lingual detectors)
        ("Требование моей немедленной отставки продолжается.",
         "Demands for my resignation are still there.", "немедленной"),
        ("Біз атысты дереу тоқтатуды талап етеміз.",
         "Kazakhstan demanded an end to the shooting.", "дереу"),
        ("Биз барымтачыларды токтоосуз бошотууну талап кылабыз.",
         "Bishkek demanded that the hostages be freed.", "токтоосуз"),
    ],
)  # fmt: skip
def test_the_statements_urgency_the_report_drops_is_an_omission(
    statement: str, report: str, word: str, lexicon: Lexicon
) -> None:
    assert "urgency" in DETECTOR_ORDER and "urgency" in CROSS_LINGUAL_DETECTORS
    cyrillic = not statement.isascii()
    found = diffs(statement, report, lexicon,
                  **({"detectors": CROSS_LINGUAL_DETECTORS} if cyrillic else {}))  # type: ignore[arg-type]  # fmt: skip
    (d,) = _urgency(found)
    assert (d.kind, d.statement, d.report) == ("omission", word, "")


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the report keeps the urgency in its own words
        ("The demand for my immediate resignation continues.",
         "Protesters still demand that he resign at once."),
        ("We call for the urgent release of the hostages.",
         "The ministry called for the hostages to be freed without delay."),
        ("Требование моей немедленной отставки продолжается.",
         "Demands for his immediate resignation continue."),
        # "immediate" of nearness is no urgency
        ("Residents of the immediate vicinity were evacuated.",
         "Residents living nearby were evacuated."),
        ("His immediate family was informed.", "His family was informed."),
        # faithful renderings of the faithful-pair benchmark (xling_bench.py)
        ("The Irish government stresses the urgent need for legislation.",
         "The Irish government is stressing the urgency of legislation."),
        ("The right to an immediate trial must be respected.",
         "The suspect's right to a speedy trial must be respected."),
        ("The heir is sent to the army immediately after school.",
         "The heir would go straight into the military after school."),
        # deadlines and conscript service are no urgency
        ("Дауыс беру жұмадан кешіктірмей өтеді.", "The vote will take place no later than Friday."),
        ("Он проходит срочную службу в армии.", "He is doing his military service."),
        # no urgency in the statement
        ("The demand for my resignation continues.", "Demands for his resignation continue."),
    ],
)  # fmt: skip
def test_a_retelling_that_keeps_the_urgency_gets_no_flag(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    cyrillic = not statement.isascii()
    found = diffs(statement, report, lexicon,
                  **({"detectors": CROSS_LINGUAL_DETECTORS} if cyrillic else {}))  # type: ignore[arg-type]  # fmt: skip
    assert not _urgency(found)
