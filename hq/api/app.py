"""The head office's HTTP API: :func:`create_app` builds it on an :class:`HqContext`.

Every endpoint but ``/openapi.json`` needs a terminal's token
(``Authorization: Bearer otop_…``); an unknown or revoked one gets 401.  The
interactive docs pages are off: they load scripts from the internet, and the
schema itself is what a developer needs.  Handlers are plain functions (run in
uvicorn's thread pool) because the database work is synchronous SQLAlchemy.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request, Response, Security
from fastapi.exceptions import HTTPException
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hq.api.limits import BodySizeLimit
from hq.api.schemas import BatchAckOut, BatchIn, ChangePageOut, ErrorOut, TerminalOut
from hq.bootstrap import HqContext
from hq.ports import Terminal
from hq.services.batches import receive_batch
from hq.services.catalogue import MAX_PAGE, changes_after
from hq.services.terminals import authenticate
from hq.sync import BatchRefusedError
from pos import __version__

REPLAY_HEADER = "Idempotent-Replay"
_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="TerminalToken",
    description="The terminal's token, from `otop-pos hq add-terminal NAME` (shown once).",
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

    @app.get("/v1/terminal", responses=_ERRORS)
    def who_am_i(terminal: TerminalDep) -> TerminalOut:
        """The terminal this token belongs to, and the server's time (check the set-up)."""
        return TerminalOut(terminal=terminal.name, server_time=context.clock.now())

    @app.post(
        "/v1/batches",
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
        receipt = receive_batch(
            context.uow_factory, context.clock, context.registry, terminal, batch.to_domain()
        )
        if receipt.replayed:
            response.headers[REPLAY_HEADER] = "true"
        return BatchAckOut.of(receipt.ack)

    @app.get("/v1/catalogue/changes", responses=_ERRORS)
    def get_changes(
        _terminal: TerminalDep,
        cursor: Annotated[int, Query(ge=0, description="the last seq applied; 0 at first")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
    ) -> ChangePageOut:
        """Catalogue, price, producer and user changes after `cursor`, oldest first.

        Apply a page in one transaction together with its `next_cursor`; ask again while
        `has_more`.
        """
        return ChangePageOut.of(changes_after(context.uow_factory, cursor, limit))

    return app
