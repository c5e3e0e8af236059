"""`/calendar.ics?token=…`: a person's deadlines for Outlook and phones, behind a read-only token."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from accord import settings
from accord.auth import tokens
from accord.auth.users import principal
from accord.remind.calendar import feed
from accord.remind.deadlines import calendar_for
from accord.remind.load import open_deadlines
from accord.store.base import utcnow

router = APIRouter()


@router.get("/calendar.ics", include_in_schema=False)
def calendar(request: Request, token: str = "") -> Response:
    """Calendar apps cannot send headers or cookies, so the feed's own token rides in the URL;
    it reads this feed and nothing else (`accord token create NAME --calendar`)."""
    db = request.app.state.db
    with db.reading() as session:
        user = tokens.resolve(session, token, scope="calendar") if token else None
        if user is None:
            raise HTTPException(401, "a valid calendar token is needed: accord token create NAME --calendar")
        who, lang = principal(user), user.lang
        deadlines = calendar_for(who, open_deadlines(session))
    body = feed(deadlines, lang, settings.load().base_url, utcnow())
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": 'inline; filename="accord-deadlines.ics"',
            "Cache-Control": "private, max-age=300",
        },
    )
