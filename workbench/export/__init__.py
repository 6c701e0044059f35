"""export stage: TMX/XLIFF for translated segments, CSV/JSONL for scores and judgments, and a
standalone HTML report. Every export carries the signatures of what it holds.
"""

from workbench.export.html_report import render_html_report, write_html_report
from workbench.export.tables import (
    judgment_rows,
    judgments_to_jsonl,
    score_rows,
    scores_to_dict,
    scores_to_json,
    scores_to_text,
    segment_rows,
    to_csv,
    to_jsonl,
)
from workbench.export.tm import TM_SUFFIXES, XLIFF_STATES, read_tm, to_tmx, to_xliff, write_text

__all__ = [
    "judgment_rows",
    "judgments_to_jsonl",
    "render_html_report",
    "score_rows",
    "scores_to_dict",
    "scores_to_json",
    "scores_to_text",
    "segment_rows",
    "to_csv",
    "to_jsonl",
    "TM_SUFFIXES",
    "XLIFF_STATES",
    "read_tm",
    "to_tmx",
    "to_xliff",
    "write_html_report",
    "write_text",
]
