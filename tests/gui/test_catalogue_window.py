"""The first window: searching the catalogue in Thai shows Thai results."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from tests.gui.keys import type_text
from ui.catalogue_window import CatalogueWindow


def test_typing_thai_in_the_search_box_lists_matching_products(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    window = CatalogueWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    type_text(window.search_input, "หอมแดง")
    assert window.search_input.text() == "หอมแดง"
    rows = window.results.rowCount()
    assert rows > 0
    names = [window.results.item(row, 1).text() for row in range(rows)]
    assert all("หอมแดง" in name for name in names)
