"""Tiny random-weight models of the real architectures, saved like Hub models.

The engines are tested by loading these folders through ``workbench.engines.create(...)``
exactly as a user loads a downloaded model. The weights are random, so the translations are
gibberish: these models prove the wiring (tokenizer, language tokens, decoding options,
conversion to CTranslate2), never translation quality.

Each builder trains a small sentencepiece model on the sentences below (written for these
tests: Russian, Kazakh, Kyrgyz and English), builds a model config a few kilobytes big,
initialises it with a fixed seed and calls ``save_pretrained``. The saved generation config caps
output at ``1 + DEFAULT_MAX_NEW_TOKENS`` positions, so that plain ``model.generate(**inputs,
num_beams=1, do_sample=False)`` and the engine's ``max_new_tokens=DEFAULT_MAX_NEW_TOKENS``
decode exactly the same number of steps.
"""

from __future__ import annotations

import json
from pathlib import Path

#: Generated-token cap the tiny models' generation configs agree with.
DEFAULT_MAX_NEW_TOKENS = 24
#: Input limit (tokenizer ``model_max_length``) of the tiny models, small so splitting is testable.
TINY_MAX_INPUT = 48

SENTENCES: tuple[str, ...] = (
    # Russian
    "В Алматы прошли массовые протесты против повышения цен на газ.",
    "Президент заявил, что в город вошли двадцать тысяч бандитов.",
    "Власти сообщили о гибели более двухсот человек.",
    "Интернет был отключён на несколько дней.",
    "Музыкант из Кыргызстана появился в телевизионном признании.",
    "Правительство ввело режим чрезвычайного положения.",
    "Войска ОДКБ прибыли по просьбе президента.",
    "Журналисты не могли проверить эти цифры.",
    "Позже список погибших был удалён с сайта.",
    "Свидетели рассказали о стрельбе на площади.",
    # Kazakh
    "Алматыда газ бағасының өсуіне қарсы жаппай наразылық болды.",
    "Президент қалаға жиырма мың қарақшы кірді деп мәлімдеді.",
    "Билік екі жүзден астам адамның қаза болғанын хабарлады.",
    "Интернет бірнеше күнге өшірілді.",
    "Үкімет төтенше жағдай режимін енгізді.",
    "Қырғызстандық музыкант теледидардан мойындау жасады.",
    "Журналистер бұл сандарды тексере алмады.",
    "Куәгерлер алаңдағы атыс туралы айтты.",
    "Әскерлер президенттің өтініші бойынша келді.",
    "Һәм ұлы ғылым үшін іс-әрекет қажет.",
    # Kyrgyz
    "Алматыда газдын баасынын өсүшүнө каршы нааразылык болду.",
    "Президент шаарга жыйырма миң бандит кирди деп билдирди.",
    "Бийлик эки жүздөн ашык адамдын каза болгонун кабарлады.",
    "Интернет бир нече күнгө өчүрүлдү.",
    "Өкмөт өзгөчө кырдаал режимин киргизди.",
    "Кыргызстандык музыкант телевизордон моюнга алды.",
    "Журналисттер бул сандарды текшере алышкан жок.",
    "Күбөлөр аянттагы атышуу тууралуу айтышты.",
    "Аскерлер президенттин өтүнүчү боюнча келишти.",
    "Биз жаңы үйдө жашайбыз.",
    # English
    "Mass protests against rising gas prices took place in Almaty.",
    "The president said twenty thousand bandits had entered the city.",
    "The authorities reported that more than two hundred people died.",
    "The internet was shut down for several days.",
    "A musician from Kyrgyzstan appeared in a televised confession.",
    "The government declared a state of emergency.",
    "CSTO troops arrived at the president's request.",
    "Journalists could not verify these figures.",
    "The list of the dead was later removed from the website.",
    "Witnesses described shooting in the square.",
)


def train_spm(folder: Path, name: str, vocab_size: int = 240, model_type: str = "bpe") -> Path:
    """Train a sentencepiece model on :data:`SENTENCES`; returns the ``.model`` path."""
    import sentencepiece as spm

    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / f"{name}.corpus.txt"
    corpus.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    prefix = folder / name
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type=model_type,
        character_coverage=1.0,
        hard_vocab_limit=False,
        bos_id=-1 if model_type == "unigram" else 0,
        pad_id=-1,
        eos_id=1 if model_type == "unigram" else 2,
        unk_id=2 if model_type == "unigram" else 1,
        minloglevel=2,
    )
    corpus.unlink()
    return prefix.with_suffix(".model")


def _seed() -> None:
    import torch

    torch.manual_seed(0)


def _tiny_dims() -> dict[str, int]:
    return {
        "d_model": 32,
        "encoder_layers": 1,
        "decoder_layers": 1,
        "encoder_attention_heads": 2,
        "decoder_attention_heads": 2,
        "encoder_ffn_dim": 64,
        "decoder_ffn_dim": 64,
        "max_position_embeddings": 256,
        "init_std": 0.5,
    }


