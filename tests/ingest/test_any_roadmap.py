"""Resolution and proposals know no particular pair of states: an Uzbekistan–Kazakhstan roadmap
is read exactly as the Belarus–Kyrgyzstan one is, for the same item told of other states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from accord.domain.due import Due
from accord.domain.numbering import sort_key
from accord.ingest.resolve import OrgIndex, same_office
from accord.ingest.run import Ingestor
from accord.store.db import Database
from accord.store.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Assignment,
    Direction,
    Evidence,
    Measure,
    Organization,
    Person,
    Roadmap,
    SourceItem,
)
from tests.ingest.conftest import FAST


@dataclass(frozen=True)
class Pair:
    """Two states as a news item names them."""

    code: str
    a: str  # ISO code
    b: str
    a_name: str  # nominative
    b_name: str
    a_gen: str  # genitive
    b_gen: str
    a_republic: str  # the official name after «Республики»
    b_republic: str
    a_capital: str
    a_capital_loc: str  # «в Минске»


BY_KG = Pair("by-kg-2030", "BY", "KG", "Беларусь", "Кыргызстан", "Беларуси", "Кыргызстана", "Беларусь",
             "Кыргызстан", "Минск", "Минске")
UZ_KZ = Pair("uz-kz-2030", "UZ", "KZ", "Узбекистан", "Казахстан", "Узбекистана", "Казахстана", "Узбекистан",
             "Казахстан", "Ташкент", "Ташкенте")

ITEM = """date 2026-03-10
{a_name} и {b_name} подписали соглашение о сотрудничестве в области здравоохранения
{a_capital}, 10 марта. Министр здравоохранения {a_gen} Тимур Садыков и министр здравоохранения {b_gen} Нурлан Абдыров подписали в {a_capital_loc} соглашение о сотрудничестве в области здравоохранения.

Министерство здравоохранения {b_gen} направит кардиологов на стажировку в клиники {a_gen}: стороны договорились о подготовке медицинских специалистов по кардиологии.

«Обучение кардиологов начнется уже весной», – отметил Нурлан Абдыров.
"""


def build(cli: Any, pair: Pair) -> Database:
    """The roadmap made from the command line, its register and directory through the library."""
    cli("roadmap", "create", pair.code, "--title", f"Дорожная карта {pair.a_name} – {pair.b_name}",
        "--parties", f"{pair.a},{pair.b}", "--signed-on", "2025-06-01", "--horizon", "2030", "--as", "alice")
    db = Database(cli.url)
    with db.transaction(actor="alice") as s:
        roadmap = s.scalars(select(Roadmap).where(Roadmap.code == pair.code)).one()
        direction = Direction(roadmap=roadmap, sector="healthcare", title="Здравоохранение", ordinal=1)
        health = {
            code: Organization(name=f"Министерство здравоохранения Республики {republic}", kind="ministry",
                               short_name=f"Минздрав {code}", country_code=code)
            for code, republic in ((pair.a, pair.a_republic), (pair.b, pair.b_republic))
        }
        measure = Measure(roadmap=roadmap, direction=direction, number="3.1", sort_key=sort_key("3.1"),
                          title="Организовать подготовку медицинских специалистов по кардиологии",
                          expected_result="Стажировки кардиологов в клиниках сторон", status="planned")
        measure.due = Due.of_date(date(2027, 12, 31))
        measure.assignments = [Assignment(organization=org, country_code=code) for code, org in health.items()]
        s.add(measure)
        agreement = Agreement(title="Соглашение о сотрудничестве в области здравоохранения", kind="agreement",
                              level="intergovernmental", status="negotiating")
        agreement.parties = [AgreementParty(country_code=pair.a), AgreementParty(country_code=pair.b)]
        agreement.sectors = [AgreementSector(sector="healthcare")]
        s.add(agreement)
        s.add_all([Person(first_name="Тимур", last_name="Садыков", country_code=pair.a),
                   Person(first_name="Нурлан", last_name="Абдыров", country_code=pair.b)])
    return db


def outcome(db: Database, pair: Pair, tmp_path: Path) -> dict[str, Any]:
    """What reading the item did, named without the states so two pairs can be compared."""
    path = tmp_path / f"{pair.code}.txt"
    path.write_text(ITEM.format(**vars(pair)), encoding="utf-8")
    with Ingestor(db, "alice", FAST) as ingestor:
        summary = ingestor.run([str(path)])
    assert summary.new == 1, summary.failed
    side = {pair.a: "a", pair.b: "b"}
    with db.reading() as s:
        index = OrgIndex.load(s)
        orgs = {o.id: o for o in s.scalars(select(Organization))}
        found = [side[orgs[i].country_code] for i in index.find(f"Министерство здравоохранения {pair.b_gen} сообщило")]
        bare = [side[orgs[i].country_code] for i in index.find("министерство здравоохранения сообщило", [pair.a])]
        people = {(p.last_name, side.get(p.country_code or "")) for p in s.scalars(select(Person))}
        item = s.scalars(select(SourceItem)).one()
        proposals = sorted(
            (e.proposal, "measure" if e.measure_id else "agreement" if e.agreement_id else "new")
            for e in s.scalars(select(Evidence).where(Evidence.source_item_id == item.id))
        )
    return {
        "countries": sorted(side[c] for c in item.extraction["countries"]),
        "organisation named with its state": found,
        "organisation named without it": bare,
        "people": sorted(people),
        "proposals": proposals,
    }


@pytest.fixture
def example_outcome(cli: Any, tmp_path: Path) -> dict[str, Any]:
    return outcome(build(cli, BY_KG), BY_KG, tmp_path)


def test_another_pair_of_states_is_read_as_the_example(
    cli: Any, tmp_path: Path, example_outcome: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORD_DATABASE_URL", f"sqlite:///{tmp_path / 'uz-kz.db'}")
    cli.url = f"sqlite:///{tmp_path / 'uz-kz.db'}"
    assert outcome(build(cli, UZ_KZ), UZ_KZ, tmp_path) == example_outcome
    assert example_outcome["countries"] == ["a", "b"]
    assert example_outcome["organisation named with its state"] == ["b"]  # the state named decides
    assert example_outcome["organisation named without it"] == ["a"]  # the item's state decides
    assert example_outcome["people"] == [("Абдыров", "b"), ("Садыков", "a")]  # nobody new
    assert ("measure_progress", "measure") in example_outcome["proposals"]
    assert ("agreement_signed", "agreement") in example_outcome["proposals"]


@pytest.mark.parametrize("pair", [BY_KG, UZ_KZ], ids=lambda p: p.code)
def test_an_office_is_the_same_with_or_without_its_state(pair: Pair) -> None:
    assert same_office("министр здравоохранения", f"Министр здравоохранения Республики {pair.b_republic}")
    assert same_office("министр здравоохранения", f"министр здравоохранения {pair.b_gen}")
