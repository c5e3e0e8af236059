"""Who may read and change what: pure functions over a user's role and scope.

Routes ask these questions and answer 403 when the answer is no, so the rules
live here once and are tested as a table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from accord.domain.kinds import Role


@dataclass(frozen=True)
class Principal:
    """The acting user as the rules see them (a copy, detached from any session)."""

    name: str
    role: Role
    party: str | None = None
    direction: str | None = None
    display_name: str | None = None

    @property
    def label(self) -> str:
        return self.display_name or self.name


@dataclass(frozen=True)
class MeasureScope:
    """What the scope rule needs to know about a measure: its direction and the parties answering for it."""

    sector: str
    parties: frozenset[str]


#: the kinds of record only coordinators and admins change (editors change measures in their scope)
RECORD_KINDS = frozenset({"agreement", "project", "decision", "measure_create", "organization", "person", "session"})


def can_read(user: Principal | None, public_read: bool) -> bool:
    return user is not None or public_read


def can_edit_measure(user: Principal | None, scope: MeasureScope) -> bool:
    """Coordinators and admins edit every measure; an editor only those of their party and/or direction."""
    if user is None:
        return False
    if user.role in (Role.ADMIN, Role.COORDINATOR):
        return True
    if user.role is not Role.EDITOR or (user.party is None and user.direction is None):
        return False
    if user.party is not None and user.party not in scope.parties:
        return False
    return user.direction is None or user.direction == scope.sector


def can_change(user: Principal | None, kind: str) -> bool:
    """Agreements, projects, the commission, the directory and new measures: coordinators and admins."""
    return user is not None and user.role in (Role.ADMIN, Role.COORDINATOR) and kind in RECORD_KINDS


def can_review(user: Principal | None, measure_scope: MeasureScope | None) -> bool:
    """Accepting a proposal is an edit of its target: editors may review proposals for their own measures."""
    if user is None:
        return False
    if user.role in (Role.ADMIN, Role.COORDINATOR):
        return True
    return measure_scope is not None and can_edit_measure(user, measure_scope)


def can_manage_users(user: Principal | None) -> bool:
    return user is not None and user.role is Role.ADMIN


def measure_scope(sector: str, parties: Iterable[str | None]) -> MeasureScope:
    return MeasureScope(sector=sector, parties=frozenset(p for p in parties if p))


def check_scope_args(role: Role, party: str | None, direction: str | None) -> None:
    """An editor needs a scope; other roles must not carry one (it would mean nothing)."""
    if role is Role.EDITOR and party is None and direction is None:
        raise ValueError("an editor needs --party and/or --direction: the measures they may change")
    if role is not Role.EDITOR and (party or direction):
        raise ValueError(f"a {role.value} has no party or direction scope; only editors do")
