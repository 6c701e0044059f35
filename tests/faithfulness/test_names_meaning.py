"""Names by meaning (session 9): with an embedder, a weak English-name issue becomes strong when
the translation reads closer to its source with the name replaced by a placeholder, and stays
weak when the source carries the name's meaning. Span-only runs are unchanged and the signature
says which was run. Sentences are invented, in the style of official news."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.faithfulness.helpers import TableEmbedder as _Table
from tests.faithfulness.helpers import unit as _unit
from workbench.align.cache import CachingEmbedder
from workbench.align.embedders import E5Embedder
from workbench.errors import UserInputError
from workbench.faithfulness import ClauseVectors, check_pairs
from workbench.faithfulness.base import Calibration, issue, load_calibration
from workbench.faithfulness.namemeaning import (
    MARGIN,
    PAIRED,
    PLACEHOLDER,
    confirm_names,
    masked_clause,
    meaning_shift,
    pair_names,
    source_candidates,
)
from workbench.types import FaithIssue


@pytest.fixture(scope="module")
def e5() -> CachingEmbedder:
    return CachingEmbedder(E5Embedder(), None)


def _hand_rules() -> Calibration:
    """The committed calibration without its name model: the meaning steps' own verdicts
    (since session 18 the name model grades every English-name issue after them:
    ``tests/faithfulness/test_name_score.py``)."""
    cal = load_calibration()
    return replace(
        cal, languages={k: replace(v, name_model=None) for k, v in cal.languages.items()}
    )


def _names(source: str, translation: str, src: str, embedder: object) -> list[tuple[float, str]]:
    (r,) = check_pairs(
        [source],
        [translation],
        src,
        embedder=embedder,
        calibration=_hand_rules(),  # type: ignore[arg-type]
    )
    return [(i.severity, i.translation) for i in r.issues if i.kind == "name"]


DUMA = "Депутаты Государственной думы одобрили закон о цифровом рубле."
CROSS = "Врачи Красного Креста доставили лекарства в лагерь беженцев."
SENATE = "Сенат депутаттары цифрлық теңге туралы заңды мақұлдады."
KENESH = "Жогорку Кеңештин депутаттары санариптик сом жөнүндө мыйзамды жактырышты."


@pytest.mark.parametrize(
    ("src", "source", "translation", "name"),
    [
        ("ru", DUMA, "Members of the Grand Canyon approved the law on the digital ruble.",
         "Grand Canyon"),
        ("ru", CROSS, "Doctors from the Golden Globe delivered medicine to the refugee camp.",
         "Golden Globe"),
        ("kk", SENATE, "Members of the Niagara Falls approved the law on the digital tenge.",
         "Niagara Falls"),
        ("ky", KENESH, "Members of the Rolling Stones approved the law on the digital som.",
         "Rolling Stones"),
    ],
)  # fmt: skip
def test_a_swapped_name_of_dictionary_words_is_certain_by_meaning(
    e5: CachingEmbedder, src: str, source: str, translation: str, name: str
) -> None:
    # spelling alone cannot tell: the name is made of dictionary words (weak evidence)
    assert _names(source, translation, src, None) == [(0.6, name)]
    # the sentence reads closer to its source without it: the name is one the source lacks
    assert _names(source, translation, src, e5) == [(1.0, name)]


def test_a_name_the_source_carries_by_meaning_stays_weak(e5: CachingEmbedder) -> None:
    # «Государственной думы» is rendered, not spelled: without it the sentence loses meaning
    faithful = "Members of the State Duma approved the law on the digital ruble."
    assert _names(DUMA, faithful, "ru", None) == [(0.6, "State Duma")]
    assert _names(DUMA, faithful, "ru", e5) == [(0.6, "State Duma")]
    # a faithful rendering the matcher spells finds nothing either way
    red = "Doctors from the Red Cross delivered medicine to the refugee camp."
    assert _names(CROSS, red, "ru", e5) == []


def test_the_signature_says_whether_names_were_read_by_meaning(e5: CachingEmbedder) -> None:
    line = "Members of the Grand Canyon approved the law on the digital ruble."
    (with_vectors,) = check_pairs([DUMA], [line], "ru", embedder=e5)
    assert (
        f"|namemeaning:pair>={PAIRED:g}+mask-{PLACEHOLDER}-best-clause>{MARGIN:g}|"
        in with_vectors.signature
    )
    (blind,) = check_pairs([DUMA], [line], "ru")
    assert "namemeaning:" not in blind.signature
    (no_names,) = check_pairs([DUMA], [line], "ru", embedder=e5,
                              detectors=("number", "coverage"))  # fmt: skip
    assert "namemeaning:" not in no_names.signature


def test_masking_replaces_the_name_inside_its_clause_only() -> None:
    text = "Officials in Lagos said, and the Navy agreed."
    assert masked_clause(text, (0, 24), (13, 18)) == f"Officials in {PLACEHOLDER} said,"
    # a name running past its clause's end is cut at the clause
    assert masked_clause(text, (0, 16), (13, 18)) == f"Officials in {PLACEHOLDER}"


def test_the_shift_is_the_best_source_clause_cosine_gained_by_masking() -> None:
    v = ClauseVectors(((0, 5), (6, 10)), np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]),
                      ((0, 8),), np.stack([_unit(1, 0, 1)]))  # fmt: skip
    assert meaning_shift(v, 0, _unit(1, 0, 0)) == pytest.approx(1.0 - np.sqrt(0.5))
    assert meaning_shift(v, 0, _unit(0, 0, 1)) == pytest.approx(-np.sqrt(0.5))


def test_confirm_names_promotes_by_the_shift_in_one_call_and_leaves_the_input() -> None:
    source, t1, t2 = "Иван приехал.", "Boris arrived.", "Dana left."
    weak1 = issue("name", source, t1, (0, 4), (0, 5), "name 'Boris' has no counterpart", 0.6)
    weak2 = issue("name", source, t2, (0, 4), (0, 4), "name 'Dana' has no counterpart", 0.6)
    other = issue("number", source, t1, None, None, "a figure", 0.6)
    vec = ClauseVectors(((0, 13),), np.stack([_unit(1, 0, 0)]), ((0, 14),),
                        np.stack([_unit(1, 1, 0)]))  # fmt: skip
    vec2 = ClauseVectors(((0, 13),), np.stack([_unit(1, 0, 0)]), ((0, 10),),
                         np.stack([_unit(1, 1, 0)]))  # fmt: skip
    table = _Table(
        {
            f"{PLACEHOLDER} arrived.": _unit(1, 0.2, 0),  # closer: a swap
            f"{PLACEHOLDER} left.": _unit(0, 1, 0),
        }
    )  # further: the source's name
    given = [[weak1, other], [weak2], []]
    out = confirm_names([t1, t2, "Nothing."], given, [vec, vec2, None], table)
    assert len(table.calls) == 1 and sorted(table.calls[0]) == [
        f"{PLACEHOLDER} arrived.",
        f"{PLACEHOLDER} left.",
    ]
    assert out[0][0].severity == 1.0 and "closer to its source" in out[0][0].note
    assert out[0][1] == other and out[1] == [weak2] and out[2] == []
    assert given[0][0] is weak1 and weak1.severity == 0.6  # the input is not changed
    # nothing weak to read: no embedding at all
    quiet = _Table({})
    assert confirm_names([t1], [[other]], [vec], quiet) == [[other]] and not quiet.calls


def test_confirm_names_says_in_one_sentence_when_the_lists_differ() -> None:
    with pytest.raises(UserInputError, match="give one of each per pair"):
        confirm_names(["a", "b"], [[]], [None, None], _Table({}))


# session 14: an English name and a source name both left unpaired by spelling, read by meaning
SHOW = "Сериал «Неукротимый» вышел в эфир в 2016 году."
SHOW_EN = "The series Indomitable aired in 2016."


def test_the_unpaired_source_names_are_read_alone_and_with_the_next_word() -> None:
    assert source_candidates(SHOW, SHOW_EN, "ru") == ["Неукротимый", "Неукротимый» вышел"]
    # every source name has its English counterpart: nothing to pair with
    assert source_candidates("Иван приехал в Москву.", "Ivan arrived in Moscow.", "ru") == []


def _name_issue(source: str, translation: str, name: str, twin: str) -> FaithIssue:
    a = translation.index(name)
    b = source.index(twin)
    return issue("name", source, translation, (b, b + len(twin)), (a, a + len(name)),
                 f"name {name!r} has no counterpart in the source", 0.6)  # fmt: skip


def test_pair_names_drops_a_name_that_renders_the_unpaired_source_name_in_one_call() -> None:
    swap_en = "The series Golden Globe aired in 2016."
    rendered = _name_issue(SHOW, SHOW_EN, "Indomitable", "Неукротимый")
    swapped = _name_issue(SHOW, swap_en, "Golden Globe", "Неукротимый")
    other = issue("number", SHOW, SHOW_EN, None, None, "a figure", 0.6)
    table = _Table(
        {
            "Indomitable": _unit(1, 0, 0),
            "Golden Globe": _unit(0, 1, 0),
            "Неукротимый": _unit(1, 0.1, 0),  # near "Indomitable": the name rendered
            "Неукротимый» вышел": _unit(0, 0, 1),
        }
    )
    given = [[rendered, other], [swapped], []]
    out = pair_names([SHOW, SHOW, "Иван приехал."], [SHOW_EN, swap_en, "Ivan arrived."], "ru",
                     given, table)  # fmt: skip
    assert out == [[other], [swapped], []]
    assert len(table.calls) == 1 and sorted(table.calls[0]) == sorted(table.rows)
    assert given[0] == [rendered, other]  # the input is not changed


def test_pair_names_embeds_nothing_without_an_unpaired_name_on_both_sides() -> None:
    source = "Иван приехал в Москву."
    en = "Ivan met the Golden Globe in Moscow."
    found = _name_issue(source, en, "Golden Globe", "Иван")
    quiet = _Table({})
    # no name issue at all, or the source's names all have their counterparts
    assert pair_names([source], ["Ivan arrived in Moscow."], "ru", [[]], quiet) == [[]]
    assert pair_names([source], [en], "ru", [[found]], quiet) == [[found]]
    assert not quiet.calls


def test_pair_names_says_in_one_sentence_when_the_lists_differ() -> None:
    with pytest.raises(UserInputError, match="give one of each per pair"):
        pair_names(["a"], ["a", "b"], "ru", [[], []], _Table({}))


def test_a_translated_title_is_paired_by_meaning_and_a_swap_is_not(e5: CachingEmbedder) -> None:
    today = "Об этом сообщила газета «Сегодня»."
    # spelling alone cannot pair "Today" with «Сегодня»: a weak name issue
    assert _names(today, "This was reported by the newspaper Today.", "ru", None) == [
        (0.6, "Today")
    ]
    assert _names(today, "This was reported by the newspaper Today.", "ru", e5) == []
    swapped = _names(today, "This was reported by the newspaper Golden Globe.", "ru", e5)
    assert [n for _, n in swapped] == ["Golden Globe"]
