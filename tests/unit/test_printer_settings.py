"""Printer and receipt-header settings: validation and their round trip through the store codec."""

from __future__ import annotations

import pytest

from pos.printing.domain.printer_settings import (
    ConnectionKind,
    PrinterSettings,
    PrintMode,
    ReceiptHeader,
)
from pos.settings.domain.shop_settings import Settings, settings_from_items, settings_to_items


def test_printer_settings_survive_the_settings_codec() -> None:
    printer = PrinterSettings(
        connection=ConnectionKind.NETWORK,
        host="192.168.1.50",
        paper_width_dots=384,
        mode=PrintMode.TEXT,
        code_page=70,
        drawer_pin=5,
    )
    header = ReceiptHeader(tax_id="0994000123456", vat_registered=True, footer="ขอบคุณค่ะ")
    settings = Settings().replace(receipt_printer=printer, receipt_header=header)
    restored = settings_from_items(settings_to_items(settings))
    assert restored.receipt_printer == printer
    assert restored.receipt_header == header
    assert restored.label_printer == PrinterSettings()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"paper_width_dots": 500}, "paper width"),
        ({"code_page": 300}, "code page"),
        ({"connection": ConnectionKind.NETWORK, "host": " "}, "host"),
        ({"drawer_pin": 3}, "drawer pin"),
    ],
)
def test_bad_printer_settings_are_refused_saying_which(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        PrinterSettings(**changes)  # type: ignore[arg-type]


def test_a_stored_bad_printer_setting_names_its_key() -> None:
    items = settings_to_items(Settings())
    items["receipt_printer"] = {**items["receipt_printer"], "paper_width_dots": 1000}
    with pytest.raises(ValueError, match="receipt_printer"):
        settings_from_items(items)


def test_a_vat_registered_centre_needs_a_13_digit_tax_id() -> None:
    with pytest.raises(ValueError, match="13"):
        ReceiptHeader(tax_id="12345")
    with pytest.raises(ValueError, match="tax ID"):
        ReceiptHeader(vat_registered=True)
    assert ReceiptHeader(footer="a\n\nb").footer_lines == ("a", "b")
