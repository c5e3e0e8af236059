"""Resolving the people and organisations a news item names to rows of the directory.

The indexes are plain data built once per run (ids and name forms, no ORM objects),
so matching is a pure function of the directory and the name; the caller turns the
answer into rows. A person is created only when nothing matches well.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.ingest.lemmas import STATE_FORMS, STOP, country_code, lemma, lemmas
from accord.ingest.text import words
from accord.news.names import SURNAME_ENDINGS
from accord.store.models import Organization, Person

#: a case ending of a surname and what the nominative has instead (Касымалиевым → Касымалиев), from
#: the news reader's table of Russian surname declension, longest first
SURNAME_CASES = tuple(
    sorted({pair for pairs in SURNAME_ENDINGS.values() for pair in pairs}, key=lambda p: (-len(p[0]), p))
)
#: letters a surname keeps before its ending is replaced (so «Ким» is never read as «Ки» + «м»)
SURNAME_STEM_MIN = 4
#: how alike two surnames must be (OSA similarity) to be one person: one slip in six letters
SURNAME_MIN = 0.8


def _key(word: str) -> str:
    return word.lower().replace("ё", "е").strip(".")


def surname_forms(surname: str) -> set[str]:
    """The surname and the nominatives it may be a case form of (male and female forms meet here)."""
    key = _key(surname)
    forms = {key}
    for ending, nominative in SURNAME_CASES:
        if key.endswith(ending) and len(key) - len(ending) >= SURNAME_STEM_MIN:
            forms.add(key[: -len(ending)] + nominative)
    return forms


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name as a news item gives it."""

    first: str | None
    last: str

    @classmethod
    def parse(cls, text: str) -> Name:
        parts = [p for p in text.replace(".", ". ").split() if p]
        if len(parts) == 1:
            return cls(None, parts[0])
        return cls(parts[0].rstrip("."), parts[-1])

    def first_agrees(self, other: str | None) -> bool | None:
        """True if first names agree (an initial agrees with a full name), False if they clash, None if unknown."""
        if not self.first or not other:
            return None
        a, b = _key(self.first), _key(other)
        if len(a) == 1 or len(b) == 1:
            return a[0] == b[0]
        return a == b or OSA.normalized_similarity(a, b) >= 0.85


@dataclass(slots=True)
class KnownPerson:
    id: int
    first: str | None
    surnames: set[str]
    country: str | None


@dataclass(frozen=True, slots=True)
class PersonMatch:
    person_id: int
    score: float
    how: str


@dataclass
class PersonIndex:
    """Every person of the directory by surname form."""

    people: list[KnownPerson] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session) -> PersonIndex:
        index = cls()
        for person in session.scalars(select(Person).options(selectinload(Person.aliases))):
            index.add(person)
        return index

    def add(self, person: Person) -> None:
        surnames = surname_forms(person.last_name)
        for alias in person.aliases:
            alias_words = alias.alias.split()
            if alias_words:
                surnames |= surname_forms(alias_words[-1])
        self.people.append(KnownPerson(person.id, person.first_name, surnames, person.country_code))

    def match(self, name: str, country: str | None) -> PersonMatch | None:
        """The best person for a name, or None if nobody matches well.

        Surname forms are compared with optimal string alignment (a swapped pair of
        letters is one slip: Тручин/Турчин); a clash of first names or of countries rules
        a candidate out; among equals, agreeing first name and country win.
        """
        wanted = Name.parse(name)
        forms = surname_forms(wanted.last)
        best: PersonMatch | None = None
        for known in self.people:
            similarity = max(_similarity(a, b) for a in forms for b in known.surnames)
            if similarity < SURNAME_MIN:
                continue
            agrees = wanted.first_agrees(known.first)
            if agrees is False:
                continue
            if country and known.country and country != known.country:
                continue
            score = (
                similarity
                + (0.1 if agrees else 0.0)
                + (0.05 if country and known.country == country else 0.0)
            )
            how = "exact" if similarity == 1.0 else f"spelling {similarity:.2f}"
            if best is None or score > best.score:
                best = PersonMatch(known.id, round(score, 3), how)
        return best


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if min(len(a), len(b)) < 5:
        return 0.0
    return OSA.normalized_similarity(a, b)


@dataclass(slots=True)
class OrgPhrase:
    org_id: int
    country: str | None
    lemmas: tuple[str, ...]
    needs_country: bool


