"""``scripts/make_bilexicon.py --evaluate``: a lexicon read on pairs it did not learn from."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.scripts import assert_refused_before_reading, load_script
from workbench.diff.bilexicon import BiLexicon, english_stem, source_stem


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script("scripts/make_bilexicon.py", "make_bilexicon_under_test")


def _lexicon(entries: dict[str, tuple[str, ...]], hit: float = 1.0) -> BiLexicon:
    table = {source_stem(k): {english_stem(e): 0.5 for e in v} for k, v in entries.items()}
    return BiLexicon({"ru": table}, "test", {"ru": {k: hit for k in table}})


def test_evaluate_counts_renderings_in_the_own_english_and_by_chance(script: ModuleType) -> None:
    lex = _lexicon({"трактор": ("tractor",), "поле": ("field",), "вечером": ("evening",)})
    pairs = [
        ("Трактор стоял в поле.", "The tractor stood in the field."),
        ("Вечером трактор уехал.", "In the evening the tractor left."),
    ]
    q = script.evaluate(lex, "ru", pairs)
    assert q.stems == 3 and q.pairs == 2
    # source words: трактор стоял в поле / вечером трактор уехал -> 4 of 7 known
    assert q.known == pytest.approx(4 / 7)
    assert q.rendered == pytest.approx(1.0)
    # against the other pair's English only "tractor" is found: 2 of 4 known words
    assert q.chance == pytest.approx(0.5)
    assert q.precision == pytest.approx(0.5)


def test_a_lexicon_whose_renderings_are_everywhere_has_no_precision(script: ModuleType) -> None:
    lex = _lexicon({"сказал": ("said",), "вчера": ("said",)})
    pairs = [("Он сказал вчера.", "He said it."), ("Она сказала вчера.", "She said so.")]
    q = script.evaluate(lex, "ru", pairs)
    assert q.rendered == pytest.approx(1.0) and q.precision == pytest.approx(0.0)
    empty = script.evaluate(_lexicon({}), "ru", pairs)
    assert empty.known == 0.0 and empty.rendered == 0.0 and empty.precision == 0.0


def test_held_apart_documents_are_a_fixed_fifth(script: ModuleType) -> None:
    docs = [f"news.{i}" for i in range(2000)]
    held = [d for d in docs if script.held_apart(d)]
    assert 0.15 < len(held) / len(docs) < 0.25
    assert held == [d for d in docs if script.held_apart(d)]


def test_learn_keeps_a_word_seen_with_its_translation(script: ModuleType) -> None:
    texts = [
        ("Трактор стоял.", "The tractor stood."),
        ("Трактор уехал.", "The tractor left."),
        ("Красный трактор.", "A red tractor."),
        ("Поле было пустым.", "The field was empty."),
    ]
    kept, hits, seen = script.learn(texts, script.Params(min_count=2, min_hit=0.5))
    assert seen[source_stem("трактор")] == 3
    assert english_stem("tractor") in dict(kept[source_stem("трактор")])
    assert hits[source_stem("трактор")] == pytest.approx(3 / 5)
    assert source_stem("поле") not in kept  # seen once


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--evaluate", "--data", "/nonexistent"], "has no flores200-dev folder"),
        (["--out", "/nonexistent/bilexicon.tsv"], "does not exist"),
        (["--iterations", "0"], "1 or more"),
        (["--evaluate", "--min-hit", "1.5"], "between 0 and 1"),
    ],
)
def test_bad_arguments_are_refused_in_one_sentence(
    script: ModuleType, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert_refused_before_reading(script, args, message, monkeypatch, capsys)
