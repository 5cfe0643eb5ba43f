"""The shop's settings, services: the use cases, written against the ports."""
