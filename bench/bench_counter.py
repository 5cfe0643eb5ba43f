"""The counter's figures: scan-to-cart latency, cold start, memory, with 100,000 products.

Each runs the real program (``ui.app.start_counter``, as ``./run.sh`` does) in a
child process (:mod:`bench.counter_child`) on a store holding the generated
catalogue:

* **scan to cart** — the Enter key event to the new line painted, on a cart of
  200 lines (the added line is removed again after each sample, untimed), p95
  over 300 scans; beside it the time until that change was durable on disk (the
  journal's writer thread commits it after the paint);
* **cold start** — from starting the process to the log-in screen painted, and
  to the sale screen painted with the focus in the scan field after typing the
  PIN (the Argon2id check is ~0.1 s of it); median of three starts;
* **memory** — resident set size after the 200-line cart, 300 more scans and a
  few searches.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from argparse import Namespace
from pathlib import Path

from bench.catalogue_generator import write_catalogue
from bench.counter_child import CART_LINES, SAMPLES
from bench.stats import Figure, percentile
from pos.bootstrap import initialise
from pos.catalogue.domain.csv_format import decode_csv_bytes
from pos.catalogue.services.csv_import import import_catalog

STARTS = 3


def _store(workdir: Path, count: int) -> tuple[Path, Path]:
    """A store with the demo users and ``count`` generated products; a file of codes to scan."""
    data_dir = workdir / "store"
    context, _ = initialise(data_dir, demo=True)  # the demo users, then the big catalogue
    csv_path = write_catalogue(workdir / "catalogue.csv", count)
    import_catalog(context.uow_factory, decode_csv_bytes(csv_path.read_bytes()))
    with context.uow_factory() as uow:
        codes = [
            p.barcode
            for p in uow.catalog.all_products()
            if p.barcode and p.barcode.startswith("885") and not p.sold_by_weight
        ]
    context.close()
    chosen = random.Random(3).sample(codes, CART_LINES + SAMPLES)
    codes_file = workdir / "codes.txt"
    codes_file.write_text("\n".join(chosen))
    return data_dir, codes_file


def _child(data_dir: Path, *arguments: str) -> tuple[dict[str, float], list[str]]:
    """Run the child; seconds from its start to each line it prints, and the lines."""
    environment = dict(os.environ)
    if not environment.get("DISPLAY"):  # under xvfb-run the child paints on a real X screen
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.counter_child", str(data_dir), *arguments],
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert child.stdout is not None
    seen: dict[str, float] = {}
    lines = []
    for line in child.stdout:
        seen.setdefault(line.split()[0] if line.strip() else "", time.perf_counter() - start)
        lines.append(line.strip())
    if child.wait(600) != 0:
        raise RuntimeError(f"the counter child failed: {lines[-3:]}")
    return seen, lines


def run(options: Namespace) -> list[Figure]:
    count = options.products
    with tempfile.TemporaryDirectory(prefix="otop-bench-counter-") as tmp:
        data_dir, codes_file = _store(Path(tmp), count)
        _child(data_dir, "start")  # the first start after the import warms the disk cache
        starts = [_child(data_dir, "start")[0] for _ in range(STARTS)]
        load_before = os.getloadavg()[0]
        _, lines = _child(data_dir, "scan", str(codes_file))
        load = max(load_before, os.getloadavg()[0])
    result = json.loads(next(line for line in lines if line.startswith("{")))
    painted, durable = result["painted_ms"], result["durable_ms"]
    login = statistics.median(seen["login-ready"] for seen in starts)
    ready = statistics.median(seen["scan-ready"] for seen in starts)
    scale = f"{count:,} products, {CART_LINES}-line cart"
    platform = os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY") else "")
    busy = f"; {platform or 'offscreen'}; machine load {load:.1f} on {os.cpu_count()} CPUs"
    return [
        Figure(
            f"scan to line painted p95 ({scale})",
            percentile(painted, 0.95),
            "ms",
            16.0,
            note=f"p50 {percentile(painted, 0.5):.2f} ms, max {max(painted):.1f} ms{busy}",
        ),
        Figure(
            "scan to change durable on disk p95",
            percentile(durable, 0.95),
            "ms",
            note=f"p50 {percentile(durable, 0.5):.2f} ms, after the paint, off the GUI thread",
        ),
        Figure("cold start to log-in screen painted", login, "s", note=f"median of {STARTS}"),
        Figure(
            "cold start to scan-ready (incl. PIN check)",
            ready,
            "s",
            2.0,
            note=f"median of {STARTS}; log-in typed by the benchmark",
        ),
        Figure(f"resident memory ({count:,} products)", result["rss_mb"], "MB", 250.0),
    ]
