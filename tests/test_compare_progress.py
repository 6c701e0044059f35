"""Progress while a comparison embeds its sentences (ux9's walk: long cases looked hung)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from workbench.align import CachingEmbedder, Embedder
from workbench.errors import UnknownNameError
from workbench.pipeline.compare import embedder_named
from workbench.pipeline.progress import ProgressEmbedder, embedder_with_progress
from workbench.settings import Settings


class Letters(Embedder):
    """A tiny deterministic embedder: letter counts."""

    name = "letters"

    def __init__(self) -> None:
        super().__init__("letters")
        self.calls: list[list[str]] = []

    @property
    def dim(self) -> int:
        return 26

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.array([[t.lower().count(chr(97 + i)) + 0.1 for i in range(26)] for t in texts])


def test_progress_passes_every_call_through_and_counts_texts() -> None:
    seen: list[tuple[int, int]] = []
    inner = Letters()
    wrapped = ProgressEmbedder(inner, lambda done, total: seen.append((done, total)))
    texts: Sequence[str] = ["abc", "hello there", "zz"]
    assert np.array_equal(wrapped.embed(texts), Letters().embed(texts))
    wrapped.embed(["one more"])
    wrapped.embed([])  # nothing to say about an empty call
    assert seen == [(0, 3), (3, 3), (3, 4), (4, 4)]
    assert inner.calls == [sorted(texts, key=len), ["one more"]]  # same texts, same batches
    assert (wrapped.name, wrapped.signature, wrapped.dim) == (inner.name, inner.signature, 26)


def test_only_texts_missing_from_the_cache_are_counted(tmp_path: object) -> None:
    seen: list[tuple[int, int]] = []
    cached = CachingEmbedder(ProgressEmbedder(Letters(), lambda d, t: seen.append((d, t))))
    cached.embed(["abc", "abc", "def"])
    cached.embed(["abc", "ghi"])
    assert seen == [(0, 2), (2, 2), (2, 3), (3, 3)]


def test_the_default_embedder_reports_inside_its_cache(settings: Settings) -> None:
    seen: list[tuple[int, int]] = []
    emb = embedder_named(None, settings, lambda d, t: seen.append((d, t)))
    plain = embedder_named(None, settings)
    assert isinstance(emb, CachingEmbedder) and isinstance(emb.inner, ProgressEmbedder)
    assert emb.signature == plain.signature and emb.name == plain.name == "e5-small"
    assert embedder_with_progress("e5-small", settings, None).signature == plain.signature


def test_an_unknown_embedder_is_one_sentence(settings: Settings) -> None:
    with pytest.raises(UnknownNameError, match="e5-small"):
        embedder_named("no-such-embedder", settings, lambda d, t: None)


def test_the_command_line_says_each_step_after_the_alignment_on_a_terminal() -> None:
    # review22's walk (the tab; the command line the same): after the embedding bar ended a big
    # case's differences ran with no word. On a terminal each step is said; piped, nothing.
    import io

    from workbench.cli.compare_cmd import say_stage

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    said, piped = Terminal(), io.StringIO()
    for name in ("differences", "audit"):
        say_stage(name, said)
        say_stage(name, piped)
    assert said.getvalue().splitlines() == [
        "finding the differences…",
        "checking the supplied translations against their originals…",
    ]
    assert piped.getvalue() == ""


def test_the_command_line_passes_its_step_callback_to_the_comparison(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the callback must reach compare_case (through the case form's options), unless --quiet
    from pathlib import Path

    from workbench.cli import compare_cmd, main
    from workbench.pipeline import compare

    got: list[object] = []

    def fake(case: object, **options: object) -> None:
        got.append(options.get("stage"))
        raise SystemExit(0)

    monkeypatch.setattr(compare, "compare_case", fake)
    home = Path(str(tmp_path))
    for quiet in ([], ["-q"]):
        with pytest.raises(SystemExit):
            main([*quiet, "--home", str(home), "compare", "--case", "kazakhstan-2022-01"])
    assert got == [compare_cmd.say_stage, None]
