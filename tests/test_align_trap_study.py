"""``benchmarks/align_trap_study.py``: each outlet's document-level features (a trap with a
barely accepted link, a retelling outlet, an outlet of one sentence, an empty one, a case of one
outlet), the cuts and gates it reads, and its refusal of bad input."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from tests.scripts import assert_needs_cases, load_script, refusal


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/align_trap_study.py", "align_trap_study_under_test")


def _doc(study: ModuleType, kind: str, **kw: Any) -> Any:
    gold = {"trap": 0, "thin": 2, "retelling": 6}[kind]
    base: dict[str, Any] = dict(
        folder="set", case="c", document=f"{kind}-{len(kw)}", sentences=10, links=4,
        linked=0.4, lines=3, line_share=0.3, best_margin=0.03, mean_margin=0.015,
        best_cos=0.9, mean_cos=0.87, relcos=0.0, doc_cos=0.94, doc_rel=0.0, top_cos=0.9,
        outlets=3, gold=gold, keys=0, keys_flagged=0,
    )  # fmt: skip
    base.update(kw)
    return study.Doc(**base)


def _runner(study: ModuleType, monkeypatch: pytest.MonkeyPatch, reports: list[str]) -> Any:
    """A runner over a made-up case: two statement lines, the outlets ``reports`` (each
    document's sentences as given by :data:`TEXTS`), a link from the trap's one sentence and two
    from the retelling outlet's, the embedder a bag-of-words hash."""
    from tests.align.conftest import CountingEmbedder
    from workbench.types import AlignmentLink, ReportRef, StatementRef

    lines = [
        StatementRef(0, "Мост через реку откроют весной.", "The bridge over the river opens in spring."),
        StatementRef(1, "Школа получит новые парты.", "The school will get new desks."),
    ]  # fmt: skip
    refs: list[ReportRef] = []
    for doc in reports:
        for text in TEXTS[doc]:
            refs.append(ReportRef(len(refs), text, doc))
    by_text = {r.text: r for r in refs}
    t = study.THRESHOLD

    def link(score: float) -> AlignmentLink:
        return AlignmentLink((0, 5), score)

    alignments = []
    for i, told in [(0, ["The bridge over the river opens in spring, he said."]),
                    (1, ["The school will get new desks.", "Rain is expected in the capital."])]:  # fmt: skip
        got = [by_text[x] for x in told if x in by_text]
        scores = {"The school will get new desks.": t + 0.05,
                  "Rain is expected in the capital.": t + 0.002}  # fmt: skip
        alignments.append(
            SimpleNamespace(
                statement=lines[i],
                reports=got,
                links=[link(scores.get(r.text, t + 0.04)) for r in got],
            )
        )
    runner = object.__new__(study.Runner)
    runner.embedder = CountingEmbedder()
    runner.reports = refs
    runner.case = SimpleNamespace(reports=[SimpleNamespace(id=d) for d in reports])
    runner.result = SimpleNamespace(
        documents=[SimpleNamespace(comparison=SimpleNamespace(alignments=alignments))]
    )
    monkeypatch.setattr(study.compare, "case_statements", lambda case: lines)
    return runner


TEXTS = {
    "told": [
        "The bridge over the river opens in spring, he said.",
        "The school will get new desks.",
        "Officials met on Monday.",
    ],
    "trap": ["Rain is expected in the capital.", "Roads were closed for a parade."],
    "one": ["A single line about the weather."],
    "empty": [],
}


def _outlets(study: ModuleType, **gold: int) -> dict[str, Any]:
    out = {}
    for doc, n in gold.items():
        o = study.rce.Outlet()
        o.gold = {(0, i) for i in range(n)}
        o.keys = {"k1": "flag"} if n else {}
        out[doc] = o
    return out


def test_each_outlet_of_a_case_gets_its_features(
    study: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = _runner(study, monkeypatch, ["told", "trap", "one", "empty"])
    flag = SimpleNamespace(
        document="trap", cls="wrong-link", difference={"kind": "addition"}, alignment={}
    )
    docs = {d.document: d for d in runner.docs(Path("/x/set/c"), _outlets(study, told=2), [flag])}
    told, trap, one, empty = docs["told"], docs["trap"], docs["one"], docs["empty"]
    assert (told.folder, told.case, told.outlets) == ("set", "c", 4)
    assert (told.sentences, told.links, told.lines) == (3, 2, 2)
    assert told.linked == 0.667 and told.line_share == 1.0
    assert told.best_margin == pytest.approx(0.05) and told.kind == "thin"
    assert (trap.links, trap.lines, trap.gold, trap.kind) == (1, 1, 0, "trap")
    assert trap.best_margin == pytest.approx(0.002) and trap.mean_cos < told.mean_cos
    assert trap.flags == {"wrong-link": 1} and trap.taken()["wrong-link"] == 1
    # agreement is read only on a line another outlet links too (line 1, both outlets)
    assert 0 < trap.agree == told.agree < 1
    # an outlet of one sentence, linked to nothing; an outlet with no sentence at all
    assert (one.sentences, one.links, one.linked, one.best_margin) == (1, 0, 0.0, -1.0)
    assert one.head_cos == one.lead_cos == pytest.approx(one.doc_cos)
    assert (empty.sentences, empty.links, empty.linked, empty.doc_cos) == (0, 0, 0.0, 0.0)


def test_a_case_of_one_outlet_has_no_relative_feature(
    study: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = _runner(study, monkeypatch, ["told"])
    (only,) = runner.docs(Path("/x/set/c"), _outlets(study, told=6), [])
    assert (only.outlets, only.doc_rel, only.agree, only.kind) == (1, 0.0, 0.0, "retelling")
    study.relate([only])
    assert only.margin_rel == only.cos_rel == 0.0


def test_relate_reads_each_outlet_against_the_others_of_its_case(study: ModuleType) -> None:
    a = _doc(study, "retelling", best_margin=0.05, mean_cos=0.9)
    b = _doc(study, "retelling", best_margin=0.03, mean_cos=0.88, document="b")
    c = _doc(study, "trap", best_margin=0.01, mean_cos=0.84, document="c")
    none = _doc(study, "trap", links=0, best_margin=-1.0, mean_cos=0.0, document="d")
    other = _doc(study, "trap", case="other", best_margin=0.0, document="e")  # alone in its case
    study.relate([a, b, c, none, other])
    assert c.margin_rel == pytest.approx(0.01 - 0.04) and c.cos_rel == pytest.approx(0.84 - 0.89)
    assert a.margin_rel == pytest.approx(0.05 - 0.02)  # the outlet with no link is not counted
    assert none.margin_rel == other.margin_rel == 0.0


def test_a_cut_gates_a_trap_and_never_an_outlet_with_a_key(study: ModuleType) -> None:
    flags = {"wrong-link": 5, "key": 0}
    trap = _doc(study, "trap", best_margin=0.004, flags=flags, own_voice={"wrong-link": 1})
    keyed = _doc(study, "retelling", best_margin=0.006, keys=1, flags={"key": 2})
    unlinked = _doc(study, "retelling", links=0, best_margin=-1.0, keys=3)  # nothing to take
    plain = _doc(study, "retelling", best_margin=0.05, flags={"noise": 2})
    docs = [trap, keyed, unlinked, plain]
    assert study.cut_of(docs, "best_margin") == 0.006  # the linked keyed outlet's value
    took = study.taken(docs, "best_margin", 0.006)
    assert took["trap"] == 1 and took["wrong-link"] == 4  # the own-voice flag stays
    assert took.get("keyed", 0) == 0 and took.get("key", 0) == 0
    assert study.cut_of([trap, plain], "best_margin") == float("-inf")


def test_the_pair_search_fits_no_gate_that_takes_a_keyed_outlet(study: ModuleType) -> None:
    trap = _doc(study, "trap", best_margin=0.004, doc_rel=-0.03, flags={"wrong-link": 3})
    low_keyed = _doc(study, "retelling", best_margin=0.002, doc_rel=0.01, keys=1)
    high = _doc(study, "retelling", best_margin=0.05, doc_rel=-0.04, keys=1)
    name, conds = study.pair_search([trap, low_keyed, high])
    gone = study.gated([trap, low_keyed, high], conds)
    assert gone["wrong-link"] == 3 and gone.get("keyed", 0) == 0 and "&" in name
    assert study.pair_search([low_keyed, high]) is None  # no trap: nothing to fit


def test_bad_input_is_refused_before_any_model_loads(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_needs_cases(study, tmp_path, capsys)  # none, an empty folder, a missing one
    assert "--cases folders to run, or --load" in refusal(lambda: study.main([]), capsys)
    saved = tmp_path / "rows.jsonl"
    saved.write_text("", encoding="utf-8")
    said = refusal(lambda: study.main(["--cases", str(tmp_path), "--load", str(saved)]), capsys)
    assert "one of them" in said
    said = refusal(lambda: study.main(["--load", str(tmp_path / "missing.jsonl")]), capsys)
    assert "missing.jsonl is not a file" in said


def test_saved_rows_are_read_back(
    study: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json
    from dataclasses import asdict

    rows = [
        _doc(study, "trap", best_margin=0.004, flags={"wrong-link": 2}),
        _doc(study, "retelling", best_margin=0.03, keys=1, flags={"key": 1}, document="r"),
    ]
    saved = tmp_path / "rows.jsonl"
    saved.write_text("".join(json.dumps(asdict(r)) + "\n" for r in rows), encoding="utf-8")
    study.main(["--load", str(saved), "--folds"])
    out = capsys.readouterr().out
    assert "== set: outlets {'trap': 1, 'thin': 0, 'retelling': 1}" in out
    assert "best_margin | 0.0300 | traps 1" in out


def test_single_folds_name_the_left_out_set_where_a_keyed_outlet_falls(study: ModuleType) -> None:
    docs = [
        _doc(study, "trap", folder="a", best_margin=0.004, flags={"wrong-link": 2}),
        _doc(study, "retelling", folder="a", best_margin=0.01, keys=1, document="ra"),
        _doc(study, "retelling", folder="b", best_margin=0.002, keys=1, flags={"key": 1}),
    ]
    said = study.single_folds(docs, "best_margin", [{"a"}, {"b"}])
    # left out, "a" meets the cut fitted on "b" (0.002): nothing under it; "b" meets 0.01
    assert said.endswith("b: keyed 1, key flags 1")
    assert "wrong-link 0" in said and "traps 0" in said
    assert study.single_folds(docs[:2], "best_margin", [{"a"}]).endswith("no keyed outlet gated")
