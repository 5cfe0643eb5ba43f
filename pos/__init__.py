"""The core of the OTOP counter POS: domain, services and storage, with no Qt.

Layers point one way (see docs/ARCHITECTURE.md): the top-level modules here
(``money``, ``vat``, ``catalog``, ``barcodes``, ``cart`` ...) are the pure domain;
``pos.services`` holds the use cases; ``pos.store`` is the SQLite adapter.
Nothing in this package imports Qt, ``ui`` or ``receipts``.
"""

__version__ = "0.1.0"
