"""Annotate-tab handlers: campaigns, DA + MQM judgments, resume after a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.ui.context import UIContext
from workbench.ui.handlers import annotate as h

SOURCES = ["Погибли 164 человека.", "Задержаны 20 000 бандитов.", "Миссия продлится неделю."]
MT = ["164 people died.", "20,000 bandits were detained.", "The mission will last a week."]


def _write(tmp_path: Path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def ctx(settings: Settings, tmp_path: Path) -> UIContext:
    ctx = UIContext(settings)
    name, added = h.create_campaign(
        ctx, "pilot", _write(tmp_path, "src.txt", SOURCES), [_write(tmp_path, "mt.txt", MT)]
    )
    assert (name, added) == ("pilot", 3)
    return ctx


def test_judgments_are_saved_and_resumed_after_restart(ctx: UIContext) -> None:
    view = h.resume(ctx, "alice", "pilot")
    assert view.item is not None and view.item.source == SOURCES[0]
    assert (view.done, view.total) == (0, 3)
    view = h.submit(ctx, view, 80)
    assert view.item is not None and view.item.source == SOURCES[1]
    view = h.add_error(view, "bandits", "accuracy/mistranslation", "major")
    assert h.highlighted(view) == [
        ("20,000 ", None),
        ("bandits", "major: accuracy/mistranslation"),
        (" were detained.", None),
    ]
    h.submit(ctx, view, 55)
    restarted = UIContext(Settings.resolve({"home": ctx.settings.home}))
    again = h.resume(restarted, "alice", "pilot")
    assert again.item is not None and again.item.source == SOURCES[2]
    assert (again.done, again.total) == (2, 3)
    rows = h.judgment_rows(restarted, "alice", "pilot")
    assert [(r[2], r[3]) for r in rows] == [
        ("80", ""),
        ("55", "major accuracy/mistranslation: bandits"),
    ]
    assert h.resume(restarted, "bob", "pilot").done == 0
    assert "pilot" in h.campaigns(restarted)


def test_finished_annotator_sees_the_end(ctx: UIContext) -> None:
    view = h.resume(ctx, "carol", "pilot")
    for _ in range(3):
        view = h.submit(ctx, view, 70)
    assert view.item is None and "all 3 items" in view.status


def test_error_marking_and_submit_errors(ctx: UIContext) -> None:
    view = h.resume(ctx, "dan", "pilot")
    with pytest.raises(UserInputError, match="not in the translation"):
        h.add_error(view, "bananas", "style", "minor")
    marked = h.add_error(view, "people", "style", "minor")
    with pytest.raises(UserInputError, match="not in the translation"):
        h.add_error(marked, "people", "style", "minor")
    assert h.clear_errors(marked) == view
    with pytest.raises(UserInputError, match="Move the slider"):
        h.submit(ctx, view, None)
    after = h.submit(ctx, marked, None)  # MQM only, no DA score
    assert after.done == 1
    (judgment,) = h.judgment_rows(ctx, "dan", "pilot")
    assert judgment[2] == "" and judgment[3] == "minor style: people"
    with pytest.raises(UserInputError, match="name"):
        h.resume(ctx, "  ", "pilot")
    with pytest.raises(UserInputError, match="campaign"):
        h.resume(ctx, "dan", "")
    with pytest.raises(UserInputError, match="Load an item"):
        h.add_error(None, "x", "style", "minor")


def test_campaign_errors(ctx: UIContext, tmp_path: Path) -> None:
    src = _write(tmp_path, "s.txt", SOURCES)
    with pytest.raises(UserInputError, match="name"):
        h.create_campaign(ctx, " ", src, [src])
    with pytest.raises(UserInputError, match="at least one file"):
        h.create_campaign(ctx, "x", src, [])
    with pytest.raises(UserInputError, match="segments"):
        h.create_campaign(ctx, "x", src, [_write(tmp_path, "short.txt", MT[:1])])
    with pytest.raises(UserInputError, match="Translate something"):
        h.campaign_from_translations(ctx, "x", None)
