"""The reader's morphology: a word's readings, and the lemmas of the words the rules mention.

``WordForms`` wraps a morphological analyser that it is given (the process's one, from
``accord.morphology.analyser()``, unless a caller injects another) and the rule words; tokens
hold a reference to it and ask it for their lemma and tags only when a stage needs them.
Nothing here is global: two readers with two analysers do not see each other's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from accord.news.model import ANALYSE

_VOWELS = "аеёиоуыэюяйь"


def _stem(word: str) -> str:
    """A word without its final vowels: «сум» for «сумов» once the ending is cut."""
    while len(word) > 3 and word[-1] in _VOWELS:
        word = word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class Parse:
    """One morphological reading of a word (a trimmed copy of pymorphy2's Parse)."""

    normal: str
    tags: frozenset[str]
    score: float
    known: bool = True


class WordForms:
    """Readings of words from an injected analyser, and a table of the rule words' forms.

    ``morph`` is a pymorphy2 ``MorphAnalyzer`` (natasha's ``MorphVocab`` is one). Rules only
    compare lemmas with the words they mention, so ``rule_lemma`` answers from a table of those
    words' forms and the full analysis runs only when it must (see ``model.Token``).
    """

    def __init__(self, morph: Any, rule_words: Iterable[str]) -> None:
        self.morph = morph
        words = frozenset(rule_words)
        self._parse = lru_cache(maxsize=200_000)(self._parse_uncached)
        self.rule_forms = self._forms(words)
        self.rule_stems = frozenset(_stem(w) for w in words if len(_stem(w)) >= 3)

    def _forms(self, words: frozenset[str]) -> dict[str, str]:
        """Every form of every word the rules mention → its lemma (ANALYSE where two lemmas share a form)."""
        lemmas: dict[str, set[str]] = {}
        for w in sorted(words):
            for p in self.morph.parse(w)[:3]:
                normal = p.normal_form.replace("ё", "е")
                try:
                    forms = [f.word for f in p.lexeme]
                except (KeyError, ValueError, IndexError):
                    forms = [w]
                for f in forms:
                    lemmas.setdefault(f.replace("ё", "е"), set()).add(normal)
        return {f: (next(iter(ls)) if len(ls) == 1 else ANALYSE) for f, ls in lemmas.items()}

    def rule_lemma(self, lower: str) -> str | None:
        """The lemma of a form of a rule word; ANALYSE if ambiguous or if the word is a rule word's
        stem with an ending the dictionary does not list (``сумов``); None for other words."""
        known = self.rule_forms.get(lower)
        if known is not None:
            return known
        for cut in range(0, 4):
            if len(lower) - cut < 3:
                break
            if _stem(lower[: len(lower) - cut]) in self.rule_stems:
                return ANALYSE
        return None

    def analyse(self, word: str) -> tuple[str, frozenset[str]]:
        """The likeliest lemma of a word and its grammatical tags."""
        ps = self._parse(word)
        return (ps[0].normal, ps[0].tags) if ps else (word.lower().replace("ё", "е"), frozenset())

    def _parse_uncached(self, word: str) -> tuple[Parse, ...]:
        out = []
        for p in self.morph.parse(word):
            tags = frozenset(str(p.tag).replace(" ", ",").split(","))
            method = p.methods_stack[0][0].__class__.__name__ if p.methods_stack else ""
            known = method == "DictionaryAnalyzer"
            out.append(Parse(p.normal_form.replace("ё", "е"), tags, float(p.score), known))
        return tuple(out)

    def parses(self, word: str) -> tuple[Parse, ...]:
        """All readings of ``word`` (cached per word form)."""
        return self._parse(word)

    def is_verb(self, word: str) -> bool:
        """The word's likeliest reading is a verb form (finite, infinitive, short participle, gerund)."""
        ps = self._parse(word)
        return bool(ps) and bool(ps[0].tags & {"VERB", "INFN", "PRTS", "GRND"})

    def lemma(self, word: str) -> str:
        ps = self._parse(word)
        return ps[0].normal if ps else word.lower()
