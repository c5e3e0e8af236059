"""Plain data the proposals are made from and made of: the record's snapshot, an item's facts, a proposal.

Nothing here touches the database; ``propose_load`` fills a ``Record`` from it and
``propose`` scores an ``ItemFacts`` against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from accord.news.model import Extraction


class DateBasis(StrEnum):
    """Where an item's date came from (the news reader's ``extra.date_basis``, or the feed)."""

    METADATA = "metadata"  # the page's own metadata: article:published_time, JSON-LD datePublished
    HEADER = "header"  # a crawler's ``date YYYY-MM-DD`` first line
    BYLINE = "byline"  # ``Опубликовано: 03.02.2026``, ``• 10 декабря 2021 в 09:40``
    DATELINE = "dateline"  # ``Бишкек, 20 апреля 2026 года.``
    FEED = "feed"  # the feed entry's published date
    SENTENCE = "sentence"  # estimated: a dated sentence about the reported event
    UNSTATED = "unstated"  # a date from a reader that did not say where it found it: estimated


class Certainty(StrEnum):
    KNOWN = "known"
    ESTIMATED = "estimated"
    UNKNOWN = "unknown"


#: a crawler's first line: ``date 2026-11-03 …``
HEADER = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\b")
KNOWN_BASES = frozenset(
    {DateBasis.METADATA, DateBasis.HEADER, DateBasis.BYLINE, DateBasis.DATELINE, DateBasis.FEED}
)
BASIS_WORDS = {
    DateBasis.METADATA: "the page's metadata",
    DateBasis.HEADER: "the header line",
    DateBasis.BYLINE: "the byline",
    DateBasis.DATELINE: "the dateline",
    DateBasis.FEED: "the feed entry",
    DateBasis.SENTENCE: "a dated sentence in the text",
    DateBasis.UNSTATED: "the reader, which did not say where it found it",
}


@dataclass(frozen=True, slots=True)
class Dating:
    """An item's date: known, estimated (and from what), or unknown. Unknown is never today."""

    day: date | None
    basis: DateBasis | None

    @property
    def certainty(self) -> Certainty:
        if self.day is None:
            return Certainty.UNKNOWN
        return Certainty.KNOWN if self.basis in KNOWN_BASES else Certainty.ESTIMATED

    def describe(self) -> str:
        if self.day is None:
            return "undated"
        how = BASIS_WORDS.get(self.basis, "the reader") if self.basis else "the reader"
        verb = "dated" if self.certainty is Certainty.KNOWN else "date estimated"
        return f"{verb} {self.day} (from {how})"


def dating_of(extraction: Extraction, published: date | None = None, text: str = "") -> Dating:
    """The item's date and its basis; a feed's published date is known and beats an estimate.

    A reader that gives no basis is trusted only for a date its text's header line states."""
    day = _iso(extraction.date)
    basis: DateBasis | None = None
    if day is not None:
        raw = extraction.date_basis
        try:
            basis = DateBasis(raw) if raw else DateBasis.UNSTATED
        except ValueError:
            basis = DateBasis.UNSTATED
        header = HEADER.match(text)
        if basis is DateBasis.UNSTATED and header and header.group(1) == day.isoformat():
            basis = DateBasis.HEADER
    dating = Dating(day, basis)
    if published is not None and dating.certainty is not Certainty.KNOWN:
        return Dating(published, DateBasis.FEED)
    return dating


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class RoadmapView:
    id: int
    code: str
    parties: frozenset[str]
    signed_on: date | None


@dataclass(frozen=True, slots=True)
class MeasureView:
    id: int
    number: str
    title: str
    sector: str
    stems: frozenset[str]
    orgs: frozenset[int]
    starts: date | None
    due: date | None
    status: str
    parties: frozenset[str] = frozenset()
    roadmap: str = ""
    #: the kind of document the measure is about («Подписать меморандум…»), if its title names one
    document: str | None = None
    phrases: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class AgreementView:
    id: int
    title: str
    kind: str
    parties: frozenset[str]
    sectors: frozenset[str]
    signed_on: date | None
    status: str
    stems: frozenset[str] = frozenset()
    last_step_on: date | None = None


@dataclass(frozen=True, slots=True)
class ProjectView:
    id: int
    title: str
    stems: frozenset[str]
    companies: frozenset[int]
    parties: frozenset[str] = frozenset()
    sector: str | None = None
    region: frozenset[str] = frozenset()
    started_on: date | None = None


@dataclass
class Record:
    """What proposals are matched against, read once per run."""

    roadmaps: list[RoadmapView] = field(default_factory=list)
    measures: list[MeasureView] = field(default_factory=list)
    agreements: list[AgreementView] = field(default_factory=list)
    projects: list[ProjectView] = field(default_factory=list)
    #: organisation id → its country, so bodies named from both sides count as an interaction
    org_countries: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """What of an item the proposals look at."""

    dating: Dating
    title: str
    extraction: Extraction
    #: word stems of the whole text, and of the headline and first paragraph (what the item is about)
    stems: frozenset[str]
    lead_stems: frozenset[str]
    orgs: frozenset[int]
    org_labels: dict[int, str]
    phrases: frozenset[tuple[str, str]] = frozenset()

    @property
    def day(self) -> date | None:
        return self.dating.day


@dataclass(frozen=True, slots=True)
class Proposal:
    target: str | None  # "measure", "agreement", "project", or None for a new register entry
    target_id: int | None
    kind: str
    score: float
    reason: str
    fact: dict[str, Any]
    #: the features the score was computed from (for the benchmark and for anyone asking why)
    features: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass
class Outcome:
    """The proposals an item makes, and why it made no others (kept with the item)."""

    proposals: list[Proposal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)
