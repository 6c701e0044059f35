"""Translation speed: the workbench's default CPU path against raw CTranslate2 and transformers.

Needs no download. It builds a Marian model of opus-mt-ru-en size with random weights, converts
it for CTranslate2 (int8), and measures, in one run and on the same Russian sentences:

* ``raw-ct2``: ``ctranslate2.Translator.translate_batch`` on pre-tokenized input (int8, the model
  already loaded; only the ``translate_batch`` call is timed) -- the limit;
* ``workbench``: the default CPU path, whole process: importing the workbench, building the
  translator through ``EnginePool``, loading the model, segmenting, tokenizing, translating,
  detokenizing and writing the (cold) translation cache via ``translate_texts``;
* ``transformers``: ``MarianMTModel.generate`` in float32 (tokenize + generate + decode timed,
  loading not).

Each measurement runs in a fresh subprocess so that peak memory (max RSS) does not mix.

The model (say what it is): d_model 512, 6+6 layers, 8 heads, FFN 2048, swish, static sinusoidal
positions, shared embeddings -- the opus-mt-ru-en shapes. Two unigram sentencepiece models are
trained on the FLORES-200 dev + NTREX-128 lines (Russian for ``source.spm``, English for
``target.spm``) with ``hard_vocab_limit=False``, i.e. as many pieces as the data allows (about
12.7k + 8.3k). Their union (about 20.3k pieces) plus ``</s>``/``<unk>`` fills the start of
``vocab.json``; filler entries ``<fillNNNNN>`` and a final ``<pad>`` pad it to 62,518 entries, the
size of opus-mt-ru-en's vocabulary, so the embedding matrix and the output projection have the real
size. Weights are random (seed 0), except that ``final_logits_bias`` is -1e4 on ``</s>``, ``<unk>``,
``<pad>`` and the filler entries: the model never stops early and only emits real pieces, so every
system decodes exactly ``max_length`` tokens per sentence and the comparison is like with like
(the child processes count the tokens and the report says so when they differ).

Sentences: FLORES-200 dev + NTREX-128 Russian lines that the workbench's segmenter keeps as
one sentence (so every system sees the same sentences); "short" are those
of 8-20 source tokens, "long" 48-96; the forced output length of a scenario is the median source
length of its sentences. Transformers may get fewer sentences (an evenly spaced subset of the same
list) to keep the run short; its tokens/s are per token, so the ratio stays fair.

Usage::

    .venv/bin/python benchmarks/translate_speed.py            # default run, ~10 min on 2 cores
    .venv/bin/python benchmarks/translate_speed.py --quick    # smoke run, ~1 min
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: import the workbench of this checkout
    sys.path.insert(0, str(REPO))

from workbench.testsets import shared_data as _shared_data  # noqa: E402

DATA = _shared_data()  # ../shared/data, or ../../shared/data from a git worktree
SOURCES = ("flores200-dev/rus_Cyrl.txt", "ntrex128/rus_Cyrl.txt")
TARGETS = ("flores200-dev/eng_Latn.txt", "ntrex128/eng_Latn.txt")
VOCAB_SIZE = 62518  # opus-mt-ru-en
MODEL_SHAPE = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
}
#: (name, min source tokens, max source tokens) of each scenario.
BUCKETS = (("short", 8, 20), ("long", 48, 96))
BUILD_VERSION = 2  # bump when the model recipe changes, to rebuild cached models


# ─── model ──────────────────────────────────────────────────────────────────────────────────


def _read_lines(data: Path, names: Sequence[str]) -> list[str]:
    lines: list[str] = []
    for name in names:
        lines += (data / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


def _train_spm(lines: list[str]) -> bytes:
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buf,
        vocab_size=32000,
        hard_vocab_limit=False,  # as many pieces as the data allows
        model_type="unigram",
        character_coverage=1.0,
        num_threads=2,
        minloglevel=2,
    )
    return buf.getvalue()


def _build_vocab(spm_models: Sequence[bytes]) -> tuple[list[str], int]:
    """Marian's joint vocabulary: ``</s>``, ``<unk>``, every piece, fillers, ``<pad>`` last."""
    import sentencepiece as spm

    pieces = ["</s>", "<unk>"]
    seen = set(pieces)
    for proto in spm_models:
        sp = spm.SentencePieceProcessor(model_proto=proto)
        for i in range(sp.get_piece_size()):
            piece = sp.id_to_piece(i)
            if sp.is_control(i) or sp.is_unknown(i) or piece in seen:
                continue
            seen.add(piece)
            pieces.append(piece)
    real = len(pieces)
    pieces += [f"<fill{i:05d}>" for i in range(VOCAB_SIZE - 1 - real)] + ["<pad>"]
    return pieces, real


