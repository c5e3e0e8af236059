"""Lemmas of Russian words, and the spelling variants of country names news writers use.

``Киргизия`` and ``Кыргызстан``, ``Белоруссия`` and ``Беларусь`` name the same state;
folding them here lets "Правительство Киргизии" find the alias "Правительство Кыргызстана".
"""

from __future__ import annotations

from functools import lru_cache

from accord.ingest.text import words
from accord.morphology import lemma as search_lemma

#: lemma → the lemma the directory uses
VARIANTS: dict[str, str] = {
    "киргизия": "кыргызстан",
    "киргизстан": "кыргызстан",
    "кыргызия": "кыргызстан",
    "киргизский": "кыргызский",
    "киргиз": "кыргыз",
    "белоруссия": "беларусь",
    "белорусь": "беларусь",
    "белорусия": "беларусь",
}

#: a lemma that names a state, and the state's code
COUNTRY_WORDS: dict[str, str] = {
    "беларусь": "BY",
    "белорусский": "BY",
    "кыргызстан": "KG",
    "кыргызский": "KG",
    "кр": "KG",
    "рб": "BY",
}

#: words that carry no meaning for matching a text to a measure
STOP = frozenset(
    [
        "и",
        "в",
        "во",
        "на",
        "с",
        "со",
        "по",
        "к",
        "ко",
        "о",
        "об",
        "от",
        "до",
        "для",
        "из",
        "за",
        "при",
        "под",
        "над",
        "без",
        "а",
        "но",
        "или",
        "что",
        "как",
        "это",
        "также",
        "его",
        "ее",
        "их",
        "который",
        "быть",
        "мочь",
        "год",
        "республика",
        "страна",
        "сторона",
        "два",
        "оба",
        "свой",
        "весь",
        "этот",
        "тот",
        "такой",
        "вопрос",
        "работа",
        "рамка",
        "время",
        "часть",
        "число",
        "сотрудничество",
        "область",
        "отношение",
        "двусторонний",
        "беларусь",
        "белорусский",
        "кыргызстан",
        "кыргызский",
        "минск",
        "бишкек",
        # the verbs measures begin with say what to do, not what about
        "провести",
        "организовать",
        "обеспечить",
        "проработать",
        "рассмотреть",
        "подготовить",
        "разработать",
        "реализовать",
        "сформировать",
    ]
)


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The dictionary form of a word (as search indexes it), with country spellings folded."""
    base = search_lemma(word)
    return VARIANTS.get(base, base)


def lemmas(text: str) -> list[str]:
    """The lemma of every word of a text, in order."""
    return [lemma(w) for w in words(text)]


def content_lemmas(text: str) -> set[str]:
    """Lemmas worth comparing between texts: no stop words, no one- or two-letter words."""
    return {w for w in lemmas(text) if len(w) > 2 and w not in STOP}
