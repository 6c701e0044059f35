"""Annotate in a real browser: two annotators judge blind in their own order, mark error spans by
selecting words with the mouse, edit a judgment, and read the campaign's results; judgments
survive a restart of the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import (
    Server,
    open_tab,
    snap,
    start_server,
    table_cells,
    wait_ms,
    wait_uploaded,
)

SOURCES = ["Погибли 164 человека.", "Задержаны 20 000 бандитов.", "Миссия продлится неделю."]
MT = ["164 people died.", "20,000 bandits were detained.", "The mission will last a week."]
MT2 = ["164 persons died.", "20 000 gangsters detained.", "Mission lasts one week."]

#: Drags the mouse over the first occurrence of a word inside the translation block.
WORD_BOX_JS = """
([word]) => {
  const box = document.querySelector('#annotate-translation .wb-mt');
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.textContent.indexOf(word);
    if (at >= 0) {
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + word.length);
      const b = r.getBoundingClientRect();
      return [b.left, b.top, b.right, b.bottom];
    }
  }
  return null;
}
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("annotate-home")


@pytest.fixture(scope="module")
def first_server(home: Path) -> Iterator[Server]:
    srv = start_server(home)
    yield srv
    srv.stop()


def _create(page: Any, server: Server, tmp_path: Path) -> None:
    files = {"src.txt": SOURCES, "secret-opus.txt": MT, "secret-nllb.txt": MT2}
    for name, lines in files.items():
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.goto(server.url)
    open_tab(page, server, "Annotate")
    page.locator("#annotate-new-name input, #annotate-new-name textarea").first.fill("pilot")
    page.locator("#annotate-new-source input[type=file]").set_input_files(str(tmp_path / "src.txt"))
    page.locator("#annotate-new-systems input[type=file]").set_input_files(
        [str(tmp_path / "secret-opus.txt"), str(tmp_path / "secret-nllb.txt")]
    )
    wait_uploaded(page, "annotate-new-systems", "secret-opus", "secret-nllb")
    wait_uploaded(page, "annotate-new-source", "src")
    page.locator("#annotate-create").click()
    page.get_by_text("6 new items stored").wait_for()


def _start(page: Any, server: Server, annotator: str, protocol: str) -> None:
    page.goto(server.url)
    open_tab(page, server, "Annotate")
    page.locator("#annotate-annotator input, #annotate-annotator textarea").first.fill(annotator)
    page.locator("#annotate-campaign input").click()
    page.get_by_role("option", name="pilot").click()
    page.locator("#annotate-protocol").get_by_text(protocol, exact=False).click()
    page.locator("#annotate-start").click()
    page.locator("#annotate-status").get_by_text(annotator, exact=False).wait_for()


def _translation(page: Any) -> str:
    page.locator("#annotate-translation .wb-mt").wait_for()
    return str(page.locator("#annotate-translation .wb-mt").inner_text()).strip()


#: The status line once no event is running (gradio shows "processing ..." meanwhile).
IDLE_STATUS_JS = """() => { const el = document.querySelector('#annotate-status');
  const prose = el.querySelector('.prose') || el;
  const t = prose.innerText.trim();
  return /processing|pending|\\d\\.\\ds/.test(t) ? null : t; }"""


def _wait_new_item(page: Any, previous_status: str) -> None:
    page.wait_for_function(
        "([old, idle]) => { const t = eval(idle)(); return t !== null && t !== old; }",
        arg=[previous_status, IDLE_STATUS_JS],
    )


def _status(page: Any) -> str:
    page.wait_for_function(IDLE_STATUS_JS)
    return str(page.evaluate(IDLE_STATUS_JS))


def _select_with_mouse(page: Any, word: str) -> None:
    left, top, right, bottom = page.evaluate(WORD_BOX_JS, [word])
    y = (top + bottom) / 2
    page.mouse.move(left + 1, y)
    page.mouse.down()
    page.mouse.move((left + right) / 2, y, steps=4)
    page.mouse.move(right - 1, y, steps=4)
    page.mouse.up()
    from playwright.sync_api import expect

    span = page.locator("#annotate-span input, #annotate-span textarea").first
    expect(span).to_have_value(word, timeout=wait_ms(15))


