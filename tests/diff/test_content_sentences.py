"""The word diff's runs stay inside one sentence: when an outlet's report sentences are joined
for the diff, the tail of one sentence and the head of the next are two runs, each flagged only
if it is a clause's worth of words on its own."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon
from workbench.diff.text import SENTENCE_END

STATEMENT = "The council approved the new school budget."


def test_an_addition_does_not_run_into_the_next_sentence(lexicon: Lexicon) -> None:
    # one report sentence ends with a word the statement lacks, the next adds a fact
    report = (
        "The council approved the new school budget amid protests. "
        "Teachers demanded higher salaries for rural schools."
    )
    added = of_kind(diffs(STATEMENT, report, lexicon), "addition")
    assert [d.report for d in added] == ["Teachers demanded higher salaries for rural schools"]


def test_a_word_or_two_left_at_a_sentence_end_is_no_clause(lexicon: Lexicon) -> None:
    # before the split, "amid protests" joined the next sentence's words into one addition
    report = "The council approved the new school budget amid protests. It passed easily."
    assert of_kind(diffs(STATEMENT, report, lexicon), "addition") == []


def test_an_omission_does_not_run_across_the_statements_sentences(lexicon: Lexicon) -> None:
    statement = (
        "The council approved the new school budget after a long debate. "
        "Rural teachers will receive higher salaries from March."
    )
    report = "The council approved the new school budget."
    left_out = of_kind(diffs(statement, report, lexicon), "omission")
    assert left_out
    for d in left_out:
        assert not SENTENCE_END.search(d.statement), d


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("the budget. Teachers", True),
        ('the chaos." There', True),
        ("the year. “We", True),
        ("it ends! Then", True),
        ("the district.) Next", True),
        ("the region. Бишкек", True),
        ("Mr. Baker", False),
        ("Gen. Ivanov", False),
        ("U.S. officials", False),
        ("on Oct. 12", False),
        ("it said. the", False),
        ("the budget, Teachers", False),
    ],
)
def test_a_sentence_end_is_a_stop_then_a_capital(text: str, ends: bool) -> None:
    assert bool(SENTENCE_END.search(text)) is ends


@pytest.mark.parametrize(
    ("source", "src"),
    [
        (None, None),
        ("Военнослужащие и правоохранительные органы обязаны применять оружие для защиты "
         "Государственной резиденции.", "ru"),
        ("Әскери қызметшілер мен құқық қорғау органдары Мемлекеттік резиденцияны қорғау үшін "
         "қару қолдануға міндетті.", "kk"),
        ("Аскер кызматчылары жана укук коргоо органдары Мамлекеттик резиденцияны коргоо үчүн "
         "курал колдонууга милдеттүү.", "ky"),
    ],
)  # fmt: skip
def test_a_hyphenated_compound_and_its_words_apart_are_one_wording(
    source: str | None, src: str | None, lexicon: Lexicon
) -> None:
    kw = {"source": source, "src": src} if source else {}
    statement = "Servicemen and law-enforcement bodies are obliged to use weapons to protect the State Residence."
    same = "Military personnel and law enforcement agencies are obliged to use weapons to protect the state residence."
    found = diffs(statement, same, lexicon, **kw)
    assert [d for d in found if d.kind in ("wording", "omission", "addition")] == []
    other = "Soldiers, riot police officers and private security guards are obliged to use weapons to protect the state residence."
    found = diffs(statement, other, lexicon, **kw)
    assert [d.kind for d in found if d.kind in ("wording", "omission", "addition")] == ["wording"]
