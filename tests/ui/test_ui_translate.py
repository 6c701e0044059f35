"""Translate-tab handlers over the real pipeline with the tiny random-weight Marian model.

The tiny model proves the wiring (segmentation, one output per sentence, signatures, post-edits
in the table, uploads beside models, exports with states), not translation quality.
"""

from __future__ import annotations

import json
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from workbench.cli import build_parser
from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.ui.context import ModelChoice, UIContext
from workbench.ui.handlers import models as models_h
from workbench.ui.handlers import translate as h

RU = (
    "Президент заявил, что 20 000 бандитов напали на Алматы. Это была попытка переворота.\n"
    "\n"
    "Власти ввели режим чрезвычайного положения."
)
EN = [
    "The president said 20,000 bandits attacked Almaty.",
    "It was an attempted coup.",
    "The authorities declared a state of emergency.",
]
XLIFF = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture(scope="module")
def pool_ctx(tiny_marian_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> UIContext:
    """One context (and engine pool) per module: the tiny model loads once."""
    settings = Settings.resolve({"home": tmp_path_factory.mktemp("translate-home")})
    return UIContext(settings, extra_models=(ModelChoice("opus-mt", str(tiny_marian_dir)),))


@pytest.fixture
def ctx(settings: Settings, pool_ctx: UIContext) -> UIContext:
    """A fresh home (post-edits, exports) that shares the module's loaded model."""
    return UIContext(settings, extra_models=pool_ctx.extra_models, _pool=pool_ctx.pool)


@pytest.fixture(scope="module")
def result(pool_ctx: UIContext) -> h.TranslateResult:
    return h.translate(pool_ctx, RU, None, h.AUTO, ["serve:0"], beam_size=1, max_length=24)


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_one_output_per_sentence_with_signature(ctx: UIContext, result: h.TranslateResult) -> None:
    view = h.view(ctx, result)
    assert view.headers == ["#", "Source", f"opus-mt: {Path(ctx.extra_models[0].model).name}"]
    assert [r[0] for r in view.rows] == ["1.1", "1.2", "3.1"]
    assert view.rows[1][1] == "Это была попытка переворота."
    assert all(r[2].strip() for r in view.rows)
    assert "Detected Russian" in result.notices[0]
    sig = result.systems[0].signature
    assert (
        "engine:opus-mt" in sig and "pair:ru-en" in sig and "maxlen:24" in sig and "beam:1" in sig
    )


def test_pool_reuses_the_loaded_model(ctx: UIContext, result: h.TranslateResult) -> None:
    first = ctx.pool.get("opus-mt", ctx.extra_models[0].model, "ru", max_length=24, beam_size=1)
    h.translate(ctx, "Ещё одно.", None, "ru", ["serve:0"], beam_size=1, max_length=24)
    again = ctx.pool.get("opus-mt", ctx.extra_models[0].model, "ru", max_length=24, beam_size=1)
    assert again is first


def test_mixed_russian_and_kazakh_lines_are_each_translated_from_their_language(
    ctx: UIContext,
) -> None:
    text = (
        "Власти ввели режим чрезвычайного положения в Алматы и области.\n"
        "Үкімет Алматы қаласында төтенше жағдай енгізді деп хабарлады."
    )
    got = h.translate(ctx, text, None, h.AUTO, ["serve:0"], beam_size=1, max_length=8)
    assert got.languages == ("ru", "kk")
    assert "Russian on line 1; Kazakh on line 2" in got.notices[0]
    pairs = [t.signature.split("|pair:")[1].split("|")[0] for t in got.systems[0].translations]
    assert pairs == ["ru-en", "kk-en"]


def test_postedit_in_the_table_is_kept_shown_and_exported(
    ctx: UIContext, result: h.TranslateResult
) -> None:
    message = h.edit_cell(ctx, result, 1, 2, "It was an attempted coup.")
    assert "Saved your edit of sentence 1.2" in message
    fresh = UIContext(ctx.settings, extra_models=ctx.extra_models)  # as after a restart
    assert h.view(fresh, result).rows[1][2] == "✎ It was an attempted coup."
    label = result.systems[0].label
    txt = h.export(fresh, result, label, "TXT").read_text(encoding="utf-8").split("\n")
    assert len(txt) == 4 and txt[1] == "" and "It was an attempted coup." in txt[0]
    records = [
        json.loads(line)
        for line in h.export(fresh, result, label, "JSONL").read_text(encoding="utf-8").splitlines()
    ]
    assert [(r["line"], r["sentence"]) for r in records] == [(1, 1), (1, 2), (3, 1)]
    edited = records[1]
    assert (
        edited["origin"] == "post-edited" and edited["translation"] == "It was an attempted coup."
    )
    assert edited["machine_translation"] != edited["translation"]
    assert edited["signature"].endswith("|postedits:1")
    assert records[0]["origin"] == "mt"


def test_editing_a_cell_again_or_with_the_edit_mark_is_not_a_new_edit(
    ctx: UIContext, result: h.TranslateResult
) -> None:
    h.edit_cell(ctx, result, 0, 2, "First edit.")
    assert h.edit_cell(ctx, result, 0, 2, "✎ First edit.") == ""
    assert h.view(ctx, result).rows[0][2] == "✎ First edit."


@pytest.mark.parametrize(
    ("row", "column", "value", "match"),
    [
        (0, 1, "x", "Only the systems' translations"),
        (0, 0, "x", "Only the systems' translations"),
        (9, 2, "x", "Only the systems' translations"),
        (0, 2, "   ", "cannot be empty"),
        (0, 2, "✎ ", "cannot be empty"),
    ],
)
def test_bad_table_edits_are_one_clear_error(
    ctx: UIContext, result: h.TranslateResult, row: int, column: int, value: str, match: str
) -> None:
    with pytest.raises(UserInputError, match=match):
        h.edit_cell(ctx, result, row, column, value)


def test_uploaded_translations_sit_beside_a_model_with_disagreements_marked(
    ctx: UIContext, tmp_path: Path
) -> None:
    tsv = _write(
        tmp_path,
        "agency.tsv",
        "".join(
            f"{s}\t{t}\n"
            for s, t in zip(
                [
                    "Президент заявил, что 20 000 бандитов напали на Алматы.",
                    "Это была попытка переворота.",
                    "Власти ввели режим чрезвычайного положения.",
                ],
                EN,
                strict=True,
            )
        ),
    )
    by_line = _write(tmp_path, "desk.txt", f"{EN[0]} It was a coup attempt.\n{EN[2]}\n")
    got = h.translate(ctx, RU, None, "ru", ["serve:0"], [tsv, by_line], beam_size=1, max_length=8)
    view = h.view(ctx, got)
    assert view.headers[2:] == [
        "imported: agency.tsv",
        "imported: desk.txt",
        f"opus-mt: {Path(ctx.extra_models[0].model).name}",
        "Agreement",
    ]
    assert [r[2] for r in view.rows] == EN
    assert [r[3] for r in view.rows] == [EN[0], "It was a coup attempt.", EN[2]]
    assert '<mark class="wb-engines-differ"' in view.disagreements and "coup" in view.disagreements
    sigs = dict(h.signatures(got))
    assert "engine:imported|model:agency.tsv|rev:sha256-" in sigs["imported: agency.tsv"]
    assert "beam:" not in sigs["imported: agency.tsv"]


def test_a_translator_with_no_model_uploads_and_gets_no_model_column(
    ctx: UIContext, tmp_path: Path
) -> None:
    by_sentence = _write(tmp_path, "mine.txt", "\n".join(EN) + "\n")
    got = h.translate(ctx, RU, None, h.AUTO, [], [by_sentence])
    assert [s.engine for s in got.systems] == ["imported"]
    assert [r[2] for r in h.view(ctx, got).rows] == EN


def test_xliff_states_tell_mt_post_edited_and_imported_apart(
    ctx: UIContext, tmp_path: Path
) -> None:
    mine = _write(tmp_path, "mine.txt", "\n".join(EN) + "\n")
    got = h.translate(ctx, RU, None, "ru", ["serve:0"], [mine], beam_size=1, max_length=8)
    h.edit_cell(ctx, got, 0, 3, "Edited machine translation.")
    states = {}
    for label in h.labels(got):
        root = ET.parse(h.export(ctx, got, label, "XLIFF")).getroot()
        states[label] = [
            (t.get("state"), t.get("state-qualifier"))
            for t in root.iterfind(".//x:trans-unit/x:target", XLIFF)
        ]
    imported, model = h.labels(got)
    assert states[imported] == [("translated", "leveraged-inherited")] * 3
    assert states[model] == [("translated", None)] + [("translated", "mt-suggestion")] * 2
    root = ET.parse(h.export(ctx, got, model, "XLIFF")).getroot()
    alt = root.find(".//x:trans-unit/x:alt-trans/x:target", XLIFF)
    assert alt is not None and alt.text and alt.text != "Edited machine translation."
    tmx = ET.parse(h.export(ctx, got, model, "TMX")).getroot()
    origins = [p.text for p in tmx.iter("prop") if p.get("type") == "x-origin"]
    assert origins == ["post-edited", "mt", "mt"]


def test_bad_input_is_one_clear_error(ctx: UIContext, tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="nothing to translate"):
        h.translate(ctx, "  \n ", None, "ru", ["serve:0"])
    with pytest.raises(UserInputError, match="Kazakh, Kyrgyz or Russian"):
        h.translate(ctx, "This is plainly an English sentence about the weather.", None, h.AUTO, [])
    with pytest.raises(UserInputError, match="no longer in the list"):
        h.translate(ctx, "Привет.", None, "ru", ["/etc/passwd"])
    with pytest.raises(UserInputError, match="no longer offered"):
        h.translate(ctx, "Привет.", None, "ru", ["serve:7"])
    with pytest.raises(UserInputError, match="Translate something first"):
        h.export(ctx, None, "", "TXT")
    with pytest.raises(UserInputError, match="Translate something first"):
        h.edit_cell(ctx, None, 0, 2, "y")
    with pytest.raises(UserInputError, match=r"can be uploaded as .*not \.csv"):
        h.translate(ctx, "Привет.", None, "ru", [], [_write(tmp_path, "t.csv", "a,b\n")])


def test_hostile_text_stays_text(ctx: UIContext) -> None:
    hostile = "<img src=x onerror=alert(1)> Привет."
    got = h.translate(ctx, hostile, None, "ru", ["serve:0"], beam_size=1, max_length=16)
    rows = h.view(ctx, got).rows
    assert "".join(r[1] for r in rows).startswith("<img src=x onerror=alert(1)>")


def test_uploaded_cp1251_file_is_read_with_a_notice(ctx: UIContext, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Власти ввели режим чрезвычайного положения.".encode("cp1251"))
    got = h.translate(ctx, "", str(path), "ru", ["serve:0"], beam_size=1, max_length=16)
    assert got.lines == ("Власти ввели режим чрезвычайного положения.",)
    assert any("cp1251" in n for n in got.notices)


def test_text_in_the_box_beside_an_uploaded_file_is_said_to_be_left_aside(
    ctx: UIContext, tmp_path: Path
) -> None:
    # hyg14's walk: with a source file uploaded, the pasted text was dropped without a word
    path = tmp_path / "statement.txt"
    path.write_text("Власти ввели режим чрезвычайного положения.\n", encoding="utf-8")
    pasted = "Войска направлены в Алматы."
    got = h.translate(ctx, pasted, str(path), "ru", ["serve:0"], beam_size=1, max_length=16)
    assert got.lines == ("Власти ввели режим чрезвычайного положения.",)
    (said,) = [n for n in got.notices if "text in the box is left aside" in n]
    assert "statement.txt" in said and "remove the file" in said
    alone = h.translate(ctx, "", str(path), "ru", ["serve:0"], beam_size=1, max_length=16)
    assert not any("left aside" in n for n in alone.notices)


def test_text_left_aside_is_said_also_when_the_run_fails(ctx: UIContext, tmp_path: Path) -> None:
    # hyg14's walk: the "left aside" notice came with a result only; a run that failed (no
    # model offline) showed the error alone.
    from workbench.errors import ModelNotDownloadedError

    missing = "The model Helsinki-NLP/opus-mt-ru-en is not downloaded and cannot be fetched."

    class OfflinePool:
        def get(self, *args: object, **kwargs: object) -> None:
            raise ModelNotDownloadedError(missing, "Helsinki-NLP/opus-mt-ru-en", "offline")

    offline_ctx = UIContext(ctx.settings, _pool=OfflinePool())
    path = tmp_path / "statement.txt"
    path.write_text("Власти ввели режим чрезвычайного положения.\n", encoding="utf-8")
    with pytest.raises(ModelNotDownloadedError) as err:
        h.translate(offline_ctx, "Войска направлены.", str(path), "ru", [], beam_size=1)
    said = str(err.value)
    assert said.startswith(missing) and "Also: The text in the box is left aside" in said
    with pytest.raises(UserInputError) as bad:  # an error before translating says it too
        h.translate(ctx, "Войска.", str(path), "ru", [], [_write(tmp_path, "t.csv", "a,b\n")])
    assert "left aside" in str(bad.value)
    with pytest.raises(ModelNotDownloadedError) as err:  # nothing pasted: nothing left aside
        h.translate(offline_ctx, "", str(path), "ru", [], beam_size=1)
    assert str(err.value).startswith(missing) and "left aside" not in str(err.value)


def test_model_list_marks_what_is_ready_and_what_would_download(ctx: UIContext) -> None:
    choices = dict((v, label) for label, v in h.model_choices(ctx))
    assert "would download, 310 MB" in choices["catalog:opus-mt-ru-en"] or (
        "not here (offline), 310 MB" in choices["catalog:opus-mt-ru-en"]
    )
    assert "given to serve" in choices["serve:0"]


def test_a_converted_and_a_copied_model_appear_in_the_model_list(
    settings: Settings, tiny_marian_dir: Path
) -> None:
    import shutil

    shutil.copytree(tiny_marian_dir, settings.home / "models" / "my-ru-en")
    ctx = UIContext(settings)
    models_h.convert(ctx, "my-ru-en", "int8")
    values = [v for _, v in h.model_choices(ctx)]
    assert "local:local/my-ru-en" in values
    converted = [v for v in values if v.startswith("local:converted/")]
    assert len(converted) == 1
    (spec,) = h.resolve_systems(ctx, converted)
    assert spec.engine == "ct2" and Path(spec.model).is_dir()
    # ux11's walk: the conversion was listed under its folder's name, a slug of the source's
    # full path ("tmp--...--models--my-ru-en--sha256-...--int8"); it is shown by the model's.
    labels = dict((v, label) for label, v in h.model_choices(ctx))
    assert labels[converted[0]] == "my-ru-en (int8) (ct2) · converted, < 1 MB"
    assert spec.label == "my-ru-en (int8)"
    assert str(settings.home).replace("/", "--").strip("-") not in labels[converted[0]]


def test_cli_command_parses_to_the_tab_settings(ctx: UIContext) -> None:
    text = models_h.cli_commands(ctx, "ky", ["serve:0"], 2, 64)
    args = build_parser().parse_args(shlex.split(text.splitlines()[0])[1:])
    assert (args.engine, args.model, args.src, args.beam_size, args.max_length) == (
        "opus-mt",
        ctx.extra_models[0].model,
        "ky",
        2,
        64,
    )
    auto = models_h.cli_commands(ctx, h.AUTO, ["serve:0"], 4, 256)
    assert auto.startswith("# ") and "--src SRC" in auto
    assert models_h.cli_commands(ctx, "ru", [], 4, 256).startswith("# Tick a model")


def test_a_model_typed_by_name_follows_the_operator_rule(
    settings: Settings, tiny_marian_dir: Path, tmp_path: Path
) -> None:
    import shutil

    from workbench.pipeline.model_access import REFUSAL

    shutil.copytree(tiny_marian_dir, settings.home / "models" / "typed-ru-en")
    ctx = UIContext(settings)
    (spec,) = h.resolve_systems(ctx, [], "typed-ru-en", "opus-mt")
    assert spec.model == str(settings.home / "models" / "typed-ru-en")
    for typed in (str(tmp_path), str(tiny_marian_dir), "../x", "/etc"):
        with pytest.raises(UserInputError) as err:
            h.resolve_systems(ctx, [], typed, "opus-mt")
        assert str(err.value) == REFUSAL
    assert "imported" not in h.engine_choices()


def test_per_engine_flags_get_a_column(ctx: UIContext, result: h.TranslateResult) -> None:
    label = result.systems[0].label
    assert h.view(ctx, result).headers[-1] != "Flags"

    def first_sentence_only(source: str, translation: str) -> tuple[str, ...]:
        return ("checked",) if source.startswith("Президент") else ()

    flagged = h.view(ctx, result, [first_sentence_only])
    assert flagged.headers[-1] == "Flags"
    assert [r[-1] for r in flagged.rows] == [f"{label}: checked", "", ""]


def test_notices_speak_ui_terms(ctx: UIContext) -> None:
    latin_kazakh = "Ükimet elde tötenşe jağdai engizdi dep habarlady, internet öşirildi."
    got = h.translate(ctx, latin_kazakh, None, "kk", ["serve:0"], beam_size=1, max_length=8)
    shown = h.notices_html(got)
    assert "Latin alphabet" in shown
    assert "--src" not in shown and "workbench.langid" not in shown


def test_a_line_over_the_limit_is_told_in_ui_terms(ctx: UIContext, tmp_path: Path) -> None:
    # hyg14's walk: "... (or raise max_line_chars)" in every tab, a setting no visitor can change
    from workbench.ui.wording import in_ui_terms

    path = tmp_path / "huge.txt"
    path.write_text("Войска " * 40_000 + "\n", encoding="utf-8")
    with pytest.raises(UserInputError) as err:
        h.translate(ctx, "", str(path), "ru", ["serve:0"])
    shown = in_ui_terms(str(err.value))
    assert "huge.txt, line 1: 280,000 characters" in shown
    assert "(or ask whoever runs the workbench to raise max_line_chars in its config.toml)" in shown
    lines = in_ui_terms(
        "a.txt has 9 lines, more than the 5 a file may have; split it (or raise max_lines)."
    )
    assert lines.endswith(
        "(or ask whoever runs the workbench to raise max_lines in its config.toml)."
    )


@pytest.mark.parametrize(
    "headers",
    [
        ["#", "Source", "a"],
        ["#", "Source", "a", "b", "Agreement"],
        ["#", "Source", "a", "Flags"],
        ["#", "Source", "a", "b", "c", "Agreement", "Flags"],
    ],
)
def test_table_widths_fill_the_table_and_leave_the_flags_room(headers: list[str]) -> None:
    pytest.importorskip("gradio")
    from workbench.ui.tabs.translate import _widths

    widths = [int(w.rstrip("%")) for w in _widths(headers)]
    assert len(widths) == len(headers) and 95 <= sum(widths) <= 100
    named = dict(zip(headers, widths, strict=True))
    # the flags are sentences: at 7 % they wrapped a word a line (rows several screens high)
    assert named.get("Flags", 18) >= 15
    assert all(named[s] >= 14 for s in headers[2:] if s not in ("Agreement", "Flags"))


def test_the_first_count_says_a_model_loads_first(ctx: UIContext) -> None:
    """The count's first report ("0/N sentences") comes before the engine loads its model, which
    takes seconds on first use: the bar said "0/3 sentences" with no word of what it waited for
    (review23's walk). It says so; the later counts are bare."""
    seen: list[str] = []
    h.translate(
        ctx, "Первая строка.\nВторая строка.\nТретья строка.", None, "ru", ["serve:0"],
        beam_size=1, max_length=4, progress=lambda fraction, message: seen.append(message),
    )  # fmt: skip
    counts = [m for m in seen if "sentences" in m]
    assert counts[0].endswith(": 0/3 sentences (a model's first use loads it first)"), seen
    assert counts[-1].endswith(": 3/3 sentences"), seen


def test_stop_ends_a_long_translation_at_its_next_batch(ctx: UIContext) -> None:
    # A 300-line file on a real model runs for minutes and the tab had no way to stop it
    # (gradio's `cancels` lets a running function finish).
    from workbench.ui.handlers.common import Stopped, stoppable

    lines = "\n".join(f"Строка номер {i}: власти сообщили о новых мерах." for i in range(40))
    seen: list[str] = []
    flag = ctx.begin_run("session-1")

    def watch(fraction: float, message: str) -> None:
        seen.append(message)
        done = message.rpartition(": ")[2].split("/")[0]
        if message.endswith("/40 sentences") and done != "0":
            ctx.stop_run("session-1")  # the user presses Stop once the first batch is done

    with pytest.raises(Stopped, match="Stopped at “.*/40 sentences”.*run again"):
        h.translate(
            ctx, lines, None, "ru", ["serve:0"], beam_size=1, max_length=4,
            progress=stoppable(watch, flag),
        )  # fmt: skip
    assert not any(m.endswith("40/40 sentences") for m in seen), seen
    assert ctx.stop_run("nobody") is False  # Stop with nothing running says so
    fresh = ctx.begin_run("session-1")  # the next run starts with the flag down
    assert not fresh.is_set()
    done = h.translate(ctx, lines, None, "ru", ["serve:0"], beam_size=1, max_length=4,
                       progress=stoppable(None, fresh))  # fmt: skip
    assert len(done.systems[0].translations) == 40


def test_stop_after_the_translation_ended_says_nothing_runs(ctx: UIContext) -> None:
    # review10: the flag stayed after the run, so a Stop pressed after the end was taken
    # silently ("Nothing is being translated." only showed before a session's first run).
    flag = ctx.begin_run("session-2")
    newer = ctx.begin_run("session-2")  # a newer run of the session replaced the flag
    ctx.end_run("session-2", flag)
    assert ctx.stop_run("session-2") is True and newer.is_set()  # the newer run is stopped
    ctx.end_run("session-2", newer)
    assert ctx.stop_run("session-2") is False


@pytest.mark.parametrize("src", ["kk", h.AUTO])
def test_latin_kazakh_offline_names_the_alphabet_beside_the_missing_model(
    ctx: UIContext, src: str
) -> None:
    # Session 11 left this: with no model on the machine, the user learnt only that the model
    # is missing, and after fetching it, that the text must be converted to Cyrillic first.
    from workbench.errors import ModelNotDownloadedError
    from workbench.ui.wording import in_ui_terms

    missing = "The model facebook/nllb-200-distilled-600M is not downloaded and cannot be fetched."

    class OfflinePool:  # what the engine pool says with no network and no model here
        def get(self, *args: object, **kwargs: object) -> None:
            raise ModelNotDownloadedError(missing, "facebook/nllb-200-distilled-600M", "offline")

    offline_ctx = UIContext(ctx.settings, _pool=OfflinePool())
    latin_kazakh = "Ükimet elde tötenşe jağdai engizdi dep habarlady, internet öşirildi."
    text = f"{latin_kazakh}\nҮкімет төтенше жағдай енгізді деп хабарлады, интернет өшірілді."
    with pytest.raises(ModelNotDownloadedError) as err:
        h.translate(offline_ctx, text, None, src, [], beam_size=1, max_length=8)
    shown = in_ui_terms(str(err.value))
    assert shown.startswith(missing)  # the missing model is still said first
    assert "Line 1 is Kazakh written in the Latin alphabet" in shown and "Cyrillic" in shown
    assert "workbench.langid" not in shown
    with pytest.raises(ModelNotDownloadedError) as err:  # a Cyrillic text: no alphabet note
        h.translate(offline_ctx, text.split("\n")[1], None, src, [], beam_size=1, max_length=8)
    assert str(err.value) == missing


def test_same_named_models_from_different_folders_are_told_apart(
    settings: Settings, tiny_marian_dir: Path, tmp_path: Path
) -> None:
    # review11 F3: two conversions of same-named folders from different parents were two
    # identical entries in every model list (and a second local folder of one name could not
    # be picked at all: both had one value).
    import shutil

    from workbench.pipeline import models as pm

    for parent in ("team-a", "team-b"):
        shutil.copytree(tiny_marian_dir, tmp_path / parent / "my-ru-en")
        pm.convert_model(str(tmp_path / parent / "my-ru-en"), settings)
    ctx = UIContext(settings, models_dirs=(tmp_path / "team-a", tmp_path / "team-b"))
    labels = dict((v, label) for label, v in h.model_choices(ctx))
    local = [v for v in labels if v.startswith("local:local/")]
    converted = [v for v in labels if v.startswith("local:converted/")]
    assert len(local) == 2 and len(converted) == 2
    assert sorted(labels[v].split(" (")[0] for v in local) == [
        "my-ru-en · from team-a/",
        "my-ru-en · from team-b/",
    ]
    assert sorted(labels[v].split(" (ct2)")[0] for v in converted) == [
        "my-ru-en (int8) · from team-a/",
        "my-ru-en (int8) · from team-b/",
    ]
    specs = h.resolve_systems(ctx, [*local, *converted])
    assert len({s.label for s in specs}) == 4 and len({s.model for s in specs}) == 4
    assert {Path(s.model).parent.name for s in specs[:2]} == {"team-a", "team-b"}
    rows = models_h.local_rows(ctx)
    assert len({r[0] for r in rows}) == len(rows) == 4


def test_conversions_of_one_folder_at_two_revisions_show_the_revision() -> None:
    from workbench.pipeline.models import LocalModel

    src = "/srv/models/my-ru-en"
    group = [
        LocalModel(
            f"srv--models--my-ru-en--sha256-{rev}--int8",
            "ct2",
            Path(f"/h/ct2/{rev}"),
            "converted",
            1.0,
            src,
        )
        for rev in ("0123456789abcdef", "fedcba9876543210")
    ]
    names = h.shown_names(group)
    assert sorted(names.values()) == [
        "my-ru-en (int8) · revision sha256-01234567",
        "my-ru-en (int8) · revision sha256-fedcba98",
    ]


def test_offline_a_mixed_text_names_every_languages_missing_default_model(
    settings: Settings,
) -> None:
    # ux13's walk: Russian, Kazakh and Kyrgyz lines with nothing ticked and no model here
    # named only the Russian model; the translator who brought it in met the next one.
    from workbench.errors import ModelNotAvailableError, ModelNotDownloadedError

    ctx = UIContext(settings.replace(offline=True))
    text = (
        "Президент подписал указ о выделении 2 миллиардов тенге.\n"
        "Қазақстан Республикасының Президенті жарлыққа қол қойды.\n"
        "Кыргыз Республикасынын Президенти жарлыкка кол койду."
    )
    with pytest.raises((ModelNotDownloadedError, ModelNotAvailableError)) as err:
        h.translate(ctx, text, None, h.AUTO, [], beam_size=1, max_length=8)
    message = str(err.value)
    assert "opus-mt-tc-big-zle-en" in message  # the first missing model, as before
    assert message.endswith(
        "The text's other languages need models that are not here either: "
        "nllb-200-distilled-600M for Kazakh (line 2) and Kyrgyz (line 3)."
    )
    with pytest.raises((ModelNotDownloadedError, ModelNotAvailableError)) as err:
        h.translate(ctx, text.split("\n")[0], None, h.AUTO, [], beam_size=1, max_length=8)
    assert "other languages" not in str(err.value)  # one language: nothing more to say
