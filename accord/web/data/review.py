"""The review queue: proposals the news reader made, waiting for a person to accept or reject them.

Deciding is the ingest package's job (`accord.ingest.review`); this module only
lists the queue and names each proposal's target for the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.auth.access import MeasureScope
from accord.store.models import Agreement, Evidence, Measure, Project
from accord.web.data.listing import Listing, paginate
from accord.web.data.roadmap import load_measure, scope_of


@dataclass
class Proposal:
    evidence: Evidence
    target: Measure | Agreement | Project | None
    scope: MeasureScope | None

    @property
    def target_kind(self) -> str | None:
        return self.evidence.target[0] if self.evidence.target else None

    @property
    def addition(self) -> dict[str, Any] | None:
        """What accepting a ``new_…`` proposal would add to the register (kind, title, date, parties, place)."""
        return addition(self.evidence) if self.target is None else None


def addition(evidence: Evidence) -> dict[str, Any] | None:
    """The register entry a proposal without a target would create, read from the fact it carries."""
    if not (evidence.proposal or "").startswith("new_"):
        return None
    fact = evidence.fact or {}
    doc = fact.get("document") or {}
    return {
        "kind": doc.get("type") or "agreement",
        "title": fact.get("title"),
        "signed_on": _day(fact.get("on")) or evidence.on,
        "parties": list(fact.get("parties") or doc.get("countries") or []),
        "location": fact.get("location"),
    }


def queue(session: Session, state: str, limit: int, offset: int) -> Listing[Proposal]:
    query = (select(Evidence).where(Evidence.state == state).options(selectinload(Evidence.source_item))
             .order_by(Evidence.score.desc().nulls_last(), Evidence.id))
    page = paginate(session, query, limit, offset)
    page.items = [proposal(session, e) for e in page.items]
    return page


def proposal(session: Session, evidence: Evidence) -> Proposal:
    target: Any = None
    scope = None
    if evidence.measure_id is not None:
        target = load_measure(session, evidence.measure_id)
        scope = scope_of(target) if target else None
    elif evidence.agreement_id is not None:
        target = session.get(Agreement, evidence.agreement_id)
    elif evidence.project_id is not None:
        target = session.get(Project, evidence.project_id)
    return Proposal(evidence, target, scope)


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def decider() -> Any:
    """The ingest package's accept/reject module, once it is installed with the rest of accord."""
    try:
        from accord.ingest import review
    except ImportError:
        return None
    return review if hasattr(review, "accept") and hasattr(review, "reject") else None
