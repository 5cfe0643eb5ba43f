"""The counter's session, domain: pure dataclasses and functions, no I/O."""
