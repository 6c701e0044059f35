"""Start ``workbench serve`` in a subprocess and drive it with Playwright's headless Chromium.

Used by the browser tests (``tests/browser``); ``WORKBENCH_SCREENSHOTS=1`` makes them
also write the screenshots in ``docs/screenshots``.

Every wait of the browser tests is set here and scaled by one factor (:func:`slowdown`),
read once, when the first wait is asked for (see :class:`Waits`): ``wait_s`` and ``wait_ms``
turn a wait measured on an idle machine into the wait to use now.
"""

from __future__ import annotations

import math
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
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


#: The environment variable that, when set, is the factor every wait is multiplied by.
SLOWDOWN_ENV = "WB_BROWSER_SLOWDOWN"
#: The most the load average alone may stretch a wait (a load of 16 per core still waits 8x).
MAX_LOAD_SLOWDOWN = 8.0
#: How long after the first browser wait a factor read from the load may still stretch a wait,
#: in seconds. With the server broken every browser test runs out of its first wait, so at 8x
#: the stretching alone could cost hours (review15 B1); with this budget a run costs at most
#: this much more than the same run with no wait stretched (plus one test's default-wait
#: stretch, see :meth:`Waits.scale`). A factor given in ``WB_BROWSER_SLOWDOWN`` has no budget.
STRETCH_BUDGET_S = 1800.0
#: Playwright's wait for any step a test gives no wait of its own (``page.set_default_timeout``
#: and ``expect``), in seconds on an idle machine.
DEFAULT_WAIT_S = 30.0
#: Not scaled: how often :func:`table_cells` looks at the table, not how long it waits.
POLL_MS = 200
#: Not scaled: gradio closes a toast 10 s of wall-clock time after it opens, whatever the load,
#: so a toast still open after 11 s is one that stays until closed.
TOAST_GONE_MS = 11_000


def env_factor(environ: Mapping[str, str] = os.environ) -> float | None:
    """The factor ``WB_BROWSER_SLOWDOWN`` gives, or None when it is unset or blank.

    Raises:
        ValueError: when ``WB_BROWSER_SLOWDOWN`` is not a finite number above 0.
    """
    raw = environ.get(SLOWDOWN_ENV, "").strip()
    if not raw:
        return None
    try:
        factor = float(raw)
    except ValueError:
        factor = math.nan
    if not math.isfinite(factor) or factor <= 0:
        raise ValueError(
            f"{SLOWDOWN_ENV}={raw!r} is not a factor: give a number above 0, such as 1"
            " (wait as on an idle machine) or 4 (wait four times as long), or unset it"
            " to follow the load average"
        )
    return factor


def slowdown_factor(
    environ: Mapping[str, str] = os.environ,
    loadavg: Callable[[], tuple[float, float, float]] = os.getloadavg,
    cpus: Callable[[], int | None] = os.cpu_count,
) -> float:
    """How much longer than on an idle machine the browser tests wait.

    ``WB_BROWSER_SLOWDOWN``, when set, is the factor (a number above 0: ``1`` waits as on an
    idle machine whatever the load, ``4`` four times as long). Unset or blank, it is the
    1-minute load average per CPU core, at least 1 and at most :data:`MAX_LOAD_SLOWDOWN`.

    Raises:
        ValueError: when ``WB_BROWSER_SLOWDOWN`` is not a finite number above 0.
    """
    given = env_factor(environ)
    if given is not None:
        return given
    per_core = loadavg()[0] / max(1, cpus() or 1)
    return min(MAX_LOAD_SLOWDOWN, max(1.0, per_core))


