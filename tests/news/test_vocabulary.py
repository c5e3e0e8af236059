"""Analysing only the words the rules can use must not change what is read."""

from __future__ import annotations

from accord.news import extract
from accord.news.model import ANALYSE
from accord.news.vocabulary import rule_words

from .conftest import FIXTURES
from .rule_words import LIST, collect, render


def test_rule_words_come_from_the_lexicons_and_grammars() -> None:
    words = rule_words()
    assert {"товарооборот", "меморандум", "кыргызстан", "премьер-министр", "подписать"} <= words
    assert "the" not in words


def test_the_list_of_rule_words_is_in_step_with_the_rules() -> None:
    """A word a rule mentions but the list lacks would keep its inflected form as lemma."""
    words = collect()
    missing = sorted(set(words) - rule_words())
    assert not missing, f"{LIST.name} lacks {missing[:10]}…; run `python tests/news/rule_words.py`"
    assert LIST.read_text(encoding="utf-8") == render(words), "run `python tests/news/rule_words.py`"


def test_the_filter_does_not_change_the_result(models, monkeypatch) -> None:
    text = (FIXTURES / "roadmap_by_kg.txt").read_text(encoding="utf-8")
    filtered = extract(text, models=models).to_dict()
    monkeypatch.setattr(models.words, "rule_lemma", lambda lower: ANALYSE)
    assert extract(text, models=models).to_dict() == filtered


def test_forms_of_rule_words_have_their_lemma(models) -> None:
    assert models.rule_lemma("двух") == "два"
    assert models.rule_lemma("подписали") == "подписать"
    assert models.rule_lemma("кыргызской") == "кыргызский"
    assert models.rule_lemma("фотография") is None
