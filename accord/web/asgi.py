"""The ASGI entry point `accord serve` (or any ASGI server) runs: the app over the configured database."""

from __future__ import annotations

from accord.web.app import create_app

app = create_app()
