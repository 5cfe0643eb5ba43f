"""Contract suites: every port with a fake is held to its real adapter.

Each test runs twice, on ``fake`` (the in-memory unit of work of
``tests/fakes``) and ``sqlite`` (:func:`pos.bootstrap.open_context` on a
temporary data directory); what the real adapter does is the truth.  The
``simulated`` pair runs the same simulated trading days (sales, returns,
voids, shifts, Z reports; ids drawn from one seeded generator) through the
services on both, so a suite can ask the two the same question and compare.
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pos.bootstrap import AppContext, demo_files, initialise
from pos.catalogue.services.demo_data import load_demo
from pos.simulation.trading_days import SimulationOptions, SimulationReport, simulate
from pos.unit_of_work import UnitOfWork
from tests.fakes.unit_of_work import FakeUnitOfWork

UowFactory = Callable[[], UnitOfWork]
SIMULATION = SimulationOptions(
    days=2, sales_per_day=30, seed=5, return_rate=0.1, void_rate=0.07, manager_pin="5678"
)


@pytest.fixture(params=["fake", "sqlite"])
def adapter(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _sqlite(data_dir: Path, *, demo: bool) -> AppContext:
    context, _ = initialise(data_dir, demo=demo)
    return context


@pytest.fixture
def uow_factory(adapter: str, tmp_path: Path) -> Iterator[UowFactory]:
    """An empty store (the schema and default settings) on the adapter under test."""
    if adapter == "fake":
        fake = FakeUnitOfWork()
        yield lambda: fake
        return
    context = _sqlite(tmp_path / "data", demo=False)
    yield context.uow_factory
    context.close()


@pytest.fixture
def fake_uow(uow_factory: UowFactory) -> FakeUnitOfWork | None:
    """The fake itself when it is under test (to read what it keeps), else ``None``."""
    uow = uow_factory()
    return uow if isinstance(uow, FakeUnitOfWork) else None


def seeded_uuids(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """``uuid.uuid4`` from a seeded generator: the same services make the same ids."""
    rng = random.Random(seed)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass
class Simulated:
    """One store on each adapter, with the same trading days put in through the services."""

    fake: UowFactory
    sqlite: UowFactory
    report: SimulationReport

    def both(self) -> list[UowFactory]:
        return [self.fake, self.sqlite]


def _simulated(uow_factory: UowFactory, monkeypatch: pytest.MonkeyPatch) -> SimulationReport:
    seeded_uuids(monkeypatch, 11)
    load_demo(uow_factory, demo_files())
    return simulate(uow_factory, SIMULATION)


@pytest.fixture(scope="session")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulated]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fake = FakeUnitOfWork()
        fake_report = _simulated(lambda: fake, monkeypatch)
        context = _sqlite(tmp_path_factory.mktemp("contracts") / "data", demo=False)
        report = _simulated(context.uow_factory, monkeypatch)
    assert fake_report.summary().split(" in ")[0] == report.summary().split(" in ")[0]
    yield Simulated(lambda: fake, context.uow_factory, report)
    context.close()


def comparable(value: object, seen: dict[object, int]) -> object:
    """``value`` as plain data with tender ids renumbered by first appearance: tender ids are
    a dataclass default (``uuid4`` bound before it can be seeded), so they differ per store."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: seen.setdefault(getattr(value, f.name), len(seen))
            if f.name == "tender_id"
            else comparable(getattr(value, f.name), seen)
            for f in dataclasses.fields(value)
        }
    if isinstance(value, list | tuple):
        return [comparable(item, seen) for item in value]
    if isinstance(value, dict):
        return {comparable(k, seen): comparable(v, seen) for k, v in value.items()}
    return value
