"""A sale from cart to durable record, domain: pure dataclasses and functions, no I/O."""
