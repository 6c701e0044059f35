"""The content detector (``addition``): a state the report adds (a route that bypasses it, its
court's order) is read by the word diff, not hidden by the entity detector's claim on the name;
a state the statement, the lines retold or the issuer name, or a source credit, stays out
(``content._without_added_names``, docs/diff.md, *Session 17 (trnoise17)*)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon

STATEMENT = "The government must find new export routes for our grain and fertiliser."
BYPASS = (
    "The government must find new export routes for grain and fertiliser bypassing the Russian "
    "Federation."
)


@pytest.mark.parametrize(
    ("report", "added"),
    [
        (BYPASS, "bypassing the Russian Federation"),
        ("The government must find new export routes for grain and fertiliser after the Russian "
         "court order.",
         "Russian court order"),
    ],
)  # fmt: skip
def test_a_state_the_report_adds_is_part_of_its_added_clause(
    report: str, added: str, lexicon: Lexicon
) -> None:
    found = of_kind(diffs(STATEMENT, report, lexicon), "addition")
    assert [d.report for d in found] == [added], found


def test_a_state_the_lines_retold_name_adds_nothing(lexicon: Lexicon) -> None:
    context = ["Trade with Russia will go on as before."]
    assert of_kind(diffs(STATEMENT, BYPASS, lexicon, context=context), "addition") == []


def test_a_state_in_a_source_credit_adds_nothing(lexicon: Lexicon) -> None:
    report = (
        "The government must find new export routes for grain and fertiliser, the Russia-based "
        "newspaper Vedomosti wrote."
    )
    assert of_kind(diffs(STATEMENT, report, lexicon), "addition") == []


def test_the_issuer_s_own_state_is_named_but_a_language_note_is_no_state(
    lexicon: Lexicon,
) -> None:
    report = (
        "The government must find new export routes for grain and fertiliser grown across "
        "northern Kazakhstan."
    )
    own = ["President of Kazakhstan"]
    found = of_kind(diffs(STATEMENT, report, lexicon, context=own, issuer=own), "addition")
    assert [d.report for d in found] == ["grown across northern"], found
    note = ["Statement, Russian text as carried by the state agency"]
    found = of_kind(diffs(STATEMENT, BYPASS, lexicon, context=note, issuer=note), "addition")
    assert [d.report for d in found] == ["bypassing the Russian Federation"], found
