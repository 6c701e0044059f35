"""present: one view model of a case comparison and its renderings.

:func:`build_view` makes a :class:`CompareView` (statement-centric view, pair list, leftovers,
aggregates, filters applied once); :mod:`workbench.view.html` and
:mod:`workbench.view.markdown` render it. The UI's Compare tab, the HTML report and the
Markdown report all render this one view, with one highlighter and one colour table
(:mod:`workbench.view.kinds`).
"""

from workbench.view.kinds import KindStyle, kind_styles, style_of
from workbench.view.model import (
    CompareView,
    DifferenceView,
    OutletLeftovers,
    PairView,
    ReportSentence,
    Retelling,
    StatementInfo,
    StatementView,
    SuggestedLink,
    ViewFilters,
    build_view,
    check_filters,
    salience_of,
)

__all__ = [
    "CompareView",
    "DifferenceView",
    "KindStyle",
    "OutletLeftovers",
    "PairView",
    "ReportSentence",
    "Retelling",
    "StatementInfo",
    "StatementView",
    "SuggestedLink",
    "ViewFilters",
    "build_view",
    "check_filters",
    "kind_styles",
    "salience_of",
    "style_of",
]
