"""Annotate-tab handlers: blind shuffled sessions, mouse spans, back/skip/edit, DA/MQM/ESA."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from workbench.errors import UnknownNameError, UserInputError
from workbench.pipeline.evaluate import judgment_stats
from workbench.score.judgments import JudgmentStore
from workbench.settings import Settings
from workbench.ui.context import UIContext
from workbench.ui.handlers import annotate as h

SOURCES = ["Погибли 164 человека.", "Задержаны 20 000 бандитов.", "Миссия продлится неделю."]
MT = ["164 people died.", "20,000 bandits were detained.", "The mission will last a week."]
MT2 = ["164 persons died.", "20 000 gangsters detained.", "Mission lasts one week."]
DA = next(k for k, v in h.PROTOCOL_CHOICES.items() if v == "da")
MQM = next(k for k, v in h.PROTOCOL_CHOICES.items() if v == "mqm")
ESA = next(k for k, v in h.PROTOCOL_CHOICES.items() if v == "esa")


def _write(tmp_path: Path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def ctx(settings: Settings, tmp_path: Path) -> UIContext:
    ctx = UIContext(settings)
    name, added = h.create_campaign(
        ctx,
        "pilot",
        _write(tmp_path, "src.txt", SOURCES),
        [_write(tmp_path, "secret-opus.txt", MT), _write(tmp_path, "secret-nllb.txt", MT2)],
    )
    assert (name, added) == ("pilot", 6)
    return ctx


def test_a_new_campaign_with_an_existing_name_says_it_adds_to_it(
    ctx: UIContext, tmp_path: Path
) -> None:
    # hyg14's walk: "New campaign" named like an existing one adds its items to it, and said
    # "Campaign walk: 0 new items stored" with no word that the campaign existed.
    before = h.campaigns(ctx)
    src = _write(tmp_path, "src.txt", SOURCES)
    name, added = h.create_campaign(ctx, "pilot", src, [_write(tmp_path, "opus.txt", MT)])
    said = h.stored_message(name, added, before)
    assert said.startswith("Campaign **pilot** already existed: ")
    assert "added to the existing campaign pilot" in said
    name, added = h.create_campaign(ctx, "fresh", src, [_write(tmp_path, "one.txt", MT)])
    assert h.stored_message(name, added, before) == "Campaign **fresh**: 3 new items stored."
    assert h.stored_message("x", 1, []) == "Campaign **x**: 1 new item stored."


def test_a_file_read_as_cp1251_is_said_when_the_campaign_is_created(
    settings: Settings, tmp_path: Path
) -> None:
    """review22's walk: a cp1251 source became a campaign with the notice in the server's log
    only, so the annotators' text was a guess nobody was told about."""
    source = tmp_path / "src-1251.txt"
    source.write_bytes(("\n".join(SOURCES) + "\n").encode("cp1251"))
    notices: list[str] = []
    ctx = UIContext(settings)
    name, added = h.create_campaign(
        ctx, "c1251", str(source), [_write(tmp_path, "mt.txt", MT)], None, notices
    )
    said = h.stored_message(name, added, [], notices)
    assert said.startswith("Campaign **c1251**: 3 new items stored.\n- ⚠ ")
    assert "src-1251.txt is not UTF-8" in said and "read as cp1251" in said
    assert "save the file as UTF-8" in said and "iconv" not in said  # the tab's terms
    assert str(tmp_path) not in said, "an upload is named by its file name, not its server path"
    clean: list[str] = []
    utf8 = _write(tmp_path, "s.txt", SOURCES)
    h.create_campaign(ctx, "utf8", utf8, [_write(tmp_path, "m.txt", MT)], None, clean)
    assert clean == []


def test_blind_and_shuffled_per_annotator_with_the_seed_recorded(ctx: UIContext) -> None:
    alice = h.resume(ctx, "alice", "pilot")
    bob = h.resume(ctx, "bob", "pilot")
    for view in (alice, bob):
        shown = view.status + h.translation_html(view) + repr(h.judgment_rows(ctx, view))
        assert "secret" not in shown, "annotators never see system names"
    assert sorted(alice.session.order) == sorted(bob.session.order)
    with JudgmentStore(ctx.settings.judgments_path) as store:
        by_position = [i.item_id for i in store.items("pilot")]
    for view in (alice, bob):  # the order is exactly the recorded seed's shuffle
        expected = list(by_position)
        random.Random(view.session.seed).shuffle(expected)
        assert list(view.session.order) == expected
    orders = {h.resume(ctx, name, "pilot").session.order for name in "pqrst"}
    assert len(orders | {alice.session.order, bob.session.order}) > 1  # not one fixed order
    with JudgmentStore(ctx.settings.judgments_path) as store:
        assert store.order_seed("alice", "pilot") == alice.session.seed
    again = h.resume(ctx, "alice", "pilot")
    assert again.session.order == alice.session.order  # same seed, same order, after restart
    h.submit(ctx, alice, 70)
    with JudgmentStore(ctx.settings.judgments_path) as store:
        (judgment,) = store.judgments(annotator="alice")
    extra = dict(judgment.extra)
    assert extra["order_seed"] == str(alice.session.seed) and extra["protocol"] == "da"
    assert extra["shown_position"] == "1"


