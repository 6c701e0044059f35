"""The one plural helper of user-facing sentences (hyg14's walk: "1 segments", "1 lines")."""

from __future__ import annotations

from workbench.wording import count


def test_count_agrees_in_number() -> None:
    assert count(1, "segment") == "1 segment"
    assert count(0, "segment") == "0 segments"
    assert count(2, "line") == "2 lines"
    assert count(3, "analysis", "analyses") == "3 analyses"
    assert count(1, "analysis", "analyses") == "1 analysis"
