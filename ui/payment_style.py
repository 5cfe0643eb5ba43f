"""How the payment and return screens look, on top of :mod:`ui.style` (set on their root widget).

The change is the largest thing on the payment screen once there is change to
give (the cashier counts it out while reading it); what is still due is next;
refund amounts are as large on the return screen.  Errors are red, never a
dialog.
"""

from __future__ import annotations

from ui.style import GREEN, MUTED, PAPER, PURPLE, RED

PAYMENT_STYLE = f"""
#paymentScreen, #returnsScreen {{ background: {PAPER}; }}
#paymentTotal {{ font-size: 34pt; font-weight: bold; color: {PURPLE}; }}
#amountDue {{ font-size: 30pt; font-weight: bold; color: {PURPLE}; }}
#changeAmount {{ font-size: 60pt; font-weight: bold; color: {GREEN}; }}
#changeCaption, #dueCaption, #totalCaption {{ font-size: 14pt; color: {MUTED}; }}
#summaryPanel {{ background: white; border: 2px solid {PURPLE}; border-radius: 10px; }}
#breakdown, #buyerLine {{ font-size: 11pt; color: {MUTED}; }}
#tenderList, #returnLines {{ font-size: 13pt; background: white; }}
#tenderKinds QPushButton {{ font-weight: bold; }}
#tenderKinds QPushButton:checked {{ background: #e4d6f0; border: 3px solid {PURPLE}; }}
#completeButton, #returnButton {{ background: {GREEN}; color: white; border: none; }}
#completeButton QLabel, #returnButton QLabel {{ color: white; font-size: 18pt;
    font-weight: bold; }}
#completeButton:disabled {{ background: #9fbfa2; }}
#completeButton #shortcutHint, #returnButton #shortcutHint {{ color: white;
    background: rgba(255,255,255,0.18); border-color: rgba(255,255,255,0.5); font-size: 12pt; }}
#promptPayQr {{ background: white; }}
#transferReceived {{ border: 3px solid {GREEN}; }}
#transferReceived QLabel {{ font-weight: bold; color: {GREEN}; }}
#qrCaption, #schemeShares {{ font-size: 15pt; font-weight: bold; color: {PURPLE}; }}
#schemeExcluded, #panelError {{ color: {RED}; font-weight: bold; font-size: 12pt; }}
#schemeRule {{ font-size: 12pt; }}
#paymentStatus {{ font-size: 13pt; padding: 2px 12px; border-radius: 6px; background: #e8f1ea; }}
#paymentStatus[severity="error"] {{ background: {RED}; color: white; font-weight: bold; }}
#paymentStatus[severity="warning"] {{ background: #fff3cd; color: #5c4400; }}
#doneTitle {{ font-size: 26pt; font-weight: bold; color: {GREEN}; }}
#doneDetail {{ font-size: 16pt; }}
#saleInfo {{ font-size: 12pt; background: white; border: 1px solid #d5cfdc; border-radius: 8px;
    padding: 6px; }}
#refundPreview {{ font-size: 13pt; background: white; border: 2px solid {PURPLE};
    border-radius: 10px; padding: 8px; }}
#creditNoteNumber {{ font-size: 24pt; font-weight: bold; color: {PURPLE}; }}
#cashBack {{ font-size: 40pt; font-weight: bold; color: {GREEN}; }}
#screenTitle {{ font-size: 18pt; font-weight: bold; color: {PURPLE}; }}
#taxIdCheck {{ font-size: 11pt; color: {MUTED}; }}
"""
