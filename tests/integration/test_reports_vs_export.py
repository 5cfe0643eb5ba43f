"""Every figure of the reports, checked against an independent sum over the exported sales.

Three simulated days (``otop-pos simulate``: two shifts a day with floats,
cash in and out, blind counts and a Z report; returns, voids, co-pay, cards,
PromptPay, cash rounding to 25 satang) are exported with ``otop-pos sales
export`` (JSON).  The sums below are computed from that export alone, in
plain Python, and must equal what ``otop-pos report sales|producers|schemes``
and ``otop-pos report z`` say — category by category, group by group, tender
by tender, hour by hour, shift by shift.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from pos.bootstrap import open_context
from pos.money import CashRounding, format_baht, percent_of
from pos.reports.domain.report_settings import CommissionRates
from pos.store.database import DATABASE_FILENAME

DAYS = ("2021-03-05", "2021-03-06", "2021-03-07")  # Friday to Sunday: settlement on Monday
START, END = DAYS[0], DAYS[-1]
OVERRIDE = "บริษัท ภูสิงห์ คอฟฟี่ โรสเตอร์ จำกัด"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("reports") / "store"
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    context = open_context(data_dir)
    with context.uow_factory() as uow:
        settings = uow.settings.load().replace(
            cash_rounding=CashRounding.QUARTER_BAHT,
            commission=CommissionRates(1200, {OVERRIDE: 700}),
        )
        uow.settings.save(settings)
        uow.commit()
    context.close()
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "simulate",
                "--days",
                "3",
                "--sales-per-day",
                "70",
                "--seed",
                "11",
                "--start",
                START,
                "--return-rate",
                "0.08",
                "--void-rate",
                "0.04",
            ]
        )
        == 0
    )
    return data_dir


def run(store: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    capsys.readouterr()
    assert main(["--data-dir", str(store), *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def exported(store: Path) -> list[dict[str, Any]]:
    days = []
    for day in DAYS:
        out = io.StringIO()
        from pos.sale.services.day_export import export_day, write_json

        context = open_context(store)
        write_json(export_day(context.uow_factory, dt.date.fromisoformat(day)), out)
        context.close()
        days.append(json.loads(out.getvalue()))
    return days


def users(store: Path) -> dict[int, str]:
    with sqlite3.connect(store / DATABASE_FILENAME) as connection:
        return dict(connection.execute("SELECT id, name FROM app_user"))


class Sums:
    """Independent sums over the export (no code of the reports is used)."""

    def __init__(self, days: list[dict[str, Any]]):
        self.sales = [s for d in days for s in d["sales"]]
        self.notes = [n for d in days for n in d["credit_notes"]]
        self.shifts = [s for d in days for s in d["shifts"]]
        self.business_days = [b for d in days for b in d["business_days"]]
        self.lines = {line["line_id"]: line for s in self.sales for line in s["lines"]}
        self.tenders = {t["tender_id"]: t for s in self.sales for t in s["tenders"]}

    def of_day(self, day_id: str) -> Sums:
        part = Sums([])
        part.sales = [s for s in self.sales if s["business_day_id"] == day_id]
        part.notes = [n for n in self.notes if n["business_day_id"] == day_id]
        part.shifts = [s for s in self.shifts if s["business_day_id"] == day_id]
        part.lines, part.tenders = self.lines, self.tenders
        return part

    def of_shift(self, shift_id: str) -> Sums:
        part = Sums([])
        part.sales = [s for s in self.sales if s["shift_id"] == shift_id]
        part.notes = [n for n in self.notes if n["shift_id"] == shift_id]
        part.shifts = [s for s in self.shifts if s["shift_id"] == shift_id]
        part.lines, part.tenders = self.lines, self.tenders
        return part

    def by_line(self, key: str) -> dict[str, dict[str, int]]:
        sums: dict[str, dict[str, int]] = defaultdict(Counter)  # type: ignore[arg-type]
        for sale in self.sales:
            for line in sale["lines"]:
                row = sums[line[key]]
                row["lines"] += 1
                row["gross"] += line["gross_satang"]
                row["discounts"] += line["line_discount_satang"] + line["order_discount_satang"]
                row["sales"] += line["total_satang"]
                row["quantity"] += line["quantity_milli"]
        for note in self.notes:
            for back in note["lines"]:
                row = sums[self.lines[back["sale_line_id"]][key]]
                row["returns"] += back["amount_satang"]
                row["returned_quantity"] += back["quantity_milli"]
        return sums

    @staticmethod
    def tender_key(kind: str, code: str | None) -> str:
        return f"scheme:{code}" if kind == "scheme" else kind

    def tenders_in(self) -> dict[str, dict[str, int]]:
        sums: dict[str, dict[str, int]] = defaultdict(Counter)  # type: ignore[arg-type]
        for sale in self.sales:
            for t in sale["tenders"]:
                row = sums[self.tender_key(t["kind"], t["scheme_code"])]
                row["count"] += 1
                row["sales"] += t["amount_satang"]
                row["tendered"] += t["tendered_satang"]
                row["change"] += t["change_satang"]
        for note in self.notes:
            for refund in note["refunds"]:
                method, tender = refund["method"], self.tenders[refund["tender_id"]]
                key = (
                    method
                    if method in ("cash", "card", "promptpay")
                    else self.tender_key("scheme", tender["scheme_code"])
                )
                sums[key]["refunds"] += refund["amount_satang"]
            if note["cash_paid_out_satang"]:
                sums["cash"]["refunds"] += note["cash_rounding_satang"]
        return sums

    def cash_moved(self) -> tuple[int, int]:
        moves = [m for s in self.shifts for m in s["cash_movements"]]
        return (
            sum(m["amount_satang"] for m in moves if m["kind"] == "in"),
            sum(m["amount_satang"] for m in moves if m["kind"] == "out"),
        )

    def expected_cash(self) -> int:
        cash = self.tenders_in()["cash"]
        cash_in, cash_out = self.cash_moved()
        floats = sum(s["float_satang"] for s in self.shifts)
        return floats + cash["tendered"] - cash["change"] - cash["refunds"] + cash_in - cash_out


def counted(shift: dict[str, Any]) -> int:
    return sum(int(value) * n for value, n in (shift["cash_count"] or {}).items())


def test_the_sales_report_matches_the_export_figure_by_figure(
    store: Path, exported: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    sums = Sums(exported)
    report = run(
        store, capsys, "report", "sales", "--from", START, "--to", END, "--top", "500", "--json"
    )
    assert report["sales_count"] == len(sums.sales) == 210
    by_category = sums.by_line("category")
    for line in report["categories"]["lines"]:
        mine = by_category.get(line["category"], Counter())
        assert (
            line["lines"],
            line["gross_satang"],
            line["discounts_satang"],
            line["sales_satang"],
            line["returns_satang"],
            line["net_satang"],
        ) == (
            mine["lines"],
            mine["gross"],
            mine["discounts"],
            mine["sales"],
            mine["returns"],
            mine["sales"] - mine["returns"],
        ), line["category"]
    target = report["categories"]["target"]
    textile = by_category["textile"]
    assert target["sold_satang"] == textile["sales"] - textile["returns"]
    assert target["progress_basis_points"] == round(target["sold_satang"] * 10_000 / 10**11)
    assert target["year_start"] == "2020-10-01"  # the Thai fiscal year
    tenders = sums.tenders_in()
    for line in report["tenders"]["lines"]:
        mine = tenders[line["key"]]
        assert (
            line["count"],
            line["sales_satang"],
            line["refunds_satang"],
            line["net_satang"],
        ) == (mine["count"], mine["sales"], mine["refunds"], mine["sales"] - mine["refunds"]), line[
            "key"
        ]
    assert {line["key"] for line in report["tenders"]["lines"]} == set(tenders)
    assert report["tenders"]["cash_received_satang"] == tenders["cash"]["tendered"]
    assert report["tenders"]["change_satang"] == tenders["cash"]["change"]
    assert report["tenders"]["cash_rounding_satang"] == sum(
        s["cash_rounding_satang"] for s in sums.sales
    )
    hours = Counter(int(s["sold_at"][11:13]) for s in sums.sales)
    money = Counter()
    for sale in sums.sales:
        money[int(sale["sold_at"][11:13])] += sale["total_satang"]
    assert {h["hour"]: (h["count"], h["total_satang"]) for h in report["hours"] if h["count"]} == {
        hour: (hours[hour], money[hour]) for hour in hours
    }
    by_sku = sums.by_line("sku")
    assert len(report["products"]) == len(by_sku)
    ranked = sorted(by_sku, key=lambda sku: (-by_sku[sku]["sales"], sku))
    assert [p["sku"] for p in report["products"]] == ranked
    for product in report["products"]:
        mine = by_sku[product["sku"]]
        assert (
            product["quantity_milli"],
            product["total_satang"],
            product["returned_quantity_milli"],
            product["returned_satang"],
        ) == (mine["quantity"], mine["sales"], mine["returned_quantity"], mine["returns"])


def test_discounts_returns_and_voids_are_listed_with_who_approved(
    store: Path, exported: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    sums, names = Sums(exported), users(store)
    report = run(store, capsys, "report", "sales", "--from", START, "--to", END, "--json")
    expected = []
    for sale in sums.sales:
        override = sum(
            (line["catalogue_price_satang"] * line["quantity_milli"] + 500) // 1000
            - line["gross_satang"]
            for line in sale["lines"]
            if line["unit_price_satang"] != line["catalogue_price_satang"]
        )
        discount = sale["line_discounts_satang"] + sale["order_discount_satang"]
        if discount or override:
            expected.append(
                (
                    sale["receipt_number"],
                    names[sale["cashier_id"]],
                    names.get(sale["approved_by_user_id"]),
                    discount,
                    override,
                )
            )
    got = [
        (
            d["receipt_number"],
            d["cashier"],
            d["approved_by"],
            d["line_discounts_satang"] + d["order_discount_satang"],
            d["price_override_satang"],
        )
        for d in report["discounts"]["lines"]
    ]
    assert got == sorted(expected, key=lambda row: row[0]) and got
    notes = sorted(sums.notes, key=lambda n: (n["issued_at"], n["number"]))
    assert [
        (
            n["number"],
            n["kind"],
            n["total_satang"],
            n["cash_paid_out_satang"],
            n["returned_to_government_satang"],
            n["reason"],
            names[n["approved_by_user_id"]],
        )
        for n in notes
    ] == [
        (
            r["number"],
            r["kind"],
            r["total_satang"],
            r["cash_paid_out_satang"],
            r["returned_to_government_satang"],
            r["reason"],
            r["approved_by"],
        )
        for r in report["returns"]["lines"]
    ]
    kinds = Counter(n["kind"] for n in sums.notes)
    assert kinds["void"] >= 1 and kinds["return"] >= 1
    by_approver = {
        (a["approved_by"], a["kind"]): (a["count"], a["amount_satang"])
        for a in report["returns"]["by_approver"]
    }
    for kind in ("return", "void"):
        mine = [n for n in sums.notes if n["kind"] == kind]
        assert by_approver[("ประเสริฐ ทองดี", kind)] == (
            len(mine),
            sum(n["total_satang"] for n in mine),
        )


def test_the_consignment_statement_matches_the_export(
    store: Path, exported: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    by_producer = Sums(exported).by_line("producer_name")
    statement = run(store, capsys, "report", "producers", "--from", START, "--to", END, "--json")
    assert {line["producer_name"] for line in statement["lines"]} == set(by_producer)
    for line in statement["lines"]:
        mine = by_producer[line["producer_name"]]
        net = mine["sales"] - mine["returns"]
        rate = 700 if line["producer_name"] == OVERRIDE else 1200
        commission = percent_of(net, rate)
        assert (
            line["sales_satang"],
            line["returns_satang"],
            line["net_satang"],
            line["commission_basis_points"],
            line["commission_satang"],
            line["owed_satang"],
        ) == (mine["sales"], mine["returns"], net, rate, commission, net - commission), line[
            "producer_name"
        ]


def test_scheme_shares_and_bank_dates_match_the_export(
    store: Path, exported: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    sums = Sums(exported)
    report = run(store, capsys, "report", "schemes", "--from", START, "--to", END, "--json")
    mine: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    due: Counter[tuple[str, str, str]] = Counter()
    for sale in sums.sales:
        for t in sale["tenders"]:
            if t["kind"] == "scheme":
                row = mine[(sale["sold_at"][:10], t["scheme_code"])]
                row["count"] += 1
                row["government"] += t["government_share_satang"]
                row["buyer"] += t["buyer_share_satang"]
                due[(t["government_share_expected_on"], t["scheme_code"], "government")] += t[
                    "government_share_satang"
                ]
                due[(t["buyer_share_expected_on"], t["scheme_code"], "buyer")] += t[
                    "buyer_share_satang"
                ]
    for note in sums.notes:
        for refund in note["refunds"]:
            tender = sums.tenders[refund["tender_id"]]
            if tender["kind"] == "scheme" and refund["method"].startswith("scheme"):
                share = "government" if refund["method"] == "scheme_government" else "buyer"
                mine[(note["issued_at"][:10], tender["scheme_code"])][share] -= refund[
                    "amount_satang"
                ]
                when = tender[f"{share}_share_expected_on"]  # same-day returns: same settlement
                due[(when, tender["scheme_code"], share)] -= refund["amount_satang"]
    assert {
        (line["sale_date"], line["scheme_code"]): (
            line["count"],
            line["government_satang"],
            line["buyer_satang"],
        )
        for line in report["lines"]
    } == {key: (row["count"], row["government"], row["buyer"]) for key, row in mine.items()}
    assert {
        (d["due_on"], d["scheme_code"], d["share"]): d["amount_satang"] for d in report["due"]
    } == {k: v for k, v in due.items() if v}
    assert {d["due_on"] for d in report["due"]} == {"2021-03-08"}  # Fri, Sat, Sun → Monday


def test_each_z_report_and_each_shift_match_the_export(
    store: Path, exported: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    everything = Sums(exported)
    numbers = []
    for day, export in zip(DAYS, exported, strict=True):
        (business_day,) = export["business_days"]
        sums = everything.of_day(business_day["business_day_id"])
        z = run(store, capsys, "report", "z", "--date", day, "--json")
        figures = z["figures"]
        numbers.append(z["z"]["number"])
        assert z["z"]["number"] == business_day["z_number"]
        sales = figures["sales"]
        assert (
            sales["count"],
            sales["subtotal_satang"],
            sales["total_satang"],
            sales["vat_satang"],
            sales["non_vat_satang"],
            sales["cash_rounding_satang"],
        ) == (
            len(sums.sales),
            sum(s["subtotal_satang"] for s in sums.sales),
            sum(s["total_satang"] for s in sums.sales),
            sum(s["vat_satang"] for s in sums.sales),
            sum(s["non_vat_satang"] for s in sums.sales),
            sum(s["cash_rounding_satang"] for s in sums.sales),
        )
        for kind in ("return", "void"):
            mine = [n for n in sums.notes if n["kind"] == kind]
            got = figures["returns" if kind == "return" else "voids"]
            assert (got["count"], got["total_satang"], got["vat_satang"]) == (
                len(mine),
                sum(n["total_satang"] for n in mine),
                sum(n["vat_satang"] for n in mine),
            )
        assert z["net_satang"] == sales["total_satang"] - sum(n["total_satang"] for n in sums.notes)
        tenders = sums.tenders_in()
        for line in figures["tenders"]:
            mine = tenders[line["key"]]
            kept = mine["tendered"] - mine["change"] if line["key"] == "cash" else mine["sales"]
            assert (line["sales_satang"], line["refunds_satang"]) == (kept, mine["refunds"])
        cash_in, cash_out = sums.cash_moved()
        assert (
            (figures["cash"]["cash_in_satang"], figures["cash"]["cash_out_satang"])
            == (cash_in, cash_out)
            == (30_000 * 1, 100_000)
        )
        assert z["expected_cash_satang"] == sums.expected_cash()
        assert z["counted_cash_satang"] == sum(counted(s) for s in sums.shifts)
        for line in figures["shifts"]:
            shift = everything.of_shift(line["shift_id"])
            (stored,) = shift.shifts
            cash = next(r for r in line["results"] if r["key"] == "cash")
            assert cash["expected_satang"] == shift.expected_cash()
            assert cash["counted_satang"] == counted(stored)
            stored_cash = next(r for r in stored["results"] if r["tender"] == "cash")
            assert stored_cash["expected_satang"] == shift.expected_cash()
    assert numbers == ["POS01-Z-00000001", "POS01-Z-00000002", "POS01-Z-00000003"]


def test_a_z_report_frozen_at_closing_equals_its_recomputed_figures(store: Path) -> None:
    with sqlite3.connect(store / DATABASE_FILENAME) as connection:
        frozen = {
            n: json.loads(f)
            for n, f in connection.execute("SELECT number, figures_json FROM z_report")
        }
    from pos.clock import SystemClock
    from pos.shifts.services.day_close import z_report

    context = open_context(store)
    try:
        for number, figures in frozen.items():
            again = z_report(context.reader(), SystemClock(), number).figures.to_json()
            assert json.loads(json.dumps(again)) == figures
    finally:
        context.close()


def test_the_report_csv_has_the_same_figures_in_baht(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(store, capsys, "report", "sales", "--from", START, "--to", END, "--json")
    target = tmp_path / "sales.csv"
    assert (
        main(
            [
                "--data-dir",
                str(store),
                "report",
                "sales",
                "--from",
                START,
                "--to",
                END,
                "--csv",
                str(target),
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    categories = [row for row in rows if row["section"] == "category"]
    assert [row["net"] for row in categories] == [
        format_baht(line["net_satang"], grouping=False) for line in report["categories"]["lines"]
    ]
    assert categories[2]["label_th"] == "ผ้าและเครื่องแต่งกาย"  # Thai survives
    sections = {row["section"] for row in rows}
    assert {
        "category",
        "target",
        "tender",
        "cash",
        "hour",
        "product",
        "credit_note",
        "approver",
        "producer",
        "scheme",
        "bank_due",
    } <= sections


def test_closed_days_from_the_z_rollup_and_an_open_day_from_its_lines_add_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "mixed"
    assert main(["--data-dir", str(store), "init", "--demo"]) == 0
    assert (
        main(
            [
                "--data-dir",
                str(store),
                "simulate",
                "--days",
                "2",
                "--sales-per-day",
                "30",
                "--seed",
                "2",
                "--start",
                "2021-03-01",
                "--return-rate",
                "0.1",
            ]
        )
        == 0
    )
    context = open_context(store)  # a third day, left open: no manager PIN, no Z
    from pos.simulation.trading_days import SimulationOptions, simulate

    simulate(
        context.uow_factory,
        SimulationOptions(days=1, sales_per_day=30, seed=3, start=dt.date(2021, 3, 3)),
    )
    days = []
    for day in ("2021-03-01", "2021-03-02", "2021-03-03"):
        from pos.sale.services.day_export import export_day

        days.append(export_day(context.uow_factory, dt.date.fromisoformat(day)))
    context.close()
    assert [len(d["business_days"]) for d in days] == [1, 1, 1]
    assert days[2]["business_days"][0]["z_number"] is None  # still open
    sums = Sums(days)
    report = run(
        store,
        capsys,
        "report",
        "sales",
        "--from",
        "2021-03-01",
        "--to",
        "2021-03-03",
        "--top",
        "500",
        "--json",
    )
    by_category = sums.by_line("category")
    assert {
        line["category"]: (line["lines"], line["sales_satang"], line["returns_satang"])
        for line in report["categories"]["lines"]
        if line["lines"]
    } == {key: (row["lines"], row["sales"], row["returns"]) for key, row in by_category.items()}
    by_producer = sums.by_line("producer_name")
    assert {
        line["producer_name"]: (line["sales_satang"], line["returns_satang"])
        for line in report["producers"]["lines"]
    } == {key: (row["sales"], row["returns"]) for key, row in by_producer.items()}
    by_sku = sums.by_line("sku")
    assert {
        p["sku"]: (p["quantity_milli"], p["total_satang"], p["returned_satang"])
        for p in report["products"]
    } == {key: (row["quantity"], row["sales"], row["returns"]) for key, row in by_sku.items()}


@pytest.mark.parametrize("second_day_closed", [True, False])
def test_the_target_counts_only_its_own_year_across_the_fiscal_new_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second_day_closed: bool
) -> None:
    store = tmp_path / "new-year"
    assert main(["--data-dir", str(store), "init", "--demo"]) == 0
    assert (
        main(
            [
                "--data-dir",
                str(store),
                "simulate",
                "--days",
                "1",
                "--sales-per-day",
                "40",
                "--seed",
                "6",
                "--start",
                "2021-09-30",
                "--return-rate",
                "0",
            ]
        )
        == 0
    )
    pin = ["--manager-pin", "5678"] if second_day_closed else ["--manager-pin", "0000"]
    assert (
        main(
            [
                "--data-dir",
                str(store),
                "simulate",
                "--days",
                "1",
                "--sales-per-day",
                "40",
                "--seed",
                "7",
                "--start",
                "2021-10-01",
                "--return-rate",
                "0",
                *pin,
            ]
        )
        == 0
    )
    context = open_context(store)
    from pos.sale.services.day_export import export_day

    days = [
        export_day(context.uow_factory, dt.date(2021, 9, 30)),
        export_day(context.uow_factory, dt.date(2021, 10, 1)),
    ]
    context.close()
    assert (days[1]["business_days"][0]["z_number"] is not None) is second_day_closed
    report = run(
        store, capsys, "report", "sales", "--from", "2021-09-30", "--to", "2021-10-01", "--json"
    )
    textile_both = Sums(days).by_line("category")["textile"]["sales"]
    textile_new_year = Sums(days[1:]).by_line("category")["textile"]["sales"]
    assert 0 < textile_new_year < textile_both
    target = report["categories"]["target"]
    assert (target["year_start"], target["sold_satang"]) == ("2021-10-01", textile_new_year)
    textile = next(c for c in report["categories"]["lines"] if c["category"] == "textile")
    assert textile["sales_satang"] == textile_both
