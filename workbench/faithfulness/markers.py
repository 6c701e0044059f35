"""Negation, hedges and modality: small words that change how a claim stands.

English markers come from the diff stage (``negation_mentions``, ``hedge_mentions``); the
kk/ky/ru side adds what a word list cannot see there: Kazakh and Kyrgyz negate verbs with a
suffix (бармады "did not go", келбейт "does not come"), and a Russian hedge is often a verb
(считается "is believed", сообщается "is reported").
"""

from __future__ import annotations

import re

from workbench.faithfulness.base import FaithContext, issue
from workbench.faithfulness.diffapi import hedge_mentions, negation_mentions
from workbench.types import FaithIssue

_F = re.IGNORECASE
#: Negative verb forms of Kazakh and Kyrgyz: stem + ма/бa/па (harmonised) + a tense ending.
_SUFFIX_NEGATION: dict[str, re.Pattern[str]] = {
    "kk": re.compile(
        r"(?<!\w)\w{2,}(?:ма|ме|ба|бе|па|пе)(?:й\w*|ған\w*|ген\w*|қан\w*|кен\w*|ды\w*|ді\w*|"
        r"ты\w*|ті\w*|с|стан|стен|саң\w*|сең\w*|ңыз\w*|ңіз\w*|ңдар|ңдер|уы\w*|уі\w*)(?!\w)",
        _F,
    ),
    "ky": re.compile(
        r"(?<!\w)\w{2,}(?:ба|бе|бо|бө|па|пе|по|пө|ма|ме|мо|мө)(?:й\w*|ган\w*|ген\w*|гон\w*|"
        r"гөн\w*|кан\w*|кен\w*|кон\w*|көн\w*|ды\w*|ди\w*|ду\w*|дү\w*|ты\w*|ти\w*|ту\w*|тү\w*|"
        r"ңыз\w*|ңиз\w*|ңуз\w*|ңүз\w*|ш\w*)(?!\w)",
        _F,
    ),
}
#: Hedges of the source languages that the diff stage's lists do not hold (verbs, particles).
_SOURCE_HEDGES = re.compile(
    r"(?<!\w)(?:якобы|считает\w*|считал\w*|считают|считаетс\w|сообщает\w*|сообщаетс\w|"
    r"предположительно|вероятно|возможно|по-видимому|видимо|кажется|похоже|предполага\w*|"
    r"по\s+данным|по\s+слухам|примерно|около|приблизительно|свыше|порядка|"
    r"мүмкін\w*|сияқты|тәрізді|шамамен|шамасында|шамалы|делінеді|деп\s+саналады|"
    r"деп\s+болжа\w*|көрінеді|болуы\s+ықтимал|ықтимал\w*|"
    r"мүмкүн\w*|окшойт|окшош|болжол\w*|болжолдуу|делет|деп\s+эсептел\w*|көрүнөт|"
    r"ыктымал\w*|болуп\s+саналат)(?!\w)",
    _F,
)
#: Quote characters: a quoted name («Янычар», "Panama Papers") is no hedge when the source
#: quotes too.
_QUOTES = "\"“”«»‘’'„"

#: Modality classes: English pattern and the patterns of the source languages.
MODALITY: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "condition": (
        re.compile(
            r"(?<!\w)(?:(?:where|when|if|as)\s+(?:necessary|needed|required|appropriate)|"
            r"if\s+need\s+be|in\s+case\s+of\s+need)(?!\w)",
            _F,
        ),
        re.compile(
            r"(?<!\w)(?:при\s+необходимости|в\s+случае\s+необходимости|если\s+(?:это\s+)?"
            r"(?:необходимо|нужно|потребуется)|по\s+мере\s+необходимости|"
            r"қажет\s+болған\s+жағдайда|қажет\s+болса|қажеттілігіне\s+қарай|"
            r"зарыл\s+болгон\s+учурда|зарыл\s+болсо|керек\s+болсо)(?!\w)",
            _F,
        ),
    ),
    "force": (
        re.compile(
            r"(?<!\w)(?:(?:shoot|fire|shooting|firing)\s+to\s+kill|to\s+kill|lethal|"
            r"deadly\s+force|to\s+destroy)(?!\w)",
            _F,
        ),
        re.compile(
            r"(?<!\w)(?:на\s+поражение|на\s+уничтожение|жою\s+үшін|өлтіру\s+үшін|"
            r"жок\s+кылуу\w*|өлтүрүү\s+үчүн)(?!\w)",
            _F,
        ),
    ),
    "warning": (
        re.compile(r"(?<!\w)(?:without\s+(?:a\s+|any\s+)?warning|no\s+warning)(?!\w)", _F),
        re.compile(r"(?<!\w)(?:без\s+предупреждения|ескертусіз|эскертүүсүз)(?!\w)", _F),
    ),
}


