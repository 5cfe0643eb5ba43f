"""Shifts and business days, domain: pure dataclasses and functions, no I/O."""
