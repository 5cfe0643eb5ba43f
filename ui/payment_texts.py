"""What the payment and return screens say about tenders, refunds and refusals, translated.

The payment core words its refusals in English for logs and the command line
(:class:`pos.sale.domain.tenders.PaymentError`, :class:`pos.sale.services.checkout.CheckoutError`).
On the till the cashier reads Thai, so the refusals a cashier meets are
recognised here and worded again; anything else is shown under a translated
heading with the core's own words, so nothing is ever hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pos.bootstrap import store_problem_kind
from pos.money import format_baht
from pos.sale.domain.credit_notes import RefundMethod
from pos.sale.domain.schemes import Scheme, SchemeBook
from pos.sale.domain.tenders import SettledTender, TenderKind
from pos.shifts.domain.cash_control import TenderKey
from ui.i18n import is_thai


def tender_name(kind: TenderKind) -> str:
    return {
        TenderKind.CASH: QCoreApplication.translate("PaymentTexts", "Cash"),
        TenderKind.PROMPTPAY: QCoreApplication.translate("PaymentTexts", "PromptPay"),
        TenderKind.CARD: QCoreApplication.translate("PaymentTexts", "Card"),
        TenderKind.SCHEME: QCoreApplication.translate("PaymentTexts", "Government scheme"),
    }[kind]


def scheme_name(scheme: Scheme) -> str:
    return scheme.name_th if is_thai() or not scheme.name_en else scheme.name_en


def tender_text(key: str, schemes: SchemeBook) -> str:
    """A tender's name in the screen's language (pos.reports' tender_label is the Thai one)."""
    labels = {
        TenderKey.CASH: QCoreApplication.translate("PaymentTexts", "Cash"),
        TenderKey.CARD: QCoreApplication.translate("PaymentTexts", "Card"),
        TenderKey.PROMPTPAY: QCoreApplication.translate("PaymentTexts", "PromptPay"),
    }
    if key in labels:
        return labels[key]
    code = key.removeprefix("scheme:")
    found = next((s for s in schemes.schemes if s.code == code), None)
    return scheme_name(found) if found else code


def describe_tender(tender: SettledTender, name_of: Callable[[str], str]) -> str:
    """One line of the tenders list: kind, amount, and what was recorded with it."""
    amount = format_baht(tender.amount_satang)
    if tender.kind is TenderKind.CASH:
        return QCoreApplication.translate("PaymentTexts", "Cash received {amount}").format(
            amount=format_baht(tender.tendered_satang)
        )
    if tender.kind is TenderKind.SCHEME:
        return QCoreApplication.translate(
            "PaymentTexts",
            "{scheme} {amount}\ngovernment {government} · customer {buyer} · ref. {reference}",
        ).format(
            scheme=name_of(tender.scheme_code or ""),
            amount=amount,
            government=format_baht(tender.government_share_satang),
            buyer=format_baht(tender.buyer_share_satang),
            reference=tender.reference or "",
        )
    if tender.kind is TenderKind.CARD:
        return QCoreApplication.translate("PaymentTexts", "Card {amount} · approval {code}").format(
            amount=amount, code=tender.reference or ""
        )
    text = QCoreApplication.translate("PaymentTexts", "PromptPay {amount} · received").format(
        amount=amount
    )
    return text + (f" · {tender.reference}" if tender.reference else "")


def refund_method_name(method: RefundMethod) -> str:
    return {
        RefundMethod.CASH: QCoreApplication.translate("PaymentTexts", "Cash back to the customer"),
        RefundMethod.CARD: QCoreApplication.translate("PaymentTexts", "Back to the card"),
        RefundMethod.PROMPTPAY: QCoreApplication.translate(
            "PaymentTexts", "Transfer back (PromptPay)"
        ),
        RefundMethod.SCHEME: QCoreApplication.translate(
            "PaymentTexts", "Customer's share back to their app wallet"
        ),
        RefundMethod.SCHEME_GOVERNMENT: QCoreApplication.translate(
            "PaymentTexts", "Government's share back to the scheme (never in cash)"
        ),
    }[method]


# Refusals of the payment core the cashier meets, recognised by their English wording.
_REFUSALS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"app reference (?P<ref>.+) was already used on receipt (?P<receipt>\S+)"),
        lambda m: QCoreApplication.translate(
            "PaymentTexts", "App reference {ref} was already used on receipt {receipt}. Check it."
        ).format(ref=m["ref"], receipt=m["receipt"]),
    ),
    (
        re.compile(r"app reference (?P<ref>.+) is entered twice"),
        lambda m: QCoreApplication.translate(
            "PaymentTexts", "App reference {ref} is entered twice."
        ).format(ref=m["ref"]),
    ),
    (
        re.compile(
            r"^(?P<scheme>.+) pays for at most (?P<most>[\d,.]+) of these goods"
            r" \(not for: (?P<goods>.*)\)"
        ),
        lambda m: QCoreApplication.translate(
            "PaymentTexts",
            "{scheme} pays for at most {most} of these goods (not for: {goods})."
            " Pay the rest by another tender.",
        ).format(scheme=m["scheme"], most=m["most"], goods=m["goods"]),
    ),
    (re.compile(r"^no shift is open"), lambda m: no_shift_text()),
    (
        re.compile(r"^(?P<due>[\d,.]+) is still due"),
        lambda m: QCoreApplication.translate("PaymentTexts", "{due} is still due.").format(
            due=m["due"]
        ),
    ),
    (
        re.compile(r"^a manager must approve"),
        lambda m: QCoreApplication.translate(
            "PaymentTexts",
            "A discount or price change needs a manager's approval. Go back to"
            " the cart (Esc) and let a manager approve it.",
        ),
    ),
    (
        re.compile(r"^(?P<scheme>\S+).* does not pay at"),
        lambda m: QCoreApplication.translate(
            "PaymentTexts", "{scheme} does not pay at this date or time."
        ).format(scheme=m["scheme"]),
    ),
)


def no_shift_text() -> str:
    return QCoreApplication.translate(
        "PaymentTexts",
        "No shift is open on this till: open one first (count the float) — F11 menu, Ctrl+O.",
    )


def refusal_text(error: Exception) -> str:
    """A refusal of the payment core in the cashier's language."""
    message = str(error)
    for pattern, word in _REFUSALS:
        match = pattern.search(message)
        if match:
            return word(match)
    return QCoreApplication.translate("PaymentTexts", "Not accepted: {detail}").format(
        detail=message
    )


def store_failure_text(error: Exception) -> str:
    if store_problem_kind(error) == "full":  # the one a cashier can name to the manager
        return QCoreApplication.translate(
            "PaymentTexts",
            "The disk is full: the sale was not saved and nothing was recorded; the cart is"
            " kept. Tell the manager to free some space, then take the payment again.",
        )
    return QCoreApplication.translate(
        "PaymentTexts",
        "The sale could not be saved ({detail}). Nothing was recorded; the cart is kept."
        " Try again, or tell the manager.",
    ).format(detail=type(error).__name__)
