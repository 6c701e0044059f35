"""``workbench serve``: run the Gradio workbench (on 127.0.0.1 unless told otherwise)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.common import settings_from_args
from workbench.errors import UserInputError

if TYPE_CHECKING:
    from workbench.ui.context import ModelChoice


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
    p.add_argument(
        "--models-dir",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="a folder of local models visitors may pick by name (repeatable; "
        "$WORKBENCH_HOME/models always counts); no other server path is ever opened",
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
    from workbench.ui.app import check_host, serve
    from workbench.ui.context import ModelChoice, UIContext

    settings = settings_from_args(args)
    if args.corpora is not None:
        if not args.corpora.is_dir():  # as --models-dir: the Compare tab had no case, no word
            raise UserInputError(
                f"--corpora {args.corpora} is not a folder; give a folder of cases."
            )
        settings = settings.replace(corpora=args.corpora)
    extra = tuple(ModelChoice.parse(m) for m in args.model)
    for choice in extra:
        check_model_choice(choice)
    ctx = UIContext(settings, extra_models=extra, models_dirs=tuple(args.models_dir))
    ctx.model_access  # noqa: B018 - checks every --models-dir now, before the server starts
    if args.port < 0 or args.port > 65535:
        raise UserInputError(f"--port must be between 0 and 65535, not {args.port}.")
    auth = parse_auth(args.auth)
    check_host(args.host)  # before the exposure warning, which would speak of a bad address
    if warning := exposure_warning(args.host, auth, args.share):
        print(warning, file=sys.stderr)
    serve(ctx, host=args.host, port=args.port, auth=auth, share=args.share)
    return 0


def check_model_choice(choice: ModelChoice) -> None:
    """Refuse a ``--model`` that cannot work before the server starts: an engine that does not
    exist, or a path that is no model folder (no translations file, for ``imported``). Both
    were offered in the Translate tab and failed only when a visitor picked them.

    Raises:
        UserInputError: naming the ``--model`` and what is wrong.
    """
    from workbench.pipeline.translate import model_problem

    if problem := model_problem(choice.engine, choice.model):
        raise UserInputError(f"--model {choice.engine}:{choice.model}: {problem}.")


def exposure_warning(host: str, auth: tuple[str, str] | None, share: bool) -> str | None:
    """A loud warning when the app is reachable from other machines without a password."""
    if auth is not None:
        return None
    if share:
        where = "through a public gradio.live link"
    elif not is_loopback(host):
        where = f"on {host}, from other machines"
    else:
        return None
    bar = "!" * 78
    return (
        f"{bar}\nWARNING: the workbench is served {where} WITHOUT a password: anyone who can "
        "reach it can translate,\nread and change judgments and post-edits. Add "
        "--auth USER:PASSWORD, or serve on 127.0.0.1.\n" + bar
    )


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
