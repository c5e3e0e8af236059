"""People and organisations a news item names, resolved to the example's directory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from accord.ingest.resolve import Name, OrgIndex, PersonIndex, same_office, surname_forms
from accord.ingest.run import Ingestor
from accord.store.db import Database
from accord.store.models import Event, Organization, Person, SourceItem
from tests.ingest import texts
from tests.ingest.conftest import FAST


def person_id(db: Database, last_name: str) -> int:
    with db.reading() as session:
        return session.scalars(select(Person.id).where(Person.last_name == last_name)).one()


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Александр Турчин", "BY", "Турчин"),
        ("Тручин", "BY", "Турчин"),  # two letters swapped
        ("Александр Тручин", None, "Турчин"),
        ("Турчина", None, "Турчин"),  # genitive
        ("Касымалиев", "KG", "Касымалиев"),
        ("Касымалиева", "KG", "Касымалиев"),
        ("Адылбек Касымалиевым", None, "Касымалиев"),
        ("А. Касымалиев", None, "Касымалиев"),
    ],
)
def test_names_as_news_writes_them_find_the_person(
    example_db: Database, name: str, country: str | None, expected: str
) -> None:
    with example_db.reading() as session:
        index = PersonIndex.load(session)
    match = index.match(name, country)
    assert match is not None and match.person_id == person_id(example_db, expected)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Сергей Турчин", None),  # another first name: another person
        ("Турчин", "KG"),  # another country
        ("Иванов", None),
        ("Тур", None),  # too short to be read as a typo
    ],
)
def test_names_that_do_not_fit_find_nobody(example_db: Database, name: str, country: str | None) -> None:
    with example_db.reading() as session:
        assert PersonIndex.load(session).match(name, country) is None


def test_surname_forms_reach_the_nominative() -> None:
    assert "касымалиев" in surname_forms("Касымалиева")
    assert "турчин" in surname_forms("Турчиным")
    assert Name.parse("А. Турчин").first_agrees("Александр") is True
    assert Name.parse("Сергей Турчин").first_agrees("Александр") is False


def test_a_typo_in_a_news_item_does_not_create_a_person(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(texts.CALL_WITH_TYPO, encoding="utf-8")
    with example_db.reading() as session:
        people_before = len(session.scalars(select(Person)).all())
    with Ingestor(example_db, "alice", FAST) as ingestor:
        assert ingestor.run([str(path)]).new == 1
    with example_db.reading() as session:
        assert len(session.scalars(select(Person)).all()) == people_before
        item = session.scalars(select(SourceItem)).one()
        event = session.get_one(Event, item.event_id)
        participants = {p.person_id for p in event.participants}
    assert participants == {person_id(example_db, "Турчин"), person_id(example_db, "Касымалиев")}


def test_the_same_minister_with_and_without_first_name_is_one_person_with_a_dated_office(
    example_db: Database, tmp_path: Path
) -> None:
    (tmp_path / "1.txt").write_text(texts.LIFTS, encoding="utf-8")
    (tmp_path / "2.txt").write_text(texts.LIFTS_AGAIN_SHORT_NAME, encoding="utf-8")
    with Ingestor(example_db, "alice", FAST) as ingestor:
        assert ingestor.run([str(tmp_path)]).new == 2
    with example_db.reading() as session:
        (minister,) = session.scalars(select(Person).where(Person.last_name == "Ефимчук")).all()
        assert minister.first_name == "Александр" and minister.country_code == "BY"
        (office,) = minister.positions
        assert office.title == "министр промышленности" and office.start_on == date(2026, 11, 3)
        assert minister.position_on(date(2026, 11, 27)) is office
        assert office.organization is not None and office.organization.short_name == "Минпром"


def test_a_known_office_is_not_recorded_twice(example_db: Database, tmp_path: Path) -> None:
    (tmp_path / "call.txt").write_text(texts.CALL_WITH_TYPO, encoding="utf-8")
    with Ingestor(example_db, "alice", FAST) as ingestor:
        ingestor.run([str(tmp_path)])
    with example_db.reading() as session:
        turchin = session.scalars(select(Person).where(Person.last_name == "Турчин")).one()
        assert [p.title for p in turchin.positions] == ["Премьер-министр Республики Беларусь"]
    assert same_office("премьер-министр", "Премьер-министр Республики Беларусь")
    assert not same_office("министр промышленности", "министр сельского хозяйства")


@pytest.mark.parametrize(
    ("text", "countries", "short_name"),
    [
        ("Правительство Киргизии одобрило проект", None, "Кабмин КР"),  # Киргизия is Кыргызстан
        ("в Кабинете министров Кыргызстана сообщили", None, "Кабмин КР"),
        ("Министерство здравоохранения Кыргызстана направило врачей", None, "Минздрав КР"),
        ("Министерством здравоохранения Республики Беларусь", None, "Минздрав Беларуси"),
        ("министерство здравоохранения сообщило", ["KG"], "Минздрав КР"),  # the country from the item
        ("комбайны «Гомсельмаша» прибыли в Бишкек", None, "Гомсельмаш"),
        ("техника Гомсельмашь", None, "Гомсельмаш"),  # a typo
        ("Минский тракторный завод поставит тракторы", None, "МТЗ"),
    ],
)
def test_organisations_are_found_in_running_text(
    example_db: Database, text: str, countries: list[str] | None, short_name: str
) -> None:
    with example_db.reading() as session:
        index = OrgIndex.load(session)
        found = [session.get_one(Organization, i).short_name for i in index.find(text, countries)]
    assert found[:1] == [short_name]


def test_a_country_less_name_shared_by_both_sides_is_left_unresolved(example_db: Database) -> None:
    with example_db.reading() as session:
        index = OrgIndex.load(session)
    assert index.find("министерство здравоохранения сообщило", ["BY", "KG"]) == []