def build_model(data: Path, out: Path) -> dict[str, Any]:
    """Build the random-weight opus-mt-sized Marian model in ``out`` (skipped when cached)."""
    stamp = out / "build.json"
    if stamp.is_file():
        info = json.loads(stamp.read_text())
        if info.get("version") == BUILD_VERSION:
            return dict(info)
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    protos = [_train_spm(_read_lines(data, SOURCES)), _train_spm(_read_lines(data, TARGETS))]
    (out / "source.spm").write_bytes(protos[0])
    (out / "target.spm").write_bytes(protos[1])
    pieces, real = _build_vocab(protos)
    vocab_path = out / "vocab.json"
    vocab_path.write_text(json.dumps({p: i for i, p in enumerate(pieces)}, ensure_ascii=False))
    tokenizer = MarianTokenizer(str(out / "source.spm"), str(out / "target.spm"), str(vocab_path))
    pad = VOCAB_SIZE - 1
    config = MarianConfig(
        vocab_size=VOCAB_SIZE,
        max_position_embeddings=512,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=None,
        activation_function="swish",
        scale_embedding=True,
        static_position_embeddings=True,
        **MODEL_SHAPE,
    )
    torch.manual_seed(0)
    model = MarianMTModel(config).eval()
    with torch.no_grad():  # never stop early, never emit </s>, <unk>, <pad> or a filler
        model.final_logits_bias[0, :2] = -1e4
        model.final_logits_bias[0, real:] = -1e4
    model.generation_config.forced_eos_token_id = None
    model.generation_config.bad_words_ids = [[pad]]  # as opus-mt's generation_config has
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    info = {
        "version": BUILD_VERSION,
        "vocab_size": VOCAB_SIZE,
        "real_pieces": real,
        "parameters": sum(p.numel() for p in model.parameters()),
        **MODEL_SHAPE,
    }
    stamp.write_text(json.dumps(info, indent=1))
    return info


def convert_ct2(hf_dir: Path, out: Path) -> float:
    """Convert ``hf_dir`` to CTranslate2 int8 in ``out``; returns seconds (0 when cached)."""
    stamp = out / "converted.json"
    if stamp.is_file() and json.loads(stamp.read_text()).get("version") == BUILD_VERSION:
        return 0.0
    from ctranslate2.converters import TransformersConverter

    start = time.perf_counter()
    TransformersConverter(str(hf_dir)).convert(str(out), quantization="int8", force=True)
    seconds = time.perf_counter() - start
    stamp.write_text(json.dumps({"version": BUILD_VERSION, "seconds": seconds}))
    return seconds


# ─── inputs ─────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Scenario:
    """One input set: sentences of similar length and the forced output length."""

    name: str
    lines: tuple[str, ...]
    max_length: int
    source_tokens: int


def make_scenarios(data: Path, hf_dir: Path, counts: dict[str, int]) -> list[Scenario]:
    """Pick ``counts[name]`` one-sentence lines per length bucket, in file order."""
    import sentencepiece as spm

    from workbench.segment import split_sentences

    sp = spm.SentencePieceProcessor(model_file=str(hf_dir / "source.spm"))
    lines = [
        line.strip()
        for line in _read_lines(data, SOURCES)
        if len(split_sentences(line, "ru")) == 1  # the workbench keeps it whole
    ]
    scenarios = []
    for name, low, high in BUCKETS:
        picked: list[str] = []
        lengths: list[int] = []
        for line in lines:
            n = len(sp.encode(line)) + 1  # + </s>
            if low <= n <= high and len(picked) < counts[name]:
                picked.append(line)
                lengths.append(n)
        if picked:
            median = int(statistics.median(lengths))
            scenarios.append(Scenario(name, tuple(picked), median, sum(lengths)))
    return scenarios


