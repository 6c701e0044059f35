"""The content check's matcher gives difflib's opcodes, and stays near-linear on a repeated token.

:class:`workbench.diff.seqmatch.TokenMatcher` searches windows with many (token, position) pairs
through a suffix automaton instead of difflib's walk over every pair; the opcodes must be
difflib's (``SequenceMatcher(None, a, b, autojunk=False)``) on any input, whichever search runs.
"""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest

from workbench.diff import seqmatch
from workbench.diff.seqmatch import TokenMatcher, longest_common_run


def _difflib(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _sequences(rng: random.Random, n: int) -> list[tuple[list[str], list[str]]]:
    out = []
    for _ in range(n):
        alphabet = [f"w{i}" for i in range(rng.choice([1, 2, 3, 5, 20]))]
        a = [rng.choice(alphabet) for _ in range(rng.randint(0, 60))]
        b = [rng.choice(alphabet) for _ in range(rng.randint(0, 60))]
        if rng.random() < 0.3:  # a shared stretch, as a retelling keeps a clause
            start = rng.randint(0, len(a))
            b[start:start] = a[start : start + rng.randint(1, 15)]
        out.append((a, b))
    return out


@pytest.mark.parametrize("forced", [True, False], ids=["automaton", "default"])
def test_opcodes_are_difflibs(forced: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if forced:
        monkeypatch.setattr(seqmatch, "PAIRS_PER_ELEMENT", -1)
    for a, b in _sequences(random.Random(9), 600):
        assert TokenMatcher(a, b).get_opcodes() == _difflib(a, b), (a, b)


def test_every_window_gives_difflibs_block() -> None:
    rng = random.Random(19)
    for a, b in _sequences(rng, 300):
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        alo, blo = rng.randint(0, len(a)), rng.randint(0, len(b))
        ahi, bhi = rng.randint(alo, len(a)), rng.randint(blo, len(b))
        expected = matcher.find_longest_match(alo, ahi, blo, bhi)
        assert longest_common_run(a, alo, ahi, b, blo, bhi) == expected, (a, b, alo, ahi, blo, bhi)


def test_a_repeated_token_takes_the_automaton(monkeypatch: pytest.MonkeyPatch) -> None:
    """On one token repeated on both sides difflib's walk visits len(a) x len(b) pairs; the
    automaton answers instead (difflib's own search is not called for that window)."""
    calls = []
    difflib_search = SequenceMatcher.find_longest_match

    def counted(self: SequenceMatcher[str], *args: int) -> object:
        calls.append(args)
        return difflib_search(self, *args)

    monkeypatch.setattr(SequenceMatcher, "find_longest_match", counted)
    a, b = ["000"] * 3000, ["000"] * 2500 + ["x"]
    assert TokenMatcher(a, b).get_opcodes() == [
        ("equal", 0, 2500, 0, 2500),
        ("replace", 2500, 3000, 2500, 2501),
    ]
    assert calls == []
    assert TokenMatcher(["a", "b", "c"], ["b", "c", "d"]).get_opcodes() == _difflib(
        ["a", "b", "c"], ["b", "c", "d"]
    )
    assert calls  # ordinary text keeps difflib's search
