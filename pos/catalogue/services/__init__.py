"""The catalogue, services: the use cases, written against the ports."""
