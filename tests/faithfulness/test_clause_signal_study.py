"""The clause signal study (sessions 11-12): its candidate signals on hand-made pairs (word
alignment by the lexicon: session 12), the sample it fits on, and its refusals."""

from __future__ import annotations

import random
from types import ModuleType

import numpy as np
import pytest

from tests.scripts import assert_refused_before_reading, load_script
from workbench.faithfulness.base import ClauseVectors
from workbench.faithfulness.diffapi import BiLexicon, WordCoverage


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/clause_signal_study.py", "clause_signal_study_under_test")


def _words(covered: list[int]) -> list[WordCoverage]:
    """Known source words of weight 1 at offsets 0, 10, 20, ..., rendered or not."""
    return [
        WordCoverage(f"w{k}", (10 * k, 10 * k + 5), float(c), 1.0) for k, c in enumerate(covered)
    ]


def test_unrendered_words_together_make_a_longer_run_than_the_same_words_scattered(
    study: ModuleType,
) -> None:
    together, span = study.unrendered_run(_words([1, 1, 0, 0, 0, 1, 1, 1]))
    scattered, _ = study.unrendered_run(_words([0, 1, 0, 1, 0, 1, 1, 1]))
    assert together == 3.0 and span == (20, 45)
    assert scattered == 1.0  # a rendered word between two unrendered ones costs as much as one
    assert study.unrendered_run(_words([1, 1, 1])) == (0.0, None)
    assert study.unrendered_run([]) == (0.0, None)


def test_the_length_fit_is_negative_when_the_cut_explains_a_short_translation(
    study: ModuleType,
) -> None:
    source = "a" * 100
    assert study.length_fit(source, "b" * 70, 30, 0.0) < 0  # 70 of 70 after the cut
    assert study.length_fit(source, "b" * 100, 30, 0.0) > 0  # a full translation moves away
    assert study.length_fit(source, "b" * 100, 0, 0.0) == 0.0


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_masking_a_clause_the_translation_lacks_brings_the_source_closer(
    study: ModuleType,
) -> None:
    # source: two clauses, the second about something the translation does not say
    v = ClauseVectors(((0, 10), (11, 20)), np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]),
                      ((0, 10),), np.stack([_unit(1, 0, 0)]))  # fmt: skip
    assert study.mask_gain(v, 1, None) > 0.2  # left out: the source is the first clause alone
    assert study.mask_gain(v, 1, _unit(1, 0.1, 0)) > 0.2  # read without the stretch
    assert study.mask_gain(v, 0, None) < 0  # leaving out what the translation says moves away
    single = ClauseVectors(((0, 10),), np.stack([_unit(1, 0, 0)]), ((0, 10),),
                           np.stack([_unit(1, 0, 0)]))  # fmt: skip
    assert study.mask_gain(single, 0, None) == 0.0  # nothing left to compare


def test_the_masked_clause_is_the_stretchs_clause_without_it(study: ModuleType) -> None:
    source = "Министр прибыл утром, встреча прошла в Астане."
    v = ClauseVectors(((0, 20), (22, 47)), np.zeros((2, 3)), ((0, 5),), np.zeros((1, 3)))
    assert study.masked_source(source, v, (30, 36)) == (1, "встреча в Астане.")
    assert study.masked_source(source, v, (22, 47)) is None  # the whole clause: left out instead


def test_the_sample_is_made_as_the_calibration_makes_it(study: ModuleType) -> None:
    lines = [
        study.Line("flores", k, f"d{k // 3}", f"First part {k}, second part here, third {k}.",
                   {"kk": f"Бірінші {k}", "ky": "", "ru": ""})
        for k in range(9)
    ]  # fmt: skip
    pairs = study.make_pairs(lines, "kk", 7, 2, True)
    rng, pools = random.Random(7), study.Pools((), tuple(lines))
    expected = []
    for k, ln in enumerate(lines):
        expected.append((k, False, ln.en))
        bad = study.drop_clause(ln, "kk", rng, pools)
        study.other_document(ln, "kk", rng, pools)  # the draw fit_models makes next
        if bad and bad != ln.en:
            expected.append((k, True, bad))
    assert pairs == expected
    part = study.make_pairs(lines, "kk", 7, 2, False)
    assert sum(not d for _, d, _ in part) == 9 and sum(d for _, d, _ in part) == 18


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--langs", "kk,xx"], "not xx"),
        (["--parts", "final"], "--parts takes calibration and dev"),
        (["--reps", "0"], "--reps must be 1 or more"),
        (["--lines", "-1"], "--lines 0 or more"),
        (["--data", "/nonexistent/data"], "is not a folder"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_read(
    study: ModuleType, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert_refused_before_reading(study, args, message, monkeypatch, capsys)


def test_a_clause_far_from_the_translation_with_its_words_unrendered_scores_high(
    study: ModuleType,
) -> None:
    v = ClauseVectors(((0, 30), (30, 60)), np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]),
                      ((0, 10),), np.stack([_unit(1, 0, 0)]))  # fmt: skip
    lost_second = [WordCoverage("a", (0, 5), 1.0), WordCoverage("b", (10, 15), 1.0),
                   WordCoverage("c", (30, 35), 0.0), WordCoverage("d", (40, 45), 0.0)]  # fmt: skip
    lost_first = [WordCoverage("a", (0, 5), 0.0), WordCoverage("b", (10, 15), 0.0),
                  WordCoverage("c", (30, 35), 1.0), WordCoverage("d", (40, 45), 1.0)]  # fmt: skip
    assert study.clause_unrendered(v, lost_second) == pytest.approx(1.0)
    assert study.clause_unrendered(v, lost_first) == pytest.approx(0.0, abs=1e-6)
    assert study.clause_unrendered(v, lost_second[2:3]) == 0.0  # one known word: not read


