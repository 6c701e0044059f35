"""Places of a Russian source that may carry a negation, read right (session 22, faith22).

Three readings were wrong on the calibration half and dev: «кроме того» "moreover" was a place
for a negation (as «кроме» "except" is), so a "not" added to a line that opens with it was
taken for the source's; «перест-» ("stop", перестать) also took «перестрелка» "shootout",
«перестройка», «перестановка»; and «утратить» "lose" was no place while «потерять» was, so
"could not walk" for «утратил способность передвигаться» was a "not" the source does not have.
The English "loss" renders «утрата», «потеря» as "lost" and "lose" do.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of as _keys
from workbench.faithfulness.core import WEAK
from workbench.faithfulness.markers import _possible_source_negations

NEGATION = {"negation", "negation" + WEAK}


@pytest.mark.parametrize(
    ("src", "source", "faithful", "flipped"),
    [
        # «Кроме того» "moreover" negates nothing: an added "not" is in excess
        ("ru", "Кроме того, корабль оказался слишком тяжёлым.",
         "In addition, the ship turned out to be too heavy.",
         "In addition, the ship did not turn out to be too heavy."),
        ("ru", "Министр, кроме того, посетил школу.",
         "The minister also visited the school.",
         "The minister also did not visit the school."),
        # «перестрелка» "shootout" is no «перестать» "stop"
        ("ru", "Полиция арестовала мужчину после перестрелки в центре города.",
         "Police arrested a man after a shootout in the city centre.",
         "Police did not arrest a man after a shootout in the city centre."),
        ("ru", "Правительство объявило о перестановке в кабинете министров.",
         "The government announced a cabinet reshuffle.",
         "The government did not announce a cabinet reshuffle."),
        # "loss" renders «утрата» as "lost" renders «утратил»: the place is taken
        ("ru", "Им угрожает утрата среды обитания.",
         "They are threatened by the loss of habitat.",
         "They are not threatened by the loss of habitat."),
    ],
)  # fmt: skip
def test_a_not_added_where_the_source_has_no_negation_is_strong(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    assert not NEGATION & _keys(source, faithful, src)
    assert "negation" in _keys(source, flipped, src)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # «утратить» "lose" is a place for a negation, as «потерять» is
        ("Я утратил способность передвигаться.", "I could not walk."),
        ("Город утратил доступ к воде.", "The city did not have access to water."),
        # «перестать» "stop" in its forms stays a place
        ("Он перестал отвечать на звонки.", "He did not answer calls any more."),
        ("Они перестанут платить налоги.", "They will not pay taxes any more."),
        # «кроме» "except" stays one
        ("Все, кроме министра, пришли.", "Everyone came but the minister did not."),
    ],
)  # fmt: skip
def test_a_russian_word_of_loss_or_stopping_is_a_place(source: str, translation: str) -> None:
    assert "negation" not in _keys(source, translation, "ru")


def test_krome_togo_is_no_place_and_krome_is() -> None:
    assert _possible_source_negations("Кроме того, он пришёл.", "ru") == 0
    assert _possible_source_negations("Кроме него, все пришли.", "ru") == 1
    assert _possible_source_negations("После перестрелки стало тихо.", "ru") == 0
    assert _possible_source_negations("Он утратил доверие.", "ru") == 1
