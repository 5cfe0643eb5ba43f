"""Records the head office refuses, on a real counter store: set aside with the reason and
the field, never resent by themselves; a resendable refusal (``server_fault``) goes again
in a later run, not in the same one; ``otop-pos sync retry`` puts records set aside back;
and ``sync configure`` continues a replaced counter's numbers from the head office's.

The head office is the in-memory one (tests/fakes) behind :class:`Refusing`, which refuses
chosen records with a chosen reason and field as the real one does, record by record.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from cli.main import main
from pos.audit import AuditEvent
from pos.bootstrap import AppContext, open_context, sync_now, sync_units
from pos.clock import SystemClock
from pos.sale.domain.numbering import NumberBehindError
from pos.store.database import DATABASE_FILENAME, raw_connection
from pos.sync.domain.protocol import QueuedRecord, RetryPolicy
from pos.sync.services.provisioning import ProvisioningError, continue_numbers
from pos.sync.services.sync_run import SyncOutcome, SyncReport
from pos.sync.wire import Acknowledgement, Rejection, RejectReason
from tests.fakes.head_office import FakeHeadOffice
from tests.sync_helpers import outbox_rows, simulated_counter

QUICK = RetryPolicy(first_seconds=0.01, cap_seconds=0.02, give_up_after_seconds=0.2)
Refuse = Callable[[QueuedRecord], tuple[RejectReason, str] | None]


class Refusing(FakeHeadOffice):
    """Refuses what ``refuse`` names (reason, field) and stores the rest; counts what came."""

    def __init__(self, refuse: Refuse | None = None) -> None:
        super().__init__()
        self.refuse = refuse
        self.seen: Counter[str] = Counter()

    def send_batch(
        self, batch_id: uuid.UUID, terminal: str, records: Sequence[QueuedRecord]
    ) -> Acknowledgement:
        self.seen.update(record.record_id for record in records)
        verdicts = {r.record_id: self.refuse(r) if self.refuse else None for r in records}
        kept = [r for r in records if verdicts[r.record_id] is None]
        ack = super().send_batch(batch_id, terminal, kept)
        refused = tuple(
            Rejection(uuid.UUID(record_id), verdict[0], f"refused: {verdict[1]}", verdict[1])
            for record_id, verdict in verdicts.items()
            if verdict is not None
        )
        return Acknowledgement(
            ack.batch_id,
            ack.terminal,
            ack.received_at,
            ack.accepted,
            ack.duplicates,
            ack.rejected + refused,
        )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("set-aside") / "data"
    context, _ = simulated_counter(data_dir, days=1, sales_per_day=12)
    context.close()
    return data_dir


@pytest.fixture
def counter(template: Path, tmp_path: Path) -> Iterator[AppContext]:
    data_dir = tmp_path / "counter"
    shutil.copytree(template, data_dir)
    context = open_context(data_dir)
    yield context
    context.close()


def _sync(context: AppContext, office: FakeHeadOffice) -> SyncReport:
    return sync_now(context, head_office=office, policy=QUICK, batch_size=5)


def _z_reports(context: AppContext) -> set[str]:
    assert context.data_dir is not None
    return {r["record_uuid"] for r in outbox_rows(context.data_dir) if r["kind"] == "z_report"}


def _cli(context: AppContext, *args: str) -> int:
    return main(["--data-dir", str(context.data_dir), "sync", *args])


def test_a_refused_record_is_set_aside_with_its_field_shown_and_never_resent_until_retried(
    counter: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    office = Refusing(
        lambda r: (RejectReason.NUMBER_REUSED, "number") if r.kind == "z_report" else None
    )
    (z_id,) = _z_reports(counter)
    first = _sync(counter, office)
    assert first.outcome is SyncOutcome.ATTENTION and first.set_aside == 1
    assert first.waiting == 0  # everything else went through
    assert len(office.records) == len(outbox_rows(counter.data_dir)) - 1  # type: ignore[arg-type]
    second = _sync(counter, office)
    assert office.seen[z_id] == 1 and second.set_aside == 1  # not sent again by itself
    assert _cli(counter, "status") == 0
    shown = capsys.readouterr().out
    line = next(line for line in shown.splitlines() if z_id in line)
    assert line.lstrip().startswith("z_report") and "number_reused" in line
    assert "[field number]" in line and "refused: number" in line
    assert "เลขที่เอกสาร" in line and "another record of this terminal" in line
    office.refuse = None  # the head office (or the record's cause) was fixed
    assert _cli(counter, "retry") == 0
    assert "1 record(s) queued again" in capsys.readouterr().out
    third = _sync(counter, office)
    assert third.outcome is SyncOutcome.DONE and third.set_aside == 0
    assert office.seen[z_id] == 2 and z_id in office.records


def test_retry_with_ids_puts_back_only_those(
    counter: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    office = Refusing(lambda r: (RejectReason.INVALID_PAYLOAD, "x") if r.kind == "shift" else None)
    _sync(counter, office)
    _, reader = sync_units(counter)
    with reader() as uow:
        refused = [r.record_id for r in uow.outbox.rejected()]
    assert len(refused) >= 2
    assert _cli(counter, "retry", str(refused[0])) == 0
    with reader() as uow:
        assert [r.record_id for r in uow.outbox.rejected()] == refused[1:]
    assert _cli(counter, "retry", "not-a-uuid") == 2
    assert "UUIDs" in capsys.readouterr().err


def test_a_server_fault_keeps_the_record_waiting_for_a_later_run_not_this_one(
    counter: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    faults = {"on": True}
    office = Refusing(
        lambda r: (RejectReason.SERVER_FAULT, "") if r.kind == "z_report" and faults["on"] else None
    )
    (z_id,) = _z_reports(counter)
    first = _sync(counter, office)
    assert office.seen[z_id] == 1  # once in the run, not in a loop
    assert first.set_aside == 0 and first.waiting == 1
    assert _cli(counter, "status") == 0
    shown = capsys.readouterr().out
    assert "to resend:       1" in shown and "server_fault" in shown
    faults["on"] = False
    second = _sync(counter, office)
    assert office.seen[z_id] == 2 and z_id in office.records
    assert second.outcome is SyncOutcome.DONE and second.waiting == 0
    _, reader = sync_units(counter)
    with reader() as uow:
        assert uow.outbox.held() == [] and uow.outbox.rejected() == []


def _counter_value(context: AppContext, name: str) -> tuple[int, int]:
    assert context.data_dir is not None
    with raw_connection(context.data_dir / DATABASE_FILENAME) as connection:
        row = connection.execute(
            "SELECT value, hq_last FROM counter WHERE name = ?", (name,)
        ).fetchone()
    return (row[0], row[1]) if row else (0, 0)


def test_a_replaced_counter_continues_the_head_offices_numbers_and_never_lowers_one(
    counter: AppContext,
) -> None:
    terminal = counter.settings().terminal_id
    receipts, _ = _counter_value(counter, f"receipt:{terminal}")
    office = FakeHeadOffice(terminal_name=terminal)
    office.last_numbers = {"receipt": receipts + 40, "z_report": 7, "shift": 0}
    writer, _ = sync_units(counter)
    raised = {
        r.counter: (r.before, r.after) for r in continue_numbers(writer, office, SystemClock())
    }
    assert raised[f"receipt:{terminal}"] == (receipts, receipts + 40)
    assert raised[f"z_report:{terminal}"][1] >= 7
    shifts_before, _ = _counter_value(counter, f"shift:{terminal}")
    assert raised[f"shift:{terminal}"] == (shifts_before, shifts_before)  # never lowered
    assert _counter_value(counter, f"receipt:{terminal}") == (receipts + 40, receipts + 40)
    with counter.uow_factory() as uow:  # the next number follows the head office's
        assert uow.counters.next_value(f"receipt:{terminal}") == receipts + 41
    events = [e for e in _audit(counter) if e.detail.get("key") == "numbers"]
    assert events and events[-1].detail["after"][f"receipt:{terminal}"] == receipts + 40


def test_a_number_the_head_office_holds_is_never_taken(counter: AppContext) -> None:
    terminal = counter.settings().terminal_id
    name = f"receipt:{terminal}"
    office = FakeHeadOffice(terminal_name=terminal)
    office.last_numbers = {"receipt": 500}
    writer, _ = sync_units(counter)
    continue_numbers(writer, office, SystemClock())
    assert counter.data_dir is not None
    with raw_connection(counter.data_dir / DATABASE_FILENAME) as connection:
        connection.execute("UPDATE counter SET value = 10 WHERE name = ?", (name,))  # an old copy
        connection.commit()
    with counter.uow_factory() as uow, pytest.raises(NumberBehindError, match="sync configure"):
        uow.counters.next_value(name)
    assert _counter_value(counter, name) == (10, 500)  # nothing taken


def test_numbers_of_another_terminal_change_nothing(counter: AppContext) -> None:
    terminal = counter.settings().terminal_id
    office = FakeHeadOffice(terminal_name="OTHER")
    office.last_numbers = {"receipt": 900}
    writer, _ = sync_units(counter)
    before = _counter_value(counter, f"receipt:{terminal}")
    with pytest.raises(ProvisioningError, match="OTHER"):
        continue_numbers(writer, office, SystemClock())
    assert _counter_value(counter, f"receipt:{terminal}") == before


def _audit(context: AppContext) -> list[AuditEvent]:
    with context.uow_factory() as uow:
        return uow.audit.between(
            dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
        )
