"""The name check's cost on long lines, by size (no timing): a line that repeats its
sentences compares no more word forms than the sentence alone, and the name check and the
omission model's ``names_lost`` read one list of lost source names."""

from __future__ import annotations

import pytest

from workbench.faithfulness.base import FaithContext, LanguageCalibration
from workbench.faithfulness.coverage import lost_names
from workbench.faithfulness.diffapi import load_lexicon
from workbench.faithfulness.spans import (
    _matches_keys,
    _unmatched_latin_words,
    detect_names,
    unmatched_source_names,
)

SOURCE = (
    "Министр Иванов встретился в Бишкеке с послом Кастильо, а затем Петрова и Смит "
    "обсудили с компанией Orbital поставки в Ташкент. "
)
TRANSLATION = (
    "Minister Ivanov met ambassador Castillo in Bishkek, and then Petrova and Smith "
    "discussed deliveries to Tashkent with the company Orbital. "
)


def _comparisons(times: int) -> int:
    """Word-form comparisons the name check makes on the pair repeated ``times`` times."""
    _matches_keys.cache_clear()
    ctx = FaithContext(
        SOURCE * times, TRANSLATION * times, "ru", load_lexicon(), LanguageCalibration(), None
    )
    detect_names(ctx)
    return _matches_keys.cache_info().misses


def test_a_long_line_compares_each_pair_of_word_forms_once() -> None:
    one = _comparisons(1)
    assert one > 0
    # 40 copies: about 10,000 characters; every repeated name is compared once
    assert _comparisons(40) == one


@pytest.mark.parametrize(
    ("source", "translation", "lost"),
    [
        (SOURCE, TRANSLATION, 0),
        (SOURCE, "The minister met an ambassador, and two officials discussed deliveries.", 7),
        ("Компания Apple открыла офис.", "A company opened an office.", 1),
    ],
)
def test_names_lost_counts_what_the_name_check_finds_unmatched(
    source: str, translation: str, lost: int
) -> None:
    spans = {m.start(1) for m in unmatched_source_names(source, translation, "ru")}
    spans |= {a for a, _ in _unmatched_latin_words(source, translation)}
    assert lost_names(source, translation, "ru") == len(spans) == lost
