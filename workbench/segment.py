"""Sentence segmentation for kk/ky/ru/en that keeps character offsets.

Two maintained splitters are registered in :data:`SPLITTERS`: ``razdel`` (rule-based, Russian
abbreviation lists, Cyrillic-aware, so it also copes with Kazakh and Kyrgyz letters) and
``sentencex`` (Wikimedia's many-language splitter). :data:`DEFAULT_SPLITTER` picks one per
language from the FLORES-200 measurements in ``docs/translate.md``
(``benchmarks/segment_bench.py`` reproduces them).

Line breaks: a blank line always ends a sentence; a single line break ends one too, unless it
looks like a hard wrap inside a sentence (the line before has no closing punctuation and the next
line starts with a lower-case letter). Every :class:`~workbench.types.Sentence` satisfies
``text[s.start:s.end] == s.text`` and carries no surrounding whitespace.

English: razdel's abbreviation lists are Russian, so a cut after an English title before a
capitalised word ("St. Petersburg", "Sen. Warren") or after "a.m."/"p.m." before a time zone
("7:15 a.m. Kyrgyz time") is undone (19 such wrong cuts in FLORES-200 dev + NTREX-128 English,
none of them a true boundary). A month abbreviated before a day or a year ("Oct. 6",
"Moscow, Oct. 6 (Reuters)", "Sept. 2019") is no sentence end either: the splitter is given the
text with that full stop read as a space (same length, so the offsets hold), which also lets it
cut after the date ("on Oct. 4. Protests followed." is two sentences).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from workbench.registry import Registry
from workbench.types import Sentence

#: ``splitter(text, lang)`` yields ``(start, end)`` spans of sentences inside ``text``.
Splitter = Callable[[str, str], Iterator[tuple[int, int]]]

SPLITTERS: Registry[Splitter] = Registry("sentence splitter")

#: The splitter used per language (see ``docs/translate.md`` for the numbers behind it).
DEFAULT_SPLITTER: dict[str, str] = {"ru": "razdel", "kk": "razdel", "ky": "razdel", "en": "razdel"}

# sentencex has rules for these codes; Kyrgyz falls back to its Russian abbreviations.
_SENTENCEX_LANG = {"ru": "ru", "kk": "kk", "ky": "ru", "en": "en"}

_LINE_BREAK = re.compile(r"\n")
#: English words ending in a full stop that never end a sentence before a capitalised name
#: ("St. Petersburg", "Mr. Smith", "Gen. Tashiev"); razdel's lists are Russian.
_EN_TITLE = re.compile(
    r"(?<![\w.])(?:St|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|Prof|Rev|Mt|Ft|vs)\.$",
)
#: "a.m."/"p.m." followed by a time zone ("7:15 a.m. Kyrgyz time", "6 p.m. GMT"): one sentence.
_EN_AMPM = re.compile(r"(?<![\w.])[ap]\.m\.$", re.IGNORECASE)
_EN_ZONE = re.compile(
    r"(?!Local\b)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+time\b"
    r"|(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MSK|CET|CEST|BST|ALMT)\b"
)
#: A month abbreviated before a day or a year ("Oct. 6", "Sept. 2019"): its full stop ends nothing.
_EN_MONTH_DOT = re.compile(
    r"(?<![\w.])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(\.)(?=[ \t\u00a0]+\d)"
)
_CLOSING = frozenset(".!?…:;»\"')]")


@SPLITTERS.register("razdel")
def _razdel(text: str, lang: str) -> Iterator[tuple[int, int]]:
    from razdel import sentenize

    for sub in sentenize(text):
        yield sub.start, sub.stop


@SPLITTERS.register("sentencex")
def _sentencex(text: str, lang: str) -> Iterator[tuple[int, int]]:
    from sentencex import get_sentence_boundaries

    for b in get_sentence_boundaries(_SENTENCEX_LANG.get(lang, "en"), text):
        yield b["start_index"], b["end_index"]


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` between line breaks that end a sentence (see module docstring)."""
    start = 0
    for match in _LINE_BREAK.finditer(text):
        before = text[start : match.start()].rstrip()
        after = text[match.end() :].lstrip(" \t\r")
        wrapped = (
            bool(before)
            and before[-1] not in _CLOSING
            and bool(after)
            and not after.startswith("\n")
            and after[0].islower()
        )
        if not wrapped:
            yield start, match.start()
            start = match.end()
    yield start, len(text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, lang: str, *, splitter: str | None = None) -> list[Sentence]:
    """Cut ``text`` into sentences with character offsets into ``text``.

    Args:
        text: Any text; blank text gives ``[]``.
        lang: Language code (``kk``, ``ky``, ``ru``, ``en``); picks the default splitter.
        splitter: A name in :data:`SPLITTERS` to override the per-language default.

    Returns:
        Sentences in order, ``index`` counting from 0, each with
        ``text[s.start:s.end] == s.text`` and no leading or trailing whitespace.
    """
    split = SPLITTERS.get(splitter or DEFAULT_SPLITTER.get(lang, "razdel"))
    out: list[Sentence] = []
    for b_start, b_end in _blocks(text):
        block = text[b_start:b_end]
        if not block.strip():
            continue
        seen = _without_month_dots(block) if lang == "en" else block
        spans = list(split(seen, lang)) or [(0, len(block))]
        if lang == "en":
            spans = _join_english_abbreviations(block, spans)
        for s_start, s_end in _cover(block, spans):
            start, end = _trimmed(text, b_start + s_start, b_start + s_end)
            if start < end:
                out.append(Sentence(text[start:end], start, end, len(out)))
    return out


def _without_month_dots(block: str) -> str:
    """``block`` with the full stop of each month abbreviated before a day or a year ("Oct. 6")
    made a space, for the splitter's eyes only: the same length, so its spans fit ``block``."""
    return _EN_MONTH_DOT.sub(lambda m: m[0][:-1] + " ", block)


def _cover(block: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Stretch the splitter's spans so that no non-space character of ``block`` is dropped."""
    cuts = sorted({0, len(block), *(s for s, _ in spans[1:])})
    yield from zip(cuts, cuts[1:], strict=False)


def _join_english_abbreviations(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo the cuts after an English title ("St.", "Mr.", "Gen.") or after "a.m."/"p.m." that
    a time zone follows: the splitter took their full stop for a sentence end."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            before = block[out[-1][0] : out[-1][1]].rstrip()
            after = block[start:end].lstrip()
            title = _EN_TITLE.search(before) and after[:1].isupper()
            zone = _EN_AMPM.search(before) and _EN_ZONE.match(after)
            if title or zone:
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out
