"""An English "not" the source gives no ground for, in the project's own words.

A source word only excuses an added "not" when it may negate: names, agent nouns and nouns
that merely end like a Kazakh or Kyrgyz negative form (Лопес, қақпашы "goalkeeper", тұмау
"flu", электр) do not, nor does a privative that says something positive (қамтамасыз ет-
"ensure"). An English word that renders a negation by itself (unhurt, without, refused)
takes one of the source's negation places, so a "not" added beside it still counts, and a
negative pronoun shares its place with the verb's negation it agrees with («никто не пришёл»
"nobody came"). A negated verb (was not, didn't, never) is strong evidence; a negative
determiner or pronoun (no, nothing, no one) alone is weak: translations use it for what the
source says without a negation.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of as _keys
from workbench.faithfulness.core import WEAK

FAITHFUL_AND_FLIPPED = [
    # a capitalised name inside the sentence
    ("kk", "Кеше Лопес Астанаға келді.",
     "Lopez arrived in Astana yesterday.", "Lopez did not arrive in Astana yesterday."),
    # an agent noun in -шы
    ("kk", "Ойын соңында қақпашы добты ұстап алды.",
     "At the end of the game the goalkeeper caught the ball.",
     "At the end of the game the goalkeeper did not catch the ball."),
    # a noun ending like the negative gerund
    ("kk", "Көп бала тұмаумен ауырды.",
     "Many children fell ill with flu.", "Many children did not fall ill with flu."),
    # «қамтамасыз ету» is "ensure"
    ("kk", "Әкімдік ауылды ауызсумен қамтамасыз етті.",
     "The city hall supplied the village with drinking water.",
     "The city hall did not supply the village with drinking water."),
    # «электр» is no «элек» ("not yet")
    ("ky", "Электр станциясы кайра иштей баштады.",
     "The power station started working again.",
     "The power station did not start working again."),
    # "unhurt" renders «алмады»; a "not" beside it is a flip
    ("kk", "Жүргізуші апатта жарақат алмады.",
     "The driver was unhurt in the crash.", "The driver was not unhurt in the crash."),
    # "without" renders «без»
    ("ru", "Он уехал без предупреждения.",
     "He left without warning.", "He did not leave without warning."),
    # «кармоо» "holding", «аласыз» "you can" only end like negative forms
    ("ky", "Полиция кылмышкерди кармоо үчүн келди.",
     "The police came to detain the criminal.", "The police did not come to detain the criminal."),
    ("ky", "Бул жерден тоолорду көрө аласыз.",
     "You can see the mountains from here.", "You cannot see the mountains from here."),
    # «жок дегенде» is "at least"
    ("ky", "Жок дегенде беш киши келди.",
     "At least five people came.", "At least five people did not come."),
    # "nevertheless" renders the concessive «қарамастан» as "nonetheless" and "despite" do
    ("kk", "Соған қарамастан, ол келді.",
     "Nevertheless, he came.", "Nevertheless, he did not come."),
    ("kk", "Соған қарамастан, ол келді.",
     "Nonetheless, he came.", "Nonetheless, he did not come."),
    ("ky", "Ошого карабастан, ал келди.",
     "Nevertheless, he came.", "Nevertheless, he did not come."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "faithful", "flipped"), FAITHFUL_AND_FLIPPED)
def test_an_added_not_counts_where_the_source_only_looks_negative(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    assert "negation" not in _keys(source, faithful, src)
    assert "negation" in _keys(source, flipped, src)


@pytest.mark.parametrize(
    ("src", "source", "faithful", "flipped"),
    [
        ("ru", "Никто не пришёл на собрание.",
         "Nobody came to the meeting.", "Nobody did not come to the meeting."),
        ("kk", "Жиналысқа ешкім келген жоқ.",
         "No one came to the meeting.", "No one did not come to the meeting."),
        ("ky", "Жыйынга эч ким келген жок.",
         "Nobody came to the meeting.", "Nobody did not come to the meeting."),
    ],
)  # fmt: skip
def test_negative_concord_is_one_negation(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    # «никто не», «ешкім … жоқ», «эч ким … жок» say one negation: a second English one is
    # found (as evidence: "nobody" renders what the source says without a verb's negation)
    assert not {"negation", "negation" + WEAK} & _keys(source, faithful, src)
    assert {"negation", "negation" + WEAK} & _keys(source, flipped, src)


def test_a_negated_verb_is_strong_and_a_negative_determiner_weak() -> None:
    keys = _keys("Сегодня в школе были уроки.", "There were no lessons at school today.", "ru")
    assert "negation" + WEAK in keys and "negation" not in keys
    keys = _keys("Сегодня в школе были уроки.", "There were not lessons at school today.", "ru")
    assert "negation" in keys


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        ("kk", "Ол жиналысқа келмеді.", "He did not come to the meeting."),
        ("ky", "Ал жыйынга келген жок.", "He didn't come to the meeting."),
        ("ru", "Он не пострадал и не уехал.", "He was unhurt and did not leave."),
        # «сөзсіз» "certainly" is rendered with a negation as often as without
        ("kk", "Бұл шешімнің маңызы сөзсіз.", "There is no doubt this decision matters."),
        ("kk", "Бұл шешімнің маңызы сөзсіз.", "This decision can't be ignored."),
        ("ky", "Бул чечимдин мааниси сөзсүз.", "This decision can't be ignored."),
    ],
)  # fmt: skip
def test_a_source_negation_keeps_its_not(src: str, source: str, translation: str) -> None:
    assert "negation" not in _keys(source, translation, src)


@pytest.mark.parametrize(
    ("src", "source", "faithful", "flipped"),
    [
        # «орын жоқ» "no room": the English "no" renders the source's one negation, so a
        # negated verb beside it has no place left
        ("kk", "Залда бос орын жоқ, сондықтан біз кеттік.",
         "There was no free seat in the hall, so we left.",
         "There was no free seat in the hall, so we did not leave."),
        ("ky", "Бүгүн поезд жок, ошондуктан биз автобус менен бардык.",
         "There is no train today, so we went by bus.",
         "There is no train today, so we did not go by bus."),
        ("ru", "Билетов нет, поэтому мы пошли домой.",
         "There were no tickets, so we went home.",
         "There were no tickets, so we did not go home."),
    ],
)  # fmt: skip
def test_a_negative_determiner_takes_its_place_before_a_negated_verb(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    assert not {"negation", "negation" + WEAK} & _keys(source, faithful, src)
    assert "negation" in _keys(source, flipped, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # "don't need no help": a negative word in the clause of a negated verb agrees with it
        ("ru", "Мне не нужна помощь.", "I don't need no help."),
        ("kk", "Маған көмек керек емес.", "I won't need no help."),
        # a bare "not" is no negated verb: "not in May" repeats the source's negation
        ("ru", "Мы не забудем этого ни завтра, ни в мае.",
         "We will not forget it, not tomorrow and not in May."),
    ],
)  # fmt: skip
def test_agreeing_and_bare_negations_are_no_added_negated_verb(
    src: str, source: str, translation: str
) -> None:
    assert "negation" not in _keys(source, translation, src)


@pytest.mark.parametrize(
    ("src", "source", "faithful", "flipped"),
    [
        # a privative rendered by a positive word ("safe", "free of charge") leaves no place
        # for an added "not"
        ("kk", "Бұл саябақ балалар үшін қауіпсіз.",
         "This park is safe for children.", "This park is not safe for children."),
        ("ky", "Музейге кирүү акысыз болду.",
         "Entry to the museum was free.", "Entry to the museum was not free."),
    ],
)  # fmt: skip
def test_a_privative_the_translation_renders_positively_is_no_place_for_a_not(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    assert not {"negation", "negation" + WEAK} & _keys(source, faithful, src)
    assert "negation" in _keys(source, flipped, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # "homeless" and "without" render the privatives; the "not" renders the negated verb
        ("kk", "Баспанасыз адамдар көмек алмады.", "Homeless people did not get help."),
        ("ky", "Ал уруксатсыз келген жок.", "He did not come without permission."),
        # a polite second person in -сыз is a verb, not a privative («ала алмайсыз»)
        ("kk", "Сіз бұл кітапты кітапханадан ала алмайсыз.",
         "You cannot take this book from the library."),
    ],
)  # fmt: skip
def test_a_rendered_privative_keeps_its_place(src: str, source: str, translation: str) -> None:
    assert "negation" not in _keys(source, translation, src)


@pytest.mark.parametrize(
    ("src", "source", "faithful", "flipped"),
    [
        # a "not" added before a verb in -ing ("were not playing") is a negated verb, no
        # English "without X": the privative rendered "safe" gives it no place
        ("kk", "Балалар қауіпсіз саябақта ойнап жүрді.",
         "The children were playing in a safe park.",
         "The children were not playing in a safe park."),
        ("ky", "Биз акысыз автобуста баратканбыз.",
         "We were travelling on a free bus.", "We were not travelling on a free bus."),
    ],
)  # fmt: skip
def test_a_negated_verb_in_ing_takes_no_privative_place(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    assert not {"negation", "negation" + WEAK} & _keys(source, faithful, src)
    assert "negation" in _keys(source, flipped, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # an adjective in -ing after a degree word renders the privative ("uninteresting")
        ("kk", "Кітап өте қызықсыз болды.", "The book was not very interesting."),
        ("ky", "Кино абдан кызыксыз болду.", "The film was not so interesting."),
    ],
)  # fmt: skip
def test_a_graded_adjective_in_ing_renders_a_privative(
    src: str, source: str, translation: str
) -> None:
    assert "negation" not in _keys(source, translation, src)
