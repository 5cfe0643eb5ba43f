"""Use cases of the till, written against the ports in :mod:`pos.ports`."""
