"""The transformers engines on tiny random-weight models of the real architectures.

These tests prove the wiring (tokenizer set-up, language tokens, decoding options, splitting),
not translation quality: the models have random weights and produce gibberish.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.tiny_models import DEFAULT_MAX_NEW_TOKENS, SENTENCES, TINY_MAX_INPUT
from workbench.engines import create
from workbench.engines.hf import M2M100_LANGUAGES
from workbench.errors import UserInputError
from workbench.settings import Settings

CASES = [
    ("opus-mt", "tiny_marian_dir", "ru", None),
    ("m2m100", "tiny_m2m100_dir", "kk", "__en__"),
    ("nllb", "tiny_nllb_dir", "ky", "eng_Latn"),
]
SRC_CODES = {"opus-mt": None, "m2m100": "kk", "nllb": "kir_Cyrl"}


def _raw_generate(folder: Path, text: str, src: str | None, forced: str | None, **kw: Any) -> str:
    """transformers' own decoding, written out independently of the engine."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(folder)
    if src:
        tok.src_lang = src
    model = AutoModelForSeq2SeqLM.from_pretrained(folder).eval()
    extra = {"forced_bos_token_id": tok.convert_tokens_to_ids(forced)} if forced else {}
    out = model.generate(**tok([text], return_tensors="pt"), do_sample=False, **extra, **kw)
    return str(tok.batch_decode(out, skip_special_tokens=True)[0])


@pytest.mark.parametrize(("engine", "fixture", "src", "forced"), CASES)
def test_greedy_equals_transformers_generate(
    engine: str, fixture: str, src: str, forced: str | None, request: pytest.FixtureRequest
) -> None:
    folder: Path = request.getfixturevalue(fixture)
    tr = create(engine, str(folder), src, beam_size=1, max_length=DEFAULT_MAX_NEW_TOKENS)
    texts = [SENTENCES[1], SENTENCES[12]]
    got = tr.translate(texts)
    # The tiny generation config caps plain generate() at DEFAULT_MAX_NEW_TOKENS new tokens.
    want = [_raw_generate(folder, t, SRC_CODES[engine], forced, num_beams=1) for t in texts]
    assert got == want
    assert all(got) and got[0] != got[1], (
        "the comparison must be about real, input-dependent output"
    )


@pytest.mark.parametrize(("engine", "fixture", "src", "forced"), CASES)
def test_beam_search_equals_transformers_beam_search(
    engine: str, fixture: str, src: str, forced: str | None, request: pytest.FixtureRequest
) -> None:
    folder: Path = request.getfixturevalue(fixture)
    tr = create(engine, str(folder), src, beam_size=3, max_length=DEFAULT_MAX_NEW_TOKENS)
    (got,) = tr.translate([SENTENCES[3]])
    assert got == _raw_generate(folder, SENTENCES[3], SRC_CODES[engine], forced, num_beams=3)


def test_max_length_caps_generated_tokens(tiny_marian_dir: Path) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_marian_dir)
    (short,) = create("opus-mt", str(tiny_marian_dir), "ru", beam_size=1, max_length=5).translate(
        [SENTENCES[0]]
    )
    assert 0 < len(tok(short, add_special_tokens=False)["input_ids"]) <= 6


@pytest.mark.parametrize(("engine", "fixture", "src", "forced"), CASES)
def test_long_sentence_is_split_not_truncated(
    engine: str, fixture: str, src: str, forced: str | None, request: pytest.FixtureRequest
) -> None:
    folder: Path = request.getfixturevalue(fixture)
    tr = create(engine, str(folder), src, beam_size=1, max_length=4)
    seen: list[str] = []
    real = tr._translate_batch

    def spy(texts: list[str]) -> list[str]:
        seen.extend(texts)
        return real(texts)

    tr._translate_batch = spy  # type: ignore[method-assign]
    long = " ".join(SENTENCES[:12])
    (out,) = tr.translate([long])
    limit = tr.max_input_tokens
    assert limit is not None and limit < TINY_MAX_INPUT  # from the tokenizer, minus specials
    assert tr.count_tokens(long) > 3 * limit
    assert len(seen) >= 3 and all(tr.count_tokens(p) <= limit for p in seen)
    assert " ".join(seen).split() == long.split(), "every word reaches the model exactly once"
    assert out


