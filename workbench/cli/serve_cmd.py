"""Sub-commands of `workbench` (serve). Filled in by the serve stage."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands to ``sub``."""
