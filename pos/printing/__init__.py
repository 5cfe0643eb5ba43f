"""Printing: the durable print queue, printer and header settings, reprints."""
