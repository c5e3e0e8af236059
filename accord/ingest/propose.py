"""Proposals: which measures, agreements and projects a news item is evidence for, and why.

Pure functions over a snapshot of the record (``Record``) and of the item
(``ItemFacts``); ``propose_load`` builds both. Three gates come before any score:

- **time**: an undated item proposes nothing (today is never assumed); an item dated
  before a roadmap was signed, a project started or an agreement's last step is
  history — it may propose a new register entry for a signed document, never
  progress or evidence;
- **parties**: evidence for a roadmap's measure, agreement or project needs an
  interaction between its parties (in an event, a document, or the item's own
  countries), a pair inside a multilateral item included;
- **subject**: the item must share words with the entry's own subject; kind and
  parties alone are not evidence.

Candidates that pass are scored with the named weights of ``propose_weights``; those
at or above their kind's threshold are proposed, and the item's notes say what was
held back and why.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from accord.domain.kinds import DocumentKind, DocumentStatus, EventKind, ProposalKind
from accord.ingest.propose_model import (
    AgreementView,
    Certainty,
    ItemFacts,
    MeasureView,
    Outcome,
    ProjectView,
    Proposal,
    Record,
    RoadmapView,
)
from accord.ingest.propose_weights import DOCUMENT_KINDS, GENERIC_STEMS, SECTOR_STEMS, WEIGHTS, Weights
from accord.news.model import Document, Extraction

SIGNED_STATUSES = ("signed", "in_force")
UNSIGNED_STATUSES = ("draft", "negotiating")


@dataclass(frozen=True, slots=True)
class Link:
    """Two states the item reports together, and how."""

    pair: frozenset[str]
    how: str
    exchange: bool  # an event or a document between them, not only both named


def propose(record: Record, item: ItemFacts, weights: Weights = WEIGHTS) -> Outcome:
    """The proposals worth a person's look (at or above their thresholds), with notes on the rest."""
    outcome = Outcome()
    if item.dating.day is None:
        outcome.note(
            "undated: no progress, evidence or register entry is proposed "
            "(the item gives no date, and today is not assumed)"
        )
        return outcome
    found = candidates(record, item, weights, outcome)
    shown = [p for p in found if p.score >= weights.shown.of(p.kind)]
    held = [p for p in found if p.score < weights.shown.of(p.kind)]
    outcome.proposals = _capped(shown, weights)
    for p in held[: weights.max_held]:
        outcome.note(f"held back at {p.score:.2f} (below {weights.shown.of(p.kind):.2f}): {p.reason}")
    if item.dating.certainty is Certainty.ESTIMATED and outcome.proposals:
        outcome.note(f"{item.dating.describe()}: check the date before accepting")
    return outcome


def candidates(
    record: Record, item: ItemFacts, weights: Weights = WEIGHTS, outcome: Outcome | None = None
) -> list[Proposal]:
    """Every scored candidate that passed the gates, best first (no threshold applied)."""
    outcome = outcome if outcome is not None else Outcome()
    if item.dating.day is None:
        return []
    links = interactions(item.extraction, record.org_countries, item.orgs)
    found = [
        *for_agreements(record, item, links, weights, outcome),
        *for_measures(record, item, links, weights, outcome),
        *for_projects(record, item, links, weights, outcome),
    ]
    _note_other_parties(record, links, outcome)
    found.sort(key=lambda p: -p.score)
    return found


def _capped(proposals: list[Proposal], weights: Weights) -> list[Proposal]:
    """The best few measures and projects per item; every agreement proposal (one per document)."""
    caps = {"measure": weights.max_measures, "project": weights.max_projects}
    taken: Counter[str] = Counter()
    out = []
    for p in proposals:
        key = p.target or "new"
        if key in caps and taken[key] >= caps[key]:
            continue
        taken[key] += 1
        out.append(p)
    return out


# --- the gates ----------------------------------------------------------------------------------


def interactions(
    extraction: Extraction, org_countries: dict[int, str], orgs: Iterable[int]
) -> list[Link]:
    """Pairs of states the item reports interacting: in events and documents first; the item's own
    countries only when no event or document names two states; bodies of two states named."""
    links: list[Link] = []
    for event in extraction.events:
        links += _pairs(event.countries, f"{event.type} event", True)
    for doc in extraction.documents:
        links += _pairs(doc.countries, f"{doc.type} ({doc.status})", True)
    if not links:
        links += _pairs(extraction.countries, "named together", False)
    named = {org_countries[o] for o in orgs if o in org_countries}
    links += _pairs(sorted(named), "bodies of both named", False)
    return links


