"""The difference kinds as the renderers show them, read from the one registry of kinds
(:data:`workbench.types.DIFFERENCE_KIND_INFO`: name, order, colour, definition).

Every renderer (the UI's Compare tab, the HTML report, the Markdown report) takes colours and
definitions from here, and this module takes them from the registry: adding a kind there is
enough to show it everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.types import DIFFERENCE_KIND_INFO


@dataclass(frozen=True)
class KindStyle:
    """A difference kind as the renderers show it.

    Attributes:
        name: The kind (``number``, ``framing``, …).
        order: Position in the registry (legend and table order).
        colour: Highlight background, readable with black text on a light page.
        definition: One line saying what the kind means.
        title: A short human title.
    """

    name: str
    order: int
    colour: str
    definition: str
    title: str = ""


#: Colour of a kind the registry does not know (shown, never dropped).
OTHER_COLOUR = "#e5e5e5"


def kind_styles() -> tuple[KindStyle, ...]:
    """Every difference kind in the registry's order, with colour and definition."""
    return tuple(
        KindStyle(k.name, i, k.colour, k.definition, k.title)
        for i, k in enumerate(DIFFERENCE_KIND_INFO)
    )


def style_of(kind: str) -> KindStyle:
    """The style of ``kind``; an unknown kind gets a neutral grey and sorts last."""
    for style in kind_styles():
        if style.name == kind:
            return style
    return KindStyle(kind, len(DIFFERENCE_KIND_INFO), OTHER_COLOUR, kind, kind)
