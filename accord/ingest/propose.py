"""Proposals: which measures, agreements and projects a news item is evidence for, and why.

Pure functions over a plain snapshot of the record (``Record``) and of the item
(``ItemFacts``): every proposal carries a score in 0..1 and a one-line reason a
person can check against the text before accepting it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.domain.status import AgreementStatus
from accord.ingest.lemmas import content_lemmas
from accord.store.models import Agreement, Measure, Project, Roadmap

#: extraction document type → agreement kinds of the register it may be
DOCUMENT_KINDS: dict[str, tuple[str, ...]] = {
    "roadmap": ("roadmap",),
    "memorandum": ("memorandum",),
    "agreement": ("agreement", "treaty"),
    "protocol": ("protocol",),
    "program": ("program",),
    "declaration": ("declaration",),
    "contract": ("contract",),
}
DOCUMENT_RU = {
    "roadmap": "дорожная карта",
    "memorandum": "меморандум",
    "agreement": "соглашение",
    "protocol": "протокол",
    "program": "программа",
    "declaration": "декларация",
    "contract": "контракт",
}
MEASURE_MIN = 0.5
AGREEMENT_MIN = 0.7
PROJECT_MIN = 0.5
MAX_MEASURES = 3
NEAR_SIGNING_DAYS = 30
UNSIGNED = (AgreementStatus.DRAFT.value, AgreementStatus.NEGOTIATING.value)


@dataclass(frozen=True, slots=True)
class MeasureView:
    id: int
    number: str
    title: str
    sector: str
    lemmas: frozenset[str]
    orgs: frozenset[int]
    starts: date | None
    due: date | None
    status: str
    parties: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class AgreementView:
    id: int
    title: str
    kind: str
    parties: frozenset[str]
    sectors: frozenset[str]
    signed_on: date | None
    status: str


@dataclass(frozen=True, slots=True)
class ProjectView:
    id: int
    title: str
    lemmas: frozenset[str]
    companies: frozenset[int]


@dataclass
class Record:
    """What proposals are matched against, read once per run."""

    measures: list[MeasureView] = field(default_factory=list)
    agreements: list[AgreementView] = field(default_factory=list)
    projects: list[ProjectView] = field(default_factory=list)
    #: the parties of each roadmap: news about other pairs of states is not evidence here
    party_sets: list[frozenset[str]] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session) -> Record:
        record = cls()
        roadmaps = {r.id: r for r in session.scalars(select(Roadmap).options(selectinload(Roadmap.parties)))}
        record.party_sets = [frozenset(r.party_codes) for r in roadmaps.values()]
        for m in session.scalars(
            select(Measure).options(selectinload(Measure.direction), selectinload(Measure.assignments))
        ):
            starts = roadmaps[m.roadmap_id].signed_on if m.roadmap_id in roadmaps else None
            record.measures.append(
                MeasureView(
                    m.id,
                    m.number,
                    m.title,
                    m.direction.sector,
                    frozenset(content_lemmas(f"{m.title} {m.expected_result or ''}")),
                    frozenset(a.organization_id for a in m.assignments),
                    starts,
                    m.due_on,
                    m.status,
                    frozenset(roadmaps[m.roadmap_id].party_codes)
                    if m.roadmap_id in roadmaps
                    else frozenset(),
                )
            )
        for a in session.scalars(
            select(Agreement).options(selectinload(Agreement.parties), selectinload(Agreement.sectors))
        ):
            record.agreements.append(
                AgreementView(
                    a.id,
                    a.title,
                    a.kind,
                    frozenset(a.party_codes),
                    frozenset(a.sector_codes),
                    a.signed_on,
                    a.status,
                )
            )
        for p in session.scalars(select(Project).options(selectinload(Project.companies))):
            record.projects.append(
                ProjectView(
                    p.id,
                    p.title,
                    frozenset(content_lemmas(p.title)),
                    frozenset(c.organization_id for c in p.companies),
                )
            )
        return record


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """What of an item the proposals look at."""

    day: date | None
    title: str
    extraction: dict[str, Any]
    lemmas: frozenset[str]
    orgs: frozenset[int]
    org_labels: dict[int, str]


@dataclass(frozen=True, slots=True)
class Proposal:
    target: str | None  # "measure", "agreement", "project", or None for a new register entry
    target_id: int | None
    kind: str
    score: float
    reason: str
    fact: dict[str, Any]


def propose(record: Record, item: ItemFacts) -> list[Proposal]:
    return [*for_agreements(record, item), *for_measures(record, item), *for_projects(record, item)]


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def for_measures(record: Record, item: ItemFacts) -> list[Proposal]:
    """Sector → direction, shared lemmas with title and expected result, bodies named, date in window."""
    sectors = set(item.extraction.get("sectors") or [])
    countries = set(item.extraction.get("countries") or [])
    scored = []
    for m in record.measures:
        shared = sorted(m.lemmas & item.lemmas)
        orgs = [item.org_labels.get(o, str(o)) for o in m.orgs if o in item.orgs]
        if len(shared) < 2 and not orgs:
            continue
        if not orgs and len(m.parties & countries) < min(2, len(m.parties)):
            continue  # the item reports no interaction between the roadmap's parties
        overlap = len(shared) / len(m.lemmas) if m.lemmas else 0.0
        parts = []
        score = 0.4 * overlap
        if m.sector in sectors:
            score += 0.25
            parts.append(f"direction {m.sector}")
        if shared:
            parts.append("shared words: " + ", ".join(shared[:6]))
        if orgs:
            score += 0.2
            parts.append("names " + ", ".join(sorted(orgs)[:3]))
        if item.day and (m.starts is None or m.starts <= item.day) and (m.due is None or item.day <= m.due):
            score += 0.15
            parts.append(f"dated {item.day}, inside the window" + (f" to {m.due}" if m.due else ""))
        if score >= MEASURE_MIN:
            kind = "measure_progress" if m.status == "planned" else "measure_evidence"
            reason = f"measure {m.number} «{_short(m.title)}»: " + "; ".join(parts)
            scored.append(
                Proposal("measure", m.id, kind, round(min(score, 1.0), 3), reason, {"status": m.status})
            )
    scored.sort(key=lambda p: -p.score)
    return scored[:MAX_MEASURES]


def for_agreements(record: Record, item: ItemFacts) -> list[Proposal]:
    """Same kind, same parties, date near the signing; a signed document nobody registered is a new entry."""
    out: list[Proposal] = []
    item_countries = set(item.extraction.get("countries") or [])
    sectors = set(item.extraction.get("sectors") or [])
    for doc in item.extraction.get("documents") or []:
        kinds = DOCUMENT_KINDS.get(doc["type"], ())
        parties = set(doc.get("countries") or []) or item_countries
        best: Proposal | None = None
        for a in record.agreements:
            if a.kind not in kinds or not parties or not (parties & a.parties):
                continue
            score = 0.4 + (0.3 if parties == set(a.parties) else 0.1)
            parts = [f"same kind ({a.kind})", "same parties " + "–".join(sorted(a.parties))]
            fact: dict[str, Any] = {"document": doc}
            kind = "agreement_evidence"
            if a.signed_on is not None:
                if item.day is None or abs((item.day - a.signed_on).days) > NEAR_SIGNING_DAYS:
                    continue
                days = abs((item.day - a.signed_on).days)
                score += 0.3 if days <= 3 else 0.15
                parts.append(f"item dated {item.day}, {days} days from the signing on {a.signed_on}")
            elif a.status in UNSIGNED:
                common = sectors & a.sectors
                if common:
                    score += 0.2
                    parts.append("sectors " + ", ".join(sorted(common)))
                if doc["status"] == "signed" and item.day:
                    kind, fact["to"], fact["on"] = (
                        "agreement_signed",
                        AgreementStatus.SIGNED.value,
                        item.day.isoformat(),
                    )
                    parts.append(f"reported signed on {item.day}")
                elif (
                    doc["status"] in ("planned", "discussed")
                    and a.status == AgreementStatus.DRAFT.value
                    and item.day
                ):
                    kind, fact["to"], fact["on"] = (
                        "agreement_negotiating",
                        AgreementStatus.NEGOTIATING.value,
                        item.day.isoformat(),
                    )
                    parts.append(f"reported {doc['status']} on {item.day}")
            else:
                continue
            if score >= AGREEMENT_MIN and (best is None or score > best.score):
                reason = f"agreement «{_short(a.title)}»: " + "; ".join(parts)
                best = Proposal("agreement", a.id, kind, round(min(score, 1.0), 3), reason, fact)
        if best is not None:
            out.append(best)
        elif doc["status"] == "signed" and item.day and _between_parties(record, parties):
            label = DOCUMENT_RU.get(doc["type"], doc["type"])
            reason = (
                f"signed {label} {'–'.join(sorted(parties))} on {item.day} is not in the register: "
                "propose a new entry"
            )
            fact = {
                "document": doc,
                "on": item.day.isoformat(),
                "title": item.title,
                "parties": sorted(parties),
                "sectors": sorted(sectors),
                "location": _location(item.extraction),
            }
            out.append(Proposal(None, None, "new_agreement", 0.6, reason, fact))
    return out


def for_projects(record: Record, item: ItemFacts) -> list[Proposal]:
    """A project's company or plant named, and words of its title."""
    out = []
    for p in record.projects:
        companies = [item.org_labels.get(o, str(o)) for o in p.companies if o in item.orgs]
        shared = sorted(p.lemmas & item.lemmas)
        overlap = len(shared) / len(p.lemmas) if p.lemmas else 0.0
        score = (0.5 if companies else 0.0) + 0.5 * overlap
        if score < PROJECT_MIN or (not companies and overlap < 0.6):
            continue
        parts = []
        if companies:
            parts.append("names " + ", ".join(sorted(companies)))
        if shared:
            parts.append("shared words: " + ", ".join(shared[:6]))
        reason = f"project «{_short(p.title)}»: " + "; ".join(parts)
        out.append(Proposal("project", p.id, "project_evidence", round(min(score, 1.0), 3), reason, {}))
    out.sort(key=lambda p: -p.score)
    return out[:2]


def _between_parties(record: Record, parties: set[str]) -> bool:
    """A document between two or more parties of one roadmap (others' documents are not ours to register)."""
    return any(len(parties & roadmap) >= min(2, len(roadmap)) for roadmap in record.party_sets if roadmap)


def _location(extraction: dict[str, Any]) -> str | None:
    return next((e["location"] for e in extraction.get("events") or [] if e.get("location")), None)
