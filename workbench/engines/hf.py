"""Engines over Hugging Face ``transformers``: OPUS-MT (Marian), NLLB-200 and M2M100.

Constructing an engine and computing its signature never imports torch or transformers: the
tokenizer loads on the first :meth:`~workbench.engines.base.Translator.translate` call that has
text (to count tokens and split over-long sentences), the model on the first batch.

Decoding is ``model.generate(**inputs, num_beams=beam_size, do_sample=False,
max_new_tokens=max_length)`` decoded with ``skip_special_tokens=True``, so ``beam_size=1`` is
exactly transformers' own greedy decoding. ``trust_remote_code`` is never enabled.

Language handling differs per model family (:data:`FAMILIES`):

* ``marian``: one model per pair; multilingual-target models (vocabulary with ``>>eng<<``-style
  tokens) get the target token prepended to the source text.
* ``nllb``: ``src_lang`` on the tokenizer (``kaz_Cyrl``, ``kir_Cyrl``, ``rus_Cyrl``) and the
  target code (``eng_Latn``) forced as the first generated token.
* ``m2m100``: the same with ISO codes (``__ru__``, ``__en__``); facebook/m2m100_418M covers
  Kazakh (``kk``) but **not Kyrgyz** (``ky``): see :data:`M2M100_LANGUAGES`.
"""

from __future__ import annotations

import logging
import pickle
import re
from pathlib import Path
from typing import Any, ClassVar

from workbench import models as catalog
from workbench.engines.base import Translator
from workbench.engines.weights import check_weights, load_failure
from workbench.errors import EngineError, UserInputError

log = logging.getLogger("workbench")

#: ISO 639-1 → NLLB-200 (FLORES-200) codes for the languages the workbench handles.
NLLB_CODES: dict[str, str] = {
    "kk": "kaz_Cyrl",
    "ky": "kir_Cyrl",
    "ru": "rus_Cyrl",
    "en": "eng_Latn",
    "uk": "ukr_Cyrl",
    "uz": "uzn_Latn",
    "tg": "tgk_Cyrl",
    "tt": "tat_Cyrl",
    "ba": "bak_Cyrl",
}

#: The 100 languages of facebook/m2m100_418M and m2m100_1.2B, copied from transformers'
#: ``FAIRSEQ_LANGUAGE_CODES["m2m100"]`` (a test checks they stay equal). It has ``kk`` and
#: ``ru`` but no ``ky``: Kyrgyz needs NLLB-200 or the pivot engine.
M2M100_LANGUAGES: frozenset[str] = frozenset(
    [
        "af",
        "am",
        "ar",
        "ast",
        "az",
        "ba",
        "be",
        "bg",
        "bn",
        "br",
        "bs",
        "ca",
        "ceb",
        "cs",
        "cy",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "fa",
        "ff",
        "fi",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gu",
        "ha",
        "he",
        "hi",
        "hr",
        "ht",
        "hu",
        "hy",
        "id",
        "ig",
        "ilo",
        "is",
        "it",
        "ja",
        "jv",
        "ka",
        "kk",
        "km",
        "kn",
        "ko",
        "lb",
        "lg",
        "ln",
        "lo",
        "lt",
        "lv",
        "mg",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "my",
        "ne",
        "nl",
        "no",
        "ns",
        "oc",
        "or",
        "pa",
        "pl",
        "ps",
        "pt",
        "ro",
        "ru",
        "sd",
        "si",
        "sk",
        "sl",
        "so",
        "sq",
        "sr",
        "ss",
        "su",
        "sv",
        "sw",
        "ta",
        "th",
        "tl",
        "tn",
        "tr",
        "uk",
        "ur",
        "uz",
        "vi",
        "wo",
        "xh",
        "yi",
        "yo",
        "zh",
        "zu",
    ]
)

#: ISO 639-1 → ISO 639-3, as used in OPUS-MT target tokens (``>>eng<<``).
ISO3: dict[str, str] = {"en": "eng", "ru": "rus", "kk": "kaz", "ky": "kir", "uk": "ukr"}

_TARGET_TOKEN = re.compile(r"^>>[A-Za-z_]+<<$")


# ─── model families: how languages are named and marked ────────────────────────────────────


