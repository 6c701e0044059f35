"""Translate tab: faithfulness flags per engine, in a real browser.

Two engines translate the same Russian lines: the tiny random-weight Marian model (its output
is noise, so it is flagged on every sentence) and the ``imported`` engine with a human
translation in which one figure was changed. The flags panel must show, per engine, how many
sentences are flagged, and mark the changed figure in the imported engine's translation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_harness import Server, open_tab, snap

RU = [
    "Президент заявил, что на Алматы напали 20 000 бандитов.",
    "Власти ввели режим чрезвычайного положения.",
]
EN = [
    "The president said that 2,000 bandits attacked Almaty.",
    "The authorities declared a state of emergency.",
]


def test_translate_flags_show_which_engine_changed_the_figure(
    page: Any, server: Server, tmp_path: Path
) -> None:
    tsv = tmp_path / "translation.tsv"
    tsv.write_text("".join(f"{a}\t{b}\n" for a, b in zip(RU, EN, strict=True)), encoding="utf-8")
    open_tab(page, server, "Translate")
    page.locator("#translate-input textarea").fill("\n".join(RU))
    page.locator("#translate-src input").click()
    page.get_by_role("option", name="Russian (ru)").click()
    page.locator("#translate-models").get_by_text("opus-mt:", exact=False).click()
    page.get_by_text("Decoding options").click()
    from playwright.sync_api import expect

    for elem_id, value in (("translate-beam", "1"), ("translate-max-length", "32")):
        box = page.locator(f"#{elem_id} input[type=number]")
        box.fill(value)
        box.press("Enter")
        box.blur()
        expect(page.locator(f"#{elem_id} input[type=range]")).to_have_value(value)
    page.locator("#translate-custom-engine input").click()
    page.get_by_role("option", name="imported").click()
    page.locator("#translate-custom-model input, #translate-custom-model textarea").first.fill(
        str(tsv)
    )
    page.locator("#translate-run").click()
    page.locator("#translate-signatures code").wait_for(timeout=120_000)
    flags = page.locator("#translate-faith")
    flags.get_by_text("sentences flagged", exact=False).first.wait_for(timeout=120_000)
    text = flags.inner_text()
    assert text.count("sentences flagged") == 2  # one line per engine
    imported = flags.locator("li", has_text="imported").inner_text()
    assert "1 of 2 sentences flagged" in imported  # the human translation with a changed figure
    mark = flags.locator("mark.k-number")
    assert mark.count() == 1 and mark.inner_text() == "2,000"
    snap(page, "translate-faithfulness")
