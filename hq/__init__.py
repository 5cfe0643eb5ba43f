"""The head-office (HQ) server: every counter's records, and the catalogue they sell from.

Layers, as in ``pos/``: domain modules here (``sync``, ``kinds``, ``tokens``,
``feed``), use cases in ``hq.services``, the PostgreSQL adapter in ``hq.store``
(its own Alembic migrations), the HTTP API in ``hq.api`` (FastAPI) and the
uvicorn runner in ``hq.server``.  The protocol is written down in docs/SYNC.md.
"""
