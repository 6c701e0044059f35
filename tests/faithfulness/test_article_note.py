"""tidy22 (issue 9): `workbench check` called a changed article number a "figure"; an article
number has unit ``article`` since session 21 and compare's notes say "article number"."""

from __future__ import annotations

from workbench.faithfulness import check_pairs

SOURCE = "Согласно статье 25 Конституции задержаны 164 человека."


def _notes(translation: str) -> list[str]:
    (result,) = check_pairs([SOURCE], [translation], "ru")
    return [i.note for i in result.issues if i.kind == "number"]


def test_a_changed_article_number_is_called_an_article_number() -> None:
    notes = _notes("Under Article 26 of the Constitution, 164 people were detained.")
    assert notes == ["article number '26' has no equal in the source (source: '25')"]


def test_a_changed_count_is_still_a_figure() -> None:
    notes = _notes("Under Article 25 of the Constitution, 103 people were detained.")
    assert notes == ["figure '103' has no equal in the source (source: '164')"]


def test_a_dropped_article_number_is_called_an_article_number() -> None:
    notes = _notes("Under the Constitution, 164 people were detained.")
    assert notes == ["source article number '25' is missing from the translation"]
