"""Compare in a real browser: the statement-centric view of a case with five outlets, and an
analyst's link correction (typed, or a suggested link accepted) that is saved with the case and
still there after a server restart.

The server runs on a copy of the corpora folder (``--corpora``), so the correction is written
into the copy, never into the repository's cases.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import (
    REPO,
    TOAST_GONE_MS,
    Server,
    open_tab,
    prepared_download,
    snap,
    start_server,
    wait_ms,
)

CASE = "spring-flood-karaozen"
#: Statement 8 ("Rescuers are working around the clock") and the regional outlet's sentence on
#: "provocateurs": a pair no aligner links, so the link can only come from the analyst. (The
#: first choice, statement 5 on the provocateurs, is now found by the clause-level aligner.)
STATEMENT_INDEX = 7
SENTENCE = "independent-regional-en:4"


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpora")
    shutil.copytree(REPO / "corpora" / CASE, folder / CASE)
    return folder


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("compare-serve-home")


def _server(home: Path, corpora: Path) -> Server:
    return start_server(home, ["--corpora", str(corpora)])


@pytest.fixture
def server(home: Path, corpora: Path) -> Iterator[Server]:
    srv = _server(home, corpora)
    yield srv
    srv.stop()


def _run_case(page: Any, server: Server) -> None:
    open_tab(page, server, "Compare")
    page.locator("#compare-case input").click()
    page.get_by_role("option", name=re.compile(f"^{CASE}")).click()
    page.locator("#compare-run").click()
    page.locator("#compare-statements .wb-statement-card").first.wait_for(timeout=wait_ms(180))


def _card_top(page: Any) -> float:
    return float(
        page.locator("#compare-statements .wb-statement-card").first.evaluate(
            "e => e.getBoundingClientRect().top"
        )
    )


def _card(page: Any, index: int) -> Any:
    return page.locator(f'#compare-statements section[data-statement="{index}"]')


def _pick(page: Any, elem_id: str, label: re.Pattern[str]) -> None:
    page.locator(f"#{elem_id} input").click()
    page.get_by_role("option", name=label).first.click()


def test_statement_view_shows_four_outlets_side_by_side(page: Any, server: Server) -> None:
    _run_case(page, server)
    counts = page.locator("#compare-statements .wb-statement-card").evaluate_all(
        "cards => cards.map(c => new Set(Array.from(c.querySelectorAll('[data-outlet]'))"
        ".map(e => e.dataset.outlet)).size)"
    )
    assert max(counts) >= 4
    # The result comes into view: the first statement card starts on the screen (it was below
    # the case, legend and filters, and the Compare button seemed to do nothing).
    page.wait_for_function("() => window.scrollY > 0", timeout=wait_ms(10))
    top = _card_top(page)
    assert 0 <= top < page.viewport_size["height"]
    # The retellings of the widest statement sit side by side (one row, several columns).
    widest = counts.index(max(counts))
    tops = (
        page.locator("#compare-statements .wb-statement-card")
        .nth(widest)
        .locator(".wb-retelling")
        .evaluate_all("els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    )
    assert len(set(tops)) < len(tops)
    assert page.locator("#compare-statements mark.wb-diff").count() > 0
    assert page.dialogs == []  # type: ignore[attr-defined]
    snap(page, "compare", height=2200)


#: Records every text the correction status shows (in ``window.wbStatuses``).
STATUS_WATCH = """() => { window.wbStatuses = [];
  const el = document.getElementById('compare-fix-status');
  new MutationObserver(() => window.wbStatuses.push(el.innerText)).observe(
    el, {childList: true, subtree: true, characterData: true}); }"""


def _correct(page: Any, action: str, saved: str) -> None:
    """Link the statement at STATEMENT_INDEX and independent-regional-en's sentence 4 (or
    remove that link) as "Browser Analyst", and wait for the ``saved`` confirmation."""
    _pick(page, "compare-fix-statement", re.compile(rf"^{STATEMENT_INDEX + 1} · "))
    _pick(page, "compare-fix-sentence", re.compile(r"^independent-regional-en · 4: "))
    page.locator("#compare-fix-analyst textarea, #compare-fix-analyst input").first.fill(
        "Browser Analyst"
    )
    page.evaluate(STATUS_WATCH)
    page.locator(f"#compare-fix-{action}").click()
    page.locator("#compare-fix-status").get_by_text(saved).wait_for(timeout=wait_ms(120))
    # ux12's walk: the last confirmation stayed on screen while the next correction ran
    doing = "Adding" if action == "add" else "Removing"
    seen = page.evaluate("window.wbStatuses")
    assert any(f"{doing} the link, saving it with the case" in s for s in seen), seen


def test_a_corrected_link_persists_across_a_restart(page: Any, home: Path, corpora: Path) -> None:
    srv = _server(home, corpora)
    try:
        _run_case(page, srv)
        card = _card(page, STATEMENT_INDEX)
        assert card.locator('[data-outlet="independent-regional-en"]').count() == 0
        page.get_by_role("tab", name="Correct links").click()
        _correct(page, "add", "Saved: link added — 1 correction kept with the case.")
        assert "Browser Analyst" in page.locator("#compare-corrections").inner_text()
        page.get_by_role("tab", name="Statements").click()
        added = card.locator('[data-outlet="independent-regional-en"]')
        added.wait_for(timeout=wait_ms(30))
        assert "analyst link" in added.inner_text()
    finally:
        srv.stop()
    saved = (corpora / CASE / "corrections.toml").read_text(encoding="utf-8")
    assert 'by = "Browser Analyst"' in saved and "report_sentence = 4" in saved
    # A new server (a restart) on the same case folder shows the correction again.
    again = _server(home, corpora)
    try:
        page.goto(again.url)
        # ux12's walk: the saved corrections are shown as soon as the case is picked, not
        # only after Compare (an empty tab looked as if they were lost)
        open_tab(page, again, "Compare")
        _pick(page, "compare-case", re.compile(f"^{CASE}"))
        page.get_by_role("tab", name="Correct links").click()
        page.locator("#compare-corrections").get_by_text("Browser Analyst").wait_for()
        page.get_by_role("tab", name="Statements").click()
        _run_case(page, again)
        added = _card(page, STATEMENT_INDEX).locator('[data-outlet="independent-regional-en"]')
        added.wait_for(timeout=wait_ms(30))
        assert "analyst link" in added.inner_text()
        page.get_by_role("tab", name="Correct links").click()
        assert "Browser Analyst" in page.locator("#compare-corrections").inner_text()
        # ux11's walk: removing a link said "Saved: link removeed".
        _correct(page, "remove", "Saved: link removed — 2 corrections kept with the case.")
        assert page.dialogs == []  # type: ignore[attr-defined]
        # ux12's walk: the Markdown report of the same run, from the tab (it wrote only HTML)
        page.locator("#compare-export-format").get_by_text("Markdown").click()
        md = prepared_download(page, "compare").read_text(encoding="utf-8")
        assert md.startswith("# ") and "## Analyst corrections (2)" in md
        assert "Browser Analyst" in md
    finally:
        again.stop()


def test_a_comparison_closes_the_errors_of_earlier_attempts(page: Any, server: Server) -> None:
    # review17's walk: "Run a comparison first, …" (Prepare report pressed too early) stayed in
    # the corner beside the comparison it asked for; a warning of the run itself stays (below).
    open_tab(page, server, "Compare")
    page.locator("#compare-export").click()
    stale = page.get_by_text("Run a comparison first, then download its report.").first
    stale.wait_for(timeout=wait_ms(30))
    _run_case(page, server)
    stale.wait_for(state="hidden", timeout=wait_ms(10))


def test_correction_without_a_name_is_one_message(page: Any, server: Server) -> None:
    _run_case(page, server)
    page.get_by_role("tab", name="Correct links").click()
    _pick(page, "compare-fix-statement", re.compile(r"^1 · "))
    _pick(page, "compare-fix-sentence", re.compile(r"^foreign-wire-en · 3: "))
    page.locator("#compare-fix-add").click()
    page.get_by_text("Type your name so the correction says who made it.").first.wait_for(
        timeout=wait_ms(30)
    )
    # the "Adding the link…" line is gone: nothing was added
    page.wait_for_function(
        "() => !document.getElementById('compare-fix-status').innerText.includes('Adding')"
    )


def test_uploaded_translations_left_aside_are_named_as_the_work_starts(
    page: Any, model_server: Server, compare_upload: tuple[Path, Path, Path]
) -> None:
    # review10 (fix11): with "Machine-translate" chosen, uploaded translations were silently
    # ignored; a warning now says so when the comparison starts, and stays until closed
    from browser_harness import wait_uploaded

    st, tr, rep = compare_upload
    open_tab(page, model_server, "Compare")
    page.get_by_text("…or upload statements and reporting").click()
    for elem_id, path in (
        ("compare-upload-statements", st),
        ("compare-upload-translations", tr),
        ("compare-upload-reports", rep),
    ):
        page.locator(f"#{elem_id} input[type=file]").set_input_files(str(path))
        wait_uploaded(page, elem_id, path.stem)
    page.locator("#compare-translations").get_by_text("Machine-translate").click()
    _pick(page, "compare-mt-model", re.compile("tiny-ru-en"))
    page.locator("#compare-run-upload").click()
    notice = page.get_by_text("Your uploaded English translations are not used")
    notice.first.wait_for(timeout=wait_ms(120))
    page.locator("#compare-statements .wb-statement-card").first.wait_for(timeout=wait_ms(180))
    page.wait_for_timeout(TOAST_GONE_MS)  # a toast that closes itself would be gone by now
    assert notice.first.is_visible()


SUGGESTION_ANALYST = "Suggestion Analyst"


def test_a_suggestion_accepted_in_one_step_stays_after_a_restart(
    page: Any, home: Path, tmp_path: Path
) -> None:
    # suggest15: the Unmatched tab shows the aligner's best line for a sentence it left
    # unlinked; one pick and one press in Correct links accept it as a link (own corpora copy:
    # the other restart test counts its corrections)
    corpora = tmp_path / "corpora"
    shutil.copytree(REPO / "corpora" / CASE, corpora / CASE)
    srv = _server(home, corpora)
    try:
        _run_case(page, srv)
        page.get_by_role("tab", name="Unmatched").click()
        shown = page.locator("#compare-unmatched li.wb-suggestion").first
        shown.wait_for(timeout=wait_ms(30))
        statement = int(shown.get_attribute("data-statement") or "-1")
        outlet, _, number = (shown.get_attribute("data-sentence") or "").rpartition(":")
        assert "possibly retells statement" in shown.inner_text()
        assert _card(page, statement).locator(f'[data-outlet="{outlet}"]').count() == 0
        page.get_by_role("tab", name="Correct links").click()
        page.locator("#compare-fix-suggestion input").click()
        wanted = re.compile(rf"^{re.escape(outlet)} · sentence {number} possibly retells "
                            rf"statement {statement + 1} ")  # fmt: skip
        page.get_by_role("option", name=wanted).first.click()
        page.locator("#compare-fix-analyst textarea, #compare-fix-analyst input").first.fill(
            SUGGESTION_ANALYST
        )
        page.locator("#compare-fix-accept").click()
        saved = "Saved: link added — 1 correction kept with the case."
        page.locator("#compare-fix-status").get_by_text(saved).wait_for(timeout=wait_ms(120))
        assert SUGGESTION_ANALYST in page.locator("#compare-corrections").inner_text()
        page.get_by_role("tab", name="Statements").click()
        added = _card(page, statement).locator(f'[data-outlet="{outlet}"]')
        added.wait_for(timeout=wait_ms(30))
        assert "analyst link" in added.inner_text()
        assert page.dialogs == []  # type: ignore[attr-defined]
    finally:
        srv.stop()
    text = (corpora / CASE / "corrections.toml").read_text(encoding="utf-8")
    assert f'by = "{SUGGESTION_ANALYST}"' in text and f"report_sentence = {number}" in text
    again = _server(home, corpora)
    try:
        page.goto(again.url)
        _run_case(page, again)
        added = _card(page, statement).locator(f'[data-outlet="{outlet}"]')
        added.wait_for(timeout=wait_ms(30))
        assert "analyst link" in added.inner_text()
        page.get_by_role("tab", name="Unmatched").click()
        gone = page.locator(
            f'#compare-unmatched li.wb-suggestion[data-sentence="{outlet}:{number}"]'
        )
        assert gone.count() == 0  # a link now, no longer a suggestion
        page.get_by_role("tab", name="Correct links").click()
        assert SUGGESTION_ANALYST in page.locator("#compare-corrections").inner_text()
    finally:
        again.stop()
