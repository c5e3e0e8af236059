"""A local web server on 127.0.0.1 that misbehaves on request: slow, failing, redirecting, huge.

``/ok`` answers a page; ``/flaky/N`` fails with 503 N times, then answers; ``/hangup/N``
closes the connection without an answer N times; ``/redirect/N`` redirects N times
before answering; ``/slow`` answers after 2 s; ``/huge`` streams 8 MB with no length;
``/page`` honours If-None-Match. ``server.hits`` counts requests by path.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import pytest

from tests.localserver import serving

PAGE = "<html><body><h1>Беларусь и Кыргызстан</h1><p>Стороны обсудили поставки техники.</p></body></html>"
ETAG = '"v1"'


@dataclass
class Server:
    base: str = ""
    hits: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            path = self.path.split("?")[0]
            server.hits[path] += 1
            parts = path.strip("/").split("/")
            if parts[0] == "flaky" and server.hits[path] <= int(parts[1]):
                return self._send(503, b"busy", "text/plain")
            if parts[0] == "hangup" and server.hits[path] <= int(parts[1]):
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(2)
                return None
            if parts[0] == "redirect" and int(parts[1]) > 0:
                self.send_response(302)
                self.send_header("Location", f"/redirect/{int(parts[1]) - 1}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if path == "/slow":
                time.sleep(2)
            if path == "/missing":
                return self._send(404, b"no such page", "text/plain")
            if path == "/huge":
                return self._huge()
            if path == "/page" and self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            return self._send(200, PAGE.encode(), "text/html; charset=utf-8", {"ETag": ETAG})

        def _send(
            self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def _huge(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = ("<p>" + "Сотрудничество расширяется. " * 400 + "</p>").encode()
            sent = 0
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                while sent < 8 * 1024 * 1024:
                    self.wfile.write(f"{len(chunk):X}\r\n".encode() + chunk + b"\r\n")
                    sent += len(chunk)
                self.wfile.write(b"0\r\n\r\n")
            server.hits["/huge:sent"] = sent

    return Handler


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server()
    with serving(_handler(state)) as url:
        state.base = url
        yield state


@pytest.fixture
def unreachable() -> str:
    """An address on 127.0.0.1 where nothing listens."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/page"
