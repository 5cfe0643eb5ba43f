"""What the sync has done and what waits: for ``otop-pos sync status`` and the till's header.

:func:`sync_status` reads it all through the reader (no write lock): the
settings, the state row (last success, last run and its outcome, the
catalogue cursor), the records waiting by kind, the records set aside with
the head office's reasons, and a batch sent without an answer yet.  It is a
handful of indexed reads — the outbox's waiting and rejected rows have their
own partial indexes — so the header can refresh it every minute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pos.clock import THAI_TIME
from pos.sync.domain.protocol import OpenBatch, RejectedRecord, SyncState, WaitingCounts
from pos.sync.domain.reasons import reason_english, reason_thai
from pos.sync.domain.sync_settings import SyncSettings
from pos.sync.ports import SyncUnitOfWork


@dataclass(frozen=True)
class SyncStatus:
    settings: SyncSettings
    terminal: str
    state: SyncState
    waiting: WaitingCounts
    rejected: tuple[RejectedRecord, ...]
    open_batch: OpenBatch | None
    held: tuple[RejectedRecord, ...] = ()  # refused for a resendable reason: go again later
    running: bool = False  # a run holds the lock now (the caller looked)

    @property
    def interrupted(self) -> bool:
        """A run started and never ended (killed, or the machine died) and none runs now."""
        return self.state.run_started_at_utc is not None and not self.running

    @property
    def last_outcome(self) -> str:
        """The last run's outcome as it stands: "interrupted" and "running" before the
        outcome an earlier run stored."""
        if self.running:
            return "running"
        return "interrupted" if self.interrupted else self.state.last_outcome

    @property
    def last_success(self) -> dt.datetime | None:
        return _time(self.state.last_success_at_utc)

    @property
    def last_attempt(self) -> dt.datetime | None:
        return _time(self.state.last_attempt_at_utc)

    @property
    def healthy(self) -> bool:
        """Nothing set aside, and the last run went through (or none has run yet)."""
        return not self.waiting.rejected and self.last_outcome in ("", "done", "running")

    def lines(self) -> list[str]:
        """The status as text lines (English; the GUI words its own)."""
        settings, state = self.settings, self.state
        lines = [
            f"terminal:        {self.terminal}",
            f"head office:     {settings.hq_url or '(not set)'}",
            f"nightly at:      {settings.nightly_at or 'off'}"
            f"{' and after each Z report' if settings.after_z else ''}",
            f"last success:    {_shown(self.last_success)}",
            _last_run_line(self),
        ]
        if state.last_summary:
            lines.append(f"                 {state.last_summary}")
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.waiting.by_kind.items()))
        lines.append(f"waiting:         {self.waiting.total}{f' ({kinds})' if kinds else ''}")
        if state.backfill_pending:
            lines.append("                 + records from before the upgrade, queued at next run")
        if self.open_batch is not None:
            batch = self.open_batch
            lines.append(
                f"unanswered batch {batch.batch_id} ({batch.record_count} records, "
                f"{batch.attempts} attempt(s)): {batch.last_error or '-'}"
            )
        lines.append(f"catalogue:       changes applied up to {state.catalogue_cursor}")
        lines.append(f"set aside:       {self.waiting.rejected}")
        lines += [_refused_line(record) for record in self.rejected]
        if self.rejected:
            lines.append("                 (otop-pos sync retry queues them again)")
        if self.held:
            lines.append(
                f"to resend:       {len(self.held)} (refused for now; sent at the next run)"
            )
            lines += [_refused_line(record) for record in self.held]
        return lines


def _last_run_line(status: SyncStatus) -> str:
    state = status.state
    if status.running or status.interrupted:
        started = _shown(_time(state.run_started_at_utc))
        what = "running now" if status.running else "INTERRUPTED (started, never finished)"
        return f"last run:        {started} — {what}"
    return f"last run:        {_shown(status.last_attempt)} — {state.last_outcome or 'never'}"


def _refused_line(record: RejectedRecord) -> str:
    """Kind, record, reason (the code and its words, English and Thai), field, detail."""
    field = f" [field {record.field}]" if record.field else ""
    return (
        f"  {record.kind} {record.record_id} ({record.device_time_utc}): {record.reason}"
        f" ({reason_english(record.reason)} / {reason_thai(record.reason)}){field}"
        f" — {record.detail}"
    )


def _time(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def _shown(moment: dt.datetime | None) -> str:
    return moment.astimezone(THAI_TIME).strftime("%Y-%m-%d %H:%M:%S") if moment else "never"


def sync_status(
    reader: Callable[[], SyncUnitOfWork], *, rejected_limit: int = 20, running: bool = False
) -> SyncStatus:
    """``running``: whether the caller saw a run holding the lock (a start marker without
    one is a run interrupted)."""
    with reader() as uow:
        settings = uow.settings.load()
        return SyncStatus(
            settings.sync,
            settings.terminal_id,
            uow.outbox.state(),
            uow.outbox.waiting(),
            tuple(uow.outbox.rejected(rejected_limit)),
            uow.outbox.open_batch(),
            tuple(uow.outbox.held(rejected_limit)),
            running,
        )
