"""Documents and printers: receipts, tax invoices, credit notes and labels, on paper and PDF.

``document`` is the layout-neutral model; ``blocks`` turns a document into the
rows of a thermal receipt; ``raster`` (QPainter) and ``text_mode`` (CP874) turn
those into ESC/POS bytes (``escpos_output``); ``pdf`` makes A4/A5 PDFs with
reportlab; ``labels`` makes barcode labels.  ``connections`` reaches printers
through python-escpos, ``print_worker`` empties the durable print queue off the
GUI thread, and ``emulator`` is a loopback printer for tests and set-up.
"""

import os as _os


def _escpos_capabilities_cache() -> None:
    """Keep python-escpos's parsed printer profiles between runs.

    On import, ``escpos.capabilities`` parses its 1 MB profile database (YAML,
    ~0.3 s) and pickles it into ``ESCPOS_CAPABILITIES_PICKLE_DIR`` — by default
    a new temporary directory every time, so every start parses it again and
    leaves a directory behind.  A cache directory of our own makes the second
    start load the pickle (a few ms); the pickle is rebuilt when the library's
    database is newer.
    """
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" in _os.environ:
        return
    from platformdirs import user_cache_dir

    cache = _os.path.join(user_cache_dir("otop-pos"), "escpos")
    try:
        _os.makedirs(cache, exist_ok=True)
    except OSError:
        return  # no cache: python-escpos falls back to its temporary directory
    if _os.access(cache, _os.W_OK):
        _os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = cache


_escpos_capabilities_cache()
