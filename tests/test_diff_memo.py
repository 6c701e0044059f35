"""The per-text caches of the diff stage (issue 9's speed): a remembered result must belong to
its own input — a distinct text, option or lexicon never reads another's entry — and a caller
changing the list it got changes nothing for the next caller."""

from __future__ import annotations

from pathlib import Path

from workbench.diff.lexicon import categories_in, find_concepts, find_labels, load_lexicon
from workbench.diff.markers import attribution_mentions, hedge_mentions
from workbench.diff.quantifiers import quantifier_mentions
from workbench.diff.text import per_text, tokenize
from workbench.diff.voice import quotations


def _lexicon(tmp_path: Path, name: str, category: str, terms: list[str]) -> object:
    path = tmp_path / f"{name}.toml"
    words = ", ".join(f'"{t}"' for t in terms)
    path.write_text(
        f'name = "{name}"\nversion = "1"\n\n[[categories]]\nname = "{category}"\n'
        f'loaded = true\nen = [{words}]\n\n[[concepts]]\nname = "{category}-concept"\n'
        f"en = [{words}]\n",
        encoding="utf-8",
    )
    return load_lexicon(path)


def test_per_text_keys_on_every_argument_and_hands_out_own_lists() -> None:
    calls: list[tuple[str, bool]] = []

    @per_text
    def upper_words(text: str, *, keep: bool = False) -> list[str]:
        calls.append((text, keep))
        return [w.upper() for w in text.split()] + (["KEEP"] if keep else [])

    assert upper_words("a b") == ["A", "B"]
    assert upper_words("c") == ["C"]  # a distinct text is not the first one's entry
    assert upper_words("a b", keep=True) == ["A", "B", "KEEP"]  # nor a distinct option
    first = upper_words("a b")
    first.append("changed")
    assert upper_words("a b") == ["A", "B"]  # the caller's change stays with the caller
    assert calls == [("a b", False), ("c", False), ("a b", True)]  # computed once each


def test_lexicon_matches_belong_to_their_lexicon_and_text(tmp_path: Path) -> None:
    bandits = _lexicon(tmp_path, "one", "criminal", ["bandit*"])
    rebels = _lexicon(tmp_path, "two", "rebel", ["rebel*", "bandits"])
    text = "The bandits and rebels left."
    one = find_labels(text, bandits)  # type: ignore[arg-type]
    two = find_labels(text, rebels)  # type: ignore[arg-type]
    assert [(h.term, h.category) for h in one] == [("bandit*", "criminal")]
    assert [(h.term, h.category) for h in two] == [("bandits", "rebel"), ("rebel*", "rebel")]
    assert find_labels("Rebels only.", bandits) == []  # type: ignore[arg-type]
    assert categories_in(text, bandits) == {"criminal"}  # type: ignore[arg-type]
    assert categories_in(text, rebels) == {"rebel"}  # type: ignore[arg-type]
    assert categories_in("No one here.", rebels) == set()  # type: ignore[arg-type]
    concepts = find_concepts(text, rebels)  # type: ignore[arg-type]
    assert {h.category for h in concepts} == {"rebel-concept"}  # concepts, not labels
    one.clear()
    cats = categories_in(text, bandits)  # type: ignore[arg-type]
    cats.add("extra")
    assert len(find_labels(text, bandits)) == 1  # type: ignore[arg-type]
    assert categories_in(text, bandits) == {"criminal"}  # type: ignore[arg-type]


def test_remembered_detectors_answer_for_each_text_and_option() -> None:
    a, b = "Some 40 people were hurt.", "All 40 people were hurt."
    assert [m.role for m in quantifier_mentions(a)] != [m.role for m in quantifier_mentions(b)]
    with_spans = quantifier_mentions(a)
    without = quantifier_mentions(a, with_spans=False)
    assert with_spans[0].span is not None and without[0].span is None
    assert [t.text for t in tokenize(a)] != [t.text for t in tokenize(b)]
    assert hedge_mentions('The so-called "experts" met.') != hedge_mentions("The experts met.")
    said = attribution_mentions("The minister said the talks failed.")
    assert said and attribution_mentions("The talks failed.") == []
    assert len(quotations('He said "no" twice.')) == 1 and quotations("He said no.") == []


def test_context_words_are_built_per_texts_and_lexicon(tmp_path: Path) -> None:
    from workbench.diff.salience import _known_of

    bandits = _lexicon(tmp_path, "one", "criminal", ["bandit*"])
    rebels = _lexicon(tmp_path, "two", "rebel", ["bandit*"])
    texts = ["Bandits attacked the town."]
    one = _known_of(texts, bandits)  # type: ignore[arg-type]
    assert _known_of(list(texts), bandits) is one  # type: ignore[arg-type]
    assert one.categories == {"criminal"}
    assert _known_of(texts, rebels).categories == {"rebel"}  # type: ignore[arg-type]
    other = _known_of(["Police left the city."], bandits)  # type: ignore[arg-type]
    assert "police" in other.raw and "police" not in one.raw
    assert _known_of([*texts, "Police left."], bandits).raw == one.raw | {"police", "left"}  # type: ignore[arg-type]