class Family:
    """How one model family marks languages; shared by the transformers and CT2 engines."""

    name: ClassVar[str] = ""

    def check_pair(self, src: str, tgt: str, model: str) -> None:
        """Raise :class:`UserInputError` for a pair the family cannot express (no I/O)."""

    def setup(self, tokenizer: Any, src: str, tgt: str, option: str | None) -> None:
        """Configure a loaded tokenizer for the pair (``src_lang`` and friends)."""

    def source_text(self, text: str) -> str:
        """The text given to the tokenizer (Marian prepends a target token)."""
        return text

    def target_token(self) -> str | None:
        """The token forced as the first generated token, if any."""
        return None


class MarianFamily(Family):
    """OPUS-MT: one pair per model; ``>>xxx<<`` target tokens for multilingual targets."""

    name = "marian"

    def __init__(self) -> None:
        self.prefix = ""

    def setup(self, tokenizer: Any, src: str, tgt: str, option: str | None) -> None:
        vocab = tokenizer.get_vocab()
        codes = sorted(t for t in vocab if _TARGET_TOKEN.match(t))
        if option:
            if option not in vocab:
                raise UserInputError(f"The model has no target token {option}; it has: {codes}.")
            self.prefix = option
        elif codes:
            wanted = f">>{ISO3.get(tgt, tgt)}<<"
            if wanted not in vocab:
                raise UserInputError(
                    f"This multilingual OPUS-MT model has no target token {wanted} for {tgt!r}; "
                    f"pass one of {', '.join(codes[:20])} as target_token."
                )
            self.prefix = wanted

    def source_text(self, text: str) -> str:
        return f"{self.prefix} {text}" if self.prefix else text


class _LangCodeFamily(Family):
    """Families that mark the source on the tokenizer and force the target code."""

    def __init__(self) -> None:
        self.tgt_token: str | None = None

    def code(self, lang: str) -> str:
        """The family's code for an ISO language code."""
        raise NotImplementedError

    def setup(self, tokenizer: Any, src: str, tgt: str, option: str | None) -> None:
        tokenizer.src_lang = self.code(src)
        self.tgt_token = self._token(tokenizer, tgt)
        unk = tokenizer.unk_token_id
        for lang, token in ((src, self._token(tokenizer, src)), (tgt, self.tgt_token)):
            if tokenizer.convert_tokens_to_ids(token) in (None, unk):
                raise UserInputError(f"The model's tokenizer has no language token for {lang!r}.")

    def _token(self, tokenizer: Any, lang: str) -> str:
        return self.code(lang)

    def target_token(self) -> str | None:
        return self.tgt_token


class NLLBFamily(_LangCodeFamily):
    """NLLB-200: FLORES-200 codes such as ``kaz_Cyrl``; raw codes are accepted too."""

    name = "nllb"

    def code(self, lang: str) -> str:
        if "_" in lang:
            return lang
        try:
            return NLLB_CODES[lang]
        except KeyError as err:
            raise UserInputError(
                f"No NLLB-200 code known for {lang!r}; use one of {', '.join(NLLB_CODES)} "
                "or a FLORES-200 code such as kaz_Cyrl."
            ) from err

    def check_pair(self, src: str, tgt: str, model: str) -> None:
        self.code(src)
        self.code(tgt)


class M2M100Family(_LangCodeFamily):
    """M2M100: ISO codes as ``__ru__`` tokens; only the 100 languages it was trained on."""

    name = "m2m100"

    def code(self, lang: str) -> str:
        return lang

    def _token(self, tokenizer: Any, lang: str) -> str:
        return f"__{lang}__"

    def setup(self, tokenizer: Any, src: str, tgt: str, option: str | None) -> None:
        # transformers 5 builds M2M100Tokenizer without marking its language tokens special, so
        # ``skip_special_tokens`` would leave "__en__" in the output; mark them (ids unchanged).
        lang_tokens = list(getattr(tokenizer, "lang_token_to_id", {}))
        if lang_tokens and not set(lang_tokens) <= set(tokenizer.all_special_tokens):
            tokenizer.add_special_tokens({"additional_special_tokens": lang_tokens})
        super().setup(tokenizer, src, tgt, option)

    def check_pair(self, src: str, tgt: str, model: str) -> None:
        for lang in (src, tgt):
            if lang not in M2M100_LANGUAGES:
                hint = " (Kyrgyz is not among its 100 languages)" if lang == "ky" else ""
                raise UserInputError(
                    f"M2M100 ({model}) cannot translate {src}→{tgt}: it has no {lang!r}{hint}; "
                    "use --engine nllb, or --engine pivot via Russian."
                )


