"""Force and conditions: an order to fire with intent to kill, not any "to kill".

"To kill", "to destroy" and «жою үшін» "in order to destroy" are any verb's complement ("it is
illegal to kill", "a plan to destroy the old stadium"); force is fire with intent to kill
(«огонь на поражение» → "fire to kill", "shoot to kill", "lethal force"). The kk/ky ways to
say "as needed" («қажеттілікке қарай», «керек болгон сайын») are the source's condition.
"""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs


def _modality(source: str, translation: str, src: str) -> list[str]:
    (result,) = check_pairs([source], [translation], src, detectors=("modality",))
    return [i.note for i in result.issues if i.kind == "modality"]


FAITHFUL = [
    ("ru", "Их уничтожение запрещено законом.", "It is illegal to kill them."),
    ("kk", "Оларды өлтіру заңсыз.", "It is illegal to kill them."),
    ("kk", "Ол баспана дағдарысын жою үшін жоспар ұсынды.",
     "He proposed a plan to end the housing crisis."),
    ("ru", "Страна никогда не пойдет на уничтожение своего оружия.",
     "The country will never give up its weapons."),
    ("kk", "Қажеттілікке қарай өнімдерді сатып алуға болады.", "Products can be bought as needed."),
    ("ky", "Керек болгон сайын жабдууларды сатып алса болот.", "Products can be bought as needed."),
    ("ru", "Я дал приказ открывать огонь на поражение.", "I gave the order to open fire to kill."),
    ("ru", "Он приказал стрелять на поражение.", "He ordered troops to shoot to kill."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), FAITHFUL)
def test_no_modality_on_faithful_pairs(src: str, source: str, translation: str) -> None:
    assert _modality(source, translation, src) == []


CHANGED = [
    ("ru", "Я дал приказ открывать огонь на поражение.", "I gave the order to open fire."),
    ("ru", "Он приказал задержать их.", "He ordered troops to shoot to kill."),
    ("kk", "Өнімдерді сатып алуға болады.", "Products can be bought where necessary."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), CHANGED)
def test_force_and_conditions_on_one_side_are_found(
    src: str, source: str, translation: str
) -> None:
    assert _modality(source, translation, src)
