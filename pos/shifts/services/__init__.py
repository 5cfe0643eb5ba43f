"""Shifts and business days, services: the use cases, written against the ports."""
