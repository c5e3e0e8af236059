"""Building the session report from the database: one function, no formatting.

`build_report(session, roadmap, as_of)` reads the roadmap, the commission, the
audit trail, the evidence and the trade figures and returns a `SessionReport`;
the DOCX, XLSX and HTML renderers only lay it out, so every format says the same.
"""

from __future__ import annotations

from datetime import UTC, date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.domain.due import DueKind
from accord.domain.kinds import BodyKind
from accord.io.roadmap_export import table
from accord.reports.changes import changes_between
from accord.reports.labels import annex_header, day
from accord.reports.model import (
    Annex,
    CoChair,
    DecisionLine,
    DirectionRow,
    LastSession,
    MeasureLine,
    SessionReport,
    Summary,
    TitleBlock,
)
from accord.reports.trade_section import trade_section
from accord.store import progress as progress_queries
from accord.store.models import Body, BodyMember, Country, Measure, Organization, Roadmap
from accord.store.models import Session as CommissionSession

UPCOMING_DAYS = 90


def commission_of(session: Session, roadmap: Roadmap) -> Body | None:
    """The roadmap's commission: its top-level body of kind commission."""
    bodies = session.scalars(
        select(Body)
        .where(Body.roadmap_id == roadmap.id, Body.kind == BodyKind.COMMISSION.value)
        .options(selectinload(Body.members).selectinload(BodyMember.person), selectinload(Body.sessions))
        .order_by(Body.id)
    )
    found = list(bodies)
    top = [b for b in found if b.parent_id is None]
    return (top or found or [None])[0]


def session_before(body: Body | None, as_of: date) -> CommissionSession | None:
    """The last session held before the as-of day (the one this report follows up)."""
    if body is None:
        return None
    held = [s for s in body.sessions if s.held_on is not None and s.held_on < as_of]
    return max(held, key=lambda s: s.held_on or date.min) if held else None


def session_after(body: Body | None, as_of: date) -> CommissionSession | None:
    if body is None:
        return None
    coming = [s for s in body.sessions if s.held_on is not None and s.held_on >= as_of]
    return min(coming, key=lambda s: s.held_on or date.max) if coming else None


def record_start(roadmap: Roadmap, as_of: date) -> date:
    """With no session to count from: the roadmap's signing, else the day it was entered."""
    entered = roadmap.created_at.astimezone(UTC).date() if roadmap.created_at else as_of
    return min(roadmap.signed_on or entered, as_of)


def org_name(org: Organization, lang: str) -> str:
    return org.name_en if lang == "en" and org.name_en else org.label


def co_chairs(body: Body | None, as_of: date, lang: str) -> list[CoChair]:
    if body is None:
        return []
    chairs = []
    for member in body.co_chairs():
        person = member.person
        name = person.name_en if lang == "en" and person.name_en else person.full_name
        office = person.position_on(as_of)
        position = None
        if office is not None:
            position = office.title_en if lang == "en" and office.title_en else office.title
        chairs.append(
            CoChair(name, position, member.country_code or person.country_code or "", person.illustrative)
        )
    return chairs


def measure_line(measure: Measure, parties: list[str], as_of: date, days: int, lang: str) -> MeasureLine:
    notes = [n for n in measure.notes if n.on <= as_of]
    last = max(notes, key=lambda n: (n.on, n.id)) if notes else None
    return MeasureLine(
        number=measure.number,
        title=measure.title,
        responsible={p: [org_name(o, lang) for o in measure.responsible(p)] for p in parties},
        due=day(measure.due_on, lang) if measure.due.kind is DueKind.DATE else measure.due.format(lang),
        due_on=measure.due_on,
        status=measure.status,
        days=days,
        last_note=last.text if last else None,
        last_note_on=last.on if last else None,
        illustrative=measure.illustrative,
    )


def summary_of(session: Session, roadmap: Roadmap, as_of: date, lang: str) -> Summary:
    state = progress_queries.progress(session, roadmap, as_of)

    def row(name: str, p: progress_queries.DirectionProgress) -> DirectionRow:
        return DirectionRow(name, p.total, p.done, p.in_progress, p.planned, p.cancelled, p.overdue)

    rows = [row(p.direction.label(lang), p) for p in state.directions]
    return Summary(rows, row("", state.totals))


def last_session_of(meeting: CommissionSession | None, as_of: date, lang: str) -> LastSession | None:
    if meeting is None or meeting.held_on is None:
        return None
    decisions = [
        DecisionLine(
            number=d.number,
            text=d.text,
            owner=org_name(d.owner, lang) if d.owner else None,
            due_on=d.due_on,
            status=d.status,
            overdue=d.is_overdue(as_of),
        )
        for d in meeting.decisions
    ]
    return LastSession(meeting.number, meeting.held_on, meeting.place, decisions, meeting.illustrative)


def build_report(
    session: Session,
    roadmap: Roadmap,
    as_of: date,
    since: date | None = None,
    currency: str | None = None,
    lang: str = "ru",
    produced_on: date | None = None,
) -> SessionReport:
    """The report as of a day; changes counted from `since`, else from the last session before it.

    Deadlines, days late and changes are taken as of `as_of`; statuses are those
    recorded when the report is produced (`produced_on`, today by default).
    """
    if lang not in ("ru", "en"):
        raise ValueError(f"language {lang!r} is not supported: use ru or en")
    body = commission_of(session, roadmap)
    last = session_before(body, as_of)
    coming = session_after(body, as_of)
    start = since or (last.held_on if last and last.held_on else None) or record_start(roadmap, as_of)
    parties = roadmap.party_codes
    measures = progress_queries.measures_of(session, roadmap)
    overdue = sorted(
        (m for m in measures if m.is_overdue(as_of)),
        key=lambda m: (-m.days_late(as_of), m.sort_key),
    )
    upcoming = progress_queries.upcoming(session, roadmap, as_of, UPCOMING_DAYS)
    trade = trade_section(session, roadmap, as_of, currency, lang)
    codes = set(parties) | set(trade.reporters)
    countries = {
        c.code: c.name(lang) for c in session.scalars(select(Country).where(Country.code.in_(codes)))
    }
    headers, rows = table(session, roadmap)
    title = TitleBlock(
        roadmap_code=roadmap.code,
        roadmap_title=roadmap.title_en if lang == "en" and roadmap.title_en else roadmap.title,
        parties=parties,
        as_of=as_of,
        since=start,
        commission=(body.name_en if lang == "en" and body.name_en else body.name) if body else None,
        co_chairs=co_chairs(body, as_of, lang),
        since_session=last.number if last and since is None else None,
        next_session=coming.held_on if coming else None,
        illustrative=roadmap.illustrative or any(m.illustrative for m in measures),
        produced_on=produced_on or date.today(),
    )
    return SessionReport(
        lang=lang,
        title=title,
        summary=summary_of(session, roadmap, as_of, lang),
        changes=changes_between(session, roadmap, start, as_of, lang),
        overdue=[measure_line(m, parties, as_of, m.days_late(as_of), lang) for m in overdue],
        upcoming=[
            measure_line(m, parties, as_of, (m.due_on - as_of).days if m.due_on else 0, lang)
            for m in upcoming
        ],
        upcoming_days=UPCOMING_DAYS,
        last_session=last_session_of(last, as_of, lang),
        trade=trade,
        annex=Annex([annex_header(h, lang) for h in headers], rows),
        countries=countries,
    )
