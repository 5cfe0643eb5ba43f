"""The shop's settings, domain: pure dataclasses and functions, no I/O."""
