"""match_mentions: the indexed matcher pairs exactly as the scan of every pair did, and asks
``same`` once per group of alike mentions, not once per pair (a line of repeated figures was
quadratic: 0.6-1.0 s for 5,000 characters in benchmarks/long_line_bench.py)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from workbench.diff.base import Mention, Same, compare_mentions, match_mentions
from workbench.diff.numbers import Figure, same_value, value_key


def _reference(
    left: Sequence[Mention], right: Sequence[Mention], same: Same
) -> tuple[list[Mention], list[Mention]]:
    """The matcher before the index: every left mention scans every right one, per pass."""
    a, b = list(left), list(right)
    tests: tuple[Same, ...] = (
        lambda x, y: x.text.lower() == y.text.lower() and x.context == y.context != "",
        lambda x, y: x.text.lower() == y.text.lower(),
        lambda x, y: True,
    )
    for test in tests:
        for x in list(a):
            y = next((y for y in b if test(x, y) and same(x, y)), None)
            if y is not None:
                a.remove(x)
                b.remove(y)
    return a, b


def _figures(rng: random.Random, n: int, side: int) -> list[Mention]:
    out = []
    for i in range(n):
        value = float(rng.choice([1, 2, 5, 1000, 1500, 2024]))
        vague = rng.random() < 0.2
        fig = Figure(
            "x",
            i,
            i + 1,
            1000.0 if vague else value,
            high=10000.0 if vague else None,
            percent=rng.random() < 0.2,
            unit=rng.choice(["", "", "date", "time"]),
            year=rng.choice([None, 2024, 2025]),
        )
        out.append(
            Mention(
                rng.choice(["1", "two", "1,000", "Five"]),
                (side, i),
                value=fig,
                context=rng.choice(["", "a|b", "c|d"]),
            )
        )
    return out


def _same_ids(got: list[Mention], want: list[Mention]) -> bool:
    return [id(m) for m in got] == [id(m) for m in want]


def test_indexed_matching_pairs_as_the_scan_did() -> None:
    rng = random.Random(3)
    loose: Same = lambda x, y: len(x.text) % 2 == len(y.text) % 2  # noqa: E731
    for _ in range(400):
        left = _figures(rng, rng.randint(0, 25), 0)
        right = _figures(rng, rng.randint(0, 25), 1)
        for same, group in ((same_value, value_key), (same_value, None), (loose, None)):
            got = match_mentions(left, right, same, group)
            want = _reference(left, right, same)
            assert _same_ids(got[0], want[0]) and _same_ids(got[1], want[1])


def test_same_is_asked_once_per_group_of_alike_figures() -> None:
    # 400 figures "1" against 400 figures "2": no pair matches; the scan asked same_value
    # 3 x 400 x 400 times, the index asks it once per left figure and group
    calls = 0

    def counted(x: Mention, y: Mention) -> bool:
        nonlocal calls
        calls += 1
        return same_value(x, y)

    def figures(value: float, text: str, side: int) -> list[Mention]:
        return [
            Mention(text, (side, i), value=Figure(text, i, i + 1, value), context="a|b")
            for i in range(400)
        ]

    found = compare_mentions(
        "number", figures(1.0, "1", 0), figures(2.0, "2", 1), counted, group=value_key
    )
    assert len(found.differences) == 400
    assert calls <= 3 * 400


def _pairs_by_scan(
    left: list[Mention], right: list[Mention], compatible: Same | None
) -> list[tuple[Mention, Mention]]:
    """The pairing before the role index: every free mention scanned for every left one."""
    pairs: list[tuple[Mention, Mention]] = []
    free = list(right)
    for s in left:
        r = next((r for r in free if r.role and r.role == s.role), None)
        if r is not None:
            pairs.append((s, r))
            free.remove(r)
    done = {id(s) for s, _ in pairs}
    for s in left:
        r = next((r for r in free if compatible is None or compatible(s, r)), None)
        if id(s) not in done and r is not None:
            pairs.append((s, r))
            free.remove(r)
    return pairs


def test_leftovers_pair_by_role_index_as_by_scan() -> None:
    from workbench.diff.base import _pairs

    rng = random.Random(11)
    even: Same = lambda x, y: (x.span or (0, 0))[1] % 2 == (y.span or (0, 0))[1] % 2  # noqa: E731
    for _ in range(400):
        left, right = (
            [
                Mention("x", (side, i), role=rng.choice(["", "", "total", "dead", "year"]))
                for i in range(rng.randint(0, 20))
            ]
            for side in (0, 1)
        )
        for compatible in (None, even):
            got = [(id(s), id(r)) for s, r in _pairs(left, right, compatible)]
            assert got == [(id(s), id(r)) for s, r in _pairs_by_scan(left, right, compatible)]
