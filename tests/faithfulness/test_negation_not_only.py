"""A source "not only" the translation says as a bare "only" is a negation lost.

«не только» (ru), «ғана емес» (kk), «гана эмес» (ky) are fixed phrases the negation count
reads on neither side; an English "not only" that lost its "not" ("it's just about the vote")
is found by :func:`workbench.faithfulness.markers._not_only_lost`: more source "not only"
phrases than English "not only" forms, and a bare English "only" beyond the source's own
"only" words. Translations that keep the negation, or render the phrase by "both … and",
"as well as", are left alone.
"""

from __future__ import annotations

import pytest

from tests.faithfulness.helpers import evidence_of
from workbench.faithfulness.markers import _not_only_lost

LOST = [
    ("ru", "Речь идёт не только о голосовании, но и о том, как с этим справляются.",
     "It's just about the vote, but also about how they handle it."),
    ("ru", "Зубы могли измельчать не только листья, но и ветки.",
     "The teeth could crush only leaves but also branches."),
    ("kk", "Бұл мәселе бізге ғана емес, бүкіл әлемге қатысты.",
     "This issue concerns only us, but the whole world."),
    ("ky", "Бул маселе биз үчүн гана эмес, бүткүл дүйнө үчүн маанилүү.",
     "This issue matters only to us, but to the whole world."),
    # the source's own "only" takes one English "only"; the second is the lost "not only"
    ("ru", "Это касается не только его, но и только её.", "It concerns only him and only her."),
]  # fmt: skip

KEPT = [
    ("ru", "Речь идёт не только о голосовании, но и о том, как с этим справляются.",
     "It's not just about the vote, but also about how they handle it."),
    ("ru", "Речь идёт не только о голосовании.", "It isn't merely about the vote."),
    ("ru", "Речь идёт не только о голосовании.", "It's just not about the vote."),
    ("ru", "Зубы могли измельчать не только листья, но и ветки.",
     "The teeth could crush both leaves and branches."),
    ("kk", "Бұл мәселе бізге ғана емес, бүкіл әлемге қатысты.",
     "This issue concerns us as well as the whole world."),
    ("ky", "Бул маселе биз үчүн гана эмес, бүткүл дүйнө үчүн маанилүү.",
     "This issue matters not only to us but to the whole world."),
    # a bare "only" that renders the source's own «только»
    ("ru", "Он пришёл только вечером, и не только он.", "He came only in the evening, as did others."),
    # no "not only" in the source
    ("ru", "Он пришёл только вечером.", "He came only in the evening."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), LOST)
def test_a_not_only_said_as_only_is_found(src: str, source: str, translation: str) -> None:
    found = _not_only_lost(source, translation, src)
    assert found is not None
    (a, b), (x, y) = found
    assert source[a:b].lower().split()[0] in ("не", "ғана", "гана")
    assert translation[x:y].lower() in ("only", "just")


@pytest.mark.parametrize(("src", "source", "translation"), LOST[:4])
def test_it_is_strong_negation_evidence(src: str, source: str, translation: str) -> None:
    keys = evidence_of(source, translation, src)
    assert "negation" in keys and "negation_weak" not in keys


@pytest.mark.parametrize(("src", "source", "translation"), KEPT)
def test_a_kept_or_rendered_not_only_is_no_issue(src: str, source: str, translation: str) -> None:
    assert _not_only_lost(source, translation, src) is None
    assert "negation" not in evidence_of(source, translation, src)


@pytest.mark.parametrize("src", ["kk", "ky", "ru"])
def test_empty_and_plain_text_give_nothing(src: str) -> None:
    assert _not_only_lost("", "", src) is None
    assert _not_only_lost("", "only this", src) is None
    assert _not_only_lost("Текст.", "", src) is None
