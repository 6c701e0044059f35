"""compare_texts and compare_files: statements lined up against report text, small inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.align import Embedder
from workbench.engines.base import Translator
from workbench.errors import UserInputError
from workbench.pipeline.compare import compare_files, compare_texts

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


def test_supplied_translations(e5: Embedder) -> None:
    c = compare_texts(STATEMENTS, REPORT, src="ru", translations=TRANSLATIONS, embedder=e5)
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


def test_translator_is_used_when_no_translations_are_given(e5: Embedder) -> None:
    tr = _Dictionary("dict", "ru")
    c = compare_texts("\n".join(STATEMENTS), REPORT, src="ru", translator=tr, embedder=e5)
    assert {a.statement.translation for a in c.alignments} <= set(TRANSLATIONS)
    assert "engine:dictionary" in c.signature


def test_without_translation_aligns_across_languages_and_skips_the_token_diff(e5: Embedder) -> None:
    c = compare_texts(STATEMENTS, REPORT, src="ru", embedder=e5)
    assert c.alignments, "cross-lingual embeddings should still line up the bandits sentence"
    for a in c.alignments:
        assert a.statement.translation is None
        assert not {d.kind for d in a.differences} & {"wording", "omission", "addition"}
    assert "tr:[none]" in c.signature


def test_without_translation_the_cross_lingual_detectors_read_the_original(e5: Embedder) -> None:
    statements = [
        "Мы должны обеспечить безопасность жителей затопленных сёл.",
        "Режим чрезвычайной ситуации объявлен в трёх областях.",
    ]
    report = (
        "The government will ensure the safety of residents of the flooded villages. "
        "An emergency was declared in three regions amid protests over the slow evacuation."
    )
    c = compare_texts(statements, report, src="ru", embedder=e5)
    by_statement = {a.statement.index: a for a in c.alignments}
    assert set(by_statement) == {0, 1}, c.alignments
    pledge = [d for d in by_statement[0].differences if "modality" in d.note]
    assert [(d.kind, d.statement, d.report) for d in pledge] == [("certainty", "должны", "will")]
    cause = [d for d in by_statement[1].differences if d.kind == "addition"]
    assert [d.report for d in cause] == ["amid protests over the slow evacuation"]


def test_report_given_as_sentences_and_blank_lines_keep_line_numbers(e5: Embedder) -> None:
    lines = [STATEMENTS[0], "", STATEMENTS[1]]
    trs = [TRANSLATIONS[0], "", TRANSLATIONS[1]]
    c = compare_texts(
        lines,
        ["  ", "The president claimed that 20,000 protesters stormed Almaty."],
        src="ru",
        translations=trs,
        embedder=e5,
    )
    indices = sorted(
        [a.statement.index for a in c.alignments] + [s.index for s in c.unmatched_statements]
    )
    assert indices == [0, 2]
    assert [r.index for a in c.alignments for r in a.reports] == [0]


@pytest.mark.parametrize(
    ("statements", "report", "translations", "expected"),
    [
        (["", " "], REPORT, None, "statements are empty"),
        (STATEMENTS, "  \n ", None, "reporting is empty"),
        (
            STATEMENTS,
            REPORT,
            TRANSLATIONS[:2],
            "translations have 2 lines but the statements have 3",
        ),
    ],
)
def test_bad_input_is_one_clear_error(
    e5: Embedder, statements: list[str], report: str, translations: list[str] | None, expected: str
) -> None:
    with pytest.raises(UserInputError, match=expected):
        compare_texts(statements, report, src="ru", translations=translations, embedder=e5)


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
    with pytest.raises(UserInputError, match="reporting is empty"):
        compare_texts(STATEMENTS, " \n", src="ru", translator=tr, embedder=e5)
    assert Counting.calls == 0
    compare_texts(STATEMENTS, REPORT, src="ru", translator=tr, embedder=e5)
    assert Counting.calls > 0  # the double does count
    statements, reporting = tmp_path / "st.txt", tmp_path / "report.txt"
    statements.write_text("\n".join(STATEMENTS), "utf-8")
    reporting.write_text("\n \n", "utf-8")
    with pytest.raises(UserInputError) as err:
        compare_files(statements, reporting, src="ru", embedder=e5)
    assert str(err.value) == f"The reporting file {reporting} is empty; give English report text."
