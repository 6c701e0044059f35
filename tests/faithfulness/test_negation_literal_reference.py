"""The literal-negation check reads the source once per pair and finds what it found reading it
once per negation.

:func:`workbench.faithfulness.markers._negated_word_rendered` counted, for every source negation,
the source's un-negated forms of the negated verb by scanning every word (and, in Russian, the
whole text before each word for a «не»): seconds on a line of thousands of characters with a
negation in every clause. The reference below is that search as it was (with the kk/ky past
participle before жоқ/емес read as the negated verb, 2608f1f's rule); the counted one must
give the same answer on random mixes of negated and affirmative verbs in each language.
"""

from __future__ import annotations

import random
import re

import pytest

from workbench.faithfulness import markers
from workbench.faithfulness.base import FaithContext, load_calibration
from workbench.faithfulness.diffapi import (
    english_content,
    english_stem,
    load_bilexicon,
    load_lexicon,
    source_stem,
)


def _reference(ctx: FaithContext, spans: list[tuple[int, int]]) -> bool:
    bilex = load_bilexicon()
    english = [
        english_stem(w) for w in markers._WORD.findall(ctx.translation)
        if not w[:1].isupper() and w.lower() not in markers._EN_AUXILIARY and english_content(w)
    ]  # fmt: skip
    source = ctx.source
    for a, b in spans:
        if ctx.src == "ru":
            nxt = markers._NEXT_WORD.match(source, b)
            if source[a:b].lower() != "не" or nxt is None:
                continue
            word = nxt.group(1)
            key = source_stem(word)
            rendered = frozenset(
                e for e, p in bilex.translations("ru", word).items()
                if p >= markers.RENDERING_SHARE and len(e) >= 3
            )  # fmt: skip
            affirmative = sum(
                1 for m in markers._WORD.finditer(source)
                if source_stem(m.group()) == key
                and not re.search(r"(?<!\w)не\s+$", source[: m.start()], re.IGNORECASE)
            )  # fmt: skip
        else:
            negated = (a, b)
            stem = markers._affirmative_stem(source[a:b], ctx.src)
            before = re.search(r"(\w+)\s+$", source[:a])
            if stem is None and before and source[a:b].lower() in ("жоқ", "жок", "емес", "эмес"):
                participle = markers._PARTICIPLE.search(before.group(1))
                if participle and participle.start() >= 2:
                    stem = before.group(1)[: participle.start()].lower()
                    negated = (before.start(1), b)
            if stem is None:
                continue
            rendered = markers._stem_translations(bilex, ctx.src, stem)
            affirmative = sum(
                1 for m in markers._WORD.finditer(source)
                if m.group().lower().startswith(stem)
                and not negated[0] <= m.start() < negated[1]
                and not markers._negative_verb(m.group(), ctx.src)
                and not markers._NEGATIVE_SUFFIX.match(m.group().lower(), len(stem))
            )  # fmt: skip
        if rendered and sum(1 for e in english if e in rendered) > affirmative:
            return True
    return False


#: Invented words per language: negated and affirmative verbs, other words, and English
#: renderings (with words of no verb).
WORDS = {
    "ru": ["не", "Не", "пришёл", "пришли", "подтвердили", "подтвердил", "министр", "данные",
           "домой", "вчера", "нет"],
    "kk": ["келмеді", "келді", "бармады", "барды", "растамады", "растады", "министр", "үйге",
           "жоқ", "емес", "келе", "келген", "барған", "келмеген", "растамаған"],
    "ky": ["келбеди", "келди", "барбады", "барды", "өзгөрбөйт", "өзгөрөт", "министр", "үйгө",
           "жок", "эмес", "келген", "барган", "келбеген", "барбаган"],
}  # fmt: skip
ENGLISH = ["came", "come", "went", "go", "confirmed", "confirm", "changes", "stayed", "away",
           "the", "minister", "home", "data", "is", "did", "Came"]  # fmt: skip
GLUE = [" ", "  ", ", ", " — ", "\n", ". ", " не "]


@pytest.mark.parametrize("src", ["ru", "kk", "ky"])
def test_counted_search_matches_the_reference(src: str) -> None:
    rng = random.Random(f"literal-negation-{src}")
    lexicon, cal = load_lexicon(), load_calibration().get(src)
    outcomes = set()
    for _ in range(600):
        source = "".join(
            rng.choice(WORDS[src]) + rng.choice(GLUE) for _ in range(rng.randint(1, 14))
        )
        translation = " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(1, 10)))
        ctx = FaithContext(source, translation, src, lexicon, cal)
        spans = markers._certain_source_negations(source, src)
        expected = _reference(ctx, spans)
        assert markers._negated_word_rendered(ctx, spans) == expected, (source, translation)
        outcomes.add(expected)
    assert outcomes == {True, False}  # both answers were asked for


def test_the_word_before_a_negation_is_what_the_search_from_the_start_found() -> None:
    """``_word_before`` bisects the source's words; it must find what ``(\\w+)\\s+$`` found in
    the text before each position (spaces, tabs, line breaks, punctuation, no word at all)."""
    rng = random.Random("word-before")
    pieces = ["келген", "жок", "барған", "жоқ", "a_b", "7", " ", "  ", "\n", "\t", ",", "—", "«"]
    for _ in range(300):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        words = [(m.group(), m.start()) for m in markers._WORD.finditer(source)]
        starts = [at for _, at in words]
        for at in range(len(source) + 1):
            found = re.search(r"(\w+)\s+$", source[:at])
            expected = (found.group(1), found.start(1)) if found else None
            assert markers._word_before(source, words, starts, at) == expected, (source, at)


def test_a_negative_participle_before_its_negation_is_no_literal_rendering() -> None:
    """«келмеген жоқ» ("it is not that he did not come") holds no un-negated «кел-» to take off:
    with no rendering of "come" in the English, nothing is found literal (the count once went
    below zero there, and any English was 'more often' than the source)."""
    lexicon, cal = load_lexicon(), load_calibration().get("kk")
    source = "Ол жиналысқа келмеген жоқ."
    ctx = FaithContext(source, "He attended the meeting.", "kk", lexicon, cal)
    spans = markers._certain_source_negations(source, "kk")
    assert not markers._negated_word_rendered(ctx, spans)
    assert not _reference(ctx, spans)
