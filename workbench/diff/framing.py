"""Loaded vs neutral labels for the same actors, from the framing lexicon: the ``framing`` detector.

A label category present on both sides is no difference. A category on one side only is a
difference when either side of the pair is loaded ("bandits" vs "protesters", or "terrorists"
with no label on the other side); a neutral label alone is left to the content diff.
"""

from __future__ import annotations

from workbench.diff.base import Claims, DiffContext, Finding, Mention, pair_leftovers
from workbench.diff.lexicon import Lexicon, categories_in, find_labels


def label_mentions(text: str, lexicon: Lexicon, *, with_spans: bool = True) -> list[Mention]:
    """The lexicon labels of ``text`` as mentions whose role is the category."""
    return [
        Mention(
            h.text,
            (h.start, h.end) if with_spans else None,
            role=h.category,
            note=f"{'loaded' if h.loaded else 'neutral'}:{h.category}",
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
    diffs = [d for d in pair_leftovers("framing", left, right) if "loaded:" in d.note]
    claims = Claims(
        tuple(m.span for m in statement if m.span), tuple(m.span for m in report if m.span)
    )
    return Finding(tuple(diffs), claims)


def _first_per_role(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.role not in seen:
            seen.add(m.role)
            out.append(m)
    return out
