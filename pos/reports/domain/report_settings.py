"""Settings of shifts and manager reports: cash tolerance, day start, commission, sales targets.

Stored with the other settings (``Settings.shift_rules``, ``.commission``,
``.sales_target``); each class reads and writes its JSON and refuses a bad
value naming the field.

* :class:`ShiftRules` — a cash difference up to ``cash_tolerance_satang``
  (default 1 baht: the smallest coins, and satang no coin can make when cash
  rounding is off) closes a shift without a manager; above it a manager must
  approve before the day can be closed.  ``day_starts_at`` (default 04:00)
  decides the trading date of a shift opened after midnight.
* :class:`CommissionRates` — the centre's commission on consignment sales, in
  basis points, with per-producer-group overrides (by the group's Thai name).
  The default 10 % is not a published figure (UNCONFIRMED): set the centre's.
* :class:`SalesTarget` — a yearly target for one category; the province's
  textile target is 1,000 million baht.  Whether the province counts it by
  calendar or fiscal year is UNCONFIRMED: the default year starts in October,
  as the Thai government's fiscal year (ปีงบประมาณ) does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.catalogue.domain.products import Category
from pos.money import percent_of

FULL_BASIS_POINTS = 10_000


def _basis_points(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= FULL_BASIS_POINTS:
        raise ValueError(f"{name} must be whole basis points 0-10000 (1500 = 15%), not {value!r}")
    return value


def _satang(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{name} must be a whole number of satang, not {value!r}")
    return value


def _unknown(value: Mapping[str, Any], known: set[str], what: str) -> None:
    extra = sorted(set(value) - known)
    if extra:
        raise ValueError(f"unknown {what} setting(s): {', '.join(extra)}")


@dataclass(frozen=True)
class ShiftRules:
    cash_tolerance_satang: int = 100
    day_starts_at: dt.time = dt.time(4, 0)

    def to_setting(self) -> dict[str, Any]:
        return {
            "cash_tolerance_satang": self.cash_tolerance_satang,
            "day_starts_at": self.day_starts_at.strftime("%H:%M"),
        }

    @classmethod
    def from_setting(cls, value: Mapping[str, Any]) -> ShiftRules:
        _unknown(value, {"cash_tolerance_satang", "day_starts_at"}, "shift")
        rules = cls()
        if "cash_tolerance_satang" in value:
            tolerance = _satang(value["cash_tolerance_satang"], "cash_tolerance_satang")
            rules = cls(tolerance, rules.day_starts_at)
        if "day_starts_at" in value:
            try:
                starts = dt.time.fromisoformat(str(value["day_starts_at"]))
            except ValueError:
                raise ValueError(f"day_starts_at {value['day_starts_at']!r} is not HH:MM") from None
            rules = cls(rules.cash_tolerance_satang, starts)
        return rules


@dataclass(frozen=True)
class CommissionRates:
    default_basis_points: int = 1000
    by_producer: Mapping[str, int] = field(default_factory=dict)

    def rate_for(self, producer_name: str) -> int:
        return self.by_producer.get(producer_name, self.default_basis_points)

    def commission_satang(self, producer_name: str, net_satang: int) -> int:
        """The centre's commission on a group's net sales, rounded half up to the satang."""
        return percent_of(net_satang, self.rate_for(producer_name))

    def to_setting(self) -> dict[str, Any]:
        return {
            "default_basis_points": self.default_basis_points,
            "by_producer": dict(sorted(self.by_producer.items())),
        }

    @classmethod
    def from_setting(cls, value: Mapping[str, Any]) -> CommissionRates:
        _unknown(value, {"default_basis_points", "by_producer"}, "commission")
        default = _basis_points(value.get("default_basis_points", 1000), "default_basis_points")
        overrides = value.get("by_producer", {})
        if not isinstance(overrides, Mapping):
            raise ValueError("by_producer must map producer group names to basis points")
        rates = {
            str(name): _basis_points(bp, f"by_producer[{name}]") for name, bp in overrides.items()
        }
        return cls(default, rates)


@dataclass(frozen=True)
class SalesTarget:
    category: str = "textile"
    yearly_satang: int = 100_000_000_000  # 1,000 million baht
    year_starts_month: int = 10  # October: the Thai fiscal year

    def year_start(self, day: dt.date) -> dt.date:
        """The first day of the target year that ``day`` falls in."""
        year = day.year if day.month >= self.year_starts_month else day.year - 1
        return dt.date(year, self.year_starts_month, 1)

    def year_end(self, day: dt.date) -> dt.date:
        start = self.year_start(day)
        return dt.date(start.year + 1, start.month, 1) - dt.timedelta(days=1)

    def to_setting(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "yearly_satang": self.yearly_satang,
            "year_starts_month": self.year_starts_month,
        }

    @classmethod
    def from_setting(cls, value: Mapping[str, Any]) -> SalesTarget:
        _unknown(value, {"category", "yearly_satang", "year_starts_month"}, "sales target")
        month = value.get("year_starts_month", 10)
        if not isinstance(month, int) or not 1 <= month <= 12:
            raise ValueError(f"year_starts_month must be 1-12, not {month!r}")
        category = str(value.get("category", "textile"))
        if category not in {c.value for c in Category}:
            raise ValueError(f"category {category!r} is not one of the five OTOP categories")
        yearly = _satang(value.get("yearly_satang", 100_000_000_000), "yearly_satang")
        return cls(category, yearly, month)
