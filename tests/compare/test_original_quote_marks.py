"""A translation's quotation marks that carry over the kk/ky/ru original's («…» set off terms and
names there) are no distancing the report drops; a distancing word, or marks the original does
not have, still are."""

from __future__ import annotations

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
