"""The served app in a real browser: every tab is reachable, nothing calls out to the web."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_harness import Server, open_tab, pause, snap, start_server, wait_s

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
    log = server.log.read_text()
    assert "Running on local URL:  http://127.0.0.1" in log
    assert "share=True" not in log  # gradio's advice for its Python API, not for `serve`


def test_header_names_the_data_folder(page: Any, server: Server) -> None:
    page.goto(server.url)
    header = page.locator("#wb-header")
    header.wait_for()
    assert str(server.home) in header.inner_text()  # type: ignore[attr-defined]
    snap(page, "frame")


def test_auth_keeps_the_app_closed_until_login(tmp_path: Path) -> None:
    import http.cookiejar
    import urllib.error
    import urllib.parse
    import urllib.request

    server = start_server(tmp_path, ["--auth", "ann:s3cret"])
    try:
        with pytest.raises(urllib.error.HTTPError) as closed:
            urllib.request.urlopen(server.url + "config", timeout=wait_s(10))
        assert closed.value.code == 401
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        with pytest.raises(urllib.error.HTTPError):
            opener.open(
                server.url + "login", data=b"username=ann&password=wrong", timeout=wait_s(10)
            )
        login = urllib.parse.urlencode({"username": "ann", "password": "s3cret"}).encode()
        assert opener.open(server.url + "login", data=login, timeout=wait_s(10)).status == 200
        assert opener.open(server.url + "config", timeout=wait_s(10)).status == 200
    finally:
        server.stop()


def test_upload_boxes_leave_their_prompt_visible(page: Any, server: Server) -> None:
    """Every empty upload box shows its whole "Drop File Here / Click to Upload" prompt below
    its label: the Translate tab's two boxes were 110 px high and their two-line labels hid
    the prompt's first line."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(server.url)
    hidden = []
    for tab in TABS:
        open_tab(page, server, tab)
        page.locator(f"#tab-{tab.lower()}").wait_for(state="visible")
        pause(page, 0.3)
        hidden += page.locator(f"#tab-{tab.lower()}").evaluate(
            """panel => [...panel.querySelectorAll('[data-testid="block-label"]')].flatMap(label => {
                 const prompt = label.closest('.block')?.querySelector('[data-testid="upload-text"]');
                 if (!prompt || !prompt.checkVisibility({checkVisibilityCSS: true})) return [];
                 if (label.closest(".block").getBoundingClientRect().height < 1) return [];
                 const walker = document.createTreeWalker(prompt, NodeFilter.SHOW_TEXT);
                 const tops = [];
                 for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                   if (!n.textContent.trim()) continue;
                   const range = document.createRange();
                   range.selectNodeContents(n);
                   tops.push(range.getBoundingClientRect().top);
                 }
                 const icon = prompt.querySelector('[data-testid="upload-icon"]');
                 if (icon) tops.push(icon.getBoundingClientRect().top);
                 const bottom = label.getBoundingClientRect().bottom;
                 return tops.some(top => top < bottom - 1) ? [label.innerText.trim()] : [];
               })"""
        )
    assert hidden == [], hidden
