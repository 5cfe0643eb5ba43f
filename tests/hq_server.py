"""The head office as a real process for fault tests, and a proxy that cuts connections.

:class:`HqProcess` runs ``otop-pos hq serve`` (uvicorn) on a free loopback
port; it can be stopped cleanly or killed (SIGKILL).  :class:`CuttingProxy`
passes a client's request to the server and, when the server's answer starts
to arrive, resets the client's connection instead of passing it on: the
server has committed, the client never hears back (a cut cable, a router
restarting at the wrong moment).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import httpx

PROJECT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class HqProcess:
    def __init__(self, database_url: str, log_path: Path, port: int | None = None):
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._log: IO[bytes] = log_path.open("ab")
        self._log_path = log_path
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(PROJECT / "main.py"),
                "hq",
                "serve",
                "--db",
                database_url,
                "--port",
                str(self.port),
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=PROJECT,
        )
        self._wait_until_ready()

    def _wait_until_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.base_url}/openapi.json", timeout=2).status_code == 200:
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the HQ server did not start:\n{self._log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL: no clean-up, no goodbye, as if the machine died."""
        self.process.kill()
        self.process.wait(timeout=20)
        self._log.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
        self._log.close()


class CuttingProxy:
    """A loopback TCP proxy that drops the server's answer and resets the client."""

    def __init__(self, upstream_port: int):
        self._upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.cut = threading.Event()  # set once an answer has been swallowed
        self._thread = threading.Thread(target=self._serve_one, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve_one(self) -> None:
        client, _ = self._listener.accept()
        upstream = socket.create_connection(self._upstream)
        upstream.sendall(_read_request(client))
        if upstream.recv(1):  # the first byte of the answer: the server has done its work
            self.cut.set()
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()  # RST: the answer never reaches the client
        upstream.close()

    def close(self) -> None:
        self._listener.close()
        self._thread.join(timeout=5)


def _read_request(client: socket.socket) -> bytes:
    """One whole HTTP/1.1 request with a Content-Length body (what httpx sends here)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += client.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        body += client.recv(65536)
    return head + b"\r\n\r\n" + body


class FlakyProxy:
    """A loopback proxy that cuts the answers of the first ``cuts`` connections, then passes
    everything through: the counter's retry reaches the server through the same address."""

    def __init__(self, upstream_port: int, cuts: int = 1):
        self._upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.cuts_left = cuts
        self.cut = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.cuts_left > 0:
                self.cuts_left -= 1
                threading.Thread(target=self._cut_one, args=(client,), daemon=True).start()
            else:
                upstream = socket.create_connection(self._upstream)
                for source, target in ((client, upstream), (upstream, client)):
                    threading.Thread(target=_pipe, args=(source, target), daemon=True).start()

    def _cut_one(self, client: socket.socket) -> None:
        upstream = socket.create_connection(self._upstream)
        upstream.sendall(_read_request(client))
        if upstream.recv(1):  # the server has done its work and started to answer
            self.cut.set()
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
        upstream.close()

    def close(self) -> None:
        self._listener.close()
        self._thread.join(timeout=5)


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, target):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
