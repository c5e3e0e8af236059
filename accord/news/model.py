"""Typed objects of the news reader: the working document the stages fill in, and the output.

The output classes mirror ``spec/extraction.md``; ``Extraction.to_dict`` produces the
contract's keys in the contract's order, anything else goes under ``"extra"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from accord.domain.kinds import DocumentKind, DocumentStatus, EventKind, FigureKind

K = TypeVar("K", bound=StrEnum)
ANALYSE = "\x00analyse"  # TokenMorphology.rule_lemma's answer for a form that needs full analysis


class TokenMorphology(Protocol):
    """What a token asks of the reader's morphology (``wordforms.WordForms``)."""

    def analyse(self, word: str) -> tuple[str, frozenset[str]]: ...

    def rule_lemma(self, lower: str) -> str | None: ...


class Token:
    """One word or punctuation mark; its lemma (lower case) and grammatical tags are found lazily.

    Morphological analysis is the costly part of reading.  Rules only compare lemmas with the
    words they mention, so a word form of one of those words gets its lemma from a table
    (``forms.rule_lemma``), any other word keeps its lower-case form as lemma, and the full
    analysis runs only when a stage asks for a word's tags or the table is ambiguous.
    ``forms`` is the morphology of the reader that made the token (passed in by the segmenter,
    never set on the class); a token without one is its own lower-case lemma and has no tags.
    """

    __slots__ = ("text", "start", "stop", "_lemma", "_tags", "forms")

    def __init__(
        self,
        text: str,
        start: int,
        stop: int,
        lemma: str | None = None,
        tags: frozenset[str] | None = None,
        forms: TokenMorphology | None = None,
    ) -> None:
        self.text = text
        self.start = start
        self.stop = stop
        self._lemma = lemma or None
        self._tags = tags
        self.forms = forms

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.stop})"

    def _analyse(self) -> None:
        if self.forms is not None and any(ch.isalpha() for ch in self.text):
            lemma, self._tags = self.forms.analyse(self.text)
        else:
            lemma, self._tags = self.lower, frozenset()
        if self._lemma is None:
            self._lemma = lemma

    @property
    def lemma(self) -> str:
        if self._lemma is None:
            low = self.lower
            if self.forms is None or not any(ch.isalpha() for ch in low):
                known = None
            else:
                known = self.forms.rule_lemma(low)
            if known == ANALYSE:
                self._analyse()
            else:
                self._lemma = known or low
        return self._lemma or ""

    @property
    def tags(self) -> frozenset[str]:
        if self._tags is None:
            self._analyse()
        return self._tags or frozenset()

    @property
    def lower(self) -> str:
        return self.text.lower().replace("ё", "е")

    @property
    def is_word(self) -> bool:
        return any(ch.isalnum() for ch in self.text)


@dataclass(slots=True)
class Sentence:
    """A sentence: its character span and the indices of its tokens in ``NewsDoc.tokens``."""

    start: int
    stop: int
    first: int
    last: int  # exclusive
    paragraph: int = 0


@dataclass(slots=True)
class Mention:
    """A named-entity span (PER, LOC, ORG) found by the tagger, as token indices."""

    type: str
    start: int
    stop: int
    first: int
    last: int  # exclusive
    text: str


@dataclass(slots=True)
class CountryMention:
    """A reference to a state: its name, adjective, demonym or capital, at some tokens."""

    code: str
    first: int
    last: int
    kind: str  # "name", "adj", "capital", "demonym", "place", "destination", "loc", "topic", "currency", "origin"
    sentence: int


@dataclass(slots=True)
class Person:
    name: str
    position: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "position": self.position, "country": self.country}

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Person:
        return cls(obj["name"], obj.get("position"), obj.get("country"))


@dataclass(slots=True)
class Event:
    type: EventKind
    countries: list[str]
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"type": str(self.type), "countries": list(self.countries), "location": self.location}

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Event:
        return cls(_kind(EventKind, obj, "type"), list(obj.get("countries") or []), obj.get("location"))


