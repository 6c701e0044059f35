"""Compose the registered detectors into :func:`find_differences`."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

from workbench import __version__
from workbench.diff import wordnet
from workbench.diff.base import DETECTOR_ORDER, DETECTORS, Claims, DiffContext
from workbench.diff.lexicon import Lexicon
from workbench.diff.salience import finish, speaks_of_amount
from workbench.errors import UserInputError
from workbench.types import Difference

#: The longest text (per side) one comparison accepts; compare aligned sentences, not documents.
MAX_CHARS = 20_000


def diff_signature(lexicon: Lexicon, detectors: Sequence[str] = DETECTOR_ORDER) -> str:
    """How differences were found, sacreBLEU style.

    Example: ``diff:workbench|detectors:number+entity+...|lexicon:workbench-framing@2026.11.1|
    senses:wordnet-3.0|version:0.1.0`` (``senses``: the English sense table of
    :mod:`workbench.diff.wordnet`, which decides what a paraphrase is).
    """
    return (
        f"diff:workbench|detectors:{'+'.join(detectors)}|lexicon:{lexicon.signature}"
        f"|senses:{wordnet.SIGNATURE}|version:{__version__}"
    )


def find_differences(
    statement: str,
    report: str,
    *,
    source: str | None = None,
    src: str | None = None,
    lexicon: Lexicon,
    detectors: Sequence[str] = DETECTOR_ORDER,
    confidence: float | None = None,
    focus: tuple[int, int] | None = None,
    context: Sequence[str] = (),
    outlet_labels: Collection[str] = (),
    document: Sequence[str] = (),
    issuer: Sequence[str] = (),
) -> tuple[Difference, ...]:
    """Find where a report retells a statement differently.

    Args:
        statement: The English translation of the statement sentence (or its text).
        report: The English report sentence(s) aligned to it, joined.
        source: The statement's original kk/ky/ru text, if known.
        src: Its language code (``kk``, ``ky``, ``ru``).
        lexicon: The framing lexicon (:func:`workbench.diff.load_lexicon`).
        detectors: Detector names to run, in order (default: all; ``content`` last).
        confidence: How sure the link between statement and report is (0–1), if known: a weak
            link keeps only differences in the report's own words and lowers salience.
        focus: The ``(start, end)`` part of ``statement`` the report retells, when it retells
            only a clause: what lies outside is not an omission.
        context: Other texts the report may draw on: who issued the statement (its outlet and
            title) and the other statements the same report sentences retell. A report-only
            name, figure, attribution or addition made of their words is not flagged here.
        outlet_labels: Label categories of the lexicon (``"terror"``) the outlet carries
            elsewhere in its document (own voice or reported speech, not a direct quotation:
            :func:`workbench.diff.carried_labels`): a loaded label of the statement that this
            report sentence leaves out is then no framing choice of the outlet.
        document: The other sentences of the statement's document (in the language of
            ``statement``): a clause-sized addition whose content words they hold, all but
            one, retells another part of the statement, not a fact the statement lacks.
        issuer: Who issued the statement (its outlet and title): a claim the statement gives
            to its issuer ("The Ministry of Energy of the Republic of Uzbekistan announces
            ...") is the statement's own voice, so a report that states it as fact
            moves nothing. Its texts (also in ``context``) are one speaker; every other text
            of ``context`` is a speaker of its own: an attribution both sides give to
            speakers the context names is no move only when one speaker names both sides.

    Returns:
        Differences, most salient first (then by position), at most
        :data:`workbench.diff.salience.MAX_PER_PAIR`; each with its kind, the text and
        ``(start, end)`` span on both sides (``None`` for a side that has nothing), a note, its
        salience (0–1), voice and speaker, and origin (``"translation"`` when the supplied
        translation, not the report, departs from the original).

    Raises:
        UserInputError: when a text is not a string or is too long for one comparison, or
            ``confidence``/``focus`` are out of range.
        UnknownNameError: for an unknown detector name.
    """
    for name, text in (("statement", statement), ("report", report), ("source", source)):
        _check(name, text, optional=name == "source")
    _check_link(confidence, focus, len(statement))
    if isinstance(context, str) or not all(isinstance(c, str) for c in context):
        raise UserInputError("The context must be a list of texts.")
    if isinstance(document, str) or not all(isinstance(c, str) for c in document):
        raise UserInputError("The statement's document must be a list of sentences.")
    if isinstance(issuer, str) or not all(isinstance(c, str) for c in issuer):
        raise UserInputError("The statement's issuer must be a list of texts (outlet, title).")
    if isinstance(outlet_labels, str) or not all(isinstance(c, str) for c in outlet_labels):
        raise UserInputError("The outlet's labels must be a list of category names.")
    ctx = DiffContext(
        statement, report, source or None, src, lexicon, tuple(context), tuple(issuer)
    )
    claims = Claims()
    found: list[Difference] = []
    for name in detectors:
        finding = DETECTORS.get(name)(ctx, claims)
        found += [dataclasses.replace(d, detector=name) for d in finding.differences]
        claims = Claims(
            claims.statement
            + finding.claims.statement
            + tuple(d.statement_span for d in finding.differences if d.statement_span),
            claims.report
            + finding.claims.report
            + tuple(d.report_span for d in finding.differences if d.report_span),
        )
    return finish(
        found,
        report,
        confidence=confidence,
        focus=focus,
        context=context,
        lexicon=lexicon,
        outlet_labels=outlet_labels,
        document=document,
        issuer=issuer,
        src=src,
        amount_in_statement=speaks_of_amount(statement, src)
        or bool(source and speaks_of_amount(source, src)),
    )


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


def _check_link(confidence: object, focus: object, length: int) -> None:
    if confidence is not None and (
        not isinstance(confidence, (int, float)) or not 0.0 <= float(confidence) <= 1.0
    ):
        raise UserInputError(
            f"The link confidence must be a number from 0 to 1, not {confidence!r}."
        )
    if focus is None:
        return
    ok = (
        isinstance(focus, tuple)
        and len(focus) == 2
        and all(isinstance(x, int) for x in focus)
        and 0 <= focus[0] < focus[1] <= length
    )
    if not ok:
        raise UserInputError(
            f"The focus must be a (start, end) span inside the statement (0–{length}), "
            f"not {focus!r}."
        )
