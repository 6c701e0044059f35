"""Compare-tab handlers on the sample case (supplied translations, bundled e5-small embedder)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.types import DIFFERENCE_KINDS, FaithIssue
from workbench.ui.context import UIContext
from workbench.ui.handlers import compare as h

pytestmark = pytest.mark.slow  # one real comparison of the sample case (~15 s on 2 CPUs)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[UIContext, h.CompareState]:
    """The sample case compared once for the whole module (it takes a few seconds)."""
    settings = Settings.resolve({"home": tmp_path_factory.mktemp("compare-home")})
    ctx = UIContext(settings)
    choices = h.case_choices(ctx)
    return ctx, h.run(ctx, h.load(h.default_case(choices)), h.SUPPLIED)


def _copy_of(state: h.CompareState, tmp_path: Path) -> Path:
    """A copy of the compared case's folder (corrections are written into it)."""
    import shutil

    folder = tmp_path / "case"
    shutil.copytree(Path(state.case.path or ""), folder)
    return folder


def test_sample_case_is_offered_first(settings: Settings) -> None:
    choices = h.case_choices(UIContext(settings))
    assert choices and choices[0][0].startswith(h.SAMPLE_CASE)
    assert Path(h.default_case(choices) or "").name == h.SAMPLE_CASE
    overview = h.case_overview(h.load(h.default_case(choices)))
    assert "state" in overview and "foreign" in overview


def test_statement_cards_give_the_statement_outlet_once_not_on_every_card(
    sample: tuple[UIContext, h.CompareState],
) -> None:
    # ux12's walk: every statement card repeated the statement document's long outlet name
    # ("President of Kazakhstan (posts of 5–7 January 2022, as reported)"). The cards give its
    # short name (the full one on hover); the case overview and the reports' Documents table
    # give the full name once.
    ctx, state = sample
    full = "President of Kazakhstan (posts of 5–7 January 2022, as reported)"
    cards = h.statements_html(state, DIFFERENCE_KINDS, h.OUTLET_TYPES)
    shown = re.sub(r"<[^>]+>", "", cards)  # the text a reader sees (hover titles aside)
    assert cards.count('data-statement="') >= 2
    assert full not in shown
    assert shown.count("· President of Kazakhstan ") >= 2
    assert f'title="{full}"' in cards
    assert h.case_overview(state.case).count(full) == 1
    for fmt in ("Markdown", "HTML"):
        text = h.export_report(ctx, state, None, fmt).read_text(encoding="utf-8")
        visible = re.sub(r"<[^>]+>", "", text) if fmt == "HTML" else text
        assert visible.count(full) == 1, fmt  # the Documents table
        assert visible.count("· President of Kazakhstan ") >= 2, fmt


def test_pairs_show_differences_highlighted_by_kind(
    sample: tuple[UIContext, h.CompareState],
) -> None:
    _, state = sample
    html = h.pairs_html(state, DIFFERENCE_KINDS, h.OUTLET_TYPES)
    kinds = set(re.findall(r'<mark class="wb-diff diff-([a-z]+)"', html))
    assert {"number", "attribution"} <= kinds
    n_all = len(re.findall(r'class="wb-pair"', html))
    only_numbers = h.pairs_html(state, ["number"], h.OUTLET_TYPES)
    n_numbers = len(re.findall(r'class="wb-pair"', only_numbers))
    assert 0 < n_numbers < n_all
    assert set(re.findall(r'<mark class="wb-diff diff-([a-z]+)"', only_numbers)) == {"number"}


def test_outlet_filter_keeps_only_that_reporting(sample: tuple[UIContext, h.CompareState]) -> None:
    _, state = sample
    docs = {d.id: d.outlet_type.value for d in state.case.reports}
    foreign = h.pairs_html(state, DIFFERENCE_KINDS, ["foreign"])
    independent = h.pairs_html(state, DIFFERENCE_KINDS, ["independent"])
    for html, outlet in ((foreign, "foreign"), (independent, "independent")):
        shown = re.findall(r'class="wb-retelling" data-outlet="([^"]+)"', html)
        assert shown and {docs[d] for d in shown} == {outlet}
    assert len(foreign.split('class="wb-pair"')) != len(independent.split('class="wb-pair"'))
    assert "No outlet type is ticked" in h.pairs_html(state, DIFFERENCE_KINDS, [])


def test_no_kind_ticked_is_said_not_that_nothing_is_retold(
    sample: tuple[UIContext, h.CompareState],
) -> None:
    # hyg14's walk: every kind unticked, Statements said "No statement is retold by the outlets
    # and kinds shown" while the outlets retell them; no kind is shown.
    _, state = sample
    for html in (
        h.statements_html(state, [], h.OUTLET_TYPES),
        h.pairs_html(state, [], h.OUTLET_TYPES),
    ):
        assert "No difference kind is ticked" in html and "No statement is retold" not in html


