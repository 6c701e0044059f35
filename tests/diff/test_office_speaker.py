"""A head of state's own address retold as "the outgoing leader said" or under a misspelt name
("Reenbekov pointed out") moves no attribution: reports name the issuer by his office."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon

#: The issuer's texts (outlet, title) in each language a case may give them in.
ISSUERS = {
    None: ["President of the Kyrgyz Republic", "Address of President Jeenbekov"],
    "ru": ["Президент Кыргызской Республики", "Обращение Президента Жээнбекова"],
    "kk": ["Қазақстан Республикасының Мемлекет басшысы", "Мемлекет басшысының үндеуі"],
    "ky": ["Кыргыз Республикасынын Мамлекет башчысы", "Мамлекет башчысынын кайрылуусу"],
}
STATEMENTS = {
    None: "I do not want to go down in history as a president who shed blood.",
    "ru": "Не хочу остаться в истории как президент, проливший кровь.",
    "kk": "Тарихта қан төккен президент ретінде қалғым келмейді.",
    "ky": "Тарыхта кан төккөн президент катары калгым келбейт.",
}


def _attributions(src: str | None, report: str, lexicon: Lexicon) -> list[str]:
    issuer = ISSUERS[src]
    kw = {"source": STATEMENTS[src], "src": src} if src else {}
    found = diffs(STATEMENTS[src], report, lexicon, context=issuer, issuer=issuer, **kw)
    return [d.report for d in of_kind(found, "attribution")]


@pytest.mark.parametrize("src", [None, "ru", "kk", "ky"])
@pytest.mark.parametrize(
    "speaker",
    ["The outgoing leader said", "The head of state said", "The country's president said"],
)
def test_the_head_of_state_named_by_his_office_is_the_issuer(
    src: str | None, speaker: str, lexicon: Lexicon
) -> None:
    report = f"{speaker} he did not want to go down in history as a president who shed blood."
    assert _attributions(src, report, lexicon) == []


@pytest.mark.parametrize("src", [None, "ru", "kk", "ky"])
@pytest.mark.parametrize(
    "speaker", ["The opposition leader said", "The former leader said", "Residents said"]
)
def test_another_voice_is_still_an_attribution(
    src: str | None, speaker: str, lexicon: Lexicon
) -> None:
    report = f"{speaker} he did not want to go down in history as a president who shed blood."
    assert _attributions(src, report, lexicon) == [speaker]


def test_an_issuer_that_is_no_head_of_state_has_no_office(lexicon: Lexicon) -> None:
    issuer = ["Ministry of Foreign Affairs of the Kyrgyz Republic", "Statement on the border"]
    found = diffs("The border is calm.", "The outgoing leader said the border is calm.", lexicon,
                  context=issuer, issuer=issuer)  # fmt: skip
    assert [d.report for d in of_kind(found, "attribution")] == ["The outgoing leader said"]


def test_a_misspelt_name_that_pointed_out_is_the_issuer(lexicon: Lexicon) -> None:
    issuer = ISSUERS[None]
    found = diffs(STATEMENTS[None], "Reenbekov pointed out that he did not want to go down in "
                  "history as a president who shed blood.", lexicon, context=issuer,
                  issuer=issuer)  # fmt: skip
    assert of_kind(found, "attribution") == []


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("The Head of State noted that the border will open on Monday.",
         "The Kazakh leader said the border will open on Monday."),
        ("The border will open on Monday, the President said.",
         "The border will open on Monday, the outgoing leader said."),
    ],
)  # fmt: skip
def test_the_office_on_both_sides_of_an_attribution_is_one_voice(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    # review11: the office was the issuer's only for an attribution the report alone makes;
    # one the statement makes too ("The Head of State noted", Akorda's usual words) went to
    # same_voice, whose voices knew no office, and was flagged as a move
    issuer = ["Akorda", "President of Kazakhstan Kassym-Jomart Tokayev's address"]
    found = diffs(statement, report, lexicon, context=issuer, issuer=issuer)
    assert of_kind(found, "attribution") == []
    other = report.replace("The Kazakh leader", "Foreign Minister Nurtleu").replace(
        "the outgoing leader", "Foreign Minister Nurtleu"
    )
    moved = diffs(statement, other, lexicon, context=issuer, issuer=issuer)
    assert len(of_kind(moved, "attribution")) == 1  # another voice still moves the claim
