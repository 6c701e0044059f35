"""The one options object engines share, and the one lazy loader of the base class."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from workbench.engines import create
from workbench.engines.base import Translator
from workbench.engines.options import EngineOptions
from workbench.errors import UserInputError
from workbench.settings import Settings


class _Lazy(Translator):
    engine_name = "lazy"
    backend = "test"

    def _setup(self) -> None:
        self.loads = 0

    def _heavy(self) -> str:
        self.loads += 1
        time.sleep(0.1)
        return "loaded"

    def _translate_batch(self, texts: list[str]) -> list[str]:
        return [self._load_once("model", self._heavy) + ":" + t for t in texts]

    def close(self) -> None:
        self._unload("model")


def _settings(tmp_path: Path) -> Settings:
    return Settings.resolve({"home": str(tmp_path)})


def test_options_take_device_and_threads_from_settings(tmp_path: Path) -> None:
    settings = _settings(tmp_path).replace(threads=3)
    opts = EngineOptions.build("m", "ru", settings=settings, beam_size=2)
    assert (opts.device, opts.threads, opts.beam_size, opts.max_length) == ("cpu", 3, 2, 256)
    assert EngineOptions.build("m", "ru", settings=settings, threads=1).threads == 1


def test_options_are_frozen_and_hashable(tmp_path: Path) -> None:
    opts = EngineOptions.build("m", "ru", settings=_settings(tmp_path))
    assert hash(opts) == hash(EngineOptions.build("m", "ru", settings=_settings(tmp_path)))
    with pytest.raises(AttributeError):
        opts.beam_size = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("given", "match"),
    [
        ({"beam_size": 0}, "beam-size must be at least 1"),
        ({"max_length": -3}, "max-length must be at least 1"),
        ({"batch_size": 0}, "batch size must be at least 1"),
        ({"beam_size": "4"}, "whole number"),
        ({"beam_size": True}, "whole number"),
    ],
)
def test_bad_common_values_are_user_errors(
    tmp_path: Path, given: dict[str, object], match: str
) -> None:
    with pytest.raises(UserInputError, match=match):
        EngineOptions.build("m", "ru", settings=_settings(tmp_path), **given)


def test_an_option_the_engine_does_not_take_is_named(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("x\n", encoding="utf-8")
    with pytest.raises(UserInputError, match=r"imported engine has no option 'compute_type'"):
        create("imported", str(path), "ru", compute_type="int8")
    with pytest.raises(UserInputError, match=r"no option 'via'.*beam_size"):
        create("opus-mt", "Helsinki-NLP/opus-mt-ru-en", "ru", via="kk")


def test_precision_aliases_reach_the_engine() -> None:
    tr = create("ct2", "Helsinki-NLP/opus-mt-ru-en", "ru", compute_type="float32")
    assert tr.options.precision == "float32" and tr.signature.precision == "float32"
    hf = create("opus-mt", "Helsinki-NLP/opus-mt-ru-en", "ru", dtype="bfloat16")
    assert hf.signature.precision == "bfloat16"


def test_imported_signature_leaves_decoding_out(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("x\n", encoding="utf-8")
    sig = str(create("imported", str(path), "ru", beam_size=4, max_length=16).signature)
    assert "beam:" not in sig and "maxlen:" not in sig
    assert sig.startswith("engine:imported|") and "|pair:ru-en|" in sig


def test_decoding_engines_keep_beam_and_maxlen_in_the_signature() -> None:
    sig = str(create("opus-mt", "Helsinki-NLP/opus-mt-ru-en", "ru", max_length=16).signature)
    assert "|beam:4|maxlen:16|" in sig


def test_lazy_loader_runs_once_across_threads_and_again_after_close() -> None:
    tr = _Lazy("m", "ru", settings=Settings.resolve({}))
    outs: list[list[str]] = []
    threads = [threading.Thread(target=lambda: outs.append(tr.translate(["a"]))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert tr.loads == 1 and outs == [["loaded:a"]] * 4
    tr.close()
    assert tr.translate(["b"]) == ["loaded:b"] and tr.loads == 2
