"""Per-request context: the read session, the caller, the language, today; and the guards routes use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from fastapi import HTTPException, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.auth.access import Principal, can_read
from accord.store.db import Database
from accord.store.models import Roadmap
from accord.store.progress import default_roadmap
from accord.web.i18n import Formats, pick, translator
from accord.web.security import Caller, identify


class LoginRequired(Exception):
    """An anonymous visitor reached a page that needs an account (pages redirect, the API says 401)."""


@dataclass
class Ctx:
    request: Request
    db: Database
    session: Session
    caller: Caller
    lang: str
    today: date
    _roadmap: Roadmap | None = field(default=None, repr=False)

    @property
    def user(self) -> Principal | None:
        return self.caller.user

    @property
    def _(self):  # noqa: ANN201 - the translator templates and routes call
        return translator(self.lang)

    @property
    def fmt(self) -> Formats:
        return Formats(self.lang)

    def roadmap(self) -> Roadmap | None:
        """The roadmap asked for with ?roadmap=CODE, else the one chosen in this session, else the first."""
        if self._roadmap is None:
            code = self.request.query_params.get("roadmap") or self.request.session.get("roadmap")
            self._roadmap = default_roadmap(self.session, code) if code else None
            if self._roadmap is None:
                self._roadmap = default_roadmap(self.session)
        return self._roadmap

    def roadmaps(self) -> list[tuple[str, str]]:
        """(code, title) of every roadmap, for the switcher shown when there is more than one."""
        rows = self.session.execute(select(Roadmap.code, Roadmap.title, Roadmap.title_en).order_by(Roadmap.id)).all()
        return [(r.code, r.title if self.lang == "ru" or not r.title_en else r.title_en) for r in rows]

    def require_user(self) -> Principal:
        if self.user is None:
            raise LoginRequired()
        return self.user

    @contextmanager
    def writing(self, reason: str) -> Iterator[Session]:
        """An audited transaction under the caller's name."""
        user = self.require_user()
        with self.db.transaction(actor=user.name, reason=reason) as session:
            yield session


def language(request: Request) -> str:
    wanted = request.query_params.get("lang") or request.session.get("lang")
    if not wanted:
        accept = request.headers.get("accept-language", "")
        wanted = "en" if accept.lower().startswith("en") else None
    return pick(wanted)


def context(request: Request) -> Iterator[Ctx]:
    """Open a read session for the request and refuse anonymous readers unless reading is public."""
    state = request.app.state
    with state.db.reading() as session:
        caller = identify(request, session)
        if not can_read(caller.user, state.public_read):
            raise LoginRequired()
        yield Ctx(request, state.db, session, caller, language(request), state.today())


def forbid(ctx: Ctx, allowed: bool, what: str) -> None:
    if ctx.user is None:
        raise LoginRequired()
    if not allowed:
        raise HTTPException(403, f"{ctx.user.name} ({ctx.user.role.value}) may not {what}")