FAMILIES: dict[str, type[Family]] = {
    "marian": MarianFamily,
    "nllb": NLLBFamily,
    "m2m100": M2M100Family,
}


def detect_family(folder: Path) -> str:
    """The family of a saved model folder, from ``config.json`` and ``tokenizer_config.json``."""
    config = catalog.read_json(folder / "config.json")
    model_type = str(config.get("model_type") or "")
    archs = " ".join(config.get("architectures") or [])
    tok_class = str(catalog.read_json(folder / "tokenizer_config.json").get("tokenizer_class", ""))
    if model_type == "marian" or "Marian" in archs or (folder / "source.spm").exists():
        return "marian"
    if "nllb" in tok_class.lower() or (folder / "tokenizer.json").exists():
        return "nllb"
    if model_type == "m2m_100" or "M2M100" in archs or "M2M100" in tok_class:
        return "m2m100"
    raise EngineError(
        f"Cannot tell which model family {folder} is (model_type {model_type or 'missing'}); "
        "the workbench runs MarianMT, NLLB-200 and M2M100 models."
    )


def input_limit(max_positions: Any, tokenizer: Any, specials: int) -> int:
    """Longest input in tokens (without special tokens) the model accepts.

    The smaller of the model's ``max_position_embeddings`` (1024 when unknown) and the
    tokenizer's ``model_max_length``, minus the special tokens the tokenizer adds.
    """
    limits = [int(max_positions or 1024)]
    tok_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok_max, int) and 0 < tok_max < 1_000_000:
        limits.append(tok_max)
    return max(1, min(limits) - specials)


def load_tokenizer(folder: Path) -> Any:
    """Load the tokenizer saved in ``folder`` (never with remote code)."""
    import warnings

    from transformers import AutoTokenizer

    try:
        with warnings.catch_warnings():  # MarianTokenizer nags about sacremoses, unused here
            warnings.filterwarnings("ignore", message=".*sacremoses.*")
            return AutoTokenizer.from_pretrained(str(folder), trust_remote_code=False)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise EngineError(f"Cannot load the tokenizer in {folder}: {err}.") from err


def default_revision(model: str) -> str:
    """The catalog's revision for a Hub id (``main`` when unknown or unpinned)."""
    entry = catalog.find_entry(model)
    return entry.revision if entry is not None else "main"


# ─── the transformers engines ──────────────────────────────────────────────────────────────


