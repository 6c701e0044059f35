"""A dropped source negation by meaning (session 10): with an embedder, a weak "source negation
dropped" issue becomes strong when the source clause, with its negation taken out, reads closer
to the translation; a negation rendered by another word (an antonym, a paraphrase) stays weak.
The contrast needs no word lexicon, so it reaches verbs the lexicon does not know. Span-only
runs are unchanged and the signature says which was run. Sentences are invented, in the style of
official news."""

from __future__ import annotations

import numpy as np
import pytest

from tests.faithfulness.helpers import TableEmbedder as _Table
from tests.faithfulness.helpers import negation_severities as _negation
from tests.faithfulness.helpers import unit as _unit
from workbench.align.cache import CachingEmbedder
from workbench.align.embedders import E5Embedder
from workbench.errors import UserInputError
from workbench.faithfulness import ClauseVectors, check_pairs
from workbench.faithfulness.base import issue
from workbench.faithfulness.markers import (
    NEGATION_MARGIN,
    NEGATION_SIGNATURE,
    _certain_source_negations,
    affirmed,
    confirm_negations,
    negation_shift,
)


@pytest.fixture(scope="module")
def e5() -> CachingEmbedder:
    return CachingEmbedder(E5Embedder(), None)


@pytest.mark.parametrize(
    ("src", "source", "expected"),
    [
        ("kk", "Үкімет жаңа салықты енгізбеді.", "Үкімет жаңа салықты енгізді."),  # past
        ("kk", "Сайлаушылар бұл талапты қолдамайды.", "Сайлаушылар бұл талапты қолдайды."),
        ("kk", "Министр жиналысқа келмейді.", "Министр жиналысқа келеді."),  # present
        ("kk", "Министр жиналысқа келген жоқ.", "Министр жиналысқа келген."),  # participle
        ("kk", "Бұл жол қауіпсіз емес.", "Бұл жол қауіпсіз."),
        ("kk", "Ауылда су жоқ.", "Ауылда су бар."),  # "there is no water" → "there is"
        ("ky", "Шайлоочулар бул талапты колдобойт.", "Шайлоочулар бул талапты колдойт."),
        ("ky", "Өкмөт жаңы салыкты киргизген жок.", "Өкмөт жаңы салыкты киргизген."),
        ("ky", "Министр жыйынга келбейт.", "Министр жыйынга келет."),
        ("ru", "Правительство не ввело новый налог.", "Правительство ввело новый налог."),
        ("ru", "В посёлке нет воды.", "В посёлке есть воды."),
        ("ru", "Никто не пришёл на встречу.", "Все пришёл на встречу."),
    ],
)  # fmt: skip
def test_a_clause_is_made_affirmative_by_its_own_morphology(
    src: str, source: str, expected: str
) -> None:
    assert affirmed(source, _certain_source_negations(source, src), src) == expected


def test_only_the_given_spans_are_affirmed() -> None:
    source = "Министр келмеді, бірақ орынбасары келмеді."
    spans = _certain_source_negations(source, "kk")
    assert len(spans) == 2
    assert affirmed(source, spans[:1], "kk") == "Министр келді, бірақ орынбасары келмеді."
    assert affirmed(source, [], "kk") == source


LOST = [
    ("kk", "Үкімет жаңа салықты енгізбеді.", "The government introduced the new tax."),
    ("kk", "Сайлаушылар бұл талапты қолдамайды.", "Voters support this demand."),
    ("ky", "Өкмөт жаңы салыкты киргизген жок.", "The government introduced the new tax."),
    ("ky", "Шайлоочулар бул талапты колдобойт.", "Voters support this demand."),
    ("ru", "Правительство не ввело новый налог.", "The government introduced the new tax."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), LOST)
def test_a_not_lost_is_certain_by_meaning(
    e5: CachingEmbedder, src: str, source: str, translation: str
) -> None:
    # without the embedder the word lexicon does not know these verbs: weak evidence
    assert _negation(source, translation, src, None) == [0.6]
    assert _negation(source, translation, src, e5) == [1.0]


RENDERED = [
    # an antonym renders the negation: the affirmed clause moves away from the English
    ("kk", "Үкімет жаңа салықты енгізбеді.", "The government refrained from the new tax."),
    ("kk", "Министр жиналысқа келмеді.", "The minister missed the meeting."),
    ("ky", "Министр жыйынга келген жок.", "The minister missed the meeting."),
    ("ru", "Министр не пришёл на встречу.", "The minister stayed away from the meeting."),
    ("kk", "Сайлаушылар бұл талапты қолдамайды.", "Voters oppose this demand."),
    ("ky", "Шайлоочулар бул талапты колдобойт.", "Voters oppose this demand."),
    ("ru", "Избиратели не поддерживают это требование.", "Voters oppose this demand."),
    ("ru", "Завод в этом году не работал.", "The plant stood idle this year."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), RENDERED)
def test_a_negation_rendered_by_another_word_stays_weak(
    e5: CachingEmbedder, src: str, source: str, translation: str
) -> None:
    assert _negation(source, translation, src, e5) == [0.6]