def _tiny_lexicon() -> BiLexicon:
    """ru: «президент» → president, «прибыл» → arrived, «сегодня» → today (hit rate 0.9)."""
    entries = {"прези": {"pres": 1.0}, "прибы": {"arri": 1.0}, "сегод": {"toda": 1.0}}
    return BiLexicon({"ru": entries}, "bilex:test", {"ru": dict.fromkeys(entries, 0.9)})


SOURCE = "Президент сегодня прибыл в Астану."


def _room(study: ModuleType, english: str, diagonal: bool = False) -> int:
    lex = _tiny_lexicon()
    words = lex.coverage(SOURCE, english, "ru")
    places, free = study.english_places(lex, english, "ru", words)
    _, span = study.unrendered_run(words)
    return int(study.gap_room(words, places, free, span, len(SOURCE) if diagonal else 0))


def test_each_rendered_source_word_is_placed_at_the_english_words_that_render_it(
    study: ModuleType,
) -> None:
    english = "The president arrived in the capital."
    lex = _tiny_lexicon()
    words = lex.coverage(SOURCE, english, "ru")
    places, free = study.english_places(lex, english, "ru", words)
    assert [w.word for w in words] == ["Президент", "сегодня", "прибыл", "Астану"]
    assert places == [[1], [], [2], []]  # The president arrived in the capital
    assert free == [False, False, False, False, False, True]  # only "capital" is unclaimed


def test_a_stretch_rendered_by_unknown_words_has_room_and_a_dropped_one_has_none(
    study: ModuleType,
) -> None:
    # «сегодня» unrendered by the lexicon both times: rendered as "this morning" (a free word
    # between its neighbours' English places), or left out (its place is empty)
    assert _room(study, "The president this morning arrived in Astana.") == 1
    assert _room(study, "The president arrived in Astana.") == 0
    assert _room(study, "The president this morning arrived in Astana.", diagonal=True) == 1
    assert _room(study, "The president arrived in Astana.", diagonal=True) == 0


def test_without_an_unrendered_stretch_the_room_is_every_free_word(study: ModuleType) -> None:
    free = [True, False, True]
    assert study.gap_room([], [], free, None) == 2
    # a stretch at the source's end with no rendered word after it: its place runs to the end
    words = [WordCoverage("a", (0, 1), 1.0), WordCoverage("b", (2, 3), 0.0)]
    assert study.gap_room(words, [[0], []], free, (2, 3)) == 1


# ── clause marks (session 13) ──────────────────────────────────────────────────────────────


def test_a_dropped_clause_takes_its_mark_and_a_hyphen_or_bracket_is_no_mark(
    study: ModuleType,
) -> None:
    source = "Президент прибыл в Астану, где встретился с премьером; визит продлится два дня."
    whole = "The president arrived in Astana, where he met the premier; the visit lasts two days."
    dropped = "The president arrived in Astana; the visit lasts two days."
    assert study.marks(source) == 2 and study.marks(whole) == 2 and study.marks(dropped) == 1
    assert study.marks("a well-known (old) «name» — here") == 1  # only the spaced dash
    lost = study.mark_values(source, dropped, 1.0)
    kept = study.mark_values(source, whole, 1.0)
    assert lost["marks_lost"] == 1.0 and kept["marks_lost"] == 0.0
    assert lost["marks_share"] == pytest.approx(1 / 3)
    assert lost["marks_gap"] < kept["marks_gap"] == pytest.approx(0.0)


def test_the_typical_mark_ratio_is_read_on_lines_with_a_source_mark(study: ModuleType) -> None:
    lines = [
        study.Line("c", 0, "d", "One, two, three.", {"ru": "Один, два, три."}),  # 3/3
        study.Line("c", 1, "d", "One two.", {"ru": "Один, два."}),  # 1/2
        study.Line("c", 2, "d", "One, two.", {"ru": "Один два."}),  # no source mark: not read
    ]
    assert study.marks_ratio(lines, "ru") == pytest.approx(0.75)
    assert study.marks_ratio(lines[2:], "ru") == 1.0
