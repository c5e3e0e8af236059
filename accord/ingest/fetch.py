"""Polite HTTP: timeouts, a few retries with backoff, conditional GET, a size cap and a redirect limit.

Every way a fetch can go wrong ends as ``FetchError(reason)`` with a reason a
person can read in `accord source show`; nothing here touches the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from accord import __version__

MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = f"accord/{__version__} (news ingest)"
TEXT_TYPES = (
    "text/",
    "application/xhtml",
    "application/xml",
    "application/rss",
    "application/atom",
    "application/rdf",
)
FEED_TYPES = ("application/rss", "application/atom", "application/rdf", "application/xml", "text/xml")


class FetchError(Exception):
    """A fetch failed; ``reason`` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Fetched:
    """What came back: the body (empty on 304) and the validators for the next conditional GET."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str:
        return (self.content_type or "").split(";")[0].strip().lower()

    @property
    def looks_like_feed(self) -> bool:
        head = self.body[:512].lstrip().lower()
        return self.media_type.startswith(FEED_TYPES) or head.startswith(
            (b"<?xml", b"<rss", b"<feed", b"<rdf")
        )


@dataclass(frozen=True, slots=True)
class Policy:
    """How patient and how polite to be; tests shorten the waits."""

    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5


class Fetcher:
    """One HTTP client reused for a whole run (connection pooling), closed at the end."""

    def __init__(self, policy: Policy | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy or Policy()
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=self.policy.timeout,
            follow_redirects=True,
            max_redirects=self.policy.max_redirects,
            headers={"User-Agent": USER_AGENT, "Accept-Language": "ru,en;q=0.5"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET with retries on network errors, timeouts, 429 and 5xx; 4xx fail at once."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._once(url, headers)
            except _Retryable as exc:
                if attempt >= self.policy.retries:
                    raise FetchError(exc.reason) from None
                self._sleep(self.policy.backoff * (2**attempt))
                attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return _fetched(resp, b"")
                if resp.status_code == 429 or resp.status_code >= 500:
                    raise _Retryable(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                media = (resp.headers.get("content-type") or "").split(";")[0].strip().lower()
                if media and not media.startswith(TEXT_TYPES):
                    raise FetchError(f"not a news page or feed: content type {media}")
                return _fetched(resp, self._read_capped(resp))
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {self.policy.max_redirects}; a loop?)") from None
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.policy.timeout:g} s") from None
        except httpx.ConnectError as exc:
            raise _Retryable(f"cannot connect: {_short(exc)}") from None
        except httpx.UnsupportedProtocol:
            raise FetchError("unsupported URL scheme") from None
        except httpx.HTTPError as exc:
            raise _Retryable(f"{exc.__class__.__name__}: {_short(exc)}") from None

    def _read_capped(self, resp: httpx.Response) -> bytes:
        """Read the body in chunks and stop at the cap, so a huge page never sits in memory."""
        cap = self.policy.max_bytes
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(
                f"page is larger than {cap // (1024 * 1024)} MB ({int(declared) // (1024 * 1024)} MB declared)"
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(f"page is larger than {cap // (1024 * 1024)} MB (cut off while reading)")
            chunks.append(chunk)
        return b"".join(chunks)


class _Retryable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _fetched(resp: httpx.Response, body: bytes) -> Fetched:
    return Fetched(
        url=str(resp.url),
        status=resp.status_code,
        body=body,
        content_type=resp.headers.get("content-type"),
        etag=resp.headers.get("etag"),
        last_modified=resp.headers.get("last-modified"),
    )


def _short(exc: Exception) -> str:
    text = str(exc) or exc.__class__.__name__
    return text.splitlines()[0][:200]
