"""The app served by a real uvicorn on a free port of 127.0.0.1, in a thread of the test process.

Races, throttling and the browser need real concurrent connections, which a test client
calling the app in-process does not give.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app: FastAPI, **options: Any) -> Iterator[str]:
    """Yield the base URL while uvicorn serves `app` as `accord serve` does; stop it afterwards.

    Like `accord serve`, uvicorn is told not to rewrite the client address from proxy headers:
    the app decides whom to believe (ACCORD_TRUSTED_PROXIES).
    """
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws="none",
        lifespan="off",
        http="h11",
        proxy_headers=False,
        **options,
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)
