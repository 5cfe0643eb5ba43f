"""Run the benchmarks and print each figure with its goal and its bare-sqlite3 baseline."""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

from bench import (
    bench_catalogue,
    bench_checkout,
    bench_counter,
    bench_receipts,
    bench_reports,
    bench_sync,
)
from bench.stats import Figure

SUITES = {
    "catalogue": bench_catalogue.run,
    "counter": bench_counter.run,
    "checkout": bench_checkout.run,
    "receipts": bench_receipts.run,
    "reports": bench_reports.run,
    "sync": bench_sync.run,
}
RESULTS = Path(__file__).with_name("results")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run.sh bench", description=__doc__)
    parser.add_argument("--only", choices=sorted(SUITES), action="append")
    parser.add_argument("--products", type=int, default=100_000, help="catalogue size")
    bench_checkout.add_options(parser)
    bench_reports.add_options(parser)
    bench_sync.add_options(parser)
    options = parser.parse_args(argv)
    figures: list[Figure] = []
    for name in options.only or SUITES:
        print(f"== {name}", flush=True)
        for figure in SUITES[name](options):
            print(_line(figure), flush=True)
            figures.append(figure)
    RESULTS.mkdir(exist_ok=True)
    record = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": platform.platform(),
        "figures": [figure.as_dict() for figure in figures],
    }
    (RESULTS / "latest.json").write_text(json.dumps(record, indent=2, ensure_ascii=False))
    return 0


def _line(figure: Figure) -> str:
    text = f"  {figure.name:<44} {figure.value:10.3f} {figure.unit:<3}"
    if figure.goal is not None:
        text += f" goal < {figure.goal:g} {'ok' if figure.meets_goal else 'MISSED'}"
    if figure.baseline is not None:
        text += f" | bare sqlite3 {figure.baseline:.3f} {figure.unit} ratio {figure.ratio:.2f}×"
    if figure.note:
        text += f" ({figure.note})"
    return text


if __name__ == "__main__":
    sys.exit(main())
