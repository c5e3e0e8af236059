"""One logging configuration: levels and JSON lines from the environment, tracebacks of the
unexpected, and a request id in the web log and the response."""

from __future__ import annotations

import io
import json
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord import logs
from accord.ingest.run import Ingestor
from accord.store.db import Database
from tests.ingest import texts

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2 for its test client
    from fastapi.testclient import TestClient


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Each test configures logging its own way; the loggers are put back as they were."""
    saved = {name: (logging.getLogger(name).handlers[:], logging.getLogger(name).level) for name in ("accord", "uvicorn")}
    yield
    for name, (handlers, level) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.setLevel(level)


def lines(buffer: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_an_unexpected_ingest_error_logs_its_traceback(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_article: object) -> None:
        raise RuntimeError("the reader tripped over a table")

    monkeypatch.setattr("accord.ingest.run.extract_article", broken)
    (tmp_path / "item.txt").write_text(texts.VETERINARY, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="accord"), Ingestor(sqlite_db, "alice") as ingestor:
        summary = ingestor.run([str(tmp_path / "item.txt")])
    assert summary.failed[0]["error"] == "cannot process the item: RuntimeError: the reader tripped over a table"
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.name == "accord.ingest.run" and "item.txt" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "in broken" in caplog.text  # the traceback reaches the frame that raised


def test_json_lines_parse_and_carry_the_traceback(restore_logging: None) -> None:
    buffer = io.StringIO()
    logs.configure("INFO", "json", buffer)
    log = logging.getLogger("accord.somewhere")
    log.debug("not at this level")
    log.info("стороны подписали %s", "меморандум")
    try:
        raise ValueError("bad value")
    except ValueError:
        log.exception("it failed")
    token = logs.request_id.set("req-42")
    log.warning("inside a request")
    logs.request_id.reset(token)
    first, second, third = lines(buffer)
    assert first["message"] == "стороны подписали меморандум" and first["level"] == "INFO"
    assert first["logger"] == "accord.somewhere" and "request_id" not in first
    assert "Traceback" in str(second["exception"]) and "ValueError: bad value" in str(second["exception"])
    assert third["request_id"] == "req-42"


def test_configuring_twice_keeps_one_handler(restore_logging: None) -> None:
    buffer = io.StringIO()
    logs.configure("WARNING", "text", io.StringIO())
    logs.configure("WARNING", "text", buffer)
    logging.getLogger("accord.x").warning("once")
    assert buffer.getvalue().count("once") == 1
    assert "WARNING accord.x: once" in buffer.getvalue()


def test_levels_and_formats_come_from_the_environment(restore_logging: None, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.StringIO()
    monkeypatch.setenv("ACCORD_LOG_LEVEL", "error")
    monkeypatch.setenv("ACCORD_LOG_FORMAT", "json")
    logs.configure(stream=buffer)
    logging.getLogger("accord.x").warning("quiet")
    logging.getLogger("accord.x").error("loud")
    assert [line["message"] for line in lines(buffer)] == ["loud"]
    monkeypatch.setenv("ACCORD_LOG_LEVEL", "chatty")
    with pytest.raises(ValueError, match="ACCORD_LOG_LEVEL 'CHATTY' is not a level"):
        logs.configure()


def test_a_bad_setting_stops_the_command_clearly(cli, monkeypatch: pytest.MonkeyPatch, restore_logging: None) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ACCORD_LOG_FORMAT", "xml")
    result = cli("init", ok=False)
    assert result.exit_code == 2 and "ACCORD_LOG_FORMAT 'xml' is not a format" in result.output


def test_a_request_id_shows_in_the_log_and_the_response(sqlite_db: Database, restore_logging: None) -> None:
    from accord.web.app import create_app

    buffer = io.StringIO()
    logs.configure("INFO", "json", buffer)
    client = TestClient(create_app(sqlite_db, public_read=True, secret_key="k" * 40))
    given = client.get("/login", headers={"X-Request-ID": "edge-7f3a"})
    made = client.get("/login")
    forged = client.get("/login", headers={"X-Request-ID": "<script>alert(1)</script>"})
    assert given.headers["x-request-id"] == "edge-7f3a"
    assert len(made.headers["x-request-id"]) == 32
    assert forged.headers["x-request-id"] not in ("", "<script>alert(1)</script>")
    requests = [line for line in lines(buffer) if line["logger"] == "accord.web.request_ids"]
    assert [line["request_id"] for line in requests] == [
        "edge-7f3a", made.headers["x-request-id"], forged.headers["x-request-id"]
    ]
    assert str(requests[0]["message"]).startswith("GET /login 200 ")


def test_a_failing_request_logs_its_traceback_under_its_id(sqlite_db: Database, restore_logging: None) -> None:
    from accord.web.app import create_app

    app = create_app(sqlite_db, public_read=True, secret_key="k" * 40)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    buffer = io.StringIO()
    logs.configure("INFO", "json", buffer)
    response = TestClient(app, raise_server_exceptions=False).get("/boom", headers={"X-Request-ID": "r-500"})
    assert response.status_code == 500
    (failed,) = [line for line in lines(buffer) if "exception" in line and line.get("request_id") == "r-500"]
    assert failed["message"] == "GET /boom failed" and "RuntimeError: a bug" in str(failed["exception"])
