"""The words the rules mention, as plain data: ``lexicon/rule_words.txt``, read once.

The reader finds lemmas through a table of these words' forms instead of analysing every word
(see ``wordforms.WordForms.rule_lemma``). The list is made from the rule modules by
``tests/news/rule_words.py``, and a test fails when a rule mentions a word the list lacks.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

RULE_WORDS = "rule_words.txt"


@cache
def rule_words() -> frozenset[str]:
    """Every word the rules mention (lower case, ё as е)."""
    text = files("accord.news.lexicon").joinpath(RULE_WORDS).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.strip()) and not w.startswith("#"))
