"""Government schemes taken as tenders (Khon La Khrueng, Rao Chana, M33 …), configured not coded.

A :class:`Scheme` is data kept in the settings (``Settings.schemes``): its
name, the government's share in basis points, a cap per person per day, the
phases with their dates (and the per-person total of each, which the
government's app enforces across shops), opening hours if the scheme has them,
the goods it does not pay for (by category or SKU) and when each share is
expected in the shop's bank.  A new scheme is a new settings entry.

One scheme tender is one person's transaction in the government app: the
buyer's Pao Tang wallet pays through the shop's Thung Ngern app, so the
tender carries the app's reference.  Its government share is
``floor(amount × share)`` — the odd satang of a co-pay half is the buyer's,
so the shop never claims more than the scheme's share — and at most the cap
per person per day.  When the app shows a smaller government share (the
person already used part of the day's cap elsewhere) the cashier enters it
and it must not be larger than this.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.clock import THAI_TIME

FULL_SHARE_BASIS_POINTS = 10_000
_CODE = re.compile(r"^[a-z0-9_]{1,32}$")


class SchemeError(ValueError):
    """A scheme definition or a scheme tender that cannot be accepted."""


@dataclass(frozen=True)
class SchemePhase:
    """A period in which a scheme pays; ``ends`` is the last day it pays (inclusive)."""

    name: str
    starts: dt.date
    ends: dt.date
    cap_per_person_satang: int | None = None  # the person's total for the phase

    def __post_init__(self) -> None:
        if self.ends < self.starts:
            raise SchemeError(f"phase {self.name!r} ends before it starts")
        if self.cap_per_person_satang is not None and self.cap_per_person_satang <= 0:
            raise SchemeError(f"phase {self.name!r}: the cap per person must be positive")

    def covers(self, day: dt.date) -> bool:
        return self.starts <= day <= self.ends


@dataclass(frozen=True)
class SettlementWindow:
    """When a share reaches the shop's bank: ``business_days`` after the sale, in a time window."""

    business_days: int
    opens: dt.time
    closes: dt.time

    def expected_on(self, sale_day: dt.date) -> dt.date:
        """The bank day the money is expected; Saturday and Sunday move to Monday.

        Public holidays are not known to the till; the reconciliation report
        shows the expected date, and a holiday simply makes the money a day late.
        """
        day = sale_day + dt.timedelta(days=self.business_days)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return day

    def label(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"


NEXT_MORNING = SettlementWindow(1, dt.time(2, 0), dt.time(6, 0))
NEXT_EVENING = SettlementWindow(1, dt.time(17, 30), dt.time(19, 0))


@dataclass(frozen=True)
class Scheme:
    """One government scheme as the till takes it."""

    code: str
    name_th: str
    name_en: str
    government_share_basis_points: int
    phases: tuple[SchemePhase, ...]
    cap_per_person_per_day_satang: int | None = None
    hours: tuple[dt.time, dt.time] | None = None  # open..close, e.g. 06:00-23:00
    excluded_categories: frozenset[str] = frozenset()
    excluded_skus: frozenset[str] = frozenset()
    buyer_settlement: SettlementWindow = NEXT_MORNING
    government_settlement: SettlementWindow = NEXT_EVENING

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise SchemeError(f"scheme code {self.code!r}: use 1-32 of a-z, 0-9 and _")
        if not 0 < self.government_share_basis_points <= FULL_SHARE_BASIS_POINTS:
            raise SchemeError(f"scheme {self.code}: the government share must be 1-10000 bp")
        if not self.phases:
            raise SchemeError(f"scheme {self.code}: give at least one phase")
        cap = self.cap_per_person_per_day_satang
        if cap is not None and cap <= 0:
            raise SchemeError(f"scheme {self.code}: the cap per person per day must be positive")
        if self.hours is not None and self.hours[0] >= self.hours[1]:
            raise SchemeError(f"scheme {self.code}: the hours must open before they close")
        object.__setattr__(self, "excluded_skus", frozenset(s.upper() for s in self.excluded_skus))

    @property
    def is_co_pay(self) -> bool:
        return self.government_share_basis_points < FULL_SHARE_BASIS_POINTS

    def phase_at(self, moment: dt.datetime, name: str | None = None) -> SchemePhase | None:
        """The phase paying at ``moment`` (the latest started if phases overlap), or ``None``.

        With ``name``, only that phase; outside the scheme's hours, ``None``.
        """
        local = moment.astimezone(THAI_TIME)
        if self.hours is not None and not self.hours[0] <= local.time() < self.hours[1]:
            return None
        day = local.date()
        open_phases = [p for p in self.phases if p.covers(day) and name in (None, p.name)]
        return max(open_phases, key=lambda p: p.starts, default=None)

    def pays_for(self, category: str, sku: str) -> bool:
        """Whether the scheme pays for these goods (they are not excluded)."""
        return category not in self.excluded_categories and sku.upper() not in self.excluded_skus

    def max_government_share(self, amount_satang: int, phase: SchemePhase) -> int:
        """The most the government pays of one person's ``amount_satang`` (rounded down)."""
        share = amount_satang * self.government_share_basis_points // FULL_SHARE_BASIS_POINTS
        for cap in (self.cap_per_person_per_day_satang, phase.cap_per_person_satang):
            if cap is not None:
                share = min(share, cap)
        return share


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _phases(*rows: tuple[str, str, str, int | None]) -> tuple[SchemePhase, ...]:
    return tuple(SchemePhase(n, _date(a), _date(b), cap) for n, a, b, cap in rows)


# The phases as the shared notes give them (month precision where they give months);
# a manager corrects or adds phases in the settings, not in code.
KHON_LA_KHRUENG = Scheme(
    code="khon_la_khrueng",
    name_th="คนละครึ่ง",
    name_en="Khon La Khrueng (co-pay)",
    government_share_basis_points=5000,
    cap_per_person_per_day_satang=15_000,
    phases=_phases(
        ("1", "2020-10-01", "2021-03-31", 350_000),
        ("2", "2021-01-01", "2021-03-31", 350_000),
        ("3", "2021-07-01", "2021-12-31", 450_000),
        ("4", "2022-02-01", "2022-04-30", 120_000),
        ("5", "2022-09-01", "2022-10-31", 80_000),
    ),
)
RAO_CHANA = Scheme(
    code="rao_chana",
    name_th="เราชนะ",
    name_en="Rao Chana",
    government_share_basis_points=FULL_SHARE_BASIS_POINTS,
    phases=_phases(("2021", "2021-02-18", "2021-05-31", 700_000)),
    buyer_settlement=NEXT_EVENING,
)
M33_RAO_RAK_KAN = Scheme(
    code="m33_rao_rak_kan",
    name_th="ม33เรารักกัน",
    name_en="M33 Rao Rak Kan",
    government_share_basis_points=FULL_SHARE_BASIS_POINTS,
    phases=_phases(("2021", "2021-03-01", "2021-05-31", 400_000)),
    hours=(dt.time(6, 0), dt.time(23, 0)),
    buyer_settlement=NEXT_EVENING,
)
DEFAULT_SCHEMES: tuple[Scheme, ...] = (KHON_LA_KHRUENG, RAO_CHANA, M33_RAO_RAK_KAN)


@dataclass(frozen=True)
class SchemeBook:
    """The configured schemes by code (what ``Settings.schemes`` holds)."""

    schemes: tuple[Scheme, ...] = field(default=DEFAULT_SCHEMES)

    def __post_init__(self) -> None:
        codes = [scheme.code for scheme in self.schemes]
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        if duplicates:
            raise SchemeError(f"scheme codes used twice: {', '.join(duplicates)}")

    def get(self, code: str) -> Scheme:
        for scheme in self.schemes:
            if scheme.code == code:
                return scheme
        known = ", ".join(s.code for s in self.schemes) or "none"
        raise SchemeError(f"there is no scheme {code!r} (configured: {known})")

    def active_at(self, moment: dt.datetime) -> list[Scheme]:
        return [s for s in self.schemes if s.phase_at(moment) is not None]

    # --- settings codec (JSON) ----------------------------------------------------------------
    def to_setting(self) -> list[dict[str, Any]]:
        return [_scheme_to_json(scheme) for scheme in self.schemes]

    @classmethod
    def from_setting(cls, value: Iterable[Mapping[str, Any]]) -> SchemeBook:
        schemes = []
        for index, item in enumerate(value, start=1):
            try:
                schemes.append(_scheme_from_json(item))
            except (KeyError, TypeError, ValueError) as error:
                name = item.get("code", f"#{index}") if isinstance(item, Mapping) else index
                raise SchemeError(f"scheme {name}: {_describe(error)}") from error
        return cls(tuple(schemes))


def _describe(error: Exception) -> str:
    return f"missing key {error}" if isinstance(error, KeyError) else str(error)


def _window_to_json(window: SettlementWindow) -> dict[str, Any]:
    return {"business_days": window.business_days, "window": window.label()}


def _window_from_json(
    value: Mapping[str, Any] | None, default: SettlementWindow
) -> SettlementWindow:
    if value is None:
        return default
    opens, closes = (_time(t) for t in str(value["window"]).split("-"))
    return SettlementWindow(int(value["business_days"]), opens, closes)


def _scheme_to_json(scheme: Scheme) -> dict[str, Any]:
    return {
        "code": scheme.code,
        "name_th": scheme.name_th,
        "name_en": scheme.name_en,
        "government_share_basis_points": scheme.government_share_basis_points,
        "cap_per_person_per_day_satang": scheme.cap_per_person_per_day_satang,
        "hours": None if scheme.hours is None else [f"{t:%H:%M}" for t in scheme.hours],
        "excluded_categories": sorted(scheme.excluded_categories),
        "excluded_skus": sorted(scheme.excluded_skus),
        "phases": [
            {
                "name": p.name,
                "starts": p.starts.isoformat(),
                "ends": p.ends.isoformat(),
                "cap_per_person_satang": p.cap_per_person_satang,
            }
            for p in scheme.phases
        ],
        "buyer_settlement": _window_to_json(scheme.buyer_settlement),
        "government_settlement": _window_to_json(scheme.government_settlement),
    }


def _scheme_from_json(item: Mapping[str, Any]) -> Scheme:
    hours = item.get("hours")
    phases = tuple(
        SchemePhase(
            str(p["name"]),
            _date(p["starts"]),
            _date(p["ends"]),
            _optional_int(p.get("cap_per_person_satang")),
        )
        for p in item["phases"]
    )
    return Scheme(
        code=str(item["code"]),
        name_th=str(item["name_th"]),
        name_en=str(item.get("name_en", "")),
        government_share_basis_points=int(item["government_share_basis_points"]),
        phases=phases,
        cap_per_person_per_day_satang=_optional_int(item.get("cap_per_person_per_day_satang")),
        hours=None if not hours else (_time(hours[0]), _time(hours[1])),
        excluded_categories=frozenset(str(c) for c in item.get("excluded_categories", ())),
        excluded_skus=frozenset(str(s) for s in item.get("excluded_skus", ())),
        buyer_settlement=_window_from_json(item.get("buyer_settlement"), NEXT_MORNING),
        government_settlement=_window_from_json(item.get("government_settlement"), NEXT_EVENING),
    )


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(str(text))


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)
