"""The catalogue: products, producer groups, barcodes, the CSV format, labels, demo data."""
