"""A worker that stalls on its first item (after touching a marker file), so a test can kill it mid-item.

Run as ``python -m tests.workers.slow_worker MARKER``; it reads the same environment as `accord worker`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from accord.workers import items
from accord.workers.app import make_app


def main() -> None:
    marker = Path(sys.argv[1])
    real = items._item

    def stalled(ingestor: Any, spec: dict[str, Any]) -> str:
        if not marker.exists():
            marker.write_text(spec["url"], encoding="utf-8")
            time.sleep(600)  # killed long before this ends
        return real(ingestor, spec)

    items._item = stalled
    app = make_app(visibility_timeout=3)
    app.worker_main(["worker", "--pool=solo", "-Q", app.conf.task_default_queue, "--loglevel=WARNING",
                     "--without-gossip", "--without-mingle", "--hostname=slow@%h"])


if __name__ == "__main__":
    main()
