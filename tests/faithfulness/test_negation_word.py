"""A Russian «не» before a word that is no verb («не первый», «а не компанию», «не слепые»):
strong when the English holds that very word with no negation anywhere, else nothing.

Translations render such a negated word with no "not" often («не первый» → "one of several"),
so it is no weak issue (the untouched references' weak rate stays); the literal word without
its "not" ("He is the first artist") is a negation lost. A full participle or gerund stays
out («не имеющая выхода к морю» → "landlocked").
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of
from workbench.faithfulness.markers import _certain_source_negations, _word_negations

LOST = [
    ("Он не первый артист, который меняет своё имя.", "He is the first artist to change his name."),
    ("Это не первый случай, когда насос попадает в новости.",
     "This is the first time the pump has made the news."),
    ("Фирма купила только банк, а не компанию по управлению активами.",
     "The firm bought only the bank, the asset management company."),
]  # fmt: skip

RENDERED = [
    ("Он не первый артист, который меняет своё имя.", "He is not the first artist to change his name."),
    ("Он не первый артист, который меняет своё имя.",
     "He is one of several singers to change a stage name."),
    ("Фирма купила только банк, а не компанию по управлению активами.",
     "The firm bought only the bank rather than the asset management company."),
    ("Не имеющая выхода к морю Боливия надеется на суд.", "Landlocked Bolivia hopes for the court."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "translation"), LOST)
def test_the_negated_word_said_plainly_is_strong(source: str, translation: str) -> None:
    assert not _certain_source_negations(source, "ru")
    assert _word_negations(source, "ru")
    keys = evidence_of(source, translation, "ru")
    assert "negation" in keys and "negation_weak" not in keys


@pytest.mark.parametrize(("source", "translation"), RENDERED)
def test_a_rendered_negated_word_is_no_issue(source: str, translation: str) -> None:
    keys = evidence_of(source, translation, "ru")
    assert "negation" not in keys and "negation_weak" not in keys


def test_a_participle_or_a_verb_is_no_word_negation() -> None:
    assert _word_negations("Не имеющая выхода к морю Боливия.", "ru") == []
    assert _word_negations("Он не пришёл.", "ru") == []  # a verb: a certain negation
    assert _word_negations("Он не первый.", "kk") == []  # Russian only
    assert _word_negations("", "ru") == []
