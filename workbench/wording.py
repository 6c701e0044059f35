"""Small helpers for the sentences the workbench says to its users."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with ``noun`` in the right number: ``count(1, "line")`` is ``"1 line"``,
    ``count(2, "line")`` is ``"2 lines"`` (``plural`` when adding "s" is wrong)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def megabytes(size_mb: float) -> str:
    """A size in a model list: ``"1,960 MB"``; ``"< 1 MB"`` for a folder under a megabyte, which
    ``:,.0f`` printed as ``"0 MB"`` up to 0.5 (a tiny model folder looked empty; review18)."""
    return "< 1 MB" if 0 < size_mb < 1 else f"{size_mb:,.0f} MB"
