"""The news reader's pipeline: normalise → segment → entities → facts, over one ``NewsDoc``."""

from __future__ import annotations

from accord.news.countries import country_index, decide_parties, find_country_mentions
from accord.news.documents import find_documents
from accord.news.events import find_events
from accord.news.figures import find_figures
from accord.news.header import HEADER, normalise_text, read_front, split_header
from accord.news.lexicon.leaders import LEADER_OFFICES, LEADERS
from accord.news.model import Extraction, NewsDoc, Person
from accord.news.names import norm
from accord.news.natasha_adapter import Models, get_models
from accord.news.persons import find_persons, person_position
from accord.news.positions import home_state
from accord.news.quotes import find_quotes
from accord.news.sectors import find_sectors


def build_doc(
    text: str,
    source: str | None,
    models: Models,
    date: str | None = None,
    date_basis: str | None = None,
    title: str | None = None,
) -> NewsDoc:
    """Run every stage and return the filled document.

    ``date``/``date_basis`` and ``title`` are what the page's own metadata says, when it says it."""
    text = normalise_text(text)
    header_date, text = split_header(text)
    if date is None and header_date is not None:
        date, date_basis = header_date, HEADER
    front = read_front(text, models.is_verb, date, date_basis, title)
    doc = NewsDoc(text=front.text, source=source, date=front.date, title=front.title, body_start=front.body_start,
                  date_basis=front.date_basis)
    doc.tokens, doc.sentences = models.segment(doc.text)
    doc.mentions = models.entities(doc.text, doc.tokens)
    find_country_mentions(doc, models)
    decide_parties(doc)
    find_persons(doc, models)
    places, dateline = _places(doc, models)
    find_events(doc, places, dateline)
    find_documents(doc)
    find_sectors(doc)
    find_figures(doc)
    find_quotes(doc)
    return doc


def _places(doc: NewsDoc, models: Models) -> tuple[dict[int, str], str | None]:
    """Sentence index → the city named there as a place (``в Минске``), in the nominative;
    and the dateline's city, if the item has one."""
    idx = country_index(models)
    out: dict[int, str] = {}
    dateline = None
    # A dateline («МИНСК, 2 октября (БЕЛТА) –») names where the reported event happened.
    body = next((si for si, s in enumerate(doc.sentences) if s.start >= doc.body_start), None)
    if body is not None:
        first = doc.sentences[body].first
        if first + 1 < len(doc.tokens) and doc.tokens[first + 1].text == ",":
            hit = idx.city(doc.tokens[first])
            if hit is not None:
                out[body] = dateline = hit[1]
    for m in doc.country_mentions:
        if m.kind == "place" and m.sentence not in out:
            hit = idx.city(doc.tokens[m.first])
            if hit is not None:
                out[m.sentence] = hit[1]
    return out, dateline


def leader_office(surname: str, date: str | None) -> str | None:
    """The office a long-serving leader held at the item's date (the latest one when undated)."""
    terms = LEADER_OFFICES.get(surname, ())
    year = int(date[:4]) if date else 2099
    return next((office for start, end, office in terms if start <= year < end), None)


def to_extraction(doc: NewsDoc) -> Extraction:
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


def extract(
    text: str,
    source: str | None = None,
    models: Models | None = None,
    date: str | None = None,
    date_basis: str | None = None,
    title: str | None = None,
) -> Extraction:
    """Read one news text and return what it says about interstate cooperation."""
    doc = build_doc(text, source, models or get_models(), date, date_basis, title)
    return to_extraction(doc)
