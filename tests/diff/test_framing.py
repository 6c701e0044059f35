"""The framing lexicon: loading, custom files, clear errors, labels, framing differences."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon, LexiconError, find_labels, load_lexicon
from workbench.errors import UserInputError


def test_shipped_lexicon_has_a_version_and_categories(lexicon: Lexicon) -> None:
    assert lexicon.version
    names = {c.name for c in lexicon.categories}
    assert {"criminal", "terror", "protest", "civilian"} <= names
    assert {c.name for c in lexicon.categories if c.loaded} >= {"criminal", "terror"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20,000 bandits attacked Almaty", [("bandits", "criminal", True)]),
        ("armed gangs and looters", [("armed gangs", "criminal", True), ("looters", "criminal", True)]),
        ("foreign terrorists", [("foreign terrorists", "foreign", True)]),
        ("thousands of protesters and residents",
         [("protesters", "protest", False), ("residents", "civilian", False)]),
        ("20 тысяч бандитов и мародёров", [("бандитов", "criminal", True), ("мародёров", "criminal", True)]),
        ("террористы, экстремисты и митингующие",
         [("террористы", "terror", True), ("экстремисты", "terror", True),
          ("митингующие", "protest", False)]),
        ("протестующих граждан", [("протестующих", "protest", False), ("граждан", "civilian", False)]),
        ("бандиттер мен лаңкестер", [("бандиттер", "criminal", True), ("лаңкестер", "terror", True)]),
        ("террористтер жана бандиттер", [("террористтер", "terror", True), ("бандиттер", "criminal", True)]),
        ("the riot police were there", []),
    ],
)  # fmt: skip
def test_find_labels(text: str, expected: list[tuple[str, str, bool]], lexicon: Lexicon) -> None:
    hits = find_labels(text, lexicon)
    assert [(h.text, h.category, h.loaded) for h in hits] == expected
    assert all(text[h.start : h.end] == h.text for h in hits)


@pytest.mark.parametrize(
    ("statement", "report", "expected"),
    [
        ("20,000 bandits attacked Almaty.", "Thousands of protesters gathered in Almaty.",
         ("bandits", "protesters")),
        ("Protesters gathered in the square.", "Rioters gathered in the square.",
         ("Protesters", "Rioters")),
        ("Residents left the city.", "Terrorists left the city.", ("Residents", "Terrorists")),
        ("People gathered in the square.", "Looters gathered in the square.", ("", "looters")),
    ],
)  # fmt: skip
def test_loaded_vs_neutral_is_a_framing_difference(
    statement: str, report: str, expected: tuple[str, str], lexicon: Lexicon
) -> None:
    (d,) = of_kind(diffs(statement, report, lexicon), "framing")
    assert (d.statement, d.report.lower()) == (expected[0], expected[1].lower())
    assert "loaded:" in d.note


@pytest.mark.parametrize(
    ("statement", "report", "source"),
    [
        ("Bandits attacked the city.", "Thugs attacked the city.", None),  # same category
        ("Protesters gathered.", "Demonstrators gathered.", None),
    ],
)
def test_same_category_is_no_framing_difference(
    statement: str, report: str, source: str | None, lexicon: Lexicon
) -> None:
    kw = {"source": source, "src": "ru"} if source else {}
    assert of_kind(diffs(statement, report, lexicon, **kw), "framing") == []


def test_a_report_label_found_in_the_source_is_explained(lexicon: Lexicon) -> None:
    found = diffs("Attackers came.", "Bandits came.", lexicon, source="Бандиты пришли.", src="ru")
    assert of_kind(found, "framing") == []
    found = diffs("Attackers came.", "Bandits came.", lexicon)
    assert [d.report for d in of_kind(found, "framing")] == ["Bandits"]


def test_a_civilian_object_of_the_original_explains_the_reports_civilian(
    lexicon: Lexicon,
) -> None:
    # «гражданский объект»: the report's "civilian facility" is the statement's own word.
    statement = "Удар пришёлся по гражданскому объекту."
    found = diffs(statement, "The strike hit a civilian facility.", lexicon,
                  source=statement, src="ru")  # fmt: skip
    assert of_kind(found, "label") == []
    statement = "Удар пришёлся по складу."
    found = diffs(statement, "The strike hit a civilian facility.", lexicon,
                  source=statement, src="ru")  # fmt: skip
    assert [d.report for d in of_kind(found, "label")] == ["civilian"]


def test_a_custom_lexicon_changes_the_result(tmp_path: Path, lexicon: Lexicon) -> None:
    pair = ("Students gathered in the square.", "Hooligans gathered in the square.")
    assert of_kind(diffs(*pair, lexicon), "framing")  # hooligans: loaded in the shipped file
    custom = tmp_path / "mine.toml"
    custom.write_text(
        'version = "test-1"\n[[categories]]\nname = "youth"\nloaded = false\n'
        'en = ["students", "hooligan*"]\n',
        encoding="utf-8",
    )
    mine = load_lexicon(custom)
    assert mine.version == "test-1" and mine.path == str(custom)
    assert of_kind(diffs(*pair, mine), "framing") == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("version = [", "not valid TOML"),
        ('[[categories]]\nname = "x"\nloaded = true\nen = ["a"]\n', "no `version"),
        ('version = "1"\n', "no \\[\\[categories\\]\\]"),
        ('version = "1"\n[[categories]]\nname = "x"\nen = ["a"]\n', "needs `loaded"),
        ('version = "1"\n[[categories]]\nloaded = true\n', "needs a `name`"),
        ('version = "1"\n[[categories]]\nname = "x"\nloaded = true\nen = "bandits"\n', "list"),
        ('version = "1"\n[[categories]]\nname = "x"\nloaded = true\nen = ["*"]\n', "non-empty"),
    ],
)
def test_malformed_lexicon_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad_lexicon.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        load_lexicon(bad)
    assert str(bad) in str(info.value)
    assert isinstance(info.value, UserInputError)


def test_missing_lexicon_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="nowhere.toml"):
        load_lexicon(tmp_path / "nowhere.toml")


def test_nested_labels_count_for_their_inner_category(lexicon: Lexicon) -> None:
    # "foreign terrorist groups" is a `foreign` label and also says `terrorist`
    found = diffs(
        "The demonstrations were hijacked by terrorist groups.",
        "Peaceful protests were hijacked by local and foreign terrorist groups.",
        lexicon,
    )
    assert [(d.statement, d.report) for d in of_kind(found, "framing")] == [
        ("", "foreign terrorist")
    ]


def test_people_leaving_a_call_up_labelled_as_shirkers_or_refugees(lexicon: Lexicon) -> None:
    statement = "Мы должны проявить заботу о приезжающих людях."
    found = diffs(statement, "Kazakhstan welcomes Russian draft-dodgers.", lexicon,
                  source=statement, src="ru")  # fmt: skip
    assert [(d.report, d.note.split(";")[0]) for d in of_kind(found, "framing")] == [
        ("draft-dodgers", "loaded:evader")
    ]
    found = diffs(statement, "Kazakhstan takes in Russian refugees.", lexicon,
                  source=statement, src="ru")  # fmt: skip
    assert [(d.report, d.note.split(";")[0]) for d in of_kind(found, "label")] == [
        ("refugees", "neutral:displaced")
    ]
    same = "Беженцы пересекли границу."
    assert of_kind(diffs(same, "Refugees crossed the border.", lexicon, source=same, src="ru"),
                   "label") == []  # fmt: skip


def test_a_leader_called_a_dictator_is_framing_even_when_the_title_names_him(
    lexicon: Lexicon,
) -> None:
    statement = "Мы не признаем эти территории."
    report = (
        "Tokayev told Russian dictator Vladimir Putin that Kazakhstan would not recognise them."
    )
    # the pipeline passes titled names as context so that "Putin said" is an official's voice;
    # the title "dictator" is still the outlet's loaded label
    found = diffs(statement, report, lexicon, source=statement, src="ru",
                  context=["dictator Vladimir Putin"])  # fmt: skip
    assert [(d.report, d.note.split(";")[0]) for d in of_kind(found, "framing")] == [
        ("dictator", "loaded:autocrat")
    ]
    found = diffs(statement, "The question came from propagandist Margarita Simonyan.", lexicon,
                  source=statement, src="ru")  # fmt: skip
    assert [d.note.split(";")[0] for d in of_kind(found, "framing")] == ["loaded:propaganda"]
