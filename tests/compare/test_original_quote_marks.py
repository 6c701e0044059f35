"""A translation's quotation marks that carry over the kk/ky/ru original's («…» set off terms and
names there) are no distancing the report drops; a distancing word, or marks the original does
not have, still are."""

from __future__ import annotations

import pytest

from workbench.pipeline.compare import fill_differences, load_lexicon, original_quote_marks
from workbench.types import Alignment, Comparison, Difference, ReportRef, StatementRef

REPORT = "The council approved the pilot scheme for rural clinics."


def _distancing(original: str, translation: str, report: str = REPORT) -> list[str]:
    st = StatementRef(0, original, translation, "doc")
    al = Alignment(st, (ReportRef(0, report, "wire"),), 1.2)
    filled = fill_differences(Comparison("s", (al,), (), ()), load_lexicon(), "ru")
    return [d.statement for d in filled.alignments[0].differences if d.kind == "distancing"]


def test_the_originals_quoted_term_carried_into_the_translation_is_no_distancing() -> None:
    original = "Совет одобрил «пилотную схему» для сельских клиник."
    assert _distancing(original, "The council approved the 'pilot scheme' for rural clinics.") == []


def test_marks_only_the_translation_has_stay_a_difference() -> None:
    original = "Совет одобрил пилотную схему для сельских клиник."
    found = _distancing(original, "The council approved the 'pilot scheme' for rural clinics.")
    assert found and found[0].startswith("'")


def test_the_rule_reads_only_a_statement_side_quote_of_a_translated_cyrillic_line() -> None:
    quoted = StatementRef(0, "Совет одобрил «схему».", "The council approved the 'scheme'.", "d")
    plain = StatementRef(0, "Совет одобрил схему.", "The council approved the 'scheme'.", "d")
    untranslated = StatementRef(0, "Совет одобрил «схему».", None, "d")

    def d(statement: str, report: str = "") -> Difference:
        s_span = (0, len(statement)) if statement else None
        r_span = (0, len(report)) if report else None
        return Difference("distancing", statement, report, s_span, r_span, "hedge:distancing")

    assert original_quote_marks(d("'scheme'"), quoted)
    assert not original_quote_marks(d("'scheme'"), plain)  # the original has no marks
    assert not original_quote_marks(d("'scheme'"), untranslated)  # no translation
    assert not original_quote_marks(d("so-called"), quoted)  # a distancing word
    assert not original_quote_marks(d("", "'scheme'"), quoted)  # the report's own marks
    other = Difference("certainty", "'scheme'", "", (0, 8), None, "hedge:opinion")
    assert not original_quote_marks(other, quoted)


#: review18 F3: the original quotes a law's name, the translation also sets another phrase in
#: scare quotes, and the report drops those: the original quoting something else excuses nothing.
OTHER_SPAN = [
    ("ru",
     "Министерство поддержало закон «Об иностранных представителях», который правозащитники "
     "назвали угрозой для гражданского общества.",
     'The ministry backed the law "On Foreign Representatives", which rights groups called a '
     '"threat" to civil society.'),
    ("ky",
     "Министрлик «Чет элдик өкүлдөр жөнүндө» мыйзамды колдоду, укук коргоочулар аны жарандык "
     "коомго коркунуч деп атады.",
     'The ministry backed the law "On Foreign Representatives"; rights groups called it a '
     '"threat" to civil society.'),
]  # fmt: skip
PLAIN_REPORT = (
    "The ministry backed the law on foreign representatives, which rights groups called a "
    "threat to civil society."
)


def _distancing_in(src: str, original: str, translation: str, report: str) -> list[str]:
    st = StatementRef(0, original, translation, "doc")
    al = Alignment(st, (ReportRef(0, report, "wire"),), 1.2)
    filled = fill_differences(Comparison("s", (al,), (), ()), load_lexicon(), src)
    return [d.statement for d in filled.alignments[0].differences if d.kind == "distancing"]


@pytest.mark.parametrize(("src", "original", "translation"), OTHER_SPAN)
def test_marks_around_words_the_original_does_not_quote_stay_a_difference(
    src: str, original: str, translation: str
) -> None:
    assert _distancing_in(src, original, translation, PLAIN_REPORT) == ['"threat"']


def test_the_same_words_quoted_in_the_original_are_excused_beside_another_quotation() -> None:
    original = (
        "Министерство поддержало закон «Об иностранных представителях», который правозащитники "
        "назвали «угрозой» для гражданского общества."
    )
    translation = OTHER_SPAN[0][2]
    assert _distancing_in("ru", original, translation, PLAIN_REPORT) == []


def test_a_term_the_word_lexicon_does_not_know_is_matched_by_its_place() -> None:
    """«аутрич» → "outreach": no lexicon path, one quotation on each side: the same one; with a
    second quotation in the translation only, place cannot say which it is."""
    original = "Министр провёл встречу в формате «аутрич» с партнёрами."
    one = 'The minister held a meeting in the "outreach" format with partners.'
    report = "The minister held an outreach meeting with partners."
    assert _distancing_in("ru", original, one, report) == []
    two = 'The minister held a "frank" meeting in the "outreach" format with partners.'
    assert _distancing_in("ru", original, two, report) == ['"frank"', '"outreach"']
