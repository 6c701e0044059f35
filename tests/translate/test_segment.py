"""Sentence segmentation case tables per language, and the offset guarantee."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.segment import SPLITTERS, split_sentences

CASES: list[tuple[str, str, list[str]]] = [
    # Russian: abbreviations, numbers with spaces, quotes, ellipses, initials, line breaks.
    (
        "ru",
        "Он приехал в г. Алматы. Там было холодно.",
        ["Он приехал в г. Алматы.", "Там было холодно."],
    ),
    (
        "ru",
        "Это, т.е. протест, начался 2 января. Власти молчали.",
        ["Это, т.е. протест, начался 2 января.", "Власти молчали."],
    ),
    (
        "ru",
        "Сообщалось о 20 000 бандитов. Позже цифру убрали.",
        ["Сообщалось о 20 000 бандитов.", "Позже цифру убрали."],
    ),
    (
        "ru",
        "Токаев заявил: «Стрелять без предупреждения!» Это вызвало споры.",
        ["Токаев заявил: «Стрелять без предупреждения!»", "Это вызвало споры."],
    ),
    ("ru", "Были ли жертвы... Никто не знал.", ["Были ли жертвы...", "Никто не знал."]),
    ("ru", "А.С. Пушкин родился в 1799 г. в Москве.", ["А.С. Пушкин родился в 1799 г. в Москве."]),
    ("ru", "Что случилось? Никто не ответил!", ["Что случилось?", "Никто не ответил!"]),
    ("ru", "Заголовок\n\nТекст новости.", ["Заголовок", "Текст новости."]),
    ("ru", "Первая строка\nВторая строка.", ["Первая строка", "Вторая строка."]),
    ("ru", "Он сказал, что\nпродолжит работу.", ["Он сказал, что\nпродолжит работу."]),
    # Kazakh: initials with Kazakh letters, Kazakh abbreviations, quotes, ellipses.
    (
        "kk",
        "Қ.Тоқаев мәлімдеме жасады. Ол елге үндеді.",
        ["Қ.Тоқаев мәлімдеме жасады.", "Ол елге үндеді."],
    ),
    (
        "kk",
        "Алматыда 20 000 адам жиналды. Билік үндемеді.",
        ["Алматыда 20 000 адам жиналды.", "Билік үндемеді."],
    ),
    (
        "kk",
        "Президент: «Бұйрық берілді!» Бұл дау тудырды.",
        ["Президент: «Бұйрық берілді!»", "Бұл дау тудырды."],
    ),
    (
        "kk",
        "Наразылық 2022 ж. қаңтарда басталды. Көп адам қаза тапты.",
        ["Наразылық 2022 ж. қаңтарда басталды.", "Көп адам қаза тапты."],
    ),
    (
        "kk",
        "Не болды? Ешкім білмеді…  Кейін белгілі болды.",
        ["Не болды?", "Ешкім білмеді…", "Кейін белгілі болды."],
    ),
    ("kk", "т.б. сияқты сөздер. Келесі сөйлем.", ["т.б. сияқты сөздер.", "Келесі сөйлем."]),
    ("kk", "Бірінші жол\nЕкінші жол.", ["Бірінші жол", "Екінші жол."]),
    # Kyrgyz.
    (
        "ky",
        "Ж.Бейшеналиев Казакстанда кармалды. Ал музыкант.",
        ["Ж.Бейшеналиев Казакстанда кармалды.", "Ал музыкант."],
    ),
    (
        "ky",
        "Бишкекте 1 000 адам чогулду. Бийлик унчукпады.",
        ["Бишкекте 1 000 адам чогулду.", "Бийлик унчукпады."],
    ),
    (
        "ky",
        "Ал мындай деди: «Мен күнөөсүзмүн!» Бул талаш жаратты.",
        ["Ал мындай деди: «Мен күнөөсүзмүн!»", "Бул талаш жаратты."],
    ),
    (
        "ky",
        "Эмне болду? Эч ким билген жок... Кийин белгилүү болду.",
        ["Эмне болду?", "Эч ким билген жок...", "Кийин белгилүү болду."],
    ),
    ("ky", "Биринчи сап\nЭкинчи сап.", ["Биринчи сап", "Экинчи сап."]),
    # English (the reporting side).
    (
        "en",
        "The U.S. said nothing. Russia sent troops.",
        ["The U.S. said nothing.", "Russia sent troops."],
    ),
    (
        "en",
        "Mr. Tokayev blamed 20,000 bandits. Critics objected.",
        ["Mr. Tokayev blamed 20,000 bandits.", "Critics objected."],
    ),
    (
        "en",
        'He said: "Shoot without warning!" Critics objected.',
        ['He said: "Shoot without warning!"', "Critics objected."],
    ),
    ("en", "K. Tokayev spoke. It was late.", ["K. Tokayev spoke.", "It was late."]),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_sentences(lang: str, text: str, expected: list[str]) -> None:
    got = split_sentences(text, lang)
    assert [s.text for s in got] == expected
    assert [s.index for s in got] == list(range(len(expected)))
    for s in got:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \t\n "])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text, "ru") == []


@pytest.mark.parametrize("splitter", SPLITTERS.names())
@pytest.mark.parametrize("lang", ["ru", "kk", "ky", "en"])
def test_offsets_hold_and_nothing_is_dropped_on_real_text(
    shared_data: Path, lang: str, splitter: str
) -> None:
    name = {"ru": "rus_Cyrl", "kk": "kaz_Cyrl", "ky": "kir_Cyrl", "en": "eng_Latn"}[lang]
    lines = (shared_data / "flores200-dev" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    text = "  ".join(lines[:60]) + "\n\n" + "\n".join(lines[60:90])
    got = split_sentences(text, lang, splitter=splitter)
    assert len(got) >= 80  # accuracy is measured in benchmarks/segment_bench.py
    for s in got:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    starts = [s.start for s in got]
    assert starts == sorted(starts)
    # Every non-space character belongs to exactly one sentence.
    assert "".join(s.text for s in got).replace(" ", "").replace("\n", "") == text.replace(
        " ", ""
    ).replace("\n", "")


def test_unknown_splitter_lists_the_names() -> None:
    from workbench.errors import UnknownNameError

    with pytest.raises(UnknownNameError, match="razdel, sentencex"):
        split_sentences("Текст.", "ru", splitter="nope")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ferry left at 7:15 a.m. Kyrgyz time from the pier. Then it rained.",
            ["The ferry left at 7:15 a.m. Kyrgyz time from the pier.", "Then it rained."],
        ),
        (
            "He spoke in St. Petersburg on Friday. Sen. Warren agreed.",
            ["He spoke in St. Petersburg on Friday.", "Sen. Warren agreed."],
        ),
        (  # "a.m." does end a sentence when no time zone follows
            "The attack began at 8 a.m. Police arrived at 9 a.m. Local time was given.",
            ["The attack began at 8 a.m.", "Police arrived at 9 a.m.", "Local time was given."],
        ),
        ("It ended at 6 p.m. GMT on Friday.", ["It ended at 6 p.m. GMT on Friday."]),
        # a month abbreviated before a day or a year (hyg14: "Oct." was cut as a sentence end)
        (
            "MOSCOW, Oct. 6 (Reuters) - The president resigned. Crowds cheered.",
            ["MOSCOW, Oct. 6 (Reuters) - The president resigned.", "Crowds cheered."],
        ),
        ("Moscow, Oct. 6", ["Moscow, Oct. 6"]),
        (
            "The vote of Oct. 4 was annulled on Oct. 6. Protests went on.",
            ["The vote of Oct. 4 was annulled on Oct. 6.", "Protests went on."],
        ),
        (
            "Talks began on Jan. 5, Feb. 2, Aug. 12, Sept. 30, Sep. 1, Nov. 11 and Dec. 31, 2020.",
            [
                "Talks began on Jan. 5, Feb. 2, Aug. 12, Sept. 30, Sep. 1, Nov. 11 and Dec. 31, 2020."
            ],
        ),
        ("He was elected in Sept. 2019. He quit.", ["He was elected in Sept. 2019.", "He quit."]),
        (  # no day or year after it: the splitter decides, as before
            "The parliament met in Oct. The session ended.",
            ["The parliament met in Oct.", "The session ended."],
        ),
    ],
)
def test_english_titles_and_time_zones_do_not_end_a_sentence(
    text: str, expected: list[str]
) -> None:
    sentences = split_sentences(text, "en")
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)
