"""The one plural helper of user-facing sentences (hyg14's walk: "1 segments", "1 lines")."""

from __future__ import annotations

from workbench.wording import count


def test_count_agrees_in_number() -> None:
    assert count(1, "segment") == "1 segment"
    assert count(0, "segment") == "0 segments"
    assert count(2, "line") == "2 lines"
    assert count(3, "analysis", "analyses") == "3 analyses"
    assert count(1, "analysis", "analyses") == "1 analysis"


def test_megabytes_never_says_a_folder_is_empty() -> None:
    # A model folder of half a megabyte was listed "local, 0 MB" (review18's walk).
    from workbench.wording import megabytes

    assert megabytes(0.3) == "< 1 MB"
    assert megabytes(0.0) == "0 MB"  # nothing there (a catalog model without a published size)
    assert megabytes(0.5) == megabytes(0.9) == "< 1 MB"  # 0.5 printed "0 MB" (half to even)
    assert megabytes(1.0) == "1 MB"
    assert megabytes(1960.4) == "1,960 MB"
    from pathlib import Path

    from workbench.pipeline.models import LocalModel

    tiny = LocalModel("tiny-nllb", "nllb", Path("/m/tiny-nllb"), "local", 0.5)
    assert tiny.label == "tiny-nllb (nllb) · local, < 1 MB"
