"""Registry, settings and the translator base class."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.engines import ENGINES
from workbench.engines.base import Translator
from workbench.errors import UnknownNameError, UserInputError
from workbench.registry import Registry
from workbench.settings import Settings


def test_unknown_name_lists_the_available_ones() -> None:
    reg: Registry[int] = Registry("metric")
    reg.add("bleu", 1)
    reg.add("chrf", 2)
    with pytest.raises(UnknownNameError, match="Unknown metric 'ter'; available: bleu, chrf"):
        reg.get("ter")
    assert reg.get("BLEU") == 1


def test_engine_names_are_listed_without_importing_them() -> None:
    assert ENGINES.names() == ["ct2", "imported", "m2m100", "nllb", "opus-mt", "pivot"]


def test_settings_precedence(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("threads = 3\noffline = false\n", encoding="utf-8")
    env = {"WORKBENCH_HOME": str(tmp_path)}
    assert Settings.resolve(env=env).threads == 3
    env["WORKBENCH_THREADS"] = "2"
    assert Settings.resolve(env=env).threads == 2
    assert Settings.resolve({"threads": 1}, env=env).threads == 1
    assert Settings.resolve(env={**env, "HF_HUB_OFFLINE": "1"}).offline is True


def test_bad_config_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("threads = [", encoding="utf-8")
    with pytest.raises(UserInputError, match="config file"):
        Settings.resolve(env={"WORKBENCH_HOME": str(tmp_path)})


class _Upper(Translator):
    """A test double: 'translates' by upper-casing and records every batch it sees."""

    engine_name = "upper"
    backend = "test"
    max_input_tokens = 5

    def __init__(self, **kw: object) -> None:
        super().__init__("upper", "ru", batch_size=2, **kw)  # type: ignore[arg-type]
        self.batches: list[list[str]] = []

    def _translate_batch(self, texts: list[str]) -> list[str]:
        self.batches.append(texts)
        assert all(self.count_tokens(t) <= 5 for t in texts), texts
        return [t.upper() for t in texts]


def test_base_keeps_one_output_per_input_and_blank_for_blank() -> None:
    tr = _Upper()
    assert tr.translate(["а б", "", "  ", "в"]) == ["А Б", "", "", "В"]
    assert tr.batches == [["а б", "в"]]


def test_base_splits_long_sentences_and_loses_nothing() -> None:
    tr = _Upper()
    words = [f"w{i}" for i in range(23)]
    text = " ".join(words[:7]) + ", " + " ".join(words[7:])
    (out,) = tr.translate([text])
    assert out.replace(",", "").split() == [w.upper() for w in words]
    assert len(tr.batches) >= 3


def test_base_reports_progress() -> None:
    seen: list[tuple[int, int]] = []
    _Upper().translate(["a", "b", "c"], progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 3), (2, 3), (3, 3)]


def test_signature_names_everything() -> None:
    sig = str(_Upper().signature)
    for part in (
        "engine:upper",
        "model:upper",
        "backend:test",
        "beam:4",
        "maxlen:256",
        "pair:ru-en",
        "version:",
    ):
        assert part in sig


@pytest.mark.parametrize("kw", [{"beam_size": 0}, {"max_length": 0}])
def test_bad_decoding_options_are_user_errors(kw: dict[str, int]) -> None:
    with pytest.raises(UserInputError):
        _Upper(**kw)
