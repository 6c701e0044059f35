"""Translate-tab handlers over the real pipeline with the tiny random-weight Marian model.

The tiny model proves the wiring (segmentation, one output per sentence, signatures, post-edits,
exports), not translation quality.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from workbench.cli import build_parser
from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.ui.context import ModelChoice, UIContext
from workbench.ui.handlers import models as models_h
from workbench.ui.handlers import translate as h

RU = (
    "Президент заявил, что 20 000 бандитов напали на Алматы. Это была попытка переворота.\n"
    "\n"
    "Власти ввели режим чрезвычайного положения."
)


@pytest.fixture(scope="module")
def pool_ctx(tiny_marian_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> UIContext:
    """One context (and engine pool) per module: the tiny model loads once."""
    settings = Settings.resolve({"home": tmp_path_factory.mktemp("translate-home")})
    return UIContext(settings, extra_models=(ModelChoice("opus-mt", str(tiny_marian_dir)),))


@pytest.fixture
def ctx(settings: Settings, pool_ctx: UIContext) -> UIContext:
    """A fresh home (post-edits, exports) that shares the module's loaded model."""
    return UIContext(settings, extra_models=pool_ctx.extra_models, _pool=pool_ctx.pool)


@pytest.fixture(scope="module")
def result(pool_ctx: UIContext) -> h.TranslateResult:
    return h.translate(pool_ctx, RU, None, h.AUTO, ["extra:0"], beam_size=1, max_length=24)


def test_one_output_per_sentence_with_signature(ctx: UIContext, result: h.TranslateResult) -> None:
    headers, rows = h.table_rows(ctx, result)
    assert headers == ["#", "Source", f"opus-mt: {Path(ctx.extra_models[0].model).name}"]
    assert [r[0] for r in rows] == ["1.1", "1.2", "3.1"]
    assert rows[1][1] == "Это была попытка переворота."
    assert all(r[2].strip() for r in rows)
    assert "Detected Russian" in result.notices[0]
    sig = result.systems[0].signature
    assert (
        "engine:opus-mt" in sig and "pair:ru-en" in sig and "maxlen:24" in sig and "beam:1" in sig
    )


def test_pool_reuses_the_loaded_model(ctx: UIContext, result: h.TranslateResult) -> None:
    first = ctx.pool.get("opus-mt", ctx.extra_models[0].model, "ru", max_length=24, beam_size=1)
    h.translate(ctx, "Ещё одно.", None, "ru", ["extra:0"], beam_size=1, max_length=24)
    assert (
        ctx.pool.get("opus-mt", ctx.extra_models[0].model, "ru", max_length=24, beam_size=1)
        is first
    )


def test_postedit_is_kept_shown_and_exported(ctx: UIContext, result: h.TranslateResult) -> None:
    label = result.systems[0].label
    h.save_postedit(ctx, result, "1.2", label, "It was an attempted coup.")
    fresh = UIContext(ctx.settings, extra_models=ctx.extra_models)  # as after a restart
    assert h.current_translation(fresh, result, "1.2", label) == "It was an attempted coup."
    assert h.table_rows(fresh, result)[1][1][2] == "✎ It was an attempted coup."
    txt = h.export(fresh, result, label, "TXT").read_text(encoding="utf-8").split("\n")
    assert len(txt) == 4 and txt[1] == "" and "It was an attempted coup." in txt[0]
    records = [
        json.loads(line)
        for line in h.export(fresh, result, label, "JSONL").read_text(encoding="utf-8").splitlines()
    ]
    assert [(r["line"], r["sentence"]) for r in records] == [(1, 1), (1, 2), (3, 1)]
    edited = records[1]
    assert edited["post_edited"] and edited["translation"] == "It was an attempted coup."
    assert edited["machine_translation"] != edited["translation"]
    assert edited["signature"].endswith("|postedits:1")


