"""The core of the OTOP counter POS: domain, services and storage, with no Qt.

Organised by capability (see docs/ARCHITECTURE.md): ``catalogue``, ``sale``, ``till``,
``shifts``, ``reports``, ``printing``, ``staff``, ``settings``, ``sync``, each with its pure
``domain``, its ``ports`` and its use-case ``services``.  The shared kernel sits at the top
(``money``, ``thai_dates``, ``thai_id``, ``clock``, ``ids``, ``audit``); ``unit_of_work`` is the
port every service takes; ``store`` (SQLite) and ``adapters`` (HTTP, serial, files) are the
edge; ``bootstrap`` wires them.  Nothing in this package imports Qt, ``ui``, ``receipts`` or
``hq``.
"""

__version__ = "0.1.0"
