"""The directory and record an item is resolved and matched against, read once per run."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.ingest.propose_load import load_record
from accord.ingest.propose_model import Record
from accord.ingest.resolve import OrgIndex, PersonIndex
from accord.store.models import Country


@dataclass
class Catalog:
    """What every item is resolved and matched against, read once per run."""

    people: PersonIndex
    orgs: OrgIndex
    record: Record
    countries: frozenset[str]

    @classmethod
    def load(cls, session: Session) -> Catalog:
        return cls(
            PersonIndex.load(session),
            OrgIndex.load(session),
            load_record(session),
            frozenset(session.scalars(select(Country.code))),
        )
