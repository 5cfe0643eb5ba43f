"""In-memory test doubles of the core's ports; tests/contracts holds each to its real adapter."""
