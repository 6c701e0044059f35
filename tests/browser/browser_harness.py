"""Start ``workbench serve`` in a subprocess and drive it with Playwright's headless Chromium.

Used by the browser tests (``tests/browser``); ``WORKBENCH_SCREENSHOTS=1`` makes them
also write the screenshots in ``docs/screenshots``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running ``workbench serve``."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def stop(self) -> None:
        """Stop the server (terminate, then kill)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_server(home: Path, extra_args: Sequence[str] = (), timeout: float = 90) -> Server:
    """Start ``python -m workbench serve`` on a free port with ``WORKBENCH_HOME=home``.

    Raises:
        RuntimeError: when the server does not answer within ``timeout`` seconds (the message
            includes the end of its log).
    """
    port = free_port()
    log = home / f"serve-{port}.log"
    env = {**os.environ, "WORKBENCH_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    with log.open("wb") as fh:
        process = subprocess.Popen(
            [sys.executable, "-m", "workbench", "serve", "--port", str(port), *extra_args],
            cwd=REPO,
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return Server(process, url, log)
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    server = Server(process, url, log)
    server.stop()
    raise RuntimeError(f"workbench serve did not start:\n{log.read_text(errors='replace')[-3000:]}")


def open_tab(page: Any, server: Server, tab: str) -> None:
    """Load the app and switch to ``tab`` (its label, e.g. "Compare")."""
    if not page.url.startswith(server.url):
        page.goto(server.url)
    page.get_by_role("tab", name=tab).click()


def snap(page: Any, name: str, height: int | None = None) -> None:
    """Save a screenshot to ``docs/screenshots/<name>.png`` when WORKBENCH_SCREENSHOTS=1.

    Args:
        height: Keep only the top ``height`` pixels of the full page.
    """
    if os.environ.get("WORKBENCH_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(400)
    clip = None
    if height is not None:
        clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height}
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, clip=clip)


def table_cells(
    page: Any, elem_id: str, rows: int | None = None, timeout: float = 30
) -> list[list[str]]:
    """The text of every body cell of the ``gr.Dataframe`` with ``elem_id``, row by row.

    Args:
        rows: Wait (up to ``timeout`` seconds) until the table shows this many rows.
    """
    deadline = time.monotonic() + timeout
    while True:
        cells: list[list[str]] = page.locator(f"#{elem_id}").evaluate(
            """el => Array.from(el.querySelectorAll('[role=row]'))
                  .map(r => Array.from(r.querySelectorAll('[role=gridcell], td')).map(c => c.innerText.trim()))
                  .filter(cells => cells.length > 0)"""
        )
        if rows is None or len(cells) == rows or time.monotonic() > deadline:
            return cells
        page.wait_for_timeout(200)


def wait_uploaded(page: Any, elem_id: str, *stems: str, timeout: float = 60) -> None:
    """Wait until the ``gr.File`` with ``elem_id`` lists files whose names contain ``stems``."""
    page.wait_for_function(
        "([id, stems]) => { const el = document.getElementById(id);"
        " return !!el && stems.every(s => el.innerText.includes(s)); }",
        arg=[elem_id, list(stems)],
        timeout=timeout * 1000,
    )


def prepared_download(page: Any, prefix: str) -> Path:
    """Press ``#<prefix>-export``, wait for the file in ``#<prefix>-download`` and download it."""
    page.locator(f"#{prefix}-export").click()
    link = page.locator(f"#{prefix}-download a").first
    link.wait_for(timeout=60_000)
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path())


def start_server_with_model(home: Path, model_dir: Path, name: str) -> Server:
    """Copy a model folder into ``<home>/models/<name>`` (where an operator puts model folders)
    and start ``workbench serve`` there, with no ``--model``."""
    shutil.copytree(model_dir, home / "models" / name)
    return start_server(home)


def set_slider(page: Any, elem_id: str, value: str) -> None:
    """Type a slider's value; under load the slider sometimes misses the first entry."""
    box = page.locator(f"#{elem_id} input[type=number]")
    slider = page.locator(f"#{elem_id} input[type=range]")
    for _ in range(5):
        box.fill(value)
        box.press("Enter")
        box.blur()
        page.wait_for_timeout(300)
        if slider.input_value() == value:
            return
    raise AssertionError(f"{elem_id} did not take {value}")


def translate_with_fast_decoding(page: Any, model: str) -> None:
    """Translate tab: tick ``model``, decode greedily and short (beam 1, 16 tokens: the tiny
    random-weight model's output is noise either way), run, and wait for the signatures."""
    page.locator("#translate-models").get_by_text(model, exact=False).click()
    page.get_by_text("Decoding options").click()
    for elem_id, value in (("translate-beam", "1"), ("translate-max-length", "16")):
        set_slider(page, elem_id, value)
    page.locator("#translate-run").click()
    page.locator("#translate-signatures code").first.wait_for(timeout=120_000)
