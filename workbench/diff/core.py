"""Compose the registered detectors into :func:`find_differences`."""

from __future__ import annotations

from collections.abc import Sequence

from workbench import __version__
from workbench.diff.base import DETECTOR_ORDER, DETECTORS, Claims, DiffContext
from workbench.diff.lexicon import Lexicon
from workbench.errors import UserInputError
from workbench.types import DIFFERENCE_KINDS, Difference

#: The longest text (per side) one comparison accepts; compare aligned sentences, not documents.
MAX_CHARS = 20_000


def diff_signature(lexicon: Lexicon, detectors: Sequence[str] = DETECTOR_ORDER) -> str:
    """How differences were found, sacreBLEU style.

    Example: ``diff:workbench|detectors:number+entity+...|lexicon:workbench-framing@2026.11.1|
    version:0.1.0``
    """
    return (
        f"diff:workbench|detectors:{'+'.join(detectors)}|lexicon:{lexicon.signature}"
        f"|version:{__version__}"
    )


def find_differences(
    statement: str,
    report: str,
    *,
    source: str | None = None,
    src: str | None = None,
    lexicon: Lexicon,
    detectors: Sequence[str] = DETECTOR_ORDER,
) -> tuple[Difference, ...]:
    """Find where a report retells a statement differently.

    Args:
        statement: The English translation of the statement sentence (or its text).
        report: The English report sentence(s) aligned to it, joined.
        source: The statement's original kk/ky/ru text, if known.
        src: Its language code (``kk``, ``ky``, ``ru``).
        lexicon: The framing lexicon (:func:`workbench.diff.load_lexicon`).
        detectors: Detector names to run, in order (default: all; ``content`` last).

    Returns:
        Differences ordered by position (statement side first), each with its kind, the text and
        ``(start, end)`` span on both sides (``None`` for a side that has nothing) and a note.

    Raises:
        UserInputError: when a text is not a string or is too long for one comparison.
        UnknownNameError: for an unknown detector name.
    """
    for name, text in (("statement", statement), ("report", report), ("source", source)):
        _check(name, text, optional=name == "source")
    ctx = DiffContext(statement, report, source or None, src, lexicon)
    claims = Claims()
    found: list[Difference] = []
    for name in detectors:
        finding = DETECTORS.get(name)(ctx, claims)
        found += finding.differences
        claims = Claims(
            claims.statement
            + finding.claims.statement
            + tuple(d.statement_span for d in finding.differences if d.statement_span),
            claims.report
            + finding.claims.report
            + tuple(d.report_span for d in finding.differences if d.report_span),
        )
    return tuple(sorted(found, key=_order))


def _check(name: str, text: object, *, optional: bool) -> None:
    if text is None and optional:
        return
    if not isinstance(text, str):
        raise UserInputError(f"The {name} must be text, not {type(text).__name__}.")
    if len(text) > MAX_CHARS:
        raise UserInputError(
            f"The {name} is {len(text):,} characters long; differences are found one aligned "
            f"pair at a time (at most {MAX_CHARS:,} characters), so split it into sentences first."
        )


def _order(d: Difference) -> tuple[int, int, int]:
    s = d.statement_span[0] if d.statement_span else 1 << 30
    r = d.report_span[0] if d.report_span else 1 << 30
    return s, r, DIFFERENCE_KINDS.index(d.kind)
