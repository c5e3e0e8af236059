"""One logging configuration for the command line, the web app and its workers.

Modules log through ``logging.getLogger(__name__)`` and never configure anything;
the entry points call ``configure()`` once. ``ACCORD_LOG_LEVEL`` sets how much is
said (warnings by default), ``ACCORD_LOG_FORMAT=json`` writes one JSON object per line
for a server's log collector. A record made while a web request is served carries
that request's id.
"""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import IO, Any

from accord import settings

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
FORMATS = ("text", "json")
TEXT = "%(asctime)s %(levelname)s %(name)s%(request)s: %(message)s"

#: the id of the web request being served, if any
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every record (None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        record.request = f" [{record.request_id}]" if record.request_id else ""
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if getattr(record, "request_id", None):
            out["request_id"] = record.request_id  # type: ignore[attr-defined]
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record is emitted (a test runner may swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, _value: IO[str]) -> None:
        pass


def configure(level: str | None = None, fmt: str | None = None, stream: IO[str] | None = None) -> None:
    """Send accord's records (and uvicorn's) to ``stream`` (stderr) at the configured level and format.

    Calling it again replaces the earlier configuration, never adds a second handler.
    Records still propagate, so a caller's own handlers (a test's) see them too.
    """
    env = settings.load()
    level = (level or env.log_level).upper()
    fmt = (fmt or env.log_format).lower()
    if level not in LEVELS:
        raise ValueError(f"ACCORD_LOG_LEVEL {level!r} is not a level: use one of {', '.join(LEVELS)}")
    if fmt not in FORMATS:
        raise ValueError(f"ACCORD_LOG_FORMAT {fmt!r} is not a format: use text or json")
    handler = logging.StreamHandler(stream) if stream is not None else StderrHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT))
    handler.set_name("accord")
    for name in ("accord", "uvicorn"):
        logger = logging.getLogger(name)
        for old in [h for h in logger.handlers if h.get_name() == "accord"]:
            logger.removeHandler(old)
        logger.addHandler(handler)
        logger.setLevel(level)
