"""compare_files: statements lined up against report text, small inputs, through the case of
the files (files_case, compare_case). tidy22 (issue 9): these tests ran compare_texts, a second
path from texts to a comparison that no product code called; it is removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.align import Embedder
from workbench.engines.base import Translator
from workbench.errors import UserInputError
from workbench.pipeline.compare import compare_files
from workbench.types import Comparison

STATEMENTS = [
    "На Алматы напали 20 тысяч бандитов.",
    "По данным Минздрава, погибли 164 человека.",
    "Врачи оказывают помощь раненым.",
]
TRANSLATIONS = [
    "Almaty was attacked by 20,000 bandits.",
    "According to the Health Ministry, 164 people died.",
    "Doctors are treating the wounded.",
]
REPORT = (
    "The national football team lost its match on Tuesday evening. "
    "The president claimed that 20,000 protesters had stormed Almaty. "
    "The Health Ministry allegedly said 103 people died."
)


def _compare(
    folder: Path,
    statements: list[str],
    report: str,
    translations: list[str] | None = None,
    **options: object,
) -> Comparison:
    """compare_files on files of ``statements`` (Russian), ``report`` and ``translations``."""
    st, rep, tr = folder / "st.txt", folder / "rep.txt", folder / "tr.txt"
    st.write_text("\n".join(statements) + "\n", "utf-8")
    rep.write_text(report, "utf-8")
    if translations is not None:
        tr.write_text("\n".join(translations) + "\n", "utf-8")
    given = tr if translations is not None else None
    return compare_files(st, rep, src="ru", translations=given, **options)  # type: ignore[arg-type]


def test_supplied_translations(tmp_path: Path, e5: Embedder) -> None:
    c = _compare(tmp_path, STATEMENTS, REPORT, TRANSLATIONS, embedder=e5)
    by_statement = {a.statement.index: a for a in c.alignments}
    assert by_statement[0].reports[0].text.startswith("The president claimed")
    assert by_statement[0].statement.translation == TRANSLATIONS[0]
    kinds0 = {d.kind for d in by_statement[0].differences}
    # "The president claimed" retells the state's statement in the state's voice: no attribution
    assert "framing" in kinds0 and "attribution" not in kinds0
    numbers = [(d.statement, d.report) for d in by_statement[1].differences if d.kind == "number"]
    assert ("164", "103") in numbers
    assert [s.index for s in c.unmatched_statements] == [2]
    assert [r.index for r in c.unmatched_reports] == [0]
    assert c.signature.startswith("compare|tr:[supplied]|align:")


class _Dictionary(Translator):
    """A test double: 'translates' by looking sentences up in a dictionary."""

    engine_name = "dictionary"
    backend = "test"

    def _translate_batch(self, texts: list[str]) -> list[str]:
        table = dict(zip(STATEMENTS, TRANSLATIONS, strict=True))
        return [table[t] for t in texts]


def test_translator_is_used_when_no_translations_are_given(tmp_path: Path, e5: Embedder) -> None:
    tr = _Dictionary("dict", "ru")
    c = _compare(tmp_path, STATEMENTS, REPORT, translator=tr, embedder=e5)
    assert {a.statement.translation for a in c.alignments} <= set(TRANSLATIONS)
    assert "engine:dictionary" in c.signature


def test_without_translation_aligns_across_languages_and_skips_the_token_diff(
    tmp_path: Path, e5: Embedder
) -> None:
    c = _compare(tmp_path, STATEMENTS, REPORT, embedder=e5)
    assert c.alignments, "cross-lingual embeddings should still line up the bandits sentence"
    for a in c.alignments:
        assert a.statement.translation is None
        assert not {d.kind for d in a.differences} & {"wording", "omission", "addition"}
    assert "tr:[none]" in c.signature


def test_without_translation_the_cross_lingual_detectors_read_the_original(
    tmp_path: Path, e5: Embedder
) -> None:
    statements = [
        "Мы должны обеспечить безопасность жителей затопленных сёл.",
        "Режим чрезвычайной ситуации объявлен в трёх областях.",
    ]
    report = (
        "The government will ensure the safety of residents of the flooded villages. "
        "An emergency was declared in three regions amid protests over the slow evacuation."
    )
    c = _compare(tmp_path, statements, report, embedder=e5)
    by_statement = {a.statement.index: a for a in c.alignments}
    assert set(by_statement) == {0, 1}, c.alignments
    pledge = [d for d in by_statement[0].differences if "modality" in d.note]
    assert [(d.kind, d.statement, d.report) for d in pledge] == [("certainty", "должны", "will")]
    cause = [d for d in by_statement[1].differences if d.kind == "addition"]
    assert [d.report for d in cause] == ["amid protests over the slow evacuation"]


def test_blank_lines_keep_line_numbers(tmp_path: Path, e5: Embedder) -> None:
    lines = [STATEMENTS[0], "", STATEMENTS[1]]
    trs = [TRANSLATIONS[0], "", TRANSLATIONS[1]]
    report = "  \nThe president claimed that 20,000 protesters stormed Almaty.\n"
    c = _compare(tmp_path, lines, report, trs, embedder=e5)
    indices = sorted(
        [a.statement.index for a in c.alignments] + [s.index for s in c.unmatched_statements]
    )
    assert indices == [0, 2]
    assert [r.index for a in c.alignments for r in a.reports] == [0]


@pytest.mark.parametrize(
    ("statements", "report", "translations", "expected"),
    [
        (["", " "], REPORT, None, r"statements file .*st\.txt is empty"),
        (STATEMENTS, "  \n ", None, r"reporting file .*rep\.txt is empty"),
        (STATEMENTS, REPORT, TRANSLATIONS[:2], r"tr\.txt has 2 lines but .*st\.txt has 3"),
    ],
)
def test_bad_input_is_one_clear_error(
    tmp_path: Path,
    e5: Embedder,
    statements: list[str],
    report: str,
    translations: list[str] | None,
    expected: str,
) -> None:
    with pytest.raises(UserInputError, match=expected):
        _compare(tmp_path, statements, report, translations, embedder=e5)


def test_compare_files_reads_translations_from_a_jsonl_statement_file(
    tmp_path: Path, e5: Embedder
) -> None:
    import json

    st = tmp_path / "st.jsonl"
    st.write_text(
        "".join(
            json.dumps({"text": s, "translation": t}, ensure_ascii=False) + "\n"
            for s, t in zip(STATEMENTS, TRANSLATIONS, strict=True)
        ),
        encoding="utf-8",
    )
    rep = tmp_path / "rep.txt"
    rep.write_text(REPORT, encoding="utf-8")
    c = compare_files(st, rep, src="ru", embedder=e5)
    assert c.alignments[0].statement.translation == TRANSLATIONS[0]
    bad = tmp_path / "tr.txt"
    bad.write_text("one\ntwo\n", encoding="utf-8")
    with pytest.raises(UserInputError, match=r"tr\.txt has 2 lines but .*st\.jsonl has 3"):
        compare_files(st, rep, src="ru", translations=bad, embedder=e5)


def test_an_empty_reporting_is_refused_before_the_statements_are_translated(
    tmp_path: Path, e5: Embedder
) -> None:
    """The statements were machine-translated first and the empty reporting found after (a
    long wait for nothing); the file was not named, as an empty statements file is (review18)."""

    class Counting(_Dictionary):
        calls = 0

        def _translate_batch(self, texts: list[str]) -> list[str]:
            Counting.calls += 1
            return super()._translate_batch(texts)

    tr = Counting("dict", "ru")
    with pytest.raises(UserInputError) as err:
        _compare(tmp_path, STATEMENTS, "\n \n", translator=tr, embedder=e5)
    reporting = tmp_path / "rep.txt"
    assert str(err.value) == f"The reporting file {reporting} is empty; give English report text."
    assert Counting.calls == 0
    _compare(tmp_path, STATEMENTS, REPORT, translator=tr, embedder=e5)
    assert Counting.calls > 0  # the double does count
