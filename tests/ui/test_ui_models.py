"""Models-tab handlers: the catalog table, the local cache, pull and convert."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import ModelNotAvailableError, UserInputError
from workbench.settings import Settings
from workbench.ui.context import UIContext
from workbench.ui.handlers import models as h


def test_catalog_rows_name_every_entry_with_its_cache_state() -> None:
    from workbench.models import load_catalog

    rows = h.catalog_rows()
    assert [r[0] for r in rows] == [e.name for e in load_catalog()]
    assert all(len(r) == len(h.CATALOG_HEADERS) and r[-1] in {"yes", "no"} for r in rows)
    assert any("ru-en: 35.2 / 62.6" in r[7] for r in rows)


def test_convert_a_local_folder_and_see_it_cached(
    settings: Settings, tiny_marian_dir: Path
) -> None:
    ctx = UIContext(settings)
    message = h.convert(ctx, str(tiny_marian_dir), "int8")
    assert message.startswith("Converted to CTranslate2 (int8): ")
    out = Path(message.split(": ", 1)[1])
    assert out.parent == settings.ct2_dir and (out / "model.bin").is_file()
    assert [r[:2] for r in h.cached_rows(ctx) if r[0] == "CTranslate2"] == [
        ["CTranslate2", out.name]
    ]


def test_pull_and_convert_errors_are_user_errors(settings: Settings) -> None:
    ctx = UIContext(settings.replace(offline=True))
    with pytest.raises(UserInputError, match="Choose a catalog model"):
        h.pull(ctx, "  ")
    with pytest.raises(ModelNotAvailableError):
        h.pull(ctx, "opus-mt-ru-en")
    with pytest.raises(UserInputError, match="quantization"):
        h.convert(ctx, "opus-mt-ru-en", "int3")
