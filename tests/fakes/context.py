"""An :class:`pos.bootstrap.AppContext` on in-memory fakes: services without any I/O."""

from __future__ import annotations

from pos.bootstrap import AppContext
from tests.fakes.unit_of_work import FakeUnitOfWork


def fake_context() -> AppContext:
    """A context on in-memory fakes: services without any I/O."""
    shared = FakeUnitOfWork()
    return AppContext(data_dir=None, uow_factory=lambda: shared)
