"""A person's tasks: the open measures and commission decisions they answer for, soonest deadline first.

The same rule the reminders apply (`accord.remind.deadlines.answers_for`), so the
dashboard lists exactly what the e-mail digest and the calendar feed will.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from accord.auth.access import Principal
from accord.remind.deadlines import answers_for
from accord.remind.load import open_deadlines

#: how far ahead the dashboard looks (overdue tasks are always listed)
HORIZON_DAYS = 90


def my_tasks(session: Session, user: Principal | None, today: date, days: int = HORIZON_DAYS) -> list[dict[str, Any]]:
    """Overdue tasks and those due within `days`, for the user (nothing for a viewer or anonymous reader)."""
    if user is None:
        return []
    chosen = [d for d in open_deadlines(session, until=today + timedelta(days=days)) if answers_for(user, d)]
    chosen.sort(key=lambda d: (d.due_on, d.entity, d.number))
    return [
        {"entity": d.entity, "id": d.entity_id, "number": d.number, "title": d.title, "due_on": d.due_on.isoformat(),
         "status": d.status, "overdue": d.due_on < today, "where": d.where, "path": d.path,
         "responsible": list(d.responsible)}
        for d in chosen
    ]
