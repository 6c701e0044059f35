"""Compare tab: a suggested link accepted in one step is a saved correction that survives a
restart; a pick that no longer fits the comparison or the case is refused and nothing is lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.corpus import read_corrections
from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.ui.context import UIContext
from workbench.ui.handlers import compare as h

pytestmark = pytest.mark.slow  # real comparisons of the sample case


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> UIContext:
    return UIContext(Settings.resolve({"home": tmp_path_factory.mktemp("suggest-home")}))


def _fresh(ctx: UIContext, tmp_path: Path) -> tuple[Path, h.CompareState]:
    sample = Path(h.default_case(h.case_choices(ctx)) or "")
    folder = tmp_path / "case"
    shutil.copytree(sample, folder)
    return folder, h.run(ctx, h.load(str(folder)), h.SUPPLIED)


def _linked(state: h.CompareState) -> set[tuple[int, int]]:
    return {
        (a.statement.index, r.index)
        for dc in state.result.documents
        for a in dc.comparison.alignments
        for r in a.reports
    }


def test_a_suggestion_accepted_is_a_saved_link_after_a_restart(
    tmp_path: Path, ctx: UIContext
) -> None:
    folder, state = _fresh(ctx, tmp_path)
    choices = h.suggestion_choices(state)
    assert choices and all("possibly retells statement" in label for label, _ in choices)
    label, value = choices[0]
    statement, _, sentence = value.partition("|")
    with pytest.raises(UserInputError, match="Type your name"):
        h.accept_suggestion(ctx, state, value, "  ")
    assert read_corrections(folder) == ()  # nothing saved by a refused pick
    done = h.accept_suggestion(ctx, state, value, "Ann")
    assert len(done.corrections) == 1
    c = done.corrections[0]
    assert (c.action, c.by, c.note) == ("add", "Ann", h.ACCEPTED_NOTE)
    assert f"{c.report_document}:{c.report_sentence}" == sentence
    rep = next(r for r in done.result.unmatched_reports + tuple(
        r for dc in done.result.documents for a in dc.comparison.alignments for r in a.reports
    ) if f"{r.document_id}:{h._number(done, r)}" == sentence)  # fmt: skip
    assert (int(statement), rep.index) in _linked(done)
    assert value not in {v for _, v in h.suggestion_choices(done)}
    # the same pick again: it is a link now, no longer a suggestion
    with pytest.raises(UserInputError, match="not a suggested link of this comparison"):
        h.accept_suggestion(ctx, done, value, "Ann")
    # a restarted server loads the case again: the link is still there, listed as a correction
    again = h.run(ctx, h.load(str(folder)), h.SUPPLIED)
    assert again.corrections == done.corrections
    assert (int(statement), rep.index) in _linked(again)
    html = h.render_all(again, h.filters(list(h.DIFFERENCE_KINDS), h.OUTLET_TYPES))[4]
    assert "Ann" in html and h.ACCEPTED_NOTE in html


def test_a_pick_that_no_longer_fits_is_refused_and_nothing_is_saved(
    tmp_path: Path, ctx: UIContext
) -> None:
    folder, state = _fresh(ctx, tmp_path)
    with pytest.raises(UserInputError, match="Run a comparison first"):
        h.accept_suggestion(ctx, None, "0|x:1", "Ann")
    with pytest.raises(UserInputError, match="Pick the suggested link"):
        h.accept_suggestion(ctx, state, None, "Ann")
    with pytest.raises(UserInputError, match="not a suggested link of this comparison"):
        h.accept_suggestion(ctx, state, "999|nowhere:1", "Ann")
    _, value = h.suggestion_choices(state)[0]
    sentence = value.partition("|")[2]
    doc_id = sentence.rpartition(":")[0]
    text = h._sentence_texts(state.case)[sentence]
    # the report file is edited after the comparison: the suggestion no longer reads as it did
    doc = next(d for d in state.case.reports if d.id == doc_id)
    path = next(p for p in folder.rglob("*.txt") if text in p.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace(text, "Something else was said."))
    with pytest.raises(UserInputError, match="changed since it was compared"):
        h.accept_suggestion(ctx, state, value, "Ann")
    assert read_corrections(folder) == ()
    assert doc.id == doc_id
