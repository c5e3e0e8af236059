"""Trade tests share a roadmap between Belarus and Kyrgyzstan."""

from __future__ import annotations

import pytest

from accord.store.db import Database
from accord.store.models import Roadmap, RoadmapParty
from accord.trade.importer import ensure_countries


@pytest.fixture
def roadmap_db(db: Database) -> Database:
    with db.transaction(actor="tester") as session:
        ensure_countries(session, {"BY", "KG"})
        made = Roadmap(code="bk", title="Дорожная карта", horizon_year=2030)
        made.parties = [RoadmapParty(country_code="BY", ordinal=0), RoadmapParty(country_code="KG", ordinal=1)]
        session.add(made)
    return db