@dataclass(slots=True)
class Document:
    type: DocumentKind
    countries: list[str]
    until: int | None
    status: DocumentStatus

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": str(self.type),
            "countries": list(self.countries),
            "until": self.until,
            "status": str(self.status),
        }

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Document:
        return cls(_kind(DocumentKind, obj, "type"), list(obj.get("countries") or []), obj.get("until"),
                   _kind(DocumentStatus, obj, "status"))


@dataclass(slots=True)
class Figure:
    kind: FigureKind
    value: float
    unit: str
    period: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": str(self.kind), "value": self.value, "unit": self.unit, "period": self.period}

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Figure:
        return cls(_kind(FigureKind, obj, "kind"), obj["value"], obj["unit"], obj.get("period"))


@dataclass(slots=True)
class Quote:
    speaker: str
    start: str

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "start": self.start}

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Quote:
        return cls(obj["speaker"], obj["start"])


@dataclass(slots=True)
class Extraction:
    """What one news item says about interstate cooperation (the contract's object)."""

    source: str | None
    date: str | None = None
    title: str | None = None
    date_basis: str | None = None  # metadata, header, byline, dateline, sentence (estimated); None if undated
    countries: list[str] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "date": self.date,
            "title": self.title,
            "countries": list(self.countries),
            "persons": [p.to_dict() for p in self.persons],
            "events": [e.to_dict() for e in self.events],
            "documents": [d.to_dict() for d in self.documents],
            "sectors": list(self.sectors),
            "figures": [f.to_dict() for f in self.figures],
            "quotes": [q.to_dict() for q in self.quotes],
        }
        out["extra"] = {"date_basis": self.date_basis if self.date else None, **self.extra}
        return out

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Extraction:
        """The typed object again from ``to_dict``'s output (a stored extraction); keys left out
        are empty. An unknown event, document or figure kind raises ``ValueError`` naming it."""
        extra = dict(obj.get("extra") or {})
        date_basis = extra.pop("date_basis", None)
        return cls(
            source=obj.get("source"),
            date=obj.get("date"),
            title=obj.get("title"),
            date_basis=date_basis,
            countries=list(obj.get("countries") or []),
            persons=[Person.from_dict(p) for p in obj.get("persons") or []],
            events=[Event.from_dict(e) for e in obj.get("events") or []],
            documents=[Document.from_dict(d) for d in obj.get("documents") or []],
            sectors=list(obj.get("sectors") or []),
            figures=[Figure.from_dict(f) for f in obj.get("figures") or []],
            quotes=[Quote.from_dict(q) for q in obj.get("quotes") or []],
            extra=extra,
        )


def _kind(enum: type[K], obj: dict[str, Any], key: str) -> K:
    """``obj[key]`` as a member of ``enum``; a clear error for a value the contract does not have."""
    try:
        return enum(obj[key])
    except ValueError:
        raise ValueError(f"extraction: {key} {obj[key]!r} is not one of {', '.join(enum)}") from None


@dataclass
class PersonEntity:
    """A person merged over its mentions; ``mentions`` are token index ranges."""

    first: str | None
    last: str
    middle: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    positions: list[tuple[str, str | None]] = field(default_factory=list)

    @property
    def name(self) -> str:
        parts = [self.first, *self.middle, self.last] if self.first else [self.last]
        return " ".join(p for p in parts if p)


@dataclass
class NewsDoc:
    """The working document: raw text plus everything the stages have found so far."""

    text: str
    source: str | None = None
    date: str | None = None
    title: str | None = None
    date_basis: str | None = None
    body_start: int = 0
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country_mentions: list[CountryMention] = field(default_factory=list)
    country_tokens: dict[int, tuple[str, str]] = field(default_factory=dict)  # token → (code, kind)
    countries: list[str] = field(default_factory=list)
    persons: list[PersonEntity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def sentence_tokens(self, index: int) -> list[Token]:
        s = self.sentences[index]
        return self.tokens[s.first : s.last]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.stop]

    def sentence_of_token(self, token_index: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if token_index < s.first:
                hi = mid - 1
            elif token_index >= s.last:
                lo = mid + 1
            else:
                return mid
        return max(0, min(len(self.sentences) - 1, lo))
