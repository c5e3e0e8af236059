"""The review queue: proposals the news reader made, waiting for a person to accept or reject them.

Deciding is the ingest package's job (`accord.ingest.review`); this module only
lists the queue and names each proposal's target for the page.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def decider() -> Any:
    """The ingest package's accept/reject module, once it is installed with the rest of accord."""
    try:
        from accord.ingest import review
    except ImportError:
        return None
    return review if hasattr(review, "accept") and hasattr(review, "reject") else None
