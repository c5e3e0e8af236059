"""Closed vocabularies of the record: kinds of organisations, agreements, projects, roles, events,
documents and proposals. Their Russian and English words are in ``accord.domain.labels``."""

from __future__ import annotations

from enum import StrEnum


class OrgKind(StrEnum):
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    AGENCY = "agency"
    COMPANY = "company"
    REGION = "region"
    INTERNATIONAL = "international"
    OTHER = "other"


class AgreementKind(StrEnum):
    TREATY = "treaty"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    PROTOCOL = "protocol"
    PROGRAM = "program"
    ROADMAP = "roadmap"
    DECLARATION = "declaration"
    CONTRACT = "contract"


class AgreementLevel(StrEnum):
    INTERSTATE = "interstate"
    INTERGOVERNMENTAL = "intergovernmental"
    INTERAGENCY = "interagency"
    REGIONAL = "regional"
    COMMERCIAL = "commercial"


class ProjectStage(StrEnum):
    IDEA = "idea"
    PREPARATION = "preparation"
    IMPLEMENTATION = "implementation"
    OPERATING = "operating"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class BodyKind(StrEnum):
    COMMISSION = "commission"
    WORKING_GROUP = "working_group"
    COUNCIL = "council"


class EvidenceState(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ItemStatus(StrEnum):
    """How far a news item was read: in full, or held back by the relevance gate."""

    READ = "read"
    SKIPPED = "skipped"


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    EDITOR = "editor"
    VIEWER = "viewer"


class Flow(StrEnum):
    EXPORT = "export"
    IMPORT = "import"


class EventKind(StrEnum):
    """What an item reports as held, under way or scheduled (the extraction contract's event types)."""

    OFFICIAL_VISIT = "official_visit"
    TALKS = "talks"
    PHONE_CALL = "phone_call"
    SIGNING = "signing"
    COMMISSION_SESSION = "commission_session"
    FORUM = "forum"
    OTHER_EVENT = "other_event"


class DocumentKind(StrEnum):
    """A document an item reports (the extraction contract's document types)."""

    ROADMAP = "roadmap"
    MEMORANDUM = "memorandum"
    AGREEMENT = "agreement"
    PROTOCOL = "protocol"
    PROGRAM = "program"
    DECLARATION = "declaration"
    CONTRACT = "contract"


class DocumentStatus(StrEnum):
    SIGNED = "signed"
    PLANNED = "planned"
    DISCUSSED = "discussed"


class FigureKind(StrEnum):
    """What a number an item states is about (the extraction contract's figure kinds)."""

    TRADE_TURNOVER = "trade_turnover"
    EXPORT = "export"
    IMPORT = "import"
    GROWTH_PCT = "growth_pct"
    TARGET = "target"
    INVESTMENT = "investment"
    LOAN = "loan"
    AGREEMENTS_COUNT = "agreements_count"
    OTHER = "other"


class ProposalKind(StrEnum):
    """What accepting a proposal does; kinds that add a register entry are named ``new_…``."""

    MEASURE_PROGRESS = "measure_progress"  # a planned measure has started: move it to in progress
    MEASURE_EVIDENCE = "measure_evidence"  # a measure under way or done: keep the item as its evidence
    AGREEMENT_EVIDENCE = "agreement_evidence"
    AGREEMENT_SIGNED = "agreement_signed"
    AGREEMENT_NEGOTIATING = "agreement_negotiating"
    PROJECT_EVIDENCE = "project_evidence"
    NEW_AGREEMENT = "new_agreement"  # a signed document the register lacks


class RecordKind(StrEnum):
    """The kinds of record search finds and links to."""

    MEASURE = "measure"
    AGREEMENT = "agreement"
    PROJECT = "project"
    PERSON = "person"
    ORGANIZATION = "organization"
    EVENT = "event"
    NEWS = "news"


class TargetStatus(StrEnum):
    """Where a trade target stands on one reporter's figures."""

    MET = "met"
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    MISSED = "missed"
    NO_DATA = "no data"
