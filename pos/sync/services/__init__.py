"""The counter's sync, services: the sync run, the backfill and the status."""
