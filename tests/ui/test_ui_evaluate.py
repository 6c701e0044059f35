"""Evaluate-tab handlers: real sacreBLEU scores on a slice of FLORES-200 dev and tiny files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sacrebleu

from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.ui.context import UIContext
from workbench.ui.handlers import evaluate as h

REFS = ["The cat sat on the mat.", "It rained all day in Almaty.", "Prices rose by 20 percent."]
SYS_A = [
    "The cat sat on a mat.",
    "It rained the whole day in Almaty.",
    "Prices went up 20 percent.",
]
SYS_B = ["A cat is on the mat.", "Rain all day Almaty.", "Prices rose by 20 percent."]


def _write(tmp_path: Path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def state(tmp_path: Path, settings: Settings) -> h.EvaluateState:
    return h.evaluate(
        UIContext(settings),
        _write(tmp_path, "ref.txt", REFS),
        [_write(tmp_path, "a.txt", SYS_A), _write(tmp_path, "b.txt", SYS_B)],
        metrics=["bleu", "chrf"],
        significance="paired bootstrap",
    )


def test_metric_table_matches_sacrebleu_and_has_significance(state: h.EvaluateState) -> None:
    rows = h.metric_rows(state)
    assert [(r[0], r[1]) for r in rows] == [
        ("a.txt", "bleu ↑ higher is better"),
        ("a.txt", "chrf ↑ higher is better"),
        ("b.txt", "bleu ↑ higher is better"),
        ("b.txt", "chrf ↑ higher is better"),
    ]
    expected = sacrebleu.corpus_bleu(SYS_B, [REFS]).score
    assert rows[2][2] == round(expected, 2)
    assert rows[2][6].startswith("BLEU|") and "version:" in rows[2][6]
    assert rows[0][4] == "baseline"
    assert 0.0 <= float(rows[2][4]) <= 1.0 and "–" in rows[2][3]
    assert "–" in rows[0][3], "the baseline has its interval too"
    assert rows[2][5] in {"better", "worse", "not significant"}
    assert "Only 3 segments" in h.warnings_markdown(state)


def test_segment_table_filters_and_sorts(state: h.EvaluateState) -> None:
    headers, rows = h.segment_table(state, "chrf")
    assert headers == [
        "#",
        "a.txt",
        "chrf · a.txt",
        "b.txt",
        "chrf · b.txt",
        "Δ last − first",
        "Reference 1",
    ]
    assert [r[0] for r in rows] == [1, 2, 3]
    expected = sacrebleu.sentence_chrf(SYS_B[2], [REFS[2]]).score
    assert rows[2][4] == round(expected, 2)
    assert [r[0] for r in h.segment_table(state, "chrf", "almaty")[1]] == [2]
    worst = h.segment_table(state, "chrf", order="worst first")[1]
    assert min(worst[0][2], worst[0][4]) == min(min(r[2], r[4]) for r in rows)
    biggest = h.segment_table(state, "chrf", order="largest difference first")[1]
    assert abs(biggest[0][5]) == max(abs(r[5]) for r in rows)
    bars, points = h.plot_data(state, "chrf")
    assert [b["system"] for b in bars] == ["a.txt", "b.txt"] and len(points) == 6


def test_worst_first_follows_the_metric_direction(tmp_path: Path, settings: Settings) -> None:
    """TER is an error rate: its worst segment is the one with the HIGHEST TER."""
    got = h.evaluate(
        UIContext(settings),
        [_write(tmp_path, "ref.txt", REFS)],
        [_write(tmp_path, "b.txt", SYS_B)],
        metrics=["ter"],
    )
    ter = got.systems[0].scores[0]
    assert not ter.higher_is_better
    worst = h.segment_order(got, "ter", order="worst first")
    assert ter.segment_scores[worst[0]] == max(ter.segment_scores)
    assert ter.segment_scores[worst[-1]] == min(ter.segment_scores)
    bleu = h.evaluate(
        UIContext(settings),
        [_write(tmp_path, "ref.txt", REFS)],
        [_write(tmp_path, "b.txt", SYS_B)],
        metrics=["bleu"],
    )
    first = h.segment_order(bleu, "bleu", order="worst first")[0]
    assert bleu.systems[0].scores[0].segment_scores[first] == min(
        bleu.systems[0].scores[0].segment_scores
    )


def test_segment_html_highlights_shows_scores_and_folds_references(
    state: h.EvaluateState,
) -> None:
    page = h.segment_html(state, "chrf")
    # hypotheses come before the folded reference column; scores are shown per system
    assert page.index("wb-seg-sys") < page.index("<details>")
    assert page.count("<tr>") == 1 + 3
    # "Rain all day Almaty." vs "It rained all day in Almaty.": "Rain" is not in the reference,
    # and the reference's "rained", "in" are missing from some hypothesis
    assert '<mark class="wb-hyp-miss" title="not in the reference">Rain</mark>' in page
    assert '<mark class="wb-ref-miss" title="missing from a hypothesis">in</mark>' in page
    assert "higher is better" in page
    evil = h.match_spans("<b>x</b> y", "y")
    assert evil[0] and "<b>" not in h._marked("<b>x</b> y", evil[0], "c", "t")


def test_several_references_and_a_source(tmp_path: Path, settings: Settings) -> None:
    refs2 = ["A cat sat on the mat.", "It rained all day long in Almaty.", "Prices rose 20%."]
    got = h.evaluate(
        UIContext(settings),
        [_write(tmp_path, "ref.txt", REFS), _write(tmp_path, "ref2.txt", refs2)],
        [_write(tmp_path, "a.txt", SYS_A)],
        metrics=["bleu"],
        source_file=_write(tmp_path, "src.txt", ["Мысық.", "Жаңбыр.", "Баға."]),
    )
    assert got.systems[0].scores[0].score == pytest.approx(
        sacrebleu.corpus_bleu(SYS_A, [REFS, refs2]).score
    )
    assert got.systems[0].scores[0].signature.startswith("BLEU|nrefs:2|")
    assert got.sources == ("Мысық.", "Жаңбыр.", "Баға.")
    page = h.segment_html(got, "bleu")
    assert "Ref 2:" in page and "Source:</b> Мысық." in page
    _assert_columns_line_up(page)
    with pytest.raises(UserInputError, match="source has 2 segments"):
        h.evaluate(
            UIContext(settings),
            [_write(tmp_path, "ref.txt", REFS)],
            [_write(tmp_path, "a.txt", SYS_A)],
            source_file=_write(tmp_path, "short-src.txt", ["a", "b"]),
        )


def test_faithfulness_hook_adds_a_line_under_each_hypothesis(
    state: h.EvaluateState, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        h.SEGMENT_COLUMNS, "Check", lambda ev, k, i: f"sys{k}-seg{i}" if i == 1 else None
    )
    page = h.segment_html(state, "chrf")
    assert "<b>Check:</b> sys1-seg1" in page and "sys0-seg0" not in page
    # The hook's text sits under each hypothesis, in the hypothesis's cell: the header gets
    # no column of its own, or every column after it would sit under the wrong title (the
    # folded reference showed under "Faithfulness", the "Reference" column stayed empty).
    _assert_columns_line_up(page)


def _assert_columns_line_up(page: str) -> None:
    """Every body row of the segment table has exactly as many cells as the header."""
    head, body = page.split("</thead>")
    titles = re.findall(r"<th[ >]", head)
    rows = body.split("</tr>")[:-1]
    assert rows, "no body rows"
    for row in rows:
        assert len(re.findall(r"<td[ >]", row)) == len(titles), row[:200]
    assert head.rstrip().endswith("Reference</th></tr>")


def test_corpus_chart_starts_at_zero_with_axis_numbers(state: h.EvaluateState) -> None:
    svg = h.corpus_chart(state, "bleu")
    assert "<rect" in svg and "class='tick'" in svg and ">0</text>" in svg
    assert h.score_range(state, "bleu") == pytest.approx((0.0, 100.0))


def test_report_download(state: h.EvaluateState, settings: Settings) -> None:
    path = h.export_report(UIContext(settings), state)
    assert path.suffix == ".html" and "a.txt" in path.read_text(encoding="utf-8")


def test_translations_from_the_translate_tab_are_scored(tmp_path: Path, settings: Settings) -> None:
    from workbench.types import Translation
    from workbench.ui.handlers.translate import SystemResult, TranslateResult

    made = TranslateResult(
        "ru",
        ("a", "b", "c"),
        (
            SystemResult(
                "mt", "opus-mt", "/m", "sig", tuple(Translation(s, s, "sig") for s in SYS_A)
            ),
        ),
    )
    got = h.evaluate(
        UIContext(settings), [_write(tmp_path, "ref.txt", REFS)], [], made, True, ["bleu"], "none"
    )
    assert got.systems[0].name == "mt"
    assert got.systems[0].scores[0].score == pytest.approx(
        sacrebleu.corpus_bleu(SYS_A, [REFS]).score
    )


def test_one_system_is_scored_with_its_interval_and_no_test(
    tmp_path: Path, settings: Settings
) -> None:
    # The tab's default test is paired bootstrap; an evaluator's first run with one system was
    # refused ("A significance test needs two systems or more"), and the refusal also hid an
    # empty reference file's own message.
    ctx = UIContext(settings)
    ref = _write(tmp_path, "ref.txt", REFS)
    got = h.evaluate(
        ctx,
        ref,
        [_write(tmp_path, "a.txt", SYS_A)],
        metrics=["bleu"],
        significance="paired bootstrap",
    )
    (system,) = got.systems
    assert system.scores[0].score == pytest.approx(sacrebleu.corpus_bleu(SYS_A, [REFS]).score)
    assert system.scores[0].ci_low is not None and not system.significance
    assert "Only one system, so no paired bootstrap test" in got.warnings[0]
    assert any("unreliable" in w for w in got.warnings[1:]), "the sample warning stays"
    rows = h.metric_rows(got)
    assert rows[0][3] != "n/a" and rows[0][4:6] == ["", ""]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(UserInputError, match="empty"):
        h.evaluate(
            ctx, str(empty), [_write(tmp_path, "b.txt", SYS_A)], significance="paired bootstrap"
        )


def test_user_errors(tmp_path: Path, settings: Settings) -> None:
    ctx = UIContext(settings)
    ref = _write(tmp_path, "ref.txt", REFS)
    with pytest.raises(UserInputError, match="reference"):
        h.evaluate(ctx, None, [ref])
    with pytest.raises(UserInputError, match="at least one system"):
        h.evaluate(ctx, ref, [])
    with pytest.raises(UserInputError, match="no translations yet"):
        h.evaluate(ctx, ref, [], None, True)
    with pytest.raises(UserInputError):
        h.evaluate(ctx, ref, [_write(tmp_path, "short.txt", SYS_A[:2])], significance="none")
    # ux13's walk: the file box keeps earlier uploads; one file twice was "Two systems have
    # the same name" with no word of which
    a = _write(tmp_path, "a.txt", SYS_A)
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(UserInputError, match=r"Two systems are named a\.txt: the same file"):
        h.evaluate(ctx, ref, [a, _write(other, "b.txt", SYS_A), _write(other, "a.txt", SYS_A)])
    with pytest.raises(UserInputError, match="Tick at least one metric"):
        h.evaluate(ctx, ref, [ref], metrics=[])
    with pytest.raises(UserInputError, match="Unknown significance"):
        h.evaluate(ctx, ref, [ref], significance="t-test")
    with pytest.raises(UserInputError, match="Unknown order"):
        h.segment_order(h.evaluate(ctx, ref, [ref], metrics=["bleu"]), "bleu", order="random")
    with pytest.raises(UserInputError, match="No segment scores"):
        h.segment_table(h.evaluate(ctx, ref, [ref], metrics=["bleu"]), "chrf")
    with pytest.raises(UserInputError, match="Choose a campaign"):
        h.human_results(ctx, "")
    with pytest.raises(UserInputError, match="no judgments yet"):
        h.human_results(ctx, "pilot")
    with pytest.raises(UserInputError, match="Score some systems"):
        h.export_report(ctx, None)
    # hyg14's walk: an empty or binary upload was named by its path on the server
    # ("/tmp/gradio/aa61…/empty.txt is empty"); the other tabs name the file alone
    upload = tmp_path / "gradio-upload-aa61cdcd"
    upload.mkdir()
    empty = upload / "empty.txt"
    empty.write_text("", encoding="utf-8")
    for refs, systems, source in ((empty, [a], None), (ref, [empty], None), (ref, [a], empty)):
        with pytest.raises(UserInputError) as err:
            h.evaluate(
                ctx, str(refs), [str(x) for x in systems], source_file=source and str(source)
            )
        said = str(err.value)
        assert "empty.txt is empty" in said and str(upload) not in said, said


def test_a_system_or_reference_not_in_english_is_named(tmp_path: Path, settings: Settings) -> None:
    # hyg14's walk: a Russian file uploaded as a system output was scored as English (BLEU 3.7)
    # without a word; Compare and `check` warn of a side in the wrong language
    ctx = UIContext(settings)
    russian = [
        "Президент заявил, что ситуация в городе находится под полным контролем.",
        "Войска были направлены в Алматы по просьбе правительства страны.",
        "Цены на продукты выросли на двадцать процентов за последний месяц.",
    ]
    ref = _write(tmp_path, "ref.txt", REFS)
    ru = _write(tmp_path, "ru.txt", russian)
    got = h.evaluate(ctx, ref, [_write(tmp_path, "a.txt", SYS_A), ru], significance="none")
    (said,) = [w for w in got.warnings if "ru.txt" in w]
    assert said.startswith("The system output ru.txt is given as English, but ")
    assert said.endswith("; the outputs must be English.")
    assert not any("a.txt" in w for w in got.warnings)
    swapped = h.evaluate(ctx, ru, [_write(tmp_path, "b.txt", SYS_A)], significance="none")
    assert any(w.startswith("The reference is given as English, but ") for w in swapped.warnings)


def test_judgments_made_elsewhere_are_imported_with_bad_rows_named(
    tmp_path: Path, settings: Settings
) -> None:
    # The evaluator's walk: judgments filled in a spreadsheet had no way into the workbench.
    import csv

    from workbench.pipeline.annotate import add_items_from_files, export_judgments

    ctx = UIContext(settings)
    with pytest.raises(UserInputError, match="no campaigns yet"):
        h.import_judgments(ctx, str(tmp_path / "x.csv"), "pilot")
    src, mt = tmp_path / "src.kk", tmp_path / "mt.en"
    src.write_text("Бір.\nЕкі.\n", "utf-8")
    mt.write_text("One.\nTwo <b>.\n", "utf-8")
    settings.ensure_home()
    add_items_from_files(settings.judgments_path, src, [mt], campaign="pilot")
    # ux13's walk: a campaign with items and no judgment read "0 judgments by 0 annotators"
    # and "Only one annotator: agreement is undefined."
    _, _, agreement = h.human_results(ctx, "pilot")
    assert agreement.startswith("**0 judgments by 0 annotators.**")
    assert "Only one annotator" not in agreement and "No judgments yet" in agreement
    rows = list(csv.DictReader(export_judgments(settings.judgments_path, "csv", "pilot", True)
                               .splitlines()))  # fmt: skip
    rows[0].update(annotator="ann", score="75")
    rows[1].update(annotator="ann", score="<b>high</b>")
    upload = tmp_path / "filled.csv"
    with upload.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    html, refused = h.import_judgments(ctx, str(upload), "pilot")
    assert "<b>filled.csv</b>: 1 stored, 0 already there, 1 refused, of 2 rows." in html
    assert "line 3: The score &#x27;&lt;b&gt;high&lt;/b&gt;&#x27; is not a number" in html
    assert refused is not None and refused.parent == ctx.exports_dir
    (kept,) = list(csv.DictReader(refused.read_text("utf-8").splitlines()))
    assert kept["line"] == "3" and kept["score"] == "<b>high</b>"
    again, none = h.import_judgments(ctx, str(upload), "pilot")
    assert "0 stored, 1 already there, 1 refused" in again
    rows_, _, agreement = h.human_results(ctx, "pilot")
    assert rows_[0][1] == 1  # the imported judgment is in the campaign's means
    assert agreement.startswith("**1 judgment by 1 annotator.**")
    assert "Only one annotator: agreement is undefined." in agreement
    bad = tmp_path / "bad.csv"
    bad.write_text("annotator,item_id,score,errors\nann,pilot:none:1,50,\n", "utf-8")
    html, _ = h.import_judgments(ctx, str(bad), "pilot")
    assert "judge the campaign&#x27;s items." in html and "`" not in html
    with pytest.raises(UserInputError, match="Upload a judgments file"):
        h.import_judgments(ctx, None, "pilot")
    with pytest.raises(UserInputError, match="No campaign 'nope'"):
        h.import_judgments(ctx, str(upload), "nope")


def test_the_segment_note_counts_out_of_all_segments(state: h.EvaluateState) -> None:
    # ux11's walk: a filter that matched nothing read "Showing 0 of 0 segments (filtered)".
    assert "Showing 3 of 3 segments; " in h.segment_html(state, "bleu")
    none = h.segment_html(state, "bleu", "(<b>")
    assert "No segment of 3 contains “(&lt;b&gt;”; clear the filter to see them all" in none
    assert "<b>" not in none
    some = h.segment_html(state, "bleu", "almaty")
    assert "Showing the 1 segment (of 3) containing “almaty”" in some
    assert h.shown_count(250, 997, "the").startswith(f"Showing {h.MAX_ROWS} of the 250 segments")


def test_a_judgments_template_downloads_and_bad_headers_point_to_it(
    tmp_path: Path, settings: Settings
) -> None:
    # review10 (fix11): the UI had no template (the CLI has `judgments export --template`), and
    # a file without the columns was told to write those of a command-line export
    import csv

    from workbench.pipeline.annotate import add_items_from_files
    from workbench.ui.wording import TEMPLATE_BUTTON, in_ui_terms

    ctx = UIContext(settings)
    with pytest.raises(UserInputError, match="no campaigns yet"):
        h.judgments_template(ctx, "pilot")
    src, mt = tmp_path / "src.kk", tmp_path / "mt.en"
    src.write_text("Бір.\nЕкі.\n", "utf-8")
    mt.write_text("One.\nTwo.\n", "utf-8")
    settings.ensure_home()
    add_items_from_files(settings.judgments_path, src, [mt], campaign="pilot")
    add_items_from_files(settings.judgments_path, src, [mt], campaign="other")
    path = h.judgments_template(ctx, "pilot")
    assert path.parent == ctx.exports_dir and path.suffix == ".csv"
    rows = list(csv.DictReader(path.read_text("utf-8").splitlines()))
    assert [r["translation"] for r in rows] == ["One.", "Two."]
    assert {(r["annotator"], r["score"], r["errors"]) for r in rows} == {("", "", "[]")}
    assert all(r["item_id"].startswith("pilot") for r in rows)
    assert len(list(csv.DictReader(h.judgments_template(ctx, None).read_text("utf-8")
                                   .splitlines()))) == 4  # fmt: skip
    with pytest.raises(UserInputError, match="No campaign 'nope'"):
        h.judgments_template(ctx, "nope")
    # the template, filled in, imports
    rows[0].update(annotator="ann", score="80")
    filled = tmp_path / "filled.csv"
    with filled.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerow(rows[0])
    assert "1 stored" in h.import_judgments(ctx, str(filled), "pilot")[0]
    # a file without the columns is told what to do in the UI, not at the command line
    headless = tmp_path / "sheet.csv"
    headless.write_text("who,what\nann,80\n", "utf-8")
    with pytest.raises(UserInputError) as err:
        h.import_judgments(ctx, str(headless), "pilot")
    shown = in_ui_terms(str(err.value))
    assert "`" not in shown and "workbench judgments" not in shown
    assert TEMPLATE_BUTTON in shown and shown.startswith("sheet.csv has no annotator, item_id")


def test_a_file_read_as_cp1251_is_said_beside_the_scores(
    tmp_path: Path, settings: Settings
) -> None:
    """review22's walk: a cp1251 file was scored with the notice in the server's log only."""
    source = tmp_path / "src-1251.txt"
    source.write_bytes("Кошка на коврике.\nДождь.\nЦены выросли.\n".encode("cp1251"))
    state = h.evaluate(
        UIContext(settings),
        _write(tmp_path, "ref.txt", REFS),
        [_write(tmp_path, "a.txt", SYS_A)],
        metrics=["bleu"],
        source_file=str(source),
    )
    said = h.warnings_markdown(state)
    assert "src-1251.txt is not UTF-8" in said and "read as cp1251" in said
    assert "save the file as UTF-8" in said and "iconv" not in said  # the tab's terms
    assert str(tmp_path) not in said, "an upload is named by its file name, not its server path"
    notice, few = said.split("\n\n")  # a paragraph each, not run on as one
    assert "cp1251" in notice and "Only 3 segments" in few
    utf8 = h.evaluate(
        UIContext(settings),
        _write(tmp_path, "ref.txt", REFS),
        [_write(tmp_path, "a.txt", SYS_A)],
        metrics=["bleu"],
        source_file=_write(tmp_path, "src.txt", ["Кошка.", "Дождь.", "Цены."]),
    )
    assert "cp1251" not in h.warnings_markdown(utf8)
