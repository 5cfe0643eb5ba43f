"""A network receipt printer on loopback: records what it is sent and answers status queries.

For tests and for setting up a till without the printer at hand::

    python -m receipts.emulator --port 9100 --out /tmp/printed
    python -m receipts.emulator --port 0 --no-status --drop-after 2000 --drops 2

prints a line per job and, with ``--out``, saves each job's bytes (``.bin``) and
the paper it would have printed (``.png``, decoded from the raster data).

It behaves like an Epson-style printer on port 9100: one job per connection,
``DLE EOT n`` answered at once (paper, cover, offline cause), and when the
sender half-closes (end of job) it closes its side too, having read it all.
Tests (and the options) can make it run out of paper (``paper_out``), open its
cover, be switched off (:meth:`stop`, then connections are refused) and on
again, never answer status queries (``answers_status = False``, ``--no-status``:
a blind printer, as many cheap ones are), reset the connection after a number
of bytes (``drop_after_bytes``, for the next ``drops`` connections) or never
close its side (``never_closes``).  ``--port 0`` takes a free port and prints it.
"""

from __future__ import annotations

import argparse
import socket
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path

from receipts.escpos_decode import Decoded, decode, parse

_FIXED_BITS = 0x12  # bits 1 and 4 are always set in an Epson status byte


class PrinterEmulator:
    def __init__(self, port: int = 9100, *, host: str = "127.0.0.1"):
        self.host, self.requested_port = host, port
        self.port = port
        self.paper_out = False
        self.cover_open = False
        self.drop_after_bytes: int | None = None
        self.drops = 0
        self.answers_status = True
        self.never_closes = False  # keep a finished connection open (a printer that hangs)
        self.sessions: list[bytes] = []  # every connection's bytes, in the order they ended
        self.on_session: Callable[[bytes], None] | None = None
        self._server: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._changed = threading.Condition(self._lock)

    # --- switching on and off -----------------------------------------------------------
    def start(self) -> PrinterEmulator:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((self.host, self.port))
        server.listen(8)
        server.settimeout(0.05)
        self.port = server.getsockname()[1]
        self._server = server
        self._stopping.clear()
        self._spawn(self._accept_loop)
        return self

    def stop(self) -> None:
        """Switch the printer off: close the port and every open connection."""
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()
        if self._server is not None:
            self._server.close()
            self._server = None

    def __enter__(self) -> PrinterEmulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- what it printed ----------------------------------------------------------------
    def jobs(self) -> list[Decoded]:
        """Decoded sessions that carried more than status queries."""
        with self._lock:
            sessions = list(self.sessions)
        decoded = [decode(session) for session in sessions]
        return [job for job in decoded if any(c.name != "DLE EOT" for c in job.commands)]

    def printed_jobs(self) -> list[Decoded]:
        """Jobs that arrived whole and ended with a cut: what came out on paper."""
        return [job for job in self.jobs() if job.complete]

    def wait_for_sessions(self, count: int, timeout: float = 10.0) -> bool:  # ok-float
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.sessions) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        return True

    # --- inside -------------------------------------------------------------------------
    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="printer-emulator")
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        assert self._server is not None
        server = self._server
        while not self._stopping.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._spawn(self._serve, connection)

    def _status_byte(self, query: int) -> int:
        if query == 4:  # paper roll sensor
            return _FIXED_BITS | (0x6C if self.paper_out else 0)
        if query == 2:  # offline cause
            return _FIXED_BITS | (0x04 if self.cover_open else 0) | (0x20 if self.paper_out else 0)
        offline = self.paper_out or self.cover_open
        return _FIXED_BITS | (0x08 if offline and query == 1 else 0)

    def _serve(self, connection: socket.socket) -> None:
        received = bytearray()
        connection.settimeout(0.05)
        with self._lock:
            drop_at = self.drop_after_bytes if self.drops > 0 else None
            if drop_at is not None:
                self.drops -= 1
        try:
            if self._receive(connection, received, drop_at):
                self._record(bytes(received))  # the sender's end of job: all of it is here
                self._hold_open()
                connection.close()
                return
        except OSError:
            pass
        connection.close()
        self._record(bytes(received))

    def _receive(self, connection: socket.socket, received: bytearray, drop_at: int | None) -> bool:
        """Read the job into ``received``, answering status queries; True at the sender's end
        of job, False when switched off or (``drop_at``) after resetting the connection."""
        parsed_upto = 0
        while not self._stopping.is_set():
            try:
                chunk = connection.recv(65536)
            except TimeoutError:
                continue
            if not chunk:
                return True
            if drop_at is not None and len(received) + len(chunk) >= drop_at:
                received += chunk[: drop_at - len(received)]
                _reset(connection)
                return False
            received += chunk
            commands, used = parse(bytes(received[parsed_upto:]))
            parsed_upto += used
            replies = bytes(self._status_byte(c.args[0]) for c in commands if c.name == "DLE EOT")
            if replies and self.answers_status:
                connection.sendall(replies)
        return False

    def _hold_open(self) -> None:
        if self.never_closes:
            self._stopping.wait()

    def _record(self, data: bytes) -> None:
        with self._changed:
            self.sessions.append(data)
            self._changed.notify_all()
        if self.on_session is not None:
            self.on_session(data)


