"""Failed-login throttling per client address: a sliding one-minute window kept in memory.

An attempt takes its slot before the password is checked (`reserve`), under one lock, so
parallel attempts cannot all pass the check before any of them is counted. A successful
sign-in gives its own slot back (`release`); the failures before it keep counting.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class LoginLimiter:
    """At most `per_minute` attempts per key are evaluated in any 60 seconds (successes excepted)."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._attempts: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        window = self._attempts.setdefault(key, deque())
        cutoff = self.clock() - 60.0
        while window and window[0] <= cutoff:
            window.popleft()
        return window

    def reserve(self, key: str) -> int:
        """Count an attempt before it is evaluated: 0 when it may go ahead, else seconds until one may."""
        with self._lock:
            window = self._recent(key)
            if len(window) >= self.per_minute:
                return max(1, math.ceil(60.0 - (self.clock() - window[0])))
            window.append(self.clock())
            return 0

    def release(self, key: str) -> None:
        """A reserved attempt succeeded: it does not count against the address."""
        with self._lock:
            window = self._recent(key)
            if window:
                window.pop()
            if not window:
                self._attempts.pop(key, None)

    def allowed(self, key: str) -> bool:
        with self._lock:
            return len(self._recent(key)) < self.per_minute

    def retry_after(self, key: str) -> int:
        """Seconds until `key` may try again (0 when it may now)."""
        with self._lock:
            window = self._recent(key)
            if len(window) < self.per_minute:
                return 0
            return max(1, math.ceil(60.0 - (self.clock() - window[0])))