@dataclass
class OrgIndex:
    """Organisation names as lemma sequences, keyed by their first lemma, for a scan over a text."""

    by_first: dict[str, list[OrgPhrase]] = field(default_factory=lambda: defaultdict(list))
    brands: dict[str, int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> OrgIndex:
        index = cls()
        for org in session.scalars(select(Organization).options(selectinload(Organization.aliases))):
            index.add(org)
        return index

    def add(self, org: Organization) -> None:
        self.labels[org.id] = org.label
        names = {org.name, *(a.alias for a in org.aliases)}
        if org.short_name:
            names.add(org.short_name)
        for name in names:
            seq = tuple(lemmas(name))
            self._phrase(org, seq, needs_country=False)
            bare = without_state(seq)
            if bare != seq:
                self._phrase(org, bare, needs_country=True)
        if org.kind == "company" and org.short_name and len(org.short_name) >= 5:
            self.brands[_key(org.short_name)] = org.id

    def _phrase(self, org: Organization, seq: tuple[str, ...], needs_country: bool) -> None:
        if seq:
            self.by_first[seq[0]].append(OrgPhrase(org.id, org.country_code, seq, needs_country))

    def find(self, text: str, countries: list[str] | None = None) -> list[int]:
        """Ids of organisations named in a text, in order of first mention.

        A name given without its country ("Министерство здравоохранения") counts only when
        the next words name the country, or when one of the item's countries has it alone.
        """
        seq = lemmas(text)
        found: list[int] = []
        for i, first in enumerate(seq):
            for phrase in self.by_first.get(first, ()):
                end = i + len(phrase.lemmas)
                if tuple(seq[i:end]) != phrase.lemmas:
                    continue
                if phrase.needs_country and not self._country_fits(phrase, seq[end : end + 2], countries):
                    continue
                if phrase.org_id not in found:
                    found.append(phrase.org_id)
        for word in set(words(text)):
            if len(word) < 5:
                continue
            for brand, org_id in self.brands.items():
                if org_id not in found and abs(len(brand) - len(word)) <= 2 and _brand_like(word, brand):
                    found.append(org_id)
        return found

    def _country_fits(self, phrase: OrgPhrase, after: list[str], countries: list[str] | None) -> bool:
        named = {code for code in map(country_code, after) if code}
        if named:
            return phrase.country in named
        rivals = [p for p in self.by_first[phrase.lemmas[0]] if p.lemmas == phrase.lemmas and p.needs_country]
        in_item = [p for p in rivals if countries and p.country in countries]
        return len(in_item) == 1 and in_item[0].org_id == phrase.org_id


def _names_state(lemma_: str) -> bool:
    return lemma_ in STATE_FORMS or country_code(lemma_) is not None


def without_state(seq: tuple[str, ...]) -> tuple[str, ...]:
    """An organisation's name without the state it ends with, as running text gives it
    («министерство здравоохранения республики узбекистан» → «министерство здравоохранения»);
    the name unchanged if it does not end with a state."""
    end = len(seq)
    while end > 1 and _names_state(seq[end - 1]):
        end -= 1
    if end == len(seq) or not any(country_code(w) for w in seq[end:]) or seq[end - 1] in STOP:
        return seq  # «посольство беларуси в казахстане» is not the embassy of every state
    return seq[:end]


def _brand_like(word: str, brand: str) -> bool:
    """A company brand with a case ending or one typo (Гомсельмаша, Гомсельмашь)."""
    if word.startswith(brand):
        return len(word) - len(brand) <= 2
    return OSA.normalized_similarity(word, brand) >= 0.88


def same_office(a: str, b: str) -> bool:
    """Two titles of one office, one shorter than the other (премьер-министр / Премьер-министр Республики Беларусь)."""
    la = {w for w in (lemma(x) for x in words(a)) if not _names_state(w)}
    lb = {w for w in (lemma(x) for x in words(b)) if not _names_state(w)}
    return bool(la) and bool(lb) and (la <= lb or lb <= la)


def office_body(title: str) -> str:
    """The body an office belongs to, as running text names it: a minister of X heads the ministry of X."""
    words_ = title.split()
    for i, word in enumerate(words_):
        if word.lower() == "министр":
            return " ".join(["министерство", *words_[i + 1 :]])
    return title
