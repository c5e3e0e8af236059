"""Country stage: find references to states, then decide which states are parties.

References are names, adjectives (``белорусская сторона``), compound adjectives
(``узбекско-белорусский``), demonyms and capitals used as metonymy (``между Бишкеком и
Минском``).  A capital after a locative preposition (``в Минске``) is a place, not a party.
A state named in a currency (``долларов США``, ``российских рублей``) is no reference to the state at
all, and one named as a product's origin in a price (``турецкие мандарины стоят…``) is not a party.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from accord.news.grammars.figures import CURRENCIES
from accord.news.lexicon.countries import COMPOUND_PREFIXES, COUNTRIES
from accord.news.lexicon.interaction import (
    CONFLICT_LEMMAS,
    DEAL_LEMMAS,
    INTERACTION_LEMMAS,
    ORGANISATION_ABBREVIATIONS,
    ORGANISATION_LEMMAS,
    ORGANISATION_PAIRS,
    PRICE_LEMMAS,
    PURCHASE_LEMMAS,
    SPORT_LEMMAS,
)
from accord.news.lexicon.leaders import LEADERS
from accord.news.lexicon.positions import REGION_ADJECTIVES
from accord.news.model import CountryMention, NewsDoc, Token
from accord.news.natasha_adapter import Models

LOCATIVE_PREPOSITIONS = frozenset({"в", "во", "из", "под", "около", "близ", "до"})
# «ситуация вокруг КНДР»: the state is the topic of the talks, not a party to them.
TOPIC_BEFORE = frozenset({"вокруг", "против"})
_QUOTED_NAME = re.compile(r"«([^«»\n]{1,60})»")
# Currency words (lemmas): «долларов США», «российских рублей», «китайских юаней».
CURRENCY_WORDS = frozenset(k for k in CURRENCIES if k.isalpha() and not k.isascii())
# Case endings a city's name may take («Бишкеке», «Минском», «Астаной»).
CASE_ENDINGS = frozenset({"а", "я", "у", "ю", "е", "и", "ы", "ом", "ем", "ой", "ей", "ою", "ею", "ью", "ам", "ям", "ах",
                          "ях"})
# A surname's case endings («Токаева», «Путину», «Лукашенко» does not change).
SURNAME_CASE_ENDINGS = frozenset({"а", "у", "ым", "ом", "е", "ем", "я", "ю", "ой"})
# A compound adjective before these names a border or a route, not a partnership.
BORDER_NOUNS = frozenset({"граница", "направление", "участок", "рубеж"})
# Nouns after a region's adjective: «Минская область», «Минский облисполком».
REGION_NOUNS = frozenset({"область", "облисполком", "край", "регион"})
# Mention kinds that refer to no party: a place, the topic of talks, a currency, a product's origin.
NOT_PARTY = frozenset({"place", "topic", "currency", "origin"})
_STRIP_END = "аяьйоеиыу"
_DIRECTION_CASES = frozenset({"accs", "nomn"})


def stem(word: str) -> str:
    """A crude stem for matching inflected proper names: lower case without final vowels."""
    w = word.lower().replace("ё", "е")
    while len(w) > 3 and w[-1] in _STRIP_END:
        w = w[:-1]
    return w


@dataclass
class CountryIndex:
    """Lookup tables built from the lexicon with the same lemmatiser as the text."""

    single: dict[str, tuple[str, str]] = field(default_factory=dict)
    multi: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    city_stems: dict[str, tuple[str, str]] = field(default_factory=dict)  # stem -> (code, nominative)
    adjectives: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, models: Models) -> CountryIndex:
        idx = cls()
        for code, row in COUNTRIES.items():
            for name in row["names"]:
                lemmas = tuple(models.lemma(w) for w in name.replace("-", " - ").split() if w != "-")
                if len(lemmas) == 1:
                    idx.single[lemmas[0]] = (code, "name")
                    idx.single[name.lower().replace("ё", "е")] = (code, "name")
                else:
                    idx.multi.setdefault(lemmas[0], []).append((lemmas, code, "name"))
            for adj in row["adj"]:
                idx.single[adj] = (code, "adj")
                idx.adjectives[adj] = code
            for dem in row["dem"]:
                idx.single[models.lemma(dem)] = (code, "demonym")
                idx.single[dem] = (code, "demonym")
            for city in row["cities"]:
                idx.city_stems[stem(city)] = (code, city)
        # «республика» after a country adjective is part of the official name.
        return idx

    def city(self, token: Token, nxt: Token | None = None, exact: bool = False) -> tuple[str, str] | None:
        """(code, nominative name) if the token is a listed city in any case (not «Минской области»)."""
        if not token.text[:1].isupper():
            return None
        low = token.text.lower().replace("ё", "е")
        for cut in (0,) if exact else (0, 1, 2):
            if len(low) - cut < 3:
                break
            if cut and low[-cut:] not in CASE_ENDINGS:
                continue  # «Токаев» is no form of «Токио»: only a case ending may be cut
            hit = self.city_stems.get(stem(low[: len(low) - cut]) if cut else stem(low))
            if hit is not None:
                if nxt is not None and nxt.text[:1].islower() and "ADJF" in token.tags and "NOUN" in nxt.tags:
                    return None
                return hit
        return None


_INDEX: dict[int, CountryIndex] = {}


def country_index(models: Models) -> CountryIndex:
    key = id(models)
    if key not in _INDEX:
        _INDEX[key] = CountryIndex.build(models)
    return _INDEX[key]


def find_country_mentions(doc: NewsDoc, models: Models) -> None:
    """Fill ``doc.country_mentions`` with every reference to a state."""
    idx = country_index(models)
    out: list[CountryMention] = []
    tokens = doc.tokens
    named = _short_quoted(doc.text)
    named_starts = [a for a, _ in named]
    # «Токаев» is not «Токио»: in a person's name only a city's exact stem counts.
    in_person = {k for m in doc.mentions if m.type == "PER" for k in range(m.first, m.last)}
    for si, sent in enumerate(doc.sentences):
        i = sent.first
        while i < sent.last:
            tok = tokens[i]
            if not tok.is_word:
                i += 1
                continue
            k = bisect.bisect_right(named_starts, tok.start) - 1
            if k >= 0 and tok.start < named[k][1]:
                i += 1
                continue
            hit = _match_at(idx, tokens, i, sent.last)
            if hit is not None:
                code, kind, last = hit
                prev = tokens[i - 1].lower if i > sent.first else ""
                if _currency(tokens, i, last, sent.first, sent.last, kind):
                    kind = "currency"
                elif prev in TOPIC_BEFORE:
                    kind = "topic"
                elif kind == "name" and prev in ("в", "во") and not tok.tags & _DIRECTION_CASES:
                    # «поставки газа в Казахстан» (accusative; a nominative-looking form after «в» is one
                    # too) name a destination; «в Казахстане» a place
                    # «покупает газ в Узбекистане»: the place of a purchase is a trading partner
                    kind = "name" if _buys(tokens[sent.first : sent.last]) else "loc"
                out.append(CountryMention(code, i, last, kind, si))
                i = last
                continue
            low = tok.lower
            region = _region(tokens, i, sent.last)
            if region is not None:
                out.append(CountryMention(region, i, i + 1, "region", si))
                i += 1
                continue
            if i in in_person and tok.text[:1].isupper():
                leader = _leader(tok)
                if leader is not None:
                    out.append(CountryMention(leader, i, i + 1, "leader", si))
                    i += 1
                    continue
            if "-" in low:
                nxt = tokens[i + 1].lemma if i + 1 < sent.last else ""
                kind = "topic" if nxt in BORDER_NOUNS else "adj"  # «на таджикско-афганском направлении»
                for code in _compound_codes(idx, models, low):
                    out.append(CountryMention(code, i, i + 1, kind, si))
            city = idx.city(tok, tokens[i + 1] if i + 1 < sent.last else None, exact=i in in_person)
            if city is not None:
                prev = tokens[i - 1].lower if i > sent.first else ""
                kind = "place" if prev in LOCATIVE_PREPOSITIONS else "capital"
                if prev in ("в", "во") and tok.tags & _DIRECTION_CASES and "loct" not in tok.tags:
                    kind = "destination"  # «визит в Минск», «прибыл в Москву»: where a visit goes is a party
                out.append(CountryMention(city[0], i, i + 1, kind, si))
            i += 1
    _mark_origins(doc, out)
    doc.country_mentions = out
    doc.country_tokens = {}
    for m in out:
        if m.kind in ("currency", "leader", "region"):
            continue  # not a state's name in the text: the person and office stages read these words
        for k in range(m.first, m.last):
            doc.country_tokens.setdefault(k, (m.code, m.kind))


def _region(tokens: list[Token], i: int, end: int) -> str | None:
    """«Минская область», «Московской области», «Минского облисполкома»: a region names its state."""
    if i + 1 >= end or tokens[i].lemma not in REGION_ADJECTIVES:
        return None
    return REGION_ADJECTIVES[tokens[i].lemma] if tokens[i + 1].lemma in REGION_NOUNS else None


_LEADER_KEYS = {k: v for k, v in LEADERS.items() if " " not in k}


def _leader(tok: Token) -> str | None:
    """The state of a long-serving leader named by surname in a person's name (``Токаевым``)."""
    low = tok.lower
    for cut in (0, 1, 2, 3):
        if len(low) - cut < 3:
            break
        code = _LEADER_KEYS.get(low[: len(low) - cut])
        if code is not None and (cut == 0 or low[-cut:] in SURNAME_CASE_ENDINGS):
            return code
    return None


