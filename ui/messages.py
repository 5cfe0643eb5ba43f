"""What the cashier reads when the till refuses something or a scan goes wrong, translated.

The services say *what* happened (:class:`pos.till.domain.rules.TillProblem`,
:class:`pos.till.services.scanning.ScanKind`) and never word it; this module words
it in the current language.  Messages name the code or the goods concerned and
say what to do next.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from pos.catalogue.domain.products import Product
from pos.money import format_baht
from pos.thai_dates import thai_date
from pos.till.domain.rules import TillError, TillProblem
from pos.till.services.scanning import ScanKind, ScanOutcome
from ui.i18n import is_thai


def product_name(product: Product) -> str:
    """The name in the screen's language (the Thai one when there is no English)."""
    if is_thai() or not product.name_en:
        return product.name_th
    return product.name_en


def shown_date(day: dt.date, style: str = "short") -> str:
    """A date as the screen's language writes it: Buddhist era in Thai, ``1 Mar 2021`` else."""
    if is_thai():
        return thai_date(day, style=style)
    return f"{day.day} {day:%B %Y}" if style == "full" else f"{day.day} {day:%b %Y}"


def category_text(category: str, label_th: str) -> str:
    """A product category's name in the screen's language (the Thai one from the catalogue)."""
    names = {
        "textile": QCoreApplication.translate("Messages", "fabrics and clothing"),
        "food": QCoreApplication.translate("Messages", "food"),
        "beverage": QCoreApplication.translate("Messages", "drinks"),
        "herbal": QCoreApplication.translate("Messages", "herbal products"),
        "household": QCoreApplication.translate("Messages", "crafts and household goods"),
    }
    return label_th if is_thai() else names.get(category, category)


def unit_label(product: Product) -> str:
    return product.unit.label_th if is_thai() else product.unit.value


def locked_text(seconds: int) -> str:
    """A manager or cashier locked out by wrong PINs, and how long they must wait."""
    return QCoreApplication.translate(
        "Messages", "Too many wrong PINs. Wait {seconds} seconds."
    ).format(seconds=seconds)


def problem_text(error: TillError) -> str:
    limit = int(str(error.details.get("limit_basis_points", 0)))
    texts = {
        TillProblem.NOT_LOGGED_IN: QCoreApplication.translate("Messages", "Log in first."),
        TillProblem.WRONG_PIN: QCoreApplication.translate("Messages", "Wrong PIN. Try again."),
        TillProblem.LOCKED_OUT: locked_text(int(str(error.details.get("seconds", 60)))),
        TillProblem.NOT_A_MANAGER: QCoreApplication.translate(
            "Messages", "Only a manager can approve this."
        ),
        TillProblem.CART_NOT_EMPTY: QCoreApplication.translate(
            "Messages", "Finish or hold the sale first."
        ),
        TillProblem.CART_EMPTY: QCoreApplication.translate("Messages", "The cart is empty."),
        TillProblem.APPROVAL_NEEDED: QCoreApplication.translate(
            "Messages", "A discount above {limit}% needs a manager's PIN."
        ).format(limit=_percent(limit)),
        TillProblem.OVER_LIMIT_AFTER_CHANGE: QCoreApplication.translate(
            "Messages",
            "Not changed: a discount would go above {limit}%. Change the discount first.",
        ).format(limit=_percent(limit)),
        TillProblem.DISCOUNT_TOO_LARGE: QCoreApplication.translate(
            "Messages", "The discount is more than the goods cost."
        ),
        TillProblem.WHOLE_UNITS_ONLY: QCoreApplication.translate(
            "Messages", "These goods are sold in whole units only."
        ),
        TillProblem.LABEL_QUANTITY_FIXED: QCoreApplication.translate(
            "Messages", "A scale label's quantity is fixed by its price."
        ),
        TillProblem.QUANTITY_NOT_POSITIVE: QCoreApplication.translate(
            "Messages", "The quantity must be more than 0."
        ),
        TillProblem.NO_SUCH_LINE: QCoreApplication.translate(
            "Messages", "Choose a line in the cart first."
        ),
        TillProblem.NO_SUCH_HELD_CART: QCoreApplication.translate(
            "Messages", "That cart is no longer held."
        ),
        TillProblem.CART_CHANGED: QCoreApplication.translate(
            "Messages", "The cart changed. Press Pay again."
        ),
    }
    return texts.get(error.problem, str(error))


def scan_text(outcome: ScanOutcome) -> str:
    """The status line after a scan: what was added, or what was wrong with the code."""
    code = outcome.code
    if outcome.kind is ScanKind.ADDED and outcome.line is not None and outcome.product:
        return QCoreApplication.translate("Messages", "Added {name} — {amount}").format(
            name=product_name(outcome.product), amount=format_baht(outcome.line.gross_satang)
        )
    if outcome.kind is ScanKind.WEIGHT_NEEDED and outcome.product is not None:
        return QCoreApplication.translate("Messages", "Weigh {name}: type the weight in kg").format(
            name=product_name(outcome.product)
        )
    if outcome.kind is ScanKind.NOT_BY_WEIGHT and outcome.product is not None:
        return QCoreApplication.translate(
            "Messages", "Code {code} is a weight label, but {name} is not sold by weight."
        ).format(code=code, name=product_name(outcome.product))
    if outcome.kind is ScanKind.UNKNOWN:
        return QCoreApplication.translate(
            "Messages", "Code {code} is not in the catalogue. Search by name, or set it aside."
        ).format(code=code)
    if "check digit" in outcome.detail:
        return QCoreApplication.translate(
            "Messages", "Code {code} was misread (wrong check digit). Scan it again."
        ).format(code=code)
    return QCoreApplication.translate(
        "Messages", "Code {code} is not a barcode or SKU. Scan it again."
    ).format(code=code or "—")


def journal_error_text() -> str:
    return QCoreApplication.translate(
        "Messages", "The cart could not be saved to disk. It is kept; tell the manager."
    )


def _percent(basis_points: int) -> str:
    whole, fraction = divmod(basis_points, 100)
    return str(whole) if not fraction else f"{whole}.{fraction:02d}".rstrip("0")
