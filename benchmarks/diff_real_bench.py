"""Differences on realistic retellings: share of hand-marked key differences flagged, and noise.

Reads the cases of ``benchmarks/data/diff_real/*.toml`` (written by the project; keys marked by
hand before the tool was run; see the README there), runs :func:`workbench.diff.find_differences`
on every pair (the official translation against the report, with the original as ``source``)
and prints:

* key recall: the share of key differences flagged by a difference of a fitting kind whose span
  overlaps the key's text (and, for ``origin = "translation"`` keys, shown as the translation's);
* noise: the share of flags that match no key and no ``also_real`` entry (true differences that
  are not key, judged by reading the output);
* per-kind counts of flags and of noise, and (with ``--show``) every miss and every noise flag.

With ``--real-cases DIR`` it runs instead on cases in the lead's private format (a normal case
plus ``reference.toml`` with hand links and key differences; see ``real_cases_eval.py``), on the
REFERENCE links, so that what is measured is the diff stage and not the alignment: every
reference link (report sentence × statement line) is one pair, compared as the pipeline does
(the statement's translation if supplied, else its original; the issuer and the other linked
statements as context). A key difference counts when a flag of a fitting kind sits on its
report sentence. Flags matching no key are listed for reading; ``diff_judged.toml`` beside the
case (``[[flags]]`` with ``report``, ``kind``, ``statement``, ``report_text``, ``verdict`` =
"real" or "noise", private like the case) records that reading, so the noise share is stated.

With ``--end-to-end`` the project's cases run through the whole compare pipeline instead: each
becomes a normal case (one statement document with its official translation, one report
document per outlet type) and goes through ``compare_case`` as the CLI runs it, so the aligner
decides the pairs; flags on wrong links count as noise (see :func:`run_end_to_end`).

Usage::

    python benchmarks/diff_real_bench.py [--cases DIR] [--show] [--end-to-end]
    python benchmarks/diff_real_bench.py --real-cases private/real-cases [--show]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomllib

from workbench.diff import diff_signature, find_differences, load_lexicon, titled_names
from workbench.types import Difference

CASES = Path(__file__).parent / "data" / "diff_real"


@dataclass(frozen=True)
class Key:
    """A hand-marked difference: fitting kinds, where (report or translation), its origin."""

    kinds: tuple[str, ...]
    side: str  # "report" or "statement"
    span: tuple[int, int]
    origin: str
    text: str


def locate(text: str, fragment: str, report: str, translation: str) -> tuple[str, tuple[int, int]]:
    """Where ``fragment`` is: in the report first, else in the translation."""
    for side, body in (("report", report), ("statement", translation)):
        at = body.find(fragment)
        if at >= 0:
            return side, (at, at + len(fragment))
    raise SystemExit(f"{text}: {fragment!r} is in neither the report nor the translation")


def keys_of(pair: dict[str, Any], field: str) -> list[Key]:
    """The keys (or ``also_real`` entries) of a pair, located."""
    out = []
    for entry in pair.get(field, []):
        side, span = locate(pair["id"], entry["text"], pair["report"], pair["translation"])
        kinds = tuple(entry.get("kinds", ()))
        out.append(Key(kinds, side, span, entry.get("origin", "report"), entry["text"]))
    return out


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]


def matches(d: Difference, key: Key, *, strict: bool) -> bool:
    """``d`` points at ``key`` (with a fitting kind and origin when ``strict``)."""
    span = d.report_span if key.side == "report" else d.statement_span
    if not _overlaps(span, key.span):
        return False
    if not strict:
        return not key.kinds or d.kind in key.kinds
    return d.kind in key.kinds and (key.origin != "translation" or d.origin == "translation")


def run(cases: Path, show: bool) -> int:
    """Run every case; print the table; return 0."""
    lexicon = load_lexicon()
    files = sorted(cases.glob("*.toml"))
    if not files:
        raise SystemExit(f"No *.toml cases in {cases}.")
    n_keys = hit = flags = noise = 0
    by_kind: Counter[str] = Counter()
    noise_kind: Counter[str] = Counter()
    lines: list[str] = []
    print("# realistic difference benchmark")
    print(f"signature: {diff_signature(lexicon)}")
    print("| case | pairs | key differences | flagged with a fitting kind | flags | noise |")
    print("|---|---:|---:|---:|---:|---:|")
    for file in files:
        case = tomllib.loads(file.read_text(encoding="utf-8"))
        c_keys = c_hit = c_flags = c_noise = 0
        for pair in case["pairs"]:
            found = find_differences(
                pair["translation"],
                pair["report"],
                source=pair["source"],
                src=case["src"],
                lexicon=lexicon,
            )
            keys = keys_of(pair, "keys")
            real = keys_of(pair, "also_real")
            for key in keys:
                ok = any(matches(d, key, strict=True) for d in found)
                c_hit += ok
                if not ok:
                    lines.append(f"  MISS  {pair['id']}: {key.kinds} {key.text!r}")
            for d in found:
                by_kind[d.kind] += 1
                if not any(matches(d, k, strict=False) for k in keys + real):
                    c_noise += 1
                    noise_kind[d.kind] += 1
                    lines.append(
                        f"  NOISE {pair['id']}: {d.kind} {d.statement!r} → {d.report!r} "
                        f"({d.note}; salience {d.salience:.2f}, origin {d.origin})"
                    )
            c_keys += len(keys)
            c_flags += len(found)
        print(
            f"| {case['id']} | {len(case['pairs'])} | {c_keys} | {c_hit} ({_pct(c_hit, c_keys)}) "
            f"| {c_flags} | {c_noise} ({_pct(c_noise, c_flags)}) |"
        )
        n_keys, hit, flags, noise = n_keys + c_keys, hit + c_hit, flags + c_flags, noise + c_noise
    print(
        f"| **all** | | {n_keys} | {hit} ({_pct(hit, n_keys)}) | {flags} "
        f"| {noise} ({_pct(noise, flags)}) |"
    )
    print("\nflags by kind (noise): " + ", ".join(
        f"{k} {n} ({noise_kind[k]})" for k, n in by_kind.most_common()
    ))  # fmt: skip
    if show:
        print("\n".join(lines))
    return 0


def _real_pairs(folder: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The reference links of a private case as pairs, and its key differences by sentence."""
    from razdel import sentenize  # noqa: PLC0415 - only this mode needs it

    case = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    ref = tomllib.loads((folder / "reference.toml").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in case["documents"]}
    texts = {i: (folder / d["file"]).read_text(encoding="utf-8") for i, d in docs.items()}
    sentences = {
        i: [s.text for s in sentenize(t)] for i, t in texts.items() if docs[i]["language"] == "en"
    }

    def sentence(doc: str, needle: str) -> str:
        needle = needle.strip()
        for s in sentences[doc]:
            if needle in s or needle[:40] in s or needle[-40:] in s:
                return s
        raise SystemExit(f"{folder.name}: reference sentence not found in {doc}: {needle[:30]!r}…")

    def line(item: int | str) -> tuple[str, int]:
        if isinstance(item, int):
            return ref["statement_document"], item
        doc, number = str(item).rsplit(":", 1)
        return doc, int(number)

    pairs: list[dict[str, Any]] = []
    linked: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for link in ref.get("links", []):
        linked[(link["report"], sentence(link["report"], link["sentence"]))] = [
            line(i) for i in link["statements"]
        ]
    # As the pipeline does: one outlet's sentences retelling one statement are one text.
    groups: dict[tuple[str, str, int], list[str]] = {}
    for (report, sent), lines in linked.items():
        for doc, number in lines:
            groups.setdefault((report, doc, number), []).append(sent)
    for (report, doc, number), sents in groups.items():
        sent = " ".join(sorted(sents, key=texts[report].find))
        lines = [ln for (r, s_), ls in linked.items() if r == report and s_ in sents for ln in ls]
        d = docs[doc]
        original = texts[doc].splitlines()[number - 1].strip()
        tr = None
        if d.get("translation"):
            tr = (folder / d["translation"]).read_text(encoding="utf-8").splitlines()[number - 1]
        others = [
            texts[o].splitlines()[n - 1] for o, n in dict.fromkeys(lines) if (o, n) != (doc, number)
        ]
        others += titled_names(texts[report])  # as the pipeline does per report document
        # as the pipeline does: the statement document's other lines, in the compared language
        whole = (folder / d["translation"]).read_text(encoding="utf-8") if tr else texts[doc]
        document = [x for i, x in enumerate(whole.splitlines()) if i != number - 1 and x.strip()]
        pairs.append({"id": f"{report}:{doc}:{number}", "report_doc": report, "report": sent,
                      "sentences": sents,
                      "source": original, "translation": tr, "src": d["language"], "document": document,
                      "context": [d.get("outlet", ""), d.get("title", ""), *others]})  # fmt: skip
    keys = {}
    for k in ref.get("key_differences", []):
        keys[k["id"]] = (k["report"], sentence(k["report"], k["sentence"]), tuple(k["kinds"]))
    return pairs, keys


