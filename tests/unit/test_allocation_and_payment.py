"""Which tender paid for which line; excluded goods; the payment plan checkout stores."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.clock import THAI_TIME
from pos.money import CashRounding
from pos.sale.domain.allocation import AllocationError, allocate
from pos.sale.domain.payment import PayableLine, plan_payment, scheme_offers
from pos.sale.domain.schemes import KHON_LA_KHRUENG, RAO_CHANA, SchemeBook
from pos.sale.domain.tenders import CardTender, CashTender, PaymentError, SchemeTender

FEB_2021 = dt.datetime(2021, 3, 10, 11, 0, tzinfo=THAI_TIME)  # co-pay and Rao Chana both open


def test_crossing_restrictions_are_solved_where_greedy_would_fail() -> None:
    # A may pay lines 0-1, B lines 1-2: B needs line 1 entirely, so A must take line 0
    result = allocate([1000, 1000, 1000], [1000, 2000], [frozenset({0, 1}), frozenset({1, 2})])
    assert result == [[1000, 0], [0, 1000], [0, 1000]]


def test_an_impossible_restriction_names_the_tender_and_what_it_may_pay() -> None:
    with pytest.raises(AllocationError) as raised:
        allocate([1000, 500], [1200, 300], [frozenset({0}), None])
    assert (raised.value.tender_index, raised.value.payable_satang) == (0, 1000)


@st.composite
def allocation_problems(
    draw: st.DrawFn,
) -> tuple[list[int], list[int], list[frozenset[int] | None]]:
    lines = draw(st.lists(st.integers(1, 100_000), min_size=1, max_size=8))
    total = sum(lines)
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=0, max_size=4)))
    tenders = [b - a for a, b in itertools.pairwise([0, *cuts, total])]
    restricted = st.frozensets(st.integers(0, len(lines) - 1), max_size=len(lines))
    may_pay = [draw(st.one_of(st.none(), restricted)) for _ in tenders]
    return lines, tenders, may_pay


@given(allocation_problems())
def test_allocation_adds_up_both_ways_or_is_truly_impossible(
    problem: tuple[list[int], list[int], list[frozenset[int] | None]],
) -> None:
    lines, tenders, may_pay = problem
    try:
        result = allocate(lines, tenders, may_pay)
    except AllocationError:
        # Hall's condition must fail: some set of restricted tenders needs more than its lines
        restricted = [t for t, allowed in enumerate(may_pay) if allowed is not None]
        assert any(
            sum(tenders[t] for t in group)
            > sum(lines[i] for i in set().union(*(may_pay[t] or set() for t in group)))
            for size in range(1, len(restricted) + 1)
            for group in itertools.combinations(restricted, size)
        )
        return
    assert [sum(row) for row in result] == lines
    assert [sum(row[t] for row in result) for t in range(len(tenders))] == tenders
    for line, row in enumerate(result):
        for tender, amount in enumerate(row):
            assert amount >= 0
            allowed = may_pay[tender]
            assert amount == 0 or allowed is None or line in allowed


# --- the payment plan --------------------------------------------------------------------------
SILK = PayableLine(250_000, "textile", "TX-SILK-0001", "ผ้าไหมมัดหมี่")
SNACK = PayableLine(12_000, "food", "FD-DURI-0001", "ทุเรียนทอด")
RICE_WINE = PayableLine(18_000, "beverage", "BV-WINE-0001", "สาโทบ้านโนนแดง")
NO_DRINKS = dataclasses.replace(KHON_LA_KHRUENG, excluded_categories=frozenset({"beverage"}))
BOOK = SchemeBook((NO_DRINKS, RAO_CHANA))


def test_excluded_goods_must_be_paid_by_another_tender() -> None:
    lines = [SNACK, RICE_WINE]
    with pytest.raises(PaymentError, match=r"pays for at most 120\.00.*not for: สาโทบ้านโนนแดง"):
        plan_payment(
            lines,
            [SchemeTender("khon_la_khrueng", 30_000, "R1")],
            CashRounding.NONE,
            BOOK,
            FEB_2021,
        )
    plan = plan_payment(
        lines,
        [SchemeTender("khon_la_khrueng", 12_000, "R1"), CashTender(20_000)],
        CashRounding.NONE,
        BOOK,
        FEB_2021,
    )
    by_line = {(s.line_index, s.tender_index): s for s in plan.allocation}
    assert (
        by_line[(0, 0)].amount_satang == 12_000 and by_line[(0, 0)].government_share_satang == 6_000
    )
    assert by_line[(1, 1)].amount_satang == 18_000 and (1, 0) not in by_line


def test_cash_is_allocated_before_rounding_and_government_shares_follow_the_lines() -> None:
    plan = plan_payment(
        [SILK, SNACK],
        [SchemeTender("khon_la_khrueng", 20_000, "R1"), CashTender(300_000)],
        CashRounding.BAHT,
        BOOK,
        FEB_2021,
    )
    amounts = {(s.line_index, s.tender_index): s.amount_satang for s in plan.allocation}
    assert sum(amounts.values()) == 262_000  # the goods, not the 261,999.5 rounded cash
    government = sum(s.government_share_satang for s in plan.allocation)
    assert government == plan.settlement.tenders[0].government_share_satang == 10_000


def test_the_same_app_reference_twice_is_refused() -> None:
    twice = SchemeTender("rao_chana", 1_000, "R1")
    with pytest.raises(PaymentError, match="entered twice"):
        plan_payment([SILK], [twice, twice], CashRounding.NONE, BOOK, FEB_2021)


def test_two_schemes_with_different_exclusions_in_one_sale() -> None:
    plan = plan_payment(
        [SNACK, RICE_WINE],
        [SchemeTender("khon_la_khrueng", 12_000, "A"), SchemeTender("rao_chana", 18_000, "B")],
        CashRounding.NONE,
        BOOK,
        FEB_2021,
    )
    assert {(s.line_index, s.tender_index) for s in plan.allocation} == {(0, 0), (1, 1)}
    with pytest.raises(PaymentError):
        plan_payment(
            [SNACK, RICE_WINE],
            [SchemeTender("khon_la_khrueng", 13_000, "A"), CardTender(17_000, "X1")],
            CashRounding.NONE,
            BOOK,
            FEB_2021,
        )


def test_scheme_offers_show_what_each_open_scheme_may_pay() -> None:
    offers = {o.scheme.code: o for o in scheme_offers([SILK, RICE_WINE], BOOK, FEB_2021)}
    assert offers["khon_la_khrueng"].eligible_satang == 250_000
    assert offers["khon_la_khrueng"].max_government_share_satang == 15_000
    assert offers["rao_chana"].eligible_satang == 268_000
    later = dt.datetime(2021, 7, 5, 10, 0, tzinfo=THAI_TIME)
    assert [o.scheme.code for o in scheme_offers([SILK], BOOK, later)] == ["khon_la_khrueng"]
