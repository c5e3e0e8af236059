"""Reading what proposals need: the record's snapshot from the database, an item's facts from its text.

The scoring itself (``propose``) never touches the database; this is the one place
that turns rows into its plain views.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.ingest.propose_model import (
    AgreementView,
    Dating,
    ItemFacts,
    MeasureView,
    ProjectView,
    Record,
    RoadmapView,
)
from accord.ingest.propose_weights import document_named
from accord.ingest.propose_words import lead, phrases, stems
from accord.news.model import Extraction
from accord.store.models import Agreement, Direction, Measure, Organization, Project, Roadmap


def load_record(session: Session) -> Record:
    """Roadmaps, measures, agreements, projects and the organisations' countries, read once per run."""
    record = Record()
    roadmaps = {r.id: r for r in session.scalars(select(Roadmap).options(selectinload(Roadmap.parties)))}
    record.roadmaps = [
        RoadmapView(r.id, r.code, frozenset(r.party_codes), r.signed_on) for r in roadmaps.values()
    ]
    views = {r.id: r for r in record.roadmaps}
    for m in session.scalars(
        select(Measure).options(selectinload(Measure.direction), selectinload(Measure.assignments))
    ):
        roadmap = views.get(m.roadmap_id)
        record.measures.append(
            MeasureView(
                id=m.id,
                number=m.number,
                title=m.title,
                sector=m.direction.sector,
                stems=stems(f"{m.title} {m.expected_result or ''}"),
                orgs=frozenset(a.organization_id for a in m.assignments),
                starts=roadmap.signed_on if roadmap else None,
                due=m.due_on,
                status=m.status,
                parties=roadmap.parties if roadmap else frozenset(),
                roadmap=roadmap.code if roadmap else "",
                document=document_named(m.title),
                phrases=phrases(m.title),
            )
        )
    for a in session.scalars(
        select(Agreement).options(
            selectinload(Agreement.parties),
            selectinload(Agreement.sectors),
            selectinload(Agreement.transitions),
        )
    ):
        steps = [t.on for t in a.transitions if t.on is not None]
        record.agreements.append(
            AgreementView(
                id=a.id,
                title=a.title,
                kind=a.kind,
                parties=frozenset(a.party_codes),
                sectors=frozenset(a.sector_codes),
                signed_on=a.signed_on,
                status=a.status,
                stems=stems(a.title),
                last_step_on=max(steps) if steps else None,
            )
        )
    sectors = {row.id: row.sector for row in session.execute(select(Direction.id, Direction.sector))}
    org_countries = {
        org_id: country
        for org_id, country in session.execute(select(Organization.id, Organization.country_code))
        if country
    }
    record.org_countries = org_countries
    for p in session.scalars(select(Project).options(selectinload(Project.companies))):
        companies = frozenset(c.organization_id for c in p.companies)
        roadmap = views.get(p.roadmap_id) if p.roadmap_id is not None else None
        parties = (
            roadmap.parties
            if roadmap
            else frozenset({p.country_code} if p.country_code else set())
            | {org_countries[c] for c in companies if c in org_countries}
        )
        record.projects.append(
            ProjectView(
                id=p.id,
                title=p.title,
                stems=stems(p.title),
                companies=companies,
                parties=parties,
                sector=sectors.get(p.direction_id) if p.direction_id is not None else None,
                region=stems(p.region or ""),
                started_on=p.started_on,
            )
        )
    return record


def item_facts(
    text: str,
    title: str | None,
    extraction: Extraction,
    dating: Dating,
    orgs: list[int],
    org_labels: dict[int, str],
) -> ItemFacts:
    """What the scoring reads of one item: its date, words of the whole and of the lead, bodies named."""
    return ItemFacts(
        dating=dating,
        title=title or "",
        extraction=extraction,
        stems=stems(text),
        lead_stems=stems(lead(text, title)),
        orgs=frozenset(orgs),
        org_labels=org_labels,
        phrases=phrases(text),
    )
