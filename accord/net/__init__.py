"""Talking HTTP to the outside: one client with the limits the README promises (see `client`)."""

from accord.net.client import MAX_BYTES, MAX_REDIRECTS, Client, Fetched, FetchError, Policy

__all__ = ["MAX_BYTES", "MAX_REDIRECTS", "Client", "FetchError", "Fetched", "Policy"]
