"""Clause splitting: offsets, the four languages, quotations, bounds and bad arguments."""

from __future__ import annotations

import pytest

from workbench.align.clauses import CLAUSE_WORDS, split_clauses


def _texts(text: str, **options: int) -> list[str]:
    clauses = split_clauses(text, **options)
    for c in clauses:
        assert text[c.start : c.end] == c.text  # offsets point at the clause
        assert c.span == (c.start, c.end)
    return [c.text for c in clauses]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokayev said they followed a clear plan and took orders from a single command centre.",
            [
                "Tokayev said they followed a clear plan",
                "and took orders from a single command centre.",
            ],
        ),
        (
            "Президент заявил, что на Алматы напали двадцать тысяч бандитов, а власти сообщили, "
            "что погибли 164 человека.",
            [
                "Президент заявил, что на Алматы напали двадцать тысяч бандитов",
                "а власти сообщили, что погибли 164 человека.",
            ],
        ),
        (
            "Елімізге 20 мың бандит шабуыл жасады, олардың көпшілігі шетелден келген деп мәлімдеді.",
            [
                "Елімізге 20 мың бандит шабуыл жасады",
                "олардың көпшілігі шетелден келген деп мәлімдеді.",
            ],
        ),
        (
            "Алматыга 20 миң бандит кол салды, бирок алардын көбү чет өлкөдөн келген деп билдирди.",
            [
                "Алматыга 20 миң бандит кол салды",
                "бирок алардын көбү чет өлкөдөн келген деп билдирди.",
            ],
        ),
        (
            "Officials said 164 people died. Among them were 103 people in Almaty, the ministry added.",
            [
                "Officials said 164 people died.",
                "Among them were 103 people in Almaty, the ministry added.",
            ],
        ),
    ],
    ids=["en-and", "ru-comma-a", "kk-comma", "ky-birok", "two-sentences"],
)
def test_clauses_in_four_languages(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_a_short_piece_joins_its_neighbour() -> None:
    # "The talks failed" has three words: below min_words, so it stays with the next clause.
    assert _texts("The talks failed; both sides blamed each other for the collapse.") == []
    assert _texts("The talks failed; both sides blamed each other.", min_words=3) == [
        "The talks failed",
        "both sides blamed each other.",
    ]


def test_a_list_is_not_cut_into_clauses() -> None:
    assert _texts("Riots, looting and arson hit the city.") == []
    assert _texts("Беспорядки, грабежи и поджоги охватили город.") == []


def test_a_quotation_is_never_cut_inside() -> None:
    text = (
        "The president said: «We will destroy the bandits who attacked Almaty» — a phrase "
        "repeated on state TV, which then showed the detainee."
    )
    clauses = _texts(text)
    assert clauses[0].endswith("who attacked Almaty»")
    assert not any(c.startswith("who") for c in clauses)
    quoted = (
        'He called them "bandits, who were trained abroad and paid" and said order was restored.'
    )
    assert all(c.count('"') in (0, 2) for c in _texts(quoted))


def test_that_and_which_start_a_clause_without_a_comma() -> None:
    text = (
        "He also alleged that many of them had come from abroad and that some did not speak Kazakh."
    )
    assert _texts(text) == [
        "He also alleged that many of them had come from abroad",
        "and that some did not speak Kazakh.",
    ]


def test_the_number_of_clauses_is_bounded() -> None:
    text = ", ".join(f"clause number {i} has five words" for i in range(50)) + "."
    assert len(_texts(text)) == 4
    assert len(_texts(text, max_clauses=2)) == 2
    assert _texts(text, max_clauses=1) == []  # one clause: the sentence is the only unit


@pytest.mark.parametrize("text", ["", "   ", "Yes.", "Short one, two.", "«»", ",,,;;;"])
def test_texts_without_two_clauses_give_none(text: str) -> None:
    assert split_clauses(text) == ()


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        split_clauses("a b c d, e f g h", min_words=0)
    with pytest.raises(ValueError, match="at least 1"):
        split_clauses("a b c d, e f g h", max_clauses=0)


def test_clause_words_cover_every_language() -> None:
    for word in ("which", "который", "бірақ", "бирок", "деп"):
        assert word in CLAUSE_WORDS


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday the ministry said 103 people had died in the unrest, according to a government "
        "Telegram channel.",
        "По словам министра здравоохранения, в столкновениях погибли сто шестьдесят четыре человека.",
        "Министрдің сөзінше, қақтығыстарда жүз алпыс төрт адам қаза тапты.",
    ],
    ids=["en", "ru", "kk"],
)
def test_a_speaker_frame_stays_with_the_claim_it_frames(text: str) -> None:
    assert split_clauses(text) == ()  # "according to …" alone is no clause


