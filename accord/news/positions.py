"""Position stage helper: the office written next to a person mention, and the state it serves.

Looks left of the name (``премьер-министром Беларуси Александром Турчиным``) and, failing
that, right after a comma (``Александр Турчин, премьер-министр Беларуси:``).
"""

from __future__ import annotations

import re

from accord.news.lexicon.positions import (
    ALIASES,
    HEADS,
    LED_BY,
    OFFICE_COUNTRIES,
    REGION_ADJECTIVES,
    REGION_NOUNS,
    SIDE_WORDS,
    STATE_WORDS,
    STOP_WORDS,
    WEAK_HEADS,
)
from accord.news.model import NewsDoc, Token

MAX_LEFT = 12
_VERBAL = frozenset({"VERB", "INFN", "GRND", "PRTS"})
_DASHES = frozenset({"-", "–", "—"})


def _is_head(tok: Token) -> bool:
    return tok.lemma in HEADS or tok.lower in HEADS


def _country_at(doc: NewsDoc, i: int) -> tuple[str, str] | None:
    """(code, kind) if token i is part of a country reference."""
    return doc.country_tokens.get(i)


def _phrase(doc: NewsDoc, start: int, end: int, skip: set[int] | None = None) -> tuple[str | None, str | None]:
    """Normalise tokens[start:end] (head first) to (position, country)."""
    tokens = doc.tokens
    words: list[str] = []
    country: str | None = None
    head_seen = False
    last_used = start - 1
    for i in range(start, end):
        tok = tokens[i]
        if skip and i in skip:
            continue
        c = _country_at(doc, i)
        if c is not None and c[1] == "capital" and head_seen:
            country = country or c[0]
            words.append(tok.lower)  # «мэр Москвы»: a city's office keeps its city
            continue
        if c is not None:
            country = country or c[0]
            if c[1] == "adj" and tok.lemma not in ("республика",):
                continue
            # «президент Исламской Республики Иран»: capitalised adjectives before it name the state
            j = i - 1
            while head_seen and len(words) > 1 and tokens[j].text[:1].isupper() and "ADJF" in tokens[j].tags:
                words.pop()
                j -= 1
            break
        if tok.text in _DASHES or (tok.lower in STOP_WORDS and head_seen):
            break
        if head_seen and "PREP" in tok.tags and tok.lower not in ("по", "при"):
            break
        if tok.text in {"(", ")", ":", ";", "."}:
            break
        if tok.text in {"«", "»", '"'}:
            words.append(tok.text)
            continue
        if tok.text == ",":
            words.append(",")
            continue
        if not head_seen:
            if _is_head(tok):
                head_seen = True
                words.append(tok.lemma if tok.lemma in HEADS else tok.lower)
            elif _AGE.match(tok.lower):
                continue  # «55-летний премьер-министр»: an age is not part of an office
            elif tok.tags & {"ADJF", "PRTF"}:
                words.append(_adjective_nominative(tok))
            else:
                words.append(tok.lower)
        else:
            words.append(tok.lower)
        last_used = i
    else:
        last_used = end - 1
    while words and (words[-1] in {",", "и", "«"} or (len(words) > 2 and words[-1] in STATE_WORDS)):
        words.pop()  # «министр финансов республики»: the state it serves is not part of the office
    if country is None:
        country = _regional_country(tokens[start:end])
    if not words:
        return None, country
    words += _region_served(doc, last_used + 1, end)
    text = " ".join(words).replace(" ,", ",").replace("« ", "«").replace(" »", "»")
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)
    text = ALIASES.get(text, text)
    if text in WEAK_HEADS:
        return None, country
    return text, country


_AGE = re.compile(r"^\d+-летн")
_ADJ_ENDINGS = sorted(
    ("его", "ему", "ем", "им", "ими", "ие", "их", "ей", "яя", "юю", "ого", "ому", "ом", "ым", "ыми", "ые", "ых",
     "ая", "ую", "ой", "ий", "ый"),
    key=len, reverse=True,
)


