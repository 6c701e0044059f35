"""The lexicon's one-pass term index finds exactly what scanning every term found.

The reference below is the search as it was before the index (every term's prefix checked, then
its pattern scanned); the indexed search must return the same hits and categories on real case
lines (the bundled corpora, plus the private read cases when present) and on random mixes of
lexicon terms in every lexicon language.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from workbench.diff import lexicon as lexicon_module
from workbench.diff.lexicon import (
    Lexicon,
    Term,
    _fold_case,
    _search,
    categories_in,
    load_lexicon,
)
from workbench.types import LabelHit

REPO = Path(__file__).resolve().parents[2]
#: Read (not count-only) real cases of issue 9, used when this machine has them.
READ_CASES = [
    Path("/work/main/private/real-cases"),
    Path("/work/main/private/blind-cases"),
    Path("/work/holdout6"),
    Path("/work/holdout6-tr"),
]


def _reference_search(text: str, terms: tuple[Term, ...]) -> list[LabelHit]:
    folded = _fold_case(text)
    found = [
        (m.start(), m.end(), term)
        for term in terms
        if term.prefix in folded
        for m in term.pattern.finditer(text)
    ]
    found.sort(key=lambda f: (f[0] - f[1], f[0], f[2].term))
    hits: list[LabelHit] = []
    for start, end, term in found:
        if any(start < h.end and h.start < end for h in hits):
            continue
        hits.append(
            LabelHit(
                text=text[start:end],
                term=term.term,
                category=term.category,
                loaded=term.loaded,
                start=start,
                end=end,
                language=term.language,
            )
        )
    return sorted(hits, key=lambda h: h.start)


def _reference_categories(text: str, lexicon: Lexicon) -> set[str]:
    folded = _fold_case(text)
    return {t.category for t in lexicon.terms if t.prefix in folded and t.pattern.search(text)}


def _case_lines(root: Path) -> list[str]:
    lines: list[str] = []
    for file in sorted(root.rglob("*.txt")) + sorted(root.rglob("*.md")):
        lines += [ln for ln in file.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


@pytest.fixture(autouse=True)
def _fresh_search() -> None:
    """Every test searches anew (every text, short ones included, goes through the index)."""
    lexicon_module._FIND_CACHE.clear()
    lexicon_module._CATEGORIES_CACHE.clear()
    lexicon_module._INDEXES.clear()


def _check(lines: list[str], lexicon: Lexicon) -> int:
    matched = 0
    for line in lines:
        for terms in (lexicon.terms, lexicon.concepts):
            expected = _reference_search(line, terms)
            assert _search(line, terms) == expected, line
            matched += len(expected)
        assert categories_in(line, lexicon) == _reference_categories(line, lexicon), line
    return matched


def test_bundled_case_lines_match_the_reference() -> None:
    lexicon = load_lexicon()
    lines = _case_lines(REPO / "corpora")
    assert len(lines) > 50
    lines += [" ".join(lines)]  # a whole case as one text, as reports are joined per outlet
    assert _check(lines, lexicon) > 10  # the corpora do use lexicon terms


@pytest.mark.parametrize("root", READ_CASES, ids=lambda p: p.name)
def test_read_real_case_lines_match_the_reference(root: Path) -> None:
    if not root.is_dir():
        pytest.skip(f"{root} is not on this machine")
    lexicon = load_lexicon()
    lines = _case_lines(root)
    assert len(lines) > 100
    lines += [" ".join(lines)]
    assert _check(lines, lexicon) > 10


def _variants(term: str, rng: random.Random) -> str:
    """A term as a text may write it: stems completed, case changed, е/ё swapped, hyphens."""
    words = []
    for word in term.split():
        if word.endswith("*"):
            word = word[:-1] + rng.choice(["", "ы", "ами", "s", "ist", "тар", "лар", "ing"])
        word = rng.choice([word, word.upper(), word.capitalize(), word.replace("е", "ё")])
        words.append(word.replace("ё", "е") if rng.random() < 0.3 else word)
    return rng.choice([" ", "-", "  "]).join(words)


@pytest.mark.parametrize("language", ["kk", "ky", "ru", "en"])
def test_random_term_mixes_match_the_reference(language: str) -> None:
    lexicon = load_lexicon()
    rng = random.Random(f"lexicon-index-{language}")
    pool = [t.term for t in lexicon.terms + lexicon.concepts if t.language == language]
    others = [t.term for t in lexicon.terms + lexicon.concepts]
    fillers = ["и", "the", "жана", "менен", "в", "a", ",", "«", "»", "(", ")", "-", "—", "1990"]
    glue = ["", " ", "-", "’", "'", "_", "x", "5"]
    lines = []
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 8)):
            pick = rng.random()
            if pick < 0.5:
                parts.append(_variants(rng.choice(pool), rng))
            elif pick < 0.65:
                parts.append(_variants(rng.choice(others), rng))
            else:
                parts.append(rng.choice(fillers))
        lines.append("".join(p + rng.choice(glue) for p in parts))
    lines += [term[:cut] for term in pool for cut in (1, 2, 3)]  # bare heads, half words
    lines += [" ".join(lines[i : i + 40]) for i in range(0, 400, 40)]  # report-long texts
    assert _check(lines, lexicon) > 400