def test_statement_view_puts_every_outlet_side_by_side(
    sample: tuple[UIContext, h.CompareState],
) -> None:
    _, state = sample
    html = h.statements_html(state, DIFFERENCE_KINDS, h.OUTLET_TYPES)
    cards = html.split('class="wb-statement-card"')[1:]
    assert cards
    # Some statement is retold by more than one outlet, each in its own retelling block.
    outlets_per_card = [set(re.findall(r'data-outlet="([^"]+)"', c)) for c in cards]
    assert max(len(o) for o in outlets_per_card) >= 2
    # Numbers users see start at 1.
    numbers = [int(n) for n in re.findall(r'<span class="wb-num">Statement (\d+)</span>', html)]
    assert numbers and min(numbers) >= 1
    # The audit of the supplied translations sits under the statements it flags. The sample
    # case's translations are faithful (no line flagged, and since 311e0cb the split label
    # "terrorist groups, local and foreign" is no issue either), so one audit of a statement
    # the view shows is marked flagged here, with an issue of our own.
    audits = state.result.translation_audit
    assert audits and not any(a.flagged for a in audits)
    on_cards = {int(n) for c in cards for n in re.findall(r'^ data-statement="(\d+)"', c)}
    k = next(i for i, a in enumerate(audits) if a.index in on_cards)
    issue = FaithIssue("number", "", "", None, None, "a figure of the original is not in it")
    marked = (
        *audits[:k],
        dataclasses.replace(audits[k], flagged=True, issues=(*audits[k].issues, issue)),
        *audits[k + 1 :],
    )
    state = dataclasses.replace(
        state, result=dataclasses.replace(state.result, translation_audit=marked)
    )
    html = h.statements_html(state, DIFFERENCE_KINDS, h.OUTLET_TYPES)
    cards = html.split('class="wb-statement-card"')[1:]
    flagged = {a.index for a in state.result.translation_audit if a.flagged}
    audited = [c for c in cards if 'class="wb-audit" data-flagged="true"' in c]
    assert flagged and audited
    shown = {int(n) for c in audited for n in re.findall(r'^ data-statement="(\d+)"', c)}
    assert shown and shown <= flagged
    # One outlet only: every retelling shown is that outlet's.
    one = state.case.reports[0].id
    only = h.view(state, h.filters(DIFFERENCE_KINDS, h.OUTLET_TYPES, [one]))
    assert {r.document_id for s in only.statements for r in s.retellings} == {one}


def test_unmatched_and_aggregates(sample: tuple[UIContext, h.CompareState]) -> None:
    _, state = sample
    unmatched = h.unmatched_html(state, h.OUTLET_TYPES)
    n_statements = sum(len(d.comparison.unmatched_statements) for d in state.result.documents)
    assert f"Statements no outlet shown retells ({n_statements})" in unmatched
    aggregates = h.aggregates_html(state)
    assert "Differences by outlet type and kind" in aggregates and "bandits" in aggregates
    assert state.result.signature.split("|")[0] in aggregates


def test_html_report_is_written(sample: tuple[UIContext, h.CompareState]) -> None:
    ctx, state = sample
    path = h.export_html(ctx, state)
    assert path.suffix == ".html" and path.parent == ctx.exports_dir
    assert "<html" in path.read_text(encoding="utf-8").lower()
    with pytest.raises(UserInputError, match="Run a comparison first"):
        h.export_html(ctx, None)


