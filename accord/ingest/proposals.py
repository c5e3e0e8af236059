"""Proposals stored as evidence awaiting a person's decision, never one already decided or made."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.kinds import EvidenceState
from accord.ingest.propose_model import Proposal
from accord.store.models import Evidence, SourceItem


def add_proposals(
    session: Session, row: SourceItem, proposals: list[Proposal], day: date | None, fresh: bool = False
) -> int:
    """Store the proposals nobody has made or decided for this item yet; returns how many.

    ``fresh``: the item is new, so none of its own links can have been decided yet."""
    new = [p for p in proposals if not already_proposed(session, row, p, fresh)]
    for p in new:
        session.add(
            Evidence(
                source_item_id=row.id,
                measure_id=p.target_id if p.target == "measure" else None,
                agreement_id=p.target_id if p.target == "agreement" else None,
                project_id=p.target_id if p.target == "project" else None,
                state=EvidenceState.PROPOSED.value,
                score=p.score,
                reason=p.reason,
                fact=p.fact,
                proposal=p.kind,
                on=day,
            )
        )
    return len(new)


def already_proposed(session: Session, row: SourceItem, proposal: Proposal, fresh: bool = False) -> bool:
    """True if a person already decided this link for this item (an earlier revision), or if another
    source of the same event already proposed the same new register entry."""
    if proposal.target is not None and fresh:
        return False
    if proposal.target is not None:
        column = {
            "measure": Evidence.measure_id,
            "agreement": Evidence.agreement_id,
            "project": Evidence.project_id,
        }
        return (
            session.scalar(
                select(Evidence.id).where(
                    Evidence.source_item_id == row.id, column[proposal.target] == proposal.target_id
                )
            )
            is not None
        )
    items = [row.id]
    if row.event_id is not None:
        items = list(session.scalars(select(SourceItem.id).where(SourceItem.event_id == row.event_id)))
    doc_type = proposal.fact["document"]["type"]
    others = session.scalars(
        select(Evidence.fact).where(Evidence.source_item_id.in_(items), Evidence.proposal == "new_agreement")
    )
    return any((f or {}).get("document", {}).get("type") == doc_type for f in others)
