"""The news reader's pipeline: normalise → segment → entities → facts, over one ``NewsDoc``.

Only the composition lives here; each stage is a module of its own (see the package README)."""

from __future__ import annotations

from accord.news.countries import decide_parties, find_country_mentions
from accord.news.documents import find_documents
from accord.news.events import find_events
from accord.news.extraction import to_extraction
from accord.news.figures import find_figures
from accord.news.header import HEADER, normalise_text, read_front, split_header
from accord.news.model import Extraction, NewsDoc
from accord.news.natasha_adapter import Models, get_models
from accord.news.persons import find_persons
from accord.news.places import find_places
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
    places, dateline = find_places(doc, models)
    find_events(doc, places, dateline)
    find_documents(doc)
    find_sectors(doc)
    find_figures(doc)
    find_quotes(doc)
    return doc


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
