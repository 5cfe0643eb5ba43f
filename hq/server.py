"""Running the head office: migrate the database, then serve the API with uvicorn.

One process; handlers run in its thread pool, sharing a pool of database
connections.  In production put it behind TLS (a reverse proxy, or
``--ssl-certfile``/``--ssl-keyfile``): tokens travel in every request.
"""

from __future__ import annotations

import copy
from typing import Any

import uvicorn
from uvicorn.config import LOGGING_CONFIG

from hq.api.app import create_app
from hq.bootstrap import open_hq


def serve(
    url: str,
    host: str,
    port: int,
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> None:
    context = open_hq(url)
    migration = context.migration
    if migration.from_revision != migration.to_revision:
        start = migration.from_revision or "empty"
        print(f"head-office database: schema {start} → {migration.to_revision}", flush=True)
    scheme = "https" if ssl_certfile else "http"
    print(f"head office serving on {scheme}://{host}:{port}", flush=True)
    try:
        uvicorn.run(
            create_app(context),
            host=host,
            port=port,
            ssl_certfile=ssl_certfile,
            ssl_keyfile=ssl_keyfile,
            log_level="info",
            log_config=log_config(),
        )
    finally:
        context.close()


def log_config() -> dict[str, Any]:
    """uvicorn's logging, and the head office's own lines (``hq.*``: a 503 or a 500 and what
    caused it, see :mod:`hq.api.errors`) through the same handler, on standard error."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["hq"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