def _fix_generation(model: object, **extra: object) -> None:
    """Make plain ``generate()`` decode exactly DEFAULT_MAX_NEW_TOKENS steps at most."""
    gen = model.generation_config  # type: ignore[attr-defined]
    gen.max_length = DEFAULT_MAX_NEW_TOKENS + 1
    gen.num_beams = 4
    for key, value in extra.items():
        setattr(gen, key, value)


def build_marian(out: Path, work: Path, target_token: str | None = None) -> Path:
    """A tiny MarianMT model (shared vocab) with its tokenizer, saved to ``out``.

    Args:
        out: Folder to save into.
        work: Scratch folder for the sentencepiece training.
        target_token: If given (e.g. ``">>eng<<"``), add it to the vocabulary, as multilingual
            OPUS-MT models have target-language tokens.
    """
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    spm_path = train_spm(work, "marian", model_type="unigram")
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for tok in ([target_token] if target_token else []) + pieces:
        vocab.setdefault(tok, len(vocab))
    vocab["<pad>"] = len(vocab)
    work.mkdir(parents=True, exist_ok=True)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(
        source_spm=str(spm_path),
        target_spm=str(spm_path),
        vocab=str(work / "vocab.json"),
        model_max_length=TINY_MAX_INPUT,
    )
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        # No forced EOS at the length cap: that is a transformers-only decoding policy
        # (CTranslate2 has none), and random-weight models always reach the cap.
        forced_eos_token_id=None,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        **_tiny_dims(),
    )
    _seed()
    model = MarianMTModel(config).eval()
    _fix_generation(model, bad_words_ids=[[pad]])
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


def _m2m_config(vocab_size: int) -> object:
    from transformers import M2M100Config

    return M2M100Config(
        vocab_size=vocab_size,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        scale_embedding=True,
        encoder_layerdrop=0.0,
        decoder_layerdrop=0.0,
        dropout=0.0,
        **_tiny_dims(),
    )


def _save_m2m(out: Path, tok: object, vocab_size: int) -> Path:
    from transformers import M2M100ForConditionalGeneration

    _seed()
    model = M2M100ForConditionalGeneration(_m2m_config(vocab_size)).eval()  # type: ignore[arg-type]
    _fix_generation(model)
    model.save_pretrained(out)
    tok.save_pretrained(out)  # type: ignore[attr-defined]
    return out


def build_m2m100(out: Path, work: Path) -> Path:
    """A tiny M2M100 model with a real ``M2M100Tokenizer`` (all 100 language tokens)."""
    from transformers import M2M100Tokenizer

    spm_path = train_spm(work, "m2m100")
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    vocab: dict[str, int] = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for i in range(sp.get_piece_size()):
        vocab.setdefault(sp.id_to_piece(i), len(vocab))
    (work / "m2m_vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = M2M100Tokenizer(
        vocab_file=str(work / "m2m_vocab.json"),
        spm_file=str(spm_path),
        model_max_length=TINY_MAX_INPUT,
    )
    # Register the language tokens as special (at their fairseq ids), as the Hub tokenizer does,
    # so that ``skip_special_tokens=True`` drops them.
    tok.add_special_tokens({"additional_special_tokens": list(tok.lang_token_to_id)})
    # Language tokens come after the sentencepiece vocabulary, then 8 "madeup words" (as fairseq).
    return _save_m2m(out, tok, max(tok.lang_token_to_id.values()) + 1 + 8)


def build_nllb(out: Path, work: Path) -> Path:
    """A tiny NLLB-200: the M2M100 architecture with a real ``NllbTokenizer`` (202 codes)."""
    import shutil

    from transformers import NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    spm_path = train_spm(work, "nllb")
    src = work / "nllb_spm"
    src.mkdir(parents=True, exist_ok=True)
    shutil.copy(spm_path, src / "sentencepiece.bpe.model")
    tok = NllbTokenizer.from_pretrained(
        str(src), model_max_length=TINY_MAX_INPUT, extra_special_tokens=list(FAIRSEQ_LANGUAGE_CODES)
    )
    return _save_m2m(out, tok, max(tok.get_vocab().values()) + 1)


#: Tokenizer files copied next to a CTranslate2 conversion, so the folder is self-contained.
TOKENIZER_FILES: tuple[str, ...] = (
    "tokenizer_config.json",
    "tokenizer.json",
    "special_tokens_map.json",
    "vocab.json",
    "source.spm",
    "target.spm",
    "sentencepiece.bpe.model",
    "generation_config.json",
)


def build_ct2(hf_dir: Path, out: Path) -> Path:
    """Convert a saved transformers model to CTranslate2 (float32) with its tokenizer files."""
    from ctranslate2.converters import TransformersConverter

    files = [str(hf_dir / f) for f in TOKENIZER_FILES if (hf_dir / f).exists()]
    TransformersConverter(str(hf_dir), copy_files=files).convert(str(out), force=True)
    return out
