"""The scope rules as a table: who may edit which measure, change the record, review, manage users."""

from __future__ import annotations

import pytest

from accord.auth.access import (
    MeasureScope,
    Principal,
    can_change,
    can_edit_measure,
    can_manage_users,
    can_read,
    can_review,
    check_scope_args,
)
from accord.domain.kinds import Role

ADMIN = Principal("alice", Role.ADMIN)
COORDINATOR = Principal("carol", Role.COORDINATOR)
EDITOR_BY_INDUSTRY = Principal("ed_by", Role.EDITOR, party="BY", direction="industry")
EDITOR_KG = Principal("ed_kg", Role.EDITOR, party="KG")
EDITOR_HEALTH = Principal("ed_h", Role.EDITOR, direction="healthcare")
VIEWER = Principal("vic", Role.VIEWER)

BOTH_INDUSTRY = MeasureScope("industry", frozenset({"BY", "KG"}))
BY_INDUSTRY = MeasureScope("industry", frozenset({"BY"}))
KG_AGRICULTURE = MeasureScope("agriculture", frozenset({"KG"}))
BY_HEALTH = MeasureScope("healthcare", frozenset({"BY"}))


@pytest.mark.parametrize("user,scope,allowed", [
    (ADMIN, KG_AGRICULTURE, True),
    (COORDINATOR, BY_INDUSTRY, True),
    (EDITOR_BY_INDUSTRY, BOTH_INDUSTRY, True),
    (EDITOR_BY_INDUSTRY, BY_INDUSTRY, True),
    (EDITOR_BY_INDUSTRY, KG_AGRICULTURE, False),
    (EDITOR_BY_INDUSTRY, BY_HEALTH, False),
    (EDITOR_KG, BOTH_INDUSTRY, True),
    (EDITOR_KG, BY_INDUSTRY, False),
    (EDITOR_KG, KG_AGRICULTURE, True),
    (EDITOR_HEALTH, BY_HEALTH, True),
    (EDITOR_HEALTH, BY_INDUSTRY, False),
    (Principal("nobody", Role.EDITOR), BY_INDUSTRY, False),
    (VIEWER, BY_INDUSTRY, False),
    (None, BY_INDUSTRY, False),
])
def test_it_scopes_measure_edits(user: Principal | None, scope: MeasureScope, allowed: bool) -> None:
    assert can_edit_measure(user, scope) is allowed


@pytest.mark.parametrize("user,allowed", [(ADMIN, True), (COORDINATOR, True), (EDITOR_BY_INDUSTRY, False),
                                          (VIEWER, False), (None, False)])
def test_only_coordinators_and_admins_change_the_registers(user: Principal | None, allowed: bool) -> None:
    for kind in ("agreement", "project", "decision", "measure_create"):
        assert can_change(user, kind) is allowed
    assert can_change(ADMIN, "anything else") is False


def test_editors_review_only_proposals_for_their_measures() -> None:
    assert can_review(EDITOR_BY_INDUSTRY, BY_INDUSTRY) is True
    assert can_review(EDITOR_BY_INDUSTRY, KG_AGRICULTURE) is False
    assert can_review(EDITOR_BY_INDUSTRY, None) is False
    assert can_review(COORDINATOR, None) is True
    assert can_review(VIEWER, BY_INDUSTRY) is False


def test_only_admins_manage_users_and_anonymous_reads_only_when_public() -> None:
    assert [can_manage_users(u) for u in (ADMIN, COORDINATOR, VIEWER, None)] == [True, False, False, False]
    assert can_read(None, public_read=False) is False
    assert can_read(None, public_read=True) is True
    assert can_read(VIEWER, public_read=False) is True


def test_it_requires_a_scope_for_editors_only() -> None:
    check_scope_args(Role.EDITOR, "BY", None)
    with pytest.raises(ValueError, match="needs --party"):
        check_scope_args(Role.EDITOR, None, None)
    with pytest.raises(ValueError, match="only editors"):
        check_scope_args(Role.VIEWER, "BY", None)
