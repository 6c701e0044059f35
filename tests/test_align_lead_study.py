"""``benchmarks/align_lead_study.py``: how it counts the aligner's outcome on headlines and leads,
and the English words a merged retelling takes beyond the statements it is linked to."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script, refusal


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/align_lead_study.py", "align_lead_study_under_test")


def test_lead_links_are_counted_by_what_the_aligner_did_with_their_sentence(
    study: ModuleType,
) -> None:
    gold = {
        ("r", 0, 0),  # the headline retells line 0 ...
        ("r", 1, 0),  # ... and line 1 (a summary of two lines)
        ("r", 2, 1),  # the lead retells line 2
        ("r", 3, 2),  # a body sentence retells line 3
        ("q", 4, 0),  # another outlet's headline retells line 4 (first of its document)
    }
    pred = {
        ("r", 0, 0),  # right; its second line missing
        ("r", 3, 1),  # the lead linked to another line only
        ("r", 3, 2),  # body right
        ("q", 2, 1),  # an outlet's lead the reference links to nothing
    }
    rank = {0: 0, 1: 1, 2: 2, 3: 3, 4: 0}
    c = study.outcomes(gold, pred, 2, rank)
    assert (c["links"], c["pred"], c["tp"]) == (5, 4, 2)
    assert (c["lead links"], c["lead sentences"]) == (4, 3)
    assert (c["1 line"], c["2 lines"], c["3+ lines"]) == (2, 1, 0)
    assert c["first lines"] == 2  # the headlines of r (lines 0, 1) and q (line 4, first of its doc)
    assert (c["lead right"], c["lead second missing"], c["lead elsewhere"]) == (1, 1, 1)
    assert c["lead unlinked"] == 1  # q's headline
    assert (c["body links"], c["body right"]) == (1, 1)
    assert c["lead wrong"] == 2  # r's lead to line 3, q's lead to line 2


def test_one_sentence_lead_counts_only_the_headline(study: ModuleType) -> None:
    c = study.outcomes({("r", 0, 1)}, set(), 1, {0: 0})
    assert (c["lead links"], c["body links"], c["body unlinked"]) == (0, 1, 1)


def test_the_words_beyond_are_those_no_linked_statement_has(study: ModuleType) -> None:
    second = frozenset({"port", "close", "storm", "friday"})
    report = frozenset({"minist", "said", "port", "close", "storm"})
    assert study.beyond_share(second, report, set()) == 0.75
    assert study.beyond_share(second, report, {"storm", "minist"}) == 0.5  # storm is told
    assert study.beyond_share(frozenset(), report, set()) == 0.0


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--cases", "{empty}"], "no case with a reference.toml under"),
        (["--cases", "{empty}", "--lead", "0"], "--lead takes 1 or more sentences"),
    ],
)
def test_bad_input_is_one_sentence_before_any_model_loads(
    study: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    argv = [a.replace("{empty}", str(tmp_path)) for a in argv]
    assert says in refusal(lambda: study.main(argv), capsys)
