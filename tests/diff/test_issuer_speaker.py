"""A statement that names its own issuer as the speaker ("The Ministry ... says") speaks in its
own voice; one that gives the claim to someone else does not. The whole speaker is matched with
the issuer's outlet and title (``entities.named_in``), not its last word (issue 9)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import of_kind
from workbench.diff import Lexicon, find_differences
from workbench.diff.entities import named_in

UZ_ENERGY = ["Ministry of Energy of the Republic of Uzbekistan", "Statement on the gas pipeline"]
KG_MFA = ["Ministry of Foreign Affairs of the Kyrgyz Republic", "Statement on the border"]


def _moved(statement: str, report: str, issuer: list[str], lexicon: Lexicon, **kw: str) -> bool:
    found = find_differences(statement, report, lexicon=lexicon, issuer=issuer, **kw)
    return bool(of_kind(found, "attribution"))


@pytest.mark.parametrize(
    ("statement", "report", "issuer", "src"),
    [
        # a long ministry name, its country written otherwise than in the title
        ("The Ministry of Foreign Affairs of Kyrgyzstan says the shelling of border villages is "
         "unacceptable.", "The shelling of border villages is unacceptable.", KG_MFA, None),
        # the statement's full name, a shorter title: "of the Republic" left out of it
        ("The Ministry of Energy of the Republic of Uzbekistan announces a new gas pipeline.",
         "Uzbekistan is building a new gas pipeline.", ["Ministry of Energy of Uzbekistan"], None),
        ("Министерство иностранных дел Кыргызской Республики заявило, что обстрел приграничных "
         "сёл недопустим.", "The shelling of border villages is unacceptable.",
         ["Министерство иностранных дел Кыргызской Республики"], "ru"),
        ("Қазақстан Республикасы Сыртқы істер министрлігі шекарадағы ауылдардың атқылануына "
         "алаңдаушылық білдіреді деп мәлімдеді.", "Kazakhstan is concerned over the shelling of "
         "border villages.", ["Қазақстан Республикасы Сыртқы істер министрлігі"], "kk"),
        ("Кыргыз Республикасынын Тышкы иштер министрлиги чек арадагы айылдардын аткыланышына "
         "тынчсызданарын билдирди.", "Kyrgyzstan is concerned over the shelling of border "
         "villages.", ["Кыргыз Республикасынын Тышкы иштер министрлиги"], "ky"),
    ],
)  # fmt: skip
def test_the_issuer_naming_itself_moves_no_attribution(
    lexicon: Lexicon, statement: str, report: str, issuer: list[str], src: str | None
) -> None:
    kw = {"src": src} if src else {}
    assert not _moved(statement, report, issuer, lexicon, **kw)


@pytest.mark.parametrize(
    ("statement", "issuer", "src"),
    [
        ("The President of Uzbekistan announces a new gas pipeline.", UZ_ENERGY, None),
        ("Президент Республики Узбекистан заявил, что начнётся строительство газопровода.",
         ["Министерство энергетики Республики Узбекистан"], "ru"),
        ("Өзбекстан Президенті жаңа газ құбыры салынатынын мәлімдеді.",
         ["Өзбекстан Республикасы Энергетика министрлігі"], "kk"),
        ("The government says Uzbekistan is building a new gas pipeline.",
         ["the ministry", "Ministry of Energy of Uzbekistan"], None),
        ("The Ministry of Foreign Affairs of Uzbekistan says a new gas pipeline is being built.",
         UZ_ENERGY, None),
    ],
)  # fmt: skip
def test_someone_else_named_beside_the_issuer_is_not_the_issuer(
    lexicon: Lexicon, statement: str, issuer: list[str], src: str | None
) -> None:
    kw = {"src": src} if src else {}
    assert _moved(statement, "Uzbekistan is building a new gas pipeline.", issuer, lexicon, **kw)


@pytest.mark.parametrize(
    ("name", "texts", "named"),
    [
        ("the Ministry of Foreign Affairs of the Kyrgyz Republic", KG_MFA, True),
        ("Kyrgyzstan's Foreign Ministry", KG_MFA, True),
        ("the Ministry of Energy of Kyrgyzstan", KG_MFA, False),
        ("The President of Uzbekistan", UZ_ENERGY, False),
        ("the government", ["the ministry"], False),
        ("the ministry", ["the ministry"], True),
        ("he", UZ_ENERGY, False),
        ("", UZ_ENERGY, False),
        ("the Ministry of Energy", [], False),
    ],
)
def test_named_in(name: str, texts: list[str], named: bool) -> None:
    assert named_in(name, texts) is named
