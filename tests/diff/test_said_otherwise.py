"""Flags an analyst reads as noise (issue 9, session 22, noise22): the same claim said in other
words by a translation or a report is no difference.

* an original's degree word that the translation renders by an everyday "very" and the report
  by "extremely" is neither the report's nor the translation's departure;
* a statement that refuses or refrains ("refusing to sign", «воздержится») is what a report's
  "will not sign" or "has no intention" retells: no negation added;
* a ministry's spokesman named "the diplomat" or "the spokesman" by the report is the issuer
  himself: no attribution moved;
* a figure that measures the speech ("in his 20-minute address") is the outlet's scene-setting,
  no figure of the claim.
"""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon


def _concepts(translation: str, report: str, source: str, src: str, lexicon: Lexicon) -> list:
    found = diffs(translation, report, lexicon, source=source, src=src)
    return [d for d in of_kind(found, "wording") if d.detector == "concept"]


@pytest.mark.parametrize(
    ("source", "src", "translation", "report"),
    [
        ("Бұл аса маңызды шешім.", "kk", "This is a very important decision.",
         "This is an extremely important decision."),
        ("Бул өтө маанилүү маселе.", "ky", "This is a highly important matter.",
         "This is a matter of utmost importance."),
        ("Это крайне важный вопрос.", "ru", "This is a very important question.",
         "This is a profoundly important question."),
    ],
)  # fmt: skip
def test_an_everyday_degree_of_the_translation_carries_the_originals(
    source: str, src: str, translation: str, report: str, lexicon: Lexicon
) -> None:
    assert _concepts(translation, report, source, src, lexicon) == []


def test_a_translation_without_a_degree_word_still_leaves_it_to_the_translation(
    lexicon: Lexicon,
) -> None:
    (d,) = _concepts("This is an important decision.", "This is an extremely important decision.",
                     "Бұл аса маңызды шешім.", "kk", lexicon)  # fmt: skip
    assert d.origin == "translation" and d.report == "extremely"


def test_a_report_intensifier_with_no_degree_anywhere_is_still_the_reports(
    lexicon: Lexicon,
) -> None:
    (d,) = _concepts("The ministry condemned the attack.", "The ministry sharply condemned the attack.",
                     "Министерство осудило нападение.", "ru", lexicon)  # fmt: skip
    assert d.origin == "report" and d.report == "sharply"


@pytest.mark.parametrize(
    ("statement", "report", "kw"),
    [
        ("Signing the treaty or refusing to sign it is a question for the parliament.",
         "Whether to sign the treaty or not sign it is a question for the parliament.", {}),
        ("For now the republic will refrain from joining the union.",
         "The republic has no intention of joining the union for now.",
         {"source": "Пока республика воздержится от вступления в союз.", "src": "ru"}),
        ("Building the dam or refusing to build it is for the people to decide.",
         "The people will decide whether the dam is built or not built.",
         {"source": "Бөгетті салу немесе салудан бас тарту — халықтың шешімі.", "src": "kk"}),
    ],
)  # fmt: skip
def test_a_refusal_of_the_statement_answers_the_reports_negation(
    statement: str, report: str, kw: dict[str, str], lexicon: Lexicon
) -> None:
    assert of_kind(diffs(statement, report, lexicon, **kw), "negation") == []


def test_a_refusal_retold_without_a_negation_is_no_negation_left_out(lexicon: Lexicon) -> None:
    found = diffs("The republic will refrain from joining the union.",
                  "The republic will stay outside the union.", lexicon)  # fmt: skip
    assert of_kind(found, "negation") == []


def test_the_originals_refusal_alone_answers_no_report_negation(lexicon: Lexicon) -> None:
    # only the translation's words are read: an original's «против» in another clause is no
    # refusal the report's "not" retells
    found = diffs("The deputies voted against the budget; the bridge was repaired.",
                  "The deputies voted against the budget; the bridge was not repaired.", lexicon,
                  source="Депутаты голосовали против бюджета; мост отремонтировали.", src="ru")  # fmt: skip
    assert [d.report for d in of_kind(found, "negation")] == ["not"]


def test_a_negation_beyond_the_refusal_is_still_flagged(lexicon: Lexicon) -> None:
    # one refusal answers one negation: a second, about the treaty being signed, is the report's
    (d,) = of_kind(
        diffs("The republic refused to join the union; the treaty was signed.",
              "The republic did not join the union, and the treaty was not signed.", lexicon),
        "negation",
    )  # fmt: skip
    assert d.report == "not" and d.statement == ""


MINISTRY = ["Ministry of Foreign Affairs spokesman", "Briefing of the MFA spokesman"]
STATEMENT = "The embassy has no connection to the exhibition."


@pytest.mark.parametrize(
    "speaker", ["The diplomat noted", "The spokesman said", "The ministry added"]
)
def test_a_ministrys_spokesman_named_by_his_office_is_the_issuer(
    speaker: str, lexicon: Lexicon
) -> None:
    report = f"{speaker} that the embassy has no connection to the exhibition."
    found = diffs(STATEMENT, report, lexicon, context=MINISTRY, issuer=MINISTRY)
    assert of_kind(found, "attribution") == []


def test_a_diplomat_is_no_office_of_an_issuer_that_is_no_ministry(lexicon: Lexicon) -> None:
    issuer = ["Akimat of the city", "Statement of the akim"]
    report = "The diplomat noted that the embassy has no connection to the exhibition."
    found = diffs(STATEMENT, report, lexicon, context=issuer, issuer=issuer)
    assert [d.report for d in of_kind(found, "attribution")] == ["The diplomat noted"]


def test_an_embassy_is_no_ministry_of_the_spokesman(lexicon: Lexicon) -> None:
    # which body speaks is the claim's actor: the spokesman's office words do not join the two
    found = diffs("The embassy stated that it has no connection to the exhibition.",
                  "The ministry stated that it has no connection to the exhibition.", lexicon,
                  context=MINISTRY, issuer=MINISTRY)  # fmt: skip
    assert [(d.statement, d.report) for d in of_kind(found, "attribution")] != []


@pytest.mark.parametrize(
    "tail",
    ["he said in his nearly 20-minute address", "the governor said in a 40-minute speech",
     "she told a two-hour press conference"],
)  # fmt: skip
def test_a_figure_measuring_the_speech_is_no_figure_of_the_claim(
    tail: str, lexicon: Lexicon
) -> None:
    found = diffs("This is the worst drought in 50 years.",
                  f'"This is the worst drought in 50 years," {tail}.', lexicon)  # fmt: skip
    assert of_kind(found, "number") == []


def test_a_figure_of_the_claim_beside_the_speech_stays(lexicon: Lexicon) -> None:
    found = diffs("This is the worst drought in 50 years.",
                  '"This is the worst drought in 50 years," he said of the 20 districts hit.',
                  lexicon)  # fmt: skip
    assert [d.report for d in of_kind(found, "number")] == ["20"]
