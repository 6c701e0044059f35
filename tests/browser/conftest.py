"""Fixtures for the browser tests: a headless Chromium and a running ``workbench serve``.

The tests skip cleanly when ``/usr/bin/chromium`` or the ``playwright`` package is missing.
Set ``WORKBENCH_SCREENSHOTS=1`` to (re)write the screenshots in ``docs/screenshots/``, and
``WB_BROWSER_SLOWDOWN`` to stretch every wait (``browser_harness.Waits``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from browser_harness import (  # noqa: E402
    DEFAULT_WAIT_S,
    SLOWDOWN_ENV,
    WAITS,
    Server,
    start_server,
    start_server_with_model,
    wait_ms,
)


def pytest_report_header() -> str:
    """How this run's waits are stretched, so that a timeout can be read against it."""
    if WAITS.given is not None:
        return f"browser waits x{WAITS.given:.2f} ({SLOWDOWN_ENV} set)"
    return (
        "browser waits x the load per core when the first browser test starts (1 to 8),"
        f" stretched only in the {WAITS.budget_s:.0f} s after it"
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The factor the waits had, once a browser test has read it."""
    if WAITS.factor is None or WAITS.given is not None:
        return
    terminalreporter.write_line(
        f"browser waits x{WAITS.factor:.2f} (load per core when the first browser test started)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test."""
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records every JavaScript dialog it sees in ``page.dialogs``.

    Every step, and every ``expect``, waits ``DEFAULT_WAIT_S`` scaled unless it says otherwise.
    """
    from playwright.sync_api import expect

    expect.set_options(timeout=wait_ms(DEFAULT_WAIT_S))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]

    def on_dialog(dialog: Any) -> None:
        pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.set_default_timeout(wait_ms(DEFAULT_WAIT_S))
    yield pg
    context.close()


def serve_args(request: pytest.FixtureRequest) -> list[str]:
    """``--model`` for the tiny random-weight Marian model when the fixture exists."""
    try:
        tiny = request.getfixturevalue("tiny_marian_dir")
    except pytest.FixtureLookupError:
        return []
    return ["--model", f"opus-mt:{tiny}"]


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Server]:
    """One ``workbench serve`` per test module, with its own empty WORKBENCH_HOME."""
    home = tmp_path_factory.mktemp("serve-home")
    srv = start_server(home, serve_args(request))
    srv.home = home  # type: ignore[attr-defined]
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def model_server(
    tmp_path_factory: pytest.TempPathFactory, tiny_marian_dir: Path
) -> Iterator[Server]:
    """One ``workbench serve`` per module whose home holds the tiny model in ``models/``.

    Unlike :func:`server` it passes no ``--model``: the Translate tab must find the model the
    way a translator's folder is found.
    """
    home = tmp_path_factory.mktemp("model-home")
    srv = start_server_with_model(home, tiny_marian_dir, "tiny-ru-en")
    yield srv
    srv.stop()
