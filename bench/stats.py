"""Timing helpers and the figure a benchmark reports."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Figure:
    """One measured figure: ours, the goal, and the bare-sqlite3 baseline when there is one."""

    name: str
    value: float
    unit: str
    goal: float | None = None  # the figure must be below this
    baseline: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    @property
    def meets_goal(self) -> bool | None:
        return None if self.goal is None else self.value < self.goal

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio, "meets_goal": self.meets_goal}


def percentile(samples: list[float], fraction: float) -> float:
    """The nearest-rank percentile (fraction 0.99 → p99) of the samples."""
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def time_each(operation: Callable[[T], object], inputs: Sequence[T]) -> list[float]:
    """Milliseconds taken by ``operation`` on each input, after a short warm-up."""
    for item in inputs[:20]:
        operation(item)
    samples = []
    for item in inputs:
        start = time.perf_counter()
        operation(item)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def time_once(operation: Callable[[], object]) -> float:
    """Seconds taken by one call."""
    start = time.perf_counter()
    operation()
    return time.perf_counter() - start
