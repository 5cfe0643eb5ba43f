"""The government-scheme tender page: คนละครึ่ง, เราชนะ, ม33เรารักกัน and any configured scheme.

The schemes open now come from the payment quote (:func:`pos.sale.domain.payment.scheme_offers`):
each with what it may pay of this cart.  The page shows the scheme's rule,
the goods it does not pay for (another tender pays those), and as the
amount is typed the government's and the customer's shares.  One tender is
one person's app transaction: the amount put through the app, the app's
transaction reference (required), and — only when the app shows a smaller
government share than the rule (the person used part of today's cap
elsewhere) — that share.  F4 again moves to the next open scheme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QWidget

from pos.money import MoneyFormatError, format_baht, parse_baht
from pos.sale.domain.payment import SchemeOffer
from pos.sale.domain.tenders import SchemeTender, Tender, TenderKind
from pos.text import TextKind
from ui import text_fields
from ui.payment_texts import scheme_name
from ui.scan_router import TAKES_NO_INPUT
from ui.style import TOUCH_HEIGHT
from ui.tender_pages import InputError, PaymentState, TenderPage, _field
from ui.widgets import key_button, named


class SchemePage(TenderPage):
    kind = TenderKind.SCHEME

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choices = QButtonGroup(self)
        self.choices.idClicked.connect(lambda _: self._refresh())
        self._choice_row = QHBoxLayout()
        self.rule = named(QLabel(wordWrap=True), "schemeRule")
        self.excluded = named(QLabel(wordWrap=True), "schemeExcluded")
        self.amount = _field("schemeAmount")
        self.amount.textChanged.connect(lambda _: self._show_shares())
        self.shares = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "schemeShares")
        self.government = _field("schemeGovernmentShare")
        self.government.textChanged.connect(lambda _: self._show_shares())
        self.reference = named(QLineEdit(), "schemeReference")
        text_fields.watch(
            self.reference, TextKind.REFERENCE, "the app's transaction reference", "เลขอ้างอิงในแอป"
        )
        self.amount_label, self.government_label, self.reference_label = (
            QLabel(),
            QLabel(),
            QLabel(),
        )
        self.column.addLayout(self._choice_row)
        for widget in (
            self.rule,
            self.excluded,
            self.amount_label,
            self.amount,
            self.shares,
            self.reference_label,
            self.reference,
            self.government_label,
            self.government,
        ):
            self.column.addWidget(widget)
        self.column.addStretch(1)
        self.offers: tuple[SchemeOffer, ...] = ()
        self.retranslate()

    # --- which scheme -------------------------------------------------------------------------
    def _set_offers(self, offers: tuple[SchemeOffer, ...]) -> None:
        if [o.scheme.code for o in offers] == [o.scheme.code for o in self.offers]:
            self.offers = offers
            return
        for button in self.choices.buttons():
            self.choices.removeButton(button)
            button.deleteLater()
        self.offers = offers
        for index, offer in enumerate(offers):
            button = key_button(checkable=True)
            button.setObjectName(f"scheme_{offer.scheme.code}")
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.setChecked(index == 0)
            self.choices.addButton(button, index)
            self._choice_row.addWidget(button)
        self._name_buttons()

    def _name_buttons(self) -> None:
        for index, offer in enumerate(self.offers):
            self.choices.button(index).setText(scheme_name(offer.scheme))

    def chosen(self) -> SchemeOffer | None:
        index = self.choices.checkedId()
        return self.offers[index] if 0 <= index < len(self.offers) else None

    def choose(self, code: str) -> None:
        for index, offer in enumerate(self.offers):
            if offer.scheme.code == code:
                self.choices.button(index).setChecked(True)
                self._refresh()

    def next_scheme(self) -> None:
        if len(self.offers) > 1:
            following = (self.choices.checkedId() + 1) % len(self.offers)
            self.choices.button(following).setChecked(True)
            self._refresh()

    # --- what the page shows ------------------------------------------------------------------
    def prepare(self, state: PaymentState) -> None:
        super().prepare(state)
        self._set_offers(state.quote.schemes)
        self.reference.clear()
        self.government.clear()
        self._refresh()

    def _eligible_left(self, offer: SchemeOffer) -> int:
        taken = sum(
            tender.amount_satang
            for tender in (self.state.tenders if self.state else ())
            if isinstance(tender, SchemeTender) and tender.scheme_code == offer.scheme.code
        )
        return max(0, offer.eligible_satang - taken)

    def _refresh(self) -> None:
        offer, state = self.chosen(), self.state
        paid = state is not None and state.progress.remaining_satang <= 0
        self._show_fields(offer is not None and state is not None and not paid)
        if paid and offer is not None:
            self.rule.setText(self.tr("Nothing is left to pay: Enter completes the sale."))
            self.excluded.clear()
            return
        if offer is None or state is None:
            self.rule.setText(
                self.tr(
                    "No government scheme pays today, so there is nothing to enter here."
                    " Pay by cash (F1), PromptPay (F2) or card (F3)."
                )
            )
            self.excluded.clear()
            self.shares.clear()
            return
        scheme, phase = offer.scheme, offer.phase
        share = _percent(scheme.government_share_basis_points)
        cap = scheme.cap_per_person_per_day_satang
        rule = self.tr("{scheme} (phase {phase}): the government pays {share}").format(
            scheme=scheme_name(scheme), phase=phase.name, share=share
        )
        if cap is not None:
            rule += " " + self.tr("up to {cap} per person per day").format(cap=format_baht(cap))
        left = self._eligible_left(offer)
        rule += " · " + self.tr("Goods it pays for: {eligible}").format(eligible=format_baht(left))
        self.rule.setText(rule)
        names = [
            line.name or line.sku
            for line in state.lines
            if not scheme.pays_for(line.category, line.sku)
        ]
        self.excluded.setText(
            self.tr("Not paid by the scheme: {goods}. Pay these by another tender.").format(
                goods=", ".join(names)
            )
            if names
            else ""
        )
        suggested = min(left, state.progress.remaining_satang)
        self.amount.setText(format_baht(suggested, grouping=False) if suggested > 0 else "")
        self._show_shares()

    def _show_fields(self, shown: bool) -> None:
        """Fields with nothing to take are not shown, and the page takes no typing (not a scan)."""
        labels = (self.amount_label, self.reference_label, self.government_label, self.shares)
        for widget in (*labels, self.amount, self.government, self.reference):
            widget.setVisible(shown)
            widget.setEnabled(shown)
        self.hint.setVisible(shown)  # "F4 again: next scheme" means nothing without one
        self.setProperty(TAKES_NO_INPUT, not shown)

    def _shares(self) -> tuple[int, int] | None:
        offer = self.chosen()
        try:
            amount = parse_baht(self.amount.text())
            typed = self.government.text().strip()
            government = parse_baht(typed) if typed else None
        except MoneyFormatError:
            return None
        if offer is None or amount <= 0:
            return None
        most = offer.scheme.max_government_share(amount, offer.phase)
        return (most if government is None else government), amount

    def _show_shares(self) -> None:
        shares = self._shares()
        if shares is None:
            self.shares.clear()
            return
        government, amount = shares
        self.shares.setText(
            self.tr("Government pays {government} · customer pays {buyer}").format(
                government=format_baht(government), buyer=format_baht(amount - government)
            )
        )

    # --- taking the tender --------------------------------------------------------------------
    def fields(self) -> list[QLineEdit]:
        return [self.reference, self.amount, self.government]

    def has_input(self) -> bool:
        remaining = self.state.progress.remaining_satang if self.state else 0
        return self.chosen() is not None and remaining > 0 and bool(self.amount.text().strip())

    def enter(self) -> Tender | None:
        offer = self.chosen()
        if offer is None:
            raise InputError(self.tr("No government scheme pays today."))
        amount = self.exact_amount_of(self.amount)
        left = self._eligible_left(offer)
        if amount > left:
            raise InputError(
                self.tr(
                    "{scheme} pays for at most {left} of these goods."
                    " Pay the rest by another tender."
                ).format(scheme=scheme_name(offer.scheme), left=format_baht(left))
            )
        government = None
        if self.government.text().strip():
            government = self.amount_of(self.government)
            most = offer.scheme.max_government_share(amount, offer.phase)
            if government > most:
                raise InputError(
                    self.tr("The government pays at most {most} of {amount}.").format(
                        most=format_baht(most), amount=format_baht(amount)
                    )
                )
        reference = self.reference.text().strip()
        if not reference:
            self.reference.setFocus()
            raise InputError(self.tr("Type the transaction reference shown in the app."))
        self.reference.clear()
        self.government.clear()
        return SchemeTender(offer.scheme.code, amount, reference, government, offer.phase.name)

    def focus_field(self) -> None:
        (self.reference if self.reference.isEnabled() else self).setFocus()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Government scheme"))
        self.hint.setText(
            self.tr("One tender per person's app transaction. F4 again: next scheme.")
        )
        self.amount_label.setText(self.tr("Amount through the app (government + customer)"))
        self.reference_label.setText(self.tr("The app's transaction reference"))
        self.government_label.setText(
            self.tr("Government share shown in the app, only if less (else empty)")
        )
        self._name_buttons()
        super().retranslate()


def _percent(basis_points: int) -> str:
    whole, fraction = divmod(basis_points, 100)
    return f"{whole}%" if not fraction else f"{whole}.{fraction:02d}".rstrip("0") + "%"