def test_the_signature_says_whether_negations_were_read_by_meaning(e5: CachingEmbedder) -> None:
    source, line = LOST[0][1], LOST[0][2]
    (with_vectors,) = check_pairs([source], [line], "kk", embedder=e5)
    assert f"|negmeaning:{NEGATION_SIGNATURE}|" in with_vectors.signature
    assert f">{NEGATION_MARGIN:g}" in NEGATION_SIGNATURE
    (blind,) = check_pairs([source], [line], "kk")
    assert "negmeaning:" not in blind.signature
    (no_negation,) = check_pairs([source], [line], "kk", embedder=e5,
                                 detectors=("number", "coverage"))  # fmt: skip
    assert "negmeaning:" not in no_negation.signature


def test_the_shift_is_the_best_translation_clause_cosine_gained_by_affirming() -> None:
    v = ClauseVectors(((0, 8),), np.stack([_unit(1, 0, 1)]),
                      ((0, 5), (6, 10)), np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]))  # fmt: skip
    assert negation_shift(v, 0, _unit(1, 0, 0)) == pytest.approx(1.0 - np.sqrt(0.5))
    assert negation_shift(v, 0, _unit(0, 0, 1)) == pytest.approx(-np.sqrt(0.5))


def test_confirm_negations_promotes_by_the_shift_in_one_call_and_leaves_the_input() -> None:
    s1, s2, t = "Министр келмеді.", "Министр бармады.", "The minister came."
    weak1 = issue("negation", s1, t, (8, 15), None, "1 negation(s) in the source", 0.6)
    weak2 = issue("negation", s2, t, (8, 15), None, "1 negation(s) in the source", 0.6)
    other = issue("number", s1, t, None, None, "a figure", 0.6)
    added = issue("negation", s1, t, None, (0, 3), "a 'not' in the translation", 0.6)
    vec = ClauseVectors(((0, 16),), np.stack([_unit(1, 0, 0)]), ((0, 18),),
                        np.stack([_unit(1, 1, 0)]))  # fmt: skip
    table = _Table({"Министр келді.": _unit(1, 0.5, 0), "Министр барды.": _unit(0, 0, 1)})
    given = [[weak1, other, added], [weak2], []]
    out = confirm_negations([s1, s2, "Жоқ."], [t, t, "No."], "kk", given, [vec, vec, None],
                            table)  # fmt: skip
    # one call: each affirmed clause once (here each is its sentence too, and the pair's own
    # sentences are its one-clause vectors: nothing more to embed)
    assert table.calls == [["Министр келді.", "Министр барды."]]
    assert out[0][0].severity == 1.0 and "closer to the translation" in out[0][0].note
    assert out[0][1:] == [other, added] and out[1] == [weak2] and out[2] == []
    assert given[0][0] is weak1 and weak1.severity == 0.6  # the input is not changed
    # nothing weak of the source's side to read: no embedding at all
    quiet = _Table({})
    assert confirm_negations([s1], [t], "kk", [[other, added]], [vec], quiet) == [[other, added]]
    assert not quiet.calls


def test_confirm_negations_says_in_one_sentence_when_the_lists_differ() -> None:
    with pytest.raises(UserInputError, match="give one of each per pair"):
        confirm_negations(["a", "b"], ["a", "b"], "kk", [[]], [None, None], _Table({}))


def test_the_sentences_are_embedded_only_where_the_clause_passes_and_must_agree() -> None:
    s1 = "Министр келмеді, бірақ хат жазды."
    s2 = "Әкім бармады, бірақ хат жазды."
    t = "The minister came, but wrote a letter."
    weak1 = issue("negation", s1, t, (8, 15), None, "1 negation(s) in the source", 0.6)
    weak2 = issue("negation", s2, t, (5, 12), None, "1 negation(s) in the source", 0.6)
    v1 = ClauseVectors(((0, 16), (17, 33)), np.stack([_unit(1, 0, 0), _unit(0, 0, 1)]),
                       ((0, 38),), np.stack([_unit(1, 1, 0)]))  # fmt: skip
    v2 = ClauseVectors(((0, 13), (14, 30)), np.stack([_unit(1, 0, 0), _unit(0, 0, 1)]),
                       ((0, 38),), np.stack([_unit(1, 1, 0)]))  # fmt: skip
    rows = {
        "Министр келді,": _unit(1, 0.5, 0),  # the clause passes
        "Әкім барды,": _unit(0, 0, 1),  # the clause moves away: no sentence is embedded
        "Министр келді, бірақ хат жазды.": _unit(1, 0, 0.2),  # the sentence moves away
        s1: _unit(1, 0.1, 0),
    }
    table = _Table(rows)
    out = confirm_negations([s1, s2], [t, t], "kk", [[weak1], [weak2]], [v1, v2], table)
    assert table.calls == [["Министр келді,", "Әкім барды,"],
                           ["Министр келді, бірақ хат жазды.", s1]]  # fmt: skip
    # the clause alone would promote the first; the sentence does not agree: both stay weak
    assert out == [[weak1], [weak2]]
    # with a sentence that moves toward the translation too, the first is strong
    table.rows["Министр келді, бірақ хат жазды."] = _unit(1, 0.8, 0)
    out = confirm_negations([s1, s2], [t, t], "kk", [[weak1], [weak2]], [v1, v2], table)
    assert out[0][0].severity == 1.0 and out[1] == [weak2]