def test_resume_after_restart_continues_in_the_annotators_order(ctx: UIContext) -> None:
    view = h.resume(ctx, "alice", "pilot")
    order = view.session.order
    view = h.submit(ctx, view, 80)
    view = h.submit(ctx, view, 0)  # a reachable 0: a real score, not "no score"
    restarted = UIContext(Settings.resolve({"home": ctx.settings.home}))
    again = h.resume(restarted, "alice", "pilot")
    assert again.item is not None and again.item.item_id == order[2]
    assert (again.session.done, again.session.total) == (2, 6)
    rows = h.judgment_rows(restarted, again)
    assert [(r[0], r[2]) for r in rows] == [(1, "80"), (2, "0")]
    stats = judgment_stats(ctx.settings.judgments_path, "pilot")
    assert sum(s["da_judgments"] for s in stats["systems"]) == 2  # type: ignore[attr-defined]


def test_mouse_selection_marks_a_span_and_esa_scores(ctx: UIContext) -> None:
    view = h.resume(ctx, "carol", "pilot", ESA)
    text = view.item.translation
    word = text.split()[1]
    start = text.index(word)
    view, selected = h.select(view, start - 1, start + len(word) + 1)  # spaces trimmed
    assert selected == word
    assert "sev-selected" in h.translation_html(view)
    view = h.add_error(view, selected, "style", "major")
    assert view.errors[0]["category"] == "error"  # ESA spans have no category
    assert f'<mark class="sev-major" title="major: error">{word}</mark>' in h.translation_html(view)
    with pytest.raises(UserInputError, match="severities minor, major"):
        h.add_error(view, text.split()[0], "style", "critical")
    with pytest.raises(UserInputError, match="needs a 0–100 score"):
        h.submit(ctx, view, None)
    after = h.submit(ctx, view, 35)
    assert after.session.done == 1
    with JudgmentStore(ctx.settings.judgments_path) as store:
        (j,) = store.judgments(annotator="carol")
    assert j.score == 35 and (j.errors[0].start, j.errors[0].end) == (start, start + len(word))
    assert dict(j.extra)["protocol"] == "esa"


def test_back_shows_and_edits_a_judgment_and_skip_leaves_one(ctx: UIContext) -> None:
    view = h.resume(ctx, "dan", "pilot", MQM)
    first = view.item.item_id
    word = view.item.translation.split()[0]
    view = h.add_error(view, word, "accuracy/mistranslation", "minor")
    view = h.submit(ctx, view, None)
    back = h.back(ctx, view)
    assert back.item.item_id == first and "already judged" in back.status
    assert [e["text"] for e in back.errors] == [word]  # the earlier spans, ready to edit
    edited = h.submit(ctx, h.add_error(h.clear_errors(back), word, "style", "critical"), None)
    with JudgmentStore(ctx.settings.judgments_path) as store:
        (latest,) = store.judgments(annotator="dan")
        assert len(store.judgments(annotator="dan", latest=False)) == 2  # history kept
    assert latest.errors[0].severity == "critical"
    skipped = h.skip(ctx, edited)
    assert skipped.item.item_id != edited.item.item_id
    assert edited.item.item_id not in skipped.session.judged
    none = h.submit(ctx, skipped, None, no_errors=True)  # MQM: explicit "no errors"
    assert none.session.done == 2
    with pytest.raises(UserInputError, match="Mark at least one error span"):
        h.submit(ctx, none, None)
    opened = h.goto(ctx, none, 1)
    assert opened.item.item_id == first
    with pytest.raises(UserInputError, match="no item 9"):
        h.goto(ctx, none, 9)
    with pytest.raises(UserInputError, match="first item"):
        h.back(ctx, opened)


