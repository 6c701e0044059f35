"""Evaluate in a real browser: an evaluator uploads a source, a reference and three systems and
reads a segment table with highlighting, each metric's direction and every system's interval.

The material is FLORES-200 dev (Kazakh source, English reference, 120 segments); the three
"systems" are the reference with words dropped and swapped at different rates (what MT errors
look like to sacreBLEU), so that the systems differ clearly and the small-sample warning is off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_harness import Server, open_tab, snap, table_cells, wait_ms, wait_uploaded

from benchmarks.synthetic import perturb

N = 120


def _files(shared_data: Path, folder: Path) -> dict[str, Path]:
    flores = shared_data / "flores200-dev"
    ref = (flores / "eng_Latn.txt").read_text(encoding="utf-8").splitlines()[:N]
    src = (flores / "kaz_Cyrl.txt").read_text(encoding="utf-8").splitlines()[:N]
    texts = {
        "source.kk": src,
        "reference.en": ref,
        "opus.en": perturb(ref, 1, 0.15, 0.10),
        "nllb.en": perturb(ref, 2, 0.05, 0.05),
        "m2m.en": perturb(ref, 3, 0.35, 0.25),
    }
    paths = {}
    for name, lines in texts.items():
        paths[name] = folder / name
        paths[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def test_evaluator_reads_segments_directions_and_intervals(
    page: Any, server: Server, tmp_path: Path, shared_data: Path
) -> None:
    files = _files(shared_data, tmp_path)
    open_tab(page, server, "Evaluate")
    page.locator("#evaluate-reference input[type=file]").set_input_files(
        [str(files["reference.en"])]
    )
    page.locator("#evaluate-source input[type=file]").set_input_files(str(files["source.kk"]))
    page.locator("#evaluate-systems input[type=file]").set_input_files(
        [str(files["opus.en"]), str(files["nllb.en"]), str(files["m2m.en"])]
    )
    wait_uploaded(page, "evaluate-systems", "opus", "nllb", "m2m")
    wait_uploaded(page, "evaluate-reference", "reference")
    wait_uploaded(page, "evaluate-source", "source")
    page.locator("#evaluate-run").click()
    # 180 s ran out twice at load 15-21 and the test body took 177.5 s at load 9 (hyg14b, session
    # 14). The wait only bounds a hang; the assertions below are the test. Scaled by the load
    # read at the start of the run, it keeps 420 s as its floor for a load that rises later.
    rows = table_cells(page, "evaluate-metrics-table", rows=9, timeout=420)
    assert len(rows) == 9, rows  # 3 systems × BLEU, chrF, TER
    by = {(r[0], r[1].split()[0]): r for r in rows}
    assert by["m2m.en", "ter"][1] == "ter ↓ lower is better"
    assert by["opus.en", "bleu"][1] == "bleu ↑ higher is better"
    # every system has an interval, the baseline included
    assert all("–" in r[3] for r in rows), rows
    assert by["opus.en", "bleu"][4] == "baseline"
    # nllb is much closer to the reference, m2m much further: by direction, even for TER
    assert by["nllb.en", "ter"][5] == "better" and by["m2m.en", "ter"][5] == "worse"
    assert by["nllb.en", "bleu"][5] == "better" and by["m2m.en", "bleu"][5] == "worse"
    assert page.locator("#evaluate-warnings").inner_text().strip() == ""

    segments = page.locator("#evaluate-segments")
    segments.locator("table.wb-seg").wait_for()
    assert segments.locator("tbody tr").count() == N
    assert segments.locator("mark.wb-hyp-miss").count() > 0  # words not in the reference
    # the reference column is folded and narrow: hypotheses take most of the width
    widths = segments.evaluate(
        """el => { const h = [...el.querySelectorAll('thead th')];
                   return h.map(th => [th.innerText, th.getBoundingClientRect().width]); }"""
    )
    ref_width = dict(widths)["Reference"]
    assert ref_width < 0.25 * sum(w for _, w in widths), widths
    assert "Source:" in segments.locator("tbody tr").first.inner_html()

    # TER, worst first: the first row has the highest TER of all shown
    page.locator("#evaluate-segment-metric input").click()
    page.get_by_role("option", name="ter").click()
    page.locator("#evaluate-order input").click()
    page.get_by_role("option", name="worst first").click()
    # Two events re-render the table (metric, then order): wait for the re-sorted one, not only
    # for the metric's note, or the rows may still be in the previous order.
    page.wait_for_function(
        """() => {
            const el = document.querySelector('#evaluate-segments');
            if (!el?.querySelector('.wb-seg-note')?.innerText.includes('lower is better')) return false;
            const top = (tr) => Math.max(...[...tr.querySelectorAll('td.wb-seg-score')]
                .map(td => parseFloat(td.innerText)));
            const rows = [...el.querySelectorAll('tbody tr')];
            return rows.length > 0 && rows.every(tr => top(tr) <= top(rows[0]));
        }""",
        timeout=wait_ms(30),
    )
    scores = segments.evaluate(
        """el => [...el.querySelectorAll('tbody tr')].slice(0, 3).map(
              tr => Math.max(...[...tr.querySelectorAll('td.wb-seg-score')]
                  .map(td => parseFloat(td.innerText))))"""
    )
    all_max = segments.evaluate(
        """el => Math.max(...[...el.querySelectorAll('td.wb-seg-score')]
                  .map(td => parseFloat(td.innerText)))"""
    )
    assert scores[0] == all_max
    chart = page.locator("#evaluate-plot-corpus svg")
    assert chart.locator("rect").count() == 3 and chart.locator("text.tick").count() >= 5
    page.locator("#evaluate-segment-metric input").click()
    page.get_by_role("option", name="bleu").click()
    page.wait_for_function(
        "() => document.querySelector('#evaluate-segments .wb-seg-note')"
        "?.innerText.includes('higher is better')"
    )
    snap(page, "evaluate", height=1700)
