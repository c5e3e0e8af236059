"""The reader's word for a stored code: the record's vocabularies from ``accord.domain.labels``,
interface words (field names, derived states) through the translation catalogue."""

from __future__ import annotations

from enum import StrEnum

from accord.domain import labels as vocabulary
from accord.domain.due import DueKind
from accord.domain.kinds import (
    AgreementKind,
    AgreementLevel,
    BodyKind,
    DocumentKind,
    DocumentStatus,
    EventKind,
    EvidenceState,
    FigureKind,
    Flow,
    ItemStatus,
    OrgKind,
    ProjectStage,
    ProposalKind,
    RecordKind,
    Role,
    TargetStatus,
)
from accord.domain.sectors import SECTORS
from accord.domain.status import AgreementStatus, MeasureStatus

#: the name a template uses for each vocabulary
GROUPS: dict[str, type[StrEnum]] = {
    "status": MeasureStatus,
    "agreement_status": AgreementStatus,
    "agreement_kind": AgreementKind,
    "document_kind": DocumentKind,
    "document_status": DocumentStatus,
    "level": AgreementLevel,
    "stage": ProjectStage,
    "org_kind": OrgKind,
    "body_kind": BodyKind,
    "evidence": EvidenceState,
    "item_status": ItemStatus,
    "role": Role,
    "flow": Flow,
    "event_type": EventKind,
    "figure_kind": FigureKind,
    "proposal": ProposalKind,
    "kind": RecordKind,
    "target": TargetStatus,
    "due_kind": DueKind,
}

#: interface words that are not codes of a vocabulary: English msgids the catalogue translates
LABELS: dict[str, dict[str, str]] = {
    "status": {"overdue": "overdue"},
    "field": {"note": "Current note", "status": "Status", "progress_note": "Progress note", "due_on": "Deadline",
              "due_kind": "kind of deadline", "title": "Title", "expected_result": "Expected result",
              "description": "Description", "responsible": "Responsible", "create": "created", "update": "changed",
              "delete": "deleted", "add": "added", "remove": "removed", "indicator": "Indicator",
              "archive": "archived", "restore": "restored to the lists", "archived_at": "Archived",
              "archived_by": "Archived by", "lifecycle": "Lifecycle", "milestone": "Milestone", "stage": "Stage",
              "source": "Source", "sector": "Sector", "party": "Party", "region": "Region", "kind": "Kind",
              "level": "Level", "valid_until": "Valid until", "value": "Value", "currency": "Currency",
              "started_on": "Started", "country_code": "Country", "signed_on": "Signed", "in_force_from": "In force from",
              "signed_at": "Place of signing", "title_en": "Title in English", "milestone.title": "Milestone",
              "milestone.due_on": "Due", "milestone.done_on": "Done"},
    "fact": {"types": "Kind of event", "documents": "Documents", "sectors": "Sectors", "figures": "Figures",
             "quotes": "Quotes", "places": "Places", "organizations": "Organisations", "people": "People"},
}


def label(translate, lang: str, group: str, key: object) -> str:  # noqa: ANN001
    """The reader's word for a stored code; sectors carry their own Russian and English titles."""
    if key is None:
        return "—"
    code = key.value if isinstance(key, StrEnum) else str(key)
    if group == "sector" and code in SECTORS:
        ru, en = SECTORS[code]
        return ru if lang == "ru" else en
    words = LABELS.get(group, {})
    if code in words:
        return translate(words[code])
    if group in GROUPS:
        return vocabulary.word(GROUPS[group], code, lang)
    return code
