"""The one HTTP client, and each caller's use of it, held to the README's limits on a local server.

Timeouts, retries with a doubling wait on network errors and 5xx (not on 4xx),
conditional GET, a 5 MB cap while streaming, at most 5 redirects — for news
ingest, `accord extract URL` and the banks' rates alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from accord.cli import extract
from accord.fx import http as fx_http
from accord.ingest.fetch import Fetcher
from accord.net import MAX_BYTES, Client, FetchError, Policy
from tests.net.conftest import ETAG, Server

#: the callers' own policies with the waits shortened, so the tests stay fast
QUICK = {"timeout": 0.5, "backoff": 0.01}


def ingest_client(monkeypatch: pytest.MonkeyPatch) -> Client:
    return Fetcher(dataclasses.replace(Policy(), **QUICK))


def extract_client(monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setattr(extract, "POLICY", dataclasses.replace(extract.POLICY, **QUICK))
    return extract.client()


def fx_client(monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setattr(fx_http, "POLICY", dataclasses.replace(fx_http.POLICY, **QUICK))
    return fx_http.client()


CALLERS: dict[str, Callable[[pytest.MonkeyPatch], Client]] = {
    "ingest": ingest_client,
    "extract": extract_client,
    "fx": fx_client,
}


@pytest.fixture(params=list(CALLERS))
def client(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Client:
    made = CALLERS[request.param](monkeypatch)
    request.addfinalizer(made.close)
    return made


def reason(client: Client, url: str) -> str:
    with pytest.raises(FetchError) as caught:
        client.get(url)
    return caught.value.reason


@pytest.mark.parametrize(
    "policy", [Policy(), extract.POLICY, fx_http.POLICY], ids=["ingest", "extract", "fx"]
)
def test_every_caller_keeps_the_promised_limits(policy: Policy) -> None:
    assert (policy.max_redirects, policy.max_bytes, policy.retries) == (5, 5 * 1024 * 1024, 2)
    assert 0 < policy.timeout <= 30 and policy.backoff > 0


def test_five_redirects_are_followed_and_a_sixth_is_refused(client: Client, server: Server) -> None:
    assert client.get(server.url("/redirect/5")).url == server.url("/redirect/0")
    assert reason(client, server.url("/redirect/6")) == "too many redirects (more than 5; a loop?)"


def test_a_server_error_is_retried_twice(client: Client, server: Server) -> None:
    assert client.get(server.url("/flaky/2")).status == 200
    assert server.hits["/flaky/2"] == 3
    assert reason(client, server.url("/flaky/3")).startswith("HTTP 503")
    assert server.hits["/flaky/3"] == 3


def test_a_dropped_connection_is_retried(client: Client, server: Server) -> None:
    assert client.get(server.url("/hangup/1")).status == 200
    assert server.hits["/hangup/1"] == 2


def test_a_client_error_is_not_retried(client: Client, server: Server) -> None:
    assert reason(client, server.url("/missing")).startswith("HTTP 404")
    assert server.hits["/missing"] == 1


def test_a_slow_server_times_out(client: Client, server: Server) -> None:
    assert reason(client, server.url("/slow")) == "timed out after 0.5 s"
    assert server.hits["/slow"] == 3


def test_a_huge_page_is_cut_off_while_streaming(client: Client, server: Server) -> None:
    assert reason(client, server.url("/huge")) == "page is larger than 5 MB (cut off while reading)"


def test_a_page_already_read_is_asked_for_with_its_validator(client: Client, server: Server) -> None:
    first = client.get(server.url("/page"))
    again = client.get(server.url("/page"), etag=first.etag)
    assert first.etag == ETAG and again.not_modified and again.body == b""


def test_an_unreachable_host_is_retried_with_a_doubling_wait(unreachable: str) -> None:
    waits: list[float] = []
    with Client(Policy(timeout=0.5, retries=3, backoff=0.1), sleep=waits.append) as client:
        with pytest.raises(FetchError, match="cannot connect to 127.0.0.1:.*connection refused"):
            client.get(unreachable)
    assert waits == [0.1, 0.2, 0.4]


def test_a_declared_size_over_the_cap_is_refused_before_reading(server: Server) -> None:
    with Client(Policy(max_bytes=100)) as client:
        assert reason(client, server.url("/page")).startswith("page is larger than 100 bytes")


def test_content_a_caller_cannot_read_is_refused(server: Server) -> None:
    with Client(accept=("application/json",), accepting="a rates answer") as client:
        assert reason(client, server.url("/page")) == "not a rates answer: content type text/html"


def test_a_web_address_of_another_kind_is_refused() -> None:
    with Client() as client:
        assert (
            reason(client, "ftp://example.org/file")
            == "not a web address accord can fetch: ftp://example.org/file"
        )


def test_extract_reports_a_failed_fetch_as_the_input_s_error(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract, "POLICY", dataclasses.replace(extract.POLICY, **QUICK))
    url = server.url("/redirect/6")
    assert extract.extract_one(url) == {
        "source": url,
        "error": f"cannot fetch {url}: too many redirects (more than 5; a loop?)",
    }
    assert MAX_BYTES == 5 * 1024 * 1024
