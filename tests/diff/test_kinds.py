"""The kinds analysts asked for, and the noise killers: case tables per detector."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import (
    MAX_PER_PAIR,
    Lexicon,
    find_differences,
    find_figures,
    find_labels,
    same_name,
)
from workbench.diff.morph import english_forms, is_common_word
from workbench.diff.quantifiers import quantifier_mentions
from workbench.errors import UserInputError
from workbench.types import DIFFERENCE_KIND_INFO, DIFFERENCE_KINDS, difference_kind

# ─── the registry of kinds ───────────────────────────────────────────────────────────────────


def test_every_kind_is_defined_once_with_colour_definition_and_weight() -> None:
    names = [k.name for k in DIFFERENCE_KIND_INFO]
    assert names == list(DIFFERENCE_KINDS) and len(set(names)) == len(names)
    for kind in DIFFERENCE_KIND_INFO:
        assert kind.colour.startswith("#") and len(kind.colour) == 7
        assert kind.definition.endswith(".") and 0 < kind.weight <= 1
    assert {"distancing", "certainty", "quantifier", "label"} <= set(names)
    with pytest.raises(KeyError, match="known: number"):
        difference_kind("hedge")


# ─── quantifiers ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("statement", "report", "expected"),
    [
        ("1,200 homes were flooded.", "Up to 1,200 homes were flooded.", ("", "Up to")),
        ("20,000 people came.", "Around 20K people came.", ("", "Around")),
        ("1,200 homes were flooded.", "At least 1,200 homes were flooded.", ("", "At least")),
        ("3,400 people left.", "More than 3,400 people left.", ("", "More than")),
        ("All major cities have water.", "Some other big cities have water.", ("All", "Some")),
        ("Residents of all villages left.", "Some villages were evacuated.", ("all", "Some")),
        ("Speech is fully protected.", "Speech is protected.", ("fully", "")),
        ("500гө чейин адам келди.", "500 people came.", ("чейин", "")),
    ],
)
def test_quantifiers_and_approximations(
    statement: str, report: str, expected: tuple[str, str], lexicon: Lexicon
) -> None:
    (d,) = of_kind(diffs(statement, report, lexicon), "quantifier")
    assert (d.statement, d.report) == expected


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("About 20,000 people came.", "Around 20,000 people came."),  # same class
        ("All major towns have water.", "All big towns have water."),
        ("Two guards were wounded.", "Two guards were wounded, officials said."),
        # «чейин» / «до» after or before a clock time is "until", not "up to" a quantity
        ("Саат 10:50дөн 10:55ке чейин жаан жаады.", "Rain fell from 10:50 to 10:55."),
        ("Обстрел продолжался до 08:55.", "The shelling went on until 08:55."),
    ],
)
def test_the_same_quantifier_is_no_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon), "quantifier") == []


@pytest.mark.parametrize(
    ("statement", "report", "source", "src", "marker"),
    [
        # the report keeps the noun and drops the whole: some schools, not all
        ("All schools will remain closed until 21 April.",
         "Schools in the area will stay shut until 21 April.", None, None, "All"),
        ("Every village on the river was evacuated.", "Villages on the river were evacuated.",
         None, None, "Every"),
        # no translation: the noun's usual English words stand for it
        ("Барлық мектептер 21 сәуірге дейін жабық болады.",
         "Schools in the area will stay shut until 21 April.", None, "kk", "Барлық"),
        ("Все школы закрыты до 21 апреля.", "Schools are closed until April 21.", None, "ru",
         "Все"),
    ],
)  # fmt: skip
def test_an_all_before_a_noun_the_report_retells_without_it_is_a_quantifier_difference(
    statement: str,
    report: str,
    source: str | None,
    src: str | None,
    marker: str,
    lexicon: Lexicon,
) -> None:
    kw = {k: v for k, v in (("source", source), ("src", src)) if v}
    (d,) = of_kind(diffs(statement, report, lexicon, **kw), "quantifier")
    assert (d.statement, d.report, d.category) == (marker, "", "universal")


@pytest.mark.parametrize(
    ("statement", "report", "src"),
    [
        # "all" as a pronoun: the report may retell it in a relative clause
        ("Three people died; all of them had refused to leave their homes.",
         "Three people who had refused to leave their homes drowned.", None),
        # the report keeps the whole with another word
        ("Every affected family will receive compensation.",
         "Families affected by the flood will receive 500,000 tenge each.", None),
        ("All families will receive compensation.", "Compensation per family has been promised.",
         None),
        ("Все школы закрыты до 21 апреля.", "Schools across the region are closed until April 21.",
         "ru"),
        # the whole extent of one thing is emphasis as often: "our whole people" → "our people"
        ("Dearer to me than anything are our whole people.",
         "Nothing is dearer to me than our people.", None),
        # the report does not retell the noun the "all" went with: nothing to compare
        ("All schools will remain closed.", "Classes are cancelled until further notice.", None),
        # discourse idioms: no "all" over what follows
        ("The mayor first of all thanked the volunteers for their help.",
         "The mayor thanked the volunteers for their help.", None),
        ("The dam will be repaired once and for all, the minister promised.",
         "The minister promised the dam will be repaired.", None),
        ("All in all, rescue teams worked through the night.",
         "Rescue teams worked through the night.", None),
    ],
)  # fmt: skip
def test_an_all_kept_or_not_retold_is_no_quantifier_difference(
    statement: str, report: str, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"src": src} if src else {}
    assert of_kind(diffs(statement, report, lexicon, **kw), "quantifier") == []


@pytest.mark.parametrize(
    ("statement", "report", "src"),
    [
        # the other side carries the degree in another word
        ("Обстановка абсолютно спокойная и полностью контролируемая.",
         "The situation is quiet and under full control.", "ru"),
        ("Они распространяют абсолютно ложную информацию.",
         "They spread totally false information.", "ru"),
        # a headline and a body that repeat "fully" retell the statement's one degree once
        ("The situation is fully under control.",
         "Situation fully under control. The ministry said the situation is fully under control.",
         None),
    ],
)  # fmt: skip
def test_a_degree_the_other_side_carries_or_repeats_is_no_quantifier_difference(
    statement: str, report: str, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"src": src} if src else {}
    assert of_kind(diffs(statement, report, lexicon, **kw), "quantifier") == []


def test_a_degree_neither_word_carries_is_still_a_quantifier_difference(lexicon: Lexicon) -> None:
    found = diffs("Обстановка полностью контролируемая.", "The situation is under control.",
                  lexicon, src="ru")  # fmt: skip
    assert [d.statement for d in of_kind(found, "quantifier")] == ["полностью"]
    found = diffs("Speech is protected.", "Speech is fully protected, twice over, fully.", lexicon)
    assert [d.report for d in of_kind(found, "quantifier")] == ["fully"]


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # a superlative and compounds are no part of a whole
        ("The whole country mourns; peace is precious above everything.",
         "Peace is the most valuable thing."),
        ("He spoke about all of it in his broadcasts.", "He spoke in many-hour broadcasts."),
        ("Some schools set records.", "Schools set an all-time record."),
        ("He spoke on all kinds of topics.", "He made many remarks on a variety of topics."),
    ],
)  # fmt: skip
def test_a_superlative_or_a_compound_is_no_scope_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon), "quantifier") == []


def test_most_of_a_whole_still_answers_all(lexicon: Lexicon) -> None:
    (d,) = of_kind(diffs("All schools are closed.", "Most schools are closed.", lexicon),
                   "quantifier")  # fmt: skip
    assert (d.statement, d.report) == ("All", "Most")


def test_until_a_date_is_no_upper_bound(lexicon: Lexicon) -> None:
    # «до 21 апреля», «21 сәуірге дейін» say "until", as «до 08:55» does
    for statement, src in (("Школы закрыты до 21 апреля.", "ru"),
                           ("Мектептер 21 сәуірге дейін жабық болады.", "kk")):  # fmt: skip
        found = diffs(statement, "Schools are closed until April 21.", lexicon, src=src)
        assert of_kind(found, "quantifier") == []


def test_an_approximated_figure_that_differs_is_one_flag(lexicon: Lexicon) -> None:
    found = diffs("3,400 people were evacuated.", "Around 3,000 people were evacuated.", lexicon)
    assert [(d.kind, d.statement, d.report) for d in found] == [("number", "3,400", "3,000")]
    assert "qualified: Around" in found[0].note


# ─── certainty and distancing ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("statement", "report", "marker"),
    [
        ("He trained abroad.", "He may have trained abroad.", "may have"),
        ("The breach was caused by violations.", "The breach may have been caused by violations.",
         "may have"),
        ("Tajik troops fired first.", "Who fired first remains unclear.", "remains unclear"),
        ("The river rose by 2 metres.", "The river reportedly rose by 2 metres.", "reportedly"),
        ("The figure is correct.", "The figure could not be independently verified.",
         "could not be independently verified"),
    ],
)  # fmt: skip
def test_certainty_shifts(statement: str, report: str, marker: str, lexicon: Lexicon) -> None:
    assert marker in [d.report for d in of_kind(diffs(statement, report, lexicon), "certainty")]


@pytest.mark.parametrize(
    ("statement", "report", "marker"),
    [
        ("Imankulov blamed terrorists.", "Imankulov blamed what he called “terrorists”.",
         "what he called “terrorists”"),
        ("They spread false information.", "They spread what the authorities consider false news.",
         "what the authorities consider"),
        ("Activists were detained.", "So-called activists were detained.", "So-called"),
        ("Looters will be detained.", "Police will detain “looters”.", "“looters”"),
        ("Террористы напали.", "So-called terrorists attacked.", "So-called"),
    ],
)  # fmt: skip
def test_distancing_is_one_flag_per_distanced_word(
    statement: str, report: str, marker: str, lexicon: Lexicon
) -> None:
    found = of_kind(diffs(statement, report, lexicon, src="ru"), "distancing")
    assert [d.report for d in found] == [marker]


def test_so_called_in_the_original_is_matched_across_languages(lexicon: Lexicon) -> None:
    found = diffs("The activists left.", "The so-called activists left.", lexicon,
                  source="Так называемые активисты ушли.", src="ru")  # fmt: skip
    (d,) = of_kind(found, "distancing")
    assert d.origin == "translation"


# ─── neutral labels ──────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("statement", "report", "expected"),
    [
        ("The sides agreed to start talks.", "Officials agreed to talks with villagers.",
         ("The sides", "villagers")),
        ("Three leaders were sentenced.", "Three activists were sentenced.", ("", "activists")),
        ("Three leaders were sentenced.", "Three critics of the government were sentenced.",
         ("", "critics of the government")),
    ],
)  # fmt: skip
def test_neutral_labels_added_or_changed(
    statement: str, report: str, expected: tuple[str, str], lexicon: Lexicon
) -> None:
    (d,) = of_kind(diffs(statement, report, lexicon), "label")
    assert (d.statement, d.report) == expected


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("Residents of all villages were evacuated.", "The villages were evacuated."),  # left out
        ("Water poured in.", "Water poured in, residents said."),  # a speaker, not a label
        (
            "Each family gets 5,000 tenge.",
            "Each family gets 5,000 tenge, a sum critics called “a joke”.",
        ),  # a naming speaker, not a label
        ("Bandits attacked.", "Protesters gathered."),  # a framing difference, not a label
    ],
)
def test_labels_left_out_or_naming_a_speaker_are_no_label_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon), "label") == []


@pytest.mark.parametrize(
    ("source", "src", "report"),
    [
        # "the people" of the original rendered "citizens" or "residents" (lexicon 2026.11.13).
        ("Кимде-ким элдин тынчтыгын бузса, жазасын алат.", "ky",
         "Whoever disturbs the peace of citizens will be punished."),
        ("Біз халықтың қауіпсіздігін қамтамасыз етеміз.", "kk",
         "We will ensure the safety of residents."),
        ("Власти обратились к населению с призывом сохранять спокойствие.", "ru",
         "The authorities urged residents to stay calm."),
        # The original's own words for the sides, residents and protesters (2026.11.14), and
        # "sides" that are no parties at all.
        ("Стороны договорились продолжить переговоры.", "ru", "The sides agreed to keep talking."),
        ("У холма крутые склоны с трёх сторон.", "ru", "The hill has steep slopes on three sides."),
        ("Жашоочулар үйлөрүнө кайтышты.", "ky", "Residents returned to their homes."),
        ("Ереуілшілер жолды жауып тастады.", "kk", "Protesters blocked the road."),
    ],
)  # fmt: skip
def test_the_people_of_the_original_retold_as_citizens_is_no_label_difference(
    source: str, src: str, report: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(source, report, lexicon, source=source, src=src), "label") == []


def test_international_is_not_the_kazakh_word_for_the_people(lexicon: Lexicon) -> None:
    # «халықаралық» (international) begins with «халық» (the people) and is no label.
    assert find_labels("Халықаралық ұйымдар көмек жіберді.", lexicon) == []


# ─── the original, the translation and the report ────────────────────────────────────────────


@pytest.mark.parametrize(
    ("source", "src", "translation", "report", "word"),
    [
        ("Полиции приказано действовать жёстко.", "ru", "Police were told to act where necessary.",
         "Police were told to deal harshly with looters.", "harshly"),
        ("Приказал открывать огонь на поражение без предупреждения.", "ru",
         "He ordered to open fire without warning where necessary.",
         "He ordered troops to shoot to kill without warning.", "shoot to kill"),
        ("Кырдаал толугу менен көзөмөлдө.", "ky", "The situation is under control.",
         "The situation is fully under control.", "fully"),
    ],
)  # fmt: skip
def test_what_the_translation_dropped_is_the_translations_not_the_reports(
    source: str, src: str, translation: str, report: str, word: str, lexicon: Lexicon
) -> None:
    found = diffs(translation, report, lexicon, source=source, src=src)
    (d,) = [d for d in found if d.report == word]
    assert d.origin == "translation" and "not in the translation" in d.note


def test_a_report_that_adds_force_on_its_own_is_the_reports(lexicon: Lexicon) -> None:
    found = diffs("Police will detain looters.", "Police will shoot looters to kill.", lexicon,
                  source="Полиция задержит мародёров.", src="ru")  # fmt: skip
    (d,) = [d for d in found if "kill" in d.report]
    assert d.origin == "report" and "only in the report" in d.note


@pytest.mark.parametrize(
    ("source", "src", "translation", "report", "word"),
    [
        # no translation: the original is read through its own degree words
        ("Жастарға көңіл бөлу керек.", "kk", "", "Young people deserve the utmost attention.",
         "utmost"),
        ("Министерство выражает протест.", "ru", "", "The ministry issued a sharp condemnation.",
         "sharp condemnation"),
        # a translation: the report's intensifier is in neither the translation nor the original
        ("Бул жакшы сөз.", "ky", "It is a good word.", "The word has a profound meaning.",
         "profound"),
    ],
)  # fmt: skip
def test_a_claim_the_report_intensifies_is_a_wording_difference(
    source: str, src: str, translation: str, report: str, word: str, lexicon: Lexicon
) -> None:
    found = diffs(translation or source, report, lexicon, source=source, src=src)
    (d,) = [d for d in found if d.report == word]
    assert d.kind == "wording" and d.note.startswith("intensity: only in the report")


@pytest.mark.parametrize(
    ("source", "src", "report"),
    [
        ("Министерство решительно осуждает нападение.", "ru",
         "The ministry strongly condemns the attack."),
        ("Жастарға ерекше көңіл бөлу керек.", "kk", "Young people deserve the utmost attention."),
        ("Бул өтө маанилүү маселе.", "ky", "This is an extremely important issue."),
        ("Это очень важный вопрос.", "ru", "This is an extremely important issue."),
        # Degree words faithful translations render by an intensifier (lexicon 2026.11.12).
        ("Мы серьезно обеспокоены ростом цен.", "ru", "We are deeply worried by rising prices."),
        ("Город активно строит школы.", "ru", "The city is vigorously building schools."),
        ("Олар жаңа жобаны белсенді қолдады.", "kk", "They strongly backed the new project."),
        ("Ал бұл шешімге табанды түрде қарсы болды.", "kk", "She resolutely opposed the decision."),
        ("Ал бул чечимге чечкин түрдө каршы чыкты.", "ky", "He resolutely opposed the decision."),
        ("Биз бул маселеге олуттуу мамиле кылабыз.", "ky", "We take this issue extremely seriously."),
    ],
)  # fmt: skip
def test_an_intensifier_the_original_has_is_no_difference(
    source: str, src: str, report: str, lexicon: Lexicon
) -> None:
    found = diffs(source, report, lexicon, source=source, src=src)
    assert [d for d in found if d.note.startswith("intensity")] == []


# ─── figures: dates, durations, COVID-19 ─────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("He arrived on the second of January.", "He arrived on January 2."),
        ("The verdict was delivered on 2 March 2024.", "The verdict was delivered on March 2."),
        ("The river rose in 24 hours.", "The river rose in a day."),
        ("COVID-19 cases rose.", "Coronavirus cases rose."),
        ("The three were sentenced.", "They were sentenced."),  # a small count word left out
        ("It happened on 14 September.", "It happened on September 14."),
    ],
)
def test_dates_durations_and_names_with_digits_are_no_figure_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon), "number") == []


def test_a_different_date_is_a_figure_difference(lexicon: Lexicon) -> None:
    (d,) = of_kind(
        diffs("It was delivered on 2 March 2024.", "It was delivered on the third of March.",
              lexicon),
        "number",
    )  # fmt: skip
    assert (d.statement, d.report) == ("2 March 2024", "the third of March")


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("14-сентябрда", "ky", 914),
        ("2024 жылғы 2 наурызда", "kk", 302),
        ("2 января", "ru", 102),
        ("за сутки", "ru", 24),
    ],
)
def test_dates_and_durations_in_the_source_languages(text: str, lang: str, value: int) -> None:
    (f,) = find_figures(text, lang)
    assert f.value == value


def test_covid_19_is_not_the_figure_19() -> None:
    assert [f.value for f in find_figures("COVID-19 killed 20 people.")] == [20]


def test_a_name_with_digits_late_in_a_long_line_is_no_figure() -> None:
    # the name before the hyphen is read near the figure, not from the start of the line
    figures = find_figures("1 " * 300 + "a Su-27 and 7")
    assert [f.value for f in figures] == [1.0] * 300 + [7.0]
    # a hyphen after a lower-case word is no name: the figure stays
    assert [f.value for f in find_figures("1 " * 300 + "ages 5-7")][-2:] == [5.0, 7.0]


# ─── names ───────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Қазақстанды", "Kazakhstan"),
        ("Қазақстанға", "Kazakhstan"),
        ("Қазақстанның", "Kazakhstan"),
        ("Кыргызстандын", "Kyrgyzstan"),
        ("Бишкекке", "Bishkek"),
        ("Иманкуловдун", "Imankulov"),
        ("Токаевым", "Tokayev"),
        ("Ескараев", "Yeskarayev"),
    ],
)
def test_inflected_kazakh_kyrgyz_and_russian_names(a: str, b: str) -> None:
    assert same_name(a, b)


@pytest.mark.parametrize(
    ("statement", "report", "source", "src"),
    [
        ("Troops arrived.", "CSTO troops arrived.", "Войска ОДКБ прибыли.", "ru"),
        ("Troops arrived.", "Troops arrived in Moscow.", "Войска прибыли в Москву.", "ru"),
        ("The media lied.", "The media lied about Kazakhstan.", "БАҚ Қазақстанды алдады.", "kk"),
        ("The Collective Security Treaty Organization sent troops.", "The CSTO sent troops.",
         None, None),
    ],
)  # fmt: skip
def test_acronyms_and_exonyms_match(
    statement: str, report: str, source: str | None, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"source": source, "src": src} if source and src else {}
    assert of_kind(diffs(statement, report, lexicon, **kw), "entity") == []


def test_english_forms_of_acronyms_and_exonyms() -> None:
    assert {"CSTO", "Moscow", "media"} <= set(english_forms("ОДКБ в Москве, СМИ"))


@pytest.mark.parametrize(
    ("word", "common"),
    [("Вооруженные", True), ("Однако", True), ("Токаев", False), ("Москва", False),
     ("Tokayev", False)],
)  # fmt: skip
def test_capitalised_common_russian_words_are_no_names(word: str, common: bool) -> None:
    assert is_common_word(word) is common


def test_a_sentence_opening_adjective_is_not_paired_as_a_name(lexicon: Lexicon) -> None:
    found = diffs("Вооруженные силы вошли в город.", "Armed forces entered Almaty.", lexicon,
                  src="ru")  # fmt: skip
    assert all(d.statement != "Вооруженные" for d in found)


# ─── one flag per fact, salience, gating ─────────────────────────────────────────────────────


def test_most_salient_first_and_figures_above_wording(lexicon: Lexicon) -> None:
    found = diffs(
        "164 people died in Almaty on Sunday evening near the central square.",
        "103 people died; relatives gathered outside the morgue demanding answers.",
        lexicon,
    )
    assert found[0].kind == "number"
    assert [d.salience for d in found] == sorted((d.salience for d in found), reverse=True)
    assert all(0 < d.salience <= 1 for d in found)


def test_a_weak_link_keeps_only_the_reports_own_voice(lexicon: Lexicon) -> None:
    statement = "164 people died in 2019 in Almaty."
    report = "So-called terrorists, who numbered 20,000, attacked Astana in 2022."
    strong = find_differences(statement, report, lexicon=lexicon, confidence=0.9)
    weak = find_differences(statement, report, lexicon=lexicon, confidence=0.2)
    assert any(d.kind == "number" for d in strong)
    assert {d.kind for d in weak} <= {"framing", "distancing", "certainty"} and weak
    assert max(d.salience for d in weak) < max(d.salience for d in strong)


def test_a_clause_link_does_not_count_the_rest_of_the_statement_as_omitted(
    lexicon: Lexicon,
) -> None:
    statement = "Looters will be detained; police have been told to guard every empty house."
    report = "Looters will be detained, officials said."
    whole = find_differences(statement, report, lexicon=lexicon)
    clause = find_differences(statement, report, lexicon=lexicon, focus=(0, 24))
    assert any(d.kind == "omission" for d in whole)
    assert not any(d.kind == "omission" for d in clause)


def test_context_explains_the_issuer_and_a_merged_retelling(lexicon: Lexicon) -> None:
    statement = "Order was restored."
    report = "Tokayev said order was restored in Almaty and Shymkent."
    bare = {d.kind for d in find_differences(statement, report, lexicon=lexicon)}
    assert "attribution" in bare  # Tokayev is no official word: a speaker of his own
    known = find_differences(
        statement,
        report,
        lexicon=lexicon,
        context=["President Tokayev", "Protests in Almaty and Shymkent ended."],
    )
    assert not [d for d in known if d.kind in ("entity", "attribution")]


def test_a_link_that_is_not_strong_gives_one_figure_flag_listing_the_rest(
    lexicon: Lexicon,
) -> None:
    # the statement gives a figure of its own (a statement with none has the outlet's own
    # figures as context, not as flags: test_noise)
    statement = "The water has started to recede in the region after 40 days."
    report = "The flood destroyed 1,700 homes, 411 roads and 65 bridges in 12 districts."
    strong = of_kind(find_differences(statement, report, lexicon=lexicon, confidence=1.0), "number")
    doubtful = of_kind(
        find_differences(statement, report, lexicon=lexicon, confidence=0.6), "number"
    )
    assert len(strong) >= 3
    assert len(doubtful) == 1 and "also: 411" in doubtful[0].note and "65" in doubtful[0].note
    changed = of_kind(
        find_differences(
            "The flood destroyed 1,200 homes.",
            "The flood destroyed 17 bridges and 3,000 homes in 12 districts.",
            lexicon=lexicon,
            confidence=0.6,
        ),
        "number",
    )
    assert [(d.statement, d.report) for d in changed] == [("1,200", "3,000")]  # it leads


def test_a_label_the_outlet_uses_in_its_own_voice_elsewhere_is_no_framing_choice(
    lexicon: Lexicon,
) -> None:
    statement = "Bandits attacked the city hall."
    report = "Armed men attacked the city hall."
    assert of_kind(find_differences(statement, report, lexicon=lexicon), "framing")
    used = find_differences(statement, report, lexicon=lexicon, outlet_labels=["criminal"])
    assert not of_kind(used, "framing")
    other = find_differences(statement, report, lexicon=lexicon, outlet_labels=["terror"])
    assert of_kind(other, "framing")


@pytest.mark.parametrize(
    ("source", "report"),
    [
        ("Все четверо задержаны.", "All four were detained."),
        ("Задержаны все четверо нападавших.", "All 4 attackers were detained."),
        ("Трое из них скончались в больнице.", "Three of them died in hospital."),
    ],
)
def test_russian_collective_numerals_are_figures(
    source: str, report: str, lexicon: Lexicon
) -> None:
    found = find_differences(source, report, source=source, src="ru", lexicon=lexicon)
    assert not of_kind(found, "number")


def test_at_most_a_capped_number_of_flags_per_pair(lexicon: Lexicon) -> None:
    statement = " ".join(f"{n} people came to square number {n + 1}." for n in range(10, 40, 3))
    report = " ".join(f"{n} rioters came to block number {n + 7}." for n in range(11, 41, 3))
    assert len(find_differences(statement, report, lexicon=lexicon)) == MAX_PER_PAIR


# ─── bad inputs ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"confidence": 1.5}, "confidence must be a number from 0 to 1"),
        ({"confidence": "high"}, "confidence must be a number from 0 to 1"),
        ({"focus": (5, 2)}, "focus must be a \\(start, end\\) span inside the statement"),
        ({"focus": (0, 999)}, "focus must be"),
        ({"focus": [0, 2]}, "focus must be"),
        ({"context": "President Tokayev"}, "context must be a list of texts"),
        ({"context": ["ok", 3]}, "context must be a list of texts"),
        ({"outlet_labels": "terror"}, "outlet's labels must be a list of category names"),
        ({"outlet_labels": [1]}, "outlet's labels must be a list of category names"),
    ],
)
def test_bad_link_arguments_are_one_clear_sentence(
    kwargs: dict[str, object], message: str, lexicon: Lexicon
) -> None:
    with pytest.raises(UserInputError, match=message):
        find_differences("Order was restored.", "Order is back.", lexicon=lexicon, **kwargs)  # type: ignore[arg-type]


def test_a_changed_year_is_flagged_even_where_a_left_out_year_would_not_be(
    lexicon: Lexicon,
) -> None:
    (d,) = of_kind(diffs("the crisis in 2007.", "the crisis in 2107.", lexicon), "number")
    assert d.report == "2107"


def test_a_hedge_kept_only_inside_the_quotation_is_flagged(lexicon: Lexicon) -> None:
    statement = "Possibly this is the wettest spring in 40 years."
    lede = (
        "This spring is the wettest in 40 years, the weather office told farmers on "
        'Monday. "Possibly this is the wettest spring in 40 years," its head said.'
    )
    (d,) = of_kind(diffs(statement, lede, lexicon), "certainty")
    assert d.statement == "Possibly" and "only inside the quotation" in d.note
    quoted_only = '"Possibly this is the wettest spring in 40 years," its head said.'
    assert of_kind(diffs(statement, quoted_only, lexicon), "certainty") == []


@pytest.mark.parametrize(
    "text",
    [
        '"It is over," the mayor said, as quoted by the Karaganda Evening News.',
        "Listeners tuned in to BBC Radio, NPR, Deutsche Welle and RFI.",
        '"NO MORE DELAYS," wrote the minister in a message.',
        'It "affects perhaps 2 million children", the report said.',
    ],
)
def test_a_sentence_compared_with_itself_has_no_difference(text: str, lexicon: Lexicon) -> None:
    assert diffs(text, text, lexicon) == ()


@pytest.mark.parametrize(
    ("statement", "src", "report"),
    [
        ("Шараға 20 миллионнан астам адам қатысты.", "kk",
         "More than 20 million people took part in the event."),
        ("Қалада 380 000 адамнан асатын тұрғын бар.", "kk", "The city has over 380,000 residents."),
        ("Фонд 250 миллион АКШ доллардан ашкан грант берди.", "ky",
         "The fund gave grants of more than $250 million."),
        ("Курулуш үч айдан ашык убакытка созулду.", "ky",
         "The construction took more than three months."),
        ("Курбандар саны 800дөн ашуун.", "ky", "The death toll rose above 800."),
    ],
)  # fmt: skip
def test_a_kazakh_or_kyrgyz_more_than_after_the_counted_noun_is_the_reports_more_than(
    statement: str, src: str, report: str, lexicon: Lexicon
) -> None:
    found = diffs(statement, report, lexicon, source=statement, src=src)
    assert of_kind(found, "quantifier") == []


@pytest.mark.parametrize(
    ("statement", "src"),
    [
        ("Шараға 20 миллионнан астам адам қатысты.", "kk"),
        ("Курулуш үч айдан ашык убакытка созулду.", "ky"),
    ],
)
def test_the_more_than_after_the_counted_noun_dropped_is_a_quantifier_difference(
    statement: str, src: str, lexicon: Lexicon
) -> None:
    found = diffs(statement, "It took 20 million people three months.", lexicon,
                  source=statement, src=src)  # fmt: skip
    assert [d.statement for d in of_kind(found, "quantifier")] in (["астам"], ["ашык"])


def test_a_figure_qualified_twice_in_one_outlets_text_is_one_qualifier(lexicon: Lexicon) -> None:
    # Headline and body of one outlet, joined for one statement, both say "more than 5
    # million": the statement's one «ашуун» retells both.
    statement = "Бизде 5 миллиондон ашуун колдоочу бар."
    report = ("Party has more than 5 million supporters. "
              "We have more than 5 million supporters, he said.")  # fmt: skip
    found = diffs(statement, report, lexicon, source=statement, src="ky")
    assert of_kind(found, "quantifier") == []
    # before another figure the same words are a second qualifier (here the figure's flag)
    report = "We have more than 5 million supporters in more than 40 towns."
    found = diffs(statement, report, lexicon, source=statement, src="ky")
    assert [d.note for d in found if "more than" in d.report + d.note] == [
        "figure; only in report; qualified: more than"
    ]


@pytest.mark.parametrize(
    ("source", "src", "report"),
    [
        ("Проект был начат исключительно ради молодёжи.", "ru",
         "The project was started for young people."),
        ("Бұл шешім тек қана халық үшін қабылданды.", "kk", "The decision was made for the people."),
        ("Бул чечим бир гана эл үчүн кабыл алынды.", "ky", "The decision was made for the people."),
    ],
)  # fmt: skip
def test_a_claim_narrowed_to_one_thing_and_retold_without_it_is_a_quantifier_difference(
    source: str, src: str, report: str, lexicon: Lexicon
) -> None:
    found = diffs(source, report, lexicon, source=source, src=src)
    (d,) = of_kind(found, "quantifier")
    assert d.note.startswith("quantifier:exclusive; only in statement")
    solely = report.replace("was", "was solely", 1)
    assert of_kind(diffs(source, solely, lexicon, source=source, src=src), "quantifier") == []


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the report's own "only" narrows as often as it paraphrases: not flagged
        ("The decision was taken in the interests of the country.",
         "The decision was taken only in the interests of the country."),
        # "not only", "as soon as" and the adjective "just" are no exclusivity
        ("Не только Казахстан поддержал решение.", "Kazakhstan backed the decision."),
        ("Как только правительство решит, мы начнём.", "Once the government decides, we start."),
        ("We back a just and lasting peace.", "They back a lasting peace."),
        ("The ministry not only welcomed the plan but funded it.",
         "The ministry welcomed the plan and funded it."),
        ("We seek a fair and just settlement.", "We seek a fair settlement."),
        # "just" of time, comparison or emphasis says nothing of how much
        ("Sanctions press on a trade that is just finding its footing again.",
         "Sanctions press on a trade still finding its footing."),
        ("The talks began just after noon.", "The talks began after noon."),
        ("Kazakhstan, just like Kyrgyzstan, backed the plan.",
         "Kazakhstan, like Kyrgyzstan, backed the plan."),
        ("This is not just our view.", "This is our view."),
    ],
)  # fmt: skip
def test_an_only_added_or_a_look_alike_is_no_quantifier_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon), "quantifier") == []


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("Rangers managed just two shots on target.", "Rangers managed two shots on target."),
        ("In the end just 30 percent agreed.", "In the end 30 percent agreed."),
        ("It was just her third loss in 20 matches.", "It was her third loss in 20 matches."),
    ],
)  # fmt: skip
def test_just_before_an_amount_dropped_is_a_quantifier_difference(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    (d,) = of_kind(diffs(statement, report, lexicon), "quantifier")
    assert (d.statement.lower(), d.report, d.category) == ("just", "", "exclusive")


def test_but_and_a_verb_of_surpassing_are_no_figure_qualifier(lexicon: Lexicon) -> None:
    # «бірақ» starts like «бір» (one); «жоспардан асып түсе алмайды» "cannot surpass the plan".
    statement = "Ол бар күшін салады, бірақ жоспардан асып түсе алмайды."
    found = diffs(statement, "She gives it all but cannot rise above the plan.", lexicon,
                  source=statement, src="kk")  # fmt: skip
    assert of_kind(found, "quantifier") == []


@pytest.mark.parametrize(
    ("report", "qualifiers"),
    [
        ("Future presidents may not serve more than one term.", []),
        ("Talks with more than one country are planned.", []),
        ("More than one million people voted.", ["More than"]),
        ("More than one in five voters stayed home.", ["More than"]),
    ],
)
def test_more_than_one_is_an_idiom_not_a_qualifier_unless_a_figure_follows(
    report: str, qualifiers: list[str], lexicon: Lexicon
) -> None:
    assert [m.text for m in quantifier_mentions(report)] == qualifiers
    statement = "Президент будет избираться на один срок."
    found = diffs(statement, report, lexicon, source=statement, src="ru")
    if not qualifiers:
        assert of_kind(found, "quantifier") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «тем не менее» is "nevertheless"; «не менее»/«не более» qualify only a figure.
        ("Тем не менее, переговоры продолжатся.", []),
        ("Это не более чем формальность.", []),
        ("Пострадали не менее 30 человек.", [("не менее", "lower")]),
        # «до» after a verb of change, or in a range, is "to", not "up to".
        ("Число пострадавших выросло до 40 человек.", []),
        ("Срок сократили с 10 до 7 лет.", []),
        ("На площадь вышли до 20 тысяч человек.", [("до", "upper")]),
    ],
)
def test_russian_phrases_that_only_look_like_qualifiers(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.role) for m in quantifier_mentions(text)] == expected


@pytest.mark.parametrize(
    ("statement", "report", "flagged"),
    [
        # review10: «эт», «тем», «сво» were prefixes, so «этапы», «темы», «свободы» were read as
        # determiners and the "all" before them was never compared (the nouns need a usual
        # English word in the bilingual lexicon: «этапы» has none)
        ("Все свободы граждан будут защищены.", "Freedoms of citizens will be protected.", 1),
        ("Все темы будут обсуждены на встрече.", "Subjects will be discussed at the meeting.", 1),
        # the determiners themselves still point back at what the text named before
        (
            "Все эти темы будут обсуждены на встрече.",
            "Subjects will be discussed at the meeting.",
            0,
        ),
        ("Все свои силы мы отдадим работе.", "We will give our strength to the work.", 0),
    ],
)
def test_a_russian_all_before_a_noun_that_starts_like_a_determiner_is_compared(
    statement: str, report: str, flagged: int, lexicon: Lexicon
) -> None:
    assert len(of_kind(diffs(statement, report, lexicon, src="ru"), "quantifier")) == flagged


@pytest.mark.parametrize(
    ("statement", "report", "flagged"),
    [
        # review10: an "all" floating after a pronoun or an auxiliary quantifies the subject
        # before it and is followed by a verb: dropping it narrows nothing
        ("We all support the peace process.", "We support the peace process.", 0),
        ("They have all signed the agreement.", "They have signed the agreement.", 0),
        # an "all" before its noun is still compared
        ("The government has closed all schools.", "The government has closed schools.", 1),
    ],
)
def test_an_all_floating_after_a_pronoun_or_auxiliary_is_no_dropped_universal(
    statement: str, report: str, flagged: int, lexicon: Lexicon
) -> None:
    assert len(of_kind(diffs(statement, report, lexicon), "quantifier")) == flagged


@pytest.mark.parametrize(
    ("statement", "report", "flagged"),
    [
        # review10 (fix11): an "all" floating after a NOUN subject, before its verb, says the
        # subject's whole takes part; the report's "the ministers agreed" says so too
        ("The ministers all agreed to extend the curfew.",
         "The ministers agreed to extend the curfew.", 0),
        ("The regions all reported heavy rain on Monday.",
         "The regions reported heavy rain on Monday.", 0),
        ("Almaty and Astana all said the roads were open.",
         "Almaty and Astana said the roads were open.", 0),
        # an "all" after a verb or a preposition is before its noun: still compared
        ("The city closed all schools on Monday.", "The city closed schools on Monday.", 1),
        ("Residents of all villages were evacuated.", "Residents of villages were evacuated.", 1),
        ("The ministry urges all citizens to stay home.",
         "The ministry urges citizens to stay home.", 1),
        # review11: a verb that is also a noun, before "all" and a participle that is an
        # adjective of the noun after it, is no subject: the "all" is before its noun
        ("The government will help all affected residents.",
         "The government will help affected residents.", 1),
        ("The state supports all displaced families.",
         "The state supports displaced families.", 1),
        ("The ministry will review all affected contracts.",
         "The ministry will review affected contracts.", 1),
        ("Aid will reach all injured people.", "Aid will reach injured people.", 1),
        # a floating "all" answered by "some" is a narrowed claim
        ("The ministers all agreed to extend the curfew.",
         "Some ministers agreed to extend the curfew.", 1),
    ],
)  # fmt: skip
def test_an_all_floating_after_a_noun_subject_is_no_dropped_universal(
    statement: str, report: str, flagged: int, lexicon: Lexicon
) -> None:
    assert len(of_kind(diffs(statement, report, lexicon), "quantifier")) == flagged


def test_wordnet_tells_a_past_verb_from_an_irregular_plural() -> None:
    from workbench.diff import wordnet

    assert wordnet.past_of_verb("agreed") and wordnet.past_of_verb("said")
    assert not wordnet.past_of_verb("men") and not wordnet.past_of_verb("schools")
    assert wordnet.parts_of_speech("regions") == {"n"}
    assert wordnet.parts_of_speech("nosuchwordhere") == frozenset()


@pytest.mark.parametrize(
    ("statement", "src"),
    [
        ("Бұл індетпен күресуге толық мүмкіндігіміз бар екенін баса айтқым келеді.", "kk"),
        ("Бул илдет менен күрөшүүгө толук мүмкүнчүлүгүбүз бар экенин баса белгилегим келет.", "ky"),
        ("Хочу подчеркнуть, что у нас есть полная возможность бороться с этой эпидемией.", "ru"),
        ("I want to stress that we have the full opportunity to fight this epidemic.", None),
    ],
)
def test_every_opportunity_carries_a_full_opportunity(
    statement: str, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"source": statement, "src": src} if src else {}
    report = "I want to emphasize that we have every opportunity to fight this epidemic."
    assert of_kind(diffs(statement, report, lexicon, **kw), "quantifier") == []
    if src in ("kk", "ky"):  # «полная» and "full" are never flagged on their own
        weaker = "I want to emphasize that we have an opportunity to fight this epidemic."
        assert of_kind(diffs(statement, weaker, lexicon, **kw), "quantifier") != []
