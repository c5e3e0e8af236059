"""The one HTTP client: timeouts, retries with backoff, conditional GET, a size cap while streaming, 5 redirects.

News ingest, `accord extract URL` and the banks' exchange rates all fetch through
it, so each keeps the same promises. Every way a fetch can go wrong ends as
``FetchError(reason)``, with a reason a person can act on; network errors,
timeouts, 429 and 5xx answers are retried after a doubling wait, other 4xx
answers are not.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from accord import __version__

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = f"accord/{__version__}"


class FetchError(Exception):
    """A fetch failed; ``reason`` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Policy:
    """How patient and how polite to be; tests shorten the waits."""

    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


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


class _Retryable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Client:
    """One connection pool for a run of fetches, closed at the end (`with Client(...) as client:`).

    `accept`: media types (prefixes such as ``text/``) the caller can use; anything
    else is refused before its body is read, as not being `accepting` ("a news page or
    feed"). `transport` replaces the network (tests).
    """

    def __init__(
        self,
        policy: Policy | None = None,
        *,
        user_agent: str = USER_AGENT,
        headers: Mapping[str, str] | None = None,
        accept: tuple[str, ...] | None = None,
        accepting: str = "a page this can read",
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.policy = policy or Policy()
        self.accept, self.accepting = accept, accepting
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=True,
            max_redirects=self.policy.max_redirects,
            headers={"User-Agent": user_agent, **(headers or {})},
            transport=transport,
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        *,
        params: Mapping[str, str] | None = None,
    ) -> Fetched:
        """GET `url`, asking whether it changed when validators are given; retried as the policy says."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._once(url, headers, params)
            except _Retryable as exc:
                if attempt >= self.policy.retries:
                    raise FetchError(exc.reason) from None
                self._sleep(self.policy.backoff * (2**attempt))
                attempt += 1

    def _once(self, url: str, headers: dict[str, str], params: Mapping[str, str] | None) -> Fetched:
        try:
            with self._client.stream("GET", url, headers=headers, params=params) as resp:
                if resp.status_code == 304:
                    return _fetched(resp, b"")
                if resp.status_code == 429 or resp.status_code >= 500:
                    raise _Retryable(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                media = (resp.headers.get("content-type") or "").split(";")[0].strip().lower()
                if self.accept is not None and media and not media.startswith(self.accept):
                    raise FetchError(f"not {self.accepting}: content type {media}")
                return _fetched(resp, self._read_capped(resp))
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {self.policy.max_redirects}; a loop?)") from None
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.policy.timeout:g} s") from None
        except httpx.ConnectError as exc:
            raise _Retryable(
                f"cannot connect to {urlsplit(url).netloc or url}: {_connect_reason(exc)}"
            ) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL):
            raise FetchError(f"not a web address accord can fetch: {url}") from None
        except httpx.HTTPError as exc:
            raise _Retryable(f"{exc.__class__.__name__}: {_short(exc)}") from None

    def _read_capped(self, resp: httpx.Response) -> bytes:
        """Read the body in chunks and stop at the cap, so a huge page never sits in memory."""
        cap = self.policy.max_bytes
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(f"page is larger than {_mb(cap)} ({int(declared) / 2**20:.1f} MB declared)")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(f"page is larger than {_mb(cap)} (cut off while reading)")
            chunks.append(chunk)
        return b"".join(chunks)


def _fetched(resp: httpx.Response, body: bytes) -> Fetched:
    return Fetched(
        url=str(resp.url),
        status=resp.status_code,
        body=body,
        content_type=resp.headers.get("content-type"),
        etag=resp.headers.get("etag"),
        last_modified=resp.headers.get("last-modified"),
    )


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _connect_reason(exc: Exception) -> str:
    text = _short(exc)
    if "refused" in text.lower():
        return "connection refused (offline, or the address is wrong)"
    return text


def _short(exc: Exception) -> str:
    text = str(exc) or exc.__class__.__name__
    return text.splitlines()[0][:200]
