"""How the counter looks: one style sheet, sizes for fingers, colours that read at a glance.

Every button is at least :data:`PAD_KEY_HEIGHT` (48 px) high — a fingertip is
about 9 mm and 48 px the usual minimum — and the actions used all day get
:data:`TOUCH_HEIGHT` or more.  The
total is the largest thing on the screen.  Colours: mangosteen-purple header
(Sisaket silk), green for paying, red only for errors.

The keyboard focus is always visible (:data:`FOCUS`): a 3-px blue ring on
buttons (quick keys included), inputs, lists and tables, gold on the purple
header.  A style sheet that gives a button a border also takes away the
platform's focus frame, so the ring has to be drawn here.  The manager screen
uses this same sheet (its ``#header`` and buttons), not a copy.
"""

from __future__ import annotations

TOUCH_HEIGHT = 52
PAD_KEY_HEIGHT = 48
BIG_TOUCH_HEIGHT = 68
CART_ROW_HEIGHT = 60  # two lines of a long Thai name
STATUS_HEIGHT = 62  # two lines of a long message, at 13 pt with its padding
TOTAL_HEIGHT = 72
TOTAL_PT, SMALLEST_TOTAL_PT = 40, 24  # the total shrinks to fit a 1024-px screen, to 24 pt
QUICK_KEY_HEIGHT = 70  # two lines of name and the price
HEADER_PT = 12  # the header's smallest text: read from a step back, and it fits 1024 px

PURPLE = "#4a2c5e"
GOLD = "#f2c14e"
GREEN = "#1e7d32"
RED = "#c62828"
INK = "#1d1d1f"
MUTED = "#5f6368"
PAPER = "#f7f5f9"
GRID = "#e3dde9"
FOCUS = "#0b57d0"  # blue: reads on white, lilac and green, unlike the purple of a checked key

