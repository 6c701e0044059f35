"""The pivot engine (two tiny models chained) and the imported engine (file formats, errors).

Wiring, not quality: the pivot's legs are random-weight tiny models.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tiny_models import DEFAULT_MAX_NEW_TOKENS, SENTENCES
from workbench.engines import create
from workbench.errors import UserInputError

# ─── pivot ─────────────────────────────────────────────────────────────────────────────────


def test_pivot_chains_the_two_legs(tiny_nllb_dir: Path, tiny_marian_dir: Path) -> None:
    opts = {"beam_size": 1, "max_length": DEFAULT_MAX_NEW_TOKENS}
    spec = f"nllb:{tiny_nllb_dir}+opus-mt:{tiny_marian_dir}"
    pivot = create("pivot", spec, "ky", **opts)
    texts = [SENTENCES[21], "", SENTENCES[22]]
    first = create("nllb", str(tiny_nllb_dir), "ky", "ru", **opts).translate(texts)
    want = create("opus-mt", str(tiny_marian_dir), "ru", **opts).translate(first)
    assert pivot.translate(texts) == want
    assert first[0] != want[0]


def test_pivot_signature_names_both_legs(tiny_nllb_dir: Path, tiny_ct2_dir: Path) -> None:
    pivot = create("pivot", f"nllb:{tiny_nllb_dir}+ct2:{tiny_ct2_dir}", "ky")
    sig = pivot.signature
    leg1 = create("nllb", str(tiny_nllb_dir), "ky", "ru").signature
    leg2 = create("ct2", str(tiny_ct2_dir), "ru").signature
    assert sig.model == f"nllb:{tiny_nllb_dir}+ct2:{tiny_ct2_dir}"
    assert sig.revision == f"{leg1.revision}+{leg2.revision}"
    assert sig.precision == "float32+int8"
    assert ("via", "ru") in sig.extra and ("legs", "transformers+ctranslate2") in sig.extra


def test_pivot_bare_engine_legs_use_the_catalog() -> None:
    pivot = create("pivot", "ct2+ct2", "ky")
    assert pivot.signature.model == (
        "ct2:facebook/nllb-200-distilled-600M+ct2:Helsinki-NLP/opus-mt-tc-big-zle-en"
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nllb:x", "two legs"),
        ("nllb:a+ct2:b+ct2:c", "two legs"),
        (":a+ct2:b", "names no engine"),
        ("m2m100+ct2:b", "No catalog model runs ky→ru with m2m100"),
    ],
)
def test_bad_pivot_specs_are_user_errors(spec: str, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        create("pivot", spec, "ky")


def test_pivot_language_must_differ(tiny_nllb_dir: Path) -> None:
    with pytest.raises(UserInputError, match="pivot language"):
        create("pivot", f"nllb:{tiny_nllb_dir}+nllb:{tiny_nllb_dir}", "ru", via="ru")


# ─── imported ──────────────────────────────────────────────────────────────────────────────

SRC = ["Власти сообщили о гибели людей.", "Интернет был отключён.", "Войска прибыли."]
TGT = ["The authorities reported deaths.", "The internet was shut down.", "Troops arrived."]


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_txt_pairs_by_position(tmp_path: Path) -> None:
    model = _write(tmp_path, "out.txt", "\n".join(TGT) + "\n")
    tr = create("imported", model, "ru")
    assert tr.segment_input is False
    assert tr.translate(SRC) == TGT
    assert tr.translate([]) == []


def test_txt_with_blank_lines_matches_non_blank_input(tmp_path: Path) -> None:
    model = _write(tmp_path, "out.txt", f"{TGT[0]}\n\n{TGT[1]}\n{TGT[2]}\n")
    tr = create("imported", model, "ru")
    # as the pipeline calls it: blank input lines dropped
    assert tr.translate(SRC) == TGT
    # as a direct caller might: blank lines kept in place
    assert tr.translate([SRC[0], "", SRC[1], SRC[2]]) == [TGT[0], "", TGT[1], TGT[2]]


def test_txt_line_count_mismatch_names_the_file(tmp_path: Path) -> None:
    model = _write(tmp_path, "out.txt", "\n".join(TGT[:2]) + "\n")
    with pytest.raises(UserInputError, match=r"out\.txt has 2 lines.*input has 3"):
        create("imported", model, "ru").translate(SRC)


def test_tsv_looks_up_by_source(tmp_path: Path) -> None:
    rows = [f"{s}\t{t}" for s, t in zip(SRC, TGT, strict=True)]
    model = _write(tmp_path, "out.tsv", "\n".join(reversed(rows)) + "\n")
    tr = create("imported", model, "ru")
    assert tr.translate([SRC[2], "", "  " + SRC[0].replace(" ", "  ")]) == [TGT[2], "", TGT[0]]


def test_jsonl_looks_up_by_source(tmp_path: Path) -> None:
    rows = [
        json.dumps({"source": s, "translation": t}, ensure_ascii=False)
        for s, t in zip(SRC, TGT, strict=True)
    ]
    model = _write(tmp_path, "out.jsonl", "\n".join(rows) + "\n")
    assert create("imported", model, "ru").translate(SRC[::-1]) == TGT[::-1]


def test_missing_entry_names_the_file_and_input(tmp_path: Path) -> None:
    model = _write(tmp_path, "out.tsv", f"{SRC[0]}\t{TGT[0]}\n")
    with pytest.raises(UserInputError, match=r"out\.tsv has no translation for input 2"):
        create("imported", model, "ru").translate([SRC[0], SRC[1]])


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.tsv", "no tab here\n", r"a\.tsv line 1 has no TAB"),
        ("b.jsonl", '{"source": "x"}\n', r"b\.jsonl line 1 needs string fields"),
        ("c.jsonl", "{not json\n", r"c\.jsonl line 1 is not valid JSON"),
        ("d.tsv", "x\tA\nx\tB\n", r"d\.tsv lines 1 and 2 give different translations"),
        ("e.csv", "x,y\n", "must end in"),
    ],
)
def test_malformed_files_name_file_and_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    with pytest.raises(UserInputError, match=message):
        create("imported", _write(tmp_path, name, text), "ru")


def test_missing_binary_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="Cannot read"):
        create("imported", str(tmp_path / "nope.txt"), "ru")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(UserInputError, match="binary"):
        create("imported", str(tmp_path / "bin.txt"), "ru")
    (tmp_path / "cp.txt").write_bytes("ok\nПривет\n".encode("cp1251"))
    engine = create("imported", str(tmp_path / "cp.txt"), "ru")  # cp1251: read with a notice
    assert engine.translate(["a", "b"]) == ["ok", "Привет"]


def test_signature_is_the_file_content_hash(tmp_path: Path) -> None:
    model = _write(tmp_path, "out.txt", "\n".join(TGT) + "\n")
    sig = create("imported", model, "ru").signature
    assert sig.backend == "file" and sig.revision.startswith("sha256-")
    assert create("imported", model, "ru").signature == sig
    _write(tmp_path, "out.txt", "\n".join(TGT[::-1]) + "\n")
    assert create("imported", model, "ru").signature.revision != sig.revision
