"""A source hedge the translation drops, and loaded labels made neutral, in the project's own
words.

A source hedge (вероятно, мүмкін, балким, сообщается, около 300…) is dropped when the English
has fewer words that keep it than the source has hedges of its kind; the English "can" first
renders the source's own "can" («сможем», "-а ал-"), and a kk/ky adverb with its closing
particle («Мүмкін … шығар») is one hedge. Faithful renderings that must not fire stand next
to the drops that must.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of as _keys
from workbench.faithfulness.core import WEAK

KEPT_AND_DROPPED = [
    # a Kyrgyz sentence adverb
    ("ky", "Балким, жаңы көпүрө кийинки жылы ачылат.",
     "The new bridge will perhaps open next year.",
     "The new bridge will open next year."),
    # a Kazakh modal predicate: "may" keeps it
    ("kk", "Жаңа мектеп келесі жылы ашылуы мүмкін.",
     "The new school may open next year.",
     "The new school will open next year."),
    # an adverb and its closing particle are one hedge
    ("kk", "Мүмкін, бұл облыстағы ең үлкен көл шығар.",
     "This is perhaps the largest lake in the region.",
     "This is the largest lake in the region."),
    # two Russian hedges need two English ones
    ("ru", "Дождь, вероятно, пойдёт вечером, а ветер, возможно, усилится.",
     "It will probably rain in the evening, and the wind may pick up.",
     "It will probably rain in the evening, and the wind will pick up."),
    # "can" renders «сможем»; only a second word keeps «вероятно»
    ("ru", "Мы, вероятно, сможем решить этот вопрос к пятнице.",
     "We can probably settle this by Friday.",
     "We can settle this by Friday."),
    # "can" renders "-а ал-" (ability); «сияқты» needs its own word
    ("kk", "Біз бұл мәселені жұмаға дейін шеше алатын сияқты.",
     "It seems we can settle this by Friday.",
     "We can settle this by Friday."),
    # Kyrgyz "-са керек": "must be" keeps it
    ("ky", "Директор азыр кеңседе болсо керек.",
     "The director must be in the office now.",
     "The director is in the office now."),
    # an impersonal report: "was reported" keeps it
    ("ky", "Маалымдалгандай, жолдо кырсык болду.",
     "An accident on the road was reported.",
     "There was an accident on the road."),
    ("kk", "Хабарланғандай, зауыт келесі айда жабылады.",
     "The plant will reportedly close next month.",
     "The plant will close next month."),
    # the Kazakh sentence adverb «бәлкім» "perhaps", the Kyrgyz particle «белем»
    ("kk", "Бәлкім, кездесу ертеңге қалдырылады.",
     "Perhaps the meeting will be put off until tomorrow.",
     "The meeting will be put off until tomorrow."),
    ("ky", "Ал эртең шаарга келет белем.",
     "He will probably come to the city tomorrow.",
     "He will come to the city tomorrow."),
    # "according to reports" (хабарларға сәйкес, маалыматтарга ылайык) is a report
    ("kk", "Деректерге сәйкес, өрт түнде басталған.",
     "According to reports, the fire started at night.",
     "The fire started at night."),
    ("ky", "Маалыматтарга ылайык, өрт түнкүсүн башталган.",
     "The fire reportedly started at night.",
     "The fire started at night."),
    # "sounds" keeps a hedge as "seems" and "looks" do
    ("kk", "Бұл ұсыныс оғаш естілетін шығар.",
     "This proposal sounds strange.",
     "This proposal is strange."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "kept", "dropped"), KEPT_AND_DROPPED)
def test_a_dropped_source_hedge_is_strong_and_a_kept_one_is_silent(
    src: str, source: str, kept: str, dropped: str
) -> None:
    assert "hedge" not in _keys(source, kept, src)
    assert "hedge" + WEAK not in _keys(source, kept, src)
    assert "hedge" in _keys(source, dropped, src)


NO_HEDGE = [
    # «кажется» is rendered as "feels" as often as "seems"
    ("ru", "Мне кажется, что фильм слабый.", "The film feels weak to me."),
    # «около» before a place is "near", no approximation
    ("ru", "Он живёт около парка.", "He lives by the park."),
    # «деп аталатын» is how Kazakh introduces any name
    ("kk", "Жаңа ән «Көктем» деп аталатын альбомға енді.", "The new song is on the album Spring."),
    # «может» is "can"
    ("ru", "Каждый житель может подать заявку онлайн.", "Every resident can apply online."),
    # «болар еді» is a conditional, not a hedge
    ("kk", "Мыңдаған адам зардап шегер болар еді.", "Thousands of people would have suffered."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), NO_HEDGE)
def test_words_that_are_no_hedge_do_not_fire(src: str, source: str, translation: str) -> None:
    keys = _keys(source, translation, src)
    assert "hedge" not in keys and "hedge" + WEAK not in keys


@pytest.mark.parametrize(
    ("src", "source", "kept", "dropped"),
    [
        ("ru", "Около 300 человек пришли на митинг.",
         "About 300 people came to the rally.", "300 people came to the rally."),
        ("kk", "Митингке 300-ге жуық адам келді.",
         "Nearly 300 people came to the rally.", "300 people came to the rally."),
        ("ky", "Митингге 300гө жакын киши келди.",
         "As many as 300 people came to the rally.", "300 people came to the rally."),
    ],
)  # fmt: skip
def test_a_dropped_approximation_is_weak_evidence(
    src: str, source: str, kept: str, dropped: str
) -> None:
    assert not {"hedge", "hedge" + WEAK} & _keys(source, kept, src)
    keys = _keys(source, dropped, src)
    assert "hedge" + WEAK in keys and "hedge" not in keys


@pytest.mark.parametrize(
    ("src", "source", "faithful", "neutral"),
    [
        ("kk", "Полиция бандаға мүше үш адамды ұстады.",
         "Police detained three gang members.", "Police detained three people."),
        ("ky", "Аскерлер жихадчыларга каршы чабуул жасады.",
         "Troops attacked the jihadists.", "Troops attacked the people."),
        ("kk", "Әскер жихадшыларға қарсы шабуыл жасады.",
         "The army attacked the jihadists.", "The army attacked the residents."),
        ("ru", "Его сыновья состоят в преступной группировке.",
         "His sons belong to a criminal group.", "His sons belong to a group of people."),
        ("ky", "Жаштар кылмыштуу топторго кошулууда.",
         "Young people are joining criminal gangs.", "Young people are joining groups of men."),
    ],
)  # fmt: skip
def test_a_loaded_label_made_neutral_is_strong(
    src: str, source: str, faithful: str, neutral: str
) -> None:
    assert not {"label", "label" + WEAK} & _keys(source, faithful, src)
    assert "label" in _keys(source, neutral, src)


def test_a_kyrgyz_modal_predicate_dropped_is_weak_and_its_adverb_strong() -> None:
    # «-шы мүмкүн» "may" is added to plain statements by Kyrgyz references: weak evidence
    keys = _keys(
        "Жаңы мектеп келерки жылы ачылышы мүмкүн.", "The new school opens next year.", "ky"
    )
    assert "hedge" + WEAK in keys and "hedge" not in keys
    # the sentence adverb «Мүмкүн, …» "perhaps" stays strong
    keys = _keys(
        "Мүмкүн, жаңы мектеп келерки жылы ачылат.", "The new school opens next year.", "ky"
    )
    assert "hedge" in keys
    # Kazakh «-уы мүмкін» stays strong
    keys = _keys("Жаңа мектеп келесі жылы ашылуы мүмкін.", "The new school opens next year.", "kk")
    assert "hedge" in keys


@pytest.mark.parametrize(
    ("src", "source", "kept", "dropped"),
    [
        # "said" renders the source's own «деди»: it keeps no impersonal «маалымдалат»
        ("ky", "\"Биз жолду быйыл бүтүрөбүз\", - деди министр, деп маалымдалат.",
         "\"We will finish the road this year,\" the minister reportedly said.",
         "\"We will finish the road this year,\" the minister said."),
        ("ru", "Министерство ещё не объявило дату, но, по последним данным, склоняется к маю.",
         "The ministry has yet to announce a date but reportedly leans towards May.",
         "The ministry has yet to announce a date but leans towards May."),
        # a quoted phrase renders the source's own quoted phrase, not «так называемый»
        ("ru", "Он раскритиковал так называемый план «Север» как «нелепый».",
         "He attacked the so-called North plan as \"absurd\".",
         "He attacked the North plan as \"absurd\"."),
    ],
)  # fmt: skip
def test_words_that_render_the_sources_own_words_keep_no_hedge(
    src: str, source: str, kept: str, dropped: str
) -> None:
    assert not {"hedge", "hedge" + WEAK} & _keys(source, kept, src)
    assert "hedge" in _keys(source, dropped, src)


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # quotes beyond the source's own keep its «так называемый»
        ("ru", "Это так называемый кликтивизм.", "This is \"clicktivism\"."),
        # a report word beyond the source's speech verb keeps the report
        ("ky", "Министр жолду быйыл бүтүрөбүз деди, деп маалымдалат.",
         "The minister said the road would be finished this year, according to reports."),
    ],
)  # fmt: skip
def test_a_word_beyond_the_sources_own_keeps_the_hedge(
    src: str, source: str, translation: str
) -> None:
    assert not {"hedge", "hedge" + WEAK} & _keys(source, translation, src)


@pytest.mark.parametrize(
    ("src", "source", "kept", "dropped"),
    [
        # "added", "noted", "declared" render the source's speech verb but were never counted
        # as keeping its report: the "reportedly" beside them still keeps it
        ("ru", "Министр добавил, что, по последним данным, цены на хлеб выросли.",
         "The minister added that bread prices had reportedly risen.",
         "The minister added that bread prices had risen."),
        ("ru", "Министр отметил, что, по последним данным, цены на хлеб выросли.",
         "The minister noted that bread prices had reportedly risen.",
         "The minister noted that bread prices had risen."),
        ("ky", "Министр нан кымбаттады деди, деп маалымдалат.",
         "The minister reportedly declared that bread had become dearer.",
         "The minister declared that bread had become dearer."),
    ],
)  # fmt: skip
def test_a_speech_word_that_keeps_no_report_takes_no_kept_word_away(
    src: str, source: str, kept: str, dropped: str
) -> None:
    assert not {"hedge", "hedge" + WEAK} & _keys(source, kept, src)
    assert "hedge" in _keys(source, dropped, src)
