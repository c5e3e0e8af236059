"""Lemmas of Russian words, and the words news writers use for states, folded to one spelling.

``Киргизия`` and ``Кыргызстан``, ``Белоруссия`` and ``Беларусь`` name the same state;
folding them here lets "Правительство Киргизии" find the alias "Правительство Кыргызстана".
Every state of the news reader's lexicon (``accord.news.lexicon.countries``) is known here,
so nothing depends on which roadmap is in the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from accord.ingest.text import words
from accord.morphology import lemma as base_lemma
from accord.news.lexicon.countries import COUNTRIES

#: words that stand for the state in an official name («Министерство … Республики Узбекистан»)
STATE_FORMS = frozenset({"республика", "федерация", "королевство", "государство"})


@dataclass(frozen=True, slots=True)
class StateWords:
    """The lemmas that name states, read once from the lexicon."""

    #: lemma → the lemma the directory uses (every name of a state to its first one; adjectives likewise)
    variants: dict[str, str]
    #: a (folded) lemma that names a state, and the state's code
    codes: dict[str, str]
    #: capitals: in every item about a state, so no sign of what an item is about
    capitals: frozenset[str]


@cache
def state_words() -> StateWords:
    variants: dict[str, str] = {}
    codes: dict[str, str] = {}
    capitals: set[str] = set()
    for code, entry in COUNTRIES.items():
        for group in ("names", "adj", "dem"):
            forms = [base_lemma(w) for w in entry[group] if " " not in w]
            for form in forms:
                if form != forms[0]:
                    variants.setdefault(form, forms[0])
                if group != "dem":
                    codes.setdefault(forms[0] if form in variants else form, code)
        if entry["cities"]:
            capitals.add(base_lemma(entry["cities"][0]))
    return StateWords(variants, codes, frozenset(capitals))


def country_code(lemma_: str) -> str | None:
    """The state a lemma (as ``lemma`` folds it) names, if it names one."""
    return state_words().codes.get(lemma_)


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
    """The dictionary form of a word (as search indexes it), with the spellings of states folded."""
    base = base_lemma(word)
    return state_words().variants.get(base, base)


def lemmas(text: str) -> list[str]:
    """The lemma of every word of a text, in order."""
    return [lemma(w) for w in words(text)]


def is_content(lemma_: str) -> bool:
    """A lemma worth comparing between texts: not a stop word, a state or a capital, not one or two letters."""
    if len(lemma_) <= 2 or lemma_ in STOP:
        return False
    states = state_words()
    return lemma_ not in states.codes and lemma_ not in states.capitals


def content_lemmas(text: str) -> set[str]:
    """Lemmas worth comparing between texts (see ``is_content``)."""
    return {w for w in lemmas(text) if is_content(w)}
