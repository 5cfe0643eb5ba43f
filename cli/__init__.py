"""The ``otop-pos`` command line: headless commands, and the counter app when none is given.

This package sits beside ``ui`` above the core: it may import ``pos``,
``receipts`` and (lazily, only to launch the window) ``ui``.
"""
