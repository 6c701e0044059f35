"""Small helpers for the sentences the workbench says to its users."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with ``noun`` in the right number: ``count(1, "line")`` is ``"1 line"``,
    ``count(2, "line")`` is ``"2 lines"`` (``plural`` when adding "s" is wrong)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
