"""Places stage: the city each sentence names as where something happens, and the dateline's city."""

from __future__ import annotations

from accord.news.countries import country_index
from accord.news.model import NewsDoc
from accord.news.natasha_adapter import Models


def find_places(doc: NewsDoc, models: Models) -> tuple[dict[int, str], str | None]:
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
        if m.kind in ("place", "destination") and m.sentence not in out:
            hit = idx.city(doc.tokens[m.first])
            if hit is not None:
                out[m.sentence] = hit[1]
    return out, dateline
