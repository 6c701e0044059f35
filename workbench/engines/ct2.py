"""The ``ct2`` engine: OPUS-MT, NLLB-200 and M2M100 models run with CTranslate2.

``--model`` accepts a Hub id, a local transformers folder, or a folder already converted to
CTranslate2. Hub ids and transformers folders are converted on first use (or by ``workbench
models convert``) with ``ctranslate2.converters.TransformersConverter`` into
``settings.ct2_dir/<model>--<revision>--<quantization>``: the conversion is written to a
temporary folder and renamed into place, so an interrupted conversion never leaves a broken
model behind. The tokenizer files are copied next to the converted weights, with a
``workbench.json`` that records where the conversion came from.

Default compute type on CPU is ``int8`` (option ``compute_type``: ``float32``, ``int8_float32``,
``int16`` ...). Tokenization: OPUS-MT (Marian) folders are tokenized with sentencepiece alone
(:class:`MarianPieces`, the same tokens as ``MarianTokenizer``), so translating with them never
imports transformers or torch; NLLB and M2M100 use the model's Hugging Face tokenizer, whose
source language token comes from the tokenizer while the target language token is given to
CTranslate2 as ``target_prefix``. Decoding: ``translate_batch(tokens, beam_size=beam_size,
max_decoding_length=max_length, max_batch_size=batch_size)`` on up to
:attr:`CT2Engine.sentences_per_call` sentences at once: CTranslate2 sorts them by length and
cuts batches of similar length itself, which saves padding.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import warnings
from pathlib import Path
from typing import Any

from workbench import models as catalog
from workbench.engines.base import Translator
from workbench.engines.hf import (
    FAMILIES,
    default_revision,
    detect_family,
    input_limit,
    load_tokenizer,
)
from workbench.engines.weights import check_weights
from workbench.errors import EngineError, UserInputError
from workbench.settings import Settings

log = logging.getLogger("workbench")

#: Compute types CTranslate2 accepts (what the CPU supports is checked when loading).
COMPUTE_TYPES = (
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)
#: Files copied from a transformers folder next to the converted weights.
TOKENIZER_FILES = (
    "tokenizer_config.json",
    "tokenizer.json",
    "special_tokens_map.json",
    "vocab.json",
    "source.spm",
    "target.spm",
    "sentencepiece.bpe.model",
    "generation_config.json",
)
_TOK_SUFFIXES = (".spm", ".model", "tokenizer.json", "vocab.json")
#: Sidecar describing a conversion made by the workbench.
SIDECAR = "workbench.json"


def is_ct2_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a CTranslate2 model (``model.bin``)."""
    return (folder / "model.bin").is_file()


def _slug(model: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "--", model.strip("/\\")).strip("-")[-80:]


def conversion_dir(settings: Settings, model: str, revision: str, quantization: str) -> Path:
    """Where the conversion of ``model`` at ``revision`` and ``quantization`` is cached."""
    return settings.ct2_dir / f"{_slug(model)}--{revision[:20]}--{quantization}"


