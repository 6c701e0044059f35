"""difflib's ``SequenceMatcher`` (no junk) with a longest-match search that stays near-linear on
repeated tokens.

``SequenceMatcher.find_longest_match`` walks, for every element of ``a``, every position of it in
``b``: O(len(a) x len(b)) on a line of one repeated token (a table flattened into one line: 0.8 s
at 19,000 characters, 70 times the time of a line ten times shorter). When a window holds many
such pairs, :class:`TokenMatcher` finds the same block with a suffix automaton of ``b``'s window
(linear in the window: one pass over ``b`` to build it, one over ``a`` to match), and otherwise
calls difflib's own search, so the answer is the same either way: the longest common run, of
those the one that starts earliest in ``a``, of those the one that starts earliest in ``b``
(difflib's tie rule; with no junk and ``autojunk=False`` difflib extends nothing past it).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from difflib import Match, SequenceMatcher

#: A window is searched with the automaton when difflib's search would visit more than this many
#: (element of ``a``, position in ``b``) pairs per element of the two windows: ordinary sentences
#: stay far below it (their words recur a few times), a line of one repeated token is far above.
PAIRS_PER_ELEMENT = 8


class TokenMatcher(SequenceMatcher[Hashable]):
    """``SequenceMatcher(None, a, b, autojunk=False)`` whose opcodes are difflib's, found in
    near-linear time when tokens repeat (see the module docstring)."""

    # set by SequenceMatcher (typeshed does not declare them)
    a: Sequence[Hashable]
    b: Sequence[Hashable]
    b2j: dict[Hashable, list[int]]

    def __init__(self, a: Sequence[Hashable], b: Sequence[Hashable]) -> None:
        super().__init__(None, a, b, autojunk=False)

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> Match:
        """difflib's longest matching block of ``a[alo:ahi]`` and ``b[blo:bhi]``."""
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        b2j = self.b2j
        pairs = sum(len(b2j.get(x, ())) for x in self.a[alo:ahi])
        if pairs <= PAIRS_PER_ELEMENT * (ahi - alo + bhi - blo):
            return super().find_longest_match(alo, ahi, blo, bhi)
        return longest_common_run(self.a, alo, ahi, self.b, blo, bhi)


def longest_common_run(
    a: Sequence[Hashable], alo: int, ahi: int, b: Sequence[Hashable], blo: int, bhi: int
) -> Match:
    """The longest run ``a[i:i+k] == b[j:j+k]`` inside both windows, the smallest ``i`` among the
    longest, then the smallest ``j`` (``Match(alo, blo, 0)`` when none): a suffix automaton of
    ``b[blo:bhi]``, then one pass over ``a[alo:ahi]`` keeping the longest suffix found in ``b``.
    Each state keeps the first position in ``b`` where its strings end, so the earliest
    occurrence of the best run is read off the state it ends in."""
    link = [-1]
    length = [0]
    edges: list[dict[Hashable, int]] = [{}]
    first_end = [-1]
    last = 0
    for j in range(blo, bhi):
        token = b[j]
        cur = len(length)
        length.append(length[last] + 1)
        link.append(0)
        edges.append({})
        first_end.append(j)
        p = last
        while p != -1 and token not in edges[p]:
            edges[p][token] = cur
            p = link[p]
        if p != -1:
            q = edges[p][token]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:
                clone = len(length)
                length.append(length[p] + 1)
                link.append(link[q])
                edges.append(dict(edges[q]))
                first_end.append(first_end[q])
                while p != -1 and edges[p].get(token) == q:
                    edges[p][token] = clone
                    p = link[p]
                link[q] = clone
                link[cur] = clone
        last = cur
    state = size = 0
    best, best_i, best_j = 0, alo, blo
    for i in range(alo, ahi):
        token = a[i]
        while state and token not in edges[state]:
            state = link[state]
            size = length[state]
        if token in edges[state]:
            state = edges[state][token]
            size += 1
        else:
            state = size = 0
        if size > best:
            best, best_i, best_j = size, i - size + 1, first_end[state] - size + 1
    return Match(best_i, best_j, best)
