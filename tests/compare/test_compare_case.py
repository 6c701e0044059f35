"""The sample case end to end: what a reader of the seed article would point to.

No model is downloaded: the statements carry the project's human translations and the embedder
is the bundled e5-small.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from workbench.align import Embedder
from workbench.engines import create
from workbench.engines.base import Translator
from workbench.pipeline.compare import compare_case, joined_reports, report_of
from workbench.types import Alignment, Case, CaseComparison

pytestmark = pytest.mark.slow  # the session fixture embeds ~130 sentences once (a few seconds)


def _alignments(result: CaseComparison) -> list[Alignment]:
    return [a for dc in result.documents for a in dc.comparison.alignments]


def _aligned(result: CaseComparison, words: str) -> Alignment:
    found = [a for a in _alignments(result) if words in (a.statement.translation or "")]
    assert found, f"no report retells the statement containing {words!r}"
    return found[0]


def test_bandits_in_the_statement_are_protesters_in_the_report(
    sample_result: CaseComparison,
) -> None:
    al = _aligned(sample_result, "20,000 bandits")
    assert "20 тысяч бандитов" in al.statement.text
    framing = [d for d in al.differences if d.kind == "framing"]
    assert any(d.statement == "bandits" and "protesters" in d.report for d in framing), framing
    assert not any(d.kind == "number" for d in al.differences), "20 тысяч = 20,000 is no difference"


def test_the_hijacking_by_foreign_terrorists_is_distanced_and_hedged(
    sample_result: CaseComparison,
) -> None:
    al = _aligned(sample_result, "hijacked by terrorist groups")
    # "the government says" retells the government's own claim as the government's: the voice
    # does not move, so it is no attribution difference; "what it calls" distances the label.
    # The other outlet's "He accused terrorist groups ... of taking over" casts the statement's
    # assertion as an accusation: that one is an attribution difference.
    attributions = [d for d in al.differences if d.kind == "attribution"]
    assert [d.report for d in attributions] == ["He accused"], al.differences
    assert "as a claim (accused)" in attributions[0].note
    distancing = [d.report for d in al.differences if d.kind == "distancing"]
    assert "what it calls" in distancing, al.differences
    language = _aligned(sample_result, "language that was not Kazakh")
    hedges = [d.report for d in language.differences if d.kind == "certainty"]
    assert any("alleged" in h for h in hedges), language.differences


def test_the_death_toll_is_withdrawn_and_a_figure_left_out_disagrees_with_nothing(
    sample_result: CaseComparison,
) -> None:
    al = _aligned(sample_result, "164 people died")
    report = joined_reports(al)
    assert "164" in report and "disowned" in report
    # The local outlet retells the Almaty line without its 103: the pair flags the figure, the
    # case's "figures that disagree" do not list it (a figure on one side differs from nothing).
    almaty = _aligned(sample_result, "In Almaty 103 people died")
    assert any(d.kind == "number" and d.statement == "103" for d in almaty.differences)
    figures = {(f.statement, f.report) for f in sample_result.figures}
    assert all(s and r for s, r in figures), figures


def test_the_musician_is_named_in_statement_and_report(sample_result: CaseComparison) -> None:
    al = _aligned(sample_result, "Vikram Ruzakhunov, a respected musician")
    assert "Рузахунов" in al.statement.text
    assert any("Ruzakhunov" in r.text and "musician" in r.text for r in al.reports)
    assert any(d.kind in {"addition", "omission", "wording"} for d in al.differences)


def test_leftovers_on_both_sides(sample_result: CaseComparison) -> None:
    unmatched_st = [s for dc in sample_result.documents for s in dc.comparison.unmatched_statements]
    assert any(s.translation == "Order is being restored in Almaty." for s in unmatched_st)
    assert any("Magnum" in r.text for r in sample_result.unmatched_reports)
    matched = {r.index for a in _alignments(sample_result) for r in a.reports}
    assert matched.isdisjoint(r.index for r in sample_result.unmatched_reports)


def test_every_span_points_at_its_text(sample_result: CaseComparison) -> None:
    checked = 0
    for al in _alignments(sample_result):
        statement, report = al.statement.translation or al.statement.text, joined_reports(al)
        for d in al.differences:
            if d.statement_span:
                assert statement[slice(*d.statement_span)] == d.statement
            if d.report_span:
                assert report[slice(*d.report_span)] == d.report
            checked += 1
    assert checked >= 12  # the noise filters keep ~20 flags on the sample case; enough to check


def test_documents_split_the_pooled_comparison(
    sample_result: CaseComparison, sample_case: Case
) -> None:
    assert [dc.document_id for dc in sample_result.documents] == [
        d.id for d in sample_case.statements
    ]
    for dc in sample_result.documents:
        lines = next(d for d in sample_case.statements if d.id == dc.document_id).text.split("\n")
        got = len(dc.comparison.alignments) + len(dc.comparison.unmatched_statements)
        assert got == len(lines)
        assert all(a.statement.document_id == dc.document_id for a in dc.comparison.alignments)


def test_kind_counts_recount_the_differences(
    sample_result: CaseComparison, sample_case: Case
) -> None:
    types = {d.id: d.outlet_type.value for d in sample_case.documents}
    expected: Counter[tuple[str, str, str]] = Counter()
    for al in _alignments(sample_result):
        for d in al.differences:
            expected[(types[report_of(al, d).document_id], d.kind, "pair")] += 1
    for ref in sample_result.unmatched_reports:
        expected[(types[ref.document_id], "addition", "case")] += 1
    every_statement = [
        s.index
        for dc in sample_result.documents
        for s in [a.statement for a in dc.comparison.alignments]
        + list(dc.comparison.unmatched_statements)
    ]
    for outlet_type in ("foreign", "independent"):
        retold = {
            a.statement.index
            for a in _alignments(sample_result)
            if any(types[r.document_id] == outlet_type for r in a.reports)
        }
        expected[(outlet_type, "omission", "case")] += sum(
            1 for i in every_statement if i not in retold
        )
    got = Counter({(k.outlet_type, k.kind, k.scope): k.count for k in sample_result.kind_counts})
    assert got == expected
    assert got[("independent", "framing", "pair")] >= 1
    assert {k.outlet_type for k in sample_result.kind_counts} == {"foreign", "independent"}


def test_labels_by_outlet_type(sample_result: CaseComparison) -> None:
    uses = {(u.outlet_type, u.label): u for u in sample_result.label_uses}
    assert uses[("state", "bandits")].loaded
    assert uses[("state", "terrorist")].count >= 2
    assert not uses[("independent", "protesters")].loaded
    state = [u for u in sample_result.label_uses if u.outlet_type == "state"]
    assert state[0].loaded and state == sorted(state, key=lambda u: -u.count)


def test_signature_says_how_it_was_made(sample_result: CaseComparison) -> None:
    sig = sample_result.signature
    for part in ("tr:[supplied]", "emb:e5-small", "thr:", "lexicon:", "version:"):
        assert part in sig, sig
    assert sig.count("version:") == 1 and sig.endswith("|version:0.1.0")


def test_machine_translation_path_of_a_case(
    sample_result: CaseComparison, sample_case: Case, e5: Embedder, tmp_path: Path
) -> None:
    """translator_for replaces the supplied translations (here: the imported engine reading them
    back from a file, so the alignments must come out the same)."""
    tsv = tmp_path / "case.tsv"
    tsv.write_text(
        "".join(
            f"{s}\t{t}\n"
            for d in sample_case.statements
            for s, t in zip(d.text.split("\n"), (d.translation or "").split("\n"), strict=True)
        ),
        encoding="utf-8",
    )
    made: list[str] = []

    def translator_for(src: str) -> Translator:
        made.append(src)
        return create("imported", str(tsv), src)

    result = compare_case(sample_case, translator_for=translator_for, embedder=e5)
    assert made == [d.language for d in sample_case.statements]
    assert "engine:imported" in result.signature and "tr:[supplied]" not in result.signature
    pairs = {(a.statement.index, r.index) for a in _alignments(result) for r in a.reports}
    assert pairs == {
        (a.statement.index, r.index) for a in _alignments(sample_result) for r in a.reports
    }


def _reference_pairs(case: Case) -> set[tuple[str, str]]:
    """``(statement "doc:line", report sentence)`` pairs of the case's ``alignment.toml``."""
    import tomllib

    data = tomllib.loads((Path(case.path) / "alignment.toml").read_text(encoding="utf-8"))
    return {(st, p["sentence"]) for p in data["pairs"] for st in p["statements"]}


