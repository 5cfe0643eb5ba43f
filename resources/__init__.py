"""Files the program ships: fonts (with their licence), demo data, translations, icons.

This is a package only so that the files can be found with
:func:`resource_path` wherever the program is installed.
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("fonts", "Loma.ttf")``."""
    path = _ROOT.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path
