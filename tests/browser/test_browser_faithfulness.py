"""Translate tab: faithfulness flags per engine, in a real browser.

Two engines translate the same Russian lines: the tests' tiny random-weight Marian model (its
output is noise) and a translation made elsewhere, uploaded, in which one figure was changed.
The flags panel must say, per engine, how many sentences are flagged, and mark the changed
figure in the uploaded translation, so a translator sees which engine changed the number.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_harness import (
    Server,
    open_tab,
    snap,
    translate_with_fast_decoding,
    wait_ms,
    wait_uploaded,
)

RU = [
    "Президент заявил, что на Алматы напали 20 000 бандитов.",
    "Власти ввели режим чрезвычайного положения.",
]
EN = [
    "The president said that 2,000 bandits attacked Almaty.",
    "The authorities declared a state of emergency.",
]


def test_translate_flags_show_which_engine_changed_the_figure(
    page: Any, model_server: Server, tmp_path: Path
) -> None:
    upload = tmp_path / "agency-translation.txt"
    upload.write_text("\n".join(EN) + "\n", encoding="utf-8")
    open_tab(page, model_server, "Translate")
    page.locator("#translate-input textarea").fill("\n".join(RU))
    page.locator("#translate-imported input[type=file]").set_input_files(str(upload))
    wait_uploaded(page, "translate-imported", "agency-translation")
    translate_with_fast_decoding(page, "tiny-ru-en")
    flags = page.locator("#translate-faith")
    flags.get_by_text("sentences flagged", exact=False).first.wait_for(timeout=wait_ms(120))
    assert flags.inner_text().count("sentences flagged") == 2  # one line per engine
    uploaded = flags.locator("li", has_text="agency").inner_text()
    assert "1 of 2 sentences flagged" in uploaded  # the changed figure, not the other sentence
    mark = flags.locator("mark.k-number")
    assert mark.count() == 1 and mark.inner_text() == "2,000"
    # The table's Flags column names the engine and the issue too.
    assert "2,000" in page.locator("#translate-table").inner_text()
    snap(page, "translate-faithfulness")
