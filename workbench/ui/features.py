"""Which pipeline features this build of the workbench has.

A tab whose stage is missing says so plainly instead of offering controls that cannot work.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger("workbench")


def missing(*requirements: str) -> list[str]:
    """The requirements (``"module:attribute"`` or ``"module"``) that cannot be imported.

    Args:
        requirements: Dotted module names, optionally with ``:attribute``.

    Returns:
        The subset that is missing, in the given order (empty when everything is there).
    """
    gone: list[str] = []
    for requirement in requirements:
        module_name, _, attr = requirement.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as err:
            log.warning("feature %s unavailable: %s", requirement, err)
            gone.append(requirement)
            continue
        if attr and not hasattr(module, attr):
            gone.append(requirement)
    return gone


def unavailable_message(feature: str, gone: list[str]) -> str:
    """One sentence telling the user that ``feature`` is not available and why."""
    names = ", ".join(f"`{g.replace(':', '.')}`" for g in gone)
    return (
        f"**{feature} is not available**: it needs {names}, which cannot be imported in this "
        "installation (a missing dependency?). Run `bash scripts/setup.sh` again; "
        "the server log shows the import error."
    )