def _reset(connection: socket.socket) -> None:
    """Close with a TCP reset, as a printer that is switched off mid-job does."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


def _save(out: Path, number: int, data: bytes) -> str:
    job = decode(data)
    (out / f"job-{number:04d}.bin").write_bytes(data)
    summary = f"job {number}: {len(data)} bytes, {job.cuts} cut(s), drawer {job.drawer_kicks}"
    if job.images:
        picture = job.picture()
        picture.save(out / f"job-{number:04d}.png")
        summary += f", picture {picture.width}x{picture.height}"
    if job.text.strip():
        (out / f"job-{number:04d}.txt").write_text(job.text, encoding="utf-8")
        summary += f", {len(job.text.splitlines())} text lines"
    return summary


def emulator_from_options(options: argparse.Namespace) -> PrinterEmulator:
    """The printer the command-line options describe (not yet switched on)."""
    emulator = PrinterEmulator(options.port)
    emulator.paper_out = options.paper_out
    emulator.answers_status = not options.no_status
    emulator.never_closes = options.never_close
    if options.drop_after is not None:
        emulator.drop_after_bytes, emulator.drops = options.drop_after, options.drops
    return emulator


def option_parser() -> argparse.ArgumentParser:
    """``python -m receipts.emulator``'s options: port, output folder and the printer's faults."""
    parser = argparse.ArgumentParser(
        prog="python -m receipts.emulator",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--out", type=Path, help="save each job's bytes and picture here")
    parser.add_argument("--paper-out", action="store_true", help="answer 'no paper'")
    parser.add_argument(
        "--no-status", action="store_true", help="never answer status queries (a blind printer)"
    )
    parser.add_argument(
        "--drop-after", type=int, metavar="N", help="reset the connection after N bytes"
    )
    parser.add_argument(
        "--drops", type=int, default=1, metavar="K", help="... for the next K jobs (default 1)"
    )
    parser.add_argument(
        "--never-close", action="store_true", help="never close a connection after a job"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    options = option_parser().parse_args(argv)
    emulator = emulator_from_options(options)
    counter = iter(range(1, 1_000_000))
    if options.out:
        options.out.mkdir(parents=True, exist_ok=True)

    def report(data: bytes) -> None:
        number = next(counter)
        if options.out:
            print(_save(options.out, number, data), flush=True)
        else:
            print(f"job {number}: {len(data)} bytes", flush=True)

    emulator.on_session = report
    with emulator:
        print(f"printer emulator listening on 127.0.0.1:{emulator.port} (Ctrl+C stops)", flush=True)
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
