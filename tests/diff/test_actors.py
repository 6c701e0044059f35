"""Which body acts: the ``actor`` detector (keys13, session 13)."""

from __future__ import annotations

import pytest

from tests.diff.helpers import cross_lingual_diffs
from workbench.diff import DETECTOR_ORDER, Lexicon
from workbench.diff.actors import actor_mentions
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS


def _actor(statement: str, report: str, lexicon: Lexicon) -> list:  # type: ignore[type-arg]
    found = cross_lingual_diffs(statement, report, lexicon)
    return [(d.kind, d.statement, d.report) for d in found if d.category == "actor"]


@pytest.mark.parametrize(
    ("statement", "report", "expected"),
    [
        # the body that acts moved to another class
        ("The consulate advises travellers to carry their passports.",
         "The ministry urged travellers to carry passports.",
         ("attribution", "consulate", "ministry")),
        ("Поэтому посольство советует не ездить туда без нужды.",
         "The Foreign Ministry told citizens to avoid needless trips.",
         ("attribution", "посольство", "Ministry")),
        ("Ошондуктан элчилик ал жакка барбоону сунуштайт.",
         "The ministry advised citizens to stay away.",
         ("attribution", "элчилик", "ministry")),
        # the body dropped with no one named in its place
        ("I have told the government to repair the dam.", "I ordered the dam repaired, he said.",
         ("omission", "government", "")),
        ("Я поручил правительству отремонтировать плотину.", "I ordered the dam repaired.",
         ("omission", "правительству", "")),
        ("Мен үкіметке бөгетті жөндеуді тапсырдым.", "He ordered the dam repaired.",
         ("omission", "үкіметке", "")),
    ],
)  # fmt: skip
def test_a_body_moved_or_dropped(
    statement: str, report: str, expected: tuple[str, str, str], lexicon: Lexicon
) -> None:
    assert "actor" in DETECTOR_ORDER and "actor" in CROSS_LINGUAL_DETECTORS
    assert _actor(statement, report, lexicon) == [expected]


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the same class in other words
        ("I have told the government to repair the dam.", "He told the cabinet to repair the dam."),
        ("The prime minister will lead the commission.", "The government head will lead it."),
        ("Поэтому посольство советует не ездить туда.", "The embassy advised against trips."),
        # one of the statement's bodies kept
        ("The government and the parliament agreed.", "Parliament agreed to the plan."),
        # a title before a name is the person's (the entity detector's), not a body
        ("I call on Prime Minister Ivan Petrov to act.", "He called on Petrov to act."),
        ("Призываю премьер-министра Ивана Петрова действовать.", "He called on Petrov to act."),
        # "non-governmental", «өкмөттүк эмес», a league: no bodies
        ("Non-governmental groups were not needed.", "Foreign aid groups were not needed."),
        ("Чет өлкөлүк өкмөттүк эмес уюмдар керек эмес.", "Foreign aid groups were not needed."),
        ("The side lost in the Premier League.", "The club lost again."),
        # the report names the body in its own words
        ("The government of the province said 900 were hurt.",
         "According to provincial authorities, 900 were hurt."),
        ("Сенатор выступил против.", "The senator spoke against it."),
        # a body spoken of, not acting
        ("We annulled the results of the elections to the parliament.",
         "The results of the vote were annulled."),
        ("New parliamentary elections will be called.", "New elections are expected."),
        ("Результаты выборов в парламент отменены.", "The results of the vote were annulled."),
        ("Жогорку Кеңештин депутаттарына телефон чалышкан.", "They phoned many people."),
        ("Эми жаңы парламенттик шайлоолор дайындалат.", "New elections are expected."),
        ("Парламент палаталарының төрағалары хабардар етілді.",
         "The heads of the parliamentary chambers were informed."),
        ("Бул Жогорку Кеңеш өңдүү түзүмдөрдө начар абал жаратты.",
         "This harmed the government's standing."),
        # no body in the statement; a report's own body is no move
        ("Prices will be frozen until spring.", "The ministry said prices would be frozen."),
    ],
)  # fmt: skip
def test_no_move(statement: str, report: str, lexicon: Lexicon) -> None:
    assert not _actor(statement, report, lexicon)


def test_bodies_not_people() -> None:
    assert set(actor_mentions("The Prime Minister met the ministers.")) == set()
    assert set(actor_mentions("Премьер-министр провёл совещание в министерстве.")) == {"ministry"}
    assert set(actor_mentions("The head of government thanked the Senate.")) == {"parliament"}
    assert set(actor_mentions("Non-governmental groups met the embassy.")) == {"embassy"}


def test_a_report_naming_the_bodys_people_keeps_it(lexicon: Lexicon) -> None:
    assert not _actor("Parliament rejected the bill.", "Lawmakers rejected the bill.", lexicon)
    assert not _actor("The embassy issued a warning.", "The ambassador warned.", lexicon)


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        ("Правительство выделило 5 миллиардов тенге фермерам.",
         "Kazakhstan allocated 5 billion tenge to farmers."),
        ("Парламент принял закон о выборах.", "Astana passed the election law."),
        ("The government allocated 5 billion tenge to farmers.",
         "Kazakhstan has allocated 5 billion tenge to farmers."),
        ("Министерство иностранных дел заявило протест.", "Moscow said it protested."),
    ],
)  # fmt: skip
def test_a_country_or_capital_that_acts_is_the_government(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    """News names a government by its country or capital (review13 K6)."""
    assert not _actor(statement, report, lexicon)


@pytest.mark.parametrize(
    "report",
    [
        "Farmers in Kazakhstan received 5 billion tenge.",  # a place, not who acts
        "Kazakhstan's farmers received 5 billion tenge.",  # a possessive
        "Farmers received 5 billion tenge, he said in Astana.",
    ],
)
def test_a_place_that_does_not_act_names_no_one(report: str, lexicon: Lexicon) -> None:
    found = _actor("The government allocated 5 billion tenge to farmers.", report, lexicon)
    assert found == [("omission", "government", "")]


def test_a_department_alone_is_no_ministry(lexicon: Lexicon) -> None:
    assert "ministry" not in actor_mentions("The department of emergencies evacuated 300 people.")
    assert "ministry" in actor_mentions("The State Department said so.")
    assert "ministry" in actor_mentions("The U.S. Defense Department set up a centre.")
    assert "ministry" in actor_mentions("The Department of Justice said so.")
    assert not _actor(
        "The department of emergencies evacuated 300 people.",
        "Rescuers evacuated 300 people.",
        lexicon,
    )
