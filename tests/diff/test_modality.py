"""A duty of the statement retold as a pledge (``modality`` detector, kind ``certainty``),
across languages and without a translation."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.diff.modality import OBLIGATION


def _certainty(statement: str, report: str, lexicon: Lexicon, src: str = "ru") -> list[str]:
    found = diffs(statement, report, lexicon, source=statement, src=src)
    return [d.report for d in of_kind(found, "certainty") if "modality" in d.note]


@pytest.mark.parametrize(
    ("statement", "src", "report", "pledge"),
    [
        ("Мы должны помочь жителям затопленных сёл.", "ru",
         "The government will help the residents of the flooded villages.", "will"),
        ("Власти обязаны возместить ущерб фермерам.", "ru",
         "The minister promised that farmers would be compensated.", "promised"),
        ("Біз шекарадағы ауылдарды қорғауымыз керек.", "kk",
         "Officials vowed to protect the border villages.", "vowed"),
        ("Биз айылдарды коргошубуз керек.", "ky",
         "He assured villagers that the army is going to protect them.", "assured"),
        ("Нужно восстановить мост до зимы.", "ru",
         "The bridge will be rebuilt before winter, the governor said.", "will"),
    ],
)  # fmt: skip
def test_an_obligation_retold_as_a_pledge_is_a_certainty_difference(
    statement: str, src: str, report: str, pledge: str, lexicon: Lexicon
) -> None:
    assert _certainty(statement, report, lexicon, src) == [pledge]


def test_the_obligation_of_an_english_translation_counts_too(lexicon: Lexicon) -> None:
    found = diffs(
        "We must rebuild the school.",
        "The city will rebuild the school.",
        lexicon,
        source="Мы должны восстановить школу.",
        src="ru",
    )
    (d,) = [d for d in of_kind(found, "certainty") if "modality" in d.note]
    assert (d.statement, d.report) == ("must", "will")


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # The report keeps the duty.
        ("Мы должны помочь жителям.", "The authorities must help residents, he said."),
        ("Мы должны помочь жителям.", "He said the state should help residents and will try."),
        # A partial retelling that leaves the duty out, with no pledge: nothing to flag.
        ("Мы должны помочь жителям затопленных сёл.", "Villages were flooded."),
        # The statement promises something itself (Russian future tense): "will" may retell it.
        ("Мы обеспечим безопасность, и должны помочь жителям.", "The state will ensure safety."),
        ("Помощь будет оказана, нужно лишь подать заявление.", "Aid will be given, he said."),
        # No obligation in the statement at all.
        ("Правительство поможет жителям.", "The government will help residents."),
        # The pledge is the speaker's own word inside a quotation, not the outlet's.
        ("Мы должны помочь жителям.", "“We will help the residents,” he said."),
    ],
)  # fmt: skip
def test_no_flag_where_the_duty_is_kept_dropped_or_promised_by_the_statement(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert _certainty(statement, report, lexicon) == []


def test_a_kazakh_statement_that_promises_in_the_first_person_is_no_shift(
    lexicon: Lexicon,
) -> None:
    statement = "Біз көмек береміз, бірақ құжаттарды тексеру керек."
    assert _certainty(statement, "Kazakhstan will give aid.", lexicon, "kk") == []


def test_a_quoted_duty_does_not_excuse_the_outlets_own_pledge(lexicon: Lexicon) -> None:
    report = (
        "The country will shelter the newcomers, the president said. "
        '"We must find them homes," he told residents.'
    )
    assert _certainty("Мы должны обеспечить их жильём.", report, lexicon) == ["will"]


def test_a_quotation_left_open_runs_to_the_end_of_its_sentence(lexicon: Lexicon) -> None:
    report = "“We will find them homes. They are guests, he added."
    assert _certainty("Мы должны обеспечить их жильём.", report, lexicon) == []


@pytest.mark.parametrize(
    "adjective", ["Тиісті органдар жұмыс істейді.", "Керектүү документтер даяр."]
)
def test_kazakh_and_kyrgyz_adjectives_of_need_are_no_obligation(adjective: str) -> None:
    assert OBLIGATION.search(adjective) is None


def test_would_is_a_pledge_only_as_the_future_of_reported_speech(lexicon: Lexicon) -> None:
    statement = "Государство должно помочь жителям."
    said = "The minister said the state would help the residents."
    assert _certainty(statement, said, lexicon) == ["would"]
    for conditional in ("Helping the residents would cost the state more.",
                        "The minister would like the state to help the residents."):  # fmt: skip
        assert _certainty(statement, conditional, lexicon) == []


def test_the_detector_is_registered_before_the_content_diff() -> None:
    assert DETECTOR_ORDER.index("modality") < DETECTOR_ORDER.index("content")


# ─── qualifiers and hedges read across languages (quantifier, certainty) ─────────────────────


@pytest.mark.parametrize(
    ("statement", "src", "marker"),
    [
        ("Митингке 20 мыңдай адам жиналды.", "ky", "дай"),
        ("Алаңға 500 шақты адам жиналды.", "kk", "шақты"),
        ("Погибли более чем 40 человек.", "ru", "более чем"),
        ("Как минимум 30 человек пострадали.", "ru", "Как минимум"),
        ("Жок дегенде 15 киши жарадар болду.", "ky", "Жок дегенде"),
    ],
)  # fmt: skip
def test_a_qualifier_of_the_original_figure_the_report_drops_is_a_quantifier_difference(
    statement: str, src: str, marker: str, lexicon: Lexicon
) -> None:
    report = {"дай": "20,000 people gathered.", "шақты": "500 people gathered.",
              "более чем": "40 people died.", "Как минимум": "30 people were hurt.",
              "Жок дегенде": "15 people were injured."}[marker]  # fmt: skip
    found = of_kind(diffs(statement, report, lexicon, source=statement, src=src), "quantifier")
    assert [d.statement for d in found] == [marker]


@pytest.mark.parametrize(
    ("statement", "src", "report"),
    [
        ("Митингке 20 мыңдай адам жиналды.", "ky", "About 20,000 people gathered."),
        ("Погибли более чем 40 человек.", "ru", "More than 40 people died."),
        ("Жок дегенде 15 киши жарадар болду.", "ky", "At least 15 people were injured."),
        ("Менее чем 40 человек пришли.", "ru", "Fewer than 40 people came."),
    ],
)  # fmt: skip
def test_the_same_qualifier_across_languages_is_no_difference(
    statement: str, src: str, report: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon, source=statement, src=src), "quantifier") == []


@pytest.mark.parametrize(
    ("statement", "src", "hedge"),
    [
        ("Скорее всего, пожар начался из-за короткого замыкания.", "ru", "Скорее всего"),
        ("Өрт қысқа тұйықталудан басталған шамасы.", "kk", "шамасы"),
        ("Өрт кыска туташуудан башталган окшойт.", "ky", "окшойт"),
    ],
)  # fmt: skip
def test_a_hedge_of_the_original_the_report_states_as_fact_is_a_certainty_difference(
    statement: str, src: str, hedge: str, lexicon: Lexicon
) -> None:
    report = "The fire started from a short circuit."
    found = of_kind(diffs(statement, report, lexicon, source=statement, src=src), "certainty")
    assert [d.statement for d in found] == [hedge]


def test_a_named_source_is_attribution_not_a_hedge(lexicon: Lexicon) -> None:
    statement = "По сообщениям полиции, задержаны трое."
    found = diffs(
        statement, "Three were detained, police said.", lexicon, source=statement, src="ru"
    )
    assert of_kind(found, "certainty") == []


@pytest.mark.parametrize(
    ("statement", "src", "report", "firm"),
    [
        ("Президенттік сайлауды биыл күзде өткізуді ұсынамын.", "kk",
         "Tokayev called a snap presidential election for this autumn.", "called a snap"),
        ("Предлагаю провести досрочные выборы осенью.", "ru",
         "Early elections will be held in the autumn.", "will"),
        ("Шайлоону күзүндө өткөрүүнү сунуштайм.", "ky",
         "Japarov announced an early vote in the autumn.", "announced"),
        # The outlet gives the proposal as the country's plan or intention.
        ("Жаңа агенттік құруды ұсынамын.", "kk",
         "Kazakhstan plans to set up a new agency.", "plans to"),
        ("Предлагаю создать новое агентство.", "ru",
         "The government intends to create a new agency.", "intends to"),
        ("Жаңы агенттикти түзүүнү сунуштайм.", "ky",
         "Kyrgyzstan is set to create a new agency.", "is set to"),
    ],
)  # fmt: skip
def test_a_proposal_retold_as_a_decision_is_a_certainty_difference(
    statement: str, src: str, report: str, firm: str, lexicon: Lexicon
) -> None:
    assert _certainty(statement, report, lexicon, src) == [firm]


@pytest.mark.parametrize(
    "report",
    [
        "Tokayev proposed holding early elections in the autumn.",
        "He suggested the vote could take place in the autumn.",
        "Tokayev called for early elections in the autumn.",
        "Tokayev proposed a plan to hold early elections in the autumn.",
        # "plan" the noun: a plan presented is no decision (review9 on a1d47ff)
        "Tokayev unveiled a plan to hold early elections in the autumn.",
        "Tokayev outlined plans to hold early elections in the autumn.",
        "The president's plans to hold early elections in the autumn were welcomed.",
    ],
)
def test_a_proposal_kept_as_a_proposal_is_no_difference(report: str, lexicon: Lexicon) -> None:
    assert _certainty("Предлагаю провести досрочные выборы осенью.", report, lexicon) == []


@pytest.mark.parametrize(
    ("statement", "src", "report", "bare"),
    [
        ("На город напали около двадцати тысяч бандитов.", "ru",
         "Some 20,000 bandits attacked the city.", "20,000 bandits attacked the city."),
        ("Пострадали более тысячи домов.", "ru", "More than 1,000 homes were damaged.",
         "1,000 homes were damaged."),
        ("Жиырма мыңға дейін адам жиналды.", "kk", "Up to 20,000 people gathered.",
         "20,000 people gathered."),
        ("Жүзден астам адам жарақат алды.", "kk", "More than 100 people were injured.",
         "100 people were injured."),
    ],
)  # fmt: skip
def test_qualifiers_of_number_words_pair_with_the_reports(
    statement: str, src: str, report: str, bare: str, lexicon: Lexicon
) -> None:
    kw = {"source": statement, "src": src}
    found = diffs(statement, report, lexicon, **kw)
    assert of_kind(found, "quantifier") == [] and of_kind(found, "number") == []
    (dropped,) = of_kind(diffs(statement, bare, lexicon, **kw), "quantifier")
    assert dropped.report == "" and dropped.statement


def test_until_two_oclock_is_no_quantifier(lexicon: Lexicon) -> None:
    from workbench.diff.quantifiers import quantifier_mentions

    assert quantifier_mentions("Работы продолжались до двух часов ночи.") == []


def test_болса_керек_is_a_hedge_not_a_duty(lexicon: Lexicon) -> None:
    statement = "Өрт қысқа тұйықталудан болса керек."
    found = diffs(statement, "The fire will be investigated; it started from a short circuit.",
                  lexicon, source=statement, src="kk")  # fmt: skip
    assert [d.statement for d in of_kind(found, "certainty")] == ["болса керек"]


@pytest.mark.parametrize(
    ("statement", "src", "report", "firm"),
    [
        ("Мы надеемся, что мост откроется уже к осени.", "ru",
         "The ministry expects the bridge to open by autumn.", "expects"),
        ("Мы надеемся, что работы завершатся весной.", "ru",
         "The works will be finished in spring, the minister said.", "will"),
        ("Келесі жылы көпір ашылады деп үміттенеміз.", "kk",
         "The bridge will open next year, officials said.", "will"),
        ("Кийинки жылы көпүрө ачылат деп үмүттөнөбүз.", "ky",
         "Officials expect the bridge to open next year.", "expect"),
    ],
)  # fmt: skip
def test_a_hope_retold_as_an_expectation_or_a_fact_is_a_certainty_difference(
    statement: str, src: str, report: str, firm: str, lexicon: Lexicon
) -> None:
    # The hoped-for future («откроется», «ашылады») is what the report states: it does not
    # excuse the report's "will" as the statement's own promise would.
    assert _certainty(statement, report, lexicon, src) == [firm]


@pytest.mark.parametrize(
    "report",
    [
        "The minister said he hopes the bridge will open by autumn.",
        "Officials are hopeful that the bridge will open by autumn.",
        "The bridge was damaged in the spring floods.",  # neither hope nor expectation
    ],
)
def test_a_hope_kept_or_a_report_without_expectation_is_no_shift(
    report: str, lexicon: Lexicon
) -> None:
    assert _certainty("Мы надеемся, что мост откроется уже к осени.", report, lexicon) == []


@pytest.mark.parametrize(
    ("statement", "src", "report"),
    [
        ("Надежда Петрова заявила, что завод откроют весной.", "ru",
         "Nadezhda Petrova said the plant will open in spring."),
        ("Стадион «Надежда» откроется весной.", "ru", "The Nadezhda stadium will open in spring."),
        ("Үміт Сейітова зауыт көктемде ашылатынын айтты.", "kk",
         "Umit Seitova said the plant will open in spring."),
        ("Үмүт Асанова завод жазында ачыларын айтты.", "ky",
         "Umut Asanova said the plant will open in spring."),
    ],
)  # fmt: skip
def test_a_first_name_or_a_name_that_means_hope_is_no_hope(
    statement: str, src: str, report: str, lexicon: Lexicon
) -> None:
    # Надежда, Үміт and Үмүт are common first names; capitalised, the noun is a name.
    assert _certainty(statement, report, lexicon, src) == []


def test_the_noun_hope_in_lower_case_is_still_a_hope(lexicon: Lexicon) -> None:
    statement = "Министр выразил надежду на скорое открытие моста."
    assert _certainty(statement, "The minister said the bridge will open soon.", lexicon) == [
        "will"
    ]


@pytest.mark.parametrize(
    ("statement", "src", "report", "firm"),
    [
        ("Для развития региона нужна новая дорога.", "ru",
         "Development of the region is impossible without a new road, he said.",
         "impossible without"),
        ("Ауданды дамыту үшін жаңа жол керек.", "kk",
         "The district cannot develop further without a new road, the governor said.",
         "cannot develop further without"),
    ],
)  # fmt: skip
def test_a_need_retold_as_a_precondition_is_a_certainty_difference(
    statement: str, src: str, report: str, firm: str, lexicon: Lexicon
) -> None:
    assert _certainty(statement, report, lexicon, src) == [firm]


def test_a_need_the_report_keeps_is_no_precondition(lexicon: Lexicon) -> None:
    report = "The region needs a new road and cannot grow without it, he said."
    assert _certainty("Для развития региона нужна новая дорога.", report, lexicon) == []


def _notes(statement: str, report: str, lexicon: Lexicon, src: str = "ru") -> list[str]:
    found = diffs(statement, report, lexicon, source=statement, src=src)
    return [d.note for d in of_kind(found, "certainty") if "modality" in d.note]


@pytest.mark.parametrize(
    ("statement", "src", "report", "word"),
    [
        ("Министру поручено закрыть старый мост.", "ru",
         "The authorities have decided to close the old bridge.", "decided"),
        ("Я поручил правительству проверить цены на топливо.", "ru",
         "The government will check fuel prices.", "will"),
        ("Үкіметке жаңа мектептер салуды тапсырдым.", "kk",
         "New schools will be built, the president said.", "will"),
        ("Өкмөткө жолдорду оңдоо боюнча тапшырма берилди.", "ky",
         "The road repairs have been approved.", "have been approved"),
    ],
)  # fmt: skip
def test_an_instruction_retold_as_a_decision_or_a_fact_is_a_certainty_difference(
    statement: str, src: str, report: str, word: str, lexicon: Lexicon
) -> None:
    found = diffs(statement, report, lexicon, source=statement, src=src)
    (d,) = [d for d in of_kind(found, "certainty") if "instruction" in d.note]
    assert d.report == word


@pytest.mark.parametrize(
    "report",
    [
        "The president instructed the minister to close the old bridge.",
        "The minister was ordered to close the old bridge.",
        "The minister has been tasked with closing the old bridge.",
        # "announced" is the speech verb that reports the instruction, no decision.
        "The president's office announced the instruction about the bridge.",
        # A sentence without a decision or a thing to come.
        "The old bridge is in poor repair.",
    ],
)
def test_an_instruction_kept_or_not_turned_into_a_decision_is_no_shift(
    report: str, lexicon: Lexicon
) -> None:
    assert _notes("Министру поручено закрыть старый мост.", report, lexicon) == []


@pytest.mark.parametrize(
    ("statement", "src", "report", "word"),
    [
        ("Разъяснения по тарифам даются на уровне министерства.", "ru",
         "Explanations of the tariffs should come from the ministry.", "should"),
        ("Школы работают в обычном режиме.", "ru",
         "Schools must keep working as usual, the mayor said.", "must"),
        ("Мектептер әдеттегідей жұмыс істеп тұр.", "kk",
         "Schools need to work as usual.", "need to"),
        ("Мектептер кадимкидей иштеп жатат.", "ky",
         "The official said schools have to keep working.", "have to"),
    ],
)  # fmt: skip
def test_a_description_retold_as_a_prescription_is_a_certainty_difference(
    statement: str, src: str, report: str, word: str, lexicon: Lexicon
) -> None:
    found = diffs(statement, report, lexicon, source=statement, src=src)
    (d,) = [d for d in of_kind(found, "certainty") if "prescription" in d.note]
    assert (d.statement, d.report, d.statement_span) == ("", word, None)


@pytest.mark.parametrize(
    ("statement", "src", "report"),
    [
        # The statement prescribes itself: an obligation word (ru «должен», kk «керектігін»),
        # an appeal, "the main thing is", a wish in the conditional mood, a kk/ky imperative.
        ("Город должен открыть школы вовремя.", "ru", "The city should open schools on time."),
        ("Әкім мектептерді ашу керектігін айтты.", "kk", "Schools must open, he said."),
        ("Призываю жителей сохранять спокойствие.", "ru", "Residents should stay calm."),
        ("Главное для нас сейчас — сохранять спокойствие.", "ru", "We should stay calm."),
        ("Хорошо бы открыть школы вовремя.", "ru", "Schools should open on time."),
        ("Тынч болуңуздар.", "ky", "People should stay calm."),
        # A past necessity tells what happened; a counterfactual or a future one is no advice.
        ("Жители покинули дома.", "ru", "Residents had to leave their homes."),
        ("Команда проиграла.", "ru", "The team should have scored earlier."),
        ("Министр уйдёт в отставку.", "ru", "The minister will have to resign."),
        # A condition, and a framing phrase of the text.
        ("Переговоры продолжатся.", "ru", "Should talks fail, the sides will meet again."),
        ("Переговоры продолжатся.", "ru", "It should be noted that talks will go on."),
        # The prescription is the speaker's own word inside a quotation.
        ("Школы работают в обычном режиме.", "ru", "“Schools must keep working,” he said."),
        # The prescribing clause retells another fact, not the statement (a wrong link, or a
        # sentence that goes on with the outlet's own advice).
        ("Школы работают в обычном режиме.", "ru",
         "Schools are open, and parents should check the timetable online."),
        ("Школы работают в обычном режиме.", "ru", "Drivers should avoid the bridge."),
    ],
)  # fmt: skip
def test_no_prescription_where_the_statement_prescribes_or_the_report_does_not(
    statement: str, src: str, report: str, lexicon: Lexicon
) -> None:
    assert [n for n in _notes(statement, report, lexicon, src) if "prescription" in n] == []
