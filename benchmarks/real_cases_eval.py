"""Score ``workbench compare`` on hand-labelled cases the way an analyst reads the output.

Each case folder holds a normal case (``case.toml`` ...) and a ``reference.toml`` written by a
person BEFORE the tool was run on it:

* ``[[links]]``: ``report`` (document id), ``sentence`` (a verbatim substring of one report
  sentence), ``statements`` (1-based lines of ``statement_document``, or "doc-id:line" strings);
* ``[[key_differences]]``: ``id``, ``report``, ``sentence`` (substring of the report sentence that
  carries it), optional ``statement`` (line), ``kinds`` (the kinds that fit), ``note``;
* optional ``judged_flags.toml`` beside it: ``[[flags]]`` with ``report``, ``kind``,
  ``statement``, ``report_text`` and ``verdict`` ("real" or "noise"): a person's reading of flags
  that match no key difference, so the noise share can be stated.

The tool is run through its public contract (``workbench compare --case DIR --format json``), so
the script measures what users get. Sentences are identified by the razdel sentence that contains
them (the workbench's own segmenter: lines, then razdel), so a link to part of a sentence (a
clause) counts for that sentence.

Scores printed per case and outlet: alignment precision and recall over (statement line, report
sentence) pairs, and how many outlets reach R >= 0.85 at P >= 0.9; the key differences found,
counted apart: by a flag of a fitting kind, or (only a key whose kinds include ``addition``: the
report says something the statement does not) by the report sentence being listed as unmatched,
which is how the views show an addition — an omission key is never credited that way, an
unmatched sentence hides what it left out; ``--show-keys`` lists each key and how it was found;
flags on wrong links (noise by construction); flags judged real or noise; and flags nobody has
judged yet (listed with ``--show-unjudged``); and how many key flags are in the top third
(rounded up) of each outlet's flags sorted by salience, the order every view lists them in, against
the share among all flags (last line). A flag is placed by the report sentence that holds
its words, not by every sentence linked to the statement: a flag on words of a wrongly merged
sentence is a wrong-link flag, and it finds only a key of its own sentence.

Usage::

    python benchmarks/real_cases_eval.py --cases private/real-cases [--show-unjudged] [--show-keys]

The private cases hold real pages and are git-ignored; only this script and numbers are
committed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from workbench.segment import split_sentences  # noqa: E402


@dataclass
class Outlet:
    """Counts for one report document."""

    pred: set[tuple[int, int]] = field(default_factory=set)
    gold: set[tuple[int, int]] = field(default_factory=set)
    keys: dict[str, str] = field(default_factory=dict)  # id -> "", "flag" or "unmatched"
    flags: int = 0
    key_flags: int = 0
    wrong_link_flags: int = 0
    judged_real: int = 0
    judged_noise: int = 0
    unjudged: list[str] = field(default_factory=list)
    #: Each flag's salience and whether it is a key flag, for the top third of the outlet's list.
    ranked: list[tuple[float, bool]] = field(default_factory=list)

    def top_third(self) -> tuple[int, int]:
        """Key flags among the first third (rounded up) of the outlet's flags by salience, the
        order every view lists them in, and how many flags that third holds."""
        top = sorted(self.ranked, key=lambda r: -r[0])[: -(-len(self.ranked) // 3)]
        return sum(key for _, key in top), len(top)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences as the workbench cuts them (lines first, then razdel), as character spans."""
    return [(s.start, s.end) for s in split_sentences(text, "en")]


def _sentence_ids(spans: list[tuple[int, int]], start: int, stop: int) -> set[int]:
    return {i for i, (a, b) in enumerate(spans) if a < max(stop, start + 1) and start < b}


def _locate(text: str, needle: str) -> tuple[int, int] | None:
    needle = needle.strip()
    if not needle:
        return None
    pos = text.find(needle)
    if pos < 0:
        pos = text.find(needle[:40])
    if pos < 0:
        pos = text.find(needle[-40:])
        if pos >= 0:
            return pos, pos + min(40, len(needle))
        return None
    return pos, pos + len(needle)


