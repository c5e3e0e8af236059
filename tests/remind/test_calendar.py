"""`/calendar.ics?token=…`: a person's deadlines, behind a token that reads nothing else."""

from __future__ import annotations

import re
from datetime import date, timedelta

from icalendar import Calendar
from sqlalchemy import select

from accord.auth import tokens, users
from accord.domain.kinds import Role
from accord.store.db import Database
from accord.store.models import Assignment, Direction, Measure
from tests.web.conftest import bearer, make_client

PASSWORD = "correct horse battery"


def issue(
    db: Database, name: str, role: Role, party: str | None = None, direction: str | None = None
) -> tuple[str, str]:
    with db.transaction(actor="setup", reason="test accounts") as s:
        user = users.add_user(s, name, role, PASSWORD, party, direction, lang="en" if party else "ru")
        return tokens.issue(s, user, "calendar"), tokens.issue(s, user)


def test_the_feed_holds_an_editors_deadlines_as_all_day_events(example_db: Database) -> None:
    calendar_token, api_token = issue(example_db, "ed", Role.EDITOR, "BY", "industry")
    with make_client(example_db) as client:
        response = client.get(f"/calendar.ics?token={calendar_token}")
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
        events = Calendar.from_ical(response.content).walk("VEVENT")
        with example_db.reading() as s:
            expected = set(
                s.scalars(
                    select(Measure.number)
                    .join(Direction)
                    .where(
                        Direction.sector == "industry",
                        Measure.due_on.is_not(None),
                        Measure.status.in_(["planned", "in_progress"]),
                        Measure.id.in_(select(Assignment.measure_id).where(Assignment.country_code == "BY")),
                    )
                )
            )
        measures = {
            str(e["summary"]).split(":")[0].removeprefix("Measure ")
            for e in events
            if str(e["uid"]).startswith("measure-")
        }
        assert expected and measures == expected
        for event in events:  # all-day events on the deadline, each linking to its record
            assert type(event["dtstart"].dt) is date and event["dtend"].dt == event["dtstart"].dt + timedelta(
                days=1
            )
            assert re.match(
                r"^http://127\.0\.0\.1:8000/(measures|commission/decisions)/\d+$", str(event["url"])
            )

        # the calendar token is no API token, and an API token opens no calendar
        assert client.get("/api/v1/me", headers=bearer(calendar_token)).status_code == 401
        assert client.get(f"/calendar.ics?token={api_token}").status_code == 401
        assert client.get("/calendar.ics").status_code == 401
        assert client.get("/api/v1/me", headers=bearer(api_token)).status_code == 200


def test_a_coordinators_feed_holds_every_open_deadline_and_a_revoked_token_none(example_db: Database) -> None:
    calendar_token, _ = issue(example_db, "carol", Role.COORDINATOR)
    with make_client(example_db) as client:
        events = Calendar.from_ical(client.get(f"/calendar.ics?token={calendar_token}").content).walk(
            "VEVENT"
        )
        with example_db.reading() as s:
            open_measures = s.scalars(
                select(Measure.id).where(
                    Measure.due_on.is_not(None), Measure.status.in_(["planned", "in_progress"])
                )
            ).all()
        assert len([e for e in events if str(e["uid"]).startswith("measure-")]) == len(open_measures)
        assert any("Мероприятие" in str(e["summary"]) for e in events)
        with example_db.transaction(actor="setup", reason="revoke") as s:
            tokens.revoke_all(s, users.find(s, "carol"))
        assert client.get(f"/calendar.ics?token={calendar_token}").status_code == 401