def _uploads(folder: Path, before: str = "") -> tuple[Path, Path, Path]:
    """A Russian statement, its English translation (each after ``before``) and an English
    report, as a user uploads them: ``(statements, translations, reporting)``."""
    texts = {
        "st.txt": f"{before}Погибли 164 человека.\n",
        "tr.txt": f"{before}164 people died.\n",
        "rep.txt": "Officials said 225 people had died. Other news followed.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder / "st.txt", folder / "tr.txt", folder / "rep.txt"


def test_uploaded_files_become_a_case(tmp_path: Path, settings: Settings) -> None:
    st, tr, rep = _uploads(tmp_path, "<script>alert(1)</script> ")
    case = h.uploaded_case(str(st), str(rep), "ru", str(tr), "foreign")
    assert [d.outlet_type.value for d in case.documents] == ["state", "foreign"]
    ctx = UIContext(settings)
    state = h.run(ctx, case, h.SUPPLIED)
    html = h.pairs_html(state, DIFFERENCE_KINDS, h.OUTLET_TYPES) + h.unmatched_html(
        state, h.OUTLET_TYPES
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    with pytest.raises(UserInputError, match="outlet type"):
        h.uploaded_case(str(st), str(rep), "ru", None, "tabloid")
    with pytest.raises(UserInputError, match="No reporting file"):
        h.uploaded_case(str(st), None, "ru")


def test_analyst_corrects_a_link_and_it_survives_a_reload(
    tmp_path: Path, sample: tuple[UIContext, h.CompareState]
) -> None:
    ctx, first = sample
    folder = _copy_of(first, tmp_path)
    state = h.run(ctx, h.load(str(folder)), h.SUPPLIED)
    al = state.result.documents[0].comparison.alignments[0]
    rep = al.reports[0]
    key = f"{rep.document_id}:{h._number(state, rep)}"
    assert key in {v for _, v in h.sentence_choices(state)}
    with pytest.raises(UserInputError, match="already linked"):
        h.correct(ctx, state, "add", al.statement.index, key, "Ann")
    with pytest.raises(UserInputError, match="Type your name"):
        h.correct(ctx, state, "remove", al.statement.index, key, "")
    with pytest.raises(UserInputError, match="Pick the report sentence"):
        h.correct(ctx, state, "remove", al.statement.index, None, "Ann")
    with pytest.raises(UserInputError, match="Run a comparison first"):
        h.correct(ctx, None, "remove", al.statement.index, key, "Ann")
    fixed = h.correct(ctx, state, "remove", al.statement.index, key, "Ann", "wrong outlet")
    assert len(fixed.corrections) == 1 and fixed.corrections[0].by == "Ann"
    with pytest.raises(UserInputError, match="not linked"):
        h.correct(ctx, fixed, "remove", al.statement.index, key, "Ann")
    # A new session (a restarted server) loads the case again and gets the correction back.
    reloaded = h.run(ctx, h.load(str(folder)), h.SUPPLIED)
    assert reloaded.corrections == fixed.corrections
    links = {
        (a.statement.index, r.index)
        for dc in reloaded.result.documents
        for a in dc.comparison.alignments
        for r in a.reports
    }
    assert (al.statement.index, rep.index) not in links
    html = h.render_all(reloaded, h.filters(DIFFERENCE_KINDS, h.OUTLET_TYPES))[4]
    assert "Ann" in html and "wrong outlet" in html


def test_uploaded_comparison_cannot_save_corrections(tmp_path: Path, settings: Settings) -> None:
    st, tr, rep = _uploads(tmp_path)
    ctx = UIContext(settings)
    state = h.run(ctx, h.uploaded_case(str(st), str(rep), "ru", str(tr), "foreign"), h.SUPPLIED)
    key = h.sentence_choices(state)[1][1]
    with pytest.raises(UserInputError, match="saved with a case folder"):
        h.correct(ctx, state, "add", 0, key, "Ann")


def test_machine_translation_without_the_model_speaks_of_the_ui(tmp_path: Path) -> None:
    # Offline, the Compare tab's "Machine-translate" toast told a browser user to "run
    # `workbench models pull …` on a connected machine, or pass a local folder".
    from workbench.errors import WorkbenchError

    settings = dataclasses.replace(Settings.resolve({"home": tmp_path}), offline=True)
    ctx = UIContext(settings)
    case = h.load(h.default_case(h.case_choices(ctx)))
    with pytest.raises(WorkbenchError) as err:
        h.run(ctx, case, h.DEFAULT_MODEL)
    message = str(err.value)
    assert "is not downloaded" in message and "see the Models tab" in message
    assert "workbench models pull" not in message and "local folder" not in message


def test_uploaded_statements_in_another_language_are_named(
    tmp_path: Path, settings: Settings, sample: tuple[UIContext, h.CompareState]
) -> None:
    # ux9's walk: Kazakh statements uploaded as Russian compared to the end with no word.
    kk = Path(sample[1].case.path) / "statements" / "officials-2022-01-09.kk.txt"
    rep = Path(sample[1].case.path) / "reports" / "foreign-wire-2022-01-09.en.txt"
    st = tmp_path / "statements.txt"
    st.write_bytes(kk.read_bytes())
    state = h.run(UIContext(settings), h.uploaded_case(str(st), str(rep), "ru"), h.SUPPLIED)
    assert len(state.notices) == 2
    assert state.notices[0].startswith("statements.txt is given as Russian, but ")
    # no translation uploaded and "Supplied" chosen: aligned cross-lingually, and said so
    assert state.notices[1].startswith("No English translation for statements.txt: ")
    assert "choose Machine-translate" in state.notices[1]
    assert state.notices[0].endswith("; pick the right Statement language.")
    assert sample[1].notices == ()  # the sample case is in the languages it declares


def test_an_uploaded_report_not_in_english_is_told_to_be_english(tmp_path: Path) -> None:
    # ux11's walk: a Russian file uploaded as the English reporting was told to "pick the right
    # Statement language", which cannot fix a report.
    st = tmp_path / "st.txt"
    st.write_text("Погибли 164 человека по данным министерства.\n", encoding="utf-8")
    rep = tmp_path / "rep.txt"
    rep.write_text("Власти сообщили о гибели более двухсот человек в городе.\n", encoding="utf-8")
    (notice,) = h.input_notices(h.uploaded_case(str(st), str(rep), "ru"))
    assert notice.startswith("rep.txt is given as English, but its one line does not look")
    assert notice.endswith("; the reporting must be English (upload it in English).")
    assert "Statement language" not in notice


def test_the_case_list_tells_copies_apart_and_says_which_folders_it_left_out(
    tmp_path: Path, settings: Settings
) -> None:
    # ux11's walk: a malformed case was missing from the list with only the server log saying
    # why, and two folders holding the same case id showed as two identical entries.
    import shutil

    flood = Path(__file__).resolve().parents[2] / "corpora" / "spring-flood-karaozen"
    shutil.copytree(flood, tmp_path / "spring-flood-karaozen")
    shutil.copytree(flood, tmp_path / "flood-variant")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "case.toml").write_text('title = "x\n', "utf-8")
    ctx = UIContext(dataclasses.replace(settings, corpora=tmp_path))
    choices, skipped = h.case_list(ctx)
    labels = [label for label, _ in choices]
    assert len(set(labels)) == 2, labels
    assert any(
        label.startswith("spring-flood-karaozen (folder flood-variant) — ") for label in labels
    )
    assert any(label.startswith("spring-flood-karaozen — ") for label in labels)
    (note,) = skipped
    assert note.startswith("broken/case.toml: not valid TOML") and str(tmp_path) not in note
    html = h.skipped_cases_html(skipped)
    assert "Not in the Case list: 1 folder with a malformed case" in html
    assert "broken/case.toml" in html
    assert h.skipped_cases_html([]) == ""
    hostile = h.skipped_cases_html(["<img src=x onerror=alert(1)>/case.toml: bad"])
    assert "<img" not in hostile and "&lt;img" in hostile


def test_an_uploaded_cp1251_file_is_noticed(tmp_path: Path) -> None:
    st = tmp_path / "st.txt"
    st.write_bytes("Погибли 164 человека.\n".encode("cp1251"))
    rep = tmp_path / "rep.txt"
    rep.write_text("Officials said 225 people had died.", encoding="utf-8")
    case = h.uploaded_case(str(st), str(rep), "ru")
    assert any("cp1251" in n for n in h.input_notices(case))


def test_the_tabs_cp1251_notices_say_what_to_do_in_the_browser(tmp_path: Path) -> None:
    """tidy22 (issue 9): the tab's cp1251 notice told a browser user to run iconv; it says
    what the user can do there (the tab shows its notices through in_ui_terms)."""
    from workbench.ui.wording import in_ui_terms

    st = tmp_path / "st.txt"
    st.write_bytes("Погибли 164 человека.\n".encode("cp1251"))
    rep = tmp_path / "rep.txt"
    rep.write_text("Officials said 225 people had died.", encoding="utf-8")
    (shown,) = [in_ui_terms(n) for n in h.input_notices(h.uploaded_case(str(st), str(rep), "ru"))]
    assert shown == (
        "st.txt is not UTF-8 (first non-UTF-8 byte on line 1); it was read as cp1251 (Windows "
        "Cyrillic): check the text, or save the file as UTF-8 (a text editor's Save As) and "
        "upload it again."
    )
    st.write_bytes(b"\x98\x98 not text\n")  # 0x98 is no cp1251 character: refused
    with pytest.raises(UserInputError) as refused:
        h.uploaded_case(str(st), str(rep), "ru")
    said = in_ui_terms(str(refused.value))
    assert "iconv" not in said and "(save it as UTF-8 in a text editor)" in said


def test_comparing_shows_the_embedding_progress(
    tmp_path: Path, compare_upload: tuple[Path, Path, Path]
) -> None:
    # ux9's walk: the Compare tab said "Aligning statements with reporting…" and nothing more
    # while a long case was embedded.
    settings = Settings.resolve({"home": tmp_path / "fresh-home"})  # nothing cached yet
    st, tr, rep = compare_upload
    seen: list[tuple[float, str]] = []
    case = h.uploaded_case(str(st), str(rep), "ru", str(tr), "foreign")
    h.run(UIContext(settings), case, h.SUPPLIED, lambda f, m: seen.append((f, m)))
    embedded = [(f, m) for f, m in seen if "embedded" in m]
    assert embedded and embedded[-1][1].startswith("Aligning: ")
    done, total = embedded[-1][1].split(" ")[1].split("/")
    assert done == total and 0.45 <= embedded[0][0] <= embedded[-1][0] <= 0.95
    # review22's walk: after the embedding the bar stood at 95 % with the last count and no word
    # while the differences were found; each step after the alignment is said, in order
    steps = [m.split("…")[0] + "…" for _, m in seen if not m.startswith("Aligning")]
    assert list(dict.fromkeys(steps)) == [
        "Finding the differences…",
        "Checking the supplied translations against their originals…",
    ], steps
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)