def existing_conversion(
    settings: Settings, model: str, revision: str, quantization: str
) -> Path | None:
    """A finished conversion of Hub model ``model``, found without the Hugging Face cache.

    A pinned ``revision`` must match exactly; for ``main`` the newest conversion is used.
    """
    if not settings.ct2_dir.is_dir():
        return None
    exact = conversion_dir(settings, model, revision, quantization)
    if is_ct2_folder(exact):
        return exact
    if revision != "main":
        return None
    found = [
        p
        for p in settings.ct2_dir.glob(f"{_slug(model)}--*--{quantization}")
        if is_ct2_folder(p) and catalog.read_json(p / SIDECAR).get("source") == model
    ]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def convert(
    model: str,
    settings: Settings,
    *,
    quantization: str = "int8",
    revision: str | None = None,
    force: bool = False,
) -> Path:
    """Convert a Hub id or transformers folder to CTranslate2 (cached; atomic).

    Args:
        model: Hub id or local transformers folder.
        settings: Where the conversion goes (``settings.ct2_dir``) and whether to download.
        quantization: Weight type of the conversion (one of :data:`COMPUTE_TYPES`).
        revision: Hub revision (default: the catalog's, else ``main``).
        force: Convert again even if a conversion exists.

    Returns:
        The folder of the converted model.

    Raises:
        ModelNotAvailableError: when the source model cannot be found or fetched.
        EngineError: when the conversion fails.
    """
    if quantization not in COMPUTE_TYPES:
        raise UserInputError(
            f"Unknown quantization {quantization!r}; use one of {', '.join(COMPUTE_TYPES)}."
        )
    revision = revision or default_revision(model)
    if (
        not force
        and not catalog.is_local(model)
        and catalog.cached_snapshot(model, revision) is None
    ):
        done = existing_conversion(settings, model, revision, quantization)
        if done is not None:  # converted earlier; the Hub snapshot may since have been deleted
            return done
    resolved = catalog.resolve(model, settings, revision)
    if is_ct2_folder(resolved.path):
        return resolved.path
    out = conversion_dir(settings, model, resolved.revision, quantization)
    if is_ct2_folder(out) and not force:
        return out
    settings.ensure_home()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    check_weights(resolved.path, allow_pickle=settings.allow_pickle, model=model)
    _run_converter(resolved.path, tmp, quantization)
    sidecar = {
        "source": model,
        "revision": resolved.revision,
        "quantization": quantization,
        "family": detect_family(resolved.path),
        "max_position_embeddings": catalog.read_json(resolved.path / "config.json").get(
            "max_position_embeddings"
        ),
    }
    (tmp / SIDECAR).write_text(json.dumps(sidecar, indent=2), encoding="utf-8")
    if force:
        shutil.rmtree(out, ignore_errors=True)
    try:
        os.replace(tmp, out)
    except OSError:  # another process finished the same conversion first
        shutil.rmtree(tmp, ignore_errors=True)
        if not is_ct2_folder(out):
            raise
    log.info("converted %s to CTranslate2 (%s) in %s", model, quantization, out)
    return out


def _run_converter(source: Path, tmp: Path, quantization: str) -> None:
    from ctranslate2.converters import TransformersConverter

    files = [str(source / f) for f in TOKENIZER_FILES if (source / f).is_file()]
    try:
        converter = TransformersConverter(str(source), copy_files=files, trust_remote_code=False)
        with warnings.catch_warnings():  # MarianTokenizer nags about sacremoses, unused here
            warnings.filterwarnings("ignore", message=".*sacremoses.*")
            converter.convert(str(tmp), quantization=quantization, force=True)
    except (OSError, ValueError, KeyError, NotImplementedError, RuntimeError) as err:
        shutil.rmtree(tmp, ignore_errors=True)
        raise EngineError(
            f"Cannot convert {source} to CTranslate2 ({err}); the ct2 engine runs MarianMT, "
            "NLLB-200 and M2M100 models."
        ) from err


class MarianPieces:
    """Marian (OPUS-MT) tokenization with sentencepiece alone, as ``MarianTokenizer`` does it.

    CTranslate2 takes token strings, and a Marian folder holds everything needed to make them:
    ``source.spm``, ``target.spm`` and ``vocab.json``. Loading ``MarianTokenizer`` instead would
    import transformers and torch (seconds, and about 200 MB) before the first translation.
    This class offers the part of the tokenizer interface the engine uses and gives the same
    tokens and the same decoded text (a test compares them on FLORES-200).
    """

    _CODE = re.compile(r">>.+?<<")  # MarianTokenizer.language_code_re

    def __init__(self, folder: Path, config: dict[str, Any]) -> None:
        import sentencepiece as spm

        self.source = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self.target = spm.SentencePieceProcessor(model_file=str(folder / "target.spm"))
        self.vocab: dict[str, int] = json.loads((folder / "vocab.json").read_text("utf-8"))
        self.eos_token = _token(config.get("eos_token"), "</s>")
        self.unk_token = _token(config.get("unk_token"), "<unk>")
        self.pad_token = _token(config.get("pad_token"), "<pad>")
        self.special = {self.eos_token, self.unk_token, self.pad_token}
        self.model_max_length = int(config.get("model_max_length") or 512)

    @classmethod
    def load(cls, folder: Path) -> MarianPieces | None:
        """The tokenizer of a Marian folder, or ``None`` when it needs transformers'."""
        config = catalog.read_json(folder / "tokenizer_config.json")
        files = ("source.spm", "target.spm", "vocab.json")
        if config.get("separate_vocabs") or not all((folder / f).is_file() for f in files):
            return None
        return cls(folder, config)

    def get_vocab(self) -> dict[str, int]:
        """Token → id (used to find ``>>xxx<<`` target tokens)."""
        return self.vocab

    def tokenize(self, text: str) -> list[str]:
        """Source pieces; a ``>>xxx<<`` language code stays one token, as in transformers."""
        match = self._CODE.match(text)
        code = [match.group(0)] if match else []
        return code + list(self.source.encode(self._CODE.sub("", text), out_type=str))

    def encode(self, text: str) -> list[str]:
        """The source tokens CTranslate2 takes: known pieces (else ``<unk>``), then ``</s>``."""
        vocab, unk = self.vocab, self.unk_token
        return [*(p if p in vocab else unk for p in self.tokenize(text)), self.eos_token]

    def decode(self, tokens: list[str]) -> str:
        """Target tokens to text, special tokens skipped."""
        return str(self.target.decode_pieces([t for t in tokens if t not in self.special])).strip()


