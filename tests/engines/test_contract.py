"""The contract every registered engine keeps, run over all of them on tiny models.

Wiring, not quality: the neural engines use random-weight tiny models.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.tiny_models import SENTENCES
from workbench.engines import ENGINES, Translator, create

REPO = Path(__file__).resolve().parents[2]
INPUTS = [SENTENCES[0], "", "   ", SENTENCES[2]]


@pytest.fixture(scope="module")
def imported_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("imported") / "translations.tsv"
    rows = [f"{SENTENCES[i]}\t{SENTENCES[i + 30]}" for i in range(10)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def specs(request: pytest.FixtureRequest) -> dict[str, Callable[[], tuple[str, str]]]:
    """(model, src) for each engine; fixtures are built only for the engine under test."""

    def fx(name: str) -> str:
        return str(request.getfixturevalue(name))

    return {
        "opus-mt": lambda: (fx("tiny_marian_dir"), "ru"),
        "nllb": lambda: (fx("tiny_nllb_dir"), "kk"),
        "m2m100": lambda: (fx("tiny_m2m100_dir"), "kk"),
        "ct2": lambda: (fx("tiny_ct2_dir"), "ru"),
        "pivot": lambda: (f"nllb:{fx('tiny_nllb_dir')}+ct2:{fx('tiny_ct2_dir')}", "ky"),
        "imported": lambda: (fx("imported_file"), "ru"),
    }


def test_every_registered_engine_is_covered(specs: dict[str, object]) -> None:
    assert sorted(specs) == ENGINES.names()


@pytest.mark.parametrize("engine", ENGINES.names())
def test_engine_contract(engine: str, specs: dict[str, Callable[[], tuple[str, str]]]) -> None:
    model, src = specs[engine]()
    tr = create(engine, model, src, max_length=6)
    assert isinstance(tr, Translator)
    assert tr.translate([]) == []
    out = tr.translate(INPUTS)
    assert len(out) == len(INPUTS) and all(isinstance(t, str) for t in out)
    assert out[1] == "" and out[2] == "", "blank lines stay blank"
    assert out[0] and out[3], "non-blank input gives a translation"
    again = create(engine, model, src, max_length=6)
    assert str(again.signature) == str(tr.signature), "the signature is stable"
    sig = str(tr.signature)
    assert f"engine:{engine}" in sig and "pair:" in sig and "rev:" in sig
    assert "rev:unknown" not in sig


@pytest.mark.parametrize("engine", ENGINES.names())
def test_signature_is_computed_without_importing_torch(
    engine: str, specs: dict[str, Callable[[], tuple[str, str]]]
) -> None:
    model, src = specs[engine]()
    code = (
        "import json, sys\n"
        "from workbench.engines import create\n"
        f"tr = create({engine!r}, {model!r}, {src!r})\n"
        "sig = str(tr.signature)\n"
        "heavy = [m for m in ('torch', 'transformers', 'ctranslate2', 'sentencepiece')"
        " if m in sys.modules]\n"
        "print(json.dumps({'sig': sig, 'heavy': heavy}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["heavy"] == []
    assert got["sig"] == str(create(engine, model, src).signature)
