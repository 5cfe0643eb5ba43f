"""Simulated trading days, rung up through the services the till uses (demo, bench)."""
