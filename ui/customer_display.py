"""The customer display: a window on the second screen with the lines and the total.

It appears when a second screen is connected (and the setting
``customer_display`` is on), on whichever screen the cashier's window is not,
and goes away when that screen is unplugged.  It is bilingual whatever the
cashier's language — tourists buy silk too.

Hook for payments (issue 4): :meth:`CustomerDisplay.show_payment_qr` shows a
PromptPay QR code image with its caption beside the total, and
:meth:`CustomerDisplay.clear_payment` hides it again; the controller's
``display`` attribute is the window (``None``-safe via
:meth:`CustomerDisplayController.show_payment_qr`).

Between sales (no line on the cart) it shows the shop's announcements one after
another and the QR poster, if the setting ``customer_display_idle`` has them
(:class:`pos.till.domain.idle_display.IdleDisplay`).  A settings page that
changes them, or ``customer_display``, calls :func:`tell_displays`: every
controller hears it through :func:`display_news` and the open display changes
at once, without a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap, QResizeEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.money import format_baht
from pos.till.domain.idle_display import IdleDisplay
from pos.till.services.session import TillSession
from ui.cart_view import quantity_text
from ui.qr_image import qr_image
from ui.widgets import named

SHOWN_LINES = 8
MIN_POSTER_PIXELS = 120
SMALL_SCREEN_HEIGHT = 600


class DisplayNews(QObject):
    """Where a settings page says the display's settings changed: (enabled, IdleDisplay)."""

    changed = Signal(bool, object)


_NEWS: list[DisplayNews] = []


def display_news() -> DisplayNews:
    """The one :class:`DisplayNews` of the application (made on first use)."""
    if not _NEWS:
        _NEWS.append(DisplayNews())
    return _NEWS[0]


def tell_displays(enabled: bool, idle: IdleDisplay) -> None:
    """Every customer display shows ``idle`` between sales from now on (and is on or off)."""
    display_news().changed.emit(enabled, idle)


