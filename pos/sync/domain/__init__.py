"""The counter's side of the head-office sync, domain: pure dataclasses and functions, no I/O."""
