"""A local news site on 127.0.0.1 for the ingest tests: pages, feeds, and every fault the issue names.

``site.pages`` maps a path to (body, content type); tests change it to publish,
revise or withdraw items. ETag / If-None-Match is honoured so conditional GETs
can be checked; ``site.hits`` counts requests per path.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import pytest

from accord.ingest.fetch import Policy
from tests.ingest import texts
from tests.localserver import serving

#: short waits so fault tests stay fast: half a second to time out, one quick retry
FAST = Policy(timeout=0.5, retries=1, backoff=0.01)
HUGE_BYTES = 50 * 1024 * 1024


@dataclass
class Site:
    base: str = ""
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def publish(self, path: str, text: str, content_type: str = "text/html; charset=utf-8") -> str:
        body = texts.html(text) if content_type.startswith("text/html") else text
        self.pages[path] = (body.encode("utf-8"), content_type)
        return self.url(path)

    def feed(self, path: str, links: list[tuple[str, str, str]], body: str | None = None) -> str:
        """An RSS feed of (path, title, updated) entries, or the raw ``body`` given."""
        if body is None:
            items = "".join(
                f"<item><title>{title}</title><link>{self.url(link)}</link><guid>{self.url(link)}</guid>"
                f"<pubDate>{updated}</pubDate></item>"
                for link, title, updated in links
            )
            body = (
                "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                f"<title>Новости сотрудничества</title><link>{self.base}/</link><description>Лента</description>"
                f"{items}</channel></rss>"
            )
        self.pages[path] = (body.encode("utf-8"), "application/rss+xml; charset=utf-8")
        return self.url(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            path = self.path
            site.hits[path] += 1
            if path == "/slow":
                time.sleep(2)
                return self._send(200, b"<p>too late</p>", "text/html")
            if path == "/loop":
                return self._redirect("/loop-again")
            if path == "/loop-again":
                return self._redirect("/loop")
            if path == "/error":
                return self._send(500, b"server error", "text/plain")
            if path == "/image.png":
                return self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png")
            if path == "/huge":
                return self._huge()
            if path not in site.pages:
                return self._send(404, "нет такой страницы".encode(), "text/plain; charset=utf-8")
            body, content_type = site.pages[path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            return self._send(200, body, content_type, {"ETag": etag})

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

        def _redirect(self, to: str) -> None:
            self.send_response(302)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _huge(self) -> None:
            """50 MB of page, sent in chunks with no Content-Length, so only streaming notices the size."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = ("<p>" + "Беларусь и Кыргызстан расширяют сотрудничество. " * 300 + "</p>").encode()
            sent = 0
            try:
                while sent < HUGE_BYTES:
                    self.wfile.write(f"{len(chunk):X}\r\n".encode() + chunk + b"\r\n")
                    sent += len(chunk)
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            site.hits["/huge:sent"] = sent

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """A fresh local news site per test."""
    state = Site()
    with serving(_handler(state)) as url:
        state.base = url
        yield state


@pytest.fixture
def unreachable() -> str:
    """A URL on a port nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/news"