def test_machine_translation_takes_any_model_the_translate_tab_offers(
    compare_upload: tuple[Path, Path, Path], settings: Settings, tiny_marian_dir: Path
) -> None:
    # ux9's walk: the Compare tab machine-translated with the catalog's default only; a model
    # copied into <home>/models (or given to serve) could be used in Translate but not here.
    import shutil

    shutil.copytree(tiny_marian_dir, settings.home / "models" / "my-ru-en")
    ctx = UIContext(settings)
    choices = h.model_choices(ctx)
    assert choices[0] == ("Default model per language", h.DEFAULT_MODEL)
    local = next(v for label, v in choices if "my-ru-en" in label)
    st, _tr, rep = compare_upload
    case = h.uploaded_case(str(st), str(rep), "ru")
    state = h.run(ctx, case, h.DEFAULT_MODEL, model=local)
    assert "engine:opus-mt" in state.result.signature and "my-ru-en" in state.result.signature
    assert (state.translations, state.model) == (h.DEFAULT_MODEL, local)


def test_a_model_without_the_case_languages_is_refused_before_translating(
    settings: Settings,
) -> None:
    ctx = UIContext(settings)
    sample = h.load(h.default_case(h.case_choices(ctx)))  # ru, kk and ky statements
    with pytest.raises(UserInputError, match=r"translates ru-en only.*Kazakh, Kyrgyz"):
        h.run(ctx, sample, h.DEFAULT_MODEL, model="catalog:opus-mt-ru-en")
    with pytest.raises(UserInputError, match="no longer in the list; reload the page"):
        h.run(ctx, sample, h.DEFAULT_MODEL, model="local:gone/none")


