"""Guard against PySide6 6.12.0's refcount bug on Python 3.11 (why pyproject pins < 6.12).

6.12.0 returned None from void methods without a new reference: each call took
one reference from None, and after a few thousand calls the process aborted
with "none_dealloc".  A receipt render makes hundreds of such calls.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont


def test_calling_a_void_qt_method_does_not_steal_references_to_none() -> None:
    font = QFont("Loma")
    before = sys.getrefcount(None)
    for _ in range(2000):
        font.setPixelSize(20)
    assert sys.getrefcount(None) - before > -100
