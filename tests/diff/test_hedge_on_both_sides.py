"""A hedge on both sides is no certainty difference (voice23, issue 9): a conviction is an
opinion, kk/ky "could be" («болар еді») is a modal, the speaker's "I think" may be rendered by a
bare "could", and a merged retelling may carry the hedge of the other line it retells."""

from __future__ import annotations

import pytest

from tests.diff.helpers import cross_lingual_diffs, diffs, of_kind
from workbench.diff import Lexicon, find_differences
from workbench.diff.markers import hedge_mentions


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("I believe the new bridge will open in May.",
         "“I am convinced that the new bridge will open in May,” the mayor said."),
        ("We think the canal will be ready by spring.",
         "“We are confident that the canal will be ready by spring,” she said."),
        ("Я уверен, что мост откроют в мае.", "The mayor believes the bridge will open in May."),
        # kk / ky "it could be held": a modal, which "could be" renders
        ("Көпірді мамырда ашуға болар еді.", "The bridge could be opened in May."),
        ("Көпүрөнү май айында ачууга болмок.", "The bridge could be opened in May."),
        # the speaker's "I think" rendered by a bare "could": the claim is held open on both sides
        ("Көпір мамырда ашылады деп ойлаймын.", "The bridge could open in May, the mayor said."),
        ("I think a year is needed for the debate.", "The debate could last a year, she said."),
    ],
)  # fmt: skip
def test_a_hedge_on_both_sides_is_no_certainty_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert not of_kind(cross_lingual_diffs(statement, report, lexicon), "certainty")


def test_confidence_in_something_is_no_opinion() -> None:
    assert not hedge_mentions("We are confident in the new plan.")
    assert [m.role for m in hedge_mentions("I am convinced that it works.")] == ["opinion"]


def test_the_speakers_plain_claim_made_a_conviction_is_still_flagged(lexicon: Lexicon) -> None:
    report = "“I am sure that the bridge will open in May,” the mayor said."
    found = diffs("The bridge will open in May.", report, lexicon)
    assert [d.report for d in of_kind(found, "certainty")] == ["I am sure"]


VOTE = "The vote can then be held in spring."
MERGED = "I believe the debate on the reform will take a year, after which the vote can be held."


def test_a_merged_retelling_carries_the_hedge_of_its_other_line(lexicon: Lexicon) -> None:
    assert of_kind(find_differences(VOTE, MERGED, lexicon=lexicon), "certainty")
    document = ["I think the debate on the reform needs a full year.", VOTE]
    found = find_differences(VOTE, MERGED, lexicon=lexicon, document=document)
    assert not of_kind(found, "certainty")


def test_a_hedge_of_a_line_the_report_does_not_retell_explains_nothing(lexicon: Lexicon) -> None:
    for document in (
        ["I think the weather will be fine."],
        ["The debate on the reform needs a year."],
    ):
        found = find_differences(VOTE, MERGED, lexicon=lexicon, document=document)
        assert [d.report for d in of_kind(found, "certainty")] == ["I believe"]


def test_a_modal_the_statement_has_itself_renders_no_dropped_opinion(lexicon: Lexicon) -> None:
    found = diffs("I think the debate could last a year.", "The debate could last a year.", lexicon)
    assert [d.statement for d in of_kind(found, "certainty")] == ["I think"]
