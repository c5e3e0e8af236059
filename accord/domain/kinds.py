"""Closed vocabularies of the record: kinds of organisations, agreements, projects, roles."""

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


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    EDITOR = "editor"
    VIEWER = "viewer"


class Flow(StrEnum):
    EXPORT = "export"
    IMPORT = "import"
