"""Closing the business day (the Z report), and showing an X or Z report on screen.

``DayCloseDialog(context, parent=window).exec()`` lists what still stands in
the way (open shifts, differences not approved), takes the manager's PIN and
closes the day off the GUI thread (:func:`pos.shifts.services.day_close.close_day`,
which also queues the Z for the receipt printer).  ``DayReportView`` shows an
X or Z report's figures and can print an X directly (an X changes nothing, so
it is not queued).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from pos.bootstrap import AppContext
from pos.clock import Clock, SystemClock
from pos.ids import ZReportId
from pos.money import format_baht
from pos.printing.services.print_jobs import request_reprint
from pos.shifts.services.day_close import (
    Z_DOCUMENT_KIND,
    ClosingProblem,
    DayReport,
    close_day,
    closing_problem_items,
)
from receipts.connections import EscposTransport
from receipts.day_report_print import day_report_escpos
from receipts.samples import header_from_settings
from ui.background import error_text, run_in_background
from ui.backup_keeper import backup_after_z
from ui.document_printing import PrintFollower, context_probe, tell_printing
from ui.live_text import live, live_title, status_label_follows, worded
from ui.manager_widgets import ManagerPin, big_button, fill_table, new_table
from ui.messages import shown_date
from ui.payment_texts import tender_text
from ui.print_status import receipt_printer_set_up
from ui.screen_fit import fit_to_screen
from ui.status_line import say
from ui.sync_panel import sync_after_z
from ui.widgets import named


def day_rows(report: DayReport, context: AppContext) -> list[list[Any]]:
    """The report's main figures as (label, amount) rows for a table, in the screen's language."""
    figures = report.figures
    schemes = context.settings().schemes
    sales = QCoreApplication.translate("DayReportView", "Sales ({count} receipts)")
    returns = QCoreApplication.translate("DayReportView", "Returns ({count})")
    voids = QCoreApplication.translate("DayReportView", "Voids ({count})")
    rows: list[list[Any]] = [
        [sales.format(count=figures.sales.count), figures.sales.total_satang],
        [returns.format(count=figures.returns.count), -figures.returns.total_satang],
        [voids.format(count=figures.voids.count), -figures.voids.total_satang],
        [QCoreApplication.translate("DayReportView", "Net sales"), figures.net_satang],
    ]
    rows += [[tender_text(t.key, schemes), t.net_satang] for t in figures.tenders]
    expected = QCoreApplication.translate("DayReportView", "Cash expected in the drawer")
    rows.append([expected, figures.cash.expected_satang])
    if figures.counted_cash_satang is not None:
        counted = QCoreApplication.translate("DayReportView", "Cash counted")
        rows.append([counted, figures.counted_cash_satang])
        difference = QCoreApplication.translate("DayReportView", "Difference")
        rows.append([difference, figures.cash_difference_satang])
    if report.z is not None:
        total = QCoreApplication.translate("DayReportView", "Grand total (GT)")
        rows.append([total, report.z.grand_total_satang])
    return rows


def _shown_on(label: QLabel) -> Callable[[str, str], None]:
    return lambda text, _severity: label.setText(text)


def day_headings() -> list[str]:
    return [
        QCoreApplication.translate("DayReportView", "Item"),
        QCoreApplication.translate("DayReportView", "Baht"),
    ]


class DayReportView(QDialog):
    """An X or Z report on screen, and on the receipt printer.

    An X is sent to the printer directly (off the GUI thread; it changes
    nothing, so it is not queued); a Z is queued again as a copy (marked as one).
    """

    def __init__(self, context: AppContext, report: DayReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.report, self._context = report, context
        live_title(self, self._title)
        self.table = new_table("dayFigures")
        live(self.table, lambda: fill_table(self.table, day_headings(), day_rows(report, context)))
        self.status = status_label_follows(named(QLabel(wordWrap=True), "status"))
        self.print_button = worded(big_button("", self.print_report), lambda: self.tr("Print"))
        self.printing: PrintFollower | None = None
        layout = QVBoxLayout(self)
        day = report.figures.business_date
        layout.addWidget(
            worded(
                QLabel(),
                lambda: self.tr("{title} — business day {day}").format(
                    title=self._title(), day=shown_date(day, style="full")
                ),
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.print_button)
        layout.addWidget(worded(big_button("", self.accept), lambda: self.tr("Close")))
        fit_to_screen(self, QSize(520, 600))  # the table scrolls on a smaller screen

    def _title(self) -> str:
        if self.report.z is not None:
            return self.tr("Z report {number}").format(number=self.report.z.number)
        return self.tr("X report (the day is not closed)")

    def print_report(self) -> None:
        if self.report.z is not None:
            number = self.report.z.number
            request_reprint(self._context.uow_factory, Z_DOCUMENT_KIND, number, SystemClock())
            self._context.wake_printer()
            copy = self.tr("Copy of {number} queued.").format(number=number)
            self.printing = tell_printing(
                self.status,
                context_probe(self._context),
                Z_DOCUMENT_KIND,
                number,
                _shown_on(self.status),
                before=copy,
                previous=self.printing,
            )
            return
        settings = self._context.settings()
        if not receipt_printer_set_up(settings):  # an X is sent at once: nothing would wait
            self.status.setText(
                self.tr(
                    "No printer set up: the X report is not printed. It is shown here;"
                    " the manager screen exports the day's report as PDF."
                )
            )
            return
        header = header_from_settings(settings.receipt_header, pos_id=settings.terminal_id)
        data = day_report_escpos(self.report, header, settings.schemes, settings.receipt_printer)

        printed = self.tr("The X report has printed.")

        def send() -> str:  # drawn above on the GUI thread; only the sending waits
            EscposTransport(settings.receipt_printer).send_job(data)
            return printed

        say(self.status, lambda: self.tr("Printing …"))
        run_in_background(self, send, self.status.setText, self._print_failed, name="print-x")

    def _print_failed(self, error: Exception) -> None:
        say(
            self.status,
            lambda: self.tr("Cannot print: {problem}").format(problem=error_text(error)),
        )


class DayCloseDialog(QDialog):
    day_closed = Signal(object)  # DayReport (the Z)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, clock: Clock | None = None
    ):
        super().__init__(parent)
        self._context, self._clock = context, clock or SystemClock()
        live_title(self, lambda: self.tr("Close the day — Z report"))
        self.setMinimumWidth(520)
        self.problems = named(QLabel(wordWrap=True), "problems")
        self.manager_pin = ManagerPin(context)
        self.close_button = worded(
            big_button("", self._close), lambda: self.tr("Close the day (print the Z report)")
        )
        self.close_button.setObjectName("closeDay")
        self.status = status_label_follows(named(QLabel(wordWrap=True), "status"))
        self.figures = new_table("zFigures")
        self.figures.hide()
        self.printing: PrintFollower | None = None
        layout = QVBoxLayout(self)
        for widget in (
            self.problems,
            self.manager_pin,
            self.close_button,
            self.status,
            self.figures,
        ):
            layout.addWidget(widget)
        layout.addWidget(worded(big_button("", self.reject), lambda: self.tr("Close the window")))
        live(self.problems, self.refresh)  # now, and again at F9

    def refresh(self) -> None:
        """Say what must happen before the day can be closed."""
        with self._context.reader()() as uow:
            settings = uow.settings.load()
            day = uow.shifts.open_day(settings.terminal_id)
            problems = closing_problem_items(uow, day, settings) if day else []
        if day is None:
            self.problems.setText(
                self.tr("No business day is open (no shift was opened since the last Z report)")
            )
            self._can_close(False)
            return
        text = self.tr("Business day {day}").format(day=shown_date(day.business_date, style="full"))
        if problems:
            said = [self._problem_text(problem) for problem in problems]
            text += "\n" + self.tr("To do before closing the day:") + "\n• " + "\n• ".join(said)
        self.problems.setText(text)
        self._can_close(not problems)

    def _problem_text(self, problem: ClosingProblem) -> str:
        if problem.difference_satang is None:
            return self.tr("shift #{number} of {who} is still open: close it with a count").format(
                number=problem.shift_number, who=problem.who
            )
        return self.tr(
            "shift #{number} of {who} has a difference of {amount} baht that a manager has"
            " not approved"
        ).format(
            number=problem.shift_number,
            who=problem.who,
            amount=format_baht(problem.difference_satang),
        )

    def _can_close(self, possible: bool) -> None:
        """What stands in the way is said first: no PIN is taken for a day that cannot close."""
        self.close_button.setEnabled(possible)
        self.manager_pin.setEnabled(possible)

    def _close(self) -> None:
        approval = self.manager_pin.approval()
        if approval is None:
            say(self.status, lambda: self.tr("Choose the manager and type the PIN"))
            return
        self.close_button.setEnabled(False)
        say(self.status, lambda: self.tr("Closing the day …"))
        uow_factory, clock = self._context.uow_factory, self._clock
        run_in_background(
            self,
            lambda: close_day(uow_factory, clock, ZReportId(uuid.uuid4()), approval),
            self._closed,
            self._failed,
            name="close-day",
        )

    def _failed(self, error: Exception) -> None:
        self.status.setText(error_text(error))
        self.refresh()

    def _closed(self, report: DayReport) -> None:
        assert report.z is not None
        net = format_baht(report.figures.net_satang)
        done = self.tr("Day closed: {number}, net {net} baht.").format(
            number=report.z.number, net=net
        )
        self._context.wake_printer()
        self.printing = tell_printing(
            self.status,
            context_probe(self._context),
            Z_DOCUMENT_KIND,
            report.z.number,
            _shown_on(self.status),
            before=done,
        )
        fill_table(self.figures, day_headings(), day_rows(report, self._context))
        self.figures.show()
        self._can_close(False)
        self.day_closed.emit(report)
        sync_after_z(self._context)  # the day's records to the head office (issue 7)
        backup_after_z(self._context)  # and a copy of the closed day (issue 12)