class CustomerDisplay(QWidget):
    """What the customer sees: the last lines, the total, and (later) the QR to pay."""

    def __init__(self, till: TillSession, idle: IdleDisplay | None = None):
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("customerDisplay")
        self.setWindowTitle("OTOP Sisaket — customer display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._till = till
        self._idle = idle if idle is not None else till.settings.customer_display_idle
        self._tick = 0
        self._small: bool | None = None  # whether the screen is small (set on the first resize)
        self._fit = QTimer(self, singleShot=True, interval=0)
        self._fit.timeout.connect(self.fit_to_size)
        self._turn = QTimer(self)  # the next announcement, while no sale is on the display
        self._turn.timeout.connect(self.next_announcement)
        self._make_cart_labels()
        self._make_payment()
        self._make_idle()
        self._lay_out()
        self.clear_payment()
        self.set_idle(self._idle)

    def _make_cart_labels(self) -> None:
        self.welcome = QLabel("ยินดีต้อนรับ · Welcome — OTOP ศรีสะเกษ", wordWrap=True)
        _point_size(self.welcome, 22)
        self.lines = QLabel(alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.lines.setObjectName("customerLines")
        self.lines.setStyleSheet("font-size: 18pt;")
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.caption = QLabel("ยอดรวม · Total (VAT included)")
        self.caption.setStyleSheet("font-size: 18pt;")
        self.total = named(QLabel("0.00"), "customerTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _make_payment(self) -> None:
        self.payment_qr = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "paymentQr")
        self.payment_caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.payment_caption.setStyleSheet("font-size: 16pt;")
        self.payment = QWidget()  # hidden until a payment shows its QR: the lines get its room
        payment = QVBoxLayout(self.payment)
        payment.addWidget(self.payment_qr, 1)
        payment.addWidget(self.payment_caption)

    def _make_idle(self) -> None:
        self.announcement = named(QLabel(wordWrap=True), "customerAnnouncement")
        self.announcement.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _point_size(self.announcement, 28, bold=True)
        self.poster_qr = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "posterQr")
        self.poster_caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.poster_caption.setStyleSheet("font-size: 18pt;")
        self.poster = QWidget()  # between sales only, and never over a payment's QR
        poster = QVBoxLayout(self.poster)
        poster.addStretch(1)
        poster.addWidget(self.poster_qr)
        poster.addWidget(self.poster_caption)
        poster.addStretch(1)

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.welcome)
        left.addWidget(self.lines, 1)
        left.addWidget(self.announcement, 1)
        left.addWidget(self.caption)
        left.addWidget(self.total)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(30, 20, 30, 20)
        layout.addLayout(left, 3)
        layout.addWidget(self.payment, 2)
        layout.addWidget(self.poster, 2)

    def set_idle(self, idle: IdleDisplay) -> None:
        """Show ``idle``'s announcements and poster between sales from now on."""
        self._idle, self._tick = idle, 0
        self._poster_side = 0
        self._draw_poster()
        self.poster_caption.setText(idle.poster_caption)
        self.announcement.setText(idle.announcement_at(0))
        self._turn.setInterval(idle.seconds_each * 1000)
        self.refresh()

    def poster_side(self) -> int:
        """The QR's size for this screen: half its height, a quarter of its width at most."""
        return max(MIN_POSTER_PIXELS, min(self.height() // 2, self.width() // 4))

    def _draw_poster(self) -> None:
        side = self.poster_side()
        if not self._idle.has_poster:
            self.poster_qr.clear()
        elif side != self._poster_side:  # drawn again only when the screen's size changes it
            self.poster_qr.setPixmap(QPixmap.fromImage(qr_image(self._idle.poster_text, side)))
        self._poster_side = side if self._idle.has_poster else 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        # after the event, not inside it (a resize while the window is being torn down would
        # reach labels already gone); the timer dies with the window
        self._fit.start()
        super().resizeEvent(event)

    def fit_to_size(self) -> None:
        """The poster and the type sized for this screen."""
        self._draw_poster()
        # a small second screen (800x480) gets smaller type, or Thai's stacked marks are clipped
        small = self.height() < SMALL_SCREEN_HEIGHT
        if small is not self._small:
            self._small = small
            _point_size(self.welcome, 18 if small else 22)
            _point_size(self.announcement, 20 if small else 28)

    def next_announcement(self) -> None:
        self._tick += 1
        self.announcement.setText(self._idle.announcement_at(self._tick))

    def is_idle(self) -> bool:
        return not self._till.cart.lines

    def _show_idle_parts(self) -> None:
        idle = self.is_idle()
        self.lines.setVisible(not idle)
        self.announcement.setVisible(idle and bool(self._idle.announcements))
        self.poster.setVisible(idle and self._idle.has_poster and self.payment.isHidden())
        rotating = idle and len(self._idle.announcements) > 1
        if rotating and not self._turn.isActive():
            self._turn.start()
        elif not rotating:
            self._turn.stop()

    def refresh(self) -> None:
        lines = self._till.cart.lines[-SHOWN_LINES:]
        rows = []
        for line in lines:
            amount = format_baht(line.gross_satang - line.discount_satang)
            name_en = line.product.name_en
            english = f"<br><small>{_html(name_en)}</small>" if name_en else ""
            rows.append(
                f"<tr><td>{_html(line.product.name_th)}{english}</td>"
                f"<td align='right'>&nbsp;{_html(quantity_text(line))}&nbsp;</td>"
                f"<td align='right'>{amount}</td></tr>"
            )
        self.lines.setText("<table width='100%'>" + "".join(rows) + "</table>")
        self.total.setText(format_baht(self._till.totals().total_satang))
        self._show_idle_parts()

    def show_payment_qr(self, image: QImage | QPixmap, caption: str) -> None:
        """For issue 4: the PromptPay QR (as an image) and what it is for, beside the total."""
        pixmap = image if isinstance(image, QPixmap) else QPixmap.fromImage(image)
        self.payment_qr.setPixmap(pixmap)
        self.payment_caption.setText(caption)
        self.payment.show()
        self.poster.hide()

    def clear_payment(self) -> None:
        self.payment_qr.clear()
        self.payment_caption.clear()
        self.payment.hide()
        self._show_idle_parts()


def _point_size(label: QLabel, points: int, *, bold: bool | None = None) -> None:
    font = label.font()
    font.setPointSize(points)
    if bold is not None:
        font.setBold(bold)
    label.setFont(font)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CustomerDisplayController(QObject):
    """Shows the display on a screen other than the cashier's, when there is one."""

    def __init__(self, till: TillSession, cashier_window: QWidget, *, enabled: bool):
        super().__init__(cashier_window)
        self._till = till
        self._cashier_window = cashier_window
        self._enabled = enabled
        self._idle = till.settings.customer_display_idle
        self.display: CustomerDisplay | None = None
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(lambda _: self.place())
        app.screenRemoved.connect(lambda _: self.place())
        display_news().changed.connect(self.settings_changed)

    def settings_changed(self, enabled: bool, idle: IdleDisplay) -> None:
        """The manager saved the display's settings: show them now, on or off as set."""
        self._idle = idle
        if self.display is not None:
            self.display.set_idle(idle)
        if enabled != self._enabled:
            self._enabled = enabled
            self.place()

    def customer_screen(self) -> QScreen | None:
        if not self._enabled:
            return None
        own = self._cashier_window.screen()
        others = [screen for screen in QGuiApplication.screens() if screen is not own]
        return others[0] if others else None

    def place(self) -> None:
        screen = self.customer_screen()
        if screen is None:
            if self.display is not None:
                self.display.hide()
            return
        if self.display is None:
            self.display = CustomerDisplay(self._till, self._idle)
        self.display.setScreen(screen)
        self.display.setGeometry(screen.geometry())
        self.display.showFullScreen()
        self.display.refresh()

    def refresh(self) -> None:
        if self.display is not None and self.display.isVisible():
            self.display.refresh()

    def show_payment_qr(self, image: QImage | QPixmap, caption: str) -> bool:
        """Show the QR on the customer display if there is one; False when there is none."""
        if self.display is None or not self.display.isVisible():
            return False
        self.display.show_payment_qr(image, caption)
        return True

    def clear_payment(self) -> None:
        if self.display is not None:
            self.display.clear_payment()