STYLE_SHEET = f"""
QWidget {{ color: {INK}; }}
QMainWindow, #saleScreen, #loginScreen {{ background: {PAPER}; }}
#header {{ background: {PURPLE}; }}
#header QLabel {{ color: white; font-size: {HEADER_PT}pt; }}
#header #shopLabel {{ font-size: 14pt; font-weight: bold; }}
#header #userLabel {{ color: {GOLD}; font-size: 13pt; font-weight: bold; }}
#header QPushButton {{ background: rgba(255,255,255,0.12); color: white; border: 1px solid
    rgba(255,255,255,0.35); border-radius: 6px; padding: 0 5px; font-size: {HEADER_PT}pt;
    /* no vertical padding: the 1 px borders make the key PAD_KEY_HEIGHT high, for a finger */
    min-height: {PAD_KEY_HEIGHT - 2}px; }}
QPushButton {{ min-height: {PAD_KEY_HEIGHT - 6}px; font-size: 13pt; background: white;
    border: 1px solid #b9b3c2; border-radius: 8px; padding: 2px 8px; }}
QPushButton:pressed {{ background: #e6dfee; }}
QPushButton:disabled {{ color: #9a9a9a; background: #eeeeee; }}
QPushButton:checked {{ background: {PURPLE}; color: white; }}
QPushButton:focus {{ border: 3px solid {FOCUS}; outline: none; }}
#header QPushButton:focus, #payButton:focus {{ border: 3px solid {GOLD}; }}
#payButton {{ background: {GREEN}; color: white; font-size: 20pt; font-weight: bold;
    min-height: {BIG_TOUCH_HEIGHT - 4}px; border: none; }}
#payButton:disabled {{ background: #9fbfa2; color: #eef5ee; }}
#payButton QLabel {{ color: white; font-size: 22pt; font-weight: bold; }}
QLineEdit {{ min-height: {PAD_KEY_HEIGHT - 4}px; font-size: 16pt; padding: 0 10px;
    border: 2px solid #b9b3c2; border-radius: 8px; background: white; }}
QLineEdit:focus {{ border: 3px solid {FOCUS}; }}
QComboBox:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus,
    QAbstractItemView:focus {{ border: 3px solid {FOCUS}; }}
QAbstractItemView::item:focus {{ border: 2px solid {FOCUS}; }}
QLineEdit[refused="true"], QPlainTextEdit[refused="true"] {{ border: 2px solid {RED}; }}
#cartTable {{ font-size: 13pt; background: white; alternate-background-color: #f3eff7;
    selection-background-color: #d9c8e8; selection-color: {INK}; gridline-color: {GRID}; }}
QScrollBar:vertical {{ width: 18px; background: #ece6f2; margin: 0; border: none; }}
QScrollBar::handle:vertical {{ background: #b9b3c2; min-height: 48px; border-radius: 6px;
    margin: 2px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; border: none; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QHeaderView::section {{ font-size: 12pt; background: #ece6f2; padding: 4px; border: none; }}
#totalPanel {{ background: white; border: 2px solid {PURPLE}; border-radius: 10px; }}
#totalCaption {{ font-size: 14pt; color: {MUTED}; }}
#totalLabel {{ font-size: {TOTAL_PT}pt; font-weight: bold; color: {PURPLE}; }}
#vatLabel, #itemsLabel {{ font-size: 12pt; color: {MUTED}; }}
#statusMessage {{ font-size: 13pt; padding: 2px 12px; border-radius: 6px; background: #e8f1ea; }}
#statusMessage[severity="error"] {{ background: {RED}; color: white; font-weight: bold; }}
#statusMessage[severity="warning"] {{ background: #fff3cd; color: #5c4400; }}
#shortcutHint {{ font-size: 10pt; color: {MUTED}; background: #f1eef4; border: 1px solid #cfc8d8;
    border-radius: 4px; padding: 0 4px; }}
#payButton #shortcutHint {{ color: white; font-size: 12pt; background: rgba(255,255,255,0.18);
    border-color: rgba(255,255,255,0.5); }}
#quickKeys QPushButton#quickKey {{ font-size: 12pt; min-height: {QUICK_KEY_HEIGHT - 6}px; }}
#quickKeys QPushButton#quickKey:focus {{ border: 3px solid {FOCUS}; background: #eef3fd;
    outline: none; }}
#managerScreen QTabBar::tab {{ font-size: 12pt; min-height: 36px; padding: 4px 12px;
    background: #ece6f2; border: 1px solid #cfc8d8; border-bottom: none;
    border-top-left-radius: 6px; border-top-right-radius: 6px; }}
#managerScreen QTabBar::tab:selected {{ background: white; color: {PURPLE}; font-weight: bold; }}
#managerScreen QTabBar::tab:focus {{ border: 3px solid {FOCUS}; }}
#managerScreen QTableWidget {{ font-size: 12pt; background: white;
    alternate-background-color: #f3eff7; gridline-color: {GRID};
    selection-background-color: #d9c8e8; selection-color: {INK}; }}
#managerScreen #totals {{ font-size: 15pt; font-weight: bold; color: {PURPLE}; }}
#managerScreen QLabel {{ font-size: 12pt; }}
#managerScreen #header QLabel {{ font-size: 15pt; }}
#managerScreen #header #managerTitle {{ color: {GOLD}; font-weight: bold; }}
#managerScreen #header #status {{ font-size: 12pt; }}
#entryPrompt {{ font-size: 15pt; font-weight: bold; }}
#entryHint {{ font-size: 11pt; color: {MUTED}; }}
#loginTitle {{ font-size: 26pt; font-weight: bold; color: {PURPLE}; }}
#lockBanner {{ font-size: 18pt; font-weight: bold; color: white; background: {PURPLE};
    border-radius: 8px; padding: 8px; }}
#loginMessage {{ font-size: 14pt; color: {RED}; font-weight: bold; }}
#resultsList {{ font-size: 13pt; background: white; }}
#customerDisplay {{ background: {PURPLE}; }}
#customerDisplay QLabel {{ color: white; }}
#customerDisplay #customerTotal {{ font-size: 64pt; font-weight: bold; color: {GOLD}; }}
"""