def subset(lines: Sequence[str], n: int) -> list[str]:
    """``n`` evenly spaced lines of ``lines`` (all of them when ``n`` is not smaller)."""
    if n >= len(lines):
        return list(lines)
    step = len(lines) / n
    return [lines[int(i * step)] for i in range(n)]


# ─── child processes (one measurement each) ─────────────────────────────────────────────────


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss would inherit the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux


def child_raw_ct2(spec: dict[str, Any]) -> dict[str, Any]:
    """Raw CTranslate2: pre-tokenized input, one ``translate_batch`` call timed."""
    import ctranslate2
    import sentencepiece as spm

    sp_src = spm.SentencePieceProcessor(model_file=spec["hf_dir"] + "/source.spm")
    sp_tgt = spm.SentencePieceProcessor(model_file=spec["hf_dir"] + "/target.spm")
    tokens = [sp_src.encode(line, out_type=str) + ["</s>"] for line in spec["lines"]]
    start = time.perf_counter()
    translator = ctranslate2.Translator(
        spec["ct2_dir"],
        device="cpu",
        compute_type="int8",
        intra_threads=spec["threads"],
        inter_threads=1,
    )
    load = time.perf_counter() - start
    start = time.perf_counter()
    results = translator.translate_batch(
        tokens,
        beam_size=spec["beam"],
        max_decoding_length=spec["max_length"],
        max_batch_size=spec["batch"],
        batch_type="examples",
    )
    seconds = time.perf_counter() - start
    hyps = [r.hypotheses[0] for r in results]
    return {
        "load_s": load,
        "translate_s": seconds,
        "out_tokens": sum(len(h) for h in hyps),
        "outputs": [sp_tgt.decode_pieces(h) for h in hyps],
    }


def child_workbench(spec: dict[str, Any]) -> dict[str, Any]:
    """The workbench's default CPU path, timed from its first import to the last translation."""
    start = time.perf_counter()
    from workbench.pipeline.translate import EnginePool, translate_texts
    from workbench.settings import Settings

    settings = Settings.resolve({"home": spec["home"]})
    pool = EnginePool(settings)
    translator = pool.get(
        "ct2", spec["hf_dir"], "ru", beam_size=spec["beam"], max_length=spec["max_length"]
    )
    translations = translate_texts(spec["lines"], translator)
    seconds = time.perf_counter() - start
    return {
        "load_s": None,
        "translate_s": seconds,
        "out_tokens": None,  # strings only; see _count_tokens
        "sentences_seen": sum(len(t.sentences) for t in translations),
        "signature": translations[0].signature if translations else "",
        "outputs": [t.text for t in translations],
    }


def child_transformers(spec: dict[str, Any]) -> dict[str, Any]:
    """Plain transformers ``generate`` in float32, batches of similar length.

    Batches run in a fixed shuffled order until ``budget_s`` is spent; only finished batches
    count, so tokens/s stay per token when the budget cuts the run short.
    """
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    torch.set_num_threads(spec["threads"])
    start = time.perf_counter()
    tokenizer = MarianTokenizer.from_pretrained(spec["hf_dir"])
    model = MarianMTModel.from_pretrained(spec["hf_dir"], dtype=torch.float32).eval()
    load = time.perf_counter() - start
    lines = spec["lines"]
    order = sorted(range(len(lines)), key=lambda i: len(tokenizer.tokenize(lines[i])))
    batches = [order[i : i + spec["hf_batch"]] for i in range(0, len(order), spec["hf_batch"])]
    random.Random(0).shuffle(batches)
    outputs: dict[int, str] = {}
    produced = 0
    start = time.perf_counter()
    for idx in batches:
        batch = tokenizer([lines[j] for j in idx], return_tensors="pt", padding=True)
        with torch.inference_mode():
            generated = model.generate(
                **batch, num_beams=spec["beam"], max_new_tokens=spec["max_length"]
            )
        new = generated[:, 1:]  # drop the decoder start token
        special = (new == tokenizer.pad_token_id) | (new == tokenizer.eos_token_id)
        produced += int((~special).sum())
        texts = tokenizer.batch_decode(new, skip_special_tokens=True)
        outputs.update(zip(idx, texts, strict=True))
        if time.perf_counter() - start > spec["budget_s"]:
            break
    seconds = time.perf_counter() - start
    return {
        "load_s": load,
        "translate_s": seconds,
        "out_tokens": produced,
        "sentences": len(outputs),
        "outputs": [outputs.get(i, "") for i in range(len(lines))],
    }


