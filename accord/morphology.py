"""Russian words to their dictionary forms, with one analyser per process.

The analyser (pymorphy2 through natasha's ``MorphVocab``, which runs on current
Python) holds tens of megabytes of dictionaries; the news reader, search and
ingest all take it from ``analyser()`` rather than building their own.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile(r"[а-яё]")

_lock = threading.Lock()
_morph: Any = None


def analyser() -> Any:
    """The process's morphological analyser (a natasha ``MorphVocab``), built on first use."""
    global _morph
    with _lock:
        if _morph is None:
            from natasha import MorphVocab

            _morph = MorphVocab()
        return _morph


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely dictionary form of a word, lower case, ``ё`` written ``е``."""
    word = word.lower().replace("ё", "е")
    if not CYRILLIC.search(word):
        return word
    parses = analyser().parse(word)
    return parses[0].normal_form.replace("ё", "е") if parses else word


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text or "") if w != "_"]


def lemmatise(text: str) -> str:
    """The text as space-separated lemmas, the form both databases index."""
    return " ".join(lemma(w) for w in words(text))


def query_lemmas(text: str) -> list[str]:
    """Distinct lemmas of a query, in order."""
    seen: dict[str, None] = {}
    for w in words(text):
        seen.setdefault(lemma(w), None)
    return list(seen)
