"""Annotate in a real browser: two judgments survive a restart of the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import Server, open_tab, snap, start_server, table_cells, wait_uploaded

SOURCES = ["Погибли 164 человека.", "Задержаны 20 000 бандитов.", "Миссия продлится неделю."]
MT = ["164 people died.", "20,000 bandits were detained.", "The mission will last a week."]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("annotate-home")


@pytest.fixture(scope="module")
def first_server(home: Path) -> Iterator[Server]:
    srv = start_server(home)
    yield srv
    srv.stop()


def _start(page: Any, server: Server, annotator: str) -> None:
    page.goto(server.url)
    open_tab(page, server, "Annotate")
    page.locator("#annotate-annotator input, #annotate-annotator textarea").first.fill(annotator)
    page.locator("#annotate-campaign input").click()
    page.get_by_role("option", name="pilot").click()
    page.locator("#annotate-start").click()


def _showing(page: Any, source: str) -> None:
    from playwright.sync_api import expect

    expect(page.locator("#annotate-source textarea")).to_have_value(source, timeout=30_000)


def _judge(page: Any, score: str, expect_source: str) -> None:
    _showing(page, expect_source)
    box = page.locator("#annotate-score input[type=number]")
    box.fill(score)
    box.press("Enter")
    page.locator("#annotate-submit").click()


def test_two_judgments_survive_a_restart(
    page: Any, first_server: Server, home: Path, tmp_path: Path
) -> None:
    src, mt = tmp_path / "src.txt", tmp_path / "mt.txt"
    src.write_text("\n".join(SOURCES) + "\n", encoding="utf-8")
    mt.write_text("\n".join(MT) + "\n", encoding="utf-8")
    page.goto(first_server.url)
    open_tab(page, first_server, "Annotate")
    page.locator("#annotate-new-name input, #annotate-new-name textarea").first.fill("pilot")
    page.locator("#annotate-new-source input[type=file]").set_input_files(str(src))
    page.locator("#annotate-new-systems input[type=file]").set_input_files([str(mt)])
    wait_uploaded(page, "annotate-new-systems", "mt")
    wait_uploaded(page, "annotate-new-source", "src")
    page.locator("#annotate-create").click()
    page.get_by_text("3 new items stored").wait_for()

    _start(page, first_server, "alice")
    _showing(page, SOURCES[0])
    page.locator("#annotate-submit").click()  # slider untouched: refused, nothing stored
    page.locator(".toast-body").filter(has_text="Move the slider").first.wait_for()
    _judge(page, "80", SOURCES[0])
    _showing(page, SOURCES[1])
    page.locator("#annotate-span input, #annotate-span textarea").first.fill("bandits")
    page.locator("#annotate-add-error").click()
    page.locator("#annotate-translation").get_by_text("bandits").wait_for()
    _judge(page, "40", SOURCES[1])
    assert len(table_cells(page, "annotate-judgments", rows=2)) == 2
    snap(page, "annotate")
    first_server.stop()

    second = start_server(home)
    try:
        _start(page, second, "alice")
        _showing(page, SOURCES[2])
        assert "2 judged" in page.locator("#annotate-status").inner_text()
        rows = table_cells(page, "annotate-judgments", rows=2)
        assert [(r[0], r[2]) for r in rows] == [("pilot:mt.txt:1", "80"), ("pilot:mt.txt:2", "40")]
        assert "bandits" in rows[1][3]
    finally:
        second.stop()
