"""The one place that talks to natasha: segmentation, NER and morphology, as our own types.

natasha's models ship inside its wheel (navec embeddings, slovnet NER); nothing is downloaded.
They are built once per process by ``get_models()`` and passed to the stages that need them.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from functools import lru_cache

from accord.news.model import ANALYSE, Mention, Sentence, Token
from accord.news.vocabulary import rule_words

_LOCK = threading.Lock()
_VOWELS = "аеёиоуыэюяйь"


def _stem(word: str) -> str:
    """A word without its final vowels: «сум» for «сумов» once the ending is cut."""
    while len(word) > 3 and word[-1] in _VOWELS:
        word = word[:-1]
    return word
_MODELS: Models | None = None


@dataclass(frozen=True, slots=True)
class Parse:
    """One morphological reading of a word (a trimmed copy of pymorphy2's Parse)."""

    normal: str
    tags: frozenset[str]
    score: float
    known: bool = True


class Models:
    """natasha's segmenter, NER tagger and morph vocabulary, built once."""

    def __init__(self) -> None:
        from natasha import MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter

        self.segmenter = Segmenter()
        self.embedding = NewsEmbedding()
        self.ner_tagger = NewsNERTagger(self.embedding)
        self.morph = MorphVocab()
        self._parse = lru_cache(maxsize=200_000)(self._parse_uncached)
        self.rule_forms = self._forms(rule_words())
        self.rule_stems = frozenset(_stem(w) for w in rule_words() if len(_stem(w)) >= 3)
        Token.analyse = self._analyse
        Token.rule_lemma = self.rule_lemma

    def _forms(self, words: frozenset[str]) -> dict[str, str]:
        """Every form of every word the rules mention → its lemma (ANALYSE where two lemmas share a form)."""
        import pymorphy2

        lemmas: dict[str, set[str]] = {}
        for w in words:
            for p in pymorphy2.MorphAnalyzer.parse(self.morph, w)[:3]:
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

    def _analyse(self, word: str) -> tuple[str, frozenset[str]]:
        ps = self._parse(word)
        return (ps[0].normal, ps[0].tags) if ps else (word.lower().replace("ё", "е"), frozenset())

    # --- morphology -------------------------------------------------------------------------

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

    # --- segmentation and entities ----------------------------------------------------------

    def segment(self, text: str) -> tuple[list[Token], list[Sentence]]:
        """Tokens and sentences (razdel through natasha's Segmenter); sentences never cross a line."""
        tokens = [Token(t.text, t.start, t.stop) for t in self.segmenter.tokenize(text)]
        sentences: list[Sentence] = []
        i = 0
        offset = 0
        for para, line in enumerate(text.split("\n")):
            if line.strip():
                for s in self.segmenter.sentenize(line):
                    start, stop = offset + s.start, offset + s.stop
                    while i < len(tokens) and tokens[i].stop <= start:
                        i += 1
                    first = i
                    while i < len(tokens) and tokens[i].start < stop:
                        i += 1
                    if i > first:
                        sentences.append(Sentence(start, stop, first, i, para))
            offset += len(line) + 1
        return tokens, sentences

    def entities(self, text: str, tokens: list[Token]) -> list[Mention]:
        """Named-entity spans (PER, LOC, ORG) aligned to token indices."""
        if not text.strip():
            return []
        markup = self.ner_tagger(text)
        starts = [t.start for t in tokens]
        out: list[Mention] = []
        for span in markup.spans:
            first = bisect.bisect_left(starts, span.start)
            last = bisect.bisect_left(starts, span.stop)
            if last <= first:
                continue
            out.append(Mention(span.type, span.start, span.stop, first, last, text[span.start : span.stop]))
        return out


def get_models() -> Models:
    """The process-wide models (built on first use; safe to call from threads)."""
    global _MODELS
    if _MODELS is None:
        with _LOCK:
            if _MODELS is None:
                _MODELS = Models()
    return _MODELS
