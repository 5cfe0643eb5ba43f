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

    @property
    def last_success(self) -> dt.datetime | None:
        return _time(self.state.last_success_at_utc)

    @property
    def last_attempt(self) -> dt.datetime | None:
        return _time(self.state.last_attempt_at_utc)

    @property
    def healthy(self) -> bool:
        """Nothing set aside, and the last run went through (or none has run yet)."""
        return not self.waiting.rejected and self.state.last_outcome in ("", "done")

    def lines(self) -> list[str]:
        """The status as text lines (English; the GUI words its own)."""
        settings, state = self.settings, self.state
        lines = [
            f"terminal:        {self.terminal}",
            f"head office:     {settings.hq_url or '(not set)'}",
            f"nightly at:      {settings.nightly_at or 'off'}"
            f"{' and after each Z report' if settings.after_z else ''}",
            f"last success:    {_shown(self.last_success)}",
            f"last run:        {_shown(self.last_attempt)} — {state.last_outcome or 'never'}",
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
        for record in self.rejected:
            lines.append(
                f"  {record.kind} {record.record_id} ({record.device_time_utc}): "
                f"{record.reason} — {record.detail}"
            )
        return lines


def _time(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def _shown(moment: dt.datetime | None) -> str:
    return moment.astimezone(THAI_TIME).strftime("%Y-%m-%d %H:%M:%S") if moment else "never"


def sync_status(reader: Callable[[], SyncUnitOfWork], *, rejected_limit: int = 20) -> SyncStatus:
    with reader() as uow:
        settings = uow.settings.load()
        return SyncStatus(
            settings.sync,
            settings.terminal_id,
            uow.outbox.state(),
            uow.outbox.waiting(),
            tuple(uow.outbox.rejected(rejected_limit)),
            uow.outbox.open_batch(),
        )
