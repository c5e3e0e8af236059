"""News reader tests: natasha's models are built once for the whole session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from accord.news import Extraction, extract
from accord.news.model import NewsDoc, Token
from accord.news.natasha_adapter import Models, get_models
from accord.news.pipeline import build_doc

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def models() -> Models:
    return get_models()


@pytest.fixture(scope="session")
def run(models: Models) -> Callable[[str], Extraction]:
    """Extract from a text (the shared models are used)."""

    def _run(text: str) -> Extraction:
        return extract(text, source="test.txt", models=models)

    return _run


@pytest.fixture(scope="session")
def doc_of(models: Models) -> Callable[[str], NewsDoc]:
    def _doc(text: str) -> NewsDoc:
        return build_doc(text, "test.txt", models)

    return _doc


@pytest.fixture(scope="session")
def tokens_of(models: Models) -> Callable[[str], list[Token]]:
    """Tokens of one sentence, with lemmas, as the stages see them."""

    def _tokens(sentence: str) -> list[Token]:
        tokens, _ = models.segment(sentence)
        return tokens

    return _tokens
