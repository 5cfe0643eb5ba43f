"""The coverage floors of the whole test suite, package by package (./run.sh test).

Reads coverage.py's JSON report and sums the statements of each file into the
group of its longest matching prefix in :data:`FLOORS`; a group under its floor
fails the run.  The pure domain modules and the kernel are to be held near
100 %: they are small, fast to test and hold the money rules.  A floor is what
the suite reached when it was set, less a point or two so that an unrelated
change does not trip it; raise a floor when its package gains tests, never
lower one to let a change through.

    python -m tools.coverage_floors coverage.json
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

# prefix (a file or a folder, "/"-separated from the repository's root) -> percent.
# Set from the whole suite's first measured run on the merged house (issue 11, 818 tests),
# each the figure then less two points, rounded down; packages of under 100 statements get
# a wider margin, since one line there moves the figure by a point or more.
FLOORS: dict[str, float] = {
    "cli/": 80.0,
    "hq/": 89.0,
    "pos/": 94.0,
    "pos/adapters/": 83.0,
    "pos/catalogue/": 94.0,
    "pos/catalogue/domain/": 95.0,
    "pos/printing/": 96.0,
    "pos/printing/domain/": 94.0,
    "pos/reports/": 92.0,
    "pos/reports/domain/": 94.0,
    "pos/sale/": 95.0,
    "pos/sale/domain/": 95.0,
    "pos/settings/": 94.0,
    "pos/settings/domain/": 94.0,
    "pos/shifts/": 95.0,
    "pos/shifts/domain/": 95.0,
    "pos/simulation/": 97.0,
    "pos/staff/": 90.0,
    "pos/staff/domain/": 92.0,
    "pos/store/": 96.0,
    "pos/sync/": 93.0,
    "pos/sync/domain/": 93.0,
    "pos/till/": 95.0,
    "pos/till/domain/": 96.0,
    "receipts/": 91.0,
    "ui/": 88.0,
}


@dataclass
class Tally:
    covered: int = 0
    statements: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.statements if self.statements else 100.0


def group_of(path: str) -> str | None:
    """The longest prefix in FLOORS that ``path`` starts with, or None."""
    matches = [prefix for prefix in FLOORS if path.startswith(prefix)]
    return max(matches, key=len, default=None)


def tally(report: dict[str, object]) -> dict[str, Tally]:
    groups = {prefix: Tally() for prefix in FLOORS}
    files = report["files"]
    assert isinstance(files, dict)
    for path, data in files.items():
        file = Path(path)
        if file.is_absolute() and file.is_relative_to(Path.cwd()):
            file = file.relative_to(Path.cwd())
        group = group_of(file.as_posix())
        if group is None:
            continue
        summary = data["summary"]
        groups[group].covered += int(summary["covered_lines"])
        groups[group].statements += int(summary["num_statements"])
    return groups


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    report = json.loads(Path(args[0] if args else "coverage.json").read_text())
    failed = []
    for prefix, counts in sorted(tally(report).items()):
        floor = FLOORS[prefix]
        verdict = "ok" if counts.percent >= floor else "UNDER THE FLOOR"
        if counts.statements == 0:
            verdict = "NO FILES MEASURED"  # a renamed package: move its floor with it
        print(
            f"{prefix:<24} {counts.percent:6.1f} %  (floor {floor:5.1f} %,"
            f" {counts.statements:>5} statements)  {verdict}"
        )
        if verdict != "ok":
            failed.append(prefix)
    if failed:
        print(f"coverage floors not met: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