def _pairs(countries: Iterable[str], how: str, exchange: bool) -> list[Link]:
    return [Link(frozenset(p), how, exchange) for p in combinations(sorted(set(countries)), 2)]


def _between(links: list[Link], parties: frozenset[str]) -> list[Link]:
    """The links inside a set of parties (a bilateral roadmap: the one pair; a multilateral one: any pair)."""
    return [link for link in links if link.pair <= parties]


def _bilateral(links: list[Link], parties: frozenset[str]) -> bool:
    """No state outside the parties takes part in what the item reports."""
    states = set().union(*(link.pair for link in links)) if links else set()
    return states <= parties


def _pair_label(parties: Iterable[str]) -> str:
    return "–".join(sorted(parties))


def _note_other_parties(record: Record, links: list[Link], outcome: Outcome) -> None:
    for roadmap in record.roadmaps:
        if roadmap.parties and not _between(links, roadmap.parties):
            others = sorted({_pair_label(link.pair) for link in links})
            about = f"about {', '.join(others)}" if others else "no interaction between states found"
            outcome.note(
                f"{about}: not between the parties of roadmap {roadmap.code} ({_pair_label(roadmap.parties)}), "
                "so nothing is proposed for its measures, agreements or projects"
            )


def _history_note(item: ItemFacts, what: str, start: date) -> str:
    return (
        f"history: {item.dating.describe()}, before {what} ({start}): "
        "no progress or evidence is proposed for it"
    )


# --- subject ------------------------------------------------------------------------------------


def idf(record: Record) -> dict[str, float]:
    """How rare each stem is among the record's entries: rare words say more about a subject."""
    cached = record.__dict__.get("_idf")
    if cached is None:
        entries = [m.stems for m in record.measures]
        entries += [a.stems for a in record.agreements] + [p.stems for p in record.projects]
        df: Counter[str] = Counter(s for entry in entries for s in entry)
        n = max(len(entries), 1)
        cached = {s: math.log(1 + n / count) for s, count in df.items()}
        record.__dict__["_idf"] = cached
    return cached


def _measure_df(record: Record) -> Counter[str]:
    cached = record.__dict__.get("_measure_df")
    if cached is None:
        cached = Counter(s for m in record.measures for s in m.stems - GENERIC_STEMS)
        record.__dict__["_measure_df"] = cached
    return cached


def topic(
    record: Record, entry: frozenset[str], text: frozenset[str], weights: Weights = WEIGHTS, thin: bool = True
) -> tuple[float, list[str]]:
    """The idf-weighted share of an entry's subject stems found in a text, and the stems shared.

    Words that only name a direction count for ``weights.sector_word`` of their rarity, and a
    subject of one or two words never reaches a full share (``weights.subject_prior``) unless ``thin``
    is false: an agreement's title is short, and its one subject word is what tells it apart."""
    subject = entry - GENERIC_STEMS
    if not subject:
        return 0.0, []
    rarity = idf(record)
    top = math.log(1 + max(len(record.measures) + len(record.agreements) + len(record.projects), 1))

    def weight(s: str) -> float:
        return rarity.get(s, top) * (weights.sector_word if s in SECTOR_STEMS else 1.0)

    total = sum(weight(s) for s in subject) + (weights.subject_prior if thin else 0.0)
    shared = sorted(subject & text)
    return sum(weight(s) for s in shared) / total, shared


# --- measures -----------------------------------------------------------------------------------


