"""Quantifiers and approximations: the ``quantifier`` detector.

"Up to 20,000", "around 20K", "at least 1,200" qualify a figure (``approx``, ``upper``,
``lower``); "all major cities" → "some other big cities" changes how much of a whole a claim
covers (``universal`` vs ``partial``). The markers are listed for English, Russian, Kazakh and
Kyrgyz, so that the original can show that a report's "fully" is the original's «толугу менен»
even when the official translation dropped it.

A qualifier on one side only is a difference; a universal on one side and a partial on the other
is one two-sided difference. A qualifier glued to a figure that itself differs is reported once,
with the figure (see :func:`workbench.diff.core.find_differences`).
"""

from __future__ import annotations

import re

from workbench.diff.base import Claims, DiffContext, Finding, Mention, compare_mentions, context_of

_F = re.IGNORECASE
_NUM = (
    r"(?=\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|"
    r"fifty|a\s+(?:hundred|thousand|million)|hundreds|thousands|dozens|tens)\b))"
)
_NUM_CY = r"(?=\s*\d)"

#: Markers by class: numeric qualifiers must precede a figure.
CLASSES: dict[str, re.Pattern[str]] = {
    "approx": re.compile(
        rf"(?<!\w)(?:(?:about|around|roughly|approximately|nearly|almost|close\s+to|some|"
        rf"an\s+estimated|estimated|or\s+so){_NUM}|около{_NUM_CY}|примерно|приблизительно|"
        rf"порядка{_NUM_CY}|почти|шамамен|шамасы|жуық|болжол\s+менен|чамасы|жакын{_NUM_CY})(?!\w)",
        _F,
    ),
    "upper": re.compile(
        rf"(?<!\w)(?:(?:up\s+to|as\s+many\s+as|no\s+more\s+than|at\s+most|fewer\s+than|"
        rf"less\s+than|under){_NUM}|до{_NUM_CY}|не\s+более|не\s+больше|дейін|чейин)(?!\w)",
        _F,
    ),
    "lower": re.compile(
        rf"(?<!\w)(?:(?:at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|"
        rf"no\s+fewer\s+than|no\s+less\s+than){_NUM}|не\s+менее|более{_NUM_CY}|"
        rf"свыше|больше{_NUM_CY}|астам|артық|кем\s+дегенде|ашык|кеминде)(?!\w)",
        _F,
    ),
    "universal": re.compile(
        r"(?<!\w)(?:all(?!\s+(?:but|of\s+a\s+sudden))|every|entire|whole|fully|completely|"
        r"entirely|totally|все|всех|всё|весь|вся|всю|каждый|каждого|полностью|целиком|"
        r"барлық\w*|бүкіл|толық|толығымен|түгел|бардык\w*|бүт|толук|толугу\s+менен|баары)(?!\w)",
        _F,
    ),
    "partial": re.compile(
        r"(?<!\w)(?:some(?!\s*\d)|several|a\s+few|few|many|most|part\s+of|certain|partly|"
        r"partially|a\s+number\s+of|некоторы\w*|несколько|часть|многи\w*|большинств\w*|"
        r"частично|кейбір|бірнеше|көптеген|ішінара|кээ\s+бир|бир\s+нече|көптөгөн|"
        r"жарым-жартылай)(?!\w)",
        _F,
    ),
}
#: Classes that stand against each other on the two sides (one two-sided difference).
_FAMILY = {"universal": "scope", "partial": "scope", "approx": "figure", "upper": "figure",
           "lower": "figure"}  # fmt: skip


def quantifier_mentions(text: str, *, with_spans: bool = True) -> list[Mention]:
    """Quantifier markers of ``text`` with their class as role."""
    found: list[tuple[int, int, str]] = []
    for cls, rx in CLASSES.items():
        for m in rx.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e, _ in found):
                found.append((m.start(), m.end(), cls))
    return [
        Mention(text[s:e], (s, e) if with_spans else None, role=cls, note=f"quantifier:{cls}",
                context=context_of(text, (s, e)) if with_spans else "")
        for s, e, cls in sorted(found)
    ]  # fmt: skip


def detect_quantifiers(ctx: DiffContext, claimed: Claims) -> Finding:
    """Qualifiers of figures and of scope that one side has and the other has not."""
    statement = quantifier_mentions(ctx.statement)
    report = quantifier_mentions(ctx.report)
    source = quantifier_mentions(ctx.source, with_spans=False) if ctx.source else []
    if not ctx.statement.strip() and source:
        statement, source = source, []
    return compare_mentions(
        "quantifier",
        statement,
        report,
        lambda a, b: a.role == b.role,
        source=source,
        compatible=lambda a, b: _FAMILY[a.role] == _FAMILY[b.role],
    )
