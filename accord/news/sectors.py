"""Sector stage: taxonomy codes whose cue lemmas the item uses (only for cooperation news)."""

from __future__ import annotations

from accord.news.lexicon.sectors import SECTOR_PAIRS, SECTOR_WORDS
from accord.news.model import NewsDoc


def find_sectors(doc: NewsDoc) -> None:
    """Fill ``doc.sectors``; an item with no parties has no sectors of cooperation."""
    if not doc.countries:
        doc.sectors = []
        return
    in_org = {k for m in doc.mentions if m.type == "ORG" for k in range(m.first, m.last)}
    lemmas = [
        t.lemma for k, t in enumerate(doc.tokens)
        if t.is_word and k not in in_org and not _formation(doc, k)
    ]
    present = set(lemmas)
    for part in [p for lem in present if "-" in lem for p in lem.split("-")]:
        present.add(part)
    pairs = set(zip(lemmas, lemmas[1:], strict=False))
    found = {code for code, words in SECTOR_WORDS.items() if present & words}
    found |= {code for code, ps in SECTOR_PAIRS.items() if pairs & ps}
    doc.sectors = sorted(found)


def _formation(doc: NewsDoc, k: int) -> bool:
    """«образование государства» is a formation, not education: a genitive right after it."""
    if doc.tokens[k].lemma != "образование" or k + 1 >= len(doc.tokens):
        return False
    nxt = doc.tokens[k + 1]
    return nxt.is_word and "gent" in nxt.tags and nxt.lower != "и"
