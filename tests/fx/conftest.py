"""A local stand-in for the banks: an HTTP server on 127.0.0.1 answering what each test sets."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import pytest

from accord.fx import http
from tests.localserver import serving

#: (path, query) -> (status, body, content type)
Responder = Callable[[str, dict[str, str]], tuple[int, bytes, str]]


@dataclass
class Bank:
    url: str
    routes: dict[str, Responder] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def route(self, path: str, responder: Responder) -> None:
        self.routes[path] = responder


@pytest.fixture
def bank() -> Iterator[Bank]:
    state = Bank(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            parts = urlsplit(self.path)
            state.requests.append(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            responder = state.routes.get(parts.path)
            status, body, ctype = responder(parts.path, query) if responder else (404, b"not found", "text/plain")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler) as url:
        state.url = url
        yield state


@pytest.fixture
def offline_url() -> str:
    """An address on 127.0.0.1 where nothing listens: connecting is refused."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The banks' client as configured, with the waits between retries shortened."""
    monkeypatch.setattr(http, "POLICY", dataclasses.replace(http.POLICY, timeout=2.0, backoff=0.01))
