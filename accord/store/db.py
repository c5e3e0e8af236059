"""Engines and transactions: SQLite by default (WAL, foreign keys on), PostgreSQL the same way.

A ``Database`` is wired by construction: its sessions are audited and keep the search index
current whoever made it, with nothing to import first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from accord import settings
from accord.store import audit, indexing


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One database: its engine and the way to open audited transactions on it."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or settings.load().database_url
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # every session of this database keeps the search index in step with what it writes
        event.listen(self._sessions, "after_flush", indexing.index_changes)
        event.listen(self._sessions, "before_commit", indexing.write_pending)
        event.listen(self._sessions, "after_soft_rollback", indexing.forget_pending)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self, actor: str | None = None, reason: str | None = None) -> Iterator[Session]:
        """A session committed at the end of the block, rolled back on any error.

        Changes to tracked rows need an `actor`: the audit trail records who made them.
        """
        session = self._sessions()
        audit.bind(session, actor, reason)
        try:
            yield session
            session.commit()
        except StaleDataError:  # a lost race, from the commit or from any flush inside the block
            raise audit.lost_race(session) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; anything written in it is discarded.

        Objects read stay usable after the block (detached, not expired).
        """
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
