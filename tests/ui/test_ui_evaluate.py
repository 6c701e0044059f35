"""Evaluate-tab handlers: real sacreBLEU scores on a slice of FLORES-200 dev and tiny files."""

from __future__ import annotations

from pathlib import Path

import pytest
import sacrebleu

from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.ui.context import UIContext
from workbench.ui.handlers import evaluate as h

REFS = ["The cat sat on the mat.", "It rained all day in Almaty.", "Prices rose by 20 percent."]
SYS_A = [
    "The cat sat on a mat.",
    "It rained the whole day in Almaty.",
    "Prices went up 20 percent.",
]
SYS_B = ["A cat is on the mat.", "Rain all day Almaty.", "Prices rose by 20 percent."]


def _write(tmp_path: Path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def state(tmp_path: Path, settings: Settings) -> h.EvaluateState:
    return h.evaluate(
        UIContext(settings),
        _write(tmp_path, "ref.txt", REFS),
        [_write(tmp_path, "a.txt", SYS_A), _write(tmp_path, "b.txt", SYS_B)],
        metrics=["bleu", "chrf"],
        significance="paired bootstrap",
    )


def test_metric_table_matches_sacrebleu_and_has_significance(state: h.EvaluateState) -> None:
    rows = h.metric_rows(state)
    assert [(r[0], r[1]) for r in rows] == [
        ("a.txt", "bleu"),
        ("a.txt", "chrf"),
        ("b.txt", "bleu"),
        ("b.txt", "chrf"),
    ]
    expected = sacrebleu.corpus_bleu(SYS_B, [REFS]).score
    assert rows[2][2] == round(expected, 2)
    assert rows[2][5].startswith("BLEU|") and "version:" in rows[2][5]
    assert rows[0][4] == "baseline"
    assert 0.0 <= float(rows[2][4]) <= 1.0 and "–" in rows[2][3]


def test_segment_table_filters_and_sorts(state: h.EvaluateState) -> None:
    headers, rows = h.segment_table(state, "chrf")
    assert headers == [
        "#",
        "Reference",
        "a.txt",
        "chrf · a.txt",
        "b.txt",
        "chrf · b.txt",
        "Δ last − first",
    ]
    assert [r[0] for r in rows] == [1, 2, 3]
    expected = sacrebleu.sentence_chrf(SYS_B[2], [REFS[2]]).score
    assert rows[2][5] == round(expected, 2)
    assert [r[0] for r in h.segment_table(state, "chrf", "almaty")[1]] == [2]
    worst = h.segment_table(state, "chrf", order="worst first")[1]
    assert min(worst[0][3], worst[0][5]) == min(min(r[3], r[5]) for r in rows)
    biggest = h.segment_table(state, "chrf", order="largest difference first")[1]
    assert abs(biggest[0][-1]) == max(abs(r[-1]) for r in rows)
    bars, points = h.plot_data(state, "chrf")
    assert [b["system"] for b in bars] == ["a.txt", "b.txt"] and len(points) == 6


def test_report_download(state: h.EvaluateState, settings: Settings) -> None:
    path = h.export_report(UIContext(settings), state)
    assert path.suffix == ".html" and "a.txt" in path.read_text(encoding="utf-8")


def test_translations_from_the_translate_tab_are_scored(tmp_path: Path, settings: Settings) -> None:
    from workbench.types import Translation
    from workbench.ui.handlers.translate import SystemResult, TranslateResult

    made = TranslateResult(
        "ru",
        ("a", "b", "c"),
        (
            SystemResult(
                "mt", "opus-mt", "/m", "sig", tuple(Translation(s, s, "sig") for s in SYS_A)
            ),
        ),
    )
    got = h.evaluate(
        UIContext(settings), _write(tmp_path, "ref.txt", REFS), [], made, True, ["bleu"], "none"
    )
    assert got.systems[0].name == "mt"
    assert got.systems[0].scores[0].score == pytest.approx(
        sacrebleu.corpus_bleu(SYS_A, [REFS]).score
    )


def test_user_errors(tmp_path: Path, settings: Settings) -> None:
    ctx = UIContext(settings)
    ref = _write(tmp_path, "ref.txt", REFS)
    with pytest.raises(UserInputError, match="reference"):
        h.evaluate(ctx, None, [ref])
    with pytest.raises(UserInputError, match="at least one system"):
        h.evaluate(ctx, ref, [])
    with pytest.raises(UserInputError, match="no translations yet"):
        h.evaluate(ctx, ref, [], None, True)
    with pytest.raises(UserInputError, match="two systems"):
        h.evaluate(ctx, ref, [_write(tmp_path, "a.txt", SYS_A)], significance="paired bootstrap")
    with pytest.raises(UserInputError):
        h.evaluate(ctx, ref, [_write(tmp_path, "short.txt", SYS_A[:2])], significance="none")
