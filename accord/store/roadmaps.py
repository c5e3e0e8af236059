"""Creating a roadmap for any pair or group of countries."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.store.models import Country, Roadmap, RoadmapParty

_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,58}$")


class RoadmapError(ValueError):
    """The roadmap cannot be created as asked; the message says why."""


def create_roadmap(
    session: Session,
    code: str,
    title: str,
    parties: list[str],
    signed_on: date | None = None,
    horizon_year: int | None = None,
    title_en: str | None = None,
) -> Roadmap:
    if not _CODE.match(code):
        raise RoadmapError(f"{code!r} is not a roadmap code: use lower-case letters, digits and dashes, e.g. by-kg-2030")
    if session.scalars(select(Roadmap).where(Roadmap.code == code)).first() is not None:
        raise RoadmapError(f"a roadmap {code} already exists")
    codes = [p.strip().upper() for p in parties if p.strip()]
    if len(codes) < 2 or len(set(codes)) != len(codes):
        raise RoadmapError("a roadmap needs two or more different parties, e.g. BY,KG")
    unknown = [c for c in codes if session.get(Country, c) is None]
    if unknown:
        raise RoadmapError(f"unknown country code(s): {', '.join(unknown)} (use ISO 3166-1 alpha-2 codes)")
    if not title.strip():
        raise RoadmapError("the roadmap needs a title")
    roadmap = Roadmap(code=code, title=title.strip(), title_en=title_en, signed_on=signed_on, horizon_year=horizon_year)
    roadmap.parties = [RoadmapParty(country_code=c, ordinal=i) for i, c in enumerate(codes)]
    session.add(roadmap)
    session.flush()
    return roadmap
