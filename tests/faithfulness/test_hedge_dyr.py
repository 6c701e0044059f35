"""Kazakh and Kyrgyz "probably" as a verb ending: a participle + -дыр/-дір (kk барғандыр, ky
азайткандыр, көбөйткөндүр "probably did") and ky -мак + -тыр (басылмактыр "probably will").

An uncertain source hedge like мүмкін/мүмкүн: a translation that keeps it ("may have cut the
harvest") has no hedge the source lacks, and one that says it plainly ("cut the harvest")
dropped it.
Words that only end in these letters are left alone: «кандайдыр» "some", «кимдир» "someone",
«былтыр» "last year", «жатыр» (progressive), «келгендиктен» "because he came".
"""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs
from workbench.faithfulness.markers import _DROPPED_HEDGES


def _hedges(source: str, translation: str, src: str) -> list[tuple[float, str]]:
    (r,) = check_pairs([source], [translation], src)
    return [(i.severity, i.note) for i in r.issues if i.kind == "hedge"]


HEDGED = [
    ("ky", "Узак жамгыр түшүмдү азайткандыр.", "азайткандыр",
     "The long rain may have cut the harvest.", "The long rain cut the harvest."),
    ("ky", "Шаардын географиясы толкундун көлөмүн көбөйткөндүр.", "көбөйткөндүр",
     "The city's geography could have magnified the wave.",
     "The city's geography magnified the wave."),
    ("ky", "Бороон шаарга жетпей басылмактыр.", "басылмактыр",
     "The storm will probably die down before it reaches the city.",
     "The storm will die down before it reaches the city."),
    ("kk", "Ол кеше Алматыға барғандыр.", "барғандыр",
     "He probably went to Almaty yesterday.", "He went to Almaty yesterday."),
    ("kk", "Хат бүгін келгендір.", "келгендір", "The letter has probably arrived today.",
     "The letter has arrived today."),
]  # fmt: skip

NOT_HEDGES = [
    ("ky", "Полиция кандайдыр бир маалыматы барларды чакырды.", "Police appealed for anyone with information."),
    ("ky", "Кимдир бирөө эшикти ачты.", "Someone opened the door."),
    ("ky", "Былтыр мен Бишкекте болдум.", "Last year I was in Bishkek."),
    ("kk", "Фермер шошқаларға вакцина егуге дайындалып жатыр.", "A farmer prepares to vaccinate the pigs."),
    ("ky", "Ал кечээ келгендиктен, биз жолугуштук.", "Because he came yesterday, we met."),
    ("kk", "Ол кеше келгендіктен, біз кездестік.", "Because he came yesterday, we met."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "word", "kept", "plain"), HEDGED)
def test_the_ending_is_an_uncertain_source_hedge(
    src: str, source: str, word: str, kept: str, plain: str
) -> None:
    found = [m.group() for m in _DROPPED_HEDGES[src]["uncertain"].finditer(source)]
    assert found == [word]


@pytest.mark.parametrize(("src", "source", "word", "kept", "plain"), HEDGED)
def test_kept_it_is_no_issue_dropped_it_is_strong(
    src: str, source: str, word: str, kept: str, plain: str
) -> None:
    assert _hedges(source, kept, src) == []  # before: "may have" was a hedge the source lacks
    dropped = _hedges(source, plain, src)
    assert dropped and dropped[0][0] == 1.0 and word in dropped[0][1]


@pytest.mark.parametrize(("src", "source", "translation"), NOT_HEDGES)
def test_words_that_only_end_so_are_no_hedge(src: str, source: str, translation: str) -> None:
    assert not _DROPPED_HEDGES[src]["uncertain"].search(source)
    assert _hedges(source, translation, src) == []


def test_an_adverb_and_the_ending_are_one_hedge() -> None:
    # «Балким … баргандыр» says "perhaps" once: one English hedge keeps it
    source, translation = "Балким, ал кечээ Бишкекке баргандыр.", "Perhaps he went to Bishkek."
    assert _hedges(source, translation, "ky") == []
