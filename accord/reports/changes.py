"""What happened between two dates: status moves from the audit trail, signings, new projects.

Status changes come from the audit trail (every field change is recorded there
with its author and time), so nothing needs to be typed in twice. Each change
carries the accepted evidence behind it: the source and its date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from accord.domain.kinds import EvidenceState
from accord.reports.model import AgreementChange, Changes, EvidenceRef, NewProject, StatusChange
from accord.store.models import Agreement, AuditEntry, Evidence, Measure, Project, Roadmap, SourceItem


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def source_label(item: SourceItem) -> str:
    """How a source is cited: outlet and title, else the address."""
    parts = [p for p in (item.outlet, item.title) if p]
    return ": ".join(parts) if parts else (item.url or f"#{item.id}")


def evidence_for(session: Session, column: str, ids: list[int], as_of: date) -> dict[int, list[EvidenceRef]]:
    """Accepted evidence per target id, newest first, none dated after `as_of`."""
    if not ids:
        return {}
    target = getattr(Evidence, column)
    rows = session.scalars(
        select(Evidence)
        .where(target.in_(ids), Evidence.state == EvidenceState.ACCEPTED.value)
        .options(selectinload(Evidence.source_item))
    )
    found: dict[int, list[EvidenceRef]] = {}
    for ev in rows:
        item = ev.source_item
        on = (item.published_on if item else None) or ev.on
        if on is not None and on > as_of:
            continue
        text = source_label(item) if item else (ev.note or ev.reason or "")
        found.setdefault(getattr(ev, column), []).append(EvidenceRef(text, on, item.url if item else None))
    for refs in found.values():
        refs.sort(key=lambda r: r.on or date.min, reverse=True)
    return found


def status_changes(session: Session, roadmap: Roadmap, since: date, as_of: date) -> list[StatusChange]:
    """One row per measure whose status differs at the end of the period from its start."""
    measures = {m.id: m for m in session.scalars(select(Measure).where(Measure.roadmap_id == roadmap.id))}
    entries = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.entity == "measure",
            AuditEntry.field == "status",
            AuditEntry.action == "update",
            AuditEntry.at >= day_start(since),
            AuditEntry.at < day_start(as_of + timedelta(days=1)),
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    first: dict[int, AuditEntry] = {}
    last: dict[int, AuditEntry] = {}
    for entry in entries:
        if entry.entity_id in measures:
            first.setdefault(entry.entity_id, entry)
            last[entry.entity_id] = entry
    evidence = evidence_for(session, "measure_id", list(last), as_of)
    changes = []
    for measure_id, end in last.items():
        start, measure = first[measure_id], measures[measure_id]
        if (start.old or "") == (end.new or ""):
            continue
        changes.append(
            StatusChange(
                number=measure.number,
                title=measure.title,
                old=start.old or "",
                new=end.new or "",
                on=end.at.astimezone(UTC).date(),
                by=end.actor,
                evidence=evidence.get(measure_id, []),
                illustrative=measure.illustrative,
            )
        )
    order = {m.number: m.sort_key for m in measures.values()}
    changes.sort(key=lambda c: order[c.number])
    return changes


def agreements_of(session: Session, roadmap: Roadmap) -> list[Agreement]:
    """The roadmap's agreements and every other one between all of its parties (archived ones left out)."""
    rows = session.scalars(
        select(Agreement).where(Agreement.archived_at.is_(None))
        .options(selectinload(Agreement.parties), selectinload(Agreement.transitions))
    )
    parties = set(roadmap.party_codes)
    return [a for a in rows if a.roadmap_id == roadmap.id or (parties and parties <= set(a.party_codes))]


def agreement_changes(
    session: Session, roadmap: Roadmap, since: date, as_of: date, lang: str
) -> list[AgreementChange]:
    agreements = agreements_of(session, roadmap)
    evidence = evidence_for(session, "agreement_id", [a.id for a in agreements], as_of)
    sources = {t.source_item_id for a in agreements for t in a.transitions if t.source_item_id is not None}
    items = (
        {i.id: i for i in session.scalars(select(SourceItem).where(SourceItem.id.in_(sources)))}
        if sources
        else {}
    )
    changes = []
    for agreement in agreements:
        title = agreement.title_en if lang == "en" and agreement.title_en else agreement.title
        for event, on in (("signed", agreement.signed_on), ("in_force", agreement.in_force_from)):
            if on is None or not since <= on <= as_of:
                continue
            refs = list(evidence.get(agreement.id, []))
            for step in agreement.transitions:
                item = items.get(step.source_item_id) if step.source_item_id else None
                if item is not None and step.status == event:
                    refs.insert(0, EvidenceRef(source_label(item), item.published_on or step.on, item.url))
            changes.append(AgreementChange(title, event, on, refs, agreement.illustrative))
    changes.sort(key=lambda c: (c.on, c.title))
    return changes


def new_projects(session: Session, roadmap: Roadmap, since: date, as_of: date, lang: str) -> list[NewProject]:
    """Projects started in the period (or, with no start date, entered in the record in it)."""
    rows = list(
        session.scalars(
            select(Project).where(
                or_(
                    Project.roadmap_id == roadmap.id,
                    Project.direction_id.in_([d.id for d in roadmap.directions]),
                ),
                Project.archived_at.is_(None),
            )
        )
    )
    evidence = evidence_for(session, "project_id", [p.id for p in rows], as_of)
    found = []
    for project in rows:
        started = project.started_on or project.created_at.astimezone(UTC).date()
        if not since <= started <= as_of:
            continue
        title = project.title_en if lang == "en" and project.title_en else project.title
        found.append(
            NewProject(
                title,
                project.stage,
                project.value,
                project.currency,
                started,
                evidence.get(project.id, []),
                project.illustrative,
            )
        )
    found.sort(key=lambda p: (p.started, p.title))
    return found


def changes_between(session: Session, roadmap: Roadmap, since: date, as_of: date, lang: str) -> Changes:
    return Changes(
        since=since,
        measures=status_changes(session, roadmap, since, as_of),
        agreements=agreement_changes(session, roadmap, since, as_of, lang),
        projects=new_projects(session, roadmap, since, as_of, lang),
    )
