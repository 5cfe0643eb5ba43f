"""Pure parts of records set aside and runs interrupted: the reasons' words in English and
Thai, the status lines ``sync status`` prints, and the app's sync line and tooltip."""

from __future__ import annotations

import re
import uuid

import pytest

from pos.sync.domain.protocol import RejectedRecord, SyncState, WaitingCounts
from pos.sync.domain.reasons import reason_english, reason_thai, resendable
from pos.sync.domain.sync_settings import SyncSettings
from pos.sync.services.status import SyncStatus
from pos.sync.wire import RESENDABLE_REASONS, RejectReason
from ui.sync_panel import refused_lines, status_text

THAI = re.compile(r"[\u0e00-\u0e7f]")
RECORD = RejectedRecord(
    uuid.UUID(int=7), "z_report", "2026-12-01T10:00:00.000000Z", "number_reused", "Z 1", "number"
)


@pytest.mark.parametrize("reason", list(RejectReason))
def test_every_reason_has_english_and_thai_words(reason: RejectReason) -> None:
    assert reason_english(reason) != reason.value and not THAI.search(reason_english(reason))
    assert THAI.search(reason_thai(reason))
    assert resendable(reason) == (reason in RESENDABLE_REASONS)


def test_a_reason_from_a_newer_head_office_is_shown_as_it_came() -> None:
    assert reason_english("quota") == reason_thai("quota") == "quota"
    assert not resendable("quota")


def _status(**state: object) -> SyncStatus:
    base = SyncState(0, False, "2026-12-01T10:00:00.000000Z", None, "done", "sync done: x")
    fields = {**base.__dict__, **state}
    return SyncStatus(
        SyncSettings().from_setting({**SyncSettings().to_setting(), "hq_url": "http://hq"}),
        "POS01",
        SyncState(**fields),  # type: ignore[arg-type]
        WaitingCounts({"z_report": 1}, rejected=1),
        (RECORD,),
        None,
        held=(RejectedRecord(uuid.UUID(int=8), "sale", "t", "server_fault", "boom"),),
    )


def test_status_lines_name_kind_record_reason_field_and_detail() -> None:
    lines = _status().lines()
    line = next(line for line in lines if str(RECORD.record_id) in line)
    assert line.split()[0] == "z_report" and "number_reused" in line
    assert "[field number]" in line and line.endswith("— Z 1") and THAI.search(line)
    assert any(line.startswith("to resend:       1") for line in lines)


def test_a_started_run_without_an_end_is_interrupted_unless_one_runs_now() -> None:
    killed = _status(run_started_at_utc="2026-12-01T11:00:00.000000Z")
    assert killed.interrupted and killed.last_outcome == "interrupted" and not killed.healthy
    assert any("INTERRUPTED" in line for line in killed.lines())
    running = SyncStatus(**{**killed.__dict__, "running": True})
    assert not running.interrupted and running.last_outcome == "running"
    assert not _status().interrupted and _status().last_outcome == "done"


def test_the_apps_line_and_tooltip_show_refusals_and_an_interrupted_run() -> None:
    # in English, or in Thai when a GUI test of the same run left the Thai translator installed
    line = status_text(_status())
    assert "1 refused ⚠" in line or "ไม่รับ 1 ⚠" in line
    line = status_text(_status(run_started_at_utc="2026-12-01T11:00:00.000000Z"))
    assert "interrupted ⚠" in line or "ค้าง ⚠" in line
    tooltip = refused_lines(_status())
    assert any("z_report" in line and "field number" in line for line in tooltip)
    assert any("sale" in line and reason_thai("server_fault") in line for line in tooltip)