def _currency(tokens: list[Token], i: int, last: int, first: int, end: int, kind: str) -> bool:
    """«долларов США», «долл. США»: a state's name after a currency word; «российских рублей»: an
    adjective before one."""
    k = i - 1
    while k >= first and tokens[k].text == ".":
        k -= 1
    if k >= first and kind == "name" and tokens[k].lemma.strip(".") in CURRENCY_WORDS:
        return True
    return kind == "adj" and last < end and tokens[last].lemma in CURRENCY_WORDS


def _mark_origins(doc: NewsDoc, mentions: list[CountryMention]) -> None:
    """In a sentence that gives market prices and reports no deal, a state's adjective before a
    product (``эквадорские бананы``) or a name after «из» (``яблоки из Польши``) is the product's
    origin."""
    price: dict[int, bool] = {}
    for m in mentions:
        if m.kind not in ("adj", "name"):
            continue
        if m.sentence not in price:
            lemmas = {t.lemma for t in doc.sentence_tokens(m.sentence)}
            price[m.sentence] = bool(lemmas & PRICE_LEMMAS) and not lemmas & DEAL_LEMMAS
        if not price[m.sentence]:
            continue
        nxt = doc.tokens[m.last] if m.last < len(doc.tokens) else None
        before = doc.tokens[m.first - 1].lower if m.first > 0 else ""
        if (m.kind == "adj" and nxt is not None and nxt.text[:1].islower() and nxt.is_word) or (
            m.kind == "name" and before == "из"
        ):
            m.kind = "origin"