class Waits:
    """The factor of one run's waits, read when the first wait is asked for, and its budget.

    ``WB_BROWSER_SLOWDOWN`` is checked when this is made (so a bad value stops the run before
    any test), but the load average is read at the first :meth:`scale`, i.e. when the first
    browser test starts its server, not when pytest collects (which in CI is long before).
    """

    def __init__(
        self,
        environ: Mapping[str, str] = os.environ,
        loadavg: Callable[[], tuple[float, float, float]] = os.getloadavg,
        cpus: Callable[[], int | None] = os.cpu_count,
        clock: Callable[[], float] = time.monotonic,
        budget_s: float = STRETCH_BUDGET_S,
    ) -> None:
        self.given = env_factor(environ)
        self._environ, self._loadavg, self._cpus = environ, loadavg, cpus
        self._clock = clock
        self.budget_s = budget_s
        self.factor: float | None = None
        self.started: float | None = None

    def read(self) -> float:
        """The factor, read now (and the budget's clock started) if no wait has read it yet."""
        if self.factor is None:
            self.factor = slowdown_factor(self._environ, self._loadavg, self._cpus)
            self.started = self._clock()
        return self.factor

    def scale(self, seconds: float) -> float:
        """A wait of ``seconds`` on an idle machine, stretched by the factor.

        A factor read from the load stretches a wait by at most what is left of
        :attr:`budget_s` since the first wait, so a wait starting ``t`` seconds after it ends
        by ``budget_s - t + seconds`` at the latest, and a wait starting after the budget is
        spent waits as on an idle machine. Summed over the run, waits that run out cost at most
        ``budget_s`` more than unstretched ones would. (A page's default wait is set when its
        test starts, so one test's steps may overrun the budget by one default-wait stretch.)
        """
        factor = self.read()
        if self.given is not None:
            return seconds * factor
        assert self.started is not None
        left = max(0.0, self.budget_s - (self._clock() - self.started))
        return seconds + min(seconds * (factor - 1.0), left)


#: This run's waits (a bad ``WB_BROWSER_SLOWDOWN`` raises here, on import).
WAITS = Waits()


def slowdown() -> float:
    """This run's factor (read from the load at the first call, when the variable is unset)."""
    return WAITS.read()


def wait_s(seconds: float) -> float:
    """A wait of ``seconds`` on an idle machine, in seconds, stretched (:meth:`Waits.scale`)."""
    return WAITS.scale(seconds)


def wait_ms(seconds: float) -> float:
    """A wait of ``seconds`` on an idle machine, in Playwright's milliseconds, stretched."""
    return WAITS.scale(seconds) * 1000


def pause(page: Any, seconds: float) -> None:
    """Let the page settle for ``seconds`` (scaled): for a step with nothing to wait *for*."""
    page.wait_for_timeout(wait_ms(seconds))


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
                self.process.wait(timeout=wait_s(10))
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=wait_s(10))


def start_server(home: Path, extra_args: Sequence[str] = (), timeout: float = 90) -> Server:
    """Start ``python -m workbench serve`` on a free port with ``WORKBENCH_HOME=home``.

    Raises:
        RuntimeError: when the server does not answer within ``timeout`` seconds on an idle
            machine, scaled by :func:`wait_s` (the message includes the end of its log).
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
    deadline = time.monotonic() + wait_s(timeout)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=wait_s(2)) as response:
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
    pause(page, 0.4)
    clip = None
    if height is not None:
        clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height}
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, clip=clip)


def table_cells(
    page: Any, elem_id: str, rows: int | None = None, timeout: float = 30
) -> list[list[str]]:
    """The text of every body cell of the ``gr.Dataframe`` with ``elem_id``, row by row.

    Args:
        rows: Wait (up to ``timeout`` seconds on an idle machine, scaled) until the table
            shows this many rows.
    """
    deadline = time.monotonic() + wait_s(timeout)
    while True:
        cells: list[list[str]] = page.locator(f"#{elem_id}").evaluate(
            """el => Array.from(el.querySelectorAll('[role=row]'))
                  .map(r => Array.from(r.querySelectorAll('[role=gridcell], td')).map(c => c.innerText.trim()))
                  .filter(cells => cells.length > 0)"""
        )
        if rows is None or len(cells) == rows or time.monotonic() > deadline:
            return cells
        page.wait_for_timeout(POLL_MS)


def wait_uploaded(page: Any, elem_id: str, *stems: str, timeout: float = 60) -> None:
    """Wait (up to ``timeout`` seconds, scaled) until the ``gr.File`` with ``elem_id`` lists
    files whose names contain ``stems``."""
    page.wait_for_function(
        "([id, stems]) => { const el = document.getElementById(id);"
        " return !!el && stems.every(s => el.innerText.includes(s)); }",
        arg=[elem_id, list(stems)],
        timeout=wait_ms(timeout),
    )


def prepared_download(page: Any, prefix: str) -> Path:
    """Press ``#<prefix>-export``, wait for the file in ``#<prefix>-download`` and download it."""
    page.locator(f"#{prefix}-export").click()
    link = page.locator(f"#{prefix}-download a").first
    link.wait_for(timeout=wait_ms(60))
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
        pause(page, 0.3)
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
    page.locator("#translate-signatures code").first.wait_for(timeout=wait_ms(120))
