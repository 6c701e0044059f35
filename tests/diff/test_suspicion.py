"""A label the statement asserts and the report holds open ("Four looters were detained" →
"detained on suspicion of looting", "suspected of", "the suspected gunman") is a ``certainty``
difference, as "alleged" was (review10, fix11). A suspicion on both sides, or a suspicion
against an allegation, is one hedge."""

from __future__ import annotations

import pytest

from tests.diff.helpers import of_kind
from workbench.diff import Lexicon, find_differences
from workbench.diff.markers import hedge_mentions

ASSERTED = "Four looters were detained in Akzhar."


@pytest.mark.parametrize(
    ("report", "marker"),
    [
        ("Four people were detained on suspicion of looting in Akzhar.", "on suspicion of"),
        ("Four people suspected of looting were detained in Akzhar.", "suspected"),
        ("Four suspected looters were detained in Akzhar.", "suspected"),
        ("Four people were held under suspicion of looting in Akzhar.", "under suspicion of"),
        ("Four alleged looters were detained in Akzhar.", "alleged"),
    ],
)
def test_a_label_held_open_is_a_certainty_difference(
    report: str, marker: str, lexicon: Lexicon
) -> None:
    (d,) = of_kind(find_differences(ASSERTED, report, lexicon=lexicon), "certainty")
    assert (d.statement, d.report, d.origin) == ("", marker, "report")


@pytest.mark.parametrize(
    ("statement", "report", "src"),
    [
        ("Four people suspected of looting were detained.",
         "Four people were detained on suspicion of looting.", None),
        ("Four people were allegedly looting shops.",
         "Four people suspected of looting were detained.", None),
        ("В Акжаре по подозрению в мародёрстве задержаны четыре человека.",
         "Four people were detained on suspicion of looting in Akzhar.", "ru"),
        ("Ақжарда тонаушылық жасады деген күдікпен төрт адам ұсталды.",
         "Four people were detained on suspicion of looting in Akzhar.", "kk"),
    ],
)  # fmt: skip
def test_a_suspicion_on_both_sides_is_no_difference(
    statement: str, report: str, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"src": src} if src else {}
    assert not of_kind(find_differences(statement, report, lexicon=lexicon, **kw), "certainty")


def test_the_original_asserting_guilt_is_checked_too(lexicon: Lexicon) -> None:
    # no translation: «мародёра» states it, the report holds it open
    found = find_differences(
        "В Акжаре задержаны четыре мародёра.",
        "Four people were detained on suspicion of looting in Akzhar.",
        src="ru",
        lexicon=lexicon,
    )
    assert [d.report for d in of_kind(found, "certainty")] == ["on suspicion of"]


def test_suspicion_markers_of_each_language() -> None:
    for text in ("on suspicion of theft", "по подозрению в краже", "подозреваемые задержаны",
                 "күдікті ұсталды", "шектүү кармалды", "шектелүүчү кармалды"):  # fmt: skip
        assert [m.role for m in hedge_mentions(text)] == ["suspicion"], text
    assert hedge_mentions("Suspicious parcels were found.") == []


def test_a_kazakh_restriction_is_no_suspicion() -> None:
    # review11: kk «шектелді» is "was restricted" (шектеу, a restriction), not ky "suspected":
    # a Kazakh decree restricting entry must not read as guilt held open
    for text in ("Қалаға кіру шектелді.", "Жиындар шектелген.", "Қозғалыс шектеледі."):
        assert hedge_mentions(text) == [], text