def _buys(tokens: list[Token]) -> bool:
    return any(t.lemma in PURCHASE_LEMMAS for t in tokens)


def _short_quoted(text: str) -> list[tuple[int, int]]:
    """Spans of short «…» names (``«Голос Америки»``): a country word there names an organisation."""
    return [(m.start(), m.end()) for m in _QUOTED_NAME.finditer(text) if len(m.group(1).split()) <= 4]


def _match_at(idx: CountryIndex, tokens: list[Token], i: int, end: int) -> tuple[str, str, int] | None:
    tok = tokens[i]
    if tok.lemma == "республика" and i + 1 < end:
        nxt = idx.single.get(tokens[i + 1].lemma)
        if nxt is not None and nxt[1] == "name" and tokens[i + 1].text[:1].isupper():
            return nxt[0], "name", i + 2
    for lemmas, code, kind in idx.multi.get(tok.lemma, []):
        n = len(lemmas)
        if i + n <= end and all(tokens[i + k].lemma == lemmas[k] for k in range(n)):
            return code, kind, i + n
    hit = idx.single.get(tok.lemma)
    if hit is None and tok.text[:1].isupper():
        hit = idx.single.get(tok.lower)
    if hit is None:
        return None
    code, kind = hit
    if kind == "name" and not tok.text[:1].isupper():
        return None
    last = i + 1
    # «Кыргызская Республика», «Республика Казахстан»
    if kind == "adj" and last < end and tokens[last].lemma == "республика":
        last += 1
        kind = "name"
    return code, kind, last