class HFEngine(Translator):
    """A seq2seq model run with transformers (see the module docstring).

    Options (besides the common ones, see :class:`~workbench.engines.options.EngineOptions`):
        revision: Hub revision (default: the catalog's, else ``main``).
        dtype: ``float32`` (default), ``bfloat16`` or ``float16`` (also accepted as
            ``precision``).
        target_token: OPUS-MT only: force this ``>>xxx<<`` target token.
    """

    backend = "transformers"
    family: ClassVar[str] = ""
    extra_options = frozenset({"revision", "dtype", "precision", "target_token"})

    def _setup(self) -> None:
        self.options = self.options.replace(model=catalog.canonical(self.options.model))
        dtype = self.options.precision or "float32"
        if dtype not in ("float32", "bfloat16", "float16"):
            raise UserInputError(f"dtype must be float32, bfloat16 or float16, not {dtype!r}.")
        self.requested_revision = self.options.revision or default_revision(self.model)
        self.dtype = dtype
        self.target_token_option = self.options.target_token
        if self.target_token_option is None and self.family == "marian":
            entry = catalog.find_entry(self.model)
            self.target_token_option = (entry.target_token or None) if entry else None
        self.lang = FAMILIES[self.family]()
        self.lang.check_pair(self.src, self.tgt, self.model)
        self._revision: str | None = None
        self._folder: Path | None = None

    # ── signature ───────────────────────────────────────────────────────────────────────

    @property
    def revision(self) -> str:
        if self._revision is None:
            self._revision = catalog.revision_of(self.model, self.requested_revision)
        return self._revision

    @property
    def precision(self) -> str:
        return self.dtype

    def signature_extra(self) -> tuple[tuple[str, str], ...]:
        return (("tok", self.target_token_option),) if self.target_token_option else ()

    # ── loading ─────────────────────────────────────────────────────────────────────────

    def _resolve(self) -> Path:
        if self._folder is None:
            resolved = catalog.resolve(self.model, self.settings, self.requested_revision)
            self._folder = resolved.path
            self._revision = resolved.revision
        return self._folder

    @property
    def _tokenizer(self) -> Any:
        return self._load_once("tokenizer", self._load_tokenizer)

    def _prepare(self) -> None:
        self._load_once("tokenizer", self._load_tokenizer)

    def _load_tokenizer(self) -> Any:
        folder = self._resolve()
        tokenizer = load_tokenizer(folder)
        self.lang.setup(tokenizer, self.src, self.tgt, self.target_token_option)
        specials = len(tokenizer("x")["input_ids"]) - len(tokenizer.tokenize("x"))
        prefix = self.lang.source_text("")
        if prefix:
            specials += len(tokenizer.tokenize(prefix))
        config = catalog.read_json(folder / "config.json")
        self.max_input_tokens = input_limit(
            config.get("max_position_embeddings"), tokenizer, specials
        )
        return tokenizer

    def _load_model(self) -> Any:
        return self._load_once("model", self._read_model)

    def _read_model(self) -> Any:
        import torch
        from transformers import AutoModelForSeq2SeqLM

        self._prepare()
        folder = self._resolve()
        weights = check_weights(folder, allow_pickle=self.settings.allow_pickle, model=self.model)
        if self.options.threads > 0:
            torch.set_num_threads(self.options.threads)
        # generate() warns that max_new_tokens overrides the model's max_length: intended.
        logging.getLogger("transformers.generation.utils").setLevel(logging.ERROR)
        try:
            model = AutoModelForSeq2SeqLM.from_pretrained(
                str(self._folder),
                dtype=getattr(torch, self.dtype),
                trust_remote_code=False,
                use_safetensors=weights.safetensors,  # safetensors whenever the folder has them
            )
        except (OSError, ValueError, KeyError, RuntimeError, pickle.UnpicklingError) as err:
            raise EngineError(load_failure(folder, err)) from err
        log.debug("loaded %s from %s", self.model, self._folder)
        return model.to(self.options.device).eval()

    # ── hooks ───────────────────────────────────────────────────────────────────────────

    def count_tokens(self, text: str) -> int:
        self._prepare()
        return len(self._tokenizer.tokenize(text))

    def _translate_batch(self, texts: list[str]) -> list[str]:
        import torch

        model = self._load_model()
        tok = self._tokenizer
        inputs = tok(
            [self.lang.source_text(t) for t in texts], return_tensors="pt", padding=True
        ).to(self.options.device)
        kwargs: dict[str, Any] = {}
        forced = self.lang.target_token()
        if forced is not None:
            kwargs["forced_bos_token_id"] = tok.convert_tokens_to_ids(forced)
        with torch.inference_mode():
            out = model.generate(
                **inputs,
                num_beams=self.beam_size,
                do_sample=False,
                max_new_tokens=self.max_length,
                **kwargs,
            )
        return [s.strip() for s in tok.batch_decode(out, skip_special_tokens=True)]

    def close(self) -> None:
        self._unload("model")


class MarianEngine(HFEngine):
    """OPUS-MT / MarianMT models (``Helsinki-NLP/opus-mt-ru-en``, ``opus-mt-tc-big-zle-en``).

    Multilingual-target models get their ``>>eng<<`` token automatically (detected in the
    vocabulary, or from the catalog's ``target_token``, or the ``target_token`` option).
    """

    engine_name = "opus-mt"
    family = "marian"


class NLLBEngine(HFEngine):
    """NLLB-200 (``facebook/nllb-200-distilled-600M``): kk/ky/ru → en via FLORES-200 codes.

    The weights are CC-BY-NC 4.0 (non-commercial use only).
    """

    engine_name = "nllb"
    family = "nllb"


class M2M100Engine(HFEngine):
    """M2M100 (``facebook/m2m100_418M``): covers kk and ru, not ky (a clear error says so)."""

    engine_name = "m2m100"
    family = "m2m100"
