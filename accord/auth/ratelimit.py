"""Failed-login throttling per client address: a sliding one-minute window kept in memory."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class LoginLimiter:
    """Counts failed attempts per key; `allowed` is False once the minute's budget is spent."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        window = self._failures.setdefault(key, deque())
        cutoff = self.clock() - 60.0
        while window and window[0] <= cutoff:
            window.popleft()
        return window

    def allowed(self, key: str) -> bool:
        with self._lock:
            return len(self._recent(key)) < self.per_minute

    def failed(self, key: str) -> None:
        with self._lock:
            self._recent(key).append(self.clock())

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def retry_after(self, key: str) -> int:
        with self._lock:
            window = self._recent(key)
            return max(1, int(60 - (self.clock() - window[0]))) if window else 0
