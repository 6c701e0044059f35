"""Many writers on one home keep every judgment (issue 11, "done when").

Three ``workbench translate`` processes (sharing the translation cache), three annotating
processes (each submitting judgments through the pipeline's judgments store, with backups every
few judgments) and six browser sessions annotating in the real UI all run at once against one
``WORKBENCH_HOME``. Afterwards every submitted judgment is in the store, each translate process
printed the same output, and the store passes SQLite's integrity check.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from workbench.score.judgments import JudgmentStore
from workbench.storage import integrity_problem
from workbench.types import AnnotationItem

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "browser"))

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ITEMS = 8
ROUNDS_PER_PROCESS = 5  # each annotating process judges every item this many times
BROWSER_JUDGMENTS = 3  # each browser session judges this many items
LINES = 3_000  # lines each translate process translates

ANNOTATOR = textwrap.dedent(
    """
    import sys
    from workbench.pipeline.stores import open_judgments
    from workbench.settings import Settings

    name, rounds = sys.argv[1], int(sys.argv[2])
    settings = Settings.resolve()
    done = 0
    for r in range(rounds):
        with open_judgments(settings) as store:
            for item in store.items("pilot"):
                store.judge(item, name, score=float((r * 7 + done) % 101))
                done += 1
    print(done)
    """
)


def _items() -> list[AnnotationItem]:
    return [
        AnnotationItem(
            item_id=f"pilot:{i}",
            system="sys",
            source=f"Исходное предложение {i}.",
            translation=f"Translated sentence {i}.",
            campaign="pilot",  # the browser helper _start picks the campaign "pilot"
            position=i,
        )
        for i in range(ITEMS)
    ]


def _browser_session(page: Any, server: Any, name: str) -> None:
    from test_browser_annotate import _start

    _start(page, server, name, "Direct assessment")


def test_three_translators_three_annotators_and_six_browsers_keep_every_judgment(
    browser: Any, tmp_path: Path
) -> None:
    from browser_harness import start_server, wait_ms, wait_s
    from test_browser_annotate import IDLE_STATUS_JS, _score, _status

    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text("backup_every = 7\nbackups_kept = 3\n", encoding="utf-8")
    with JudgmentStore(home / "judgments.sqlite") as store:
        store.add_items(_items())
    src = tmp_path / "in.txt"
    src.write_text("".join(f"Строка номер {i}.\n" for i in range(LINES)), encoding="utf-8")
    table = tmp_path / "tr.tsv"
    table.write_text("".join(f"Строка номер {i}.\tLine {i}.\n" for i in range(LINES)), "utf-8")
    env = {**os.environ, "WORKBENCH_HOME": str(home), "HF_HUB_OFFLINE": "1"}

    server = start_server(home)
    contexts = [browser.new_context(viewport={"width": 1300, "height": 900}) for _ in range(6)]
    pages = [c.new_page() for c in contexts]
    try:
        for i, page in enumerate(pages):
            _browser_session(page, server, f"browser-{i}")
        translators = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "workbench",
                    "-q",
                    "translate",
                    "--engine",
                    "imported",
                    "--model",
                    str(table),
                    "--src",
                    "ru",
                    "--input",
                    str(src),
                ],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )  # fmt: skip
            for _ in range(3)
        ]
        annotators = [
            subprocess.Popen(
                [sys.executable, "-c", ANNOTATOR, f"process-{i}", str(ROUNDS_PER_PROCESS)],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            for i in range(3)
        ]
        started = time.monotonic()
        for n in range(BROWSER_JUDGMENTS):
            before = [_status(p) for p in pages]
            for i, page in enumerate(pages):
                _score(page, str(10 * i + n))
            for page in pages:  # six submits in flight at once
                page.locator("#annotate-submit").click()
            for page, old in zip(pages, before, strict=True):
                page.wait_for_function(
                    "([old, idle]) => { const t = eval(idle)(); return t !== null && t !== old; }",
                    arg=[old, IDLE_STATUS_JS],
                    timeout=wait_ms(120),
                )
        outputs = [p.communicate(timeout=wait_s(600)) for p in translators]
        counts = [p.communicate(timeout=wait_s(600)) for p in annotators]
        elapsed = time.monotonic() - started
    finally:
        for context in contexts:
            context.close()
        server.stop()

    for proc, (out, err) in zip(translators, outputs, strict=True):
        assert proc.returncode == 0, err.decode()
        assert out.decode().splitlines() == [f"Line {i}." for i in range(LINES)]
    for proc, (out, err) in zip(annotators, counts, strict=True):
        assert proc.returncode == 0, err
        assert int(out) == ITEMS * ROUNDS_PER_PROCESS
    assert integrity_problem(home / "judgments.sqlite") is None
    with JudgmentStore(home / "judgments.sqlite") as store:
        history = store.judgments(latest=False)
    by_annotator: dict[str, int] = {}
    for judgment in history:
        by_annotator[judgment.annotator] = by_annotator.get(judgment.annotator, 0) + 1
    expected = {f"process-{i}": ITEMS * ROUNDS_PER_PROCESS for i in range(3)}
    expected |= {f"browser-{i}": BROWSER_JUDGMENTS for i in range(6)}
    assert by_annotator == expected
    assert len(list((home / "backups").glob("judgments-*.sqlite"))) == 3  # rotated
    assert elapsed < wait_s(600)  # scaled as the page waits are (browser_harness)
