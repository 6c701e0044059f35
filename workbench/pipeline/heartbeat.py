"""A thread that says the work goes on while one long step gives no news.

The embedder reports only around each call and one call embeds a whole batch, so the counts
stand still while it runs ("Aligning: 0/89 sentences and clauses embedded" for 22 s in ux12's
walk). :class:`Heartbeat` beats meanwhile, for the Compare tab's message and for
``workbench compare``'s bar alike. Standard library only: the CLI imports it at start.
"""

from __future__ import annotations

import contextvars
import logging
import threading
from collections.abc import Callable

log = logging.getLogger("workbench")

#: ``wait(stop, seconds)``: block until ``stop`` is set or ``seconds`` have passed; ``True`` when
#: ``stop`` is set. The pause between two beats: ``stop.wait(seconds)`` unless a test drives it.
Wait = Callable[[threading.Event, float], bool]


def _event_wait(stop: threading.Event, seconds: float) -> bool:
    return stop.wait(seconds)


class Heartbeat:
    """``beat()`` every ``every`` seconds on a thread of its own, from :meth:`start` to :meth:`stop`.

    The thread runs in a copy of the context of the thread that starts it (gradio finds the event
    to update through context variables). An exception in ``beat`` ends the heartbeat, never the
    work it reports on (logged at debug level). Nothing is beaten once :meth:`stop` has returned,
    and a heartbeat once stopped never starts again.

    Args:
        every: Seconds between two beats.
        beat: What to do at each beat.
        name: The thread's name.
        wait: The pause between two beats (see :data:`Wait`); tests pass one they release beat
            by beat, so they need no sleeps and no wall-clock limits.
    """

    def __init__(
        self,
        every: float,
        beat: Callable[[], None],
        *,
        name: str = "heartbeat",
        wait: Wait | None = None,
    ) -> None:
        self.every = every
        self._beat = beat
        self._name = name
        self._wait = wait or _event_wait
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start beating (nothing happens when it is running already or has been stopped)."""
        with self._lock:
            if self._thread is not None or self._stop.is_set():
                return
            context = contextvars.copy_context()
            self._thread = threading.Thread(
                target=context.run, args=(self._run,), name=self._name, daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """Stop beating; returns once the thread has ended (a beat under way is finished)."""
        with self._lock:
            self._stop.set()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while not self._wait(self._stop, self.every):
            try:
                self._beat()
            except Exception:  # a heartbeat never ends the work
                log.debug("%s stopped", self._name, exc_info=True)
                return
