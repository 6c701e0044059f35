"""Labels for the actors and meanings from the framing lexicon: ``framing``, ``label`` and the
cross-lingual ``concept`` comparison.

* ``framing``: a loaded category on one side only ("bandits" vs "protesters", or "terrorists"
  with no label on the other side); another label of the same category ("bandits" → "thugs")
  frames the actors the same way and is no difference.
* ``label``: a neutral label the report adds or changes ("the sides" → "villagers", "leaders" →
  "activists"); a neutral label the report merely leaves out is no difference. A label that
  names who speaks ("residents said") is a voice, not a label for the actors.
* ``concept``: lexicon ``[[concepts]]`` (use of force: «на поражение», «жёстко», "kill",
  "harshly"; "where necessary"; intensity: "the utmost attention", "profound meaning", "sharp
  condemnation" against «особое внимание», «резко», kk «ерекше», ky «өтө») compared across the
  original, the translation and the report: a
  meaning the report shares with the original but the translation lacks is the translation's
  departure (``origin="translation"``); one the report adds on its own is a ``wording`` change.
  A translation that renders the degree with an everyday word ("very important", "highly
  valued") carries it as the lexicon's «очень», «өте» do for the originals: the report's
  "extremely" for it is no difference, neither the report's nor the translation's (noise22).
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding, Mention, pair_leftovers
from workbench.diff.lexicon import Lexicon, categories_in, find_concepts, find_labels
from workbench.types import Difference

_SPEAKS = re.compile(
    r"\s+(?:\w+\s+)?(?:said|say|says|told|tell|claimed|claim|claims|reported|insisted|"
    r"alleged|described|recalled|added|pointed\s+out|called|calls|branded|dubbed|termed)\b",
    re.IGNORECASE,
)
#: Everyday English degree words a translation renders an original's intensifier by ("very
#: important" for «аса маңызды»): not intensity terms themselves (a report's "very" is no
#: stronger claim), but they carry the original's degree as the lexicon's «очень», «өте» do.
_EVERYDAY_DEGREE = re.compile(
    r"(?<!\w)(?:very|highly|particularly|especially|truly|really)(?!\w)", re.IGNORECASE
)


def label_mentions(text: str, lexicon: Lexicon, *, with_spans: bool = True) -> list[Mention]:
    """The lexicon labels of ``text`` as mentions whose role is the category."""
    return [
        Mention(
            h.text,
            (h.start, h.end) if with_spans else None,
            role=h.category,
            note=f"{'loaded' if h.loaded else 'neutral'}:{h.category}",
            category=h.category,
            value=h.loaded,
        )
        for h in find_labels(text, lexicon)
    ]


def detect_framing(ctx: DiffContext, claimed: Claims) -> Finding:
    """Label categories used on one side and not the other, where a loaded label is involved."""
    statement = label_mentions(ctx.statement, ctx.lexicon)
    report = label_mentions(ctx.report, ctx.lexicon)
    source = label_mentions(ctx.source, ctx.lexicon, with_spans=False) if ctx.source else []
    if not ctx.statement.strip() and source:  # the source stands in for no translation
        statement, source = source, []
    s_roles = categories_in(ctx.statement, ctx.lexicon)
    r_roles = categories_in(ctx.report, ctx.lexicon)
    explained = s_roles | {m.role for m in source}
    if ctx.source:
        explained |= categories_in(ctx.source, ctx.lexicon)
    left = _first_per_role([m for m in statement if m.role not in r_roles])
    right = _first_per_role([m for m in report if m.role not in explained])
    loaded = {(m.span, m.text) for m in left + right if m.value}  # a loaded label's mention
    diffs = [
        d
        for d in pair_leftovers("framing", left, right)
        if (d.statement_span, d.statement) in loaded or (d.report_span, d.report) in loaded
    ]
    claims = Claims(
        tuple(m.span for m in statement if m.span), tuple(m.span for m in report if m.span)
    )
    return Finding(tuple(diffs), claims)


def detect_labels(ctx: DiffContext, claimed: Claims) -> Finding:
    """Neutral labels for the actors that the report adds or changes."""
    statement = [m for m in label_mentions(ctx.statement, ctx.lexicon) if m.value is False]
    report = [
        m
        for m in label_mentions(ctx.report, ctx.lexicon)
        if m.value is False and m.span and not _SPEAKS.match(ctx.report, m.span[1])
    ]
    explained = categories_in(ctx.statement, ctx.lexicon)
    if ctx.source:
        explained |= categories_in(ctx.source, ctx.lexicon)
    r_all = categories_in(ctx.report, ctx.lexicon)
    loaded = {c.name for c in ctx.lexicon.categories if c.loaded}
    if (explained - r_all) & loaded:
        return Finding()  # a loaded label swapped for a neutral one is a framing difference
    right = _first_per_role([m for m in report if m.role not in explained])
    r_roles = categories_in(ctx.report, ctx.lexicon)
    left = _first_per_role([m for m in statement if m.role not in r_roles])
    diffs = [d for d in pair_leftovers("label", left, right) if d.report_span is not None]
    return Finding(tuple(diffs))


def detect_concepts(ctx: DiffContext, claimed: Claims) -> Finding:
    """Meanings such as use of force, compared across the original, the translation and the
    report (see the module docstring)."""
    statement = {h.category for h in find_concepts(ctx.statement, ctx.lexicon)}
    if ctx.source and _EVERYDAY_DEGREE.search(ctx.statement):
        statement.add("intensity")  # the translation renders a degree, weaker but there
    source = _concept_hits(ctx.source, ctx.lexicon) if ctx.source else {}
    diffs: list[Difference] = []
    seen: set[str] = set()
    for hit in find_concepts(ctx.report, ctx.lexicon):
        if hit.category in statement or hit.category in seen:
            continue
        seen.add(hit.category)
        if hit.category in source:
            diffs.append(Difference(
                "wording", "", hit.text, None, (hit.start, hit.end),
                f"{hit.category}: in the original ({source[hit.category]}) and the report, "
                "not in the translation", origin="translation", category=hit.category,
            ))  # fmt: skip
        elif ctx.source:
            diffs.append(Difference(
                "wording", "", hit.text, None, (hit.start, hit.end),
                f"{hit.category}: only in the report (neither the original nor the translation)",
                category=hit.category,
            ))  # fmt: skip
    return Finding(tuple(diffs))


def _concept_hits(text: str, lexicon: Lexicon) -> dict[str, str]:
    hits: dict[str, str] = {}
    for h in find_concepts(text, lexicon):
        hits.setdefault(h.category, h.text)
    return hits


def _first_per_role(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.role not in seen:
            seen.add(m.role)
            out.append(m)
    return out
