"""Writing the till's carts to the store after every change, without making the cashier wait.

Every change to the cart on the counter (a scan, a quantity, a discount, hold,
recall) hands the journal a :class:`pos.till.domain.rules.SavedCart` snapshot, with the
audit events that go with the change.  A single writer thread commits them in
order, each in one transaction (snapshot and audit events together, so the
audit trail and the cart never disagree), with SQLite in WAL mode and
``synchronous=FULL``: once written, a change survives a crash or a power cut.

Why a thread: the commit waits for the disk (an fsync).  On the development
machine that is ~0.3 ms, on a counter PC's eMMC or an old hard disk it can be
10-30 ms — more than a frame.  The scan path therefore never waits for it; the
change is on disk a moment after it is on screen (``./run.sh bench`` reports
the scan-to-durable time).  With ``settle_seconds`` the writer first lets the
screen paint (Python threads share one interpreter lock, and a write running
during the paint delays it).  Snapshots of the same cart that queue up
meanwhile are merged: only the newest is written, with all their events.

A failed write (disk full, store locked) stays queued and is retried with the
next change or after a short pause; ``on_error`` tells the screen, which warns
the cashier.  :meth:`CartJournal.exclusive` lets checkout write a sale and
remove the cart in one transaction of its own, with nothing of the journal's in
between.  With ``background=False`` writes happen on the caller's thread (unit
tests on the in-memory fakes, which are not thread-safe).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from pos.audit import AuditEvent
from pos.ids import CartUuid
from pos.till.domain.rules import SavedCart
from pos.unit_of_work import UnitOfWork

RETRY_PAUSE_SECONDS = 0.5


@dataclass
class _Pending:
    """What is still to be written for one cart: its newest state and every event since."""

    snapshot: SavedCart | None  # None: remove the cart from the store
    events: list[AuditEvent] = field(default_factory=list)


class CartJournal:
    """Durable, ordered, write-behind saving of cart snapshots and their audit events."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        *,
        background: bool = True,
        on_error: Callable[[Exception], None] | None = None,
        on_written: Callable[[SavedCart | None], None] | None = None,
        settle_seconds: float = 0.0,
    ):
        self._uow_factory = uow_factory
        self.on_error = on_error  # called on the writer thread
        self.on_written = on_written  # called on the writer thread
        self._settle = settle_seconds
        self._pending: OrderedDict[CartUuid, _Pending] = OrderedDict()
        self._written: dict[CartUuid, SavedCart] = {}
        self._condition = threading.Condition()
        self._write_lock = threading.Lock()  # held while a transaction is open
        self._busy = False
        self._closing = False
        self._arrivals = 0  # changes queued so far: tells the settling writer about new ones
        self.failures = 0
        self._thread: threading.Thread | None = None
        if background:
            self._thread = threading.Thread(target=self._run, name="cart-journal", daemon=True)
            self._thread.start()

    # --- what the till calls --------------------------------------------------------------
    def save(self, snapshot: SavedCart, events: Sequence[AuditEvent] = ()) -> None:
        """Queue the cart's new state (and the events of the change that made it)."""
        self._queue(snapshot.cart_uuid, snapshot, events)

    def remove(self, cart_uuid: CartUuid, events: Sequence[AuditEvent] = ()) -> None:
        """Queue the removal of a cart from the store (emptied or cleared)."""
        self._queue(cart_uuid, None, events)

    def record(self, events: Sequence[AuditEvent]) -> None:
        """Queue audit events that belong to no cart (log-in, log-out)."""
        self._queue(CartUuid(""), None, events)

    def known(self, saved: SavedCart) -> None:
        """Tell the journal what the store holds of a cart read back (restored, recalled)."""
        with self._condition:
            self._written[saved.cart_uuid] = saved

    def flush(self, timeout: float | None = 10.0) -> bool:
        """Wait until everything queued is written; False if that did not happen in time."""
        if self._thread is None:
            self._drain()
            return not self._pending
        with self._condition:
            return self._condition.wait_for(
                lambda: not self._pending and not self._busy, timeout=timeout
            )

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Flush, then keep the writer out while the caller writes its own transaction."""
        if not self.flush():
            raise TimeoutError("the cart could not be saved; check the disk")
        with self._write_lock:
            yield

    def forget(self, cart_uuid: CartUuid) -> None:
        """The caller removed the cart itself (checkout): nothing of it is known any more."""
        with self._condition:
            self._written.pop(cart_uuid, None)
            self._pending.pop(cart_uuid, None)

    @property
    def pending(self) -> int:
        with self._condition:
            return len(self._pending) + (1 if self._busy else 0)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued, then stop the writer."""
        self.flush(timeout)
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)

    # --- the writer -----------------------------------------------------------------------
    def _queue(
        self, key: CartUuid, snapshot: SavedCart | None, events: Sequence[AuditEvent]
    ) -> None:
        with self._condition:
            pending = self._pending.get(key)
            if pending is None:
                self._pending[key] = _Pending(snapshot, list(events))
            else:
                pending.snapshot = snapshot
                pending.events.extend(events)
            self._arrivals += 1
            self._condition.notify_all()
        if self._thread is None:
            self._drain()

    def _drain(self) -> None:
        while self._write_next():
            pass

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending or self._closing)
                if self._closing and not self._pending:
                    return
            self._let_settle()
            if not self._write_next():
                with self._condition:  # failed: pause, unless a newer change arrives first
                    self._condition.wait(RETRY_PAUSE_SECONDS)

    def _let_settle(self) -> None:
        """Wait until no change has come for ``settle_seconds`` (at most 10 times that).

        The screen paints the change just made in those milliseconds; writing
        meanwhile would compete with it for the interpreter.  Changes that come
        in a quick burst (several scans) are written together.
        """
        if self._settle <= 0:
            return
        deadline = time.monotonic() + 10 * self._settle
        with self._condition:
            while not self._closing and time.monotonic() < deadline:
                count = self._arrivals
                self._condition.wait(self._settle)
                if self._arrivals == count:
                    return

    def _write_next(self) -> bool:
        """Write the oldest queued item; False when there was none or the write failed."""
        with self._condition:
            if not self._pending:
                return False
            key, item = self._pending.popitem(last=False)
            previous = self._written.get(key)
            self._busy = True
        try:
            with self._write_lock:
                self._write(key, item, previous)
        except Exception as error:  # the store refused: keep it for the next try
            self._requeue(key, item)
            self.failures += 1
            if self.on_error is not None:
                self.on_error(error)
            return False
        finally:
            with self._condition:
                self._busy = False
                self._condition.notify_all()
        if self.on_written is not None:
            self.on_written(item.snapshot)
        return True

    def _write(self, key: CartUuid, item: _Pending, previous: SavedCart | None) -> None:
        with self._uow_factory() as uow:
            if item.snapshot is not None:
                uow.carts.save(item.snapshot, previous)
            elif key:
                uow.carts.delete(key)
            for event in item.events:
                uow.audit.record(event)
            uow.commit()
        with self._condition:
            if item.snapshot is not None:
                self._written[key] = item.snapshot
            else:
                self._written.pop(key, None)

    def _requeue(self, key: CartUuid, item: _Pending) -> None:
        with self._condition:
            newer = self._pending.pop(key, None)
            if newer is not None:  # a newer state arrived meanwhile: it wins, events in order
                item = _Pending(newer.snapshot, item.events + newer.events)
            self._pending[key] = item
            self._pending.move_to_end(key, last=False)
