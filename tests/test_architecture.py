"""Architecture rules from DESIGN.md that a test can enforce."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "workbench"
HEAVY = ("torch", "transformers", "ctranslate2", "gradio", "sentencepiece")


def test_importing_workbench_and_its_cli_loads_no_heavy_library() -> None:
    code = (
        "import sys, workbench, workbench.cli, workbench.engines, workbench.settings\n"
        "workbench.cli.build_parser()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PKG.parent,
    ).stdout.strip()
    assert out == "", f"importing workbench pulled in: {out}"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_gradio_only_in_ui_and_torch_only_in_engines(path: Path) -> None:
    rel = path.relative_to(PKG).parts
    used = _imports(path)
    if rel[0] != "ui":
        assert "gradio" not in used, "only workbench/ui may import gradio"
    if rel[0] not in {"engines", "models.py", "ui"}:
        assert not used & {"torch", "transformers", "ctranslate2"}, (
            "only engine modules may import torch/transformers/ctranslate2"
        )


STAGES = (
    "segment",
    "langid",
    "cache",
    "engines",
    "corpus",
    "align",
    "diff",
    "score",
    "export",
    "faithfulness",
)
#: The only stage-to-stage imports allowed, each documented where it is used (a DAG: nothing
#: imports faithfulness). Faithfulness reuses the diff stage's figure normaliser, name folding,
#: lexicon and markers through workbench/faithfulness/diffapi.py, and langid's script and
#: language detection; it gets sentence vectors from the pipeline, never from align.
ALLOWED_STAGE_IMPORTS: dict[str, frozenset[str]] = {
    "faithfulness": frozenset({"diff", "langid"}),
}


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_stages_do_not_import_each_other(path: Path) -> None:
    rel = path.relative_to(PKG).parts
    own = rel[0].removesuffix(".py")
    if own not in STAGES:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("workbench.")
        ):
            other = node.module.split(".")[1]
            allowed = ALLOWED_STAGE_IMPORTS.get(own, frozenset())
            assert other == own or other not in STAGES or other in allowed, (
                f"{own} imports stage {other}"
            )


def test_allowed_stage_imports_form_a_dag() -> None:
    for own, others in ALLOWED_STAGE_IMPORTS.items():
        for other in others:
            assert own not in ALLOWED_STAGE_IMPORTS.get(other, frozenset()), (own, other)
