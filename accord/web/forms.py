"""What record forms share: reading posted fields, and explaining a refused or stale save on the page."""

from __future__ import annotations

from datetime import date
from typing import Any

from accord.domain.days import DayError, parse_day
from accord.domain.status import TransitionError
from accord.store.archive import ArchiveError
from accord.store.audit import ConflictError, FieldError
from accord.store.checks import Invalid
from accord.web.data import serialise
from accord.web.data.history import changes_since
from accord.web.deps import Ctx

#: refusals a form shows above itself (its values kept), rather than on an error page
REFUSALS = (DayError, TransitionError, Invalid, ArchiveError, FieldError)


def text(value: str | None) -> str | None:
    """A text field: surrounding blanks dropped, empty means none."""
    return (value or "").strip() or None


def day(form: dict[str, str], name: str) -> date | None:
    return parse_day(form.get(name), name)


def conflict(ctx: Ctx, exc: ConflictError, entity: str, record_id: int, version: int) -> dict[str, Any]:
    """The stale-edit notice: the message naming who changed the record, and each change since `version`."""
    with ctx.db.reading() as fresh:
        since = [serialise.audit(a) for a in changes_since(fresh, entity, record_id, version)]
    return {"message": str(exc), "by": exc.by, "changes": since}
