"""Synthetic "system outputs" made from real references, shared by benchmarks and tests.

Dropping and swapping words of a human translation at set rates gives systems whose scores
differ clearly and deterministically (what MT errors look like to sacreBLEU), without an MT
model. Used by the evaluation benchmarks and the evaluate tests (unit and browser), which import
it as ``benchmarks.synthetic`` (the repository root is on their path).
"""

from __future__ import annotations

import random


def perturb(lines: list[str], seed: int, drop: float, swap: float) -> list[str]:
    """Each line with words dropped (rate ``drop``) and neighbours swapped (rate ``swap``).

    Deterministic for a seed; a line never becomes empty (its first word is kept).
    """
    rng = random.Random(seed)
    out = []
    for line in lines:
        words = [w for w in line.split() if rng.random() >= drop] or line.split()[:1]
        for i in range(len(words) - 1):
            if rng.random() < swap:
                words[i], words[i + 1] = words[i + 1], words[i]
        out.append(" ".join(words))
    return out
