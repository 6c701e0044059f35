"""Translate, compare and the model catalog in a real browser (one server per module).

The Translate tab runs the tiny random-weight Marian model (``--model opus-mt:<tiny dir>``): its
output is noise, but there is exactly one output per sentence, which is what is checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_harness import REPO, Server, open_tab, snap, table_cells

HOSTILE = "<img src=x onerror=alert(1)>"
RU = (
    "Президент заявил, что на Алматы напали 20 000 бандитов. "
    "Власти ввели режим чрезвычайного положения. "
    "Интернет был отключён на несколько дней."
)


def _translate(page: Any, server: Server, text: str) -> None:
    open_tab(page, server, "Translate")
    page.locator("#translate-input textarea").fill(text)
    page.locator("#translate-src input").click()
    page.get_by_role("option", name="Russian (ru)").click()
    page.locator("#translate-models").get_by_text("opus-mt:", exact=False).click()
    # Short greedy decoding keeps the tiny model quick.
    page.get_by_text("Decoding options").click()
    from playwright.sync_api import expect

    for elem_id, value in (("translate-beam", "1"), ("translate-max-length", "32")):
        box = page.locator(f"#{elem_id} input[type=number]")
        box.fill(value)
        box.press("Enter")
        box.blur()
        # The slider takes the typed value asynchronously; clicking Translate before it has
        # would send the old value (seen as a flaky beam:4 signature under load).
        expect(page.locator(f"#{elem_id} input[type=range]")).to_have_value(value)
    page.locator("#translate-run").click()
    page.locator("#translate-signatures code").wait_for(timeout=120_000)


def test_russian_paragraph_gives_one_output_per_sentence(page: Any, server: Server) -> None:
    _translate(page, server, RU)
    rows = table_cells(page, "translate-table", rows=3)
    assert [r[0] for r in rows] == ["1.1", "1.2", "1.3"]
    assert all(r[2] for r in rows), "a sentence has no translation"
    assert rows[1][1].startswith("Власти ввели режим")
    signature = page.locator("#translate-signatures").inner_text()
    assert "engine:opus-mt" in signature and "beam:1" in signature and "maxlen:32" in signature
    # Post-edit sentence 1.2 and see the edit kept in the table.
    page.locator("#postedit-row input").click()
    page.get_by_role("option", name="1.2").click()
    from playwright.sync_api import expect

    editor = page.locator("#postedit-text textarea")
    expect(editor).to_have_value(rows[1][2])  # the machine translation, ready to edit
    page.locator("#postedit-text textarea").fill("The authorities declared a state of emergency.")
    page.locator("#postedit-save").click()
    page.get_by_text("Saved your edit of sentence 1.2").wait_for()
    page.wait_for_function(
        "() => document.querySelector('#translate-table').innerText.includes('✎')"
    )
    edited = table_cells(page, "translate-table", rows=3)[1][2]
    assert edited == "✎ The authorities declared a state of emergency."
    # Download as TXT: one line per input paragraph, with the edit in it.
    page.locator("#translate-export").click()
    link = page.locator("#translate-download a").first
    link.wait_for(timeout=60_000)
    with page.expect_download() as info:
        link.click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.count("\n") == 1 and "The authorities declared a state of emergency." in text
    snap(page, "translate-tiny-model")


def test_imported_translations_and_a_post_edit(page: Any, server: Server, tmp_path: Path) -> None:
    """The ``imported`` engine through the free model box: the sample case's human translations.

    No MT model can be downloaded here, so this is also the Translate screenshot: real English
    next to the Russian, from the ``imported`` engine (translations supplied in a file).
    """
    folder = REPO / "corpora" / "kazakhstan-2022-01" / "statements"
    ru = (folder / "tokayev-2022-01-07.ru.txt").read_text(encoding="utf-8").splitlines()[:5]
    en = (folder / "tokayev-2022-01-07.en.txt").read_text(encoding="utf-8").splitlines()[:5]
    tsv = tmp_path / "human-translation.tsv"
    tsv.write_text("".join(f"{a}\t{b}\n" for a, b in zip(ru, en, strict=True)), encoding="utf-8")
    open_tab(page, server, "Translate")
    page.locator("#translate-input textarea").fill("\n".join(ru))
    page.locator("#translate-custom-engine input").click()
    page.get_by_role("option", name="imported").click()
    page.locator("#translate-custom-model input, #translate-custom-model textarea").first.fill(
        str(tsv)
    )
    page.locator("#translate-run").click()
    page.locator("#translate-signatures code").wait_for(timeout=60_000)
    rows = table_cells(page, "translate-table", rows=5)
    assert [r[2] for r in rows] == en
    assert "backend:file" in page.locator("#translate-signatures").inner_text()
    page.locator("#postedit-row input").click()
    page.get_by_role("option", name="2.1").click()
    from playwright.sync_api import expect

    expect(page.locator("#postedit-text textarea")).to_have_value(en[1])
    page.locator("#postedit-text textarea").fill(en[1].replace("20,000", "twenty thousand"))
    page.locator("#postedit-save").click()
    page.get_by_text("Saved your edit of sentence 2.1").wait_for()
    snap(page, "translate")


def test_hostile_html_is_shown_as_text(page: Any, server: Server) -> None:
    _translate(page, server, f"{HOSTILE} Привет. <script>alert(2)</script>")
    assert HOSTILE in table_cells(page, "translate-table", rows=1)[0][1]
    assert page.locator('img[src="x"]').count() == 0
    # The same text as a model name ends in an error message, shown as text too.
    page.locator("#translate-custom-model input, #translate-custom-model textarea").first.fill(
        HOSTILE
    )
    page.locator("#translate-run").click()
    toast = page.locator(".toast-body").filter(has_text="onerror")
    toast.first.wait_for(timeout=60_000)
    assert HOSTILE in toast.first.inner_text()
    assert page.locator('img[src="x"]').count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_sample_case_shows_highlighted_differences(page: Any, server: Server) -> None:
    open_tab(page, server, "Compare")
    assert "kazakhstan-2022-01" in page.locator("#compare-case input").input_value()
    page.locator("#compare-run").click()
    page.locator("#compare-statements mark.wb-diff").first.wait_for(timeout=180_000)
    page.get_by_role("tab", name="Aligned pairs").click()
    marks = page.locator("#compare-pairs mark.wb-diff")
    marks.first.wait_for(timeout=30_000)
    kinds = {marks.nth(i).get_attribute("data-kind") for i in range(marks.count())}
    assert {"number", "attribution"} <= kinds
    snap(page, "compare-pairs", height=1500)
    page.locator("#compare-kinds").get_by_label("number", exact=True).uncheck()
    page.wait_for_timeout(1000)
    assert page.locator('#compare-pairs mark[data-kind="number"]').count() == 0
    page.get_by_role("tab", name="Aggregates").click()
    assert "Differences by outlet type and kind" in page.locator("#compare-aggregates").inner_text()


def test_models_tab_lists_the_catalog_and_a_command(page: Any, server: Server) -> None:
    open_tab(page, server, "Models")
    catalog = page.locator("#models-catalog")
    catalog.get_by_text("Helsinki-NLP/opus-mt-ru-en").first.wait_for()
    assert "workbench translate --engine" in page.locator("#models-cli").inner_text()
    snap(page, "models")
