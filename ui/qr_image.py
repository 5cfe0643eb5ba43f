"""A QR code as a QImage: the ``qrcode`` library makes the matrix, Qt paints it crisp.

Each module is a whole number of pixels (no smoothing), with the four-module
quiet zone the standard asks for, so a phone reads it off a screen at once.
``qrcode`` is already a dependency (receipts print the same codes); drawing the
matrix ourselves avoids going through Pillow just to hand Qt a picture.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

QUIET_ZONE_MODULES = 4


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of ``text``'s QR code (error correction M), quiet zone included."""
    import qrcode  # with Pillow ~35 ms to import: not at the till's start, at the first QR

    code = qrcode.QRCode(
        border=QUIET_ZONE_MODULES, box_size=1, error_correction=qrcode.constants.ERROR_CORRECT_M
    )
    code.add_data(text)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


def qr_image(text: str, pixels: int) -> QImage:
    """``text`` as a QR code at most ``pixels`` square (at least one pixel per module)."""
    matrix = qr_matrix(text)
    size = len(matrix)
    scale = max(1, pixels // size)
    image = QImage(size * scale, size * scale, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(x * scale, y * scale, scale, scale, Qt.GlobalColor.black)
    finally:
        painter.end()
    return image
