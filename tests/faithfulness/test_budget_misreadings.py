"""False flags on faithful translations that were misreadings of the check (session 23,
fbudget23), in the project's own words: each faithful pair must give no strong issue of the
kind, and the unfaithful pair beside it still must.

* a negated ability (kk «-а алма-», ky «-а алба-», ru «не смог») is rendered by a negated
  modal ("cannot", "could not"), so it no longer takes a plain "could" or "may" that renders
  the source's hedge;
* "possibility" keeps an uncertain hedge as "possible" does;
* a phrase said twice with a content word between that leads on to different words is a
  parallel construction ("you can buy it in A, you can buy it in B"), not a loop.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of
from workbench.faithfulness import check_pairs
from workbench.faithfulness.surface import _WORDS, _all_repeats


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # «арыла алмай» "cannot get over" rendered "struggling"; "could" renders «мүмкін»
        ("kk", "Көп отбасы бұл қиындықтан арыла алмай жүр, ал жаңа салық оны ушықтыруы мүмкін.",
         "Many families are struggling with this hardship, and the new tax could make it worse."),
        # «қайтара алмауы мүмкін»: "may not" keeps the hedge and says no ability
        ("kk", "Салымшылар ақшасын қайтара алмауы мүмкін, ал үкімет салықты өсіруі ықтимал.",
         "Savers may not get their money back, and the government could raise the tax."),
        ("ky", "Көп үй-бүлө бул кыйынчылыктан чыга албай жатат, жаңы салык аны күчөтүшү мүмкүн.",
         "Many families are struggling with this hardship, and the new tax could make it worse."),
        ("ru", "Компания не смогла вернуть долг, и это, вероятно, приведёт к банкротству.",
         "The company failed to repay its debt, which could lead to bankruptcy."),
        # "possibility" renders «ықтимал»
        ("kk", "Таулы аймақта көшкін болуы ықтимал.",
         "There is a possibility of landslides in the mountains."),
    ],
)  # fmt: skip
def test_a_hedge_the_translation_keeps_is_not_dropped(
    src: str, source: str, translation: str
) -> None:
    assert not evidence_of(source, translation, src) & {"hedge", "hedge_weak"}


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # the negated ability rendered "cannot" takes it; nothing keeps «мүмкін»
        ("kk", "Олар үйге қайта алмауы мүмкін.", "They cannot return home."),
        ("ru", "Он, вероятно, не сможет приехать.", "He could not come."),
        # the positive ability still takes the "can" first
        ("kk", "Біз бұл мәселені жұмаға дейін шеше алатын сияқты.",
         "We can settle this by Friday."),
        # the adverb «возможно» dropped is a claim's hedge
        ("ru", "Возможно, полиция найдёт свидетелей.", "Police will find witnesses."),
    ],
)  # fmt: skip
def test_a_hedge_the_translation_drops_is_still_strong(
    src: str, source: str, translation: str
) -> None:
    assert "hedge" in evidence_of(source, translation, src)


def _repetition(source: str, translation: str, src: str) -> bool:
    (result,) = check_pairs([source], [translation], src)
    return any(i.kind == "repetition" for i in result.issues)


def test_a_parallel_construction_is_no_repetition() -> None:
    assert not _repetition(
        "Оны Алматыда да, Бішкекте де сатып алуға болады.",
        "You can buy it in Almaty, you can buy it in Bishkek.",
        "kk",
    )


@pytest.mark.parametrize(
    "translation",
    [
        # a loop: what follows the phrase is said again too
        "It was a good day it was a good day.",
        # "X and X": only a function word between
        "The team played well and the team played well.",
        # the tail said twice
        "You can buy it in Almaty, you can buy it in Almaty.",
        # a tail said twice that the end of the line cuts: nothing shows the words differ
        "Shops in the city are said to sell many of them said to sell many of them.",
    ],
)
def test_a_loop_is_still_a_repetition(translation: str) -> None:
    assert _repetition("Оны Алматыда сатып алуға болады.", translation, "kk")


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        # «терроризм» names no people: "people" elsewhere in the line is no stand-in for it
        ("ru", "Министр заявил, что борьба с терроризмом, унёсшая жизни тысяч людей, закончена.",
         "The minister said the long fight, which cost thousands of people their lives, is over."),
        ("kk", "Министр терроризмге қарсы күрес аяқталды деді, онда мыңдаған адам қаза тапты.",
         "The minister said the long fight, in which thousands of people died, is over."),
        # an activity («мародёрство») and an act («теракт») neither
        ("ru", "Мародёрство продолжалось два дня.", "People kept stealing for two days."),
        ("ru", "Теракт потряс город.", "The attack shook the people of the city."),
    ],
)  # fmt: skip
def test_a_label_of_no_people_is_not_neutralised_by_a_people_noun(
    src: str, source: str, translation: str
) -> None:
    keys = evidence_of(source, translation, src)
    assert "label" not in keys
    assert "label_weak" in keys  # still missing: no English label of its category


@pytest.mark.parametrize(
    ("src", "source", "translation"),
    [
        ("ru", "Бандиты напали на город.", "People attacked the city."),
        ("kk", "Террористер қалаға шабуыл жасады.", "Residents attacked the city."),
        ("ru", "Террористы захватили здание.", "Armed men seized the building."),
    ],
)
def test_a_label_of_people_neutralised_is_still_strong(
    src: str, source: str, translation: str
) -> None:
    assert "label" in evidence_of(source, translation, src)


def test_a_repeat_the_end_of_the_line_cuts_is_no_parallel_construction() -> None:
    # "to sell many boats" is said again after "hope" up to the line's end: no word shows that
    # the two occurrences lead on differently, so the span stays a candidate
    text = "Traders say they hope to sell many boats hope to sell many boats"
    tokens = list(_WORDS.finditer(text))
    spans = {text[a:b] for a, b in _all_repeats(tokens, 4)}
    assert "to sell many boats" in spans
    parallel = "Traders say they hope to sell the boats, hope to sell the cars today"
    tokens = list(_WORDS.finditer(parallel))
    assert not list(_all_repeats(tokens, 4))