def test_uploaded_translations_left_aside_by_machine_translation_are_named(
    compare_upload: tuple[Path, Path, Path], settings: Settings, tiny_marian_dir: Path
) -> None:
    # review10 (fix11): with "Machine-translate" chosen an uploaded translations file was
    # silently ignored; the choice is followed, and a notice says the upload went unused
    import shutil

    shutil.copytree(tiny_marian_dir, settings.home / "models" / "my-ru-en")
    ctx = UIContext(settings)
    local = next(v for label, v in h.model_choices(ctx) if "my-ru-en" in label)
    st, tr, rep = compare_upload
    with_tr = h.uploaded_case(str(st), str(rep), "ru", str(tr))
    state = h.run(ctx, with_tr, h.DEFAULT_MODEL, model=local)
    assert "engine:opus-mt" in state.result.signature  # the choice was followed
    (note,) = [n for n in state.notices if "uploaded English translations" in n]
    assert note == h.unused_translations_notice(with_tr, h.DEFAULT_MODEL)
    assert "are not used" in note and 'choose "Supplied English translations"' in note
    # no notice when the upload is used, when there is none, or for a case's own translations
    assert h.unused_translations_notice(with_tr, h.SUPPLIED) is None
    without = h.uploaded_case(str(st), str(rep), "ru")
    assert h.unused_translations_notice(without, h.DEFAULT_MODEL) is None
    sample = h.load(h.default_case(h.case_choices(ctx)))
    assert h.unused_translations_notice(sample, h.DEFAULT_MODEL) is None


def test_a_broken_corrections_file_can_be_left_aside(
    tmp_path: Path, sample: tuple[UIContext, h.CompareState]
) -> None:
    # Session 11 left this: the CLI had --no-corrections, the tab had no way to compare a case
    # whose corrections.toml cannot be read, and its message did not say there was one.
    from workbench.errors import CorpusError

    ctx, first = sample
    folder = _copy_of(first, tmp_path)
    broken = '[[link]]\naction = "remove"\nstatement_line = 2\n'  # no documents, no sentence
    (folder / "corrections.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        h.run(ctx, h.load(str(folder)), h.SUPPLIED)
    said = str(err.value)
    assert "missing statement_document" in said and f"tick {h.IGNORE_CORRECTIONS!r}" in said
    state = h.run(ctx, h.load(str(folder)), h.SUPPLIED, use_corrections=False)
    assert state.corrections == ()
    assert any("left aside" in n and "corrections.toml" in n for n in state.notices)
    links = lambda st: [  # noqa: E731
        (a.statement.index, r.index)
        for dc in st.result.documents
        for a in dc.comparison.alignments
        for r in a.reports
    ]
    assert links(state) == links(first)  # the aligner's own links, as with no file
    assert (folder / "corrections.toml").read_text(encoding="utf-8") == broken  # nothing lost


def test_the_alignment_bar_never_goes_back_when_the_total_grows() -> None:
    # ux12's walk (five outlets): the aligner asks for clauses after sentences, the total went
    # 89 → 221 → 246 and the bar from 95 % back to 90 %.
    seen: list[tuple[float, str]] = []
    step = h.embedding_progress(lambda fraction, message: seen.append((fraction, message)))
    for done, total in [(0, 89), (89, 89), (89, 221), (221, 221), (221, 246), (246, 247)]:
        step(done, total)
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] >= 0.45 and fractions[-1] <= 0.95
    assert seen[-2][1] == "Aligning: 221/246 sentences and clauses embedded; embedding 25…"
    assert seen[-1][1] == "Aligning: 246/247 sentences and clauses embedded; embedding 1…"
    step.close()


