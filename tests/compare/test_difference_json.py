"""The JSON of ``workbench compare`` carries each difference's data fields (docs/diff.md)."""

from __future__ import annotations

import json

from workbench.pipeline.compare import case_report
from workbench.types import Case, CaseComparison

FIELDS = {"detector", "category", "figures_also", "changed_from", "voice_kind"}


def test_json_carries_the_data_fields(sample_case: Case, sample_result: CaseComparison) -> None:
    data = json.loads(case_report(sample_result, sample_case, "json"))
    shown = [d for al in data["alignments"] for d in al["differences"]]
    assert shown and all(set(d) >= FIELDS for d in shown)
    assert all(isinstance(d["figures_also"], list) for d in shown)
    assert all(isinstance(d["changed_from"], bool) for d in shown)
    assert {d["detector"] for d in shown} >= {"content", "framing"}
    quoted = [d for d in shown if d["voice"] == "quoted"]
    assert quoted and all(d["voice_kind"] in ("quote", "speech") for d in quoted)
    assert all(d["voice_kind"] == "" for d in shown if d["voice"] == "own")
