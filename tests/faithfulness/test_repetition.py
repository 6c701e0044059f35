"""Repetition: a phrase the translation says twice is the source's own when the source says
its words twice too; a tail the source says once still fires."""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs
from workbench.faithfulness.core import MAX_CHARS


def _kinds(source: str, translation: str, src: str) -> set[str]:
    (result,) = check_pairs([source], [translation], src)
    return {i.kind for i in result.issues}


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # the source inflects the repeated name: «Республики … в Республике»
        ("ru", "Он получил орден Республики — высшую награду в Республике.",
         "He received the Order of the Republic, the Republic's highest award."),
        # a word the source says twice, spelled alike in English
        ("kk", "Ол гуру туралы айтты. Гуру — ұстаз.", "He spoke about a guru. A guru is a teacher."),
        # a stammer the source makes as well
        ("ru", "«Нет, нет, нет», — ответил он.", "\"No, no, no,\" he replied."),
    ],
)  # fmt: skip
def test_a_phrase_the_source_repeats_is_no_repetition(
    src: str, source: str, translation: str
) -> None:
    assert "repetition" not in _kinds(source, translation, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # the same source, the tail said twice: «высшую награду» is said once
        ("ru", "Он получил орден Республики — высшую награду в Республике.",
         "He received the Order of the Republic, the highest award the highest award."),
        ("kk", "Ол гуру туралы айтты. Гуру — ұстаз.",
         "He spoke about a guru. A guru is a teacher is a teacher."),
        # a stammer the source does not make
        ("ru", "Он ответил отказом.", "He said no, no, no."),
        # a stammer of function words: the source's other word said twice does not explain it
        ("ru", "Мы сделали то, что сделали, и это было правильно.",
         "We did what we did, and it was was was right."),
    ],
)  # fmt: skip
def test_a_tail_the_source_says_once_still_fires(src: str, source: str, translation: str) -> None:
    assert "repetition" in _kinds(source, translation, src)


def test_a_long_looping_tail_gets_the_verdict_of_its_first_loop() -> None:
    """A line of thousands of characters (the length check_pairs allows) that loops over words the source says twice is the
    source's own, like its short form; one loop of a word the source says once fires, however
    far into the tail it comes (each span is read from prefix counts, not word by word)."""
    source = "Президент сказал, что президент уедет в понедельник."
    loop = "The president left. " + "the president " * ((MAX_CHARS - 100) // 14)
    assert "repetition" not in _kinds(source, loop, "ru")
    late = loop + "on monday the president on monday the president"
    assert "repetition" in _kinds(source, late, "ru")


@pytest.mark.parametrize(
    "text", ["a b a b a b c", "x y z x y q x y z x y z", "w " * 30, "one two three four"]
)
def test_the_common_extension_of_two_places_is_counted_word_by_word(text: str) -> None:
    """The hashed common extension agrees with reading both places word by word."""
    from workbench.faithfulness.surface import _Extension

    words = text.split()
    ext = _Extension(words)
    for a in range(len(words)):
        for b in range(a + 1, len(words)):
            limit = len(words) - b
            naive = 0
            while naive < limit and words[a + naive] == words[b + naive]:
                naive += 1
            assert ext.common(a, b, limit) == naive
            assert ext.common(a, b, 1) == min(1, naive)
