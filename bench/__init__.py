"""Benchmarks, run with ``./run.sh bench``: each figure beside its goal and a bare-sqlite3 baseline.

Speed is measured here, never asserted in timed tests.  Each benchmark module
exposes ``run(options) -> list[Figure]``; :mod:`bench.__main__` prints them
and writes them to ``bench/results/latest.json``.
"""
