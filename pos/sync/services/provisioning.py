"""Re-provisioning a replaced counter: go on from the head office's last numbers.

A counter replaced with a fresh data directory but the same terminal id would
start every sequence at 1 again, repeating receipt, credit-note, tax-invoice,
shift and Z numbers the head office already holds (which it refuses as
``number_reused``, and which the Revenue Department does not allow).
:func:`continue_numbers` asks the head office (``GET /v1/terminal/numbers``)
and raises each local counter to at least its last serial, in one
transaction with an audit record; a counter already ahead stays as it is.
The serials are also remembered (``counter.hq_last``): the store then
refuses to take a number at or below them (``NumberBehindError``).
"""

from __future__ import annotations

from collections.abc import Callable

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.sync.domain.protocol import NumberRaised
from pos.sync.ports import HeadOffice, SyncUnitOfWork
from pos.sync.wire import NUMBER_SEQUENCES


class ProvisioningError(ValueError):
    """The head office's numbers are for another terminal: nothing was changed."""


def counter_of(sequence: str, terminal: str) -> str:
    """The local counter of a sequence: ``receipt:POS01`` (as numbering and shifts name it)."""
    return f"{sequence}:{terminal}"


def continue_numbers(
    uow_factory: Callable[[], SyncUnitOfWork], head_office: HeadOffice, clock: Clock
) -> list[NumberRaised]:
    """Fetch the terminal's last numbers and raise the local counters to them (see above)."""
    numbers = head_office.numbers()
    with uow_factory() as uow:
        terminal = uow.settings.load().terminal_id
        if numbers.terminal != terminal:
            raise ProvisioningError(
                f"the head office knows this token as terminal {numbers.terminal!r} but this"
                f" counter is {terminal!r}: set terminal_id (otop-pos settings set terminal_id"
                f" {numbers.terminal}) or use that terminal's token; nothing was changed"
            )
        wanted = {
            counter_of(name, terminal): numbers.last.get(name, 0) for name in NUMBER_SEQUENCES
        }
        raised = uow.outbox.continue_numbers(wanted)
        uow.audit.record(
            AuditEvent(
                AuditAction.SETTINGS_CHANGED,
                clock.now(),
                None,
                reference=terminal,
                detail={
                    "key": "numbers",
                    "head_office": dict(wanted),
                    "before": {r.counter: r.before for r in raised},
                    "after": {r.counter: r.after for r in raised},
                },
            )
        )
        uow.commit()
    return raised