def test_pattern_search_over_texts_is_per_pattern_and_texts() -> None:
    import re

    from workbench.diff.text import any_match

    cause, other = re.compile(r"because"), re.compile(r"although")
    assert any_match(cause, ("a", "because b"))
    assert not any_match(other, ("a", "because b"))  # another pattern, same texts
    assert not any_match(cause, ("a", "b"))  # same pattern, other texts
    assert any_match(other, ("", "although"))


def test_names_are_read_per_text() -> None:
    from workbench.diff.entities import _capitalised_mid, _with_forms, find_names

    assert [m.text for m in find_names("then Tokayev met Putin.")] == ["Tokayev", "Putin"]
    assert [m.text for m in find_names("then Japarov met Mirziyoyev.")] == [
        "Japarov",
        "Mirziyoyev",
    ]
    first = find_names("then Tokayev met Putin.")
    assert isinstance(first[0].value, list)
    first[0].value.clear()  # type: ignore[attr-defined]  # a caller's change stays its own
    assert [t.text for t in find_names("then Tokayev met Putin.")[0].value] == ["Tokayev"]  # type: ignore[attr-defined]
    assert _capitalised_mid("He met Putin") != _capitalised_mid("He met Tokayev")
    assert {t.text for t in _with_forms("в Москве")} >= {"Moscow"}
    assert "Moscow" not in {t.text for t in _with_forms("в Астане")}


def test_counterparts_are_built_per_texts_source_and_lexicon(tmp_path: Path) -> None:
    from workbench.diff.paraphrase import counterparts

    one = _lexicon(tmp_path, "one", "criminal", ["bandit*"])
    two = _lexicon(tmp_path, "two", "rebel", ["bandit*"])
    fire = counterparts(["The fire spread."])
    assert counterparts(("The fire spread.",)) is fire
    assert counterparts(["The flood rose."]).words != fire.words
    assert counterparts(["The fire spread."], "пожар", "ru").rendered != fire.rendered
    assert counterparts(["Bandits fled."], lexicon=one).lexicon is one  # type: ignore[arg-type]
    assert counterparts(["Bandits fled."], lexicon=two).lexicon is two  # type: ignore[arg-type]


def test_load_lexicon_builds_a_file_once_and_anew_when_it_changes(tmp_path: Path) -> None:
    first = _lexicon(tmp_path, "memo", "terror", ["terrorists"])
    assert _lexicon(tmp_path, "memo", "terror", ["terrorists"]) is first  # same bytes: reused
    edited = _lexicon(tmp_path, "memo", "terror", ["bandits"])  # same path, new bytes
    assert edited is not first
    assert [t.term for t in edited.terms] == ["bandits"]
    assert [t.term for t in first.terms] == ["terrorists"]
    twin = tmp_path / "twin.toml"
    twin.write_bytes((tmp_path / "memo.toml").read_bytes())  # same bytes, another path
    other = load_lexicon(twin)
    assert other is not edited and other.path == str(twin)
    assert [h.term for h in find_labels("Bandits attacked.", other)] == ["bandits"]


def test_load_lexicon_reports_a_broken_file_every_time(tmp_path: Path) -> None:
    import pytest

    from workbench.diff.lexicon import LexiconError

    path = tmp_path / "broken.toml"
    path.write_text('name = "x"\nversion = "1"\n[[categories]]\nname = "a"\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LexiconError, match="loaded = true"):
            load_lexicon(path)
    path.write_text("name = [", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid TOML"):
        load_lexicon(path)
    with pytest.raises(LexiconError, match="Cannot read"):
        load_lexicon(tmp_path / "missing.toml")


def test_entity_words_are_remembered_per_text() -> None:
    from workbench.diff.entities import _with_forms, _Words, _words_of

    first = _words_of("Tokayev met Putin in Moscow.")
    assert _words_of("Tokayev met Putin in Moscow.") is first
    other = _words_of("Japarov spoke in Bishkek.")  # a distinct text is not the first's entry
    assert "Japarov" in other.texts and "Tokayev" not in other.texts
    fresh = _Words(_with_forms("Japarov spoke in Bishkek."))
    assert (other.texts, other.by_fold, other.fuzzy) == (fresh.texts, fresh.by_fold, fresh.fuzzy)


def test_turkic_stems_are_remembered_per_word_and_hand_out_own_sets() -> None:
    from workbench.diff.morph import turkic_stems

    first = turkic_stems("Қазақстанға")
    assert "қазақстан" in first
    first.add("changed")
    assert "changed" not in turkic_stems("Қазақстанға")  # a caller's change stays its own
    assert turkic_stems("ҚАЗАҚСТАНҒА") == turkic_stems("қазақстанға")  # lower-cased first
    assert "кыргызстан" in turkic_stems("Кыргызстандын")  # a distinct word, its own stems
    assert "қазақстан" not in turkic_stems("Кыргызстандын")
