"""Evaluate tab: the faithfulness column and "flagged first", through the tab's own handlers."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.types import Sentence, SentenceTranslation, Translation
from workbench.ui.context import UIContext
from workbench.ui.handlers import evaluate as h
from workbench.ui.handlers import faithfulness as f
from workbench.ui.handlers.translate import SystemResult, TranslateResult

SOURCE = [
    "Токаев заявил, что 20 тысяч бандитов атаковали Алматы.",
    "Врачи оказывают помощь раненым в больницах города.",
    "Власти не подтвердили эти данные.",
]
REFS = [
    "Tokayev said that 20,000 bandits attacked Almaty.",
    "Doctors are treating the wounded in the city's hospitals.",
    "The authorities did not confirm these figures.",
]
SYS_A = [
    "Tokayev said that 20,000 bandits attacked Almaty.",
    "Doctors are helping the wounded in the city hospitals.",
    "The authorities confirmed these figures.",
]
SYS_B = [
    "Tokayev said 2,000 bandits attacked Almaty.",
    "Doctors help the wounded in hospitals of the city.",
    "The authorities did not confirm this data.",
]


def _write(tmp_path: Path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _state(tmp_path: Path, settings: Settings, source: bool = True) -> h.EvaluateState:
    return h.evaluate(
        UIContext(settings),
        _write(tmp_path, "ref.txt", REFS),
        [_write(tmp_path, "a.txt", SYS_A), _write(tmp_path, "b.txt", SYS_B)],
        metrics=["chrf"],
        source_file=_write(tmp_path, "src.txt", SOURCE) if source else None,
    )


def test_the_column_shows_which_system_departs_from_the_source(
    tmp_path: Path, settings: Settings
) -> None:
    state = _state(tmp_path, settings)
    assert f.COLUMN in h.SEGMENT_COLUMNS
    a0, b0 = f.faith_cell(state, 0, 0), f.faith_cell(state, 1, 0)
    assert a0 is not None and b0 is not None
    assert not a0.startswith("⚑") and b0.startswith("⚑") and "number '2,000'" in b0
    a2, b2 = f.faith_cell(state, 0, 2), f.faith_cell(state, 1, 2)
    assert a2 is not None and "negation" in a2  # listed, though alone not flagged
    assert b2 is not None and "negation" not in b2
    html = h.segment_html(state, "chrf")
    assert "<b>Faithfulness:</b>" in html and "number &#x27;2,000&#x27;" in html
    assert "<th>Faithfulness</th>" not in html  # a line under each hypothesis, not a column


def test_flagged_first_orders_by_the_least_faithful_system(
    tmp_path: Path, settings: Settings
) -> None:
    state = _state(tmp_path, settings)
    order = h.segment_order(state, "chrf", order=h.ORDERS[3])
    # the two departures first (B's changed figure, A's dropped «не», both flagged; which of
    # them scores lower moves with the calibration), the clean line last
    assert set(order[:2]) == {0, 2} and order[-1] == 1


def test_without_a_source_there_is_no_column_and_flagged_first_says_why(
    tmp_path: Path, settings: Settings
) -> None:
    state = _state(tmp_path, settings, source=False)
    assert f.faith_cell(state, 0, 0) is None
    with pytest.raises(UserInputError, match="needs the source"):
        h.segment_order(state, "chrf", order=h.ORDERS[3])


def _system(label: str, sources: list[str], translations: list[str]) -> SystemResult:
    sentences = tuple(
        SentenceTranslation(Sentence(s, 0, len(s)), t)
        for s, t in zip(sources, translations, strict=True)
    )
    return SystemResult(
        label, "imported", label, "engine:imported",
        (Translation(" ".join(sources), " ".join(translations), "engine:imported", sentences),),
    )  # fmt: skip


def test_translate_flags_show_which_engine_dropped_the_number() -> None:
    result = TranslateResult(
        "ru",
        (" ".join(SOURCE),),
        (_system("engine-a", SOURCE, SYS_A), _system("engine-b", SOURCE, SYS_B)),
    )
    checks = f.translate_flags(result)
    assert [r.flagged for r in checks[1]] == [True, False, False]
    # engine-a dropped the «не»: listed as weak evidence (flagged or not by the coverage risk)
    assert not checks[0][0].flagged and "negation" in {i.kind for i in checks[0][2].issues}
    html = f.translate_flags_html(result)
    flagged_a = sum(r.flagged for r in checks[0])
    assert f"<b>engine-a</b>: {flagged_a} of 3 sentences flagged" in html
    assert "<b>engine-b</b>: 1 of 3 sentences flagged" in html
    assert '<mark class="k-number"' in html and ">2,000</mark>" in html
    assert "mark.k-number" in html  # the colours come with the fragment
    assert "Врачи" not in html  # a sentence no engine is flagged on is not listed


def test_translate_flags_escape_and_handle_nothing_translated() -> None:
    assert "Translate something" in f.translate_flags_html(None)
    bad = ["<script>alert(1)</script> 25,000"]
    result = TranslateResult("ru", ("x",), (_system("<b>x</b>", ["Это 20 тысяч."], bad),))
    html = f.translate_flags_html(result)
    assert "<script>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_the_translate_table_is_checked_in_one_batch_with_the_same_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The table's Flags column checked each cell on its own: about 1.2 s a cell on two cores,
    # so a 300-line text waited 8 minutes (471 s, ux10's walk) before the table appeared.
    from workbench.pipeline.side_by_side import build_table
    from workbench.ui.handlers import faithfulness as handlers

    variants = [[s.replace(".", f" {'и ' * i}.", 1) for s in SOURCE] for i in range(4)]
    sources = [s for v in variants for s in v]  # 12 sentences no other test checks

    def system(label: str, translations: list[str]) -> SystemResult:
        lines = tuple(
            Translation(
                " ".join(v), " ".join(translations), "engine:imported",
                tuple(SentenceTranslation(Sentence(x, 0, len(x)), t)
                      for x, t in zip(v, translations, strict=True)),
            )
            for v in variants
        )  # fmt: skip
        return SystemResult(label, "imported", label, "engine:imported", lines)

    result = TranslateResult(
        "ru", tuple(" ".join(v) for v in variants), (system("a", SYS_A), system("b", SYS_B))
    )
    calls: list[int] = []
    real = handlers.check_translations

    def counted(src_lines: list[str], *args: object, **kwargs: object) -> object:
        calls.append(len(src_lines))
        return real(src_lines, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(handlers, "check_translations", counted)
    table = build_table(result, flaggers=f.flaggers_for(result))
    assert calls == [24]  # every cell of both engines at once
    assert len(f.translate_flags(result)[1]) == 12 and calls == [24]  # the panel reuses them
    assert [r.source for r in table.rows] == sources
    for row in table.rows[:3]:
        (expected,) = real([row.source], [row.cells[1].text], "ru")
        got = f.check_cell(row.source, row.cells[1].text, "ru")
        assert (got.score, got.flagged, got.issues, got.index) == (
            expected.score, expected.flagged, expected.issues, 0,
        )  # fmt: skip
