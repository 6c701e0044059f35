"""A clock and a heartbeat pause that a test moves by hand, so heartbeat tests need no sleeps.

:class:`workbench.pipeline.heartbeat.Heartbeat` waits between two beats with a ``wait(stop,
seconds)`` it is given; :class:`ManualTicks` gives one that returns only when the test says
:meth:`~ManualTicks.beat` (or when the heartbeat is stopped), and a clock that moves only by
:meth:`~ManualTicks.advance`. What the tests prove (a beat each second of a long call, none
between calls, none after the end) then holds on a loaded machine, in milliseconds.
"""

from __future__ import annotations

import threading
import time

#: A heartbeat that has not come back after this many seconds is a failed test, not a hang.
PATIENCE = 60.0


class ManualTicks:
    """``clock()`` and ``wait(stop, seconds)`` for one heartbeat thread, driven by the test."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self._cond = threading.Condition()
        self._waits = 0  # how many times the heartbeat has begun a pause
        self._release = False
        self._thread: threading.Thread | None = None  # the heartbeat's

    def clock(self) -> float:
        with self._cond:
            return self.now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass on :meth:`clock`."""
        with self._cond:
            self.now += seconds

    def wait(self, stop: threading.Event, seconds: float) -> bool:
        """The heartbeat's pause: until :meth:`beat` releases it or ``stop`` is set."""
        with self._cond:
            self._thread = threading.current_thread()
            self._waits += 1
            self._cond.notify_all()
            # ``stop`` is an Event this condition hears nothing of: look at it now and then
            while not self._release and not stop.is_set():
                self._cond.wait(0.01)
            self._release = False
            return stop.is_set()

    def beat(self) -> None:
        """One beat: returns once the heartbeat has beaten and begun its next pause.

        Fails (at once, not after :data:`PATIENCE`) when the heartbeat thread ended during the
        beat: its ``beat`` raised, and :class:`~workbench.pipeline.heartbeat.Heartbeat` stops on
        an exception.
        """
        with self._cond:
            begun = self._cond.wait_for(lambda: self._waits > 0 and not self._release, PATIENCE)
            assert begun, "the heartbeat never began to wait"
            before = self._waits
            self._release = True
            self._cond.notify_all()
            deadline = time.monotonic() + PATIENCE
            thread = self._thread
            while self._waits == before and thread is not None and thread.is_alive():
                assert time.monotonic() < deadline, "the heartbeat did not come back from its beat"
                self._cond.wait(0.01)
            assert self._waits > before, "the heartbeat ended during its beat (its beat raised?)"
