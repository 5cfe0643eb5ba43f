"""The head office's HTTP API (FastAPI); :func:`hq.api.app.create_app` builds it."""
