"""The ASGI entry point `accord serve` (or any ASGI server) runs: the app over the configured database."""

from __future__ import annotations

from accord import logs
from accord.web.app import create_app

logs.configure()
app = create_app()
