"""Login throttling through a real server: parallel guesses, forged X-Forwarded-For, trusted proxies."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from accord.store.db import Database
from accord.web.app import create_app
from tests.conftest import TODAY
from tests.web.conftest import PASSWORD, add_personas
from tests.web.live import serving

pytestmark = pytest.mark.xdist_group("throttle")


@pytest.fixture
def accounts(sqlite_db: Database) -> Database:
    add_personas(sqlite_db)
    return sqlite_db


def server(db: Database, rate: int, proxies: list[str] | None = None):  # noqa: ANN201
    app = create_app(
        db,
        today=lambda: TODAY,
        secret_key="throttle-secret-" * 3,
        login_rate=rate,
        trusted_proxies=proxies or [],
    )
    return serving(app)


def login_form(client: httpx.Client) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)


def attempt(
    client: httpx.Client, csrf: str, password: str = "wrong password", **headers: str
) -> httpx.Response:
    return client.post("/login", data={"name": "vic", "password": password, "csrf": csrf}, headers=headers)


def test_thirty_parallel_wrong_logins_are_evaluated_at_most_the_allowed_number_of_times(
    accounts: Database,
) -> None:
    with server(accounts, rate=5) as url, httpx.Client(base_url=url, timeout=60) as client:
        csrf = login_form(client)
        gate = threading.Barrier(30)

        def guess(_: int) -> httpx.Response:
            gate.wait(10)
            return attempt(client, csrf)

        with ThreadPoolExecutor(30) as pool:
            responses = list(pool.map(guess, range(30)))
    codes = sorted(r.status_code for r in responses)
    assert codes.count(401) == 5 and codes.count(429) == 25, codes
    for refused in (r for r in responses if r.status_code == 429):
        assert 1 <= int(refused.headers["Retry-After"]) <= 60


def test_a_forged_forwarded_for_does_not_reset_the_budget(accounts: Database) -> None:
    with server(accounts, rate=3) as url, httpx.Client(base_url=url, timeout=30) as client:
        csrf = login_form(client)
        codes = [attempt(client, csrf, **{"X-Forwarded-For": f"203.0.113.{n}"}).status_code for n in range(8)]
        assert codes == [401] * 3 + [429] * 5
        locked = attempt(client, csrf, PASSWORD, **{"X-Forwarded-For": "198.51.100.7"})
        assert locked.status_code == 429 and "Retry-After" in locked.headers


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget(accounts: Database) -> None:
    with (
        server(accounts, rate=3, proxies=["127.0.0.0/8"]) as url,
        httpx.Client(base_url=url, timeout=30) as client,
    ):
        csrf = login_form(client)
        for _ in range(3):
            assert attempt(client, csrf, **{"X-Forwarded-For": "203.0.113.1"}).status_code == 401
        assert attempt(client, csrf, **{"X-Forwarded-For": "203.0.113.1"}).status_code == 429
        # what the client itself puts in front of the proxy's entry changes nothing: the proxy's entry is the address
        forged = attempt(client, csrf, **{"X-Forwarded-For": "10.9.9.9, 203.0.113.1"})
        assert forged.status_code == 429
        other = attempt(client, csrf, PASSWORD, **{"X-Forwarded-For": "203.0.113.2"})
        assert other.status_code == 303, "another client behind the proxy was locked out too"


def test_accord_serve_leaves_proxy_headers_to_the_app(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import uvicorn

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: seen.update(kwargs))
    cli("init")
    cli("serve")
    assert seen.get("proxy_headers") is False, "uvicorn would believe X-Forwarded-For from any local client"
