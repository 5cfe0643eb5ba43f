"""The head office over HTTP(S) with httpx: :class:`pos.sync.ports.HeadOffice` for real.

Every request carries ``Authorization: Bearer <token>``.  Answers map to the
sync's errors (docs/SYNC.md, "What the counter must do"):

* a timeout, a refused or dropped connection, a 5xx, or an answer that is not
  the protocol's → :class:`UnreachableError` (send the same batch later);
* 401 → :class:`TokenRefusedError`;
* 403, 409, 413, 422 on a batch → :class:`BatchRefusedError` with the server's detail.

Paths, headers and the answers' shapes are :mod:`pos.sync.wire`'s, which the
head office serves from too.  The batch body is built from the stored payload
texts without decoding them (:func:`pos.sync.wire.batch_body`).  httpx (rather
than urllib) for its timeouts per phase, connection reuse across batches and
TLS verification by default.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import httpx

from pos.ids import SyncBatchId
from pos.sync.domain.protocol import (
    BatchRefusedError,
    QueuedRecord,
    TokenRefusedError,
    UnreachableError,
)
from pos.sync.wire import (
    AUTHORIZATION_HEADER,
    BATCHES_PATH,
    CHANGES_PATH,
    NUMBERS_PATH,
    REPLAY_HEADER,
    REPLAY_VALUE,
    TERMINAL_PATH,
    Acknowledgement,
    ChangePage,
    TerminalInfo,
    TerminalNumbers,
    WireFormatError,
    batch_body,
)

CONNECT_SECONDS = 10.0
READ_SECONDS = 120.0  # a 1,000-record batch with its projections, on a slow server


class HttpHeadOffice:
    """``deadline`` (a ``time.monotonic()`` value, for ``sync --give-up-after``) bounds every
    request: each phase (connect, write, read) may take at most what is left of it, and
    none starts after it, so a head office that accepts and never answers cannot hold a
    run past its deadline."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: httpx.Timeout | None = None,
        deadline: float | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.deadline = deadline
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={AUTHORIZATION_HEADER: f"Bearer {token}", "User-Agent": "otop-pos-counter"},
            timeout=timeout or httpx.Timeout(READ_SECONDS, connect=CONNECT_SECONDS),
        )

    def _timeout(self) -> httpx.Timeout | None:
        if self.deadline is None:
            return None  # the client's own
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise UnreachableError(f"the head office ({self.base_url}) did not answer in time")
        return httpx.Timeout(min(READ_SECONDS, left), connect=min(CONNECT_SECONDS, left))

    def _request(self, method: str, path: str, **options: Any) -> httpx.Response:
        timeout = self._timeout()
        if timeout is not None:
            options["timeout"] = timeout
        try:
            response = self._client.request(method, path, **options)
        except httpx.TimeoutException:
            raise UnreachableError(
                f"the head office ({self.base_url}) did not answer in time"
            ) from None
        except httpx.TransportError as error:
            raise UnreachableError(
                f"the head office ({self.base_url}) cannot be reached: {error or type(error)}"
            ) from None
        if response.status_code == 401:
            raise TokenRefusedError(
                "the head office refused this counter's token (missing, unknown or revoked): "
                "ask for a new one (otop-pos hq add-terminal NAME --new-token) and set it with "
                "otop-pos sync configure --token-stdin"
            )
        if response.status_code == 429:  # too many failed tokens from this address: wait
            wait = response.headers.get("Retry-After", "?")
            raise UnreachableError(
                f"the head office refuses this address for {wait} s after too many failed"
                " tokens; it will be tried again"
            )
        if response.status_code >= 500:
            raise UnreachableError(
                f"the head office had an error ({response.status_code}); it will be tried again"
            )
        return response

    def terminal(self) -> TerminalInfo:
        data = self._json(self._request("GET", TERMINAL_PATH))
        try:
            return TerminalInfo.from_json(data)
        except WireFormatError as error:
            raise UnreachableError(f"the head office's answer is not understood: {error}") from None

    def send_batch(
        self, batch_id: SyncBatchId, terminal: str, records: Sequence[QueuedRecord]
    ) -> Acknowledgement:
        response = self._request(
            "POST",
            BATCHES_PATH,
            content=batch_body(batch_id, terminal, records),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code != 200:
            data = self._json(response, expect_ok=False)
            detail = data.get("detail", response.text[:500])
            raise BatchRefusedError(response.status_code, str(detail), data.get("record_ids", []))
        replayed = response.headers.get(REPLAY_HEADER, "").lower() == REPLAY_VALUE
        try:
            return Acknowledgement.from_json(self._json(response), replayed=replayed)
        except WireFormatError as error:
            raise UnreachableError(f"the head office's answer is not understood: {error}") from None

    def changes(self, cursor: int, limit: int) -> ChangePage:
        response = self._request("GET", CHANGES_PATH, params={"cursor": cursor, "limit": limit})
        try:
            return ChangePage.from_json(self._json(response))
        except WireFormatError as error:
            raise UnreachableError(
                f"the head office's changes are not understood: {error}"
            ) from None

    def numbers(self) -> TerminalNumbers:
        data = self._json(self._request("GET", NUMBERS_PATH))
        try:
            return TerminalNumbers.from_json(data)
        except WireFormatError as error:
            raise UnreachableError(
                f"the head office's numbers are not understood: {error}"
            ) from None

    def _json(self, response: httpx.Response, *, expect_ok: bool = True) -> dict[str, Any]:
        if expect_ok and response.status_code != 200:
            raise UnreachableError(
                f"unexpected answer {response.status_code} from the head office: "
                f"{response.text[:300]}"
            )
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            if not expect_ok:
                return {}
            raise UnreachableError("the head office's answer is not JSON")
        return data

    def close(self) -> None:
        self._client.close()
