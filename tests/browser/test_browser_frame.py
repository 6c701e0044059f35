"""The served app in a real browser: every tab is reachable, nothing calls out to the web."""

from __future__ import annotations

from typing import Any

from browser_harness import Server, open_tab, snap

TABS = ("Translate", "Compare", "Evaluate", "Annotate", "Models")


def test_every_tab_opens_and_nothing_leaves_the_machine(page: Any, server: Server) -> None:
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else None
        ),
    )
    page.goto(server.url)
    page.wait_for_selector("#wb-header")
    for tab in TABS:
        open_tab(page, server, tab)
        panel = page.locator(f"#tab-{tab.lower()}")
        panel.wait_for(state="visible")
        assert panel.is_visible()
    assert outside == []
    assert "Running on local URL:  http://127.0.0.1" in server.log.read_text()


def test_header_names_the_data_folder(page: Any, server: Server) -> None:
    page.goto(server.url)
    header = page.locator("#wb-header")
    header.wait_for()
    assert str(server.home) in header.inner_text()  # type: ignore[attr-defined]
    snap(page, "frame")
