"""News reader: a Russian news item in, cooperation facts out (``spec/extraction.md``).

``extract(text, source)`` reads a text; ``extract_article(article)`` reads what
``reader.read_bytes`` / ``reader.read_path`` produced; ``extract_input(data, source)`` does
both and turns unreadable input into an error object instead of raising.
"""

from __future__ import annotations

from typing import Any

from accord.news.model import Document, Event, Extraction, Figure, Person, Quote
from accord.news.natasha_adapter import Models, get_models
from accord.news.pipeline import extract
from accord.news.reader import Article, UnreadableInput, read_bytes, read_path


def extract_article(article: Article, models: Models | None = None) -> Extraction:
    """Extract from an ``Article`` (its ``source`` becomes the output's ``source``; a page's own
    headline and date are taken as given)."""
    return extract(article.text, source=article.source, models=models, date=article.date,
                   date_basis=article.date_basis, title=article.title)


def extract_bytes(data: bytes, source: str, content_type: str | None = None) -> dict[str, Any]:
    """Bytes → the contract's object, or ``{"source", "error"}`` if the input is unreadable."""
    try:
        article = read_bytes(data, source, content_type)
    except UnreadableInput as exc:
        return {"source": source, "error": exc.reason}
    return extract_article(article).to_dict()


__all__ = [
    "Article",
    "Document",
    "Event",
    "Extraction",
    "Figure",
    "Models",
    "Person",
    "Quote",
    "UnreadableInput",
    "extract",
    "extract_article",
    "extract_bytes",
    "get_models",
    "read_bytes",
    "read_path",
]
