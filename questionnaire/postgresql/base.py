"""Django's PostgreSQL backend with a client-side deadline on every round trip.

A server that freezes on an open connection (a paused VM, a partition, an I/O stall, a
stopped process) never answers and never closes: the kernel may even go on
acknowledging packets, so neither libpq's keepalives nor `tcp_user_timeout` fire, and
the server's own `statement_timeout` cannot run. Without a deadline here a request
waits until nginx gives up (35 s), and nginx then marks every instance down.

So each query, commit, rollback and health ping runs under a deadline
(DJANGO_DB_QUERY_DEADLINE_MS, a little over the server's statement_timeout). A watchdog
thread shuts the connection's socket down when one passes: libpq sees the connection
closed, psycopg raises OperationalError, Django closes the connection, and the callers'
usual failure paths take over (the results page answers from memory, rules/editor/texts.py;
/healthz says 503). Only the socket of the one late connection is touched.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import socket
import threading
import time
from contextlib import contextmanager

from django.db.backends.postgresql import base

log = logging.getLogger(__name__)


class _Watchdog:
    """One thread per process: a heap of (deadline, ticket, socket fd)."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, int]] = []
        self._live: set[int] = set()
        self._lock = threading.Condition()
        self._tickets = itertools.count()
        self._thread: threading.Thread | None = None
        self._pid = 0

    def _ensure_thread(self) -> None:
        if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
            self._pid = os.getpid()  # after a fork (gunicorn) the thread is gone
            self._thread = threading.Thread(target=self._run, name="db-deadline", daemon=True)
            self._thread.start()

    def arm(self, fd: int, seconds: float) -> int:
        with self._lock:
            self._ensure_thread()
            ticket = next(self._tickets)
            heapq.heappush(self._heap, (time.monotonic() + seconds, ticket, fd))
            self._live.add(ticket)
            self._lock.notify()
            return ticket

    def disarm(self, ticket: int) -> None:
        with self._lock:
            self._live.discard(ticket)

    def _run(self) -> None:
        while True:
            with self._lock:
                while self._heap and self._heap[0][1] not in self._live:
                    heapq.heappop(self._heap)  # finished in time
                if not self._heap:
                    self._lock.wait()
                    continue
                due, ticket, fd = self._heap[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self._lock.wait(wait)
                    continue
                heapq.heappop(self._heap)
                self._live.discard(ticket)
            _cut(fd)


def _cut(fd: int) -> None:
    """Shut the connection down (both ways) without closing the descriptor libpq owns."""
    try:
        sock = socket.socket(fileno=os.dup(fd))
    except OSError:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
        log.error("database: no answer within the deadline; the connection was cut")
    except OSError:
        pass
    finally:
        sock.close()


_watchdog = _Watchdog()
PING_DEADLINE_SECONDS = 0.5


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(self._execute_with_deadline)

    @property
    def deadline_seconds(self) -> float:
        return float(self.settings_dict.get("QUERY_DEADLINE_MS") or 0) / 1000

    @contextmanager
    def deadline(self, seconds: float | None = None):
        seconds = self.deadline_seconds if seconds is None else seconds
        fd = None
        if seconds and self.connection is not None:
            try:
                fd = self.connection.pgconn.socket
            except Exception:  # closed, or not a live connection
                fd = None
        if fd is None:
            yield
            return
        ticket = _watchdog.arm(fd, seconds)
        try:
            yield
        finally:
            _watchdog.disarm(ticket)

    def _execute_with_deadline(self, execute, sql, params, many, context):
        with self.deadline():
            return execute(sql, params, many, context)

    def is_usable(self):
        # The ping before a kept connection is reused (CONN_HEALTH_CHECKS) is a SELECT 1:
        # half a second is plenty (a late ping only costs a new connection), and a failed
        # ping is followed by a new connection (connect_timeout, 2 s), so a frozen server
        # costs about 0.5 + 2 s, within the 3 s the results page must answer in (with 1 s
        # here the review's freeze measured 3.0 to 3.05 s).
        with self.deadline(min(PING_DEADLINE_SECONDS, self.deadline_seconds)):
            return super().is_usable()

    def _commit(self):
        with self.deadline():
            return super()._commit()

    def _rollback(self):
        with self.deadline():
            return super()._rollback()

    def _set_autocommit(self, autocommit):
        with self.deadline():
            return super()._set_autocommit(autocommit)
