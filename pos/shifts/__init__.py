"""Shifts and business days: the float, cash in and out, the blind close, X and Z."""