def _found_pairs(result: CaseComparison, case: Case) -> set[tuple[str, str]]:
    first: dict[str, int] = {}
    start = 0
    for d in case.statements:
        first[d.id] = start
        start += len(d.text.split("\n"))
    return {
        (
            f"{a.statement.document_id}:{a.statement.index - first[a.statement.document_id] + 1}",
            r.full_text,
        )
        for a in _alignments(result)
        for r in a.reports
    }


def test_alignment_against_the_reference_of_the_case(
    sample_result: CaseComparison, sample_case: Case
) -> None:
    """The case ships a reference alignment; the default aligner must be precise on it."""
    reference = _reference_pairs(sample_case)
    report_sentences = {
        r.full_text
        for d in sample_result.documents
        for a in d.comparison.alignments
        for r in a.reports
    }
    report_sentences |= {r.text for r in sample_result.unmatched_reports}
    assert {s for _, s in reference} <= report_sentences, (
        "reference names a sentence the segmenter cut differently"
    )
    found = _found_pairs(sample_result, sample_case)
    precision = len(found & reference) / len(found)
    recall = len(found & reference) / len(reference)
    print(
        f"sample case alignment: precision {precision:.2f}, recall {recall:.2f} ({len(found)} links)"
    )
    # Per-outlet alignment with clause units trades precision for recall on this small case
    # (P 0.93 / R 0.70 before, 0.81 / 0.81 with clauses, 0.78 / 0.78 with figure anchors,
    # 0.79 / 0.81 with word anchors, small cases cut whole and threshold 1.02, 0.775 / 0.84
    # (31 of 40 links) once the word lexicon was relearned split by document; docs/align.md):
    # both must stay balanced.
    assert precision >= 0.77
    assert recall >= 0.78
