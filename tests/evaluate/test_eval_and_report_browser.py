"""`workbench eval` end to end with a tiny real-architecture model, and the HTML report offline.

The tiny MarianMT has random weights: its translations are gibberish. The test proves the wiring
(test set → translate pipeline → sacreBLEU → exports), not translation quality.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF

from tests.evaluate.conftest import perturb, run_workbench, write_lines


@pytest.mark.slow
def test_eval_translates_a_test_set_and_scores_it(
    tiny_marian_dir: Path, shared_data: Path, tmp_path: Path, workbench_home: Path
) -> None:
    save, tmx = tmp_path / "hyp.txt", tmp_path / "out.tmx"
    proc = run_workbench(
        "eval",
        "--engine",
        "opus-mt",
        "--model",
        str(tiny_marian_dir),
        "--testset",
        "flores200-dev",
        "--src",
        "kk",
        "--limit",
        "6",
        "--max-length",
        "8",
        "--format",
        "json",
        "--save",
        str(save),
        "--tmx",
        str(tmx),
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["testset"] == "test:flores200-dev|pair:kk-en|n:6"
    assert "engine:opus-mt" in doc["translation_signature"]
    hyps = save.read_text(encoding="utf-8").splitlines()
    assert len(hyps) == 6
    refs = (
        (shared_data / "flores200-dev" / "eng_Latn.txt")
        .read_text(encoding="utf-8")
        .splitlines()[:6]
    )
    metrics = doc["systems"][0]["metrics"]
    assert metrics["bleu"]["score"] == pytest.approx(BLEU().corpus_score(hyps, [refs]).score)
    assert metrics["chrf"]["score"] == pytest.approx(CHRF().corpus_score(hyps, [refs]).score)
    units = ET.parse(tmx).getroot().findall("./body/tu")
    assert len(units) >= 6


def _chromium() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.skip("chromium is not installed")
    pytest.importorskip("playwright.sync_api")
    return path


# Runs in its own interpreter: the UI tests keep a session-wide Playwright loop open, and
# Playwright's sync API refuses to start a second one in the same process.
OPEN_OFFLINE = """
import json, sys
from playwright.sync_api import sync_playwright
executable, uri = sys.argv[1], sys.argv[2]
requests = []
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
    page = browser.new_context(offline=True).new_page()
    page.on("request", lambda req: requests.append(req.url))
    page.goto(uri)
    box = page.locator("svg").first.bounding_box()
    print(json.dumps({
        "svgs": page.locator("svg").count(),
        "width": box["width"] if box else 0,
        "circles": page.locator("circle").count(),
        "table": page.locator("table").inner_text(),
        "requests": requests,
    }))
    browser.close()
"""


@pytest.mark.browser
def test_html_report_opens_offline_in_chromium(tmp_path: Path, shared_data: Path) -> None:
    executable = _chromium()
    ref = (shared_data / "ntrex128" / "eng_Latn.txt").read_text(encoding="utf-8").splitlines()[:40]
    r = write_lines(tmp_path / "ref.txt", ref)
    a = write_lines(tmp_path / "a.txt", perturb(ref, 1, 0.1, 0.1))
    b = write_lines(tmp_path / "b.txt", perturb(ref, 2, 0.2, 0.1))
    out = tmp_path / "report.html"
    proc = run_workbench(
        "report",
        "--ref",
        str(r),
        "--hyp",
        str(a),
        "--hyp",
        str(b),
        "-o",
        str(out),
        "--metrics",
        "bleu,ter",
        "--significance",
        "bootstrap",
        "--resamples",
        "50",
    )
    assert proc.returncode == 0, proc.stderr
    shown = subprocess.run(
        [sys.executable, "-c", OPEN_OFFLINE, executable, out.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    seen = json.loads(shown.stdout)
    assert seen["svgs"] == 6  # 2 metrics × (corpus bars + distribution + scatter)
    assert seen["width"] > 100
    assert seen["circles"] == 2 * 40
    assert "p = " in seen["table"]
    assert seen["requests"] == [out.as_uri()]  # nothing but the file itself
