"""Performance behaviour of the ct2 engine, checked for correctness, not timed.

* OPUS-MT (Marian) folders are tokenized with sentencepiece alone: the tokens and decoded text
  equal ``MarianTokenizer``'s on real FLORES-200 lines, and translating never imports
  transformers or torch (which would cost seconds and ~200 MB before the first sentence).
* Many sentences go to CTranslate2 in one call, which sorts them by length and cuts batches of
  ``batch_size`` itself; the outputs come back in input order.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.tiny_models import SENTENCES
from workbench.engines import create
from workbench.engines.base import Translator
from workbench.engines.ct2 import MarianPieces

REPO = Path(__file__).resolve().parents[2]


def _flores(shared_data: Path, name: str, n: int = 300) -> list[str]:
    return (shared_data / "flores200-dev" / name).read_text(encoding="utf-8").splitlines()[:n]


@pytest.mark.parametrize("prefix", ["", ">>eng<< "])
def test_marian_pieces_tokenize_like_marian_tokenizer(
    tiny_marian_dir: Path, shared_data: Path, prefix: str
) -> None:
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(str(tiny_marian_dir))
    fast = MarianPieces.load(tiny_marian_dir)
    assert fast is not None
    lines = [prefix + line for line in _flores(shared_data, "rus_Cyrl.txt")] + list(SENTENCES)
    for line in lines:
        assert fast.encode(line) == hf.convert_ids_to_tokens(hf(line)["input_ids"]), line
        assert fast.tokenize(line) == hf.tokenize(line), line
    assert fast.model_max_length == hf.model_max_length
    assert fast.get_vocab() == hf.get_vocab()


def test_marian_pieces_decode_like_marian_tokenizer(
    tiny_marian_dir: Path, shared_data: Path
) -> None:
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(str(tiny_marian_dir))
    fast = MarianPieces.load(tiny_marian_dir)
    assert fast is not None
    vocab = hf.get_vocab()
    for line in _flores(shared_data, "eng_Latn.txt"):
        pieces = [p if p in vocab else "<unk>" for p in fast.target.encode(line, out_type=str)]
        tokens = [*pieces, "</s>"]
        want = hf.decode(hf.convert_tokens_to_ids(tokens), skip_special_tokens=True).strip()
        assert fast.decode(tokens) == want, line


def test_ct2_marian_translation_imports_neither_transformers_nor_torch(
    tiny_ct2_dir: Path,
) -> None:
    code = (
        "import sys\n"
        "from workbench.engines import create\n"
        f"tr = create('ct2', {str(tiny_ct2_dir)!r}, 'ru', beam_size=2, max_length=8)\n"
        f"out = tr.translate({list(SENTENCES[:3])!r})\n"
        "assert len(out) == 3 and all(out), out\n"
        "print(','.join(m for m in ('transformers', 'torch') if m in sys.modules))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert run.stdout.strip() == "", f"translating with ct2 imported: {run.stdout.strip()}"


class _Spy:
    """Stands in for ``ctranslate2.Translator`` and records each ``translate_batch`` call."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: list[tuple[int, int]] = []

    def translate_batch(self, source: list[list[str]], **kw: Any) -> Any:
        self.calls.append((len(source), kw["max_batch_size"]))
        return self.real.translate_batch(source, **kw)


def test_ct2_hands_many_sentences_per_call_and_keeps_their_order(tiny_ct2_dir: Path) -> None:
    texts = [SENTENCES[(7 * i) % 30] for i in range(40)]  # mixed lengths, mixed order
    tr = create("ct2", str(tiny_ct2_dir), "ru", beam_size=1, max_length=6, batch_size=8)
    one_by_one = [tr.translate([t])[0] for t in texts]
    spy = _Spy(tr._load())  # type: ignore[attr-defined]
    tr._loaded["translator"] = spy
    assert tr.translate(texts) == one_by_one
    assert spy.calls == [(40, 8)], "one call, CTranslate2 cuts batches of batch_size"


class _Echo(Translator):
    engine_name = "echo"
    backend = "test"
    sentences_per_call = 5

    def __init__(self) -> None:
        super().__init__("echo", "ru", batch_size=2)
        self.calls: list[int] = []

    def _translate_batch(self, texts: list[str]) -> list[str]:
        self.calls.append(len(texts))
        return [t[::-1] for t in texts]


def test_sentences_per_call_sets_the_chunk_size_and_progress_follows() -> None:
    tr = _Echo()
    seen: list[tuple[int, int]] = []
    texts = [f"s{i}" for i in range(12)]
    assert tr.translate(texts, progress=lambda d, t: seen.append((d, t))) == [
        t[::-1] for t in texts
    ]
    assert tr.calls == [5, 5, 2]
    assert seen == [(0, 12), (5, 12), (10, 12), (12, 12)]
