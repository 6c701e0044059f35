"""Models-tab handlers: the catalog with what is ready here, local models, pull and convert."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import ModelNotAvailableError, UserInputError
from workbench.settings import Settings
from workbench.ui.context import UIContext
from workbench.ui.handlers import models as h
from workbench.ui.wording import in_ui_terms


def test_catalog_rows_name_every_entry_with_its_state(settings: Settings) -> None:
    from workbench.models import load_catalog

    rows = h.catalog_rows(UIContext(settings))
    assert [r[0] for r in rows] == [e.name for e in load_catalog()]
    assert all(len(r) == len(h.CATALOG_HEADERS) for r in rows)
    assert {r[-1] for r in rows} <= {
        "ready (downloaded)",
        "ready (converted)",
        "would download",
        "not here (offline)",
    }
    assert any("ru-en: 35.2 / 62.6" in r[7] for r in rows)
    m2m = next(r for r in rows if r[0].startswith("m2m100"))
    assert m2m[7] == "not published"


def test_convert_a_copied_folder_and_see_it_listed(
    settings: Settings, tiny_marian_dir: Path
) -> None:
    import shutil

    shutil.copytree(tiny_marian_dir, settings.home / "models" / "tiny-ru-en")
    ctx = UIContext(settings)
    assert ("tiny-ru-en", "local:local/tiny-ru-en") in h.choices(ctx)
    message = h.convert(ctx, "local:local/tiny-ru-en", "int8")
    assert message.startswith("Converted tiny-ru-en to CTranslate2 (int8")
    kinds = {(r[0], r[2]) for r in h.local_rows(ctx)}
    assert ("tiny-ru-en", "local") in kinds
    converted = [r for r in h.local_rows(ctx) if r[2] == "converted"]
    assert len(converted) == 1 and converted[0][1] == "ct2"
    # shown by the model it came from, not by its folder (a slug of the source's full path)
    assert converted[0][0] == "tiny-ru-en (int8)" and converted[0][3] == "tiny-ru-en"
    (folder,) = settings.ct2_dir.iterdir()
    assert (folder / "model.bin").is_file()


def test_pulling_a_local_model_says_it_is_already_here(
    settings: Settings, tiny_marian_dir: Path
) -> None:
    # ux11's walk: the Pull/Convert menu offers local models, and Pull on one said "'tiny-ru-en'
    # is not a catalog model ...; copy it into the workbench's models folder", where it was.
    import shutil

    shutil.copytree(tiny_marian_dir, settings.home / "models" / "tiny-ru-en")
    ctx = UIContext(settings.replace(offline=True))
    assert ("tiny-ru-en", "local:local/tiny-ru-en") in h.choices(ctx)
    message = h.pull(ctx, "local:local/tiny-ru-en")
    assert message.startswith("tiny-ru-en is a local model, already on this machine: nothing to")
    assert "not a catalog model" not in message


def test_same_named_local_folders_are_told_apart_and_each_converts_from_its_own(
    settings: Settings, tiny_marian_dir: Path, tmp_path: Path
) -> None:
    # F7 (ux12): the Pull/Convert menu offered two local folders of one name alike
    # ("my-ru-en" twice) and Convert took one of them whichever was picked (and found no
    # `serve --models-dir` folder at all: the pipeline looks names up in <home>/models).
    import json
    import shutil

    for parent in ("team-a", "team-b"):
        shutil.copytree(tiny_marian_dir, tmp_path / parent / "my-ru-en")
    ctx = UIContext(
        settings.replace(offline=True), models_dirs=(tmp_path / "team-a", tmp_path / "team-b")
    )
    local = [(label, v) for label, v in h.choices(ctx) if v.startswith(h.LOCAL)]
    assert sorted(label for label, _ in local) == [
        "my-ru-en · from team-a/",
        "my-ru-en · from team-b/",
    ]
    assert len({v for _, v in local}) == 2
    for label, value in local:
        assert h.convert(ctx, value, "int8").startswith(f"Converted {label} to CTranslate2")
        assert h.pull(ctx, value).startswith(f"{label} is a local model, already on this")
    sources = sorted(
        json.loads((d / "workbench.json").read_text())["source"] for d in settings.ct2_dir.iterdir()
    )
    assert sources == [str(tmp_path / p / "my-ru-en") for p in ("team-a", "team-b")]
    # a bare name two folders share (a page from before) is refused, not guessed
    with pytest.raises(UserInputError, match="Two local folders are named my-ru-en"):
        h.convert(ctx, "my-ru-en", "int8")
    with pytest.raises(UserInputError, match="press Refresh"):
        h.convert(ctx, "local:local/my-ru-en#3", "int8")


def test_offline_pull_says_how_to_bring_a_model_in(settings: Settings) -> None:
    ctx = UIContext(settings.replace(offline=True))
    with pytest.raises(ModelNotAvailableError) as err:
        h.pull(ctx, "opus-mt-ru-en")
    message = str(err.value)
    assert str(settings.home / "models") in message and "HF_HUB_OFFLINE" in message
    assert "workbench models pull" not in message


@pytest.mark.parametrize("name", ["  ", "/etc", "../x", "a/b/c", "C:\\\\models"])
def test_pull_and_convert_refuse_paths_and_blanks(settings: Settings, name: str) -> None:
    ctx = UIContext(settings.replace(offline=True))
    with pytest.raises(UserInputError):
        h.pull(ctx, name)
    with pytest.raises(UserInputError):
        h.convert(ctx, name, "int8")


def test_bad_quantization_is_a_user_error(settings: Settings) -> None:
    with pytest.raises(UserInputError, match="quantization"):
        h.convert(UIContext(settings), "opus-mt-ru-en", "int3")


@pytest.mark.parametrize(
    "message",
    [
        "The source language was given as Kazakh but the text looks like Russian (by cld2); check --src.",
        "M2M100 (m) cannot translate ky→en: it has no 'ky'; use --engine nllb, or --engine pivot via Russian.",
        "The text looks like Kazakh in Latin; convert it first (workbench.langid.to_cyrillic can help).",
        "--beam-size must be at least 1, not 0.",
        "The model x is not downloaded and cannot be fetched now; run `workbench models pull x` on a "
        "connected machine, or pass a local folder.",
    ],
)
def test_messages_are_put_in_ui_terms(message: str) -> None:
    shown = in_ui_terms(message)
    assert "--" not in shown and "workbench.langid" not in shown and "`workbench" not in shown