def test_a_statement_with_a_translation_is_cut_through_its_translation_only() -> None:
    from workbench.align.units import statement_clauses
    from workbench.types import StatementRef

    original = "Вода поднялась ночью, и жителей эвакуировали утром."
    english = "The water rose at night, and residents were evacuated in the morning."
    with_tr = statement_clauses([StatementRef(0, original, english)], 3, 4)
    without = statement_clauses([StatementRef(0, original)], 3, 4)
    assert {view for _, view, _ in with_tr} == {"translation"}
    assert {view for _, view, _ in without} == {"original"}
    assert len(with_tr) >= 2 and len(without) >= 2


def _reference_split(text: str, min_words: int, max_clauses: int) -> list[tuple[int, int]]:
    """The list-and-scan joining that :func:`workbench.clauses._join_short` replaced (a scan of
    every piece per join, quadratic on "a, a, a, …"): the two must agree on every text."""
    from workbench import clauses

    pieces = clauses._pieces(text)
    counts = [clauses._weight(text[a:b]) for a, b in pieces]
    while len(pieces) > 1:
        short = min(range(len(pieces)), key=lambda i: (counts[i], pieces[i][1] - pieces[i][0]))
        if counts[short] >= min_words and len(pieces) <= max_clauses:
            break
        pieces, joined = clauses._join(pieces, short)
        a, b = pieces[joined]
        counts[joined : joined + 2] = [clauses._weight(text[a:b])]
    return pieces if len(pieces) > 1 else []


def test_heap_joining_cuts_as_the_list_scan_did() -> None:
    import random

    words = ["a", "said", "that", ",", ";", '"x y"', "«а б»", "and", "but", "which", "что", "и",
             "—", ".", "officials", "the", "President", "“q”", "longerword", ":"]  # fmt: skip
    rng = random.Random(7)
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        mw, mc = rng.randint(1, 6), rng.randint(1, 6)
        got = [c.span for c in split_clauses(text, min_words=mw, max_clauses=mc)]
        assert got == _reference_split(text, mw, mc), (text, mw, mc)


def test_a_cut_inside_a_quote_among_many_quotes_is_dropped() -> None:
    # the bisection finds the one quote that can hold a point, wherever it is in a long line
    text = '"a" ' * 300 + '"he said, and that was all" ' + '"b" ' * 300 + "and then they left."
    cuts = [c.start for c in split_clauses(text, min_words=1, max_clauses=10_000)]
    quote = text.index('"he said')
    assert not any(quote < p < quote + len('"he said, and that was all"') - 1 for p in cuts)
    assert text.index("and then") in cuts


# --- session 21 (align21): a report sentence is also cut before "amid" ----------------------

AMID = "The minister said the ferry tried to dock at Aktau amid strong winds over the Caspian."


def test_a_report_sentence_is_cut_before_amid() -> None:
    from workbench.align.clauses import split_report_clauses

    clauses = split_report_clauses(AMID)
    assert [c.text for c in clauses] == [
        "The minister said the ferry tried to dock at Aktau",
        "amid strong winds over the Caspian.",
    ]
    assert all(AMID[c.start : c.end] == c.text for c in clauses)


def test_amid_is_no_cut_of_the_shared_cutter() -> None:
    """Statements and their translations are cut as the faithfulness stage cuts them (the audit
    reuses the aligner's clause vectors): "amid" is no clause word there."""
    from workbench.align.units import statement_clauses
    from workbench.types import StatementRef

    assert "amid" not in CLAUSE_WORDS
    assert split_clauses(AMID) == ()
    assert statement_clauses([StatementRef(0, "Текст.", AMID)], 4, 4) == []


def test_amid_is_not_cut_inside_a_quote_nor_into_a_short_piece() -> None:
    from workbench.align.clauses import split_report_clauses

    quoted = 'He said the ferry "tried to dock at Aktau amid strong winds" and then it turned back.'
    assert all(not c.text.startswith("amid") for c in split_report_clauses(quoted))
    # "amid the fog." is under min_words: it stays with the clause before it
    assert split_report_clauses("The ferry tried to dock at Aktau amid the fog.") == ()
    # the word, not a part of one: "pyramid" and "amidst" are no cut
    assert split_report_clauses("They built a pyramid of evidence amidst many doubts today.") == ()


@pytest.mark.parametrize(
    "extra",
    ["amid", frozenset({"Amid"}), frozenset({""})],
    ids=["one-string", "capitalised", "empty-word"],
)
def test_bad_extra_words_are_refused(extra: object) -> None:
    with pytest.raises(ValueError, match="lower-case words"):
        split_clauses(AMID, extra_words=extra)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 1"):
        from workbench.align.clauses import split_report_clauses

        split_report_clauses(AMID, min_words=0)