def test_finished_annotator_sees_the_end(ctx: UIContext) -> None:
    view = h.resume(ctx, "erin", "pilot")
    for _ in range(6):
        view = h.submit(ctx, view, 70)
    assert view.item is None and "all 6 items" in view.status


def test_bad_inputs_get_one_sentence(ctx: UIContext, tmp_path: Path) -> None:
    view = h.resume(ctx, "fay", "pilot")
    with pytest.raises(UserInputError, match="takes a score only"):
        h.add_error(view, "people", "style", "minor")
    with pytest.raises(UserInputError, match="needs a 0–100 score"):
        h.submit(ctx, view, None)
    mqm = h.resume(ctx, "fay", "pilot", MQM)
    with pytest.raises(UserInputError, match="not in the translation"):
        h.add_error(mqm, "bananas", "style", "minor")
    with pytest.raises(UserInputError, match="Select some words"):
        h.select(mqm, 3, 3)
    with pytest.raises(UserInputError, match="Select some words"):
        h.select(mqm, 0, 10_000)
    with pytest.raises(UserInputError, match="could not be read"):
        h.select(mqm, "x", None)
    with pytest.raises(UserInputError, match="name"):
        h.resume(ctx, "  ", "pilot")
    with pytest.raises(UserInputError, match="campaign"):
        h.resume(ctx, "dan", "")
    with pytest.raises(UserInputError, match="no campaign 'nope'"):
        h.resume(ctx, "dan", "nope")
    with pytest.raises(UnknownNameError, match="annotation protocol"):
        h.resume(ctx, "dan", "pilot", "likert")
    with pytest.raises(UserInputError, match="Load an item"):
        h.add_error(None, "x", "style", "minor")
    with pytest.raises(UserInputError, match="Start first"):
        h.back(ctx, None)
    with pytest.raises(UserInputError, match="Type the number"):
        h.goto(ctx, view, None)
    src = _write(tmp_path, "s.txt", SOURCES)
    with pytest.raises(UserInputError, match="name"):
        h.create_campaign(ctx, " ", src, [src])
    with pytest.raises(UserInputError, match="':'"):
        h.create_campaign(ctx, "a:b", src, [src])
    with pytest.raises(UserInputError, match="at least one file"):
        h.create_campaign(ctx, "x", src, [])
    with pytest.raises(UserInputError, match="segments"):
        h.create_campaign(ctx, "x", src, [_write(tmp_path, "short.txt", MT[:1])])
    with pytest.raises(UserInputError, match="Translate something"):
        h.campaign_from_translations(ctx, "x", None)


def test_campaign_results_by_protocol_in_the_evaluate_panel(ctx: UIContext) -> None:
    from workbench.ui.handlers import evaluate as ev

    esa = h.resume(ctx, "gus", "pilot", ESA)
    judged_by_gus = esa.item.item_id
    word = esa.item.translation.split()[0]
    esa = h.submit(ctx, h.add_error(esa, word, "style", "minor"), 30)
    da = h.resume(ctx, "hana", "pilot", DA)
    h.submit(ctx, da, 90)
    # Each annotator's order is their own shuffle: their first items coincide 1 time in N.
    shared = int(judged_by_gus == da.item.item_id)
    rows, errors, text = ev.human_results(ctx, "pilot", "ESA")
    assert [r[2] for r in rows] == ["30.0"] and errors[0][1:] == ["error", "minor", 1]
    rows, _, _ = ev.human_results(ctx, "pilot", "DA")
    assert [r[2] for r in rows] == ["90.0"]
    rows, _, text = ev.human_results(ctx, "pilot")
    assert sum(r[1] for r in rows) == 2
    assert f"undefined ({shared} shared item{'' if shared == 1 else 's'})" in text
    with pytest.raises(UserInputError, match="Unknown protocol"):
        ev.human_results(ctx, "pilot", "Likert")


def test_each_protocol_shows_only_its_controls(ctx: UIContext) -> None:
    da = h.controls(h.resume(ctx, "ida", "pilot", DA))
    mqm = h.controls(h.resume(ctx, "ida", "pilot", MQM))
    esa = h.controls(h.resume(ctx, "ida", "pilot", ESA))
    assert (da.score, da.spans, da.no_errors) == (True, False, False)
    assert (mqm.score, mqm.spans, mqm.category, mqm.no_errors) == (False, True, True, True)
    assert (esa.score, esa.spans, esa.category) == (True, True, False)
    assert esa.severities == ("minor", "major") and "critical" in mqm.severities
    assert h.controls(None).spans  # before Start everything is visible
