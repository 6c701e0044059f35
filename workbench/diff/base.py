"""What every difference detector shares: its input, its output, the registry, mention pairing.

A detector is a function ``detect(ctx, claimed) -> Finding``. The specific detectors (numbers,
entities, framing, hedges, attributions, negations) ignore ``claimed``; the content detector
(omission, addition, wording) runs last and skips every span the others examined.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from workbench.diff.lexicon import Lexicon
from workbench.diff.text import Span
from workbench.registry import Registry
from workbench.types import Difference


@dataclass(frozen=True)
class DiffContext:
    """The inputs of one comparison.

    Attributes:
        statement: The statement's English translation (or its text when there is none).
        report: The joined English report sentences.
        source: The statement's original kk/ky/ru text, if known.
        src: The source language code, if known.
        lexicon: The framing lexicon.
        context: Other texts the report may draw on (see
            :func:`workbench.diff.find_differences`); most detectors leave them to the final
            step, a detector that reads only markers may check them itself.
        issuer: Texts saying who issued the statement (its outlet and title): a claim the
            statement gives to its issuer is its own voice (the attribution detector).
    """

    statement: str
    report: str
    source: str | None
    src: str | None
    lexicon: Lexicon
    context: tuple[str, ...] = ()
    issuer: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claims:
    """Spans already examined by earlier detectors, per side."""

    statement: tuple[Span, ...] = ()
    report: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Finding:
    """What a detector found: differences, and the spans it examined (equal or not)."""

    differences: tuple[Difference, ...] = ()
    claims: Claims = field(default_factory=Claims)


Detector = Callable[[DiffContext, Claims], Finding]

#: Detectors by name; each entry is lazy so that listing them imports nothing.
DETECTORS: Registry[Detector] = Registry("difference detector")
DETECTORS.add("number", "workbench.diff.numbers:detect_numbers")
DETECTORS.add("entity", "workbench.diff.entities:detect_entities")
DETECTORS.add("framing", "workbench.diff.framing:detect_framing")
DETECTORS.add("label", "workbench.diff.framing:detect_labels")
DETECTORS.add("hedge", "workbench.diff.markers:detect_hedges")
DETECTORS.add("attribution", "workbench.diff.markers:detect_attributions")
DETECTORS.add("negation", "workbench.diff.markers:detect_negations")
DETECTORS.add("quantifier", "workbench.diff.quantifiers:detect_quantifiers")
DETECTORS.add("concept", "workbench.diff.framing:detect_concepts")
DETECTORS.add("modality", "workbench.diff.modality:detect_modality")
DETECTORS.add("cause", "workbench.diff.additions:detect_causes")
DETECTORS.add("superlative", "workbench.diff.additions:detect_superlatives")
DETECTORS.add("caveat", "workbench.diff.caveats:detect_caveats")
DETECTORS.add("reaction", "workbench.diff.reactions:detect_reactions")
DETECTORS.add("urgency", "workbench.diff.urgency:detect_urgency")
DETECTORS.add("scope", "workbench.diff.scope:detect_scope")
DETECTORS.add("promise", "workbench.diff.promise:detect_promise")
DETECTORS.add("actor", "workbench.diff.actors:detect_actors")
DETECTORS.add("refusal", "workbench.diff.refusal:detect_refusals")
DETECTORS.add("directive", "workbench.diff.directives:detect_directives")
DETECTORS.add("party", "workbench.diff.parties:detect_parties")
DETECTORS.add("hearsay", "workbench.diff.hearsay:detect_hearsay")
DETECTORS.add("unnamed", "workbench.diff.unnamed:detect_unnamed")
DETECTORS.add("content", "workbench.diff.content:detect_content")

#: The order detectors run in: specific kinds first, the content diff last.
DETECTOR_ORDER: tuple[str, ...] = (
    "number",
    "entity",
    "framing",
    "label",
    "hedge",
    "attribution",
    "negation",
    "quantifier",
    "concept",
    "modality",
    "cause",
    "superlative",
    "caveat",
    "reaction",
    "urgency",
    "scope",
    "promise",
    "actor",
    "refusal",
    "directive",
    "party",
    "hearsay",
    "unnamed",
    "content",
)


@dataclass(frozen=True)
class Mention:
    """Something a detector found on one side (a figure, a name, a label, a marker).

    ``span`` is ``None`` for a mention found only in the original source text. ``speaker`` is
    who an attribution gives the claim to, as written ("" for other mentions, or when unknown).
    ``category`` is the class the detector gives it (see :attr:`workbench.types.Difference.category`).
    """

    text: str
    span: Span | None
    role: str = ""
    note: str = ""
    value: object = None
    context: str = ""
    speaker: str = ""
    category: str = ""


Same = Callable[[Mention, Mention], bool]


def context_of(text: str, span: Span) -> str:
    """The words either side of ``span`` (lower-case), to tell repeated mentions apart."""
    before = re.findall(r"\w+", text[max(0, span[0] - 40) : span[0]])
    after = re.findall(r"\w+", text[span[1] : span[1] + 40])
    return f"{before[-1].lower() if before else ''}|{after[0].lower() if after else ''}"


def match_mentions(
    left: Sequence[Mention],
    right: Sequence[Mention],
    same: Same,
    group: Callable[[Mention], Hashable] | None = None,
) -> tuple[list[Mention], list[Mention]]:
    """Pair equal mentions one-to-one; return the unmatched ones of each side.

    Identical text in identical context is matched first, then identical text, then anything
    ``same`` accepts, so that a repeated marker is matched with its own counterpart: each
    mention of ``left`` in turn takes the first mention of ``right`` still unmatched that the
    pass and ``same`` accept.

    ``group``, when given, keys the mentions ``same`` cannot tell apart (``same(x, y)`` depends
    only on ``x`` and ``group(y)``): ``same`` is then asked once per group rather than once per
    mention. The right side is indexed once (by text, context and group, each list in order,
    matched mentions skipped), so a long line of repeated figures is not matched by a scan of
    every mention for every mention (quadratic).
    """
    b = list(right)
    taken = [False] * len(b)
    keys: list[Hashable] = [group(y) if group else 0 for y in b]
    texts = [y.text.lower() for y in b]
    # per pass: the pass's key of x -> group key -> positions in order; head[] skips taken ones
    passes: list[
        tuple[Callable[[Mention], Hashable | None], dict[Hashable, dict[Hashable, list[int]]]]
    ] = [
        (lambda x: (x.text.lower(), x.context) if x.context != "" else None, {}),
        (lambda x: x.text.lower(), {}),
        (lambda x: 0, {}),
    ]
    for j, y in enumerate(b):
        for k, (_, index) in zip(((texts[j], y.context), texts[j], 0), passes, strict=True):
            index.setdefault(k, {}).setdefault(keys[j], []).append(j)
    a = list(left)
    for pass_key, index in passes:
        heads: dict[tuple[Hashable, Hashable], int] = {}
        kept: list[Mention] = []
        for x in a:
            k = pass_key(x)
            best = -1
            for g, positions in (index.get(k, {}) if k is not None else {}).items():
                h = heads.get((k, g), 0)
                while h < len(positions) and taken[positions[h]]:
                    h += 1
                heads[(k, g)] = h
                if h == len(positions) or (best >= 0 and positions[h] > best):
                    continue
                if group is not None:
                    if same(x, b[positions[h]]):
                        best = positions[h]
                    continue
                j = next(
                    (
                        j
                        for j in itertools.islice(positions, h, None)
                        if not taken[j] and same(x, b[j])
                    ),
                    -1,
                )
                if j >= 0 and (best < 0 or j < best):
                    best = j
            if best >= 0:
                taken[best] = True
            else:
                kept.append(x)
        a = kept
    return a, [y for j, y in enumerate(b) if not taken[j]]


def compare_mentions(
    kind: str,
    statement: Sequence[Mention],
    report: Sequence[Mention],
    same: Same,
    *,
    source: Sequence[Mention] = (),
    pair: bool = True,
    compatible: Same | None = None,
    translation_origin: bool = True,
    group: Callable[[Mention], Hashable] | None = None,
) -> Finding:
    """Match mentions across the sides and turn the leftovers into differences.

    Mentions equal under ``same`` are matched one-to-one (their spans are claimed, no
    difference). A report mention the translation lacks but the original has (under ``same``)
    is the translation's departure, not the report's: it becomes a difference with
    ``origin="translation"`` (or is dropped when ``translation_origin`` is false, for markers
    whose counts differ between languages, such as Russian double negation). Leftovers are
    paired (same ``role`` first, then in order among ``compatible`` ones) into two-sided
    differences when ``pair`` is true; the rest are one-sided differences.
    """
    left, right = match_mentions(statement, report, same, group)
    by_source: list[Mention] = []
    if source:
        spare = match_mentions(statement, source, same, group)[1]
        rest = match_mentions(spare, right, same, group)[1]
        unmatched = {id(r) for r in rest}
        by_source = [m for m in right if id(m) not in unmatched]
        right = rest
    diffs = pair_leftovers(kind, left, right, pair=pair, compatible=compatible)
    if translation_origin:
        diffs += [
            dataclasses.replace(
                _difference(kind, None, m),
                note=f"{m.note + '; ' if m.note else ''}in the original and the report, "
                "not in the translation",
                origin="translation",
            )
            for m in by_source
        ]
    return Finding(
        tuple(diffs),
        Claims(tuple(m.span for m in statement if m.span), tuple(m.span for m in report if m.span)),
    )


def pair_leftovers(
    kind: str,
    left: Sequence[Mention],
    right: Sequence[Mention],
    *,
    pair: bool = True,
    compatible: Same | None = None,
) -> list[Difference]:
    """Differences for unmatched mentions: paired across sides (same role first, then in order)
    when ``pair`` is true, one-sided otherwise and for what is left."""
    left, right = list(left), list(right)
    diffs: list[Difference] = []
    if pair:
        for s, r in _pairs(left, right, compatible):
            left.remove(s)
            right.remove(r)
            diffs.append(_difference(kind, s, r))
    diffs += [_difference(kind, s, None) for s in left]
    diffs += [_difference(kind, None, r) for r in right]
    return diffs


def _pairs(
    left: list[Mention], right: list[Mention], compatible: Same | None = None
) -> list[tuple[Mention, Mention]]:
    """Same role first; then in order, among ``compatible`` mentions (all when None)."""
    pairs: list[tuple[Mention, Mention]] = []
    # the first free mention of each role, from lists in order (no scan of every free mention
    # for every left one: a long line of figures was quadratic here)
    by_role: dict[str, list[int]] = {}
    for j, m in enumerate(right):
        if m.role:
            by_role.setdefault(m.role, []).append(j)
    used = [False] * len(right)
    heads = dict.fromkeys(by_role, 0)
    for s in left:
        positions = by_role.get(s.role, []) if s.role else []
        if heads.get(s.role, 0) < len(positions):
            j = positions[heads[s.role]]
            heads[s.role] += 1
            pairs.append((s, right[j]))
            used[j] = True
    free = [r for j, r in enumerate(right) if not used[j]]
    done = {id(s) for s, _ in pairs}
    for s in left:
        if id(s) in done:
            continue
        r = next((r for r in free if compatible is None or compatible(s, r)), None)
        if r is not None:
            pairs.append((s, r))
            free.remove(r)
    return pairs


def _difference(kind: str, s: Mention | None, r: Mention | None) -> Difference:
    notes = [m.note for m in (s, r) if m is not None and m.note]
    if s is None:
        notes.append("only in report")
    elif r is None:
        notes.append("only in statement" if s.span else "only in source text")
    return Difference(
        kind=kind,
        statement=s.text if s else "",
        report=r.text if r else "",
        statement_span=s.span if s else None,
        report_span=r.span if r else None,
        note="; ".join(dict.fromkeys(notes)),
        category=next((m.category for m in (s, r) if m is not None and m.category), ""),
    )
