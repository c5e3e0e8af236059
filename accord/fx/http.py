"""The one place fetchers talk HTTP: timeouts, and failures turned into a message a user can act on."""

from __future__ import annotations

import httpx

TIMEOUT = httpx.Timeout(20.0, connect=10.0)


class FetchError(RuntimeError):
    """A bank could not be reached or answered with something that is not its rates."""


def client() -> httpx.Client:
    return httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": "accord (official rates)"})


def get(http: httpx.Client, url: str, params: dict[str, str] | None = None) -> httpx.Response:
    """GET `url` or raise FetchError saying what went wrong and where."""
    try:
        response = http.get(url, params=params)
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect to {url}: {reason(exc)}") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url} did not answer in time") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"request to {url} failed: {reason(exc)}") from exc
    if response.status_code >= 400:
        raise FetchError(f"{response.url} answered HTTP {response.status_code}")
    return response


def reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    if "refused" in text.lower():
        return "connection refused (offline, or the address is wrong)"
    return text
