"""The reader reads with the morphology it is given, and building one changes no class."""

from __future__ import annotations

from typing import Any

import natasha.doc
import natasha.segment
import pytest

from accord.morphology import analyser
from accord.news import extract
from accord.news.model import Token
from accord.news.natasha_adapter import Models

from .conftest import FIXTURES

#: classes whose attributes a reader could be tempted to set: ours and natasha's tokens
TOKEN_CLASSES = (Token, natasha.segment.Token, natasha.doc.DocToken)


class CountingMorph:
    """An analyser that answers as the process's one and counts the words it is asked about."""

    def __init__(self) -> None:
        self.words: list[str] = []

    def parse(self, word: str) -> Any:
        self.words.append(word)
        return analyser().parse(word)


def _attributes() -> list[dict[str, Any]]:
    return [dict(vars(cls)) for cls in TOKEN_CLASSES]


@pytest.fixture(scope="module")
def injected() -> tuple[Models, CountingMorph, list[dict[str, Any]], list[dict[str, Any]]]:
    """A second reader, built with its own analyser; the token classes before and after."""
    before = _attributes()
    morph = CountingMorph()
    models = Models(morph)
    return models, morph, before, _attributes()


def test_building_a_reader_sets_no_attribute_on_a_token_class(injected) -> None:
    _, _, before, after = injected
    assert after == before


def test_the_reader_works_with_an_injected_morphology(injected, models: Models) -> None:
    other, morph, _, _ = injected
    assert other.morph is morph and models.morph is analyser()
    text = (FIXTURES / "roadmap_by_kg.txt").read_text(encoding="utf-8")
    asked = len(morph.words)
    read = extract(text, source="roadmap_by_kg.txt", models=other).to_dict()
    assert len(morph.words) > asked  # the words of the item were analysed by the injected analyser
    assert read == extract(text, source="roadmap_by_kg.txt", models=models).to_dict()
    assert read["countries"] == ["BY", "KG"]


def test_tokens_use_the_morphology_of_the_reader_that_made_them(injected, models: Models) -> None:
    other, morph, _, _ = injected
    mine, _ = other.segment("Стороны подписали меморандум")
    theirs, _ = models.segment("Стороны подписали меморандум")
    assert all(t.forms is other.words for t in mine) and all(t.forms is models.words for t in theirs)
    asked = len(morph.words)
    assert [t.lemma for t in theirs] == ["сторона", "подписать", "меморандум"]
    assert [t.tags for t in theirs[:1]] and len(morph.words) == asked  # the shared reader never asks it
    assert [t.lemma for t in mine] == ["сторона", "подписать", "меморандум"]


def test_a_token_without_a_morphology_is_its_own_lemma() -> None:
    token = Token("Подписали", 0, 9)
    assert token.lemma == "подписали" and token.tags == frozenset()