def _score(page: Any, value: str) -> None:
    box = page.locator("#annotate-score input[type=number]")
    box.fill(value)
    box.press("Enter")


def _submit(page: Any) -> None:
    before = _status(page)
    page.locator("#annotate-submit").click()
    _wait_new_item(page, before)


def test_two_annotators_judge_blind_mark_with_the_mouse_edit_and_read_results(
    page: Any, first_server: Server, tmp_path: Path
) -> None:
    _create(page, first_server, tmp_path)

    # alice: ESA — mark an error with the mouse, then score
    _start(page, first_server, "alice", "ESA")
    word = _translation(page).split()[1].strip(".,")
    _select_with_mouse(page, word)
    page.locator("#annotate-severity input").click()
    page.get_by_role("option", name="major").click()
    page.locator("#annotate-add-error").click()
    page.locator("#annotate-translation mark.sev-major").get_by_text(word).wait_for()
    _score(page, "40")
    snap(page, "annotate")
    assert "secret" not in page.locator("#tab-annotate").inner_text()  # blind
    _submit(page)
    _score(page, "75")
    _submit(page)
    # edit: back to the second item, change its score from 75 to 60
    before = _status(page)
    page.locator("#annotate-back").click()
    _wait_new_item(page, before)
    assert "already judged" in _status(page)
    _score(page, "60")
    _submit(page)
    rows = table_cells(page, "annotate-judgments", rows=2)
    assert [(r[0], r[1], r[2]) for r in rows] == [("1", "esa", "40"), ("2", "esa", "60")]
    assert word in rows[0][3]
    assert "secret" not in page.locator("#tab-annotate").inner_text()

    # bob: DA in his own order; a 0 without moving the slider; skip one and come back to it
    _start(page, first_server, "bob", "Direct assessment")
    _translation(page)
    page.locator("#annotate-score-zero").click()
    _submit(page)
    before = _status(page)
    page.locator("#annotate-skip").click()
    _wait_new_item(page, before)
    for value in ("90", "20", "55", "70", "65"):
        _score(page, value)
        _submit(page)
    assert "all 6 items" in _status(page)
    bob_rows = table_cells(page, "annotate-judgments", rows=6)
    assert bob_rows[0][2] == "0" and len(bob_rows) == 6

    # the campaign's results in the Evaluate tab
    open_tab(page, first_server, "Evaluate")
    page.locator("#evaluate-human").get_by_text("Human judgments of a campaign").click()
    page.locator("#evaluate-campaign input").click()
    page.get_by_role("option", name="pilot").click()
    page.locator("#evaluate-human-run").click()
    means = table_cells(page, "evaluate-human-systems", rows=2)
    assert sorted(r[0] for r in means) == ["secret-nllb.txt", "secret-opus.txt"]
    assert all(r[3] == "n/a" or "–" in r[3] for r in means)
    errors = table_cells(page, "evaluate-human-errors", rows=1)
    assert errors[0][1:] == ["error", "major", "1"]
    agreement = page.locator("#evaluate-human-agreement").inner_text()
    assert "alice vs bob" in agreement and "shared items" in agreement
    # alice's two ESA scores and bob's DA share two items: defined, with its sample size
    assert "Krippendorff's alpha (scores, interval):" in agreement
    # review10 (fix11): the campaign's template, to judge elsewhere and import, downloads here
    page.locator("#evaluate-judgments-template").click()
    link = page.locator("#evaluate-judgments-template-file a").first
    link.wait_for(timeout=wait_ms(60))
    with page.expect_download() as info:
        link.click()
    template = Path(info.value.path()).read_text("utf-8").splitlines()
    assert template[0].startswith("annotator,") and len(template) == 1 + 6
    first_server.stop()


def test_judgments_survive_a_restart(page: Any, home: Path) -> None:
    second = start_server(home)
    try:
        _start(page, second, "alice", "ESA")
        assert "2 judged" in _status(page)
        rows = table_cells(page, "annotate-judgments", rows=2)
        assert [(r[0], r[2]) for r in rows] == [("1", "40"), ("2", "60")]
        assert "item 3 of 6" in _status(page)
    finally:
        second.stop()
