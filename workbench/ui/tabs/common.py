"""What every tab uses: turning user errors into one message, the "unavailable" notice."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import gradio as gr

from workbench.errors import WorkbenchError
from workbench.ui.features import missing, unavailable_message
from workbench.ui.render import esc
from workbench.ui.wording import in_ui_terms

log = logging.getLogger("workbench")

F = TypeVar("F", bound=Callable[..., Any])


#: How long an error toast stays: until the user closes it (``None``). At gradio's default
#: (10 s) a message shown while the user looked elsewhere was gone before it was read.
ERROR_DURATION: float | None = None


def guarded(fn: F) -> F:
    """Show a :class:`WorkbenchError` as one escaped message (``gr.Error``), never a traceback.

    The message is in UI terms (:func:`workbench.ui.wording.in_ui_terms`) and stays until the
    user closes it; the outputs keep what they showed (``style.css`` hides gradio's opaque
    "Error" cover over them). Unexpected exceptions are logged with their traceback on the
    server and shown as one generic sentence.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except WorkbenchError as err:
            log.info("user error in %s: %s", fn.__name__, err)
            raise gr.Error(
                esc(in_ui_terms(str(err))), duration=ERROR_DURATION, print_exception=False
            ) from err
        except Exception as err:
            log.exception("unexpected failure in %s", fn.__name__)
            raise gr.Error(
                esc(
                    f"Something went wrong ({type(err).__name__}: {err}); "
                    "the server log has the details."
                ),
                duration=ERROR_DURATION,
                print_exception=False,
            ) from err

    return wrapper  # type: ignore[return-value]


def progress_adapter(progress: Any) -> Callable[[float, str], None]:
    """Adapt a ``gr.Progress`` to the handlers' ``progress(fraction, message)``."""

    def report(fraction: float, message: str) -> None:
        progress(max(0.0, min(1.0, fraction)), desc=message)

    return report


def unavailable(feature: str, *requirements: str, elem_id: str) -> bool:
    """Show a notice and return True when ``requirements`` are missing from this build."""
    gone = missing(*requirements)
    if gone:
        gr.Markdown(
            unavailable_message(feature, gone), elem_id=elem_id, elem_classes="wb-unavailable"
        )
    return bool(gone)


@dataclass
class Shared:
    """Components and state one tab offers to others (e.g. translations to evaluate)."""

    translations: Any = None  # gr.State holding the latest TranslateResult
    cli_inputs: tuple[Any, ...] = ()  # Translate controls the Models tab turns into a command
    #: ``(component, choices)`` of every model menu (the Translate tab's checkboxes, Compare's
    #: machine translation model): refreshed after a pull or a convert and on every page load,
    #: so a model folder copied into ``<home>/models`` while serving is offered.
    model_lists: list[tuple[Any, Callable[[], Any]]] = field(default_factory=list)
    #: ``(fn, outputs)`` run when a page loads: lists read from disk (models, cases) as they are
    #: now, not as they were when ``serve`` started.
    on_load: list[tuple[Callable[[], Any], list[Any]]] = field(default_factory=list)


def in_place(n_outputs: int) -> Callable[[F], F]:
    """Like :func:`guarded`, but the message stays in the tab's error panel until dismissed.

    The wrapped handler returns ``n_outputs`` values; the wrapper returns two more first: the
    error panel's visibility and its text (see :func:`error_panel`). On success the panel is
    hidden; on a :class:`WorkbenchError` it shows the message in UI terms and every other
    output is left as it was (no red "Error" badges, nothing lost).
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                got = fn(*args, **kwargs)
            except WorkbenchError as err:
                log.info("user error in %s: %s", fn.__name__, err)
                text = error_html(err)
            except Exception as err:
                log.exception("unexpected failure in %s", fn.__name__)
                text = error_html(
                    f"Something went wrong ({type(err).__name__}); the server log has the details."
                )
            else:
                values = got if isinstance(got, tuple) else (got,)
                if len(values) == n_outputs + 2:  # the handler set the panel itself
                    return values
                return (gr.update(visible=False), "", *values)
            return (gr.update(visible=True), text, *[gr.skip()] * n_outputs)

        return wrapper  # type: ignore[return-value]

    return decorate


def error_html(err: object) -> str:
    """An error message for an error panel: in UI terms, escaped, marked as an alert."""
    return f'<p class="wb-error-text" role="alert">⚠ {esc(in_ui_terms(str(err)))}</p>'


def hide() -> Any:
    """An update that hides a component (the error panel's Dismiss)."""
    return gr.update(visible=False)
