"""The house's figures for issue 11's closing note: sizes, long functions, formatter dodges, mypy.

Per package (pos, hq, ui, receipts, cli, bench, tools, tests): how many modules and
lines, the median and the largest module, how many functions run over 30
physical lines and over 30 statements; then the formatter's skip markers
left and mypy's errors per package (one strict run over the product's
packages, its errors grouped by the first folder of their path).

    python -m tools.house_figures            # from the repository's root
    python -m tools.house_figures --no-mypy  # the sizes only, in a second

A function's lines run from its ``def`` (or first decorator) to its last line.
Its statements are counted by ruff's own PLR0915 (the rule ``ruff check``
holds the product to), run here without the per-file exemptions the tests
have, so the tests' long scenarios are counted too.
"""

from __future__ import annotations

import argparse
import ast
import re
import statistics
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PACKAGES = ("pos", "hq", "ui", "receipts", "cli", "bench", "tools", "tests")
CHECKED = ("pos", "hq", "ui", "receipts", "cli", "bench", "tools")  # mypy strict on these
LIMIT = 30  # the house's ceiling for a function, in lines and in statements
# Split so that this module does not count itself.
MARKER = "fmt" + ": skip"
_MYPY_ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+(?::\d+)?: error:")
_RUFF_FINDING = re.compile(r"^(?P<path>[^:\s]+\.py):(?P<line>\d+):\d+: PLR0915 ")


@dataclass
class Package:
    name: str
    lines: dict[str, int] = field(default_factory=dict)  # module path -> physical lines
    long_functions: list[str] = field(default_factory=list)  # over LIMIT lines
    busy_functions: list[str] = field(default_factory=list)  # over LIMIT statements
    markers: int = 0


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _physical_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return (node.end_lineno or node.lineno) - first + 1


def busy_functions(root: Path, name: str) -> list[str]:
    """``path:line`` of each function over :data:`LIMIT` statements, as ruff counts them."""
    run = subprocess.run(
        [
            *(sys.executable, "-m", "ruff", "check", name, "--isolated"),
            *("--select", "PLR0915", "--config", f"lint.pylint.max-statements={LIMIT}"),
            *("--output-format", "concise", "--no-cache"),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode not in (0, 1):
        raise SystemExit(f"ruff failed:\n{run.stdout}{run.stderr}")
    found = (_RUFF_FINDING.match(line) for line in run.stdout.splitlines())
    return [f"{m['path']}:{m['line']}" for m in found if m]


def measure(root: Path, name: str) -> Package:
    package = Package(name, busy_functions=busy_functions(root, name))
    for path in sorted((root / name).rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        package.lines[relative] = len(text.splitlines())
        package.markers += sum(1 for line in text.splitlines() if MARKER in line)
        for function in _functions(ast.parse(text, filename=relative)):
            where = f"{relative}:{function.lineno} {function.name}"
            if _physical_lines(function) > LIMIT:
                package.long_functions.append(where)
    return package


def mypy_errors(root: Path, packages: Sequence[str]) -> dict[str, int]:
    """One strict mypy run over ``packages``; its errors counted by package."""
    run = subprocess.run(
        [sys.executable, "-m", "mypy", *packages],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = dict.fromkeys(packages, 0)
    for line in run.stdout.splitlines():
        match = _MYPY_ERROR.match(line)
        if match:
            top = match["path"].split("/", 1)[0]
            errors[top] = errors.get(top, 0) + 1
    if run.returncode not in (0, 1):  # 2: mypy itself failed, the counts mean nothing
        raise SystemExit(f"mypy failed:\n{run.stdout}{run.stderr}")
    return errors


def _size_table(packages: Sequence[Package]) -> list[str]:
    rows = [
        f"{'package':<10}{'modules':>8}{'lines':>8}{'median':>8}{'largest':>9}"
        f"  {'>30 lines':>9}{'>30 stmts':>10}  largest module"
    ]
    for p in packages:
        sizes = list(p.lines.values()) or [0]
        largest = max(p.lines, key=lambda m: p.lines[m]) if p.lines else "-"
        rows.append(
            f"{p.name:<10}{len(p.lines):>8}{sum(sizes):>8}{statistics.median(sizes):>8.0f}"
            f"{max(sizes):>9}  {len(p.long_functions):>9}{len(p.busy_functions):>10}  {largest}"
        )
    product = {m: n for p in packages if p.name != "tests" for m, n in p.lines.items()}
    if product:
        biggest = max(product, key=lambda m: product[m])
        rows.append(
            f"product (all but tests): {len(product)} modules, {sum(product.values())} lines,"
            f" median {statistics.median(product.values()):.0f}, largest {biggest}"
            f" ({product[biggest]} lines)"
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository")
    parser.add_argument("--no-mypy", action="store_true", help="skip the mypy run")
    parser.add_argument("--list", action="store_true", help="name the long functions too")
    args = parser.parse_args(argv)
    packages = [measure(args.root, name) for name in PACKAGES if (args.root / name).is_dir()]
    print("\n".join(_size_table(packages)))
    print(f"'{MARKER}' markers in .py files: {sum(p.markers for p in packages)}")
    if args.list:
        for p in packages:
            for where in p.long_functions:
                print(f"  over {LIMIT} lines: {where}")
            for where in p.busy_functions:
                print(f"  over {LIMIT} statements: {where}")
    if not args.no_mypy:
        checked = [name for name in CHECKED if (args.root / name).is_dir()]
        errors = mypy_errors(args.root, checked)
        print("mypy --strict errors: " + ", ".join(f"{k} {v}" for k, v in errors.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
