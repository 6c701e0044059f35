"""Each detector on a pair where it must fire and on the faithful version where it must not.

Sentences are in the style of official statements and news (the material users bring); the
faithful English is a plain human translation of the source.
"""

from __future__ import annotations

import pytest

from workbench.errors import UnknownNameError, UserInputError
from workbench.faithfulness import DETECTORS, FAITH_KINDS, check_pairs

RU = "Токаев заявил, что 20 тысяч бандитов атаковали Алматы."
RU_EN = "Tokayev said that 20,000 bandits attacked Almaty."

CASES = [
    # (kind, src, source, faithful translation, unfaithful translation, flagged text)
    ("number", "ru", RU, RU_EN, "Tokayev said that 25,000 bandits attacked Almaty.", "25,000"),
    ("number", "kk", "Алматыда 20 мың адам жиналды.", "20,000 people gathered in Almaty.",
     "2,000 people gathered in Almaty.", "2,000"),
    ("name", "ru", RU, RU_EN, "Nazarbayev said that 20,000 bandits attacked Almaty.",
     "Nazarbayev"),
    ("label", "ru", "Митингующие собрались на площади.", "Protesters gathered on the square.",
     "Terrorists gathered on the square.", "Terrorists"),
    ("label", "ru", RU, RU_EN, "Tokayev said that 20,000 protesters attacked Almaty.", "бандитов"),
    ("negation", "ru", "Власти не подтвердили эти данные.",
     "The authorities did not confirm these figures.",
     "The authorities confirmed these figures.", "не"),
    ("negation", "kk", "Полиция бұл ақпаратты растамады.",
     "The police did not confirm this information.",
     "The police confirmed this information.", "растамады"),
    ("hedge", "ru", "Протестующие захватили здание акимата.",
     "The protesters seized the akimat building.",
     "The protesters allegedly seized the akimat building.", "allegedly"),
    ("modality", "ru", "Я отдал приказ открывать огонь на поражение без предупреждения.",
     "I gave the order to open fire to kill without warning.",
     "I gave the order, where necessary, to open fire without warning.", "на поражение"),
    ("untranslated", "ky", "Бишкекте митинг өттү.", "A rally was held in Bishkek.",
     "A rally was held in Бишкекте митинг.", "Бишкекте митинг"),
    ("wrong_language", "ru", "Президент выступил с обращением к народу.",
     "The president addressed the nation.",
     "Cumhurbaşkanı millete hitaben bir konuşma yaptı ve halka seslendi.", None),
    ("repetition", "ru", "Президент выступил с обращением к народу.",
     "The president addressed the nation.",
     "The president addressed the nation. The nation. The nation. The nation.", "The nation"),
]  # fmt: skip


def _kinds_and_texts(source: str, translation: str, src: str) -> list[tuple[str, str, str]]:
    (result,) = check_pairs([source], [translation], src)
    return [(i.kind, i.source, i.translation) for i in result.issues]


@pytest.mark.parametrize(
    ("kind", "src", "source", "good", "bad", "text"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_detector_fires_on_the_departure_and_not_on_the_faithful_translation(
    kind: str, src: str, source: str, good: str, bad: str, text: str | None
) -> None:
    found = _kinds_and_texts(source, bad, src)
    assert kind in {k for k, _, _ in found}, found
    if text is not None:
        assert any(k == kind and (text in s or text in t) for k, s, t in found), found
    assert kind not in {k for k, _, _ in _kinds_and_texts(source, good, src)}


def test_equal_figures_in_other_notation_are_no_issue() -> None:
    for source, src in (
        ("Задержаны 20 тысяч человек.", "ru"),
        ("20 мың адам ұсталды.", "kk"),
        ("Двадцать тысяч человек задержаны.", "ru"),
    ):
        (r,) = check_pairs([source], ["Twenty thousand people were detained."], src)
        assert "number" not in {i.kind for i in r.issues}, r.issues


def test_names_across_scripts_match() -> None:
    (r,) = check_pairs(
        ["Касым-Жомарт Токаев встретился с Садыром Жапаровым в Бишкеке."],
        ["Kassym-Jomart Tokayev met Sadyr Japarov in Bishkek."],
        "ru",
    )
    assert "name" not in {i.kind for i in r.issues}, r.issues


def test_the_address_of_january_2022() -> None:
    """The official English of the address: a condition added, "to kill" dropped, a label."""
    (r,) = check_pairs(
        ["Я дал приказ правоохранительным органам и армии открывать огонь на поражение без "
         "предупреждения по бандитам."],
        ["I have given the order to law enforcement and the army to open fire without "
         "warning, where necessary, on terrorists."],
        "ru",
    )  # fmt: skip
    found = {(i.kind, i.source or i.translation) for i in r.issues}
    assert ("modality", "на поражение") in found
    assert ("modality", "where necessary") in found
    assert any(k == "label" for k, _ in found)
    assert r.flagged and r.score < 0.5


def test_every_issue_has_spans_that_cut_its_texts() -> None:
    sources = [c[2] for c in CASES]
    bad = [c[4] for c in CASES]
    for (_, src, *_), source, translation in zip(CASES, sources, bad, strict=True):
        (r,) = check_pairs([source], [translation], src)
        for i in r.issues:
            assert i.kind in FAITH_KINDS
            assert i.source_span or i.translation_span
            if i.source_span:
                assert source[i.source_span[0] : i.source_span[1]] == i.source
            if i.translation_span:
                assert translation[i.translation_span[0] : i.translation_span[1]] == i.translation
            assert i.note


def test_score_and_flag_agree_and_blank_pairs_are_kept() -> None:
    results = check_pairs(["", RU, "Текст."], ["", RU_EN, ""], "ru")
    assert [r.index for r in results] == [0, 1, 2]
    assert not results[0].flagged and results[0].score == 1.0
    assert not results[1].flagged and results[1].score >= 0.5
    assert results[2].flagged and results[2].issues[0].kind == "omission"
    assert all(r.signature.startswith("faith:workbench|") for r in results)


@pytest.mark.parametrize(
    ("sources", "translations", "src", "message"),
    [
        (["a"], ["a", "b"], "ru", r"1 source line\(s\) but 2 translation line\(s\)"),
        (["a"], ["b"], "de", "Unknown source language 'de'"),
        ([b"a"], ["b"], "ru", "source 1 is bytes, not text"),
        (["a" * 6000], ["b"], "ru", "has 6000 characters"),
    ],
)
def test_bad_input_is_one_sentence(
    sources: list[str], translations: list[str], src: str, message: str
) -> None:
    with pytest.raises(UserInputError, match=message):
        check_pairs(sources, translations, src)


def test_unknown_detector_lists_the_registered_ones() -> None:
    with pytest.raises(UnknownNameError, match="available: .*number"):
        check_pairs(["a"], ["b"], "ru", detectors=["nope"])
    assert set(DETECTORS.names()) >= {"number", "name", "coverage", "repetition"}
