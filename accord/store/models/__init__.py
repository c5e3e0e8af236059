"""The ORM model of the record; importing this package registers every table."""

from accord.store.models.accounts import ApiToken, AuditEntry, User, WebSession
from accord.store.models.agreements import Agreement, AgreementParty, AgreementSector, AgreementTransition
from accord.store.models.commission import Body, BodyMember, Decision, DecisionBody, Session
from accord.store.models.directory import (
    Country,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Position,
)
from accord.store.models.news import Event, EventCountry, EventParticipant, Evidence, SourceItem
from accord.store.models.projects import Milestone, Project, ProjectCompany
from accord.store.models.queue import IngestBatch, IngestTask
from accord.store.models.reminders import ReminderSent
from accord.store.models.roadmap import (
    Assignment,
    Direction,
    Indicator,
    Measure,
    Measurement,
    ProgressNote,
    Roadmap,
    RoadmapParty,
)
from accord.store.models.search import SearchEntry
from accord.store.models.sources import FetchedPage, FetchFailure, NewsSource, SourceItemRevision
from accord.store.models.trade import ExchangeRate, TradeFlow, TradeTarget

__all__ = [
    "Agreement",
    "AgreementParty",
    "AgreementSector",
    "AgreementTransition",
    "ApiToken",
    "WebSession",
    "Assignment",
    "AuditEntry",
    "Body",
    "BodyMember",
    "Country",
    "Decision",
    "DecisionBody",
    "Direction",
    "Event",
    "EventCountry",
    "EventParticipant",
    "Evidence",
    "ExchangeRate",
    "FetchFailure",
    "FetchedPage",
    "Indicator",
    "IngestBatch",
    "IngestTask",
    "Measure",
    "Measurement",
    "Milestone",
    "NewsSource",
    "Organization",
    "OrganizationAlias",
    "Person",
    "PersonAlias",
    "Position",
    "ProgressNote",
    "Project",
    "ProjectCompany",
    "ReminderSent",
    "Roadmap",
    "RoadmapParty",
    "SearchEntry",
    "Session",
    "SourceItem",
    "SourceItemRevision",
    "TradeFlow",
    "TradeTarget",
    "User",
]
