"""Records as JSON: the API's shapes, used by every endpoint that shows them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from accord.store.models import (
    Agreement,
    AuditEntry,
    Decision,
    Event,
    Evidence,
    Measure,
    Organization,
    Person,
    Project,
    Session,
    SourceItem,
    TradeFlow,
)


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def num(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def org_ref(org: Organization | None) -> dict[str, Any] | None:
    if org is None:
        return None
    return {"id": org.id, "name": org.name, "short_name": org.short_name, "country": org.country_code}


def measure(m: Measure, today: date, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": m.id,
        "roadmap": m.roadmap.code if m.roadmap else None,
        "number": m.number,
        "title": m.title,
        "direction": m.direction.sector if m.direction else None,
        "due": {"kind": m.due_kind, "on": iso(m.due_on)},
        "status": m.status,
        "overdue": m.is_overdue(today),
        "days_late": m.days_late(today),
        "responsible": [
            {"party": a.country_code, "role": a.role, "organization": org_ref(a.organization)} for a in m.assignments
        ],
        "illustrative": m.illustrative,
        "version": m.version,
    }
    if full:
        data.update(
            description=m.description,
            expected_result=m.expected_result,
            note=m.note,
            notes=[{"on": iso(n.on), "text": n.text, "author": n.author} for n in m.notes],
            indicators=[
                {
                    "id": i.id, "name": i.name, "unit": i.unit, "baseline": num(i.baseline), "baseline_on": iso(i.baseline_on),
                    "target": num(i.target), "target_on": iso(i.target_on),
                    "measurements": [{"on": iso(x.on), "value": num(x.value), "source": x.source} for x in i.measurements],
                }
                for i in m.indicators
            ],
        )
    return data


def agreement(a: Agreement, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": a.id, "title": a.title, "title_en": a.title_en, "kind": a.kind, "level": a.level, "status": a.status,
        "signed_on": iso(a.signed_on), "signed_at": a.signed_at, "in_force_from": iso(a.in_force_from),
        "valid_until": iso(a.valid_until), "parties": a.party_codes, "sectors": a.sector_codes,
        "source": a.source, "illustrative": a.illustrative, "version": a.version, **archived(a),
    }
    if full:
        data["transitions"] = [{"status": t.status, "on": iso(t.on), "note": t.note} for t in a.transitions]
    return data


def archived(record: Agreement | Project) -> dict[str, Any]:
    """Who archived a record and when (both None while it is in the lists)."""
    return {"archived_at": iso(record.archived_at), "archived_by": record.archived_by}


def project(p: Project, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": p.id, "title": p.title, "title_en": p.title_en, "kind": p.kind, "stage": p.stage,
        "country": p.country_code, "region": p.region, "value": num(p.value), "currency": p.currency,
        "started_on": iso(p.started_on), "illustrative": p.illustrative, "version": p.version, **archived(p),
    }
    if full:
        data.update(
            description=p.description,
            companies=[{"role": c.role, "organization": org_ref(c.organization)} for c in p.companies],
            milestones=[{"id": m.id, "title": m.title, "due_on": iso(m.due_on), "done_on": iso(m.done_on)}
                        for m in p.milestones],
        )
    return data


def decision(d: Decision, today: date) -> dict[str, Any]:
    return {
        "id": d.id, "session_id": d.session_id, "number": d.number, "text": d.text, "owner": org_ref(d.owner),
        "due_on": iso(d.due_on), "status": d.status, "overdue": d.is_overdue(today), "measure_id": d.measure_id,
        "version": d.version,
    }


def session(s: Session, today: date, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": s.id, "body": s.body.name if s.body else None, "body_id": s.body_id, "number": s.number,
        "held_on": iso(s.held_on), "place": s.place, "summary": s.summary, "illustrative": s.illustrative,
    }
    if full:
        data["decisions"] = [decision(d, today) for d in s.decisions]
    return data


def source_item(item: SourceItem) -> dict[str, Any]:
    return {"id": item.id, "url": item.url, "title": item.title, "published_on": iso(item.published_on),
            "date_basis": item.date_basis, "outlet": item.outlet, "illustrative": item.illustrative,
            "status": item.status, "skip_reason": item.skip_reason}


def event(e: Event, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": e.id, "kind": e.kind, "title": e.title, "held_on": iso(e.held_on), "location": e.location,
        "countries": e.country_codes, "illustrative": e.illustrative,
    }
    if full:
        data.update(summary=e.summary, facts=e.facts, sources=[source_item(s) for s in e.sources],
                    participants=[{"person_id": p.person_id, "position": p.position} for p in e.participants])
    return data


def person(p: Person, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": p.id, "name": " ".join(x for x in (p.first_name, p.patronymic, p.last_name) if x), "name_en": p.name_en,
        "country": p.country_code, "illustrative": p.illustrative,
    }
    if full:
        data["positions"] = [
            {"title": x.title, "title_en": x.title_en, "organization": org_ref(x.organization), "country": x.country_code,
             "start_on": iso(x.start_on), "end_on": iso(x.end_on), "source": x.source}
            for x in p.positions
        ]
    return data


def organization(o: Organization) -> dict[str, Any]:
    return {**(org_ref(o) or {}), "name_en": o.name_en, "kind": o.kind, "parent_id": o.parent_id,
            "illustrative": o.illustrative}


def evidence(e: Evidence) -> dict[str, Any]:
    target = e.target
    return {
        "id": e.id, "state": e.state, "score": e.score, "reason": e.reason, "proposal": e.proposal, "note": e.note,
        "target": {"kind": target[0], "id": target[1]} if target else None, "on": iso(e.on),
        "source": source_item(e.source_item) if e.source_item else None, "fact": e.fact,
        "decided_by": e.decided_by, "decided_at": iso(e.decided_at), "version": e.version,
    }


def audit(a: AuditEntry) -> dict[str, Any]:
    return {"at": iso(a.at), "actor": a.actor, "action": a.action, "field": a.field, "old": a.old, "new": a.new,
            "reason": a.reason, "version": a.version}


def trade_flow(f: TradeFlow) -> dict[str, Any]:
    return {"id": f.id, "reporter": f.reporter, "partner": f.partner, "period": f.period, "flow": f.flow,
            "commodity": f.commodity, "value": num(f.value), "currency": f.currency, "source": f.source,
            "illustrative": f.illustrative}