def _statement_index(case: dict[str, Any], folder: Path) -> dict[tuple[str, int], int]:
    """(document id, 1-based line) -> the contract's 0-based index across statement documents."""
    index: dict[tuple[str, int], int] = {}
    n = 0
    for doc in case["documents"]:
        if doc["language"] == "en":
            continue
        lines = (folder / doc["file"]).read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines, start=1):
            if line.strip():
                index[(doc["id"], i)] = n
                n += 1
    return index


class Reference:
    """A case's ``reference.toml`` placed on its English report texts, cut into sentences as the
    workbench cuts them: the one reader of reference links for this eval and the studies built
    on it (``align_link_study.py``, ``diff_link_features.py``)."""

    def __init__(self, folder: Path, case: dict[str, Any] | None = None) -> None:
        self.folder = folder
        self.case = case if case is not None else _toml(folder / "case.toml")
        self.ref = _toml(folder / "reference.toml")
        self._index = _statement_index(self.case, folder)
        self._default = self.ref.get("statement_document")
        self.texts = {
            d["id"]: (folder / d["file"]).read_text(encoding="utf-8")
            for d in self.case["documents"]
            if d["language"] == "en"
        }
        self.spans = {doc: _sentences(t) for doc, t in self.texts.items()}

    def sid(self, doc: str, needle: str) -> set[int]:
        """The sentences of report ``doc`` holding ``needle`` (empty when it is not found)."""
        loc = _locate(self.texts[doc], needle)
        return _sentence_ids(self.spans[doc], *loc) if loc else set()

    def line_index(self, item: int | str) -> int:
        """A reference's statement line (``3``, or ``"doc:3"`` in a case of several statement
        documents; 1-based) as the contract's 0-based index across statement documents."""
        if isinstance(item, int):
            return self._index[(self._default, item)]
        doc, line = str(item).rsplit(":", 1)
        return self._index[(doc, int(line))]

    def gold_links(self, strict: bool = True) -> list[tuple[str, int, int]]:
        """Every reference link as (report document, statement index, report sentence), in the
        reference's order. ``strict``: a link sentence not found in its report stops the run
        (the eval); otherwise it is skipped (the studies)."""
        out = []
        for link in self.ref.get("links", []):
            ids = self.sid(link["report"], link["sentence"])
            if not ids and strict:
                raise SystemExit(
                    f"{self.folder.name}: reference sentence not found: {link['sentence']!r}"
                )
            for item in link["statements"]:
                for s in ids:
                    out.append((link["report"], self.line_index(item), s))
        return out


def _toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def references_under(
    folders: list[Path], parser: argparse.ArgumentParser
) -> dict[Path, list[Path]]:
    """Each folder's case reference files (``<case>/reference.toml``), in order; a folder with
    none is refused through ``parser`` (the studies' one-sentence error, exit 2)."""
    missing = [folder for folder in folders if not folder.is_dir()]
    if missing:
        parser.error(
            f"{missing[0]}: no such folder (give a folder of cases, each with a reference.toml)."
        )
    refs = {folder: sorted(folder.glob("*/reference.toml")) for folder in folders}
    empty = [folder for folder, found in refs.items() if not found]
    if empty:
        parser.error(f"no case with a reference.toml under {empty[0]}.")
    return refs


