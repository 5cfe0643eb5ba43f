"""The PIN lock-out policy at the head office: failed bearer tokens per source address.

On a real PostgreSQL (the repo's throwaway server) through the API: after the
policy's tries from one address, each failed token from it gets 429 JSON with
Retry-After until the lock passes (a right token still works: it cannot have
been guessed, and refusing it would lock out every counter behind the address);
every counted failure is in the head office's audit trail.  Failures
sent at once from many threads are all counted (the row is locked to count).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hq.api.app import create_app
from hq.bootstrap import HqContext, open_hq
from hq.services.staff import add_staff
from hq.services.terminals import add_terminal
from pos.adapters.hq_http import HttpHeadOffice
from pos.audit import AuditAction
from pos.clock import THAI_TIME, FakeClock
from pos.staff.domain.lockout import DEFAULT_POLICY
from pos.sync.domain.protocol import TokenRefusedError, UnreachableError
from tests.hq_server import HqProcess

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=THAI_TIME)
REPORT = "/v1/reports/sales?from=2026-12-01&to=2026-12-03"


@pytest.fixture
def clock(hq_context: HqContext) -> FakeClock:
    hq_context.clock = clock = FakeClock(NOW)
    return clock


def client_from(hq_context: HqContext, address: str) -> TestClient:
    return TestClient(create_app(hq_context), client=(address, 50000))


@pytest.fixture
def attacker(hq_context: HqContext, clock: FakeClock) -> Iterator[TestClient]:
    with client_from(hq_context, "203.0.113.7") as test_client:
        yield test_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def failed_tokens(hq_context: HqContext) -> list[dict[str, object]]:
    with hq_context.uow_factory() as uow:
        events = uow.audit.between(NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=1))
    return [event.detail for event in events if event.action is AuditAction.LOGIN_FAILED]


def test_too_many_bad_staff_tokens_lock_the_address_out_with_429_and_retry_after(
    hq_context: HqContext, clock: FakeClock, attacker: TestClient
) -> None:
    right = bearer(add_staff(hq_context.uow_factory, clock, "สมศรี"))
    answers = [
        attacker.get(REPORT, headers=bearer(f"otopstaff_guess{n}")).status_code
        for n in range(DEFAULT_POLICY.tries)
    ]
    assert answers == [401] * (DEFAULT_POLICY.tries - 1) + [429]

    locked = attacker.get(REPORT, headers=bearer("otopstaff_guess-again"))
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) == DEFAULT_POLICY.lock.total_seconds()
    assert "try again in" in locked.json()["detail"]
    assert attacker.get(REPORT, headers=right).status_code == 200  # a right token still works

    with client_from(hq_context, "198.51.100.20") as other:  # another address: plain 401
        assert other.get(REPORT, headers=bearer("otopstaff_typo")).status_code == 401

    clock.advance(seconds=DEFAULT_POLICY.lock.total_seconds() - 1)
    assert attacker.get(REPORT, headers=bearer("otopstaff_x")).headers["Retry-After"] == "1"
    clock.advance(seconds=1)
    assert attacker.get(REPORT, headers=bearer("otopstaff_y")).status_code == 401  # counted anew

    audited = failed_tokens(hq_context)  # the counted failures; none while locked (a flood)
    attacker_address, other_address = "203.0.113.7", "198.51.100.20"
    assert [d["address"] for d in audited] == [attacker_address] * DEFAULT_POLICY.tries + [
        other_address,
        attacker_address,
    ]
    assert {d["where"] for d in audited} == {"hq:staff"}
    assert [d.get("locked_seconds") for d in audited].count(
        DEFAULT_POLICY.lock.total_seconds()
    ) == 1


def test_terminal_and_staff_tokens_share_the_count_of_one_address(
    hq_context: HqContext, clock: FakeClock, attacker: TestClient
) -> None:
    terminal = bearer(add_terminal(hq_context.uow_factory, clock, "POS01").token)
    for n in range(DEFAULT_POLICY.tries - 1):
        assert attacker.get("/v1/terminal", headers=bearer(f"otop_x{n}")).status_code == 401
    assert attacker.get(REPORT, headers=bearer("otopstaff_x")).status_code == 429
    assert attacker.get("/v1/terminal", headers=bearer("otop_y")).status_code == 429
    assert attacker.get("/v1/terminal", headers=terminal).status_code == 200
    assert {d["where"] for d in failed_tokens(hq_context)} == {"hq:terminal", "hq:staff"}


def test_failures_at_once_are_all_counted(
    hq_context: HqContext, clock: FakeClock, attacker: TestClient
) -> None:
    def guess(n: int) -> int:
        return int(attacker.get("/v1/terminal", headers=bearer(f"otop_race{n}")).status_code)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(guess, range(16)))
    # without the row lock, failures read the same count and overwrite each other
    assert answers.count(401) == DEFAULT_POLICY.tries - 1, answers
    assert set(answers) == {401, 429}
    assert attacker.get("/v1/terminal", headers=bearer("otop_after")).status_code == 429


def test_a_counter_told_429_waits_and_tries_later_and_a_right_token_still_works(
    hq_database_url: str, tmp_path: Path
) -> None:
    """Over a real socket to ``otop-pos hq serve``: the counter's client reads 429 as "not now"
    (retried at the next run), never as a refused batch that would set records aside."""
    hq = open_hq(hq_database_url, pool_size=1)
    try:
        token = add_terminal(hq.uow_factory, hq.clock, "POS01").token
    finally:
        hq.close()
    process = HqProcess(hq_database_url, tmp_path / "server.log")
    stale = HttpHeadOffice(process.base_url, "otop_revoked-long-ago")
    office = HttpHeadOffice(process.base_url, token)
    try:
        for _ in range(DEFAULT_POLICY.tries - 1):
            with pytest.raises(TokenRefusedError):
                stale.terminal()
        with pytest.raises(UnreachableError, match="refuses this address for 300 s"):
            stale.terminal()
        with pytest.raises(UnreachableError, match="refuses this address"):
            stale.send_batch(uuid.uuid4(), "POS01", [])
        assert office.terminal().terminal == "POS01"
    finally:
        stale.close()
        office.close()
        process.stop()
