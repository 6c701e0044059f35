"""A translator with no downloadable model, in a real browser (issue 12, Translate and Models).

The operator has copied the tests' tiny random-weight Marian model into ``<home>/models`` (where
an operator puts model folders); no catalog model can be downloaded. The translator uploads
translations made elsewhere, compares them with the local model side by side, post-edits a cell
of the table and downloads XLIFF whose states tell machine translation, post-edits and imported
translations apart. The tiny model's output is noise: it proves the wiring, not quality.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from browser_harness import (
    TOAST_GONE_MS,
    Server,
    open_tab,
    pause,
    snap,
    table_cells,
    translate_with_fast_decoding,
    wait_ms,
    wait_uploaded,
)

RU = [
    "Президент заявил, что на Алматы напали 20 000 бандитов. Власти закрыли школы до конца недели.",
    "Поезда не ходили несколько дней.",
]
EN = [
    "The president said 20,000 bandits attacked Almaty.",
    "The authorities closed schools until the end of the week.",
    "Trains did not run for several days.",
]
XLIFF = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
HOSTILE = "<img src=x onerror=alert(1)>"


def _edit_cell(page: Any, row: int, col: int, text: str) -> None:
    """Double-click a cell and type into its editor. Under load a double-click sometimes opens
    no editor (review16's run at load 8.5: the textarea never came in 114 s), so the cell is
    double-clicked again, as :func:`browser_harness.set_slider` types a slider's value again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    cell = page.locator(f'#translate-table [data-testid="cell-{row}-{col}"]')
    editor = cell.locator("textarea").first
    for _ in range(3):
        cell.dblclick()
        try:
            editor.wait_for(timeout=wait_ms(10))
            break
        except PlaywrightTimeout:
            continue
    editor.fill(text)
    editor.press("Enter")


def test_translator_uploads_compares_post_edits_and_downloads_xliff(
    page: Any, model_server: Server, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    done_elsewhere = tmp_path / "agency-translation.txt"  # one translation per sentence
    done_elsewhere.write_text("\n".join(EN) + "\n", encoding="utf-8")
    open_tab(page, model_server, "Translate")
    page.locator("#translate-input textarea").fill("\n".join(RU))
    page.locator("#translate-imported input[type=file]").set_input_files(str(done_elsewhere))
    wait_uploaded(page, "translate-imported", "agency-translation")
    models = page.locator("#translate-models")
    assert "would download" in models.inner_text() or "not here" in models.inner_text()
    translate_with_fast_decoding(page, "tiny-ru-en")
    rows = table_cells(page, "translate-table", rows=3)
    assert [r[0] for r in rows] == ["1.1", "1.2", "2.1"]
    assert [r[2] for r in rows] == EN, "uploaded translations line up with the sentences"
    assert all(r[3] for r in rows), "the local model translated every sentence"
    assert all(r[4].endswith("%") for r in rows), "agreement per sentence"
    assert page.locator("#translate-disagreements mark.wb-engines-differ").count() > 0
    signatures = page.locator("#translate-signatures").inner_text()
    assert "engine:imported|model:agency-translation.txt" in signatures
    assert "engine:opus-mt" in signatures and "beam:1" in signatures
    # Post-edit the model's translation of 1.2 in the table cell.
    _edit_cell(page, 1, 3, "The authorities shut schools until the end of the week.")
    page.get_by_text("Saved your edit of sentence 1.2").wait_for(timeout=wait_ms(60))
    expect(page.locator('#translate-table [data-testid="cell-1-3"]')).to_contain_text(
        "✎ The authorities shut schools until the end of the week."
    )
    snap(page, "translate")
    # Download the model's column as XLIFF and read the states.
    page.locator("#translate-export-system input").click()
    page.get_by_role("option", name="tiny-ru-en").click()
    page.locator("#translate-format").get_by_text("XLIFF").click()
    page.locator("#translate-export").click()
    link = page.locator("#translate-download a").first
    link.wait_for(timeout=wait_ms(60))
    with page.expect_download() as info:
        link.click()
    root = ET.parse(info.value.path()).getroot()
    units = root.findall(".//x:trans-unit", XLIFF)
    states = [
        (u.find("x:target", XLIFF).get("state"), u.find("x:target", XLIFF).get("state-qualifier"))
        for u in units
    ]
    assert states == [
        ("translated", "mt-suggestion"),
        ("translated", None),
        ("translated", "mt-suggestion"),
    ]
    assert (
        units[1].find("x:target", XLIFF).text
        == "The authorities shut schools until the end of the week."
    )
    assert units[1].find("x:alt-trans[@origin='mt']/x:target", XLIFF) is not None
    # The uploaded column downloads as imported.
    before = link.get_attribute("href")
    page.locator("#translate-export-system input").click()
    page.get_by_role("option", name="imported: agency-translation.txt").click()
    page.locator("#translate-export").click()
    page.wait_for_function(
        "(old) => document.querySelector('#translate-download a')?.getAttribute('href') !== old",
        arg=before,
    )
    with page.expect_download() as info:
        page.locator("#translate-download a").first.click()
    root = ET.parse(info.value.path()).getroot()
    qualifiers = {t.get("state-qualifier") for t in root.iterfind(".//x:target", XLIFF)}
    assert qualifiers == {"leveraged-inherited"}


def test_errors_stay_until_dismissed_and_speak_ui_terms(page: Any, model_server: Server) -> None:
    open_tab(page, model_server, "Translate")
    page.locator("#translate-input textarea").fill(
        f"{HOSTILE} This is plainly an English sentence about the weather."
    )
    page.locator("#translate-run").click()
    panel = page.locator("#translate-error").first
    # English input: the message says so in the UI's words (ux11b, 420b067), never a CLI flag
    panel.get_by_text("The text looks like English").wait_for(timeout=wait_ms(60))
    page.wait_for_timeout(TOAST_GONE_MS)  # a toast would be gone by now
    assert panel.is_visible()
    text = panel.inner_text()
    assert "--src" not in text and "workbench." not in text
    assert page.locator("#translate-table .error, #translate-notices .error").count() == 0
    page.locator("#translate-error-dismiss").click()
    page.wait_for_function("() => !document.querySelector('#translate-error')?.offsetParent")
    assert page.locator('img[src="x"]').count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_hostile_text_in_uploads_and_input_is_shown_as_text(
    page: Any, model_server: Server, tmp_path: Path
) -> None:
    upload = tmp_path / "hostile.txt"
    upload.write_text(f"{HOSTILE} Hello.\n", encoding="utf-8")
    open_tab(page, model_server, "Translate")
    page.locator("#translate-input textarea").fill(f"{HOSTILE} Привет. <script>alert(2)</script>")
    page.locator("#translate-src input").click()
    page.get_by_role("option", name="Russian (ru)").click()
    page.locator("#translate-imported input[type=file]").set_input_files(str(upload))
    wait_uploaded(page, "translate-imported", "hostile")
    page.locator("#translate-run").click()
    page.locator("#translate-signatures code").first.wait_for(timeout=wait_ms(60))
    assert HOSTILE in table_cells(page, "translate-table", rows=1)[0][1]
    assert page.locator('img[src="x"]').count() == 0
    pause(page, 0.5)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_models_tab_lists_local_models_and_says_how_to_bring_one_in(
    page: Any, model_server: Server
) -> None:
    open_tab(page, model_server, "Models")
    catalog = page.locator("#models-catalog")
    catalog.get_by_text("Helsinki-NLP/opus-mt-ru-en").first.wait_for()
    assert "not published" in catalog.inner_text()
    assert "tiny-ru-en" in page.locator("#models-local").inner_text()
    assert page.locator("#models-cli-title").is_visible()
    page.locator("#models-choice input").click()
    page.get_by_role("option", name="opus-mt-ru-en", exact=True).click()
    page.locator("#models-pull").click()
    panel = page.locator("#models-error").first
    panel.get_by_text("HF_HUB_OFFLINE").wait_for(timeout=wait_ms(60))
    text = panel.inner_text()
    assert "models" in text and "workbench models pull" not in text
    snap(page, "models")
    # Converting the local model for ct2 offers the conversion in the Translate tab at once.
    page.locator("#models-error-dismiss").click()
    page.locator("#models-choice input").click()
    page.get_by_role("option", name="tiny-ru-en", exact=True).click()
    page.locator("#models-convert").click()
    page.wait_for_function(
        "() => document.querySelector('#models-status textarea')?.value.startsWith('Converted')",
        timeout=wait_ms(120),
    )
    assert "converted" in page.locator("#models-local").inner_text()
    page.get_by_role("tab", name="Translate").click()
    models = page.locator("#translate-models")
    # shown by the model it came from and its quantization, not by its folder (a path slug)
    models.get_by_text("tiny-ru-en (int8) (ct2) · converted", exact=False).first.wait_for(
        timeout=wait_ms(30)
    )
    assert "--int8" not in models.inner_text()


def test_the_result_table_offers_no_row_or_column_to_add_or_delete(
    page: Any, server: Server, tmp_path: Path
) -> None:
    # review23's walk: gradio 6 gave the table a "+" (add row) and cell menus with "Add row
    # above/below", "Add column to the left/right" and "Delete column": a translation column
    # deleted on screen stayed in every download, and an added row took no edit ("Only the
    # systems' translations can be edited"). Sorting and filtering stay.
    upload = tmp_path / "done-elsewhere.txt"
    upload.write_text(EN[2] + "\n", encoding="utf-8")
    open_tab(page, server, "Translate")
    page.locator("#translate-input textarea").fill(RU[1])
    page.locator("#translate-imported input[type=file]").set_input_files(str(upload))
    wait_uploaded(page, "translate-imported", "done-elsewhere")
    page.locator("#translate-run").click()
    assert len(table_cells(page, "translate-table", rows=1)) == 1
    assert page.locator("#translate-table .add-row-button:visible").count() == 0
    menus = []
    for cell in ('[data-testid="cell-0-2"]', "th"):
        target = page.locator(f"#translate-table {cell}").last
        target.click() if cell != "th" else target.hover()
        target.locator("button.cell-menu-button").first.click()
        menu = page.locator(".cell-menu").first
        menu.wait_for(timeout=wait_ms(10))
        menus.append(menu.locator("button:visible").all_inner_texts())
        page.keyboard.press("Escape")
        page.mouse.click(5, 5)
    shown = [item.strip() for items in menus for item in items]
    assert not [item for item in shown if item.startswith(("Add ", "Delete "))], shown
    assert "Sort ascending" in shown, shown
