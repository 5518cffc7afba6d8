"""A time budget for one piece of work, enforced inside the process.

    with deadline(30, what="article nyt_2016-09-16.txt"):
        run_every_stage(story)          # raises ArticleTimeout after 30 s

Two ways to stop the work, chosen per call:

- In the main thread, when no one else has an interval timer running, ``SIGALRM`` (``setitimer``): it also
  interrupts blocking calls such as ``time.sleep`` or a read.
- Elsewhere (a Ray actor's thread, a web server thread, or under a caller's own alarm), one watchdog thread
  per process raises an exception in the late thread (``PyThreadState_SetAsyncExc``). It takes effect at the
  thread's next Python instruction, so it stops any loop written in Python, but not a single C call that
  never returns.

Neither can stop C code that holds the interpreter (a regular expression that backtracks forever): for that,
the local corpus engine runs articles in worker processes and replaces a worker that overruns
(``corpus.run_local``). ``seconds`` of 0 or None means no budget.

The exception used to unwind the work derives from ``BaseException``, so a stage's ``except Exception``
cannot swallow it; ``deadline`` turns it into ``ArticleTimeout`` (an ``EventwireError``) at its own edge.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from contextlib import contextmanager

from .errors import ArticleTimeout


class _Expired(BaseException):
    """Raised inside the late work; never escapes ``deadline``."""


@contextmanager
def deadline(seconds: float | None, *, what: str = "article"):
    if not seconds or seconds <= 0:
        yield
        return
    use_alarm = threading.current_thread() is threading.main_thread() and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    try:
        if use_alarm:
            with _alarm(seconds):
                yield
        else:
            with _WATCHDOG.armed(seconds):
                yield
    except _Expired:
        raise ArticleTimeout(f"{what} took longer than its time budget of {seconds:g} s (setting "
                             "article_timeout); it was stopped and the rest of the run goes on") from None


@contextmanager
def _alarm(seconds: float):
    def expire(signum, frame):
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Watchdog:
    """One daemon thread per process that raises ``_Expired`` in threads whose deadline has passed."""

    def __init__(self):
        self._cond = threading.Condition()
        self._due: dict[int, tuple[float, object]] = {}  # thread id -> (monotonic deadline, token)
        self._thread: threading.Thread | None = None
        self._pid = None

    @contextmanager
    def armed(self, seconds: float):
        tid, token = threading.get_ident(), object()
        with self._cond:
            self._start()
            self._due[tid] = (time.monotonic() + seconds, token)
            self._cond.notify()
        try:
            yield
        finally:
            with self._cond:
                mine = self._due.get(tid)
                if mine is not None and mine[1] is token:
                    del self._due[tid]
                    fired = False
                else:
                    fired = True
            if fired:  # the watchdog fired as the work ended: drop the exception if it is still pending
                _set_async_exc(tid, None)

    def _start(self) -> None:
        import os

        if self._thread is not None and self._thread.is_alive() and self._pid == os.getpid():
            return
        self._pid = os.getpid()  # a forked child has no watchdog thread: start its own
        self._due.clear()
        self._thread = threading.Thread(target=self._run, name="eventwire-deadline", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for tid, (when, _) in list(self._due.items()):
                    if when <= now:
                        del self._due[tid]
                        _set_async_exc(tid, _Expired)
                nearest = min((when for when, _ in self._due.values()), default=None)
                self._cond.wait(None if nearest is None else max(0.005, nearest - now))


def _set_async_exc(tid: int, exc) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(exc) if exc else None)


_WATCHDOG = _Watchdog()
