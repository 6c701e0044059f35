"""Every command of the README's "Using it" table parses as written (ux10's walk: the table's
`workbench check … --format html -o check.html` was refused: check had no -o)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from workbench.cli import build_parser

REPO = Path(__file__).resolve().parents[1]


def table_commands() -> list[str]:
    """The complete commands of the README's "Using it" table, optional parts kept (synopses
    with alternatives ``add|export`` or placeholders ``--port P`` are left out)."""
    text = (REPO / "README.md").read_text("utf-8")
    section = text.split("## Using it", 1)[1].split("\n\n", 2)[1]
    commands = []
    for cell in re.findall(r"^\| `(workbench [^`]+)`", section, flags=re.M):
        for command in cell.split("`, `"):
            if "|" in command or re.search(r" [A-Z](?=[ \]]|$)", command):
                continue
            commands.append(command.split(" < ")[0].replace("[", "").replace("]", ""))
    return commands


def test_the_table_is_found() -> None:
    commands = table_commands()
    assert len(commands) >= 5
    assert any(c.startswith("workbench check ") and " -o " in c for c in commands)


@pytest.mark.parametrize("command", table_commands())
def test_a_readme_command_parses(command: str) -> None:
    args = build_parser().parse_args(shlex.split(command)[1:])
    assert getattr(args, "handler", None) is not None


def test_every_output_option_has_the_short_form() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        groups = [command]
        for action in command._actions:
            if action.dest.endswith("_command") and action.choices:
                groups += list(action.choices.values())  # type: ignore[union-attr]
        for group in groups:
            for action in group._actions:
                if "--output" in action.option_strings:
                    assert "-o" in action.option_strings, f"{name}: --output without -o"
