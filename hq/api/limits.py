"""A limit on request bodies, checked before anything is read or parsed.

A full batch (1,000 sales of a dozen lines) is about 2 MB of JSON; anything
far larger is a mistake or an attack, and the server would otherwise read and
parse all of it (before the token is even looked at) only to refuse it.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from pos.sync.wire import MAX_BODY_BYTES


class BodyTooLargeError(Exception):
    pass


class BodySizeLimit:
    """Answer 413 to a body declared over ``limit`` bytes; stop reading a streamed one there.

    (FastAPI turns a body cut off while it parses into its own 400 answer.)
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLargeError
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLargeError:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = (
            f"the request is larger than {self.limit // (1024 * 1024)} MiB; send smaller batches"
        )
        await JSONResponse({"detail": detail}, status_code=413)(scope, receive, send)
