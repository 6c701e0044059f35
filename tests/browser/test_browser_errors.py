"""A refused action in a real browser: the message stays until read, the screen stays as it was.

Seen in session 11's walk (ux11): pressing "← Back" on an annotator's first item showed a red toast
for 10 seconds, then nothing said what was wrong, and gradio covered every output of the event —
the item's source, the score slider, the judgments table — with an opaque "Error" box, so the
item being judged vanished from the screen. The same happened in Compare and Evaluate.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from browser_harness import (
    REPO,
    TOAST_GONE_MS,
    Server,
    open_tab,
    pause,
    start_server,
    table_cells,
    wait_ms,
    wait_uploaded,
)

SOURCES = ["Погибли 164 человека.", "Задержаны 20 000 бандитов."]
MT = ["164 people died.", "20,000 bandits were detained."]

#: True when the element's centre is the element itself (or inside it), not a cover over it.
ON_TOP_JS = """(el) => { const b = el.getBoundingClientRect();
  const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
  return !!top && (top === el || el.contains(top)); }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``workbench serve`` whose home has a campaign "pilot" of two items, made by the CLI."""
    home = tmp_path_factory.mktemp("errors-home")
    (home / "src.txt").write_text("\n".join(SOURCES) + "\n", encoding="utf-8")
    (home / "mt.txt").write_text("\n".join(MT) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "workbench", "judgments", "add", "--src", str(home / "src.txt")]
        + ["--hyp", str(home / "mt.txt"), "--campaign", "pilot"],
        cwd=REPO,
        env={**os.environ, "WORKBENCH_HOME": str(home)},
        check=True,
        capture_output=True,
    )
    srv = start_server(home)
    yield srv
    srv.stop()


def test_back_on_the_first_item_keeps_the_item_on_screen_and_the_message_until_closed(
    page: Any, server: Server
) -> None:
    from playwright.sync_api import expect

    open_tab(page, server, "Annotate")
    page.locator("#annotate-annotator input, #annotate-annotator textarea").first.fill("alice")
    page.locator("#annotate-campaign input").click()
    page.get_by_role("option", name="pilot").click()
    page.locator("#annotate-start").click()
    page.locator("#annotate-status").get_by_text("item 1 of 2").wait_for()
    source = page.locator("#annotate-source textarea").first
    shown = source.input_value()
    assert shown in SOURCES
    page.locator("#annotate-back").click()
    toast = page.locator(".toast-body").filter(has_text="first item")
    toast.wait_for()
    page.wait_for_timeout(TOAST_GONE_MS)  # gradio's default toast (10 s) would be gone by now
    assert toast.is_visible(), "the message stays until the annotator closes it"
    assert source.input_value() == shown
    assert source.evaluate(ON_TOP_JS), "the item's source is not covered by an 'Error' box"
    score = page.locator("#annotate-score input[type=number]")
    assert score.evaluate(ON_TOP_JS), "the score box is not covered either"
    # closing the message leaves the item as it was, ready to judge
    page.locator(".toast-close").first.click()
    expect(toast).to_have_count(0)
    assert source.input_value() == shown


#: Words of the header cells of a table that the browser broke across lines ("Syste m").
BROKEN_WORDS_JS = """(id) => {
  const out = [];
  for (const th of document.querySelectorAll(`#${id} thead th, #${id} [role=columnheader]`)) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(r.getClientRects()).map(b => Math.round(b.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}"""


def test_one_system_is_scored_and_the_metric_table_keeps_its_headers_whole(
    page: Any, server: Server, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # ux11's walk: one system under the default paired bootstrap was refused ("A significance
    # test needs two systems or more"); once scored, the metric table's headers broke inside
    # words ("Syste m", "Ver dic t") because the signature column took the width.
    folder = tmp_path_factory.mktemp("evaluate-files")
    ref, hyp = folder / "ref.en", folder / "mt.en"
    ref.write_text("164 people died.\n20,000 bandits were detained.\n", encoding="utf-8")
    hyp.write_text("164 persons died.\n20 000 gangsters detained.\n", encoding="utf-8")
    open_tab(page, server, "Evaluate")
    page.locator("#evaluate-reference input[type=file]").set_input_files(str(ref))
    page.locator("#evaluate-systems input[type=file]").set_input_files(str(hyp))
    wait_uploaded(page, "evaluate-reference", "ref")
    wait_uploaded(page, "evaluate-systems", "mt")
    page.locator("#evaluate-run").click()
    page.locator("#evaluate-warnings").get_by_text(
        "Only one system, so no paired bootstrap"
    ).wait_for()
    rows = table_cells(page, "evaluate-metrics-table", rows=3)
    assert [r[0] for r in rows] == ["mt.en"] * 3 and all("–" in r[3] for r in rows)
    assert page.evaluate(BROKEN_WORDS_JS, "evaluate-metrics-table") == []


def test_stacked_error_messages_leave_the_start_button_free(page: Any, server: Server) -> None:
    # ux11's walk: error toasts that stay until closed stack top right, and two of them covered
    # the Annotate tab's Start / resume button, so the annotator had to close them to go on.
    open_tab(page, server, "Annotate")
    start = page.locator("#annotate-start")
    # nothing started: three refused actions, three messages that stay until closed
    for elem_id in ("annotate-start", "annotate-back", "annotate-submit"):
        page.locator(f"#{elem_id}").click()
        pause(page, 1.5)
    # gradio 6 groups them in one box, "Error (3)", that lists every message
    toast = page.locator(".toast-body")
    toast.get_by_text("Load an item first").wait_for(timeout=wait_ms(30))
    page.evaluate("window.scrollTo(0, 0)")
    pause(page, 0.3)
    for elem_id in ("annotate-start", "annotate-annotator", "annotate-campaign"):
        box = page.locator(f"#{elem_id}")
        assert box.evaluate(ON_TOP_JS), f"the messages do not cover {elem_id}"
    # the end of the page can be scrolled out from under them too
    page.get_by_text("New campaign").click()
    page.locator("#annotate-create-from-translate").wait_for()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    pause(page, 0.3)
    create = page.locator("#annotate-create-from-translate")
    assert create.evaluate(ON_TOP_JS), "the messages do not cover the last button"
    assert toast.first.is_visible()  # and the messages are still there to read
    # a name and a campaign then start the items, the messages still open
    page.locator("#annotate-annotator input, #annotate-annotator textarea").first.fill("bob")
    page.locator("#annotate-campaign input").click()
    page.get_by_role("option", name="pilot").click()
    page.evaluate("window.scrollTo(0, 0)")
    start.click()
    page.locator("#annotate-status").get_by_text("item 1 of 2").wait_for()


def test_the_translate_error_panel_has_one_red_border(page: Any, server: Server) -> None:
    # review22's walk: gradio 6 draws a Group twice, one inside the other with the same id and
    # classes, so the error panel showed a red border inside a red border.
    open_tab(page, server, "Translate")
    page.locator("#translate-run").click()  # nothing to translate: the panel opens
    page.locator("#translate-error-text").get_by_text("nothing to translate").wait_for(
        timeout=wait_ms(30)
    )
    widths = page.locator(".wb-error-panel").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null)"
        ".map(e => parseFloat(getComputedStyle(e).borderLeftWidth))"
    )
    assert sorted(widths, reverse=True)[:2] in ([5.0], [5.0, 0.0]), widths
