"""The head office's HTTP API: :func:`create_app` builds it on an :class:`HqContext`.

Every endpoint but ``/openapi.json`` needs a token (``Authorization: Bearer
…``): the sync endpoints a terminal's (``otop_…``), the report endpoints
(``/v1/reports/…``) a staff member's (``otopstaff_…``, see
:mod:`hq.services.staff`); an unknown or revoked one, or the other kind, gets
401; too many failed tokens from one address lock it out with 429 and
``Retry-After`` (:mod:`hq.services.auth_guard`, the counters' PIN policy).  The
interactive docs pages are off: they load scripts from the internet, and the
schema itself is what a developer needs.  Handlers are plain functions (run in
uvicorn's thread pool) because the database work is synchronous SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, FastAPI, Query, Request, Response, Security
from fastapi.exceptions import HTTPException
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hq.api.errors import (
    RETRY_AFTER_SECONDS,
    ErrorResponse,
    error_body,
    install_error_handlers,
    invalid_parameter,
)
from hq.api.limits import BodySizeLimit
from hq.api.schemas import (
    BatchAckOut,
    BatchIn,
    ChangePageOut,
    ErrorOut,
    TerminalNumbersOut,
    TerminalOut,
    ZListingOut,
)
from hq.bootstrap import HqContext
from hq.ports import Staff, Terminal, UnknownTerminalError
from hq.services.auth_guard import TooManyFailuresError, guarded
from hq.services.batches import receive_batch
from hq.services.catalogue import changes_after
from hq.services.reports import hq_report, hq_z_reports
from hq.services.staff import authenticate_staff
from hq.services.terminals import authenticate, terminal_numbers
from hq.sync import BatchRefusedError
from hq.tokens import TERMINAL_NAME_PATTERN
from pos import __version__
from pos.reports.domain.report_days import FIRST_REPORT_DAY, LAST_REPORT_DAY
from pos.reports.domain.rows import ReportError, ReportPeriod
from pos.reports.services.export import report_json
from pos.sync.wire import (
    BATCHES_PATH,
    CHANGES_PATH,
    DEFAULT_CHANGES_PAGE,
    MAX_CHANGES_PAGE,
    NUMBERS_PATH,
    REPLAY_HEADER,
    REPLAY_VALUE,
    TERMINAL_PATH,
    TerminalInfo,
)

T = TypeVar("T")
_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="TerminalToken",
    description="The terminal's token, from `otop-pos hq add-terminal NAME` (shown once).",
)
_staff_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="StaffToken",
    description="A head-office staff token, from `otop-pos hq add-staff NAME` (shown once).",
)
_UNAUTHORISED = {"WWW-Authenticate": "Bearer"}
_LOCKED: dict[str, object] = {
    "model": ErrorOut,
    "description": "too many failed tokens from this address: wait `Retry-After` seconds",
}
_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "no token, or an unknown or revoked one"},
    429: _LOCKED,
}
_EVERY_ENDPOINT: dict[int | str, dict[str, Any]] = {
    503: {
        "model": ErrorOut,
        "description": "the database cannot be reached or is busy; nothing was changed: "
        "send the same request again later (`retry` is true)",
        "headers": {
            "Retry-After": {
                "description": f"seconds to wait ({RETRY_AFTER_SECONDS})",
                "schema": {"type": "integer"},
            }
        },
    },
}
# catalogue_change.seq is a PostgreSQL bigint: a larger cursor is refused here, by name,
# instead of failing in the database
MAX_CURSOR = 2**63 - 1


def _context(request: Request) -> HqContext:
    context: HqContext = request.app.state.hq
    return context


def _guarded(request: Request, where: str, check: Callable[[], T | None]) -> T | None:
    """``check()`` under the lock-out per source address (:mod:`hq.services.auth_guard`)."""
    context = _context(request)
    address = request.client.host if request.client is not None else "unknown"
    try:
        return guarded(context.uow_factory, context.clock, address, where, check)
    except TooManyFailuresError as locked:
        raise HTTPException(
            429, str(locked), headers={"Retry-After": str(locked.seconds)}
        ) from None


def current_terminal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
) -> Terminal:
    if credentials is None:
        raise HTTPException(401, "a terminal token is needed (Bearer)", headers=_UNAUTHORISED)
    token, uow_factory = credentials.credentials, _context(request).uow_factory
    terminal = _guarded(request, "hq:terminal", lambda: authenticate(uow_factory, token))
    if terminal is None:
        raise HTTPException(401, "unknown or revoked token", headers=_UNAUTHORISED)
    return terminal


TerminalDep = Annotated[Terminal, Depends(current_terminal)]


def current_staff(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_staff_bearer)],
) -> Staff:
    if credentials is None:
        raise HTTPException(401, "a staff token is needed (Bearer)", headers=_UNAUTHORISED)
    token, uow_factory = credentials.credentials, _context(request).uow_factory
    staff = _guarded(request, "hq:staff", lambda: authenticate_staff(uow_factory, token))
    if staff is None:
        raise HTTPException(401, "unknown or revoked staff token", headers=_UNAUTHORISED)
    return staff


StaffDep = Annotated[Staff, Depends(current_staff)]
_DAYS = f"from {FIRST_REPORT_DAY} to {LAST_REPORT_DAY}, years AD"
From = Annotated[
    dt.date,
    Query(
        alias="from",
        ge=FIRST_REPORT_DAY,
        le=LAST_REPORT_DAY,
        description=f"first business date, YYYY-MM-DD ({_DAYS})",
    ),
]
To = Annotated[
    dt.date,
    Query(
        alias="to",
        ge=FIRST_REPORT_DAY,
        le=LAST_REPORT_DAY,
        description=f"last business date, inclusive ({_DAYS})",
    ),
]
TerminalQuery = Annotated[
    str | None,
    Query(
        pattern=TERMINAL_NAME_PATTERN,
        description="one terminal's figures (its name); all terminals if left out",
    ),
]


def _period(start: dt.date, end: dt.date) -> ReportPeriod:
    try:
        return ReportPeriod(start, end)
    except ReportError as error:
        raise invalid_parameter(("query", "to"), str(error)) from None


def create_app(context: HqContext) -> FastAPI:
    app = FastAPI(
        title="OTOP POS head office",
        version=__version__,
        summary="Counters send what they own and take back the catalogue (docs/SYNC.md).",
        docs_url=None,
        redoc_url=None,
        responses=_EVERY_ENDPOINT,
    )
    app.state.hq = context
    app.add_middleware(BodySizeLimit)
    install_error_handlers(app)

    @app.exception_handler(BatchRefusedError)
    def _refused(_request: Request, error: BatchRefusedError) -> JSONResponse:
        body = {**error_body(error.status, str(error)), "record_ids": error.record_ids}
        return ErrorResponse(ErrorOut.model_validate(body).model_dump(mode="json"), error.status)

    @app.get(TERMINAL_PATH, responses=_ERRORS)
    def who_am_i(terminal: TerminalDep) -> TerminalOut:
        """The terminal this token belongs to, and the server's time (check the set-up)."""
        return TerminalOut.of(TerminalInfo(terminal.name, context.clock.now()))

    @app.get(NUMBERS_PATH, responses=_ERRORS)
    def my_numbers(terminal: TerminalDep) -> TerminalNumbersOut:
        """The last serial the head office holds of each of this terminal's sequences: a
        replaced counter continues from them (`otop-pos sync configure`)."""
        return TerminalNumbersOut.of(terminal_numbers(context.uow_factory, terminal))

    @app.post(
        BATCHES_PATH,
        responses={
            **_ERRORS,
            400: {"model": ErrorOut, "description": "the body is not UTF-8 text; none stored"},
            403: {"model": ErrorOut, "description": "records of another terminal; none stored"},
            409: {"model": ErrorOut, "description": "batch_id reused for other records"},
            422: {"description": "a malformed batch; none of it stored"},
        },
    )
    def post_batch(batch: BatchIn, terminal: TerminalDep, response: Response) -> BatchAckOut:
        """Store a batch of records, idempotently (docs/SYNC.md, "Upload").

        A batch sent again gets the first answer back (header `Idempotent-Replay: true`)
        and nothing is written.
        """
        ack = receive_batch(
            context.uow_factory, context.clock, context.registry, terminal, batch.to_domain()
        )
        if ack.replayed:
            response.headers[REPLAY_HEADER] = REPLAY_VALUE
        return BatchAckOut.of(ack)

    @app.get(CHANGES_PATH, responses=_ERRORS)
    def get_changes(
        _terminal: TerminalDep,
        cursor: Annotated[
            int, Query(ge=0, le=MAX_CURSOR, description="the last seq applied; 0 at first")
        ] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_CHANGES_PAGE)] = DEFAULT_CHANGES_PAGE,
    ) -> ChangePageOut:
        """Catalogue, price, producer and user changes after `cursor`, oldest first.

        Apply a page in one transaction together with its `next_cursor`; ask again while
        `has_more`.
        """
        return ChangePageOut.of(changes_after(context.uow_factory, cursor, limit))

    _add_report_routes(app, context)
    return app


