"""Every request gets an id: taken from ``X-Request-ID`` when a proxy sent a sane one, made otherwise.

The id is echoed in the response header, carried by every log record made while the
request is served, and logged with the request's method, path, status and duration,
so a reader's report of a failure finds its traceback in the server's log.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from accord import logs

log = logging.getLogger(__name__)

HEADER = "x-request-id"
#: what a forwarded id may look like (anything else is replaced, never logged as given)
SANE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def new_id() -> str:
    return uuid.uuid4().hex


class RequestIds:
    """ASGI middleware: the request id in the log context and in the response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == HEADER.encode()), "")
        rid = given if SANE.match(given) else new_id()
        token = logs.request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != HEADER.encode()]
                message = {**message, "headers": [*headers, (HEADER.encode(), rid.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("%s %s failed", scope["method"], scope["path"])
            raise
        finally:
            log.info("%s %s %s %.0f ms", scope["method"], scope["path"], status,
                     (time.perf_counter() - started) * 1000)
            logs.request_id.reset(token)
