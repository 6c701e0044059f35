"""``benchmarks/align_miss_study.py``: the cause of each missed reference link, the kind of each
wrong link, and its refusal of bad input."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.align.conftest import STRICT
from tests.scripts import assert_needs_cases, load_script


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/align_miss_study.py", "align_miss_study_under_test")


def test_a_miss_takes_the_first_cause_that_holds(study: ModuleType) -> None:
    def cause(linked: set[int], dropped: str = "", best: bool = False, clause: bool = False,
              margin: float = 0.95, cosine: float = 0.95) -> str:  # fmt: skip
        return study.miss_cause(2, linked, {1, 2}, dropped, best, clause, margin, cosine, STRICT)

    assert cause({1}, "lone floor", best=True) == "second line"  # another reference line linked
    assert cause({5}) == "other line only"
    assert cause(set(), "lone floor", best=True) == "lone floor"
    assert cause(set(), "word veto") == "word veto"
    assert cause(set(), best=True, cosine=0.85) == "best line, under the floor"  # floor 0.9
    assert cause(set(), best=True, margin=0.98) == "best line, near"  # threshold 1.0, within 0.03
    assert cause(set(), best=True, margin=0.96) == "best line, far"
    assert cause(set(), clause=True) == "best by clause only"
    assert cause(set()) == "not best"
    with pytest.raises(ValueError, match="not a missed reference line"):
        study.miss_cause(2, {2}, {2}, "", False, False, 1.0, 1.0, STRICT)  # linked: no miss
    with pytest.raises(ValueError, match="not a missed reference line"):
        study.miss_cause(3, set(), {2}, "", False, False, 1.0, 1.0, STRICT)  # not a reference line


def test_tags_and_wrong_kinds(study: ModuleType) -> None:
    assert study.miss_tags(0, "“I resign,” he said.", {1, 2}, 3) == (
        "headline", "quote", "merged", "repeated",
    )  # fmt: skip
    assert study.miss_tags(3, "He resigned.", {1}, 1) == (
        "body",
        "no quote",
        "one line",
        "told once",
    )
    assert study.place(2) == "lead" and study.place(1) == "lead"
    assert (
        study.wrong_kind("clause:translation", True, {4})
        == "clause pass, sentence retells other lines"
    )
    assert study.wrong_kind("sentence", True, set()) == (
        "sentence pass, sentence retells nothing of the case"
    )
    assert study.wrong_kind("echo", False, set()) == "echo pass, outlet with no reference link"


def test_bad_input_is_one_sentence_before_any_model_loads(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_needs_cases(study, tmp_path, capsys)


def test_reading_tags_tell_frames_and_quotes(study: ModuleType) -> None:
    assert study.reading_tags("“Stable energy supplies matter,” said Aibek Smadiyarov.") == (
        "frame",
        "quoted fragment",
    )  # four quoted words: a fragment
    assert study.reading_tags("According to him, “the charter holds two principles at odds.”") == (
        "frame",
        "long quote",
    )
    assert study.reading_tags("Kazakhstan refuses to recognise Donetsk, Luhansk") == (
        "no frame",
        "no quote",
    )
    # kk/ky/ru quotation marks count too (a report may quote the original wording)
    assert study.reading_tags("Он сказал: «Это будет хаос для всего мира, конечно».")[1] == (
        "long quote"
    )


def test_diagonal_neighbour_and_evidence_kinds(study: ModuleType) -> None:
    linked = {(4, 2), (7, 9)}  # (line, position in the outlet)
    assert study.diagonal(5, 3, linked)  # the sentence before retells the line before
    assert study.diagonal(3, 1, linked)  # the sentence after retells the line after
    assert not study.diagonal(5, 1, linked)  # line after, sentence before: not in order
    assert not study.diagonal(4, 3, linked)  # same line, next sentence: no diagonal
    assert not study.diagonal(0, 0, set())
    assert study.evidence_kinds(0.0, 0.0, False) == ("margin only",)
    assert study.evidence_kinds(0.5, 1 / 3, True) == (
        "margin only",
        "names",
        "lexicon words",
        "diagonal neighbour",
    )
    assert study.evidence_kinds(0.33, 0.2, False) == ("margin only",)  # under a third


def test_case_row_lists_every_column_in_order(study: ModuleType) -> None:
    from collections import Counter

    counts = Counter({("case", "pairs"): 5, ("case", "found"): 2, ("case", "missed"): 3})
    counts["case", "wrong pick"] = 1
    counts["case", "best near"] = 2
    cosines = {True: [0.84, 0.86, 0.90], False: [0.70, 0.78, 0.80]}
    row = study.case_row("kk-case", counts, cosines).split(" | ")
    assert row[0] == "kk-case" and len(row) == len(study.CASE_COLUMNS) + 2
    assert dict(zip(study.CASE_COLUMNS, row[1:-1], strict=True)) == {
        "pairs": "5", "found": "2", "missed": "3", "merged": "0", "repeated": "0",
        "headline": "0", "long": "0", "wrong pick": "1", "not best": "0", "best near": "2",
        "wrong links": "0",
    }  # fmt: skip
    assert row[-1] == "0.080"  # median 0.86 of the reference pairs less median 0.78
    assert study.case_row("kk-case", counts, {True: [0.9]}).endswith(" | -")  # no other pair