def run_real(root: Path, show: bool) -> int:
    """Score the diff on the reference links of private cases (see the module docstring)."""
    lexicon = load_lexicon()
    folders = sorted(p for p in root.iterdir() if (p / "reference.toml").exists())
    if not folders:
        raise SystemExit(f"No cases with reference.toml under {root}.")
    print("# diff on the reference links of private real cases")
    print(f"signature: {diff_signature(lexicon)}")
    print("| case | reference pairs | key differences | flagged with a fitting kind | flags "
          "| key | judged real | judged noise | unjudged |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    tot = Counter()
    lines: list[str] = []
    for folder in folders:
        pairs, keys = _real_pairs(folder)
        judged_file = folder / "diff_judged.toml"
        judged = (
            tomllib.loads(judged_file.read_text(encoding="utf-8")) if judged_file.exists() else {}
        )
        verdicts = {(f["report"], f["kind"], f.get("statement", ""), f.get("report_text", "")):
                    f["verdict"] for f in judged.get("flags", [])}  # fmt: skip
        c: Counter[str] = Counter(pairs=len(pairs), keys=len(keys))
        found_keys: set[str] = set()
        seen: set[tuple[str, str, str, str]] = set()
        for pair in pairs:
            found = find_differences(
                pair["translation"] or pair["source"], pair["report"],
                source=pair["source"], src=pair["src"], lexicon=lexicon,
                context=[t for t in pair["context"] if t], document=pair["document"],
            )  # fmt: skip
            for d in found:
                hits = [kid for kid, (doc, sent, kinds) in keys.items()
                        if doc == pair["report_doc"] and sent in pair["sentences"]
                        and d.kind in kinds]  # fmt: skip
                found_keys.update(hits)
                key = (pair["report_doc"], d.kind, d.statement, d.report)
                if key in seen:
                    continue  # one flag per fact and outlet, as the pipeline shows it
                seen.add(key)
                c["flags"] += 1
                if hits:
                    c["key"] += 1
                    continue
                verdict = verdicts.get(key, "")
                c[verdict or "unjudged"] += 1
                lines.append(f"  {verdict or 'UNJUDGED':8} {folder.name} {pair['id']}: {d.kind} "
                             f"{d.statement!r} → {d.report!r} ({d.note})")  # fmt: skip
        for kid, (_doc, sent, kinds) in keys.items():
            unlinked = not any(sent in p["sentences"] for p in pairs)
            if kid not in found_keys and unlinked and {"addition", "omission"} & set(kinds):
                found_keys.add(kid)  # shown as a sentence with no counterpart (real_cases_eval)
        c["found"] = len(found_keys)
        tot.update(c)
        print(f"| {folder.name} | {c['pairs']} | {c['keys']} | {c['found']} "
              f"({_pct(c['found'], c['keys'])}) | {c['flags']} | {c['key']} | {c['real']} "
              f"| {c['noise']} | {c['unjudged']} |")  # fmt: skip
        for kid, (doc, sent, kinds) in keys.items():
            if kid not in found_keys and not any(sent in p["sentences"] for p in pairs):
                lines.append(f"  UNLINKED {folder.name} {kid}: its sentence has no reference link")
            elif kid not in found_keys:
                lines.append(f"  MISS     {folder.name} {kid} ({doc}): {', '.join(kinds)}")
    print(f"| **all** | {tot['pairs']} | {tot['keys']} | {tot['found']} "
          f"({_pct(tot['found'], tot['keys'])}) | {tot['flags']} | {tot['key']} | {tot['real']} "
          f"| {tot['noise']} ({_pct(tot['noise'], tot['flags'])}) | {tot['unjudged']} |")  # fmt: skip
    if show:
        print("\n".join(lines))
    return 0


def _case_folder(case: dict[str, Any], folder: Path) -> tuple[list[str], dict[str, list[int]]]:
    """Write ``case`` as a normal workbench case under ``folder``: one statement document (its
    distinct sources, one per line, with their official translation), one report document per
    outlet type (its pairs' reports, one per line). Returns the statement lines and, per outlet
    type, the pair numbers of its report lines."""
    sources = list(dict.fromkeys(p["source"] for p in case["pairs"]))
    translation = {p["source"]: p["translation"] for p in case["pairs"]}
    outlets: dict[str, list[int]] = {}
    for n, pair in enumerate(case["pairs"]):
        outlets.setdefault(pair["outlet_type"], []).append(n)
    (folder / "statements").mkdir(parents=True)
    (folder / "reports").mkdir()
    (folder / "statements" / "s.txt").write_text("\n".join(sources) + "\n", encoding="utf-8")
    (folder / "statements" / "s.en.txt").write_text(
        "\n".join(translation[x] for x in sources) + "\n", encoding="utf-8"
    )
    docs = [
        f'[[documents]]\nid = "statement"\ntitle = "Statement"\noutlet = "Authorities"\n'
        f'outlet_type = "state"\nlanguage = "{case["src"]}"\nprovenance = "original"\nfile = "statements/s.txt"\n'
        f'translation = "statements/s.en.txt"\ntranslation_provenance = "original"\n'
    ]
    for outlet, numbers in outlets.items():
        text = "\n".join(case["pairs"][n]["report"] for n in numbers) + "\n"
        (folder / "reports" / f"{outlet}.txt").write_text(text, encoding="utf-8")
        docs.append(
            f'[[documents]]\nid = "{outlet}"\ntitle = "{outlet}"\noutlet = "{outlet}"\n'
            f'outlet_type = "{outlet}"\nlanguage = "en"\nprovenance = "original"\nfile = "reports/{outlet}.txt"\n'
        )
    head = f'id = "{case["id"]}"\ntitle = "{case["id"]}"\n\n'
    (folder / "case.toml").write_text(head + "\n".join(docs), encoding="utf-8")
    return sources, outlets


def run_end_to_end(cases: Path, show: bool) -> int:
    """The project's cases through the whole compare pipeline (alignment included).

    Each case becomes a normal workbench case (:func:`_case_folder`) and runs through
    :func:`workbench.pipeline.compare.compare_case` as the CLI does. A flag sits on a **right
    link** when the report line it falls in is the pair whose statement it is aligned to; a flag
    on a wrong link is noise without reading. On a right link it counts for a key (fitting kind,
    overlapping span, as above), as real (``also_real`` or any key's span) or as noise. A key
    whose report is never linked to its statement is missed.
    """
    import tempfile  # noqa: PLC0415 - only this mode needs it

    from workbench.pipeline import compare  # noqa: PLC0415
    from workbench.pipeline.compare import report_of, report_offsets  # noqa: PLC0415
    from workbench.settings import Settings  # noqa: PLC0415

    settings = Settings.resolve()
    embedder = compare.embedder_named(None, settings)
    lexicon = load_lexicon()
    print("# realistic difference benchmark, end to end (aligner + diff, compare_case)")
    print("| case | pairs | links right / found | key differences | flagged with a fitting kind "
          "| flags | on wrong links | other noise |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    tot: Counter[str] = Counter()
    lines: list[str] = []
    for file in sorted(cases.glob("*.toml")):
        case = tomllib.loads(file.read_text(encoding="utf-8"))
        pairs = case["pairs"]
        c: Counter[str] = Counter(pairs=len(pairs))
        with tempfile.TemporaryDirectory() as tmp:
            sources, outlets = _case_folder(case, Path(tmp) / case["id"])
            loaded = compare.case_at(Path(tmp) / case["id"])
            result = compare.compare_case(
                loaded, embedder=embedder, lexicon=lexicon, settings=settings, corrections=()
            )
        keys = {n: keys_of(p, "keys") for n, p in enumerate(pairs)}
        real = {n: keys_of(p, "also_real") for n, p in enumerate(pairs)}
        found: set[tuple[int, int]] = set()
        for doc in result.documents:
            for al in doc.comparison.alignments:
                st = sources[al.statement.index]
                starts = {id(ref): start for ref, start, _ in report_offsets(al)}
                for ref in al.reports:
                    n = _pair_of(pairs, outlets[ref.document_id], ref.text)
                    c["links"] += 1
                    c["right"] += pairs[n]["source"] == st
                for d in al.differences:
                    ref = report_of(al, d)
                    n = _pair_of(pairs, outlets[ref.document_id], ref.text)
                    c["flags"] += 1
                    if pairs[n]["source"] != st:
                        c["wrong"] += 1
                        lines.append(f"  WRONG {pairs[n]['id']} on statement {al.statement.index}"
                                     f": {d.kind} {d.statement!r} → {d.report!r}")  # fmt: skip
                        continue
                    shift = pairs[n]["report"].find(ref.text) - starts[id(ref)]
                    local = d
                    if d.report_span is not None:
                        a, b = d.report_span
                        local = dataclasses.replace(d, report_span=(a + shift, b + shift))
                    hits = [i for i, k in enumerate(keys[n]) if matches(local, k, strict=True)]
                    found.update((n, i) for i in hits)
                    if not hits and not any(
                        matches(local, k, strict=False) for k in keys[n] + real[n]
                    ):
                        c["noise"] += 1
                        lines.append(f"  NOISE {pairs[n]['id']}: {d.kind} {d.statement!r} → "
                                     f"{d.report!r} ({d.note})")  # fmt: skip
        c["keys"] = sum(len(k) for k in keys.values())
        c["found"] = len(found)
        for n, ks in keys.items():
            lines += [f"  MISS  {pairs[n]['id']}: {k.kinds} {k.text!r}"
                      for i, k in enumerate(ks) if (n, i) not in found]  # fmt: skip
        tot.update(c)
        print(f"| {case['id']} | {c['pairs']} | {c['right']} / {c['links']} | {c['keys']} | "
              f"{c['found']} ({_pct(c['found'], c['keys'])}) | {c['flags']} | {c['wrong']} | "
              f"{c['noise']} |")  # fmt: skip
    noise = tot["wrong"] + tot["noise"]
    print(f"| **all** | {tot['pairs']} | {tot['right']} / {tot['links']} | {tot['keys']} | "
          f"{tot['found']} ({_pct(tot['found'], tot['keys'])}) | {tot['flags']} | {tot['wrong']} "
          f"| {tot['noise']} |")  # fmt: skip
    print(
        f"noise (wrong links + other) / flags: {noise}/{tot['flags']} ({_pct(noise, tot['flags'])})"
    )
    if show:
        print("\n".join(lines))
    return 0


def _pair_of(pairs: list[dict[str, Any]], numbers: list[int], text: str) -> int:
    """The pair (of one outlet's) whose report holds ``text`` (a line, sentence or clause)."""
    for n in numbers:
        if text in pairs[n]["report"]:
            return n
    raise SystemExit(f"report text not found in its outlet's pairs: {text[:40]!r}")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f} %" if b else "-"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="folder of *.toml cases")
    parser.add_argument("--show", action="store_true", help="print every miss and noise flag")
    parser.add_argument("--real-cases", type=Path, help="private cases with reference.toml")
    parser.add_argument(
        "--end-to-end", action="store_true", help="through the aligner (compare_case), not pairs"
    )
    args = parser.parse_args(argv)
    if args.end_to_end:
        return run_end_to_end(args.cases, args.show)
    if args.real_cases:
        return run_real(args.real_cases, args.show)
    return run(args.cases, args.show)


if __name__ == "__main__":
    sys.exit(main())