def test_the_message_moves_while_one_embedding_call_runs() -> None:
    # ux12's walk: "Aligning: 0/89 sentences and clauses embedded" stood still for 22 s (one
    # embed call = one progress step). A heartbeat says what the call embeds and for how long;
    # the embedder is called exactly as before (same texts, one call, same vectors). The clock
    # and the heartbeat's pauses are the test's (review13 U1: real sleeps and wall-clock limits).
    import threading

    import numpy as np

    from tests.ticks import ManualTicks
    from workbench.align.embedders import Embedder
    from workbench.pipeline.progress import ProgressEmbedder

    calls: list[list[str]] = []
    ticks = ManualTicks()

    class Slow(Embedder):
        name = "slow"

        @property
        def dim(self) -> int:
            return 2

        def _embed_batch(self, texts: list[str]) -> np.ndarray:
            calls.append(texts)
            for seconds in (0.5, 1.0, 1.0, 1.0):  # the call runs 3.5 s, a heartbeat each second
                ticks.advance(seconds)
                ticks.beat()
            return np.ones((len(texts), 2), dtype=np.float32)

    seen: list[tuple[float, str]] = []
    step = h.embedding_progress(
        lambda f, m: seen.append((f, m)), every=1.0, clock=ticks.clock, wait=ticks.wait
    )
    vectors = ProgressEmbedder(Slow(batch_size=128), step).embed([f"s{i}" for i in range(89)])
    ticks.advance(1.2)
    ticks.beat()  # between calls: the counts stay as they are, no heartbeat
    step.close()
    assert vectors.shape == (89, 2) and len(calls) == 1 and len(calls[0]) == 89
    running = "Aligning: 0/89 sentences and clauses embedded; embedding 89"
    assert [m for _, m in seen] == [
        f"{running}…",
        f"{running}…",  # half a second in: no seconds yet
        f"{running} for 1 s…",
        f"{running} for 2 s…",
        f"{running} for 3 s…",
        "Aligning: 89/89 sentences and clauses embedded",
    ]
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    assert not any(t.name == "embedding-heartbeat" for t in threading.enumerate())  # closed


def test_a_step_after_the_alignment_is_said_with_its_time_and_the_counts_stop() -> None:
    # review22's walk: a big case's differences took minutes after the last count; the bar said
    # "Aligning: 65/65 …" at 95 % all that time. The step is said at once and with its seconds
    # at each heartbeat; the few clauses the differences embed do not bring the counts back.
    from tests.ticks import ManualTicks

    ticks = ManualTicks()
    seen: list[tuple[float, str]] = []
    step = h.embedding_progress(
        lambda f, m: seen.append((f, m)), every=1.0, clock=ticks.clock, wait=ticks.wait
    )
    step(0, 65)
    step(65, 65)
    step.stage("differences")
    step(65, 70)  # the differences' own embedding
    for _ in range(2):
        ticks.advance(1.0)
        ticks.beat()
    step.close()
    assert [m for _, m in seen][2:] == [
        "Finding the differences…",
        "Finding the differences… 1 s",
        "Finding the differences… 2 s",
    ]
    assert [f for f, _ in seen][2:] == [0.95] * 3


def test_the_heartbeat_beats_on_its_own_and_stops() -> None:
    # The pause the tab really uses (no test-driven wait): beats come by themselves, none after
    # close(). An event, not a sleep, tells the test a beat came; the 60 s are a hang guard.
    import threading

    said = threading.Event()
    seen: list[str] = []

    def progress(fraction: float, message: str) -> None:
        seen.append(message)
        if " for " in message:
            said.set()

    clock = iter(range(1000, 10**6))  # a second passes at each look at the clock
    step = h.embedding_progress(progress, every=0.001, clock=lambda: float(next(clock)))
    step(0, 5)
    assert said.wait(60), seen
    step.close()
    assert seen[0] == "Aligning: 0/5 sentences and clauses embedded; embedding 5…"
    assert all(
        m.startswith("Aligning: 0/5 sentences and clauses embedded; embedding 5") for m in seen
    )
    assert not any(t.name == "embedding-heartbeat" for t in threading.enumerate())  # ended


