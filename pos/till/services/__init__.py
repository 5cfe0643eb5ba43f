"""The counter's session, services: the use cases, written against the ports."""
