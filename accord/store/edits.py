"""Edits a person makes to a measure, the same from the CLI, the web form and the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from accord.domain.due import Due
from accord.domain.status import MeasureStatus
from accord.store.audit import check_version
from accord.store.models import Measure, ProgressNote


@dataclass(frozen=True)
class MeasureEdit:
    """Only the fields given are changed; None means "leave as it is"."""

    status: MeasureStatus | None = None
    note: str | None = None
    title: str | None = None
    due: Due | None = None
    expected_result: str | None = None
    description: str | None = None


def edit_measure(
    session: Session, measure: Measure, edit: MeasureEdit, author: str, today: date, based_on: int | None = None
) -> list[str]:
    """Apply an edit prepared against version `based_on`; returns the fields that changed.

    A stale `based_on` raises ConflictError naming who changed the measure since.
    """
    check_version(session, measure, based_on)
    with session.no_autoflush:
        changed = _apply(measure, edit, author, today)
    session.flush()
    return changed


def _apply(measure: Measure, edit: MeasureEdit, author: str, today: date) -> list[str]:
    """All of an edit lands in one flush, so one edit is one new version."""
    changed = []
    if edit.status is not None and edit.status.value != measure.status:
        measure.move_to(edit.status)
        changed.append("status")
    for name in ("title", "expected_result", "description"):
        value = getattr(edit, name)
        if value is not None and value != (getattr(measure, name) or ""):
            setattr(measure, name, value or None)
            changed.append(name)
    if edit.due is not None and edit.due != measure.due:
        measure.due = edit.due
        changed.append("due")
    if edit.note is not None and edit.note.strip() and edit.note.strip() != (measure.note or ""):
        measure.note = edit.note.strip()
        measure.notes.append(ProgressNote(on=today, text=measure.note, author=author))
        changed.append("note")
    return changed