def _compound_codes(idx: CountryIndex, models: Models, word: str) -> list[str]:
    parts = word.split("-")
    codes = [COMPOUND_PREFIXES.get(p) for p in parts[:-1]]
    if not codes or any(c is None for c in codes):
        return []
    tail = idx.adjectives.get(models.lemma(parts[-1]))
    if tail is None:
        return []
    return [c for c in codes if c] + [tail]


def decide_parties(doc: NewsDoc) -> None:
    """Choose ``doc.countries``: states that take part in a reported interaction."""
    by_sentence: dict[int, set[str]] = {}
    compounds: set[str] = set()
    located: set[tuple[int, str]] = set()
    for m in doc.country_mentions:
        if m.kind in NOT_PARTY:
            continue
        if m.kind == "loc":
            located.add((m.sentence, m.code))
        else:
            located.discard((m.sentence, m.code))
        by_sentence.setdefault(m.sentence, set()).add(m.code)
        if m.kind == "adj" and "-" in doc.tokens[m.first].text:
            compounds.add(m.code)
    score: dict[str, float] = {}
    for si, codes in by_sentence.items():
        toks = doc.sentence_tokens(si)
        lemmas = {t.lemma for t in toks}
        conflict = {
            t.lemma for k, t in enumerate(toks) if t.lemma in CONFLICT_LEMMAS and not (k and toks[k - 1].lemma == "мировой")
        }
        if conflict or lemmas & SPORT_LEMMAS or not lemmas & INTERACTION_LEMMAS:
            continue
        weight = 3.0 if doc.sentences[si].start < doc.body_start else (2.0 if si <= 3 else 1.0)
        if len(codes) >= 2:
            weight += 1.0
        for c in codes:
            score[c] = score.get(c, 0.0) + weight * (0.5 if (si, c) in located else 1.0)
    for c in compounds:
        score[c] = score.get(c, 0.0) + 2.0
    elsewhere = {m.code for m in doc.country_mentions if m.kind not in NOT_PARTY and m.kind != "loc"}
    score = {c: v for c, v in score.items() if c in elsewhere}
    if not score:
        doc.countries = []
        return
    top = max(score.values())
    chosen = sorted(c for c, v in score.items() if v >= max(1.0, 0.25 * top))
    if len(chosen) == 1 and not _meets_organisation(doc, chosen[0], by_sentence):
        chosen = []
    doc.countries = chosen


def _names_organisation(toks: list[Token]) -> bool:
    if any(t.text in ORGANISATION_ABBREVIATIONS or t.lemma in ORGANISATION_LEMMAS for t in toks):
        return True
    return any((a.lemma, b.lemma) in ORGANISATION_PAIRS for a, b in zip(toks, toks[1:], strict=False))


def _meets_organisation(doc: NewsDoc, code: str, by_sentence: dict[int, set[str]]) -> bool:
    """One state and an international organisation in a sentence about an interaction (a visit to
    the EU, a loan from the World Bank): the state is the item's one party."""
    for si, codes in by_sentence.items():
        if code not in codes:
            continue
        toks = doc.sentence_tokens(si)
        lemmas = {t.lemma for t in toks}
        if lemmas & INTERACTION_LEMMAS and not lemmas & CONFLICT_LEMMAS and _names_organisation(toks):
            return True
    return False
