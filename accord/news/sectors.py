"""Sector stage: taxonomy codes whose cue lemmas the item uses (only for cooperation news)."""

from __future__ import annotations

from accord.news.lexicon.sectors import (
    MASKED_AFTER,
    MASKED_BEFORE,
    OFFICE_HEADS,
    SECTOR_FORMS,
    SECTOR_PAIRS,
    SECTOR_PREFIXES,
    SECTOR_WORDS,
)
from accord.news.model import NewsDoc


def find_sectors(doc: NewsDoc) -> None:
    """Fill ``doc.sectors``; an item with no parties has no sectors of cooperation."""
    if not doc.countries:
        doc.sectors = []
        return
    in_org = {k for m in doc.mentions if m.type == "ORG" for k in range(m.first, m.last)}
    skipped = in_org | _office_words(doc)
    lemmas = [
        t.lemma for k, t in enumerate(doc.tokens)
        if t.is_word and k not in skipped and not _formation(doc, k)
    ]
    present = {  # a cue counts where no neighbour masks it
        lem for k, lem in enumerate(lemmas)
        if not (k and lemmas[k - 1] in MASKED_AFTER.get(lem, ()))
        and not (k + 1 < len(lemmas) and lemmas[k + 1] in MASKED_BEFORE.get(lem, ()))
    }
    compounds = [lem.split("-") for lem in present if "-" in lem]
    for parts in compounds:
        present.update(parts)
    pairs = _pairs(doc, skipped)
    found = {code for code, words in SECTOR_WORDS.items() if present & words}
    found |= {code for code, ps in SECTOR_PAIRS.items() if pairs & ps}
    found |= {SECTOR_PREFIXES[parts[0]] for parts in compounds if parts[0] in SECTOR_PREFIXES}
    forms = {
        t.lower for k, t in enumerate(doc.tokens)
        if k not in skipped and not (k and doc.tokens[k - 1].lower in LOCATIVE)
    }
    found |= {code for code, fs in SECTOR_FORMS.items() if forms & fs}
    doc.sectors = sorted(found)


LOCATIVE = frozenset({"в", "во", "по"})


def _pairs(doc: NewsDoc, skipped: set[int]) -> set[tuple[str, str]]:
    """Lemma pairs of neighbouring words, and of a word and the noun after its adjectives
    («совместном белорусско-вьетнамском предприятии» gives «совместный предприятие»)."""
    words = [(k, t) for k, t in enumerate(doc.tokens) if t.is_word and k not in skipped]
    out = set()
    for n, (_, t) in enumerate(words):
        for m in range(n + 1, min(n + 4, len(words))):
            out.add((t.lemma, words[m][1].lemma))
            if not words[m][1].tags & {"ADJF", "PRTF"}:
                break
    return out


def _formation(doc: NewsDoc, k: int) -> bool:
    """«образование государства» is a formation, not education: a genitive right after it."""
    if doc.tokens[k].lemma != "образование" or k + 1 >= len(doc.tokens):
        return False
    nxt = doc.tokens[k + 1]
    return nxt.is_word and "gent" in nxt.tags and nxt.lower != "и"


def _office_words(doc: NewsDoc) -> set[int]:
    """The genitive chain after «министр» (``министр природных ресурсов и экологии``): an office, not a sector."""
    out: set[int] = set()
    toks = doc.tokens
    for k, t in enumerate(toks):
        if t.lemma not in OFFICE_HEADS:
            continue
        j = k + 1
        while j < len(toks) and j - k <= 10:
            tags = toks[j].tags
            if "gent" in tags and not ({"Name", "Surn", "Patr"} & tags):
                out.add(j)
            elif toks[j].lower in ("и", ",") and j + 1 < len(toks) and "gent" in toks[j + 1].tags:
                pass
            else:
                break
            j += 1
    return out
