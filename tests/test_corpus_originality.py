"""The sample corpus is the project's own writing: no run of the seed article is copied into it.

The seed article (``../shared/seed/``) is copyrighted news text. Facts, figures and short quoted
labels ("bandits", "local and foreign terrorist groups") may be reused; its sentences may not.
A run of 9 consecutive words shared with the article would mean a copied sentence fragment.
The article's headline (its first line) is exempt: citing the source by its title is attribution.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.shared import shared_folder

REPO = Path(__file__).resolve().parents[1]
SEED = shared_folder("seed")
RUN = 9


def _words(text: str) -> list[str]:
    return re.findall(r"[\w$%]+", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _corpus_files() -> list[Path]:
    return sorted(
        p
        for p in (REPO / "corpora").rglob("*")
        if p.suffix in {".txt", ".toml", ".md", ".jsonl", ".csv"}
    )


def test_the_check_itself_catches_a_copied_fragment() -> None:
    article = "one two three four five six seven eight nine ten eleven"
    assert _runs(_words(article)) & _runs(
        _words("x one two three four five six seven eight nine y")
    )
    assert not _runs(_words(article)) & _runs(_words("one two three four five six seven eight"))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_nine_word_run_of_the_seed_article_in_the_corpus(path: Path) -> None:
    seeds = sorted(SEED.glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/seed is not present")
    seed_runs: set[tuple[str, ...]] = set()
    for seed in seeds:
        body = seed.read_text(encoding="utf-8").split("\n", 1)[-1]  # the headline may be cited
        seed_runs |= _runs(_words(body))
    shared = _runs(_words(path.read_text(encoding="utf-8"))) & seed_runs
    assert not shared, f"{path.name} copies the seed article: {' '.join(sorted(shared)[0])!r}"
