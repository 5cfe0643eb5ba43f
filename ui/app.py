"""Start the counter app: open the store, set up Qt, show the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from pos.bootstrap import open_context
from pos.datadir import resolve_data_dir
from pos.store.database import StoreError
from ui.catalogue_window import CatalogueWindow
from ui.fonts import install_fonts


def _has_display() -> bool:
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def run_app(data_dir_option: str | None) -> int:
    if not _has_display():
        print(
            "otop-pos: no screen to open the window on (DISPLAY is not set). "
            "Run it on the counter's desktop, or under a virtual screen: xvfb-run ./run.sh",
            file=sys.stderr,
        )
        return 3
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OTOP POS")
    app.setFont(install_fonts())
    try:
        context = open_context(resolve_data_dir(data_dir_option))
    except StoreError as error:
        QMessageBox.critical(None, "OTOP POS", str(error))
        print(f"otop-pos: {error}", file=sys.stderr)
        return 3
    window = CatalogueWindow(context)
    window.show()
    try:
        return app.exec()
    finally:
        context.close()
