"""tools/house_figures.py measures a small tree whose figures are known (real files, real ruff)."""

from __future__ import annotations

from pathlib import Path

from tools.house_figures import LIMIT, MARKER, measure


def _function(name: str, statements: int) -> str:
    body = "".join(f"    x{i} = {i}\n" for i in range(statements))
    return f"def {name}() -> None:\n{body}"


def test_a_package_is_measured_module_by_module(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text('"""Empty."""\n')
    (package / "short.py").write_text(_function("fine", LIMIT - 2) + f"# {MARKER}\n")
    (package / "sub" / "long.py").write_text(_function("busy", LIMIT + 1))

    figures = measure(tmp_path, "pkg")

    assert figures.lines == {
        "pkg/__init__.py": 1,
        "pkg/short.py": LIMIT,  # the def, LIMIT - 2 statements, the marker
        "pkg/sub/long.py": LIMIT + 2,
    }
    assert figures.long_functions == ["pkg/sub/long.py:1 busy"]
    assert figures.busy_functions == ["pkg/sub/long.py:1"]
    assert figures.markers == 1