def for_measures(
    record: Record, item: ItemFacts, links: list[Link], weights: Weights, outcome: Outcome
) -> list[Proposal]:
    day = item.dating.day
    assert day is not None
    sectors = set(item.extraction.sectors)
    estimated = 1.0 if item.dating.certainty is Certainty.ESTIMATED else 0.0
    documents = {d.type for d in item.extraction.documents}
    df = _measure_df(record)
    out = []
    for m in record.measures:
        if m.status == "cancelled":
            continue
        share, shared = topic(record, m.stems, item.stems, weights)
        if not shared:
            continue
        between = _between(links, m.parties) if m.parties else links
        if m.parties and not between:
            continue
        if m.starts is not None and day < m.starts:
            outcome.note(_history_note(item, f"roadmap {m.roadmap} was signed", m.starts))
            continue
        lead_share, _ = topic(record, m.stems, item.lead_stems, weights)
        bodies = sorted(item.org_labels.get(o, str(o)) for o in m.orgs & item.orgs)
        features = {
            "topic": share,
            "lead_topic": lead_share,
            "rare": min(2, sum(1 for s in shared if df[s] <= 1)) / 2,
            "sector": 1.0 if m.sector in sectors else 0.0,
            "bodies": min(len(bodies), 2) / 2,
            "exchange": 1.0 if any(link.exchange for link in between) else 0.0,
            "bilateral": 1.0 if _bilateral(links, m.parties) else 0.0,
            "document": 1.0 if m.document in documents else 0.0,
            "no_document": 1.0 if m.document is not None and m.document not in documents else 0.0,
            "closed": 1.0 if m.status == "done" and m.due is not None and day > m.due else 0.0,
            "estimated": estimated,
        }
        score = weights.measure.score(features)
        parts = [f"shares «{', '.join(shared[:6])}» ({share:.2f} of its subject)"]
        if features["sector"]:
            parts.append(f"direction {m.sector}")
        if bodies:
            parts.append("names " + ", ".join(bodies[:3]))
        parts.append(_links_label(between))
        if m.document is not None:
            parts.append(f"{'reports' if features['document'] else 'reports no'} {m.document}")
        late = m.due is not None and day > m.due
        parts.append(item.dating.describe() + (f", after its deadline {m.due}" if late else ""))
        kind = ProposalKind.MEASURE_PROGRESS if m.status == "planned" else ProposalKind.MEASURE_EVIDENCE
        reason = f"measure {m.number} «{_short(m.title)}»: " + "; ".join(parts)
        proposal = Proposal(
            "measure", m.id, kind.value, round(score, 3), reason, {"status": m.status}, features
        )
        out.append((proposal, m, len(m.phrases & item.phrases) / max(len(m.phrases), 1)))
    return sorted(_without_twins(out), key=lambda p: -p.score)


def _without_twins(scored: list[tuple[Proposal, MeasureView, float]]) -> list[Proposal]:
    """Of measures with the same subject words («Дни культуры Беларуси в Кыргызстане» and «… Кыргызстана
    в Беларуси»), keep those whose word pairs the item repeats best."""
    best: dict[frozenset[str], float] = {}
    for _, m, phrase in scored:
        key = m.stems - GENERIC_STEMS
        best[key] = max(best.get(key, 0.0), phrase)
    return [p for p, m, phrase in scored if phrase >= best[m.stems - GENERIC_STEMS]]


def _links_label(links: list[Link]) -> str:
    best = next((link for link in links if link.exchange), links[0] if links else None)
    return f"{_pair_label(best.pair)} in {best.how}" if best else "no interaction named"


# --- agreements ---------------------------------------------------------------------------------


def for_agreements(
    record: Record, item: ItemFacts, links: list[Link], weights: Weights, outcome: Outcome
) -> list[Proposal]:
    """Per document the item reports: the register entry it is about, or a new entry if it was signed
    and nothing in the register is it."""
    out: dict[int | None, Proposal] = {}
    new: list[Proposal] = []
    for doc in item.extraction.documents:
        kinds = DOCUMENT_KINDS.get(doc.type, ())
        matches = [
            a
            for a in record.agreements
            if a.kind in kinds and _same_document(record, item, doc, a, links, weights)
        ]
        for a in matches:
            p = _agreement(record, item, doc, a, links, weights, outcome)
            if p is not None and (a.id not in out or p.score > out[a.id].score):
                out[a.id] = p
        if not matches and doc.status is DocumentStatus.SIGNED:
            made = _new_agreement(record, item, doc, links, weights)
            if made is not None:
                new.append(made)
    return [*out.values(), *new]


def _document_parties(doc: Document, links: list[Link]) -> frozenset[str]:
    return frozenset(doc.countries) or frozenset().union(*(link.pair for link in links))