def run_compare(folder: Path) -> dict[str, Any]:
    """Run the CLI exactly as a user would and return its JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        cmd = [
            sys.executable,
            "-m",
            "workbench",
            "-q",
            "compare",
            "--case",
            str(folder),
            "--format",
            "json",
            "--output",
            str(out),
        ]
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"{folder.name}: workbench compare failed:\n{proc.stderr[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def _report_docs(alignment: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in alignment.get("reports", []) if r.get("document_id")]


@dataclass(frozen=True)
class Flag:
    """One flag as this script classes it (for studies of flags, e.g. ``flag_features.py``)."""

    case: str
    document: str
    statement: int  # the contract's 0-based statement index
    difference: dict[str, Any]  # the difference as the JSON gives it
    alignment: dict[str, Any]  # the alignment that holds it
    cls: str  # "key", "wrong-link", "real", "noise" or "unjudged"
    sentence: int  # the first of the flag's own report sentences (0 = the document's first)
    elsewhere: str  # the outlet's other sentences (not the flag's own), joined


def score_case(
    folder: Path,
    show_unjudged: bool,
    show_keys: bool = False,
    flags: list[Flag] | None = None,
) -> dict[str, Outlet]:
    """Score one case; with ``flags`` given, also append every flag to it, classed."""
    case = _toml(folder / "case.toml")
    reading = Reference(folder, case)
    ref, texts, spans, sid = reading.ref, reading.texts, reading.spans, reading.sid
    judged_path = folder / "judged_flags.toml"
    judged = _toml(judged_path) if judged_path.exists() else {}
    verdicts = {
        (f["report"], f["kind"], f.get("statement", ""), f.get("report_text", "")): f["verdict"]
        for f in judged.get("flags", [])
    }
    outlets: dict[str, Outlet] = defaultdict(Outlet)
    for report, line, s in reading.gold_links():
        outlets[report].gold.add((line, s))
    keys = {k["id"]: k for k in ref.get("key_differences", [])}
    key_sids = {kid: (k["report"], sid(k["report"], k["sentence"])) for kid, k in keys.items()}
    for kid, k in keys.items():
        outlets[k["report"]].keys[kid] = ""

    data = run_compare(folder)
    for a in data.get("alignments", []):
        st = a["statement"]["index"]
        linked: dict[str, set[int]] = defaultdict(set)
        for r in _report_docs(a):
            doc = r["document_id"]
            if doc in texts:
                ids = sid(doc, r.get("text", ""))
                linked[doc] |= ids
                for s in ids:
                    outlets[doc].pred.add((st, s))
        for d in a.get("differences", []):
            doc = d.get("document_id") or d.get("report_document") or d.get("report_document_id")
            docs = [doc] if doc in linked else list(linked)
            if not docs:
                continue
            if len(docs) > 1 and d.get("report"):
                docs = [x for x in docs if d["report"] in texts[x]] or docs[:1]
            doc = docs[0]
            o = outlets[doc]
            o.flags += 1
            kind = d.get("kind", "")
            # The flag's own sentence(s): those of the linked ones that hold its report words (a
            # flag on words of a wrongly merged sentence is judged by that sentence alone).
            words = (d.get("report") or "").strip()
            own = {
                s for s in linked[doc] if words and words in texts[doc][slice(*spans[doc][s])]
            } or linked[doc]
            hit = [
                kid
                for kid, (kdoc, ks) in key_sids.items()
                if kdoc == doc and ks & own and kind in keys[kid]["kinds"]
            ]
            o.ranked.append((float(d.get("salience") or 0.0), bool(hit)))
            if hit:
                cls = "key"
            elif not any((st, s) in o.gold for s in own):
                cls = "wrong-link"
            else:
                verdict = verdicts.get((doc, kind, d.get("statement", ""), d.get("report", "")))
                cls = verdict if verdict in ("real", "noise") else "unjudged"
            if flags is not None:
                rest = [i for i in range(len(spans[doc])) if i not in own]
                elsewhere = " ".join(texts[doc][slice(*spans[doc][i])] for i in rest)
                flags.append(Flag(folder.name, doc, st, d, a, cls, min(own, default=-1), elsewhere))
            if cls == "key":
                o.key_flags += 1
                for kid in hit:
                    o.keys[kid] = "flag"
            elif cls == "wrong-link":
                o.wrong_link_flags += 1
            elif cls == "real":
                o.judged_real += 1
            elif cls == "noise":
                o.judged_noise += 1
            else:
                o.unjudged.append(
                    f"{kind}: {d.get('statement', '')!r} -> {d.get('report', '')!r} "
                    f"[{d.get('note', '')}]"
                )
    for u in data.get("unmatched_reports", []):
        doc = u.get("document_id")
        if doc not in texts:
            continue
        ids = sid(doc, u.get("text", ""))
        for kid, (kdoc, ks) in key_sids.items():
            if kdoc == doc and ks & ids and "addition" in keys[kid]["kinds"]:
                outlets[doc].keys[kid] = outlets[doc].keys[kid] or "unmatched"
    if show_keys:
        for doc, o in sorted(outlets.items()):
            for kid, how in sorted(o.keys.items()):
                print(
                    f"  key {folder.name}/{doc}/{kid}: {how or 'MISSED'} (kinds {keys[kid]['kinds']})"
                    + ("" if how else _why_missed(o, key_sids[kid][1]))
                )
    if show_unjudged:
        for doc, o in outlets.items():
            for line in o.unjudged:
                print(f"  unjudged {folder.name}/{doc}: {line}")
    return outlets


def _why_missed(o: Outlet, sentences: set[int]) -> str:
    """Where a missed key's sentence went: unlinked, or linked to which statements (0-based
    indices) against the reference's."""
    pred = sorted({st for st, s in o.pred if s in sentences})
    gold = sorted({st for st, s in o.gold if s in sentences})
    if not pred:
        return f" - sentence unlinked (reference: {gold or 'none'})"
    return f" - sentence linked to {pred} (reference: {gold or 'none'})"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=REPO / "private" / "real-cases")
    parser.add_argument("--show-unjudged", action="store_true")
    parser.add_argument("--show-keys", action="store_true", help="each key difference: how found")
    args = parser.parse_args()
    if not args.cases.is_dir():
        raise SystemExit(
            f"--cases {args.cases}: no such folder (give a folder of cases, each with a reference.toml)"
        )
    folders = sorted(p.parent for p in args.cases.glob("*/reference.toml"))
    if not folders:
        raise SystemExit(f"no case with a reference.toml under {args.cases}")
    print(
        "case/outlet | align P | align R | keys found | flags | key | wrong-link | real | noise | unjudged"
    )
    tot = Outlet()
    top = [0, 0]  # key flags among each outlet's top third by salience, flags in those thirds
    per_outlet: list[bool] = []  # outlet meets R >= 0.85 at P >= 0.9
    for folder in folders:
        for doc, o in sorted(score_case(folder, args.show_unjudged, args.show_keys).items()):
            tp = len(o.pred & o.gold)
            found = sum(bool(v) for v in o.keys.values())
            if o.gold:
                per_outlet.append(tp / len(o.gold) >= 0.85 and tp / max(len(o.pred), 1) >= 0.9)
            print(
                f"{folder.name}/{doc} | {_ratio(tp, len(o.pred))} | {_ratio(tp, len(o.gold))} | "
                f"{found}/{len(o.keys)} | {o.flags} | {o.key_flags} | {o.wrong_link_flags} | "
                f"{o.judged_real} | {o.judged_noise} | {len(o.unjudged)}"
            )
            tot.pred |= {(folder.name, doc, *p) for p in o.pred}  # type: ignore[arg-type]
            tot.gold |= {(folder.name, doc, *g) for g in o.gold}  # type: ignore[arg-type]
            tot.keys.update({f"{folder.name}/{k}": v for k, v in o.keys.items()})
            tot.flags += o.flags
            tot.key_flags += o.key_flags
            tot.wrong_link_flags += o.wrong_link_flags
            tot.judged_real += o.judged_real
            tot.judged_noise += o.judged_noise
            tot.unjudged += o.unjudged
            top_keys, top_n = o.top_third()
            top[0] += top_keys
            top[1] += top_n
    tp = len(tot.pred & tot.gold)
    noise = tot.wrong_link_flags + tot.judged_noise
    print(
        f"ALL | {_ratio(tp, len(tot.pred))} | {_ratio(tp, len(tot.gold))} | "
        f"{sum(bool(v) for v in tot.keys.values())}/{len(tot.keys)} | {tot.flags} | {tot.key_flags} | "
        f"{tot.wrong_link_flags} | {tot.judged_real} | {tot.judged_noise} | {len(tot.unjudged)}"
    )
    by_flag = sum(v == "flag" for v in tot.keys.values())
    by_unmatched = sum(v == "unmatched" for v in tot.keys.values())
    print(
        f"outlets with R >= 0.85 at P >= 0.9: {sum(per_outlet)} of {len(per_outlet)}; "
        f"key differences found: {by_flag} by a flag of a fitting kind, {by_unmatched} more only "
        f"as an unmatched report sentence (addition keys)"
    )
    print(
        f"key differences found: {_ratio(by_flag + by_unmatched, len(tot.keys))}; "
        f"noise share (wrong-link + judged noise) / flags: {_ratio(noise, tot.flags)}"
        f" ({len(tot.unjudged)} flags not judged yet); key flags in the top third of each "
        f"outlet's list by salience: {top[0]}/{top[1]} (all flags: {tot.key_flags}/{tot.flags})"
    )


if __name__ == "__main__":
    main()
