"""The one place that talks to natasha: segmentation and NER, as our own types, with the morphology.

natasha's models ship inside its wheel (navec embeddings, slovnet NER); nothing is downloaded.
They are built once per process by ``get_models()`` and passed to the stages that need them;
the morphological analyser is passed in (``Models(morph)``), as natasha's ``Doc`` takes its stages.
"""

from __future__ import annotations

import bisect
import threading
from typing import Any

from accord.morphology import analyser
from accord.news.model import Mention, Sentence, Token
from accord.news.vocabulary import rule_words
from accord.news.wordforms import Parse, WordForms

__all__ = ["Models", "Parse", "get_models"]

_LOCK = threading.Lock()
_MODELS: Models | None = None


class Models:
    """natasha's segmenter and NER tagger, and the reader's morphology, built once.

    ``morph`` is the morphological analyser to read with; by default the process's one
    (``accord.morphology.analyser()``, shared with search and ingest). Tokens the segmenter
    makes carry this reader's ``WordForms``; nothing is set on any class, so readers built with
    different analysers never see each other's.
    """

    def __init__(self, morph: Any | None = None) -> None:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter

        self.segmenter = Segmenter()
        self.embedding = NewsEmbedding()
        self.ner_tagger = NewsNERTagger(self.embedding)
        self.words = WordForms(analyser() if morph is None else morph, rule_words())

    @property
    def morph(self) -> Any:
        """The morphological analyser this reader uses."""
        return self.words.morph

    # --- morphology (the reader's ``WordForms``) ----------------------------------------------

    def parses(self, word: str) -> tuple[Parse, ...]:
        """All readings of ``word`` (cached per word form)."""
        return self.words.parses(word)

    def is_verb(self, word: str) -> bool:
        """The word's likeliest reading is a verb form (finite, infinitive, short participle, gerund)."""
        return self.words.is_verb(word)

    def lemma(self, word: str) -> str:
        return self.words.lemma(word)

    def rule_lemma(self, lower: str) -> str | None:
        """See ``WordForms.rule_lemma``."""
        return self.words.rule_lemma(lower)

    # --- segmentation and entities ----------------------------------------------------------

    def segment(self, text: str) -> tuple[list[Token], list[Sentence]]:
        """Tokens and sentences (razdel through natasha's Segmenter); sentences never cross a line."""
        tokens = [Token(t.text, t.start, t.stop, forms=self.words) for t in self.segmenter.tokenize(text)]
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
