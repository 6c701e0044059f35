"""Messages in the UI's terms: stages speak of command-line options; the UI names its controls.

The stages' messages are written for the command line (``check --src``, ``use --engine nllb``,
``workbench models pull``, ``workbench.langid.to_cyrillic``). :func:`in_ui_terms` rewrites those
phrases into what a person in the browser can do. The table is data, one row per phrase; a test
checks that no message shown in the Translate and Models tabs keeps a ``--option``.
"""

from __future__ import annotations

import re

#: The Evaluate tab's button that downloads a judgments template (``judgments export
#: --template`` at the command line); messages about the import's columns point to it.
TEMPLATE_BUTTON = "Download a judgments template"

#: ``(pattern, replacement)``, applied in order.
UI_TERMS: tuple[tuple[str, str], ...] = (
    (r"check --src\b", "pick the language under Source language"),
    (r"--src\b", "Source language"),
    (
        r"use --engine nllb, or --engine pivot via Russian",
        "tick NLLB-200 in the model list instead",
    ),
    (r"--engine (\S+)", r"the \1 engine"),
    (r"Give --model for", "Pick a model for"),
    (r"--model\b", "the model list"),
    (r"--beam-size", "Beam size (Decoding options)"),
    (r"--max-length", "Max length (Decoding options)"),
    (
        r"\(workbench\.langid\.to_cyrillic can help\)",
        "(a Latin-to-Cyrillic converter for Kazakh can do it)",
    ),
    (
        r"run `workbench models pull [^`]*` on a connected machine, or pass a local folder",
        "see the Models tab, which says how to bring a model onto this machine",
    ),
    (r"`workbench models convert[^`]*`", "the Models tab's Convert for ct2"),
    (r"`workbench models list`", "the Models tab"),
    (r"the `workbench` command line", "the workbench command line"),
    (  # a browser user has no shell (tidy22, issue 9): what to do in the tab instead of iconv
        r"check the text, or convert the file with `iconv -f cp1251 -t utf-8`",
        "check the text, or save the file as UTF-8 (a text editor's Save As) and upload it again",
    ),
    (r"\(e\.g\. convert it with iconv\)", "(save it as UTF-8 in a text editor)"),
    (r"judge the items `judgments add` stored", "judge the campaign's items"),
    (  # the limits are the operator's settings; a visitor cannot raise them (hyg14's walk)
        r"\(or raise (max_line_chars|max_lines)\)",
        r"(or ask whoever runs the workbench to raise \1 in its config.toml)",
    ),
    (
        r"write the columns of `workbench judgments export --format csv` \(its header\)",
        f'start from the file "{TEMPLATE_BUTTON}" gives (its header row)',
    ),
)
_COMPILED = tuple((re.compile(p), r) for p, r in UI_TERMS)


def in_ui_terms(message: str) -> str:
    """``message`` with command-line phrases replaced by what to do in the UI."""
    for pattern, replacement in _COMPILED:
        message = pattern.sub(replacement, message)
    return message
