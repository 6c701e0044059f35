"""The app frame without a browser: serve options, escaping, features, post-edit store, app build."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from workbench.cli import build_parser
from workbench.cli.serve_cmd import parse_auth
from workbench.errors import UserInputError
from workbench.pipeline.postedits import PostEditStore
from workbench.ui.context import ModelChoice
from workbench.ui.features import missing, unavailable_message
from workbench.ui.handlers.common import MAX_CHARS, output_path, read_upload
from workbench.ui.render import esc, highlight, notice_list, signature_list, table

HOSTILE = '<img src=x onerror=alert(1)><script>alert("x")</script>'


def test_serve_defaults_to_localhost_without_share() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.share, args.auth) == ("127.0.0.1", 7860, False, None)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [(None, None), ("ann:s3cret", ("ann", "s3cret")), ("a:b:c", ("a", "b:c"))],
)
def test_auth_is_parsed(spec: str | None, expected: tuple[str, str] | None) -> None:
    assert parse_auth(spec) == expected


@pytest.mark.parametrize("spec", ["nopassword", ":pw", "user:"])
def test_bad_auth_is_one_clear_error(spec: str) -> None:
    with pytest.raises(UserInputError, match="USER:PASSWORD"):
        parse_auth(spec)


def test_model_choice_parses_engine_and_model() -> None:
    assert ModelChoice.parse("opus-mt:/m/ru-en") == ModelChoice("opus-mt", "/m/ru-en")
    with pytest.raises(UserInputError, match="ENGINE:MODEL"):
        ModelChoice.parse("/just/a/path")


def test_every_renderer_escapes_hostile_text() -> None:
    for html in (
        esc(HOSTILE),
        notice_list([HOSTILE]),
        signature_list([(HOSTILE, HOSTILE)]),
        highlight(HOSTILE, [(0, 4, "number", HOSTILE)]),
        table([HOSTILE], [[HOSTILE]], css_class="t"),
    ):
        assert "<img" not in html and "<script" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html or "&lt;img" in html


def test_highlight_marks_spans_by_kind_and_keeps_text() -> None:
    text = "Police said 20,000 bandits attacked."
    html = highlight(text, [(12, 18, "number", "20,000 vs 10,000"), (19, 26, "framing", "label")])
    assert '<mark class="wb-diff diff-number"' in html
    assert ">20,000</mark>" in html and ">bandits</mark>" in html
    assert html.startswith("Police said ") and html.endswith(" attacked.")


def test_highlight_splits_overlapping_spans_and_skips_out_of_range_ones() -> None:
    html = highlight("abcdef", [(0, 4, "number", ""), (2, 5, "entity", ""), (3, 99, "hedge", "")])
    # ab: number; cd: number and entity (coloured as the first given); e: entity; f: plain.
    assert html.count("<mark") == 3 and "hedge" not in html and html.endswith("</mark>f")
    assert 'data-kinds="number entity"' in html and ">e</mark>" in html


def test_missing_features_are_named() -> None:
    assert missing("workbench.settings:Settings", "json") == []
    gone = missing("workbench.nonexistent:thing", "workbench.settings:Nope")
    assert gone == ["workbench.nonexistent:thing", "workbench.settings:Nope"]
    assert "`workbench.settings.Nope`" in unavailable_message("X", gone)


def test_postedits_are_kept_and_replaced(tmp_path: Path) -> None:
    store = PostEditStore(tmp_path / "sub" / "pe.sqlite")
    assert store.lookup([("a", "sig")]) == {}
    store.save("Привет.", "sig1", "Hi.", "Hello.")
    store.save("Привет.", "sig1", "Hi.", "Hello there. ")
    store.save("Привет.", "sig2", "Hey.", "Hey!")
    again = PostEditStore(tmp_path / "sub" / "pe.sqlite")
    assert again.lookup([("Привет.", "sig1"), ("Привет.", "sig2"), ("x", "sig1")]) == {
        ("Привет.", "sig1"): "Hello there.",
        ("Привет.", "sig2"): "Hey!",
    }
    assert again.count() == 2
    with pytest.raises(UserInputError, match="empty"):
        store.save("a", "s", "b", "   ")


def test_uploads_utf8_cp1251_binary_and_huge(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_bytes("\ufeffПривет".encode())
    assert read_upload(good) == ("Привет", [])
    legacy = tmp_path / "b.txt"
    legacy.write_bytes("Привет".encode("cp1251"))
    text, notices = read_upload(legacy)
    assert text == "Привет" and "cp1251" in notices[0]
    binary = tmp_path / "c.bin"
    binary.write_bytes(b"\x00\x01\x02PK")
    with pytest.raises(UserInputError, match="binary"):
        read_upload(binary)
    huge = tmp_path / "d.txt"
    huge.write_text("а ам\n" * (MAX_CHARS // 5 + 1), encoding="utf-8")
    with pytest.raises(UserInputError, match="command line"):
        read_upload(huge)
    with pytest.raises(UserInputError, match="No file"):
        read_upload(None)


def test_output_paths_are_fresh_and_safe(tmp_path: Path) -> None:
    a = output_path(tmp_path / "x", "../evil name<>", ".txt")
    a.write_text("")
    b = output_path(tmp_path / "x", "../evil name<>", ".txt")
    assert a.parent == b.parent == tmp_path / "x" and a != b and ".." not in a.name


def test_app_builds_with_every_tab(settings: object) -> None:
    pytest.importorskip("gradio")
    from workbench.ui.app import create_app
    from workbench.ui.context import UIContext

    app = create_app(UIContext(settings=settings))  # type: ignore[arg-type]
    ids = {getattr(b, "elem_id", None) for b in app.blocks.values()}
    for tab in ("translate", "compare", "evaluate", "annotate", "models"):
        assert f"tab-{tab}" in ids


def test_annotate_opens_item_one_by_default(settings: object) -> None:
    """Annotate numbers its items from 1; the "Open item #" box showed 0 (review23's walk)."""
    pytest.importorskip("gradio")
    from workbench.ui.app import create_app
    from workbench.ui.context import UIContext

    app = create_app(UIContext(settings=settings))  # type: ignore[arg-type]
    (box,) = [b for b in app.blocks.values() if getattr(b, "elem_id", None) == "annotate-goto"]
    assert box.value == 1 and box.minimum == 1  # type: ignore[attr-defined]


def test_serve_refuses_a_bad_port() -> None:
    from workbench.cli.serve_cmd import run

    args = argparse.Namespace(
        home=None,
        host="127.0.0.1",
        port=70000,
        auth=None,
        share=False,
        model=[],
        corpora=None,
        models_dir=[],
    )
    with pytest.raises(UserInputError, match="--port"):
        run(args)


def test_serve_refuses_bad_models_corpora_and_hosts_before_it_starts(tmp_path: Path) -> None:
    """An unknown engine or a missing model folder in --model, a --corpora that is no folder,
    were accepted and failed only in the Tab; an address that does not resolve was told to
    "pick another port" after uvicorn's own error line (review18)."""
    from workbench.cli.serve_cmd import run

    text = tmp_path / "st.en.txt"
    text.write_text("One line.\n", "utf-8")

    def refused(**given: object) -> str:
        args = argparse.Namespace(
            home=str(tmp_path / "home"), host="127.0.0.1", port=7860, auth=None, share=False,
            model=[], corpora=None, models_dir=[],
        )  # fmt: skip
        vars(args).update(given)
        with pytest.raises(UserInputError) as err:
            run(args)
        return str(err.value)

    assert refused(model=["nosuch:/m"]) == (
        "--model nosuch:/m: no engine 'nosuch'; available: ct2, imported, m2m100, nllb, "
        "opus-mt, pivot."
    )
    missing = tmp_path / "no-model"
    assert refused(model=[f"opus-mt:{missing}"]) == (
        f"--model opus-mt:{missing}: the model folder {missing} does not exist."
    )
    assert refused(model=[f"nllb:{text}"]).endswith(f"{text} is a file, not a model folder.")
    assert refused(model=[f"imported:{tmp_path}"]).endswith(f"{tmp_path} is a folder; give a file.")
    assert (
        refused(corpora=missing) == f"--corpora {missing} is not a folder; give a folder of cases."
    )
    assert refused(host="999.1.1.1").startswith(
        "Cannot serve on 999.1.1.1: the address cannot be resolved ("
    )
    assert not (tmp_path / "home").exists()  # refused before the home or a store was touched


def test_docs_list_every_elem_id() -> None:
    import re

    repo = Path(__file__).resolve().parents[2]
    code = "".join(p.read_text(encoding="utf-8") for p in (repo / "workbench" / "ui").rglob("*.py"))
    used = set(re.findall(r'elem_id="([a-z0-9-]+)"', code))
    documented = set(
        re.findall(
            r"^\| `([a-z][a-z0-9-]+)` \|",
            (repo / "docs" / "ui.md").read_text(encoding="utf-8"),
            re.M,
        )
    )
    assert used and used == documented
