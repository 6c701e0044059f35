"""Fixtures shared by every test: an isolated WORKBENCH_HOME and paths to shared data.

Stage-specific fixtures (tiny random-weight models, sample cases, a running server) live in
conftest files of sub-folders or in helper modules under ``tests/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.shared import shared_folder
from workbench.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = shared_folder("data")


@pytest.fixture(autouse=True)
def workbench_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty WORKBENCH_HOME and never touches the user's data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return home


@pytest.fixture
def settings(workbench_home: Path) -> Settings:
    """Settings resolved against the isolated home."""
    return Settings.resolve()


@pytest.fixture
def compare_upload(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two Russian statements, their English translations and one English report, as a user
    uploads them to Compare: ``(statements, translations, reporting)`` in ``tmp_path``."""
    st = tmp_path / "st.txt"
    st.write_text("Погибли 164 человека.\nВласти ввели режим ЧП.\n", encoding="utf-8")
    tr = tmp_path / "tr.txt"
    tr.write_text("164 people died.\nThe authorities declared an emergency.\n", encoding="utf-8")
    rep = tmp_path / "rep.txt"
    rep.write_text("Officials said 225 people had died. A state of emergency.", encoding="utf-8")
    return st, tr, rep


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (FLORES-200 dev, NTREX-128, Tatoeba); skips when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


# ─── tiny random-weight models (engines) ───────────────────────────────────────────────────
# Real architectures (MarianMT, M2M100, NLLB = M2M100 + NllbTokenizer) with random weights and
# a sentencepiece model trained on a few dozen sentences, saved with save_pretrained. Load them
# through ``workbench.engines.create(engine, str(path), src)`` exactly as users load models.
# They prove wiring, not quality: the output is gibberish, at most
# ``tiny_models.DEFAULT_MAX_NEW_TOKENS`` tokens (pass that as max_length to compare with raw
# ``generate``). See tests/tiny_models.py.


@pytest.fixture(scope="session")
def tiny_models_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Scratch root shared by the tiny-model fixtures."""
    return tmp_path_factory.mktemp("tiny_models")


@pytest.fixture(scope="session")
def tiny_marian_dir(tiny_models_root: Path) -> Path:
    """A tiny MarianMT (OPUS-MT) model folder, ru/kk/ky/en sentencepiece vocabulary."""
    from tests.tiny_models import build_marian

    return build_marian(tiny_models_root / "marian", tiny_models_root / "work-marian")


@pytest.fixture(scope="session")
def tiny_m2m100_dir(tiny_models_root: Path) -> Path:
    """A tiny M2M100 model folder with the real M2M100Tokenizer (100 language tokens)."""
    from tests.tiny_models import build_m2m100

    return build_m2m100(tiny_models_root / "m2m100", tiny_models_root / "work-m2m100")


@pytest.fixture(scope="session")
def tiny_nllb_dir(tiny_models_root: Path) -> Path:
    """A tiny NLLB-200 model folder (M2M100 architecture, real NllbTokenizer, 202 codes)."""
    from tests.tiny_models import build_nllb

    return build_nllb(tiny_models_root / "nllb", tiny_models_root / "work-nllb")


@pytest.fixture(scope="session")
def tiny_ct2_dir(tiny_marian_dir: Path, tiny_models_root: Path) -> Path:
    """The tiny Marian converted to CTranslate2 (float32), tokenizer files included."""
    from tests.tiny_models import build_ct2

    return build_ct2(tiny_marian_dir, tiny_models_root / "ct2-marian")


# ─── one headless Chromium for the whole run ───────────────────────────────────────────────
# Playwright's sync API allows one running instance per thread: every test that needs a browser
# (tests/browser, tests/reliability) shares this session fixture instead of starting its own.


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, headless; skips when either is missing."""
    from tests.browser.browser_harness import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
