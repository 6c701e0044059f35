"""Repetition: a phrase the translation says twice is the source's own when the source says
its words twice too; a tail the source says once still fires."""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs


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
