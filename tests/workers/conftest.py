"""Celery workers against the real RabbitMQ and Redis on 127.0.0.1, each test on a queue of its own.

Workers run in threads of the test process (Celery's test worker, solo pool) or, where a
worker must be killed, as a subprocess. Unreachable brokers skip the tests, except under
CI=true, where they fail.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from urllib.parse import urlsplit

import pytest
from celery import Celery
from celery.worker import WorkController, state

from accord.store.db import Database
from accord.workers import tasks
from accord.workers.app import make_app
from tests.ingest.conftest import site  # noqa: F401 - the local news site, for the poll tests

BROKERS = {
    "amqp": os.environ.get("ACCORD_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//"),
    "redis": os.environ.get("ACCORD_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"),
}
#: Redis gives an unacknowledged message to another worker after this long (seconds)
VISIBILITY = 3


def _reachable(url: str) -> str | None:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5672), timeout=2):
            return None
    except OSError as exc:
        return str(exc)


@pytest.fixture(params=["amqp", "redis"])
def broker(request: pytest.FixtureRequest) -> str:
    url = BROKERS[request.param]
    problem = _reachable(url)
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{request.param} broker is required in CI and is unreachable at {url}: {problem}")
        pytest.skip(f"{request.param} broker unreachable at {url}: {problem}")
    return url


@pytest.fixture
def queue_env(broker: str, db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The environment a worker of this test reads: its database, broker and a queue nobody else uses."""
    env = {
        "ACCORD_DATABASE_URL": db.url,
        "ACCORD_BROKER_URL": broker,
        "ACCORD_QUEUE": f"accord-test-{uuid.uuid4().hex[:12]}",
        "ACCORD_TASK_ATTEMPTS": "3",
        "ACCORD_RETRY_BACKOFF": "0.05",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    yield env
    app = make_app(visibility_timeout=VISIBILITY)
    try:
        with app.connection_for_write() as conn:
            conn.default_channel.queue_delete(env["ACCORD_QUEUE"])
    except Exception:  # noqa: BLE001 - the queue is only litter
        pass


@pytest.fixture
def app(queue_env: dict[str, str]) -> Celery:
    return make_app(visibility_timeout=VISIBILITY)


@pytest.fixture
def workers(queue_env: dict[str, str]) -> Callable[[int], AbstractContextManager[list[WorkController]]]:
    """``with workers(2):`` runs two workers (each a thread with a solo pool) on the test's queue."""

    @contextmanager
    def running(n: int) -> Iterator[list[WorkController]]:
        started: list[tuple[WorkController, threading.Thread]] = []
        for number in range(n):
            own = make_app(visibility_timeout=VISIBILITY)
            worker = own.WorkController(
                hostname=f"test{number}-{uuid.uuid4().hex[:6]}@localhost",
                pool="solo",
                concurrency=1,
                loglevel="WARNING",
                queues=[queue_env["ACCORD_QUEUE"]],
                without_heartbeat=True,
                without_mingle=True,
                without_gossip=True,
                ready_callback=None,
                # an event loop (Redis's) is one per process: the first worker has it, the others block
                use_eventloop=None if number == 0 else False,
            )
            thread = threading.Thread(target=_serve, args=(own, worker), daemon=True)
            thread.start()
            started.append((worker, thread))
        try:
            yield [w for w, _ in started]
        finally:
            state.should_terminate = 0  # each loop sees it once running (a slow start on a loaded machine)
            for _, thread in started:
                thread.join(120)
            alive = [w.hostname for w, t in started if t.is_alive()]
            state.should_terminate = None
            for shop in tasks._shops.values():  # the threads' database connections, closed with them
                shop.db.dispose()
            tasks._shops.clear()
            assert not alive, f"workers did not stop: {alive}"

    return running


def _serve(app: Celery, worker: WorkController) -> None:
    app.set_current()  # the solo pool finds its tasks on the thread's current app
    worker.start()


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
