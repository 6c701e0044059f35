"""A statement that one document retells in more sentences than one diff reads is diffed in runs
of at most :data:`workbench.diff.MAX_CHARS` characters, never refused as a whole.

review23's walk: ``workbench compare`` of ten statements against a report of 3,000 sentences
linked 273 of them to one statement; the sentences of one document are joined into one text for
the diff, and the whole comparison ended, after the alignment, with "The report is 37,946
characters long; differences are found one aligned pair at a time (at most 20,000 characters),
so split it into sentences first" — the file was one sentence a line.
"""

from __future__ import annotations

from tests.compare.helpers import filled_alignment
from workbench.diff import MAX_CHARS
from workbench.types import ReportRef

TRANSLATION = "Almaty was attacked by 20,000 bandits."
#: One retelling, told again and again (a live page that repeats its key line in every update).
RETOLD = "Update {n}: the president said again that 20,000 bandits had attacked Almaty."


def test_many_retellings_from_one_document_are_diffed_in_runs_under_the_limit() -> None:
    reports = tuple(ReportRef(n, RETOLD.format(n=n), "live-page") for n in range(400))
    assert sum(len(r.text) + 1 for r in reports) > 1.5 * MAX_CHARS  # refused whole before
    al = filled_alignment(TRANSLATION, *reports, original="На Алматы напали 20 тысяч бандитов.")
    assert al.reports == reports  # every link kept
    assert al.differences  # and differences found on them: "bandits" said, not the outlet's
    joined = " ".join(r.text for r in reports)
    for d in al.differences:  # every span points into the joined retellings
        assert d.report_span is None or joined[slice(*d.report_span)] == d.report
