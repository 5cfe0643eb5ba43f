"""A limit on request bodies, checked before anything is read or parsed.

A full batch (1,000 sales of a dozen lines) is about 2 MB of JSON; anything
far larger is a mistake or an attack, and the server would otherwise read and
parse all of it (before the token is even looked at) only to refuse it.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pos.sync.wire import MAX_BODY_BYTES


class BodySizeLimit:
    """Answer 413 to a body over ``limit`` bytes: one declared so at once, a streamed
    (chunked) one as soon as its running count passes the limit.

    The 413 is sent from here, not raised through the app: FastAPI turns any error
    while it reads a body into its own 400, which is how a chunked body over the
    limit used to get 400.  After the 413 the app is told the client went away
    (``http.disconnect``) and whatever it still tries to answer is dropped.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen, refused = 0, False

        async def counted() -> Message:
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                refused = True
                await self._refuse(send)
                return {"type": "http.disconnect"}
            return message

        async def unless_refused(message: Message) -> None:
            if not refused:
                await send(message)

        try:
            await self.app(scope, counted, unless_refused)
        except Exception:
            if not refused:  # the app's own failure; after a 413 it is only the cut-off body
                raise

    async def _refuse(self, send: Send) -> None:
        detail = (
            f"the request is larger than {self.limit // (1024 * 1024)} MiB; send smaller batches"
        )
        body = json.dumps(
            {"detail": detail, "error": "too_large", "retry": False, "record_ids": []}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),  # the rest of the body is never read
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