CHILDREN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "raw-ct2": child_raw_ct2,
    "workbench": child_workbench,
    "transformers": child_transformers,
}


def run_child(system: str, spec: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    spec_path = args.workdir / "spec.json"
    spec_path.write_text(json.dumps(spec, ensure_ascii=False))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    if args.omp_wait_policy != "default":
        env["OMP_WAIT_POLICY"] = args.omp_wait_policy
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", system, str(spec_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{system} failed:\n{proc.stderr[-4000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _child_main(system: str, spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text())
    result = CHILDREN[system](spec)
    result["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(result, ensure_ascii=False))
    return 0


# ─── the run ────────────────────────────────────────────────────────────────────────────────


@dataclass
class Row:
    """One system on one scenario at one beam size (the best of its repeats)."""

    scenario: str
    beam: int
    system: str
    sentences: int
    out_tokens: int
    load_s: float | None
    translate_s: float
    peak_rss_mb: float
    repeats: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def sent_per_s(self) -> float:
        return self.sentences / self.translate_s

    @property
    def tok_per_s(self) -> float:
        return self.out_tokens / self.translate_s


def _workbench_tokens(
    result: dict[str, Any], raw: dict[str, Any], spec: dict[str, Any]
) -> tuple[int, str]:
    """Output tokens of the workbench run and a note on how they were established.

    The model cannot emit ``</s>``, so each sentence decodes exactly ``max_length`` tokens when
    the engine passes ``max_length`` as CTranslate2's ``max_decoding_length``; the outputs are
    compared with raw CTranslate2's to show that the same decoding happened.
    """
    n = len(spec["lines"])
    same = sum(a == b for a, b in zip(result["outputs"], raw["outputs"], strict=True))
    note = f"{same}/{n} outputs identical to raw-ct2"
    if result.get("sentences_seen") not in (None, n):
        note += f"; segmented into {result['sentences_seen']} sentences"
    return raw["out_tokens"] * result.get("sentences_seen", n) // n, note


def _row(scenario: Scenario, beam: int, system: str, got: dict[str, Any], **kw: Any) -> Row:
    n = int(got.get("sentences", len(scenario.lines)))
    tokens = int(kw.pop("out_tokens", got["out_tokens"]))
    note = kw.pop("note", "")
    if not note and tokens != n * scenario.max_length:
        note = f"{tokens} tokens, not {n} x {scenario.max_length}"
    return Row(
        scenario=scenario.name,
        beam=beam,
        system=system,
        sentences=n,
        out_tokens=tokens,
        load_s=got["load_s"],
        translate_s=got["translate_s"],
        peak_rss_mb=got["peak_rss_mb"],
        note=note,
        **kw,
    )


def measure(
    scenario: Scenario,
    beam: int,
    args: argparse.Namespace,
    paths: dict[str, Path],
) -> list[Row]:
    """All systems on one scenario and beam size; raw and workbench alternate ``repeats`` times."""
    base = {
        "hf_dir": str(paths["hf"]),
        "ct2_dir": str(paths["ct2"]),
        "home": str(paths["home"]),
        "beam": beam,
        "max_length": scenario.max_length,
        "threads": args.threads,
        "batch": args.batch,
        "hf_batch": args.hf_batch,
        "budget_s": args.hf_budget,
    }
    spec = {**base, "lines": list(scenario.lines)}
    best: dict[str, dict[str, Any]] = {}
    times: dict[str, list[float]] = {"raw-ct2": [], "workbench": []}
    for _ in range(args.repeats):
        for system in ("raw-ct2", "workbench"):
            if system == "workbench":  # cold translation cache, warm model conversion
                for f in paths["home"].glob("cache.sqlite*"):
                    f.unlink()
            got = run_child(system, spec, args)
            times[system].append(round(got["translate_s"], 3))
            if system not in best or got["translate_s"] < best[system]["translate_s"]:
                best[system] = got
    raw, wb = best["raw-ct2"], best["workbench"]
    wb_tokens, note = _workbench_tokens(wb, raw, spec)
    rows = [
        _row(scenario, beam, "raw-ct2", raw, repeats=times["raw-ct2"]),
        _row(
            scenario,
            beam,
            "workbench",
            wb,
            repeats=times["workbench"],
            out_tokens=wb_tokens,
            note=note,
        ),
    ]
    hf_count = args.hf_counts[scenario.name]
    if hf_count > 0:
        got = run_child("transformers", {**base, "lines": subset(scenario.lines, hf_count)}, args)
        rows.append(_row(scenario, beam, "transformers", got, repeats=[got["translate_s"]]))
    return rows


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def format_table(rows: Sequence[Row]) -> str:
    """The results as a Markdown table with the two ratios on each workbench row."""
    head = (
        "| sentences | beam | system | n | out tokens | load s | time s | sent/s | tok/s "
        "| peak RSS MB | wb ÷ raw-ct2 | wb ÷ transformers |"
    )
    lines = [head, "|" + "---|" * 12]
    for row in rows:
        ratio_raw = ratio_hf = ""
        if row.system == "workbench":
            peers = {r.system: r for r in rows if (r.scenario, r.beam) == (row.scenario, row.beam)}
            ratio_raw = f"**{row.tok_per_s / peers['raw-ct2'].tok_per_s:.2f}×**"
            if "transformers" in peers:
                ratio_hf = f"{row.tok_per_s / peers['transformers'].tok_per_s:.1f}×"
        lines.append(
            f"| {row.scenario} | {row.beam} | {row.system} | {row.sentences} | {row.out_tokens} "
            f"| {_fmt(row.load_s, 2)} | {row.translate_s:.2f} | {row.sent_per_s:.1f} "
            f"| {row.tok_per_s:.0f} | {row.peak_rss_mb:.0f} | {ratio_raw} | {ratio_hf} |"
        )
    return "\n".join(lines)


def ratios(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Workbench ÷ raw-ct2 and workbench ÷ transformers in output tokens/s, per scenario."""
    out = []
    keys = sorted({(r.scenario, r.beam) for r in rows}, key=lambda k: (k[0] != "short", k[1]))
    for key in keys:
        peers = {r.system: r for r in rows if (r.scenario, r.beam) == key}
        wb = peers["workbench"].tok_per_s
        hf = peers.get("transformers")
        out.append(
            {
                "scenario": key[0],
                "beam": key[1],
                "workbench_over_raw_ct2": wb / peers["raw-ct2"].tok_per_s,
                "workbench_over_transformers": wb / hf.tok_per_s if hf else None,
            }
        )
    return out


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for name in ("ctranslate2", "torch", "transformers", "sentencepiece"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "absent"
    return out


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options (see ``--help``)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--data", type=Path, default=DATA, help="shared data folder")
    p.add_argument("--workdir", type=Path, default=REPO / "benchmarks" / "out" / "translate_speed")
    p.add_argument("--json", type=Path, default=None, help="results file (default: workdir)")
    p.add_argument("--short", type=int, default=128, help="short sentences")
    p.add_argument("--long", type=int, default=32, help="long sentences")
    p.add_argument("--hf-short", type=int, default=48, help="short sentences for transformers")
    p.add_argument("--hf-long", type=int, default=16, help="long sentences for transformers")
    p.add_argument("--beams", default="1,4", help="comma-separated beam sizes")
    p.add_argument(
        "--threads",
        type=int,
        default=os.cpu_count() or 1,
        help="threads for raw-ct2 and transformers (the workbench uses its default)",
    )
    p.add_argument("--batch", type=int, default=16, help="max_batch_size of raw-ct2")
    p.add_argument("--hf-batch", type=int, default=8, help="batch size of transformers")
    p.add_argument(
        "--hf-budget",
        type=float,
        default=40.0,
        help="seconds per transformers run; finished batches count",
    )
    p.add_argument(
        "--omp-wait-policy",
        default="PASSIVE",
        help="OMP_WAIT_POLICY of every measured process ('default': leave it)",
    )
    p.add_argument("--repeats", type=int, default=3, help="alternating runs of raw-ct2/workbench")
    p.add_argument("--quick", action="store_true", help="small smoke run (~1 minute)")
    args = p.parse_args(argv)
    if args.quick:
        args.short, args.long, args.hf_short, args.hf_long, args.repeats = 16, 8, 8, 4, 1
    args.beam_list = [int(b) for b in args.beams.split(",")]
    args.hf_counts = {"short": args.hf_short, "long": args.hf_long}
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Build, convert, measure, print the table and write the JSON."""
    args = parse_args(argv)
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    load_before = _load()
    work = args.workdir
    paths = {"work": work, "hf": work / "marian", "ct2": work / "ct2-int8", "home": work / "home"}
    work.mkdir(parents=True, exist_ok=True)
    paths["home"].mkdir(exist_ok=True)
    t = time.perf_counter()
    info = build_model(args.data, paths["hf"])
    build_s = time.perf_counter() - t
    convert_s = convert_ct2(paths["hf"], paths["ct2"])
    scenarios = make_scenarios(args.data, paths["hf"], {"short": args.short, "long": args.long})
    # First workbench run converts the model into its own cache (settings.ct2_dir): not timed.
    warm = {
        "hf_dir": str(paths["hf"]),
        "home": str(paths["home"]),
        "beam": 1,
        "max_length": 4,
        "lines": list(scenarios[0].lines[:2]),
    }
    t = time.perf_counter()
    run_child("workbench", warm, args)
    warm_s = time.perf_counter() - t
    rows: list[Row] = []
    for scenario in scenarios:
        for beam in args.beam_list:
            rows += measure(scenario, beam, args, paths)
            print(f"  measured {scenario.name} beam {beam}", file=sys.stderr, flush=True)
    table = format_table(rows)
    header = (
        f"translate_speed: {info['parameters'] / 1e6:.1f}M-parameter Marian (vocab {VOCAB_SIZE}), "
        f"{args.threads} threads, {os.cpu_count()} cores, load average {load_before} -> {_load()}"
    )
    print(header)
    print(table)
    for row in rows:
        if row.note:
            print(f"{row.scenario} beam {row.beam} {row.system}: {row.note}")
    for s in scenarios:
        print(
            f"{s.name}: {len(s.lines)} sentences, {s.source_tokens} source tokens, "
            f"output forced to {s.max_length} tokens per sentence"
        )
    result = {
        "started": started,
        "command": "python benchmarks/translate_speed.py " + " ".join(sys.argv[1:]),
        "load_average_before": load_before,
        "load_average_after": _load(),
        "cpu_count": os.cpu_count(),
        "versions": _versions(),
        "model": info,
        "build_s": build_s,
        "raw_conversion_s": convert_s,
        "workbench_first_run_s": warm_s,
        "scenarios": [
            {
                "name": s.name,
                "sentences": len(s.lines),
                "source_tokens": s.source_tokens,
                "max_length": s.max_length,
            }
            for s in scenarios
        ],
        "rows": [{**asdict(r), "sent_per_s": r.sent_per_s, "tok_per_s": r.tok_per_s} for r in rows],
        "ratios": ratios(rows),
        "table": table,
    }
    out = args.json or work / "translate_speed.json"
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        sys.exit(_child_main(sys.argv[2], sys.argv[3]))
    sys.exit(main())
