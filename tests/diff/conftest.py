"""Fixtures of the diff tests: the shipped lexicon."""

from __future__ import annotations

import pytest

from workbench.diff import Lexicon, load_lexicon


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The framing lexicon shipped in workbench/data."""
    return load_lexicon()
