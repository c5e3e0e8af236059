"""The banks over the one HTTP client (`accord.net`): how accord introduces itself to them, how patient it is."""

from __future__ import annotations

from accord import __version__
from accord.net import Client, FetchError, Policy

__all__ = ["POLICY", "FetchError", "client"]

#: a bank answers a day's rates in well under a second; a year of days is many requests
POLICY = Policy(timeout=20.0)


def client(policy: Policy | None = None) -> Client:
    return Client(policy or POLICY, user_agent=f"accord/{__version__} (official rates)")