def _adjective_nominative(tok: Token) -> str:
    """An adjective or participle before an office, in the nominative: «бывшему» → «бывший»,
    «прежнего» → «прежний» (a participle's lemma is its verb, which no office contains)."""
    if tok.lemma.endswith(("ий", "ый", "ой")):
        return tok.lemma
    low = tok.lower
    for ending in _ADJ_ENDINGS:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 3:
            soft = ending[0] in "еияю" or stem[-1] in "гкхжшчщ"
            return stem + ("ий" if soft else "ый")
    return low


def _region_served(doc: NewsDoc, k: int, end: int) -> list[str]:
    """«полномочный представитель правительства в Баткенской области»: the region an office serves is
    part of it (a state after «в» is not: «посол Беларуси во Вьетнаме» is «посол»)."""
    tokens = doc.tokens
    while k < end and (_country_at(doc, k) is not None or tokens[k].lower == "республики"):
        k += 1
    if k >= end or tokens[k].lower not in ("в", "во"):
        return []
    j = k + 1
    while j < end and "ADJF" in tokens[j].tags:
        j += 1
    if j == k + 1 or j >= end or tokens[j].lemma not in REGION_NOUNS:
        return []
    return [t.lower for t in tokens[k : j + 1]]


def _regional_country(tokens: list[Token]) -> str | None:
    """The state of a regional office: «губернатор Гомельской области», «аким», «облисполком»."""
    for k, tok in enumerate(tokens):
        if tok.lemma in OFFICE_COUNTRIES:
            return OFFICE_COUNTRIES[tok.lemma]
        nxt = tokens[k + 1].lemma if k + 1 < len(tokens) else ""
        if tok.lemma in REGION_ADJECTIVES and nxt in ("область", "облисполком", "край", "регион"):
            return REGION_ADJECTIVES[tok.lemma]
    return None


def _allowed(tok: Token, prev: Token | None) -> bool:
    if tok.text in _DASHES or tok.text in {"«", "»", '"'}:
        return True
    if tok.text == ",":
        return prev is not None and prev.text[:1].islower()
    if not tok.is_word:
        return False
    return not (tok.tags & _VERBAL) or _is_head(tok)


def find_head(doc: NewsDoc, first: int, person_tokens: set[int]) -> int | None:
    """Index of the office word that the name starting at ``first`` stands in apposition to."""
    tokens = doc.tokens
    sent = doc.sentences[doc.sentence_of_token(first)]
    head_at: int | None = None
    after_dash: int | None = None
    i = first - 1
    steps = 0
    while i >= sent.first and steps < MAX_LEFT:
        tok = tokens[i]
        if i in person_tokens:
            if head_at is None and "gent" in tok.tags:
                i -= 1  # «пресс-секретарь Путина Дмитрий Песков»: skip the genitive name
                steps += 1
                continue
            break
        if not _allowed(tok, tokens[i + 1] if i + 1 < len(tokens) else None):
            break
        if tok.text == "," and i + 1 < first and "gent" not in tokens[i + 1].tags:
            break
        if head_at is not None and tok.text in _DASHES and after_dash is None:
            after_dash = head_at
        if _is_head(tok):
            head_at = i
        elif head_at is not None and not (
            "gent" in tok.tags or tok.text in _DASHES or tok.text in {",", "«", "»"} or tok.lower == "и"
            or _country_at(doc, i) is not None or tok.text[:1].isupper()
        ):
            break
        i -= 1
        steps += 1
    if head_at is not None and after_dash is not None and "plur" in tokens[head_at].tags:
        return after_dash  # «сопредседатели комиссии – заместитель премьер-министра X»: the plural names a group
    return head_at


CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def head_case(doc: NewsDoc, first: int, person_tokens: set[int]) -> str | None:
    """The grammatical case of that office word: a name in apposition takes the same case."""
    head = find_head(doc, first, person_tokens)
    if head is None:
        return None
    return next((c for c in CASES if c in doc.tokens[head].tags), None)


def position_left(
    doc: NewsDoc, first: int, person_tokens: set[int], case: str | None = None
) -> tuple[str | None, str | None]:
    """Position and country written before the name starting at token ``first``."""
    tokens = doc.tokens
    sent = doc.sentences[doc.sentence_of_token(first)]
    head_at = find_head(doc, first, person_tokens)
    if head_at is None:
        return None, None
    if case == "gent" and "nomn" in tokens[head_at].tags:
        return None, None  # «пресс-секретарь Путина»: the office is someone else's
    start = head_at
    while start - 1 >= sent.first and "ADJF" in tokens[start - 1].tags and _country_at(doc, start - 1) is None:
        start -= 1
    pos, country = _phrase(doc, start, first, person_tokens)
    if country is None:
        country = _adjacent_country(doc, start)
    if country is None:
        country = _led_by(doc, start, sent.first)
    if country is None:
        # «заместитель премьер-министра – министр иностранных дел Республики Вьетнам X»: the state
        # named for the second office serves the first as well
        country = next(
            (c[0] for k in range(start, first) if (c := _country_at(doc, k)) and c[1] in ("name", "adj")), None
        )
    return pos, country


def _led_by(doc: NewsDoc, start: int, sent_first: int) -> str | None:
    """«делегация Министерства промышленности Беларуси во главе с первым заместителем министра X»:
    the head of a body serves the state the body belongs to."""
    k = start - len(LED_BY)
    if k <= sent_first or tuple(t.lemma for t in doc.tokens[k:start]) != LED_BY:
        return None
    for n in range(k - 1, max(sent_first, k - 8) - 1, -1):
        c = _country_at(doc, n)
        if c is not None and c[1] in ("name", "adj", "capital"):
            return c[0]  # «делегации мэрии Бишкека во главе с вице-мэром»: a city's body serves its state
    return None


def _adjacent_country(doc: NewsDoc, start: int) -> str | None:
    """A country adjective right before the office: «белорусский министр», «российского президента»."""
    c = _country_at(doc, start - 1) if start > 0 else None
    return c[0] if c is not None and c[1] == "adj" else None


def position_right(doc: NewsDoc, last: int) -> tuple[str | None, str | None]:
    """Position after ``Name, …`` (apposition), e.g. a speaker line."""
    tokens = doc.tokens
    if last + 1 >= len(tokens) or tokens[last].text not in {",", "—", "–"}:
        return None, None  # «Name, министр …», «Name — министр …»
    sent = doc.sentences[doc.sentence_of_token(last)]
    start = last + 1
    k = start
    while k < sent.last and "ADJF" in tokens[k].tags and not _is_head(tokens[k]):
        k += 1
    if k >= len(tokens) or not _is_head(tokens[k]):
        return None, None
    end = k + 1
    while end < min(len(tokens), sent.last, k + MAX_LEFT) and tokens[end].text not in {":", ".", ";", "(", ")"}:
        if tokens[end].tags & _VERBAL:
            break
        end += 1
    return _phrase(doc, start, end)


