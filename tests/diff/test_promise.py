"""The speaker's promise the report drops: the ``promise`` detector (keys13, session 13)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import cross_lingual_diffs
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.diff.morph import russian_first_person_future, russian_first_person_plural
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS


def _promise(found: tuple) -> list:  # type: ignore[type-arg]
    return [d for d in found if d.category == "promise"]


@pytest.mark.parametrize(
    ("statement", "report", "word"),
    [
        ("The harvest is poor, but we will cover every loss of the farmers.",
         "The harvest is poor and farmers must stay patient.", "we will"),
        ("I shall not let the tariffs rise this winter.",
         "Tariffs are a concern this winter, the governor said.", "I shall"),
        # a ru original without a translation: a first-person future, even tied with a short
        # adjective in pymorphy3's parses
        ("Дорога разрушена, но мы её восстановим до зимы.",
         "The road is destroyed, and residents are worried.", "восстановим"),
        ("Положение тяжёлое, но мы это исправим.", "The position is hard, he said.", "исправим"),
        ("Я этого не допущу.", "The position is hard, he said.", "допущу"),  # 1sg: no hortative
        # 1sg in -м (дать, создать) is singular too (review13 K7)
        ("Я не дам закрыть завод.", "The plant's future is unclear.", "дам"),
        ("Я создам новые рабочие места.", "Jobs are scarce, he said.", "создам"),
        ("We will turn the economy around.", "The economy is weak, he said.", "We will"),
        # kk/ky: a promise said as one
        ("Мен бұған уәде беремін.", "He spoke about the issue.", "уәде беремін"),
        ("Биз буга кепилдик беребиз.", "He spoke about the issue.", "кепилдик беребиз"),
        ("Мен убада берем.", "He spoke about the issue.", "убада берем"),
    ],
)  # fmt: skip
def test_the_speakers_promise_the_report_drops_is_an_omission(
    statement: str, report: str, word: str, lexicon: Lexicon
) -> None:
    assert "promise" in DETECTOR_ORDER and "promise" in CROSS_LINGUAL_DETECTORS
    (d,) = _promise(cross_lingual_diffs(statement, report, lexicon))
    assert (d.kind, d.statement, d.report) == ("omission", word, "")


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the report keeps the commitment
        ("We will cover every loss of the farmers.", "The state will compensate farmers."),
        ("We will cover every loss of the farmers.", "He pledged to cover the farmers' losses."),
        ("I'll never forget this year.", "This is a year that I'll never forget."),
        ("We will win the cup.", "He is sure we’ll win the cup."),
        ("Мы её восстановим до зимы.", "He promised the road would be rebuilt by winter."),
        ("Мы её восстановим до зимы.", "The authorities are determined to rebuild it."),
        # a remark announced, a condition, a question, a third person: no commitment
        ("I will note that prices rose.", "Prices rose, he noted."),
        ("Отмечу, что цены выросли.", "Prices rose, he noted."),
        ("If we do not act now, we will lose the harvest.", "He warned the harvest was at risk."),
        ("Если мы не примем меры, урожай погибнет.", "He warned the harvest was at risk."),
        ("Will we manage this alone?", "He asked whether help was needed."),
        ("The meeting will be held in May.", "The meeting is planned for May."),
        # kk/ky present-future alone is as often the habitual present ("we support")
        ("Біз бейбіт келіссөзді қолдаймыз.", "Kazakhstan supports peaceful talks."),
        # announcements, hortatives and feelings: no commitment (review13 K2)
        ("We will discuss this tomorrow.", "The issue comes up tomorrow."),
        ("I will now turn to the economy.", "He spoke about the economy."),
        ("We will see.", "He said time would tell."),
        ("We will be glad to welcome you.", "Guests are welcome, he said."),
        ("Обсудим это завтра.", "The issue comes up tomorrow."),
        ("Мы поговорим об этом позже.", "He spoke about it later."),
        ("Мы будем рады видеть вас.", "Guests are welcome, he said."),
        # kk/ky promise words in the third person: no commitment of the speaker (review13 K1)
        ("Конституция азаматтардың құқығына кепілдік береді.", "Rights are in the constitution."),
        ("Мыйзам жарандардын укугуна кепилдик берет.", "Rights are in the law."),
        ("Ол бұған уәде берген болатын.", "He spoke about the issue."),
    ],
)  # fmt: skip
def test_no_promise_dropped(statement: str, report: str, lexicon: Lexicon) -> None:
    assert not _promise(cross_lingual_diffs(statement, report, lexicon))


def test_russian_first_person_future() -> None:
    assert russian_first_person_future("построим")
    assert russian_first_person_future("будем")
    assert not russian_first_person_future("строим")  # present, not future
    assert not russian_first_person_future("построят")  # third person
    assert not russian_first_person_future("build")
    assert not russian_first_person_future("скажу", exclude=frozenset({"сказать"}))


def test_russian_first_person_plural() -> None:
    assert russian_first_person_plural("обсудим")
    assert russian_first_person_plural("будем")
    assert not russian_first_person_plural("дам")  # 1sg, though it ends in -м
    assert not russian_first_person_plural("создам")
    assert not russian_first_person_plural("исправлю")
    assert not russian_first_person_plural("build")