def test_m2m100_language_list_matches_transformers_and_lacks_kyrgyz() -> None:
    from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES

    assert frozenset(FAIRSEQ_LANGUAGE_CODES["m2m100"]) == M2M100_LANGUAGES
    assert "kk" in M2M100_LANGUAGES and "ru" in M2M100_LANGUAGES
    assert "ky" not in M2M100_LANGUAGES


def test_m2m100_refuses_kyrgyz_before_loading_anything(tiny_m2m100_dir: Path) -> None:
    with pytest.raises(UserInputError, match=r"Kyrgyz.*--engine nllb"):
        create("m2m100", str(tiny_m2m100_dir), "ky")
    with pytest.raises(UserInputError, match="no 'ky'"):
        create("m2m100", "facebook/m2m100_418M", "ky")


def test_nllb_refuses_unknown_language(tiny_nllb_dir: Path) -> None:
    with pytest.raises(UserInputError, match="No NLLB-200 code"):
        create("nllb", str(tiny_nllb_dir), "xx")


def test_nllb_language_missing_from_tokenizer_is_a_user_error(tiny_nllb_dir: Path) -> None:
    tr = create("nllb", str(tiny_nllb_dir), "zzz_Latn")
    with pytest.raises(UserInputError, match="no language token"):
        tr.translate(["Привет"])


@pytest.fixture(scope="module")
def tiny_multi_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.tiny_models import build_marian

    root = tmp_path_factory.mktemp("multi")
    return build_marian(root / "model", root / "work", target_token=">>eng<<")


def test_multilingual_marian_gets_its_target_token(tiny_multi_marian: Path) -> None:
    tr = create("opus-mt", str(tiny_multi_marian), "kk", beam_size=1, max_length=8)
    (got,) = tr.translate([SENTENCES[11]])
    want = _raw_generate(
        tiny_multi_marian, ">>eng<< " + SENTENCES[11], None, None, num_beams=1, max_new_tokens=8
    )
    assert got == want
    assert got != _raw_generate(
        tiny_multi_marian, SENTENCES[11], None, None, num_beams=1, max_new_tokens=8
    )


def test_unknown_marian_target_token_is_a_user_error(tiny_multi_marian: Path) -> None:
    tr = create("opus-mt", str(tiny_multi_marian), "kk", target_token=">>deu<<")
    with pytest.raises(UserInputError, match="no target token >>deu<<"):
        tr.translate(["Сәлем"])


def test_local_revision_is_a_content_hash(tiny_marian_dir: Path, tmp_path: Path) -> None:
    first = create("opus-mt", str(tiny_marian_dir), "ru").signature
    assert first == create("opus-mt", str(tiny_marian_dir), "ru").signature
    assert first.revision.startswith("sha256-")
    copy = tmp_path / "copy"
    shutil.copytree(tiny_marian_dir, copy)
    assert create("opus-mt", str(copy), "ru").signature.revision == first.revision
    (copy / "config.json").write_text(
        (copy / "config.json").read_text(encoding="utf-8").replace('"d_model": 32', '"d_model":32'),
        encoding="utf-8",
    )
    assert create("opus-mt", str(copy), "ru").signature.revision != first.revision


def test_threads_setting_is_applied(tiny_marian_dir: Path, workbench_home: Path) -> None:
    import torch

    before = torch.get_num_threads()
    try:
        settings = Settings.resolve({"threads": 1})
        create("opus-mt", str(tiny_marian_dir), "ru", settings=settings, max_length=2).translate(
            ["Да"]
        )
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_model_loads_once_under_concurrent_first_calls(
    tiny_marian_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The UI may call one translator from several threads: the lazy load happens once."""
    import threading
    import time

    from workbench.engines.hf import HFEngine

    loads: list[int] = []
    real = HFEngine._read_model

    def counting(self: HFEngine) -> object:
        loads.append(1)
        time.sleep(0.2)
        return real(self)

    monkeypatch.setattr(HFEngine, "_read_model", counting)
    tr = create("opus-mt", str(tiny_marian_dir), "ru", max_length=3)
    outs: list[list[str]] = []
    threads = [threading.Thread(target=lambda: outs.append(tr.translate(["Да"]))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1 and len(outs) == 4 and all(o[0] for o in outs)
