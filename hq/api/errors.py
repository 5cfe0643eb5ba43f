"""The API's error answers: one JSON shape for every status, and never a traceback.

Every answer that is not 2xx is JSON of one shape (docs/DECISIONS.md, "The
head office's error answers")::

    {"detail": …, "error": "<code>", "retry": true|false}

``detail`` says what is wrong and names the field: a sentence, or for a 422
the list of problems, each with the ``loc`` of its field (``["query",
"cursor"]``), a ``msg`` and a ``type`` (FastAPI's own shape, without the
``input``: that could be megabytes of the request, or a token).  ``error`` is
a stable code for programs and ``retry`` says whether sending the same request
later can succeed.  Batch refusals add ``record_ids``.

* Bad input is refused before it reaches the database (the endpoints' bounds
  and patterns, see :mod:`hq.api.app`); a 422 here is FastAPI's validation.
* The database unreachable, restarting or too busy (SQLAlchemy's
  ``OperationalError``, a pool timeout) is 503 with ``retry: true`` and a
  ``Retry-After``: the counter keeps its records and sends them again.
* Anything else is a bug: 500 ``internal_error`` in the same JSON.  Starlette
  then raises the error again, so uvicorn logs its traceback in the server's
  log (and a test client raises it in the test: the tests prove no request
  gets here).

Answers are ASCII JSON (``\\uXXXX`` escapes): a 422 repeating a field name or
message with a lone surrogate in it must not fail to encode and become a 500.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException

from hq.sync import HeadOfficeUnavailableError

log = logging.getLogger("hq.api")

RETRY_AFTER_SECONDS = 5
UNAVAILABLE_DETAIL = (
    "the head-office database cannot be reached or is busy; nothing was changed, "
    "send the same request again in a few seconds"
)
INTERNAL_DETAIL = (
    "the head office had an unexpected error; it is in the server's log. "
    "Nothing was changed unless the answer said so"
)
CODES = {
    400: "bad_request",
    401: "unauthorised",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    429: "locked_out",
    422: "invalid_request",
    500: "internal_error",
    503: "database_unavailable",
}


class ErrorResponse(JSONResponse):
    """JSON in ASCII: any text the request carried (a lone surrogate too) can be sent back."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


# The same request may succeed later: the database is back, or the address's lock-out passed.
RETRYABLE = frozenset({429, 503})


def error_body(status: int, detail: object, *, retry: bool | None = None) -> dict[str, Any]:
    again = status in RETRYABLE if retry is None else retry
    return {"detail": detail, "error": CODES.get(status, f"http_{status}"), "retry": again}


def invalid_parameter(location: Sequence[str], message: str) -> RequestValidationError:
    """A 422 naming one field, in the same shape as FastAPI's own validation errors."""
    return RequestValidationError([{"loc": tuple(location), "msg": message, "type": "value_error"}])


def _validation_failed(_request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [
        {
            "loc": list(problem.get("loc", ())),
            "msg": str(problem.get("msg", "")),
            "type": str(problem.get("type", "value_error")),
        }
        for problem in error.errors()
    ]
    return ErrorResponse(error_body(422, problems), status_code=422)


def _http_error(_request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if error.status_code in (204, 304) or error.status_code < 200:
        return Response(status_code=error.status_code, headers=error.headers)
    body = error_body(error.status_code, error.detail)
    return ErrorResponse(body, status_code=error.status_code, headers=error.headers)


def _database_unavailable(request: Request, error: Exception) -> Response:
    # A batch's own refusal says what of the batch was kept (nothing); others get the general one
    detail = str(error) if isinstance(error, HeadOfficeUnavailableError) else UNAVAILABLE_DETAIL
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    log.warning(
        "503 on %s %s: the database is unavailable (%s)",
        request.method,
        request.url.path,
        reason[0] if reason else type(error).__name__,
    )
    return ErrorResponse(
        error_body(503, detail, retry=True),
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def _unexpected(request: Request, error: Exception) -> Response:
    # One line here; the traceback follows in the server's log, where Starlette re-raises it.
    log.error("500 on %s %s: %s: %s", request.method, request.url.path, type(error).__name__, error)
    return ErrorResponse(error_body(500, INTERNAL_DETAIL), status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_failed)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(OperationalError, _database_unavailable)
    app.add_exception_handler(PoolTimeoutError, _database_unavailable)
    # The unit of work turns a connection lost mid-batch into this refusal; it is the same
    # "database away" answer (Retry-After and all), not a batch refusal.
    app.add_exception_handler(HeadOfficeUnavailableError, _database_unavailable)
    app.add_exception_handler(Exception, _unexpected)
