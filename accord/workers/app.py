"""The Celery application: broker from ACCORD_BROKER_URL, no result backend (outcomes go to the database).

A task is acknowledged only when it is done (``acks_late``) and put back when its worker
dies (``reject_on_worker_lost``), so a killed worker's item is delivered again; each
worker takes one message at a time so a slow item never holds others back.
"""

from __future__ import annotations

from celery import Celery

from accord import settings

#: how long Redis waits for an unacknowledged message before giving it to another worker (seconds)
VISIBILITY_TIMEOUT = 600


class BrokerMissing(RuntimeError):
    """No broker is configured: queued commands need ACCORD_BROKER_URL."""


def make_app(broker_url: str | None = None, queue: str | None = None, visibility_timeout: int | None = None) -> Celery:
    """A Celery app on the configured (or given) broker, with accord's tasks registered on it."""
    config = settings.load()
    broker = broker_url or config.broker_url
    if not broker:
        raise BrokerMissing(
            "no broker: set ACCORD_BROKER_URL (amqp://guest:guest@127.0.0.1:5672// or redis://127.0.0.1:6379/0)"
        )
    name = queue or config.queue
    app = Celery("accord", broker=broker)
    app.conf.update(
        task_default_queue=name,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_ignore_result=True,
        result_backend=None,
        worker_prefetch_multiplier=1,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        broker_transport_options=_transport(visibility_timeout or VISIBILITY_TIMEOUT),
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        worker_send_task_events=False,
    )
    from accord.workers import tasks

    tasks.register(app)
    return app


def _transport(visibility: int) -> dict[str, int]:
    """Redis's options: with a short visibility timeout, look for abandoned messages as often."""
    options = {"visibility_timeout": visibility}
    if visibility < 60:
        options |= {"unacked_restore_interval": max(1, visibility // 3), "unacked_restore_throttle": 1}
    return options
