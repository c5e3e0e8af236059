"""Last stage: the filled ``NewsDoc`` as the contract's ``Extraction``, each person's office and
state decided (a long-serving leader's office at the item's date, an item's home state, see ``positions.home_state``)."""

from __future__ import annotations

from accord.news.lexicon.leaders import LEADER_OFFICES, LEADERS
from accord.news.model import Extraction, NewsDoc, Person
from accord.news.names import norm
from accord.news.persons import person_position
from accord.news.positions import home_state


def leader_office(surname: str, date: str | None) -> str | None:
    """The office a long-serving leader held at the item's date (the latest one when undated)."""
    terms = LEADER_OFFICES.get(surname, ())
    year = int(date[:4]) if date else 2099
    return next((office for start, end, office in terms if start <= year < end), None)


def to_extraction(doc: NewsDoc) -> Extraction:
    """The contract's object from a document every stage has filled in."""
    persons = []
    home = home_state(doc)
    for e in doc.persons:
        pos, country = person_position(e)
        if country is None:
            country = LEADERS.get(norm(e.name)) or LEADERS.get(norm(e.last))
        if pos is None and (country is None or country == LEADERS.get(norm(e.last))):
            pos = leader_office(norm(e.last), doc.date)
        if country is None and pos is not None:
            country = home
        persons.append(Person(e.name, pos, country))
    return Extraction(
        source=doc.source,
        date=doc.date,
        date_basis=doc.date_basis,
        title=doc.title,
        countries=list(doc.countries),
        persons=persons,
        events=list(doc.events),
        documents=list(doc.documents),
        sectors=list(doc.sectors),
        figures=list(doc.figures),
        quotes=list(doc.quotes),
    )