def _token(value: Any, default: str) -> str:
    """A special token from ``tokenizer_config.json`` (a string or an AddedToken dict)."""
    if isinstance(value, dict):
        value = value.get("content")
    return value if isinstance(value, str) and value else default


class CT2Engine(Translator):
    """OPUS-MT / NLLB-200 / M2M100 through CTranslate2 (see the module docstring).

    Options (besides the common ones, see :class:`~workbench.engines.options.EngineOptions`):
        compute_type: CTranslate2 compute type (default ``int8``; also accepted as
            ``precision``); also the quantization of an automatic conversion.
        revision: Hub revision (default: the catalog's, else ``main``).
        target_token: OPUS-MT only: force this ``>>xxx<<`` target token.
        family: ``marian``, ``nllb`` or ``m2m100`` when the folder does not say.
    """

    engine_name = "ct2"
    backend = "ctranslate2"
    #: CTranslate2 sorts each call's sentences by length and cuts batches of ``batch_size``.
    sentences_per_call = 256
    extra_options = frozenset({"compute_type", "precision", "revision", "target_token", "family"})

    def _setup(self) -> None:
        self.options = self.options.replace(model=catalog.canonical(self.options.model))
        compute_type = self.options.precision or "int8"
        family = self.options.family
        if compute_type not in COMPUTE_TYPES:
            raise UserInputError(
                f"Unknown compute_type {compute_type!r}; use one of {', '.join(COMPUTE_TYPES)}."
            )
        if family is not None and family not in FAMILIES:
            raise UserInputError(f"family must be one of {', '.join(FAMILIES)}, not {family!r}.")
        self.compute_type = compute_type
        self.requested_revision = self.options.revision or default_revision(self.model)
        entry = catalog.find_entry(self.model)
        self.target_token_option = (
            self.options.target_token or (entry.target_token if entry else None) or None
        )
        self.family = family or self._known_family(entry)
        if self.family:
            FAMILIES[self.family]().check_pair(self.src, self.tgt, self.model)
        self._revision: str | None = None
        self._folder: Path | None = None
        self._lang: Any = None

    def _known_family(self, entry: catalog.ModelEntry | None) -> str:
        """The family, when it is known without downloading (catalog or local files)."""
        if entry is not None and entry.transformers_engine:
            return {"opus-mt": "marian"}.get(entry.transformers_engine, entry.transformers_engine)
        if catalog.is_local(self.model):
            folder = Path(self.model).expanduser()
            sidecar = catalog.read_json(folder / SIDECAR)
            try:
                return str(sidecar.get("family") or detect_family(folder))
            except EngineError:
                return ""  # reported when the model loads
        return ""

    # ── signature ───────────────────────────────────────────────────────────────────────

    @property
    def revision(self) -> str:
        if self._revision is None:
            if catalog.is_local(self.model):
                folder = Path(self.model).expanduser()
                sidecar = catalog.read_json(folder / SIDECAR)
                self._revision = str(
                    sidecar.get("revision") or catalog.local_revision(folder.resolve())
                )
            else:
                self._revision = self._hub_revision()
        return self._revision

    def _hub_revision(self) -> str:
        snapshot = catalog.cached_snapshot(self.model, self.requested_revision)
        if snapshot is not None:
            return snapshot.name
        done = existing_conversion(
            self.settings, self.model, self.requested_revision, self.compute_type
        )
        if done is not None:
            return str(catalog.read_json(done / SIDECAR).get("revision") or self.requested_revision)
        return self.requested_revision

    @property
    def precision(self) -> str:
        return self.compute_type

    def signature_extra(self) -> tuple[tuple[str, str], ...]:
        return (("tok", self.target_token_option),) if self.target_token_option else ()

    # ── loading ─────────────────────────────────────────────────────────────────────────

    @property
    def _tokenizer(self) -> Any:
        return self._load_once("tokenizer", self._load_tokenizer)

    def _prepare(self) -> None:
        self._load_once("tokenizer", self._load_tokenizer)

    def _load_tokenizer(self) -> Any:
        folder = convert(
            self.model,
            self.settings,
            quantization=self.compute_type,
            revision=self.requested_revision,
        )
        if not any((folder / f).is_file() for f in TOKENIZER_FILES if f.endswith(_TOK_SUFFIXES)):
            raise EngineError(
                f"The CTranslate2 model in {folder} has no tokenizer files; convert it with "
                "`workbench models convert MODEL` so they are copied alongside."
            )
        sidecar = catalog.read_json(folder / SIDECAR)
        family = self.family or str(sidecar.get("family") or detect_family(folder))
        lang = FAMILIES[family]()
        lang.check_pair(self.src, self.tgt, self.model)
        tokenizer = (MarianPieces.load(folder) if family == "marian" else None) or load_tokenizer(
            folder
        )
        lang.setup(tokenizer, self.src, self.tgt, self.target_token_option)
        specials = len(self._source_tokens(tokenizer, "x")) - len(tokenizer.tokenize("x"))
        prefix = lang.source_text("")
        specials += len(tokenizer.tokenize(prefix)) if prefix else 0
        # config.json here is CTranslate2's; the source model's limit is in the sidecar.
        self.max_input_tokens = input_limit(
            sidecar.get("max_position_embeddings"), tokenizer, specials
        )
        self._folder, self._lang = folder, lang
        self.family = family
        return tokenizer

    def _load(self) -> Any:
        return self._load_once("translator", self._read_model)

    def _read_model(self) -> Any:
        import ctranslate2

        self._prepare()
        try:
            return ctranslate2.Translator(
                str(self._folder),
                device=self.options.device,
                compute_type=self.compute_type,
                inter_threads=1,
                intra_threads=max(self.options.threads, 0),
            )
        except (RuntimeError, ValueError) as err:
            raise EngineError(
                f"Cannot load the CTranslate2 model {self._folder} ({err}); "
                "if the file is damaged, convert the model again with "
                "`workbench models convert MODEL --force`."
            ) from err

    # ── hooks ───────────────────────────────────────────────────────────────────────────

    def count_tokens(self, text: str) -> int:
        self._prepare()
        return len(self._tokenizer.tokenize(text))

    def _translate_batch(self, texts: list[str]) -> list[str]:
        translator = self._load()
        tok = self._tokenizer
        source = [self._source_tokens(tok, self._lang.source_text(t)) for t in texts]
        forced = self._lang.target_token()
        results = translator.translate_batch(
            source,
            beam_size=self.beam_size,
            max_decoding_length=self.max_length,
            target_prefix=[[forced]] * len(texts) if forced else None,
            max_batch_size=self.batch_size,
        )
        return [self._detokenize(tok, r.hypotheses[0]) for r in results]

    @staticmethod
    def _source_tokens(tok: Any, text: str) -> list[str]:
        if isinstance(tok, MarianPieces):
            return tok.encode(text)
        return list(tok.convert_ids_to_tokens(tok(text)["input_ids"]))

    @staticmethod
    def _detokenize(tok: Any, tokens: list[str]) -> str:
        if isinstance(tok, MarianPieces):
            return tok.decode(tokens)
        return str(tok.decode(tok.convert_tokens_to_ids(tokens), skip_special_tokens=True)).strip()

    def close(self) -> None:
        self._unload("translator")
