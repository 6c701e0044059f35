"""translate_texts and EnginePool with a test-double engine (the real engines: test_cli.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from workbench.engines import ENGINES
from workbench.engines.base import ProgressFn, Translator
from workbench.engines.caching import CachingTranslator
from workbench.pipeline.translate import EnginePool, translate_texts, translation_record
from workbench.settings import Settings


class Reverser(Translator):
    """A test double: reverses the words of each sentence; counts translate() calls."""

    engine_name = "reverser"
    backend = "test"

    def __init__(self, model: str = "m", src: str = "ru", tgt: str = "en", **kw: object) -> None:
        super().__init__(model, src, tgt, **kw)  # type: ignore[arg-type]
        self.translate_calls = 0
        self.sentences_seen: list[str] = []

    def translate(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[str]:
        self.translate_calls += 1
        return super().translate(texts, progress)

    def _translate_batch(self, texts: list[str]) -> list[str]:
        self.sentences_seen += texts
        return [" ".join(reversed(t.split())) for t in texts]


def test_all_sentences_of_all_texts_go_in_one_call() -> None:
    tr = Reverser()
    texts = ["Первое предложение. Второе предложение.", "", "Третье тут!"]
    out = translate_texts(texts, tr)
    assert tr.translate_calls == 1
    assert tr.sentences_seen == ["Первое предложение.", "Второе предложение.", "Третье тут!"]
    assert [t.text for t in out] == [
        "предложение. Первое предложение. Второе",
        "",
        "тут! Третье",
    ]
    assert out[1].sentences == () and out[1].source == "" and out[1].warnings == ()
    for text, result in zip(texts, out, strict=True):
        assert result.source == text
        assert result.signature == str(tr.signature)
        for pair in result.sentences:
            assert text[pair.source.start : pair.source.end] == pair.source.text


def test_record_has_the_contract_fields() -> None:
    (result,) = translate_texts(["Раз два. Три."], Reverser())
    record = translation_record(result)
    assert record["source"] == "Раз два. Три."
    assert record["translation"] == "два. Раз Три."
    assert record["signature"].startswith("engine:reverser|model:m|")
    assert [(s["start"], s["end"]) for s in record["sentences"]] == [(0, 8), (9, 13)]


def test_a_5000_character_russian_text_comes_back_whole(shared_data: Path) -> None:
    lines = (shared_data / "flores200-dev" / "rus_Cyrl.txt").read_text(encoding="utf-8")
    text = ""
    for line in lines.splitlines():
        if len(text) >= 5000:
            break
        text += line + " "
    tr = Reverser()
    (result,) = translate_texts([text], tr)
    assert len(text) >= 5000 and len(result.sentences) >= 30
    assert all(p.translation for p in result.sentences)
    # Nothing lost: every source word comes back exactly once.
    assert sorted(result.text.split()) == sorted(text.split())


def test_language_warnings_are_attached(shared_data: Path) -> None:
    kk = (shared_data / "flores200-dev" / "kaz_Cyrl.txt").read_text(encoding="utf-8").split("\n")[0]
    latin = "Qazaqstan Respýblıkasynyń Prezıdenti búgin halyqqa joldaý jasady."
    out = translate_texts(
        [kk, latin, "Обычный русский текст про погоду в Москве сегодня."], Reverser()
    )
    assert "looks like Kazakh" in out[0].warnings[0]
    assert "Latin alphabet (2018)" in out[1].warnings[0]
    assert out[2].warnings == ()


def test_whole_line_engines_are_not_segmented() -> None:
    class WholeLine(Reverser):
        segment_input = False

    tr = WholeLine()
    (result,) = translate_texts(["  Раз. Два.  "], tr)
    assert tr.sentences_seen == ["Раз. Два."]
    assert (result.sentences[0].source.start, result.sentences[0].source.end) == (2, 11)


def test_pool_reuses_translators_and_wraps_them_with_the_cache(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(ENGINES._entries, "reverser", Reverser)
    pool = EnginePool(settings)
    a = pool.get("reverser", "m", "ru", beam_size=1)
    assert pool.get("reverser", "m", "ru", beam_size=1) is a
    assert pool.get("reverser", "m", "ru", beam_size=2) is not a
    assert isinstance(a, CachingTranslator)
    translate_texts(["Раз два."], a)
    translate_texts(["Раз два."], pool.get("reverser", "m", "ru", beam_size=1))
    assert a.inner.sentences_seen == ["Раз два."]  # type: ignore[attr-defined]
    assert settings.cache_path.is_file()
    pool.close()
    bare = EnginePool(settings.replace(use_cache=False)).get("reverser", "m", "ru")
    assert isinstance(bare, Reverser)
