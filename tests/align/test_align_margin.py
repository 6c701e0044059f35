"""The statement-side neighbourhood of the ratio margin (``k_statement``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from workbench.align.aligner import CALIBRATIONS, ratio_margin
from workbench.errors import UserInputError


def test_a_wider_statement_neighbourhood_spares_a_statement_retold_twice() -> None:
    # statement 0 is retold by report sentences 0 and 1 (a headline and a body sentence);
    # sentences 2-5 are on-topic but retell nothing
    sims = np.array(
        [[0.90, 0.89, 0.80, 0.79, 0.78, 0.77], [0.78, 0.77, 0.80, 0.79, 0.78, 0.77]],
        dtype=np.float32,
    )
    same = ratio_margin(sims, 3, 0.83)
    wider = ratio_margin(sims, 3, 0.83, k_row=5)
    assert (wider[0, :2] > same[0, :2]).all()  # both retellings gain margin
    assert np.allclose(ratio_margin(sims, 3, 0.83, k_row=3), same)
    assert np.allclose(ratio_margin(sims, 3, 0.83, k_row=0), same)  # 0 means k


def test_k_statement_shows_in_the_signature_only_when_set() -> None:
    base = CALIBRATIONS["e5-small"]
    assert "kst:" not in replace(base, k_statement=0).signature_fields()
    assert "|kst:5" in replace(base, k_statement=5).signature_fields()


def test_a_negative_k_statement_is_one_clear_sentence() -> None:
    with pytest.raises(UserInputError, match="k_statement"):
        replace(CALIBRATIONS["e5-small"], k_statement=-1)
