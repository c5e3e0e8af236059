"""English labels (translated by the catalogue) for the codes stored in the record."""

from __future__ import annotations

from accord.domain.sectors import SECTORS

LABELS: dict[str, dict[str, str]] = {
    "status": {"planned": "planned", "in_progress": "in progress", "done": "done", "cancelled": "cancelled",
               "overdue": "overdue"},
    "agreement_status": {"draft": "draft", "negotiating": "negotiating", "signed": "signed", "ratified": "ratified",
                         "in_force": "in force", "expired": "expired", "terminated": "terminated"},
    "agreement_kind": {"treaty": "treaty", "agreement": "agreement", "memorandum": "memorandum", "protocol": "protocol",
                       "program": "programme", "roadmap": "roadmap", "declaration": "declaration",
                       "contract": "contract"},
    "level": {"interstate": "interstate", "intergovernmental": "intergovernmental", "interagency": "interagency",
              "regional": "regional", "commercial": "commercial"},
    "stage": {"idea": "idea", "preparation": "preparation", "implementation": "implementation",
              "operating": "operating", "suspended": "suspended", "closed": "closed"},
    "evidence": {"proposed": "proposed", "accepted": "accepted", "rejected": "rejected"},
    "role": {"admin": "administrator", "coordinator": "coordinator", "editor": "editor", "viewer": "viewer"},
    "flow": {"export": "export", "import": "import"},
    "kind": {"measure": "measure", "agreement": "agreement", "project": "project", "person": "person",
             "organization": "organisation", "event": "event", "news": "news item"},
    "field": {"note": "Current note", "status": "Status", "progress_note": "Progress note", "due_on": "Deadline",
              "due_kind": "kind of deadline", "title": "Title", "expected_result": "Expected result",
              "description": "Description", "responsible": "Responsible", "create": "created", "update": "changed",
              "delete": "deleted", "add": "added", "remove": "removed", "indicator": "Indicator"},
    "fact": {"types": "Kind of event", "documents": "Documents", "sectors": "Sectors", "figures": "Figures",
             "quotes": "Quotes", "places": "Places", "organizations": "Organisations", "people": "People"},
    "event_type": {"official_visit": "official visit", "visit": "visit", "talks": "talks", "signing": "signing",
                   "meeting": "meeting", "session": "session", "forum": "forum", "call": "call"},
    "target": {"met": "met", "on track": "on track", "at risk": "at risk", "missed": "missed", "no data": "no data"},
}


def label(translate, lang: str, group: str, key: object) -> str:  # noqa: ANN001
    """The reader's word for a stored code; sectors carry their own Russian and English titles."""
    if key is None:
        return "—"
    if group == "sector" and str(key) in SECTORS:
        ru, en = SECTORS[str(key)]
        return ru if lang == "ru" else en
    return translate(LABELS.get(group, {}).get(str(key), str(key)))
