"""Documents and printers: receipts, tax invoices, credit notes and labels, on paper and PDF.

``document`` is the layout-neutral model; ``blocks`` turns a document into the
rows of a thermal receipt; ``raster`` (QPainter) and ``text_mode`` (CP874) turn
those into ESC/POS bytes (``escpos_output``); ``pdf`` makes A4/A5 PDFs with
reportlab; ``labels`` makes barcode labels.  ``connections`` reaches printers
through python-escpos, ``print_worker`` empties the durable print queue off the
GUI thread, and ``emulator`` is a loopback printer for tests and set-up.
"""