def test_bad_input_is_one_clear_error(ctx: UIContext, tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="nothing to translate"):
        h.translate(ctx, "  \n ", None, "ru", ["extra:0"])
    with pytest.raises(UserInputError, match="Kazakh, Kyrgyz or Russian"):
        h.translate(ctx, "This is plainly an English sentence about the weather.", None, h.AUTO, [])
    with pytest.raises(UserInputError, match="Unknown model"):
        h.translate(ctx, "Привет.", None, "ru", ["no-such-model"])
    with pytest.raises(UserInputError, match="Translate something first"):
        h.export(ctx, None, "", "TXT")
    with pytest.raises(UserInputError, match="Translate something first"):
        h.save_postedit(ctx, None, "1.1", "x", "y")


def test_unchanged_translation_is_not_an_edit(ctx: UIContext, result: h.TranslateResult) -> None:
    label = result.systems[0].label
    mt = result.systems[0].translations[0].sentences[0].translation
    with pytest.raises(UserInputError, match="unchanged"):
        h.save_postedit(ctx, result, "1.1", label, f" {mt} ")
    with pytest.raises(UserInputError, match="no sentence"):
        h.save_postedit(ctx, result, "9.9", label, "x")


def test_uploaded_cp1251_file_is_read_with_a_notice(ctx: UIContext, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Власти ввели режим чрезвычайного положения.".encode("cp1251"))
    got = h.translate(ctx, "", str(path), "ru", ["extra:0"], beam_size=1, max_length=16)
    assert got.lines == ("Власти ввели режим чрезвычайного положения.",)
    assert any("cp1251" in n for n in got.notices)


def test_hostile_text_stays_text(ctx: UIContext) -> None:
    hostile = "<img src=x onerror=alert(1)> Привет."
    got = h.translate(ctx, hostile, None, "ru", ["extra:0"], beam_size=1, max_length=16)
    _, rows = h.table_rows(ctx, got)
    assert "".join(r[1] for r in rows).startswith("<img src=x onerror=alert(1)>")


def test_system_labels_are_short_and_distinct(ctx: UIContext) -> None:
    folder = ctx.extra_models[0].model
    specs = h.resolve_systems(ctx, ["extra:0"], folder, "opus-mt", "ru")
    name = Path(folder).name
    assert [s.label for s in specs] == [f"opus-mt: {name}", f"opus-mt: {name} (2)"]
    assert {s.model for s in specs} == {folder}


def test_no_choice_uses_the_catalog_default(ctx: UIContext) -> None:
    from workbench.models import default_for

    (spec,) = h.resolve_systems(ctx, [], "", "opus-mt", "kk")
    assert (spec.engine, spec.model) == (default_for("kk").engine, default_for("kk").hub_id)


def test_cli_command_parses_to_the_tab_settings(ctx: UIContext) -> None:
    folder = ctx.settings.home / "models" / "x y"  # typed models come from operator folders
    folder.mkdir(parents=True)
    text = models_h.cli_commands(ctx, "ky", ["extra:0"], "x y", "nllb", 2, 64)
    lines = text.splitlines()
    assert len(lines) == 2
    args = build_parser().parse_args(shlex.split(lines[1])[1:])
    assert (args.engine, args.model, args.src, args.beam_size, args.max_length) == (
        "nllb",
        str(folder),
        "ky",
        2,
        64,
    )
    auto = models_h.cli_commands(ctx, h.AUTO, [], "", "opus-mt", 4, 256)
    assert auto.startswith("# ") and "--src SRC" in auto


@pytest.mark.parametrize("fmt", ["TMX", "XLIFF"])
def test_translation_memory_exports_carry_edits_and_signature(
    ctx: UIContext, result: h.TranslateResult, fmt: str
) -> None:
    import xml.etree.ElementTree as ET

    label = result.systems[0].label
    h.save_postedit(ctx, result, "1.1", label, "The president said <20,000> bandits attacked.")
    path = h.export(ctx, result, label, fmt)
    root = ET.parse(path).getroot()  # well-formed, edits escaped
    text = ET.tostring(root, encoding="unicode")
    assert "The president said &lt;20,000&gt; bandits attacked." in text
    assert "Это была попытка переворота." in text
    assert f"{result.systems[0].signature}|postedits:1" in text
