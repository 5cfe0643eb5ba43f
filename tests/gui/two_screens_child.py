"""The counter on a machine with two screens (Qt's offscreen platform, configured with two).

``python two_screens_child.py DATA_DIR SCREENS.json [SCREENSHOT.png]`` opens the counter,
logs the demo cashier in, scans two items and prints, as JSON, where the customer
display is and what it shows (and, before the sale, what it showed between sales).
Qt reads its screens when it starts, so this runs in a process of its own.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(data_dir: str, screens: str, screenshot: str | None) -> int:
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    from pos.bootstrap import open_context, open_till
    from ui.app import create_application
    from ui.main_window import CounterWindow
    from ui.sound import ErrorSound

    app = create_application()
    till = open_till(open_context(Path(data_dir)))
    window = CounterWindow(till, ErrorSound(silent=True))
    window.show()
    window.start()
    app.processEvents()
    idle = window.customer_display.display  # before any sale: what the shop shows between sales
    between_sales = {
        "idle_announcement": idle.announcement.text() if idle else None,
        "idle_announcement_visible": bool(idle and idle.announcement.isVisible()),
        "idle_poster_visible": bool(idle and idle.poster.isVisible()),
    }
    till.log_in(1, "1234")
    window.login.loggedIn.emit(till.user)
    for code in ("8855512010014", "2100004012509"):
        window.sale.submit_scan(code)
    app.processEvents()
    display = window.customer_display.display
    report = {
        "screens": [screen.name() for screen in app.screens()],
        "cashier_screen": window.screen().name(),
        "display_visible": bool(display and display.isVisible()),
        "display_screen": display.screen().name() if display else None,
        "display_total": display.total.text() if display else None,
        "display_lines": display.lines.text() if display else None,
        "poster_visible_in_sale": bool(display and display.poster.isVisible()),
        **between_sales,
    }
    if display is not None and screenshot:
        display.grab().save(screenshot)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None))
