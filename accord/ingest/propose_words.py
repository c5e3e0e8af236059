"""Word stems for matching an item to a record entry: «ветеринария» and «ветеринарный» meet here.

Lemmas alone keep a noun and its adjective apart, and news items use either. A
stem is the lemma with one derivational or inflectional ending cut off (leaving
at least four letters), kept to its first seven letters.
"""

from __future__ import annotations

from functools import lru_cache

from accord.ingest.lemmas import COUNTRY_WORDS, STOP, content_lemmas, lemmas

#: endings cut from a lemma, longest first (adjective, noun and verb endings of dictionary forms)
ENDINGS = tuple(
    sorted(
        (
            "ировать",
            "ический",
            "ческий",
            "овать",
            "ивать",
            "ский",
            "ской",
            "цкий",
            "овый",
            "овой",
            "евый",
            "ение",
            "ание",
            "ость",
            "ство",
            "ный",
            "ной",
            "ний",
            "ция",
            "ить",
            "ать",
            "ять",
            "еть",
            "уть",
            "ия",
            "ие",
            "ый",
            "ой",
            "ий",
            "ка",
            "а",
            "я",
            "о",
            "е",
            "ь",
            "ы",
            "и",
        ),
        key=len,
        reverse=True,
    )
)
STEM_MIN = 4
STEM_MAX = 7


@lru_cache(maxsize=100_000)
def stem(lemma: str) -> str:
    for ending in ENDINGS:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= STEM_MIN:
            return lemma[: -len(ending)][:STEM_MAX]
    return lemma[:STEM_MAX]


def stems(text: str) -> frozenset[str]:
    """Stems of a text's content words (no stop words, no short words)."""
    return frozenset(stem(w) for w in content_lemmas(text))


def lead(text: str, title: str | None) -> str:
    """The headline and the first paragraph of substance: what an item is about."""
    paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) > 80]
    return " ".join(p for p in (title or "", paragraphs[0] if paragraphs else "") if p)


def phrases(text: str) -> frozenset[tuple[str, str]]:
    """Pairs of neighbouring content words, states kept: «Дни культуры Кыргызстана в Беларуси» and
    «Дни культуры Беларуси в Кыргызстане» share every word but not these pairs."""
    kept = [w for w in lemmas(text) if w in COUNTRY_WORDS or (len(w) > 2 and w not in STOP)]
    return frozenset(zip(kept, kept[1:], strict=False))