def _same_document(
    record: Record,
    item: ItemFacts,
    doc: Document,
    a: AgreementView,
    links: list[Link],
    weights: Weights,
) -> bool:
    """Could the item's document be this register entry: its kind, between its parties, on its subject
    (or, for a document without a subject of its own, signed on the same days)?"""
    parties = frozenset(doc.countries)
    if parties and not parties <= a.parties:
        return False
    if not _between(links, a.parties):
        return False
    if topic(record, a.stems, item.stems, weights, thin=False)[0] >= weights.same_document:
        return True
    day = item.dating.day
    return (
        not (a.stems - GENERIC_STEMS)
        and a.signed_on is not None
        and day is not None
        and abs((day - a.signed_on).days) <= weights.near_signing_days
    )


def _agreement(
    record: Record,
    item: ItemFacts,
    doc: Document,
    a: AgreementView,
    links: list[Link],
    weights: Weights,
    outcome: Outcome,
) -> Proposal | None:
    day = item.dating.day
    assert day is not None
    share, shared = topic(record, a.stems, item.stems, weights, thin=False)
    lead_share, _ = topic(record, a.stems, item.lead_stems, weights, thin=False)
    fact: dict[str, Any] = {"document": doc.to_dict()}
    parts = [f"same kind ({a.kind})"]
    if shared:
        parts.append(f"shares «{', '.join(shared[:6])}»")
    near = 0.0
    step = 0.0
    kind = ProposalKind.AGREEMENT_EVIDENCE
    if a.status in SIGNED_STATUSES and a.signed_on is not None:
        days = (day - a.signed_on).days
        if days < -weights.near_signing_days:
            outcome.note(_history_note(item, f"agreement «{_short(a.title)}» was signed", a.signed_on))
            return None
        if days > weights.near_signing_days:
            if a.status != "in_force" or share < weights.same_document:
                return None  # a later mention of a signed agreement reports nothing new about it
            parts.append(f"in force since {a.signed_on}: {item.dating.describe()} reports it carried out")
        else:
            near = 1.0 - abs(days) / (weights.near_signing_days + 1)
            parts.append(f"{item.dating.describe()}, {abs(days)} days from its signing on {a.signed_on}")
    elif a.status in UNSIGNED_STATUSES:
        if a.last_step_on is not None and day < a.last_step_on:
            outcome.note(_history_note(item, f"agreement «{_short(a.title)}» was last moved", a.last_step_on))
            return None
        status = doc.status
        if status is DocumentStatus.SIGNED:
            kind, step = ProposalKind.AGREEMENT_SIGNED, 1.0
            fact.update(to="signed", on=day.isoformat())
            parts.append(f"reported signed, {item.dating.describe()}")
        elif status in (DocumentStatus.PLANNED, DocumentStatus.DISCUSSED) and a.status == "draft":
            kind, step = ProposalKind.AGREEMENT_NEGOTIATING, 1.0
            fact.update(to="negotiating", on=day.isoformat())
            parts.append(f"reported {status}, {item.dating.describe()}")
        else:
            parts.append(f"reported {status} while {a.status}, {item.dating.describe()}")
    else:
        return None
    doc_parties = frozenset(doc.countries)
    common = a.sectors & set(item.extraction.sectors)
    features = {
        "topic": share,
        "lead_topic": lead_share,
        "same_parties": 1.0 if doc_parties == a.parties else 0.0,
        "sector": 1.0 if common else 0.0,
        "near_signing": near,
        "step": step,
        "estimated": 1.0 if item.dating.certainty is Certainty.ESTIMATED else 0.0,
    }
    parts.append("parties " + _pair_label(doc_parties or a.parties))
    score = weights.agreement.score(features)
    reason = f"agreement «{_short(a.title)}»: " + "; ".join(parts)
    return Proposal("agreement", a.id, kind.value, round(score, 3), reason, fact, features)


