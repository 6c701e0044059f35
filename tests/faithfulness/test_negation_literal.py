"""A source negation dropped with its verb left standing is strong; one rendered by another
word stays weak.

A translator who renders a negated verb without "not" chooses another word ("stayed away" for
"did not come"); the very verb the source negates, standing in the English without any
negation, is a "not" lost. The verb's renderings come from the word lexicon (the kk/ky stem
before the negative suffix, the Russian verb after «не»); a source that also has the verb
without negation accounts for one English occurrence.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of
from workbench.faithfulness import check_pairs
from workbench.faithfulness.base import FaithContext, load_calibration
from workbench.faithfulness.core import WEAK
from workbench.faithfulness.diffapi import load_bilexicon, load_lexicon
from workbench.faithfulness.markers import _affirmative_stem, _stem_translations, detect_negation


def _negation(source: str, translation: str, src: str) -> list[float]:
    (result,) = check_pairs([source], [translation], src)
    return [i.severity for i in result.issues if i.kind == "negation"]


LITERAL = [
    # «растамады» "did not confirm" → "confirmed"
    ("kk", "Полиция бұл ақпаратты растамады.", "The police confirmed this information."),
    ("kk", "Министр жиналысқа келмеді.", "The minister came to the meeting."),
    ("ru", "Власти не подтвердили эти данные.", "The authorities confirmed these data."),
    ("ru", "Министр не пришёл на встречу.", "The minister came to the meeting."),
    ("ky", "Анын физикалык абалы өзгөрбөйт.", "Its physical state changes."),
    # a past participle before жоқ: «келген жоқ» "did not come"
    ("kk", "Министр жиналысқа келген жоқ.", "The minister came to the meeting."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), LITERAL)
def test_the_negated_verb_without_its_not_is_strong(
    src: str, source: str, translation: str
) -> None:
    assert _negation(source, translation, src) == [1.0]
    assert "negation" in evidence_of(source, translation, src)


RENDERED_OTHERWISE = [
    # an antonym or a paraphrase renders the negation: weak, as before
    ("kk", "Министр жиналысқа келмеді.", "The minister stayed away from the meeting."),
    ("kk", "Министр жиналысқа келген жоқ.", "The minister stayed away from the meeting."),
    ("ru", "Министр не пришёл на встречу.", "The minister stayed away from the meeting."),
    # the source has the verb un-negated too: the English "changes" renders that one
    ("ky", "Анын физикалык абалы өзгөрөт, бирок химиялык абалы өзгөрбөйт.",
     "Its physical state changes, but its chemical state stays the same."),
    # a "not" of a fixed phrase ("why not") may render the source's «не»
    ("ru", "Почему бы не использовать их для рекламы?", "Why not use them for advertising?"),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), RENDERED_OTHERWISE)
def test_a_negation_rendered_by_another_word_stays_weak(
    src: str, source: str, translation: str
) -> None:
    assert _negation(source, translation, src) == [0.6]
    keys = evidence_of(source, translation, src)
    assert "negation" + WEAK in keys and "negation" not in keys


def test_a_kept_negation_is_no_issue() -> None:
    assert (
        _negation("Министр жиналысқа келмеді.", "The minister did not come to the meeting.", "kk")
        == []
    )
    assert (
        _negation("Министр не пришёл на встречу.", "The minister didn't come to the meeting.", "ru")
        == []
    )


def test_the_stem_is_cut_before_the_negative_suffix_by_sound_rules() -> None:
    assert _affirmative_stem("растамады", "kk") == "раста"
    assert _affirmative_stem("келбейт", "ky") == "кел"
    assert _affirmative_stem("айтпады", "kk") == "айт"
    # a key cut inside a negative suffix («қарам» of қарамастан "despite") renders no "look"
    assert "desp" not in _stem_translations(load_bilexicon(), "kk", "қара")


def test_the_shipped_lexicon_is_read_without_an_embedder() -> None:
    # the span check alone (no coverage, no ``words`` in the context) still reads the lexicon
    ctx = FaithContext(
        "Полиция бұл ақпаратты растамады.", "The police confirmed this information.", "kk",
        load_lexicon(), load_calibration().get("kk"),
    )  # fmt: skip
    assert [i.severity for i in detect_negation(ctx)] == [1.0]
