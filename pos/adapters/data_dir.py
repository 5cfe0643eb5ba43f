"""Where the counter keeps its data: ``--data-dir``, else ``$OTOP_POS_DATA``, else the platform's.

On Linux the default is ``~/.local/share/otop-pos`` (platformdirs' user data
directory).  The directory holds the SQLite store and its migration backups.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "OTOP_POS_DATA"
APP_NAME = "otop-pos"


def resolve_data_dir(option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """The data directory chosen by the command line, the environment or the platform."""
    chosen = option or environ.get(ENV_VAR) or user_data_dir(APP_NAME, appauthor=False)
    return Path(chosen).expanduser().resolve()
