"""Person stage: NER mentions → people, merged across mentions, with office and country.

Mentions are merged by surname (inflection-tolerant), a surname alone joins the full name
it belongs to, a first name alone joins the person with that first name, and a one-off
typo (``Тручин``) joins a person mentioned more often when the spelling is one edit away.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from accord.news.lexicon.positions import HEADS
from accord.news.model import Mention, NewsDoc, PersonEntity
from accord.news.names import NameParts, is_initial, norm, parse_name, same_stem
from accord.news.natasha_adapter import Models
from accord.news.positions import head_case, listed_offices, position_left, position_right, side_country


def _compatible_first(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if is_initial(a) or is_initial(b):
        return norm(a)[0] == norm(b)[0]
    return same_stem(a, b)


def _typo(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return len(a) >= 5 and len(b) >= 5 and a[0] == b[0] and OSA.distance(a, b) <= 1


def _same_surname(a: str, b: str) -> bool:
    if same_stem(a, b):
        return True
    short, long_ = sorted((norm(a), norm(b)), key=len)
    base = short[:-1] if short.endswith(("ь", "й")) and len(short) > 2 else short
    if len(base) >= 2 and long_.startswith(base) and long_[len(base):] in _SHORT_ENDINGS:
        return True  # «Ир» ~ «Ира», «Ким» ~ «Киму», «Коль» ~ «Коля»
    pa, pb = a.split("-"), b.split("-")
    return len(pa) == len(pb) > 1 and all(same_stem(x, y) for x, y in zip(pa, pb, strict=True))


_SHORT_ENDINGS = frozenset({"а", "у", "ом", "е", "ым", "ой", "я", "ю", "ем", "и"})


def _people_inside_places(doc: NewsDoc, models: Models) -> list[Mention]:
    """``Республики Вьетнам Буй Тхань Шоном`` tagged as a place: the words after the state are a name."""
    out = []
    by_first = {m.first: m for m in doc.country_mentions}
    for m in doc.mentions:
        if m.type not in ("LOC", "ORG"):
            continue
        end_country = max((c.last for c in doc.country_mentions if m.first <= c.first < m.last), default=None)
        if end_country is None or m.last - end_country < 2:
            continue
        rest = doc.tokens[end_country : m.last]
        if any(k in by_first for k in range(end_country, m.last)):
            continue
        if all(t.is_word and t.text[:1].isupper() for t in rest) and any(
            "Name" in p.tags or "Surn" in p.tags for t in rest for p in models.parses(t.text)
        ):
            text = doc.text[rest[0].start : rest[-1].stop]
            out.append(Mention("PER", rest[0].start, rest[-1].stop, end_country, m.last, text))
    return out


def _family_surname(doc: NewsDoc, entities: list[PersonEntity], first: int) -> str | None:
    """The surname of a full name shortly before ``first`` in the same sentence, with no verb between."""
    si = doc.sentence_of_token(first)
    sent = doc.sentences[si]
    best: tuple[int, PersonEntity] | None = None
    for e in entities:
        if not e.first:
            continue
        for a, b in e.mentions:
            if sent.first <= a and b <= first and (best is None or b > best[0]):
                best = (b, e)
    if best is None or first - best[0] > 8:
        return None
    between = doc.tokens[best[0] : first]
    if any(t.tags & {"VERB", "INFN", "GRND", "PRTF", "PRTS"} for t in between):
        return None
    if not any(t.lower in ("и", ",") for t in between):
        return None
    return best[1].last


def _split_at_lines(doc: NewsDoc, mentions: list[Mention]) -> list[Mention]:
    """A name never runs over a line break (``Александр Мишкин\\nПолицейская``): cut it there."""
    out = []
    for m in mentions:
        if "\n" not in m.text:
            out.append(m)
            continue
        first = m.first
        for k in range(m.first, m.last):
            if k + 1 == m.last or "\n" in doc.text[doc.tokens[k].stop : doc.tokens[k + 1].start]:
                start, stop = doc.tokens[first].start, doc.tokens[k].stop
                out.append(Mention(m.type, start, stop, first, k + 1, doc.text[start:stop]))
                first = k + 1
    return out


def _trim_office(doc: NewsDoc, m: Mention) -> Mention:
    """«Аким Алматы Дархан Сатыбалды»: an office and its place at the front of a name are not the name."""
    if m.type != "PER" or m.last - m.first < 4:
        return m
    head, place = doc.tokens[m.first], m.first + 1
    if head.lower not in HEADS or place not in doc.country_tokens:
        return m
    first = place + 1
    start = doc.tokens[first].start
    return Mention(m.type, start, m.stop, first, m.last, doc.text[start : m.stop])


def find_persons(doc: NewsDoc, models: Models) -> None:
    """Fill ``doc.persons`` from the PER mentions."""
    doc.mentions = [_trim_office(doc, m) for m in doc.mentions]
    extra = _people_inside_places(doc, models)
    person_tokens = {k for m in [*doc.mentions, *extra] if m.type == "PER" for k in range(m.first, m.last)}
    parsed = _read_mentions(doc, models, [*doc.mentions, *extra], person_tokens)
    entities, first_only = _merge(parsed)
    _join_lone_surnames(entities)
    _join_typos(entities)
    entities = _drop_places_and_organisations(doc, entities)
    _place_first_names(doc, entities, first_only)
    cases = {first: parts.case for parts, first, _ in parsed}
    starts = sorted(first for _, first, _ in parsed)
    listed: dict[int, tuple[str, str]] = {}
    for si in {doc.sentence_of_token(f) for f in starts}:
        listed.update(listed_offices(doc, si, starts))
    for e in entities:
        e.mentions.sort()
        for first, last in e.mentions:
            if first in listed:
                e.positions.append(listed[first])
                continue
            pos, country = position_left(doc, first, person_tokens, cases.get(first))
            if pos is None:
                pos2, country2 = position_right(doc, last)
                pos, country = pos2, country or country2
            if country is None and pos is not None:
                country = side_country(doc, first, person_tokens)
            e.positions.append((pos or "", country))
    entities.sort(key=lambda e: e.mentions[0][0] if e.mentions else 0)
    doc.persons = entities


Parsed = list[tuple[NameParts, int, int]]


def _read_mentions(doc: NewsDoc, models: Models, mentions: list[Mention], person_tokens: set[int]) -> Parsed:
    """Each PER mention as nominative name parts (mentions that are not names are dropped)."""
    country_tokens = set(doc.country_tokens)
    parsed: Parsed = []
    for m in sorted(_split_at_lines(doc, mentions), key=lambda x: x.first):
        if m.type != "PER" or all(k in country_tokens for k in range(m.first, m.last)):
            continue
        merged: list[str] = []
        for t in doc.tokens[m.first : m.last]:
            if t.text == "." and merged and len(merged[-1]) <= 2:
                merged[-1] += "."  # an initial («С.»); a stop after a surname ends the sentence
            elif t.is_word:
                merged.append(t.text)
        parts = parse_name(models, merged, head_case(doc, m.first, person_tokens))
        if parts is not None:
            parsed.append((parts, m.first, m.last))
    return parsed


def _merge(parsed: Parsed) -> tuple[list[PersonEntity], Parsed]:
    """People by surname (inflection-tolerant, first names compatible); first names alone set aside."""
    entities: list[PersonEntity] = []
    by_letter: dict[str, list[PersonEntity]] = {}  # surnames that can match share their first letter
    first_only: Parsed = []
    full_firsts = [p.first for p, _, _ in parsed if p.first and not p.first_only and not p.patronymic_last]
    nominative: set[int] = set()  # entities whose surname was read from a nominative mention
    for parts, first, last in parsed:
        if parts.first_only:
            first_only.append((parts, first, last))
            continue
        if parts.patronymic_last and any(same_stem(parts.first or "", f) for f in full_firsts):
            # «Константин Валентинович» after «Константин Рябинов»: first name and patronymic
            first_only.append((NameParts(parts.first, [], parts.first or "", parts.case, True), first, last))
            continue
        bucket = by_letter.setdefault(norm(parts.last)[:1], [])
        target = next(
            (e for e in bucket if _same_surname(e.last, parts.last) and _compatible_first(e.first, parts.first)),
            None,
        )
        if target is None:
            target = PersonEntity(parts.first, parts.last, list(parts.middle))
            entities.append(target)
            bucket.append(target)
        elif parts.first and (not target.first or is_initial(target.first)):
            target.first, target.middle = parts.first, list(parts.middle)
        elif (parts.case == "nomn" and id(target) not in nominative and norm(target.last) != norm(parts.last)
              and norm(target.last).startswith(norm(parts.last))):
            # «Ан Дук Кыном» then «Ан Дук Кын»: a name the dictionary cannot decline is read as the text
            # gives it in the nominative
            target.last = parts.last
            if parts.first and len(parts.middle) == len(target.middle):
                target.first, target.middle = parts.first, list(parts.middle)
        if parts.case == "nomn":
            nominative.add(id(target))
        target.mentions.append((first, last))
    return entities, first_only


def _join_lone_surnames(entities: list[PersonEntity]) -> None:
    """A surname alone joins the full name with that surname when there is only one."""
    full = [e for e in entities if e.first]
    for e in [e for e in entities if not e.first]:
        cands = [f for f in full if _same_surname(f.last, e.last)]
        if len(cands) == 1:
            cands[0].mentions.extend(e.mentions)
            entities.remove(e)


def _join_typos(entities: list[PersonEntity]) -> None:
    """A one-off spelling one edit away (``Тручин``) joins the person mentioned more often."""
    for e in sorted(entities, key=lambda x: len(x.mentions)):
        if len(e.mentions) != 1 or e not in entities:
            continue
        for f in entities:
            if f is e or not _typo(e.last, f.last) or not _compatible_first(e.first, f.first):
                continue
            if len(f.mentions) > 1 or (e.first and f.first and same_stem(e.first, f.first)):
                f.mentions.extend(e.mentions)
                entities.remove(e)
                break


def _drop_places_and_organisations(doc: NewsDoc, entities: list[PersonEntity]) -> list[PersonEntity]:
    """A lone surname that the tagger elsewhere reads as a place or an organisation is not a person."""
    other_words = {
        norm(t.text) for m in doc.mentions if m.type in ("LOC", "ORG") for t in doc.tokens[m.first : m.last]
    }
    return [e for e in entities if e.first or not any(same_stem(e.last, w) for w in other_words)]


def _place_first_names(doc: NewsDoc, entities: list[PersonEntity], first_only: Parsed) -> None:
    """A first name alone joins the person with that first name; in a list right after a full
    name («Маргарита Рудяк и их дети Эрнест и Юлия») it takes that surname; else it stands alone."""
    for parts, first, last in first_only:
        same_last = [e for e in entities if _same_surname(e.last, parts.last)]
        if same_last:  # «Гиллард» is a surname here, whatever the dictionary says
            same_last[0].mentions.append((first, last))
            continue
        cands = [e for e in entities if e.first and same_stem(e.first, parts.first or "")]
        if cands:
            cands[0].mentions.append((first, last))
            continue
        family = _family_surname(doc, entities, first)
        if family and any(e.first and same_stem(e.first, parts.first or "") and e.last == family for e in entities):
            continue
        entities.append(PersonEntity(parts.first if family else None, family or parts.last, [], [(first, last)]))


def person_position(e: PersonEntity) -> tuple[str | None, str | None]:
    """The office (first stated) and the state (first stated) of a merged person."""
    pos = next((p for p, _ in e.positions if p), None)
    country = next((c for _, c in e.positions if c), None)
    return pos, country