def _source_negations(ctx: FaithContext) -> list[tuple[int, int]]:
    spans = [m.span for m in negation_mentions(ctx.source, ctx.src) if m.span]
    rx = _SUFFIX_NEGATION.get(ctx.src)
    if rx is not None:
        spans += [m.span() for m in rx.finditer(ctx.source)]
    return sorted(set(spans))


def detect_negation(ctx: FaithContext) -> list[FaithIssue]:
    """A different number of negations on the two sides (added or dropped "not")."""
    src = _source_negations(ctx)
    tr = [m.span for m in negation_mentions(ctx.translation, "en") if m.span]
    if len(tr) > len(src):
        extra = tr[len(src)] if src else tr[0]
        return [
            issue("negation", ctx.source, ctx.translation, None, extra,
                  f"{len(tr)} negation(s) in the translation, {len(src)} in the source")
        ]  # fmt: skip
    if len(src) > len(tr):
        return [
            issue("negation", ctx.source, ctx.translation, src[len(tr)], None,
                  f"{len(src)} negation(s) in the source, {len(tr)} in the translation")
        ]  # fmt: skip
    return []


def _english_hedges(ctx: FaithContext) -> list[tuple[int, int]]:
    quotes_in_source = any(q in ctx.source for q in _QUOTES)
    return [
        m.span
        for m in hedge_mentions(ctx.translation)
        if m.span and not (quotes_in_source and m.text[:1] in _QUOTES)
    ]


def detect_hedges(ctx: FaithContext) -> list[FaithIssue]:
    """A hedge (allegedly, reportedly, possibly, so-called…) on one side only."""
    tr = _english_hedges(ctx)
    src = [m.span for m in hedge_mentions(ctx.source) if m.span]
    src += [m.span() for m in _SOURCE_HEDGES.finditer(ctx.source)]
    if tr and not src:
        return [
            issue("hedge", ctx.source, ctx.translation, None, tr[0],
                  "a hedge the source does not have")
        ]  # fmt: skip
    if src and not tr and not _approximation_kept(ctx.translation):
        return [
            issue("hedge", ctx.source, ctx.translation, src[0], None,
                  "the source's hedge is missing from the translation", 0.6)
        ]  # fmt: skip
    return []


_EN_SOFT = re.compile(
    r"(?<!\w)(?:about|around|roughly|approximately|some|nearly|almost|over|more\s+than|"
    r"up\s+to|believed|thought|considered|seems?|seemed|likely|may|might|could|suggest\w*|"
    r"according\s+to|appears?|estimated)(?!\w)",
    _F,
)


def _approximation_kept(translation: str) -> bool:
    """English softeners that render a source hedge without a hedge word of the diff lists."""
    return _EN_SOFT.search(translation) is not None


def detect_modality(ctx: FaithContext) -> list[FaithIssue]:
    """Conditions ("where necessary") and force ("to kill", "without warning") on one side
    only: the official English of «огонь на поражение без предупреждения» as "where necessary,
    open fire without warning" adds a condition and drops "to kill"."""
    out: list[FaithIssue] = []
    for name, (en_rx, src_rx) in MODALITY.items():
        en = list(en_rx.finditer(ctx.translation))
        src = list(src_rx.finditer(ctx.source))
        for m in en[len(src) :]:
            out.append(
                issue("modality", ctx.source, ctx.translation, None, m.span(),
                      f"{name} {m.group()!r} is not in the source")
            )  # fmt: skip
        for m in src[len(en) :]:
            out.append(
                issue("modality", ctx.source, ctx.translation, m.span(), None,
                      f"the source's {name} {m.group()!r} is missing from the translation")
            )  # fmt: skip
    return out
