"""Lists read from disk are read again when the page loads (ux11's walk, the translator).

An operator copied a model folder into ``<home>/models`` while ``workbench serve`` ran; reloading
the page did not offer it in the Translate tab (only the Models tab's Refresh did) and Compare's
"Machine translation model" never offered it until a restart.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import REPO, Server, open_tab, start_server, wait_ms


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``workbench serve`` with an empty home and no ``--model``."""
    home = tmp_path_factory.mktemp("lists-home")
    srv = start_server(home)
    srv.home = home  # type: ignore[attr-defined]
    yield srv
    srv.stop()


def _options(page: Any, elem_id: str) -> list[str]:
    page.locator(f"#{elem_id} input").click()
    options = [
        str(t).replace("✓", "").strip() for t in page.get_by_role("option").all_inner_texts()
    ]
    page.keyboard.press("Escape")
    return options


def test_a_model_copied_in_while_serving_is_offered_after_a_reload(
    page: Any, plain_server: Server, tiny_marian_dir: Path
) -> None:
    open_tab(page, plain_server, "Translate")
    assert "copied-ru-en" not in page.locator("#translate-models").inner_text()
    shutil.copytree(tiny_marian_dir, plain_server.home / "models" / "copied-ru-en")  # type: ignore[attr-defined]
    page.reload()
    open_tab(page, plain_server, "Translate")
    page.locator("#translate-models").get_by_text("copied-ru-en").wait_for(timeout=wait_ms(30))
    open_tab(page, plain_server, "Compare")
    options = _options(page, "compare-mt-model")
    assert options[0] == "Default model per language"
    assert any("copied-ru-en" in o for o in options), options
    open_tab(page, plain_server, "Models")
    assert "copied-ru-en" in page.locator("#models-local").inner_text()


def test_the_case_list_says_what_it_left_out_and_is_read_again_on_reload(
    page: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # A malformed case was missing from the Case list with only the server log saying why; a
    # case folder added while serving needed a restart.
    corpora = tmp_path_factory.mktemp("lists-corpora")
    shutil.copytree(REPO / "corpora" / "spring-flood-karaozen", corpora / "spring-flood-karaozen")
    (corpora / "broken").mkdir()
    (corpora / "broken" / "case.toml").write_text('title = "x\n', "utf-8")
    srv = start_server(tmp_path_factory.mktemp("lists-home2"), ["--corpora", str(corpora)])
    try:
        open_tab(page, srv, "Compare")
        note = page.locator("#compare-skipped")
        assert "Not in the Case list: 1 folder with a malformed case" in note.inner_text()
        assert "broken/case.toml: not valid TOML" in note.inner_text()
        (corpora / "broken" / "case.toml").unlink()
        shutil.copytree(corpora / "spring-flood-karaozen", corpora / "flood-copy")
        page.reload()
        open_tab(page, srv, "Compare")
        # nothing left out: the note is gone (an empty block left a gap in the panel)
        page.wait_for_function(
            "() => { const e = document.getElementById('compare-skipped');"
            " return !e || e.getBoundingClientRect().height === 0; }"
        )
        options = _options(page, "compare-case")
        assert any(o.startswith("spring-flood-karaozen (folder flood-copy) — ") for o in options)
        assert len(options) == len(set(options)) == 2
    finally:
        srv.stop()


def test_a_long_choice_ends_before_the_dropdown_arrow(page: Any, plain_server: Server) -> None:
    # review17's walk: the sample case's "id — title" ran on under the Case list's arrow, the
    # arrow drawn over "how o…"; the text now stops short of the arrow and ends in "…".
    open_tab(page, plain_server, "Compare")
    box = page.locator("#compare-case input").evaluate(
        """i => { const s = getComputedStyle(i), r = i.getBoundingClientRect();
                  const a = i.parentElement.querySelector('.icon-wrap').getBoundingClientRect();
                  return {long: i.scrollWidth > i.clientWidth, overflow: s.textOverflow,
                          textEnd: r.right - parseFloat(s.paddingRight), arrow: a.left}; }"""
    )
    assert box["long"], box  # the sample case's title is longer than the box
    assert box["overflow"] == "ellipsis" and box["textEnd"] <= box["arrow"], box
