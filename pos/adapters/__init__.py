"""Adapters at the edge besides the SQLite store: the head office over HTTP, the serial
scanner, the data directory and the sync's run lock."""
