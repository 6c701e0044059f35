"""Side-by-side pipeline: per-line languages, uploads lined up with sentences, agreement, TM."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.engines import create
from workbench.errors import UserInputError
from workbench.export import read_tm, to_tmx, to_xliff
from workbench.pipeline import side_by_side as sbs
from workbench.segment import split_sentences

LINES = ["Первое предложение. Второе предложение.", "", "Третье предложение."]
LANGS = ["ru", "ru", "ru"]


def _upload(tmp_path: Path, name: str, text: str) -> sbs.UploadedTranslations:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return sbs.read_upload(path, name)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Власти ввели режим чрезвычайного положения в стране.", "ru"),
        ("Үкімет елде төтенше жағдай енгізді деп хабарлады.", "kk"),
        ("Өкмөт өлкөдө өзгөчө кырдаал жарыялады деп билдирди.", "ky"),
        ("12:40", None),
    ],
)
def test_guess_language_per_line(line: str, want: str | None) -> None:
    assert sbs.guess_language(line) == want


def test_undetectable_lines_take_their_neighbours_language() -> None:
    lines = ["Власти ввели режим чрезвычайного положения в стране.", "12:40", ""]
    langs, notices = sbs.line_languages(lines, sbs.AUTO)
    assert langs == ["ru", "ru", "ru"] and notices == ["Detected Russian."]


def test_pasted_english_is_told_it_looks_like_english() -> None:
    # It said "Could not tell whether the text is Kazakh, Kyrgyz or Russian" and sent the user
    # to the Source language list, where no choice fits an English text.
    english = [
        "The government declared a state of emergency in the country.",
        "Officials said the measures would stay in place until Monday.",
    ]
    with pytest.raises(UserInputError) as err:
        sbs.line_languages(english, sbs.AUTO)
    message = str(err.value)
    assert message.startswith("The text looks like English") and "into English" in message
    assert "Could not tell" not in message
    with pytest.raises(UserInputError, match="^Could not tell whether the text is Kazakh"):
        sbs.line_languages(["12:40", "2022"], sbs.AUTO)  # no language at all: as before


@pytest.mark.parametrize("choice", ["xx", "en", ""])
def test_unknown_language_choice_is_a_user_error(choice: str) -> None:
    with pytest.raises(UserInputError, match="Pick the source language"):
        sbs.line_languages(LINES, choice)


def test_txt_by_sentence_and_by_line(tmp_path: Path) -> None:
    by_sentence = _upload(tmp_path, "s.txt", "One.\nTwo.\n\nThree.\n")
    system, notices = sbs.import_system(by_sentence, LINES, LANGS)
    assert [[p.translation for p in t.sentences] for t in system.translations] == [
        ["One.", "Two."],
        [],
        ["Three."],
    ]
    assert notices == []
    assert all(p.origin == "imported" for t in system.translations for p in t.sentences)
    by_line = _upload(tmp_path, "l.txt", "One. Two.\nThree.\n")
    system, notices = sbs.import_system(by_line, LINES, LANGS)
    assert [t.text for t in system.translations] == ["One. Two.", "", "Three."]
    assert "per input line" in notices[0]


def test_txt_with_the_wrong_count_says_how_it_is_matched(tmp_path: Path) -> None:
    with pytest.raises(
        UserInputError,
        match=r"has 4 translation lines.*3 sentences.*per input line or per sentence",
    ):
        sbs.import_system(_upload(tmp_path, "x.txt", "a\nb\nc\nd\n"), LINES, LANGS)


def test_one_line_and_one_sentence_are_singular(tmp_path: Path) -> None:
    # "x.txt has 2 translation lines, but the input has 1 lines and 1 sentences".
    one = ["Первое предложение."]
    with pytest.raises(UserInputError) as err:
        sbs.import_system(_upload(tmp_path, "x.txt", "a\nb\n"), one, ["ru"])
    assert "x.txt has 2 translation lines, but the input has 1 line and 1 sentence;" in str(
        err.value
    )
    with pytest.raises(UserInputError, match="has 1 translation line, but the input has 3 lines"):
        sbs.import_system(_upload(tmp_path, "y.txt", "a\n"), [*LINES, "Ещё."], [*LANGS, "ru"])


def test_keyed_upload_matches_lines_or_sentences_and_names_the_missing(tmp_path: Path) -> None:
    tsv = _upload(tmp_path, "k.tsv", f"{LINES[0]}\tOne. Two.\n")
    system, notices = sbs.import_system(tsv, LINES, LANGS)
    assert [p.translation for p in system.translations[0].sentences] == ["One.", "Two."]
    assert system.translations[2].text == "" and system.translations[2].signature == ""
    assert "no translation for 1 of 3 sentences" in notices[0] and "Третье" in notices[0]
    with pytest.raises(UserInputError, match="None of the 3 source sentences"):
        sbs.import_system(_upload(tmp_path, "n.tsv", "Другое.\tOther.\n"), LINES, LANGS)


@pytest.mark.parametrize(
    ("name", "text", "match"),
    [
        ("a.tsv", "no tab here\n", "has no TAB"),
        ("a.tsv", "Раз.\tOne.\nРаз.\tUno.\n", "give different translations of the same source"),
        ("a.tsv", "\tOne.\n", "empty source"),
        ("a.jsonl", "{not json}\n", "not valid JSON"),
        ("a.jsonl", '{"source": 1, "translation": "x"}\n', "needs string fields"),
        ("a.tmx", "<tmx><body>", "not well-formed XML"),
        ("a.xlf", "<html/>", "neither TMX nor XLIFF"),
        ("a.tmx", '<!DOCTYPE x [<!ENTITY a "b">]><tmx/>', "declares XML entities"),
        ("a.xliff", "<xliff><file><body/></file></xliff>", "no segment"),
        ("a.txt", "\n\n", "is empty"),
        ("a.docx", "x", r"can be uploaded as"),
    ],
)
def test_bad_uploads_are_one_clear_error(tmp_path: Path, name: str, text: str, match: str) -> None:
    with pytest.raises(UserInputError, match=match):
        _upload(tmp_path, name, text)


def test_tmx_and_xliff_round_trip_as_uploads(tmp_path: Path) -> None:
    from workbench.types import Sentence, SentenceTranslation, Translation

    pairs = [("Первое предложение.", "One."), ("Второе предложение.", "Two.")]
    translations = [
        Translation(s, t, "sig", (SentenceTranslation(Sentence(s, 0, len(s), 0), t),))
        for s, t in pairs
    ]
    assert read_tm(to_tmx(translations, "ru"), "t.tmx", "ru") == pairs
    assert read_tm(to_xliff(translations, "ru"), "t.xlf") == pairs
    xliff2 = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru">'
        "<file id='f'><unit id='1'><segment><source>Раз.</source><target>One.</target>"
        "</segment></unit></file></xliff>"
    )
    assert read_tm(xliff2, "t.xliff") == [("Раз.", "One.")]


@pytest.mark.parametrize(
    ("translation", "n", "want"),
    [
        ("One. Two.", 2, ["One.", "Two."]),
        ("One and two together.", 2, ["One and two together.", ""]),
        (
            "Troops came. People fled. Shops closed. Roads shut.",
            2,
            ["Troops came. People fled.", "Shops closed. Roads shut."],
        ),
        ("Only.", 1, ["Only."]),
    ],
)
def test_spread_keeps_every_word_in_order(translation: str, n: int, want: list[str]) -> None:
    source = " ".join(["Одно предложение здесь."] * n)
    assert sbs.spread(translation, split_sentences(source, "ru")) == want


def test_agreement_and_word_diff() -> None:
    assert sbs.agreement(["The same.", "The same."]) == 100.0
    assert sbs.agreement(["Only one.", ""]) is None
    low = sbs.agreement(["Troops arrived in Almaty.", "Soldiers came to the city."])
    assert low is not None and low < 40
    diff = sbs.word_diff("Troops arrived in Almaty.", ["Troops came to Almaty."])
    assert [t for _, t, d in diff if d] == ["arrived", "in"]
    assert "".join(space + token for space, token, _ in diff) == "Troops arrived in Almaty."


def test_the_cli_imported_engine_reads_tmx_and_xliff_by_source(tmp_path: Path) -> None:
    from workbench.types import Sentence, SentenceTranslation, Translation

    pairs = [("Первое предложение.", "One."), ("Второе предложение.", "Two.")]
    made = [
        Translation(s, t, "sig", (SentenceTranslation(Sentence(s, 0, len(s), 0), t),))
        for s, t in pairs
    ]
    for name, text in (("m.tmx", to_tmx(made, "ru")), ("m.xlf", to_xliff(made, "ru"))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        tr = create("imported", str(path), "ru")
        assert tr.translate(["Второе  предложение.", "", "Первое предложение."]) == [
            "Two.",
            "",
            "One.",
        ]
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body>", encoding="utf-8")
    with pytest.raises(UserInputError, match="not well-formed XML"):
        create("imported", str(bad), "ru")


def test_uploaded_translations_not_in_english_are_named(tmp_path: Path) -> None:
    # hyg14's walk: Russian lines uploaded as "Translations made elsewhere" were taken as they
    # came; only the faithfulness column called them untranslated (Evaluate and Compare warn).
    lines = [
        "Власти ввели режим чрезвычайного положения в стране.",
        "Министерство сообщило о гибели ста шестидесяти четырёх человек.",
    ]
    upload = _upload(tmp_path, "ru.txt", "\n".join(lines) + "\n")
    _, notices = sbs.import_system(upload, lines, ["ru", "ru"])
    assert notices == [
        "The uploaded translation ru.txt is given as English, but 2 of its 2 input lines do not "
        "look like English (input line 1, for one, looks like Russian (by cld2)); translations "
        "made elsewhere must be English."
    ]
    english = ["The authorities declared a state of emergency in the country.", "Rest."]
    _, notices = sbs.import_system(
        _upload(tmp_path, "en.txt", "\n".join(english)), lines, ["ru"] * 2
    )
    assert notices == []