def test_corrections_left_aside_are_not_said_to_be_none_nor_applied_by_a_correction(
    tmp_path: Path, sample: tuple[UIContext, h.CompareState]
) -> None:
    # hyg14's walk: with "Leave the saved link corrections aside" ticked, Correct links said "No
    # link corrections are saved with this case" while corrections.toml held some (or could not
    # be read); and a link corrected then compared again WITH every saved correction, the box
    # still ticked (the state did not remember it, as it remembers the translations).
    ctx, first = sample
    folder = _copy_of(first, tmp_path)
    state = h.run(ctx, h.load(str(folder)), h.SUPPLIED)
    al = state.result.documents[0].comparison.alignments[0]
    key = f"{al.reports[0].document_id}:{h._number(state, al.reports[0])}"
    fixed = h.correct(ctx, state, "remove", al.statement.index, key, "Ann", "wrong outlet")
    assert len(fixed.corrections) == 1
    aside = h.run(ctx, h.load(str(folder)), h.SUPPLIED, use_corrections=False)
    assert aside.corrections == () and not aside.use_corrections
    panel = h.render_all(aside, h.filters(DIFFERENCE_KINDS, h.OUTLET_TYPES))[4]
    assert "No link corrections are saved" not in panel
    assert "Left aside" in panel and h.IGNORE_CORRECTIONS in panel
    assert "Ann" in panel and "wrong outlet" in panel  # the saved one, shown, not applied
    saved = (folder / "corrections.toml").read_text(encoding="utf-8")
    other = state.result.documents[0].comparison.alignments[1]
    with pytest.raises(UserInputError, match="untick"):
        h.correct(ctx, aside, "add", other.statement.index, key, "Ann")
    assert (folder / "corrections.toml").read_text(encoding="utf-8") == saved  # untouched
    (folder / "corrections.toml").write_text("[[link]]\naction = 1\n", encoding="utf-8")
    broken = h.run(ctx, h.load(str(folder)), h.SUPPLIED, use_corrections=False)
    panel = h.render_all(broken, h.filters(DIFFERENCE_KINDS, h.OUTLET_TYPES))[4]
    assert "No link corrections are saved" not in panel
    assert "Left aside" in panel and "missing statement_document" in panel


def test_saved_corrections_are_shown_when_the_case_is_picked(tmp_path: Path) -> None:
    # ux12's walk: after a restart the Correct links tab stayed empty until Compare ran, as if
    # the corrections were lost; a broken file was only told after pressing Compare.
    import shutil

    from workbench.pipeline.corrections import corrections_path
    from workbench.types import LinkCorrection

    folder = tmp_path / "case"
    shutil.copytree(
        Path(h.default_case(h.case_choices(UIContext(Settings.resolve()))) or ""), folder
    )
    assert "No link corrections are saved" in h.saved_corrections_html(h.load(str(folder)))
    from workbench.corpus.corrections import write_corrections

    mine = LinkCorrection("remove", "st", 2, "wire", 3, "A sentence.", "Ann <b>", "2026", "why")
    write_corrections(folder, [mine])
    shown = h.saved_corrections_html(h.load(str(folder)))
    assert "Saved with this case (1); applied when you press Compare." in shown
    assert "Ann &lt;b&gt;" in shown and "wire sentence 3" in shown
    corrections_path(folder).write_text("[[link]]\naction = 1\n", encoding="utf-8")
    broken = h.saved_corrections_html(h.load(str(folder)))
    assert 'role="alert"' in broken and "missing statement_document" in broken
    assert h.IGNORE_CORRECTIONS in broken


def test_a_saved_correction_shows_the_statement_it_names(tmp_path: Path) -> None:
    # hyg15's walk: the Correct links table named a statement only as "document line 10", so
    # the analyst had to look the line up to read what was corrected
    import shutil

    from workbench.corpus.corrections import write_corrections
    from workbench.types import LinkCorrection
    from workbench.view.html import esc

    folder = tmp_path / "case"
    shutil.copytree(
        Path(h.default_case(h.case_choices(UIContext(Settings.resolve()))) or ""), folder
    )
    doc = h.load(str(folder)).statements[0]
    assert doc.translation is not None
    english = doc.translation.split("\n")[1].strip()
    mine = LinkCorrection("remove", doc.id, 2, "wire", 3, "A sentence.", "Ann", "2026")
    lost = LinkCorrection("add", doc.id, 999, "wire", 4, "Another.", "Ann", "2026")
    write_corrections(folder, [mine, lost])
    shown = h.saved_corrections_html(h.load(str(folder)))
    assert f"{doc.id} line 2<br>" in shown and esc(english) in shown
    assert f"{doc.id} line 999</td>" in shown  # a line the case lacks: named, nothing made up


