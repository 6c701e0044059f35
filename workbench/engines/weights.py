"""Checks on a model folder's weight files before any library reads them.

* ``*.safetensors`` files are preferred. Each is checked without torch: its 8-byte header
  length, its JSON header and the end of its last tensor must fit the file's size, so a
  truncated or overwritten download gives one sentence naming the file, never a traceback.
* Pickled PyTorch weights (``pytorch_model*.bin``, ``*.pt``, ``*.pth``) can run code when they
  are loaded. A folder that has only those is refused unless the user opts in with the
  ``allow_pickle`` setting (``WORKBENCH_ALLOW_PICKLE=1``); the message never suggests turning
  off PyTorch's safe loading.

Used by the transformers engines before ``from_pretrained`` and by the CTranslate2 engine
before converting a folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import EngineError

#: Names of pickled PyTorch weight files.
PICKLE_PATTERNS = ("pytorch_model*.bin", "*.pt", "*.pth")
_HEADER_LIMIT = 100 * 1024 * 1024


@dataclass(frozen=True)
class WeightsCheck:
    """What a model folder holds.

    Attributes:
        safetensors: Whether the folder has safetensors weights (all of them sound).
        pickled: The pickled weight files present (used only when there is no safetensors).
    """

    safetensors: bool
    pickled: tuple[Path, ...] = ()


def check_weights(folder: Path, *, allow_pickle: bool, model: str = "") -> WeightsCheck:
    """Check the weight files of ``folder`` before they are loaded.

    Args:
        folder: A transformers model folder.
        allow_pickle: Whether the user allowed pickled PyTorch weights.
        model: How the model is named in messages (default: the folder).

    Returns:
        Which kind of weights to load (safetensors when present).

    Raises:
        EngineError: one sentence naming the file and what to do, for a truncated or damaged
            safetensors file, or for pickled weights the user did not allow.
    """
    name = model or str(folder)
    tensors = sorted(folder.glob("*.safetensors"))
    for path in tensors:
        problem = safetensors_problem(path)
        if problem:
            raise EngineError(
                f"{path} is damaged ({problem}); delete the model folder and download {name} "
                "again (e.g. `workbench models pull`), or copy the file again."
            )
    pickled = tuple(sorted({p for pattern in PICKLE_PATTERNS for p in folder.glob(pattern)}))
    if tensors:
        return WeightsCheck(True, pickled)
    if pickled and not allow_pickle:
        raise EngineError(
            f"{pickled[0]} holds pickled PyTorch weights, which can run code when loaded, and "
            f"{name} has no .safetensors weights; use a safetensors copy of the model, or, if "
            "you trust where it came from, allow pickled weights with WORKBENCH_ALLOW_PICKLE=1 "
            "(or allow_pickle = true in config.toml)."
        )
    return WeightsCheck(False, pickled)


def safetensors_problem(path: Path) -> str | None:
    """``None`` when ``path`` is a structurally sound safetensors file, else what is wrong."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
            if len(head) < 8:
                return f"{size} bytes, shorter than a safetensors header"
            length = int.from_bytes(head, "little")
            if length > min(size - 8, _HEADER_LIMIT):
                return "its header length does not fit the file: it is truncated or not safetensors"
            header = json.loads(fh.read(length))
    except OSError as err:
        return f"cannot be read: {err.strerror or err}"
    except (ValueError, UnicodeDecodeError):
        return "its header is not valid JSON: the file is truncated or overwritten"
    if not isinstance(header, dict):
        return "its header is not a table of tensors"
    end = 0
    for key, info in header.items():
        if key == "__metadata__":
            continue
        offsets = info.get("data_offsets") if isinstance(info, dict) else None
        if not (isinstance(offsets, list) and len(offsets) == 2):
            return f"tensor {key!r} has no data offsets"
        end = max(end, int(offsets[1]))
    expected = 8 + length + end
    if size < expected:
        return f"{size:,} bytes where its header describes {expected:,}: the file is truncated"
    return None


def load_failure(folder: Path, err: BaseException) -> str:
    """One sentence for a weights file that passed :func:`check_weights` but failed to load.

    The library's own text is kept unless it advises loading pickles unsafely.
    """
    if (folder / "model.bin").is_file():  # CTranslate2's layout: not damaged, another engine
        return (
            f"{folder} holds a CTranslate2 model (model.bin), which the transformers engines "
            "cannot load; run it with --engine ct2."
        )
    detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    if "weights_only" in str(err) or "pickle" in str(err).lower():
        detail = f"{type(err).__name__}: the weights file could not be read safely"
    return (
        f"Cannot load the model in {folder} ({detail[:300]}); the weights may be damaged: "
        "delete the folder and download or copy the model again."
    )