def _new_agreement(
    record: Record, item: ItemFacts, doc: Document, links: list[Link], weights: Weights
) -> Proposal | None:
    """A signed document between a roadmap's parties that the register lacks (history included)."""
    day = item.dating.day
    assert day is not None
    doc_parties = frozenset(doc.countries)
    roadmap = _roadmap_of(record, doc_parties, links)
    if roadmap is None:
        return None
    pair = doc_parties if len(doc_parties) >= 2 and doc_parties <= roadmap.parties else roadmap.parties
    signing = any(
        e.type is EventKind.SIGNING and (not e.countries or pair <= set(e.countries))
        for e in item.extraction.events
    )
    if not signing:
        return None  # a signed document only mentioned, not a signing reported: nothing new to register
    features = {
        "document_pair": 1.0 if len(doc_parties) >= 2 and doc_parties <= roadmap.parties else 0.0,
        "known_date": 1.0 if item.dating.certainty is Certainty.KNOWN else 0.0,
        "commercial": 1.0 if doc.type is DocumentKind.CONTRACT else 0.0,
    }
    score = weights.new_agreement.score(features)
    history = roadmap.signed_on is not None and day < roadmap.signed_on
    label = doc.type
    reason = (
        f"signed {label} {_pair_label(pair)}, {item.dating.describe()}, is not in the register: "
        "propose a new entry" + (" (history: before the roadmap was signed)" if history else "")
    )
    fact = {
        "document": doc.to_dict(),
        "on": day.isoformat(),
        "title": item.title,
        "parties": sorted(pair),
        "sectors": sorted(item.extraction.sectors),
        "location": _location(item.extraction),
    }
    return Proposal(None, None, ProposalKind.NEW_AGREEMENT.value, round(score, 3), reason, fact, features)


def _roadmap_of(record: Record, doc_parties: frozenset[str], links: list[Link]) -> RoadmapView | None:
    """The roadmap whose parties the document is between (named by the document, or by the item's
    interactions when the document names fewer than two states and no other state takes part)."""
    for roadmap in record.roadmaps:
        if len(doc_parties) >= 2:
            if doc_parties <= roadmap.parties:
                return roadmap
        elif _between(links, roadmap.parties) and _bilateral(links, roadmap.parties):
            return roadmap
    return None


def _location(extraction: Extraction) -> str | None:
    return next((e.location for e in extraction.events if e.location), None)


# --- projects -----------------------------------------------------------------------------------


def for_projects(
    record: Record, item: ItemFacts, links: list[Link], weights: Weights, outcome: Outcome
) -> list[Proposal]:
    day = item.dating.day
    assert day is not None
    sectors = set(item.extraction.sectors)
    out = []
    for p in record.projects:
        companies = sorted(item.org_labels.get(o, str(o)) for o in p.companies & item.orgs)
        share, shared = topic(record, p.stems, item.stems, weights)
        if not companies and len(shared) < 2:
            continue
        between = _between(links, p.parties) if len(p.parties) >= 2 else links
        if len(p.parties) >= 2 and not between:
            continue
        if p.started_on is not None and day < p.started_on:
            outcome.note(_history_note(item, f"project «{_short(p.title)}» started", p.started_on))
            continue
        lead_share, _ = topic(record, p.stems, item.lead_stems, weights)
        region = bool(p.region and p.region <= item.stems)
        features = {
            "companies": _companies_share(record, p, item.orgs),
            "topic": share,
            "lead_topic": lead_share,
            "region": 1.0 if region else 0.0,
            "sector": 1.0 if p.sector in sectors else 0.0,
            "estimated": 1.0 if item.dating.certainty is Certainty.ESTIMATED else 0.0,
        }
        score = weights.project.score(features)
        parts = []
        if companies:
            parts.append("names " + ", ".join(companies))
        if shared:
            parts.append(f"shares «{', '.join(shared[:6])}»")
        if region:
            parts.append("its region")
        parts.append(item.dating.describe())
        reason = f"project «{_short(p.title)}»: " + "; ".join(parts)
        out.append(
            Proposal(
                "project", p.id, ProposalKind.PROJECT_EVIDENCE.value, round(score, 3), reason, {}, features
            )
        )
    out.sort(key=lambda p: -p.score)
    return out


def _companies_share(record: Record, project: ProjectView, named: frozenset[int]) -> float:
    """The share of a project's companies the item names, a company in several projects counting
    for a part: «МТЗ» alone does not tell the machinery supplies from the assembly plant."""
    if not project.companies:
        return 0.0
    projects_of: Counter[int] = Counter(c for p in record.projects for c in p.companies)
    found = sum(1.0 / projects_of[c] for c in project.companies & named)
    return found / len(project.companies)


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