def _add_report_routes(app: FastAPI, context: HqContext) -> None:
    responses: dict[int | str, dict[str, Any]] = {
        401: {"model": ErrorOut, "description": "no staff token, or an unknown or revoked one"},
        429: _LOCKED,
        404: {"model": ErrorOut, "description": "no such terminal"},
    }

    @app.exception_handler(UnknownTerminalError)
    def _unknown(_request: Request, error: UnknownTerminalError) -> JSONResponse:
        return ErrorResponse({**error_body(404, str(error)), "record_ids": []}, status_code=404)

    @app.get("/v1/reports/z", responses=responses, tags=["reports"])
    def z_reports(
        _staff: StaffDep, start: From, end: To, terminal: TerminalQuery = None
    ) -> ZListingOut:
        """Z reports as each counter froze them, with the totals per terminal."""
        return ZListingOut.of(hq_z_reports(context.uow_factory, _period(start, end), terminal))

    @app.get("/v1/reports/{name}", responses=responses, tags=["reports"])
    def report(
        name: Literal["sales", "producers", "tenders", "schemes"],
        _staff: StaffDep,
        start: From,
        end: To,
        terminal: TerminalQuery = None,
    ) -> dict[str, Any]:
        """The counter's report over all counters (or one): `sales` by category with the target,
        `producers` (consignment), `tenders`, `schemes`.  The JSON is the counter's own
        (`otop-pos report … --json`): money in satang."""
        period = _period(start, end)
        return report_json(hq_report(context.uow_factory, name, period, terminal))
