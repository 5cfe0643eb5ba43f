"""The catalogue, domain: pure dataclasses and functions, no I/O."""
