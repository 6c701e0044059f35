"""TMX, XLIFF, CSV/JSONL score tables and the offline HTML report."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.evaluate.conftest import perturb, run_workbench, write_lines
from workbench.export import (
    render_html_report,
    score_rows,
    scores_to_dict,
    segment_rows,
    to_csv,
    to_jsonl,
    to_tmx,
    to_xliff,
)
from workbench.score import score_systems
from workbench.types import Sentence, SentenceTranslation, Translation

SIG = "engine:opus-mt|model:Helsinki-NLP/opus-mt-kk-en|rev:abc|backend:transformers|prec:float32|beam:4|maxlen:256|pair:kk-en|version:0.1.0"
HOSTILE = "<script>alert('x')</script> & \"quotes\" \x07bell"


def _translations() -> list[Translation]:
    text = "Алматыда 20 мың «бандит» болды. Екінші сөйлем & <тег>."
    cut = text.index(" Екінші")
    first, second = text[:cut], text[cut + 1 :]
    return [
        Translation(
            source=text,
            text=f"There were 20,000 'bandits' in Almaty. {HOSTILE}",
            signature=SIG,
            sentences=(
                SentenceTranslation(
                    Sentence(first, 0, cut, 0), "There were 20,000 'bandits' in Almaty."
                ),
                SentenceTranslation(Sentence(second, cut + 1, len(text), 1), HOSTILE),
            ),
            warnings=("Kazakh text written in Latin script? <check>",),
        ),
        Translation(source="", text="", signature=SIG),
    ]


def test_tmx_is_valid_xml_with_escaped_text_and_signature() -> None:
    root = ET.fromstring(to_tmx(_translations(), "kk").encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    units = root.findall("./body/tu")
    assert len(units) == 2  # two sentence pairs; the empty input adds none
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    segs = {tuv.get(lang): tuv.findtext("seg") for tuv in units[1].findall("tuv")}
    assert segs["kk"] == "Екінші сөйлем & <тег>."
    assert segs["en"] == HOSTILE.replace("\x07", "")  # round-trips; the control char is dropped
    assert units[0].findtext("prop[@type='x-signature']") == SIG


def test_xliff_12_is_valid_and_round_trips() -> None:
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    root = ET.fromstring(to_xliff(_translations(), "kk").encode("utf-8"))
    assert root.get("version") == "1.2"
    file = root.find("x:file", ns)
    assert file is not None and file.get("source-language") == "kk"
    units = root.findall(".//x:trans-unit", ns)
    assert [u.get("id") for u in units] == ["1.1", "1.2"]
    assert units[1].findtext("x:target", namespaces=ns) == HOSTILE.replace("\x07", "")
    notes = [n.text for n in units[0].findall("x:note", ns)]
    assert SIG in notes and "Kazakh text written in Latin script? <check>" in notes


@pytest.fixture(scope="module")
def scored(shared_data: Path) -> list:
    ref = (
        (shared_data / "flores200-dev" / "eng_Latn.txt")
        .read_text(encoding="utf-8")
        .splitlines()[:80]
    )
    systems = [("base", perturb(ref, 1, 0.1, 0.1)), ("<b>new</b>", perturb(ref, 2, 0.2, 0.1))]
    return score_systems(
        systems, [ref], metrics="bleu,chrf", significance="bootstrap", resamples=100
    )


def test_score_tables_hold_scores_signatures_and_tests(scored: list) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(score_rows(scored)))))
    assert [(r["system"], r["metric"]) for r in rows] == [
        ("base", "bleu"),
        ("base", "chrf"),
        ("<b>new</b>", "bleu"),
        ("<b>new</b>", "chrf"),
    ]
    assert float(rows[0]["score"]) == scored[0].scores[0].score
    assert (
        rows[0]["p_value"] == "" and float(rows[2]["p_value"]) == scored[1].significance[0].p_value
    )
    assert rows[2]["test_signature"].startswith("BLEU|nrefs:1|bs:100|seed:12345|")
    segs = [json.loads(x) for x in to_jsonl(segment_rows(scored)).splitlines()]
    assert len(segs) == 2 * 2 * 80 and segs[0]["signature"].startswith("BLEU|")
    doc = scores_to_dict(scored)
    assert (
        doc["systems"][1]["metrics"]["chrf"]["ci_low"]
        < doc["systems"][1]["metrics"]["chrf"]["ci_high"]
    )


def test_html_report_is_standalone_and_escaped(scored: list) -> None:
    page = render_html_report(scored, title="Report <kk-en>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<b>new</b>" not in page and "&lt;b&gt;new&lt;/b&gt;" in page
    assert "Report &lt;kk-en&gt;" in page
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", page), (
        "the report must not load anything"
    )
    # per metric: corpus bars, a distribution and one system-vs-baseline scatter
    assert page.count("<svg") == 2 * 3
    assert page.count("<circle") == 2 * 80  # one dot per segment per scatter plot
    assert scored[0].scores[0].signature in page
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        ET.fromstring(svg)
        assert "class='tick'" in svg, "every plot has axis numbers"


@pytest.mark.parametrize(
    ("higher", "base", "other", "verdict", "css"),
    [
        (True, 30.0, 35.0, "better", "better"),
        (True, 30.0, 25.0, "worse", "worse"),
        (False, 50.0, 40.0, "better", "better"),  # TER fell: better
        (False, 50.0, 60.0, "worse", "worse"),  # TER rose: worse, never green
    ],
)
def test_report_colours_significance_by_direction(
    higher: bool, base: float, other: float, verdict: str, css: str
) -> None:
    from workbench.types import MetricScore, SignificanceResult, SystemScores

    name = "BLEU" if higher else "TER"
    test = SignificanceResult(
        "m",
        "new",
        "base",
        "bootstrap",
        0.001,
        other,
        other - 1,
        other + 1,
        1000,
        12345,
        score=other,
        baseline_score=base,
        higher_is_better=higher,
    )
    systems = [
        SystemScores("base", (MetricScore("m", base, f"{name}|x", (base, base), higher),)),
        SystemScores(
            "new", (MetricScore("m", other, f"{name}|x", (other, other), higher),), (test,)
        ),
    ]
    assert test.verdict() == verdict
    page = render_html_report(systems)
    assert f"<span class='{css}'>(p = 0.0010, {verdict})" in page
    assert ("lower is better" in page) == (not higher)


def test_report_cli_writes_a_file(tmp_path: Path, shared_data: Path) -> None:
    ref = (shared_data / "ntrex128" / "eng_Latn.txt").read_text(encoding="utf-8").splitlines()[:50]
    r = write_lines(tmp_path / "ref.txt", ref)
    a = write_lines(tmp_path / "a.txt", perturb(ref, 5, 0.1, 0.1))
    out = tmp_path / "report.html"
    proc = run_workbench(
        "report",
        "--ref",
        str(r),
        "--hyp",
        str(a),
        "--hyp",
        str(r),
        "-o",
        str(out),
        "--metrics",
        "chrf",
    )
    assert proc.returncode == 0, proc.stderr
    assert "chrF2" in out.read_text(encoding="utf-8")
