"""``benchmarks/align_bench.py`` and ``align_real_bench.py`` find the shared data folder by the one
lookup the other benchmarks use (:func:`workbench.testsets.shared_data`)."""

from __future__ import annotations

import pytest

from tests.scripts import REPO, load_script
from workbench.testsets import shared_data


@pytest.mark.parametrize("script", ["align_bench", "align_real_bench"])
def test_default_data_is_the_shared_lookup(script: str) -> None:
    module = load_script(f"benchmarks/{script}.py", f"{script}_data_under_test")
    assert module.default_data() == shared_data(REPO)
    assert module.default_data().parts[-2:] == ("shared", "data")
