"""English words that render a source negation, in the project's own words.

"except", "instead", "prevent", "ban" render a negated converb, participle or verbal noun
(қоспағанда "not counting", токтобой "without stopping", жол бермеді "did not let"), as do
"no-" compounds, negative prefixes on "-ible"/"-able" adjectives and "although" for a
concessive («қарамастан» "not looking at"): they take
its place, so a "not" added beside them is a negation the source does not have (strong), and
the faithful translation, with no "not", drops nothing.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of as _keys
from workbench.faithfulness.core import WEAK

CASES = [
    ("kk", "Министрді қоспағанда, барлығы жиналысқа келді.",
     "Except for the minister, everyone came to the meeting.",
     "Except for the minister, everyone did not come to the meeting."),
    ("ky", "Ал жолдо токтобой, шаарга түз келди.",
     "Instead of stopping on the way, he came straight to the city.",
     "Instead of stopping on the way, he did not come straight to the city."),
    ("kk", "Полиция көлікке жолды жауып, оның өтуіне жол бермеді.",
     "The police blocked the road and prevented the car from passing.",
     "The police blocked the road and did not prevent the car from passing."),
    ("ru", "Кроме министра, все пришли на встречу.",
     "Except for the minister, everyone came to the meeting.",
     "Except for the minister, everyone did not come to the meeting."),
    ("ru", "Власти запретили концерт на главной площади.",
     "The authorities banned the concert on the main square.",
     "The authorities did not ban the concert on the main square."),
    # a "no-" compound renders a privative (келісімшартсыз "without a deal")
    ("kk", "Келісімшартсыз шығу шекарада кідірістер тудырады.",
     "A no-deal exit will cause delays at the border.",
     "A no-deal exit will not cause delays at the border."),
    # "impossible" renders «мүмкін емес»
    ("kk", "Бұл міндетті бір күнде орындау мүмкін емес.",
     "This task is impossible to carry out in one day.",
     "This task is not impossible to carry out in one day."),
    # "although" renders the concessive «қарамастан» ("not looking at")
    ("kk", "Жаңбырға қарамастан, көрермендер стадионға келді.",
     "Although it rained, the spectators came to the stadium.",
     "Although it rained, the spectators did not come to the stadium."),
    # "while", "however", "in the face of" render the concessive too (session 7)
    ("ky", "Суукка карабастан, балдар сыртта ойноп жүрүштү.",
     "While it was cold, the children kept playing outside.",
     "While it was cold, the children did not keep playing outside."),
    ("kk", "Сынға қарамастан, министр жобаны қолдады.",
     "In the face of criticism, the minister backed the project.",
     "In the face of criticism, the minister did not back the project."),
    # "lose", "rare", "cancel" render «проиграть», «редко», «жокко чыгаруу» ("make nonexistent")
    ("ru", "Команда проиграла финал.", "The team lost the final.", "The team did not lose the final."),
    ("ru", "Такие случаи здесь редки.", "Such cases are rare here.", "Such cases are not rare here."),
    ("ky", "Концерт жокко чыгарылды.", "The concert was cancelled.",
     "The concert was not cancelled."),
    # "un-" before an inflected dictionary word (unchanged ← change) renders a privative
    ("kk", "Бағалар өзгеріссіз қалды.", "Prices remained unchanged.",
     "Prices did not remain unchanged."),
    # "before" renders "while not yet" (-май тұрып, «... электе»)
    ("kk", "Ол жиналыс басталмай тұрып кетіп қалды.", "He left before the meeting started.",
     "He did not leave before the meeting started."),
    ("ky", "Ал дүкөн жабыла электе келди.", "He came before the shop closed.",
     "He did not come before the shop closed."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "faithful", "flipped"), CASES)
def test_a_rendered_negation_leaves_an_added_not_strong(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    keys = _keys(source, faithful, src)
    assert "negation" not in keys and "negation_weak" not in keys
    assert "negation" in _keys(source, flipped, src)


@pytest.mark.parametrize(
    ("src", "source", "faithful", "flipped"),
    [
        # a verb of annulment renders «жокко чыгаруу» "make nonexistent": an added "not" is
        # in excess
        ("ky", "Жогорку сот мурунку өкүмдү жокко чыгарды.",
         "The supreme court overturned the earlier verdict.",
         "The supreme court did not overturn the earlier verdict."),
        ("kk", "Парламент ескі заңды жоққа шығарды.",
         "Parliament repealed the old law.", "Parliament did not repeal the old law."),
        # a noun of lack renders «жетіспеушілік» "not sufficing"
        ("kk", "Ауылда ауыз судың жетіспеушілігі байқалады.",
         "The village has a shortage of drinking water.",
         "The village does not have a shortage of drinking water."),
        # «жылжымайтын мүлік» "real estate" (literally "property that does not move") negates
        # nothing
        ("kk", "Ол Алматыдан жылжымайтын мүлік сатып алды.",
         "She bought real estate in Almaty.", "She did not buy real estate in Almaty."),
        ("ky", "Ал Бишкектен кыймылсыз мүлк сатып алды.",
         "He bought real estate in Bishkek.", "He did not buy real estate in Bishkek."),
    ],
)  # fmt: skip
def test_lexical_renderings_take_their_place_before_a_not(
    src: str, source: str, faithful: str, flipped: str
) -> None:
    assert not {"negation", "negation" + WEAK} & _keys(source, faithful, src)
    assert "negation" in _keys(source, flipped, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # "rare" renders «сирек»/«сейрек» (as it renders «редко»): the "not" renders the verb
        ("kk", "Бұл құстар бізде сирек кездеседі және олар қыста ұшып кетпейді.",
         "These birds are rare here and they do not fly away in winter."),
        ("ky", "Бул канаттуулар бизде сейрек кездешет жана алар кышында учуп кетпейт.",
         "These birds are rare here and they do not fly away in winter."),
    ],
)  # fmt: skip
def test_rare_renders_a_source_word_of_its_own(src: str, source: str, translation: str) -> None:
    assert "negation" not in _keys(source, translation, src)
