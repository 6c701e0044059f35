"""Compare in a real browser (one server per module).

The Translate and Models tabs have their own file, ``test_browser_translate.py``.
"""

from __future__ import annotations

from typing import Any

from browser_harness import Server, open_tab, snap, wait_ms


def test_sample_case_shows_highlighted_differences(page: Any, server: Server) -> None:
    from playwright.sync_api import expect

    open_tab(page, server, "Compare")
    assert "kazakhstan-2022-01" in page.locator("#compare-case input").input_value()
    page.locator("#compare-run").click()
    page.locator("#compare-statements mark.wb-diff").first.wait_for(timeout=wait_ms(180))
    page.get_by_role("tab", name="Aligned pairs").click()
    marks = page.locator("#compare-pairs mark.wb-diff")
    marks.first.wait_for(timeout=wait_ms(30))
    kinds = {marks.nth(i).get_attribute("data-kind") for i in range(marks.count())}
    assert {"number", "attribution"} <= kinds
    snap(page, "compare-pairs", height=1500)
    page.locator("#compare-kinds").get_by_label("number", exact=True).uncheck()
    expect(page.locator('#compare-pairs mark[data-kind="number"]')).to_have_count(0)
    page.get_by_role("tab", name="Aggregates").click()
    assert "Differences by outlet type and kind" in page.locator("#compare-aggregates").inner_text()
