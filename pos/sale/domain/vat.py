"""Value-added tax: the dated rate schedule and the split of VAT-inclusive amounts.

The Revenue Code sets VAT at 10% and a royal decree, renewed year by year,
reduces it to 7%.  The rate is therefore configuration with effective dates,
never a literal: :class:`VatSchedule` answers "which rate applied on this day".
Shelf prices include VAT; the VAT part of a sale is computed on the total (per
VAT-registered seller), to the satang, half up, and the net part is the rest,
so net + VAT always equals the gross exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pos.money import div_round_half_up

BASIS_POINTS_PER_UNIT = 10_000


@dataclass(frozen=True)
class VatRate:
    """A VAT rate in basis points (700 = 7%) in force from ``effective_from``."""

    effective_from: dt.date
    rate_basis_points: int

    def __post_init__(self) -> None:
        if not 0 <= self.rate_basis_points < BASIS_POINTS_PER_UNIT:
            raise ValueError(f"VAT rate out of range: {self.rate_basis_points} basis points")


@dataclass(frozen=True)
class VatSchedule:
    """VAT rates by effective date; the latest rate not after a day applies to it."""

    rates: tuple[VatRate, ...]

    def __post_init__(self) -> None:
        if not self.rates:
            raise ValueError("a VAT schedule needs at least one rate")
        ordered = tuple(sorted(self.rates, key=lambda rate: rate.effective_from))
        if len({rate.effective_from for rate in ordered}) != len(ordered):
            raise ValueError("two VAT rates share an effective date")
        object.__setattr__(self, "rates", ordered)

    def rate_on(self, day: dt.date) -> int:
        """The rate in basis points in force on ``day``."""
        applicable = [rate for rate in self.rates if rate.effective_from <= day]
        if not applicable:
            raise ValueError(f"no VAT rate configured for {day.isoformat()}")
        return applicable[-1].rate_basis_points

    def to_setting(self) -> list[list[object]]:
        return [[r.effective_from.isoformat(), r.rate_basis_points] for r in self.rates]

    @classmethod
    def from_setting(cls, value: list[list[object]]) -> VatSchedule:
        return cls(
            tuple(VatRate(dt.date.fromisoformat(str(day)), int(str(bp))) for day, bp in value)
        )


# 7% since 1 April 1999 (the reduction from 10%, extended by decree ever since).
DEFAULT_VAT_SCHEDULE = VatSchedule((VatRate(dt.date(1999, 4, 1), 700),))


@dataclass(frozen=True)
class VatSplit:
    """A VAT-inclusive amount split into its net and VAT parts (all satang)."""

    gross_satang: int
    net_satang: int
    vat_satang: int


def split_vat_inclusive(gross_satang: int, rate_basis_points: int) -> VatSplit:
    """Split a VAT-inclusive amount: VAT = gross × r / (1 + r), to the satang, half up."""
    vat = div_round_half_up(
        gross_satang * rate_basis_points, BASIS_POINTS_PER_UNIT + rate_basis_points
    )
    return VatSplit(gross_satang=gross_satang, net_satang=gross_satang - vat, vat_satang=vat)
