"""The typed extraction and its stored form: one is the other again, and a bad stored value is named."""

from __future__ import annotations

import pytest

from accord.domain.kinds import DocumentStatus, EventKind
from accord.news import Extraction, extract

from .conftest import FIXTURES


def test_a_stored_extraction_reads_back_as_the_same_typed_object(models) -> None:
    text = (FIXTURES / "roadmap_by_kg.txt").read_text(encoding="utf-8")
    read = extract(text, source="roadmap_by_kg.txt", models=models)
    again = Extraction.from_dict(read.to_dict())
    assert again == read
    assert again.events and all(isinstance(e.type, EventKind) for e in again.events)
    assert again.documents and all(isinstance(d.status, DocumentStatus) for d in again.documents)


def test_keys_left_out_are_empty() -> None:
    found = Extraction.from_dict({"countries": ["BY", "KG"], "extra": {"date_basis": "header", "language": "ky"}})
    assert (found.source, found.date, found.persons, found.events) == (None, None, [], [])
    assert (found.date_basis, found.extra) == ("header", {"language": "ky"})


@pytest.mark.parametrize(
    ("stored", "named"),
    [
        ({"events": [{"type": "party", "countries": []}]}, "type 'party'"),
        ({"documents": [{"type": "memorandum", "countries": [], "until": None, "status": "lost"}]}, "status 'lost'"),
        ({"figures": [{"kind": "mood", "value": 1, "unit": "%"}]}, "kind 'mood'"),
    ],
)
def test_a_value_the_contract_lacks_is_named(stored: dict, named: str) -> None:
    with pytest.raises(ValueError, match=named):
        Extraction.from_dict(stored)