def test_the_report_comes_in_every_format_the_command_line_writes(
    sample: tuple[UIContext, h.CompareState],
) -> None:
    # ux12's walk: the tab wrote only HTML; the Markdown report of the same run needed the
    # command line (and the same filters typed again).
    import json

    from workbench.pipeline.compare import case_report

    ctx, state = sample
    flt = h.filters(["number"], h.OUTLET_TYPES)
    for fmt, (name, suffix) in h.REPORT_FORMATS.items():
        path = h.export_report(ctx, state, flt, fmt)
        assert path.suffix == suffix and path.parent == ctx.exports_dir
        text = path.read_text(encoding="utf-8")
        assert text == case_report(state.result, state.case, name, flt, state.corrections)
    md = h.export_report(ctx, state, flt, "Markdown").read_text(encoding="utf-8")
    assert "## Differences by outlet type and kind" in md
    assert "  - **number**" in md and "  - **attribution**" not in md  # the filter applies
    json.loads(h.export_report(ctx, state, flt, "JSON").read_text(encoding="utf-8"))
    with pytest.raises(UserInputError, match="report format"):
        h.export_report(ctx, state, flt, "PDF")


def test_outlet_type_filters_offer_the_types_the_case_has(
    compare_upload: tuple[Path, Path, Path], settings: Settings
) -> None:
    # ux12's walk: an all-foreign case offered "state" and "independent" boxes that changed
    # nothing, and ticking its only type read as a filter in the report's heading.
    from workbench.view import ViewFilters

    st, tr, rep = compare_upload
    case = h.uploaded_case(str(st), str(rep), "ru", str(tr), "foreign")
    assert h.outlet_type_choices(case) == ["foreign"]
    assert h.outlet_type_choices(None) == list(h.OUTLET_TYPES)
    docs = [d.id for d in case.reports]
    assert h.shown_filters(case, DIFFERENCE_KINDS, ["foreign"], docs) == ViewFilters()
    assert h.shown_filters(case, DIFFERENCE_KINDS, [], docs).outlet_types == ()
    assert h.shown_filters(None, DIFFERENCE_KINDS, h.OUTLET_TYPES, []) == ViewFilters()
    sample = h.load(h.default_case(h.case_choices(UIContext(settings))))
    present = h.outlet_type_choices(sample)
    assert set(present) == {d.outlet_type.value for d in sample.reports}
    narrowed = h.shown_filters(
        sample, DIFFERENCE_KINDS, present[:1], [d.id for d in sample.reports]
    )
    assert narrowed.outlet_types == tuple(present[:1]) and len(present) > 1


def test_a_page_load_lists_the_corrections_saved_since_serve_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workbench_home: Path
) -> None:
    # review12 F5: the list was built once with the app, so a link corrected on a running
    # server was missing after a reload of the page, as if the work were lost.
    import shutil

    from workbench.corpus.corrections import write_corrections
    from workbench.types import LinkCorrection
    from workbench.ui.app import create_app

    repo_case = Path(h.default_case(h.case_choices(UIContext(Settings.resolve()))) or "")
    shutil.copytree(repo_case, tmp_path / "corpora" / repo_case.name)
    monkeypatch.setenv("WORKBENCH_CORPORA", str(tmp_path / "corpora"))
    ctx = UIContext(Settings.resolve())
    app = create_app(ctx)
    shown = [b for b in app.blocks.values() if getattr(b, "elem_id", None) == "compare-corrections"]
    (panel,) = shown
    loads = [f for f in app.fns.values() if panel in f.outputs and not f.inputs]
    assert loads, "no page-load event refreshes the saved corrections"
    assert all("No link corrections are saved" in f.fn() for f in loads)
    folder = Path(h.default_case(h.case_choices(ctx)) or "")
    assert folder.parent == tmp_path / "corpora"
    mine = LinkCorrection("remove", "st", 2, "wire", 3, "A sentence.", "Ann", "2026", "why")
    write_corrections(folder, [mine])
    assert any("Saved with this case (1)" in f.fn() for f in loads)


@pytest.mark.parametrize(
    ("outlet", "short"),
    [
        (
            "President of Kazakhstan (posts of 5–7 January 2022, as reported)",
            "President of Kazakhstan",
        ),
        ("Qazweek (English), citing KazTAG", "Qazweek"),
        ("WeForNews", "WeForNews"),
        ("(invented statement)", "(invented statement)"),  # all qualifier: kept whole
        ("AP (wire)", "AP (wire)"),  # too short a head to stand alone
    ],
)
def test_the_short_outlet_name_drops_only_the_qualifier(outlet: str, short: str) -> None:
    from workbench.view.model import short_outlet

    assert short_outlet(outlet) == short


def test_a_long_pick_label_is_cut_at_a_word_end() -> None:
    # review16's screenshot of Correct links: a suggestion's label read "in front of the ak…"
    said = "A meeting was held with residents who had gathered in front of the town hall building."
    assert (
        h._short(said, 70) == "A meeting was held with residents who had gathered in front of the…"
    )
    assert h._short(said, 200) == said
    assert h._short("x" * 100, 10) == "x" * 9 + "…"  # one long word is cut where it must be
    assert len(h._short(said, 70)) <= 70