def side_country(doc: NewsDoc, first: int, person_tokens: set[int] | None = None) -> str | None:
    """The state whose side, delegation or part the sentence of token ``first`` names for this person
    (``Белорусскую делегацию возглавил …``, ``С казахстанской стороны …``); with two sides, the one
    named last before the person (``Кыргызскую часть комиссии возглавил X, белорусскую – Y``)."""
    sent = doc.sentences[doc.sentence_of_token(first)]
    sides: list[tuple[int, str]] = []
    for k in range(sent.first, sent.last):
        if doc.tokens[k].lemma in SIDE_WORDS:
            for n in (k - 1, k + 1):
                c = _country_at(doc, n)
                if c is not None and c[1] in ("adj", "name"):
                    sides.append((n, c[0]))
        elif k + 1 < sent.last and doc.tokens[k + 1].text in _DASHES:
            c = _country_at(doc, k)  # «…, белорусскую – заместитель премьер-министра Y»: the side elided
            if c is not None and c[1] == "adj" and sides:
                sides.append((k, c[0]))
    codes = {code for _, code in sides}
    if len(codes) <= 1:
        return codes.pop() if codes else None
    before = [(k, code) for k, code in sides if k < first]
    if not before:
        return None
    k, code = max(before)
    between = range(k + 1, first)
    return None if person_tokens and any(n in person_tokens for n in between) else code


def listed_offices(doc: NewsDoc, sentence: int, person_starts: list[int]) -> dict[int, tuple[str, str]]:
    """«Министры энергетики Казахстана, Кыргызстана и Узбекистана – A, B и C – подписали …»: a plural
    office, its states and then as many people, in the same order. Person's first token → (office, state)."""
    tokens = doc.tokens
    sent = doc.sentences[sentence]
    for k in range(sent.first, sent.last):
        if not (_is_head(tokens[k]) and "plur" in tokens[k].tags):
            continue
        j = k + 1
        while j < sent.last and _country_at(doc, j) is None and tokens[j].text not in _DASHES and j - k < MAX_LEFT:
            j += 1
        codes: list[str] = []
        n = j
        while n < sent.last:
            c = _country_at(doc, n)
            if c is not None and c[1] in ("name", "adj"):
                if not codes or codes[-1] != c[0] or tokens[n - 1].lower in (",", "и"):
                    codes.append(c[0])
            elif tokens[n].text not in {",", "и"} and tokens[n].lower not in ("и",):
                break
            n += 1
        if len(codes) < 2 or n >= sent.last or tokens[n].text not in _DASHES:
            continue
        people = [p for p in person_starts if n < p < sent.last][: len(codes)]
        if len(people) != len(codes):
            continue
        office, _ = _phrase(doc, k, j)
        if office is None:
            continue
        return {p: (office, code) for p, code in zip(people, codes, strict=True)}
    return {}


_DATELINE_MARKS = frozenset({",", "–", "—", "."})


def dateline_state(doc: NewsDoc) -> str | None:
    """The state of the dateline's city (``МИНСК, 5 марта /ИТАР-ТАСС/.``, ``Бишкек, 03.09.19 /Кабар/.``).

    An office the item names with no state (``министр финансов республики``, ``премьер-министр X``)
    is an office of the state the item is filed from: foreign officials are named with their state."""
    body = next((s for s in doc.sentences if s.start >= doc.body_start), None)
    if body is None or body.first + 1 >= len(doc.tokens) or doc.tokens[body.first + 1].text not in _DATELINE_MARKS:
        return None  # «Бишкек, …», «Бишкек – …», «Астана. 14 марта. – …»
    return next(
        (m.code for m in doc.country_mentions if m.first == body.first and m.kind in ("capital", "place")), None
    )


_HOME_KINDS = frozenset({"name", "adj", "capital", "place", "destination", "loc", "region", "demonym", "leader"})


def home_state(doc: NewsDoc) -> str | None:
    """The state an official the item names with no state serves: in an item between states, the
    dateline's state; in an item about one state's own affairs, that state (named at least twice and
    twice as often as any other, or the only state named)."""
    if doc.countries:
        return dateline_state(doc)
    counts: dict[str, int] = {}
    for m in doc.country_mentions:
        if m.kind in _HOME_KINDS:
            counts[m.code] = counts.get(m.code, 0) + 1
    if not counts:
        return dateline_state(doc)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, n = ranked[0]
    if len(ranked) == 1 or (n >= 2 and n >= 2 * ranked[1][1]):
        return top
    return dateline_state(doc)
