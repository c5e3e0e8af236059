"""What an import looks names up in, read once: the roadmap's directions, the directory of bodies, the parties.

A table names a direction by its title or its sector, a body by its name, short
name or alias, a party by its code or its country's name; each is found here
without a query per row, and what is new is added in one go.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from accord.domain.sectors import SECTORS, sector_code
from accord.io.roadmap_bulk import OrgRef, create_organizations
from accord.store.directory import name_key
from accord.store.models import Country, Direction, Organization, OrganizationAlias, Roadmap

#: words in an official country name that say nothing about which country it is
GENERIC_WORDS = frozenset(
    {
        "республика",
        "республики",
        "республикой",
        "федерация",
        "федерации",
        "королевство",
        "государство",
        "republic",
        "federation",
        "kingdom",
        "state",
        "the",
        "of",
    }
)


def _stems(name: str) -> set[str]:
    words = name_key(name).replace("-", " ").replace("(", " ").replace(")", " ").split()
    return {w[:5] for w in words if len(w) >= 5 and w not in GENERIC_WORDS}


def party_code(label: str, countries: list[Country]) -> str | None:
    """The party a responsible column names: a code (BY) or a country's name in any usual form.

    «Республика Беларусь», «Кыргызская Республика», «Kyrgyz Republic» are matched to the
    roadmap's countries by the first letters of the words that are not generic.
    """
    if label.upper() in {c.code for c in countries}:
        return label.upper()
    wanted = _stems(label)
    found = {c.code for c in countries if wanted & (_stems(c.name_ru) | _stems(c.name_en))}
    return found.pop() if len(found) == 1 else None


class Directions:
    """The roadmap's directions by every name they go by; a sector named for the first time is added."""

    def __init__(self, session: Session, roadmap: Roadmap) -> None:
        self.session, self.roadmap = session, roadmap
        self.index: dict[str, Direction] = {}
        for d in roadmap.directions:
            self._remember(d)

    def _remember(self, d: Direction) -> None:
        for name in (d.title, d.title_en, d.sector):
            if name:
                self.index.setdefault(name_key(name), d)

    def known(self, text: str) -> bool:
        return name_key(text) in self.index or sector_code(text) is not None

    def get(self, text: str) -> Direction:
        if (found := self.index.get(name_key(text))) is not None:
            return found
        code = sector_code(text)
        assert code is not None  # checked before
        for d in self.roadmap.directions:
            if d.sector == code:
                self.index[name_key(text)] = d
                return d
        ru, en = SECTORS[code]
        direction = Direction(
            sector=code,
            title=text if name_key(text) != code else ru,
            title_en=en,
            ordinal=len(self.roadmap.directions) + 1,
        )
        self.roadmap.directions.append(direction)
        self.session.flush()
        self._remember(direction)
        self.index[name_key(text)] = direction
        return direction


class Organizations:
    """The directory read once: names, short names and aliases, within a country or of no country."""

    def __init__(self, session: Session, countries: Iterable[str], illustrative: bool) -> None:
        self.session, self.illustrative = session, illustrative
        codes = list(countries)
        mine = or_(Organization.country_code.in_(codes), Organization.country_code.is_(None))
        self.by_key: dict[tuple[str, str | None], OrgRef] = {}
        #: names as the file writes them, already found
        self.seen: dict[tuple[str, str], OrgRef] = {}
        by_id: dict[int, tuple[OrgRef, str | None]] = {}
        query = select(Organization.id, Organization.name, Organization.short_name, Organization.country_code)
        for org_id, name, short, country in session.execute(query.where(mine).order_by(Organization.id)):
            ref = OrgRef(org_id, name, short)
            by_id[org_id] = (ref, country)
            for text in (name, short):
                if text:
                    self.by_key.setdefault((name_key(text), country), ref)
        aliases = (
            select(OrganizationAlias.alias, OrganizationAlias.organization_id)
            .join(Organization, OrganizationAlias.organization_id == Organization.id)
            .where(mine)
            .order_by(OrganizationAlias.organization_id)
        )
        for alias, org_id in session.execute(aliases):
            ref, country = by_id[org_id]
            self.by_key.setdefault((name_key(alias), country), ref)

    def find(self, name: str, country: str) -> OrgRef | None:
        if (name, country) in self.seen:
            return self.seen[(name, country)]
        key = name_key(name)
        found = [o for o in (self.by_key.get((key, country)), self.by_key.get((key, None))) if o is not None]
        ref = min(found, key=lambda o: o.id) if found else None
        if ref is not None:
            self.seen[(name, country)] = ref
        return ref

    def ensure(self, wanted: Iterable[tuple[str, str]]) -> None:
        """Create, in one batch, the (name, country) bodies the directory does not have yet."""
        missing: dict[tuple[str, str], tuple[str, str]] = {}
        for name, country in wanted:
            if self.find(name, country) is None:
                missing.setdefault((name_key(name), country), (name, country))
        created = create_organizations(self.session, list(missing.values()), self.illustrative)
        for (key, country), ref in zip(missing, created, strict=True):
            self.by_key[(key, country)] = ref

    def get(self, name: str, country: str) -> OrgRef:
        found = self.find(name, country)
        assert found is not None  # ensured before
        return found
