"""``workbench serve``: run the Gradio workbench (on 127.0.0.1 unless told otherwise)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.common import settings_from_args
from workbench.errors import UserInputError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``serve`` to ``sub``."""
    p = sub.add_parser(
        "serve",
        help="run the workbench in the browser (Gradio)",
        description="Run the Gradio workbench. Models load on first use, so it is up in seconds.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--auth", metavar="USER:PASSWORD", help="ask for this user name and password")
    p.add_argument(
        "--share", action="store_true", help="also open a public gradio.live link (off by default)"
    )
    p.add_argument(
        "--model",
        action="append",
        default=[],
        metavar="ENGINE:MODEL",
        help="offer this model in the Translate tab too, e.g. opus-mt:/path/to/folder (repeatable)",
    )
    p.add_argument("--corpora", type=Path, help="folder of cases for the Compare tab")
    p.set_defaults(handler=run)


def parse_auth(spec: str | None) -> tuple[str, str] | None:
    """``USER:PASSWORD`` → ``(user, password)``; ``None`` stays ``None``.

    Raises:
        UserInputError: when either part is missing.
    """
    if spec is None:
        return None
    user, sep, password = spec.partition(":")
    if not sep or not user or not password:
        raise UserInputError("--auth must look like USER:PASSWORD, both parts non-empty.")
    return user, password


def run(args: argparse.Namespace) -> int:
    """Handler of ``workbench serve``."""
    from workbench.ui.app import serve
    from workbench.ui.context import ModelChoice, UIContext

    settings = settings_from_args(args)
    if args.corpora is not None:
        settings = settings.replace(corpora=args.corpora)
    ctx = UIContext(settings, extra_models=tuple(ModelChoice.parse(m) for m in args.model))
    if args.port < 0 or args.port > 65535:
        raise UserInputError(f"--port must be between 0 and 65535, not {args.port}.")
    serve(ctx, host=args.host, port=args.port, auth=parse_auth(args.auth), share=args.share)
    return 0
