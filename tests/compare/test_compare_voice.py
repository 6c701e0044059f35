"""Compare and voice: label aggregates count a report's own voice apart from what it quotes;
link margins become the diff's link confidence."""

from __future__ import annotations

import pytest

from workbench.pipeline.compare import link_confidence
from workbench.types import CaseComparison


def test_labels_a_report_only_quotes_are_counted_apart(sample_result: CaseComparison) -> None:
    uses = {(u.outlet_type, u.label): u for u in sample_result.label_uses}
    bandits = uses[("foreign", "bandits")]
    # the foreign account says "bandits" only when reporting what Tokayev said
    assert (bandits.count, bandits.quoted) == (0, 1)
    assert "Tokayev" in bandits.speakers[0]
    state = uses[("state", "bandits")]
    assert state.count >= 1 and state.quoted == 0  # a statement speaks in its issuer's voice


def test_no_difference_in_the_sample_is_the_issuers_own_name_or_voice(
    sample_result: CaseComparison,
) -> None:
    for doc in sample_result.documents:
        for al in doc.comparison.alignments:
            for d in al.differences:
                assert not (d.kind == "attribution" and "Tokayev" in d.report), d
                assert 0 < d.salience <= 1
            for outlet in {d.report_document for d in al.differences}:
                ranked = [d.salience for d in al.differences if d.report_document == outlet]
                assert ranked == sorted(ranked, reverse=True)  # most salient first per outlet


@pytest.mark.parametrize(
    ("score", "threshold", "confidence"),
    [(1.032, 1.032, 0.5), (1.052, 1.032, 1.0), (1.012, 1.032, 0.0), (1.042, 1.032, 0.75)],
)
def test_link_confidence_is_half_at_the_threshold(
    score: float, threshold: float, confidence: float
) -> None:
    assert link_confidence(score, threshold) == pytest.approx(confidence)
