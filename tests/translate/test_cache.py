"""The SQLite translation cache and the caching translator (no model needed)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.cache import TranslationCache
from workbench.engines.base import Translator
from workbench.engines.caching import CachingTranslator


class Counting(Translator):
    """A test double: 'translates' by reversing words and counts the sentences it is given."""

    engine_name = "counting"
    backend = "test"

    def __init__(self, src: str = "ru", beam_size: int = 4) -> None:
        super().__init__("counting-model", src, beam_size=beam_size)
        self.calls: list[list[str]] = []

    def _translate_batch(self, texts: list[str]) -> list[str]:
        self.calls.append(list(texts))
        return [" ".join(reversed(t.split())) for t in texts]

    @property
    def seen(self) -> int:
        return sum(len(c) for c in self.calls)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[TranslationCache]:
    c = TranslationCache(tmp_path / "sub" / "cache.sqlite", timeout=0.2)
    yield c
    c.close()


def test_get_many_and_put_many_round_trip(cache: TranslationCache) -> None:
    assert cache.get_many("sig", ["а", "б"]) == {}
    cache.put_many("sig", [("а", "a"), ("б", "b")])
    assert cache.get_many("sig", ["а", "б", "в"]) == {"а": "a", "б": "b"}
    assert cache.get_many("other-sig", ["а"]) == {}
    assert len(cache) == 2
    assert cache.path.is_file()


def test_bulk_lookup_is_one_query_per_chunk(cache: TranslationCache) -> None:
    sources = [f"предложение {i}" for i in range(1200)]
    cache.put_many("sig", [(s, s.upper()) for s in sources])
    statements: list[str] = []
    cache._connect().set_trace_callback(statements.append)  # type: ignore[union-attr]
    found = cache.get_many("sig", sources)
    assert len(found) == 1200
    assert len([s for s in statements if s.startswith("SELECT")]) == 3  # 1200 / CHUNK(500)


def test_wal_mode(cache: TranslationCache) -> None:
    cache.put_many("sig", [("а", "a")])
    mode = sqlite3.connect(cache.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_cached_text_is_not_sent_to_the_engine_again(cache: TranslationCache) -> None:
    inner = Counting()
    tr = CachingTranslator(inner, cache)
    assert str(tr.signature) == str(inner.signature)
    first = tr.translate(["один два", "", "три четыре", "один два"])
    assert first == ["два один", "", "четыре три", "два один"]
    assert inner.seen == 2  # duplicates and blanks never reach the engine
    again = CachingTranslator(Counting(), cache)
    assert again.translate_marked(["три четыре", "пять шесть"]) == [
        ("четыре три", True),
        ("шесть пять", False),
    ]
    assert again.inner.seen == 1  # type: ignore[attr-defined]


def test_a_different_signature_misses(cache: TranslationCache) -> None:
    CachingTranslator(Counting(beam_size=4), cache).translate(["один два"])
    other = Counting(beam_size=1)
    CachingTranslator(other, cache).translate(["один два"])
    assert other.seen == 1


def test_progress_counts_sentences_across_chunks(cache: TranslationCache) -> None:
    seen: list[tuple[int, int]] = []
    texts = [f"слово {i}" for i in range(600)]
    CachingTranslator(Counting(), cache).translate(texts, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 600) and seen[-1] == (600, 600)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def _corrupt(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not an sqlite file at all \x00\xff" * 100)


def test_corrupt_cache_file_warns_once_and_translation_completes(
    cache: TranslationCache, caplog: pytest.LogCaptureFixture
) -> None:
    _corrupt(cache.path)
    inner = Counting()
    tr = CachingTranslator(inner, cache)
    with caplog.at_level(logging.WARNING, logger="workbench"):
        assert tr.translate(["один два"]) == ["два один"]
        assert tr.translate(["один два"]) == ["два один"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert str(cache.path) in warnings[0] and "--no-cache" in warnings[0]
    assert inner.seen == 2  # no cache, so the engine translated both times


def test_locked_new_cache_file_warns_and_translation_completes(
    cache: TranslationCache, caplog: pytest.LogCaptureFixture
) -> None:
    cache.path.parent.mkdir(parents=True)
    holder = sqlite3.connect(cache.path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with caplog.at_level(logging.WARNING, logger="workbench"):
            assert CachingTranslator(Counting(), cache).translate(["а б"]) == ["б а"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "locked" in caplog.text


def test_cache_locked_by_a_writer_keeps_the_translations(
    cache: TranslationCache, caplog: pytest.LogCaptureFixture
) -> None:
    cache.put_many("warm-up", [("x", "y")])  # the file exists, in WAL mode
    holder = sqlite3.connect(cache.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        with caplog.at_level(logging.WARNING, logger="workbench"):
            out = CachingTranslator(Counting(), cache).translate(["а б", "в г"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert out == ["б а", "г в"]
    assert "locked" in caplog.text
    assert cache.problem is not None


def test_unwritable_cache_folder_degrades(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = TranslationCache(blocker / "cache.sqlite")
    with caplog.at_level(logging.WARNING, logger="workbench"):
        assert CachingTranslator(Counting(), cache).translate(["а б"]) == ["б а"]
    assert "cannot be used" in caplog.text
