"""The head office's HTTP API: :func:`create_app` builds it on an :class:`HqContext`.

Every endpoint but ``/openapi.json`` needs a token (``Authorization: Bearer
…``): the sync endpoints a terminal's (``otop_…``), the report endpoints
(``/v1/reports/…``) a staff member's (``otopstaff_…``, see
:mod:`hq.services.staff`); an unknown or revoked one, or the other kind, gets
401.  The
interactive docs pages are off: they load scripts from the internet, and the
schema itself is what a developer needs.  Handlers are plain functions (run in
uvicorn's thread pool) because the database work is synchronous SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request, Response, Security
from fastapi.exceptions import HTTPException
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

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
from hq.services.batches import receive_batch
from hq.services.catalogue import changes_after
from hq.services.reports import hq_report, hq_z_reports
from hq.services.staff import authenticate_staff
from hq.services.terminals import authenticate, terminal_numbers
from hq.sync import BatchRefusedError
from pos import __version__
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
_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "no token, or an unknown or revoked one"},
}


def _context(request: Request) -> HqContext:
    context: HqContext = request.app.state.hq
    return context


def current_terminal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
) -> Terminal:
    if credentials is None:
        raise HTTPException(401, "a terminal token is needed (Bearer)", headers=_UNAUTHORISED)
    terminal = authenticate(_context(request).uow_factory, credentials.credentials)
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
    staff = authenticate_staff(_context(request).uow_factory, credentials.credentials)
    if staff is None:
        raise HTTPException(401, "unknown or revoked staff token", headers=_UNAUTHORISED)
    return staff


StaffDep = Annotated[Staff, Depends(current_staff)]
From = Annotated[dt.date, Query(alias="from", description="first business date, YYYY-MM-DD")]
To = Annotated[dt.date, Query(alias="to", description="last business date (inclusive)")]
TerminalQuery = Annotated[
    str | None, Query(description="one terminal's figures (its name); all terminals if left out")
]


def _period(start: dt.date, end: dt.date) -> ReportPeriod:
    try:
        return ReportPeriod(start, end)
    except ReportError as error:
        raise HTTPException(422, str(error)) from None


def create_app(context: HqContext) -> FastAPI:
    app = FastAPI(
        title="OTOP POS head office",
        version=__version__,
        summary="Counters send what they own and take back the catalogue (docs/SYNC.md).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.hq = context
    app.add_middleware(BodySizeLimit)

    @app.exception_handler(BatchRefusedError)
    def _refused(_request: Request, error: BatchRefusedError) -> JSONResponse:
        body = ErrorOut(detail=str(error), record_ids=error.record_ids)
        return JSONResponse(body.model_dump(mode="json"), status_code=error.status)

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
        cursor: Annotated[int, Query(ge=0, description="the last seq applied; 0 at first")] = 0,
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
        404: {"model": ErrorOut, "description": "no such terminal"},
    }

    @app.exception_handler(UnknownTerminalError)
    def _unknown(_request: Request, error: UnknownTerminalError) -> JSONResponse:
        return JSONResponse({"detail": str(error), "record_ids": []}, status_code=404)

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
