"""The Russian and English word for every code of the record's closed vocabularies, in one table.

Pages, reports, exports and the command line all print a stored code through
``label``; a vocabulary added to ``accord.domain`` without its words here fails a
test rather than showing a raw code to a reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

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
from accord.domain.status import AgreementStatus, MeasureStatus

LANGS = ("ru", "en")

_DOCUMENT_WORDS: dict[str, tuple[str, str]] = {
    "treaty": ("договор", "treaty"),
    "agreement": ("соглашение", "agreement"),
    "memorandum": ("меморандум", "memorandum"),
    "protocol": ("протокол", "protocol"),
    "program": ("программа", "programme"),
    "roadmap": ("дорожная карта", "roadmap"),
    "declaration": ("декларация", "declaration"),
    "contract": ("контракт", "contract"),
}

#: vocabulary → code → (Russian, English)
LABELS: Mapping[type[StrEnum], Mapping[str, tuple[str, str]]] = {
    MeasureStatus: {
        "planned": ("запланировано", "planned"),
        "in_progress": ("в работе", "in progress"),
        "done": ("выполнено", "done"),
        "cancelled": ("отменено", "cancelled"),
    },
    AgreementStatus: {
        "draft": ("проект", "draft"),
        "negotiating": ("переговоры", "negotiating"),
        "signed": ("подписано", "signed"),
        "ratified": ("ратифицировано", "ratified"),
        "in_force": ("в силе", "in force"),
        "expired": ("истекло", "expired"),
        "terminated": ("прекращено", "terminated"),
    },
    AgreementKind: _DOCUMENT_WORDS,
    DocumentKind: {code: words for code, words in _DOCUMENT_WORDS.items() if code != "treaty"},
    DocumentStatus: {
        "signed": ("подписано", "signed"),
        "planned": ("планируется", "planned"),
        "discussed": ("обсуждается", "discussed"),
    },
    AgreementLevel: {
        "interstate": ("межгосударственный", "interstate"),
        "intergovernmental": ("межправительственный", "intergovernmental"),
        "interagency": ("межведомственный", "interagency"),
        "regional": ("региональный", "regional"),
        "commercial": ("коммерческий", "commercial"),
    },
    ProjectStage: {
        "idea": ("идея", "idea"),
        "preparation": ("подготовка", "preparation"),
        "implementation": ("реализация", "implementation"),
        "operating": ("действует", "operating"),
        "suspended": ("приостановлен", "suspended"),
        "closed": ("закрыт", "closed"),
    },
    OrgKind: {
        "government": ("правительство", "government"),
        "ministry": ("министерство", "ministry"),
        "agency": ("ведомство", "agency"),
        "company": ("компания", "company"),
        "region": ("регион", "region"),
        "international": ("международная организация", "international organisation"),
        "other": ("другое", "other"),
    },
    BodyKind: {
        "commission": ("комиссия", "commission"),
        "working_group": ("рабочая группа", "working group"),
        "council": ("совет", "council"),
    },
    EvidenceState: {
        "proposed": ("предложено", "proposed"),
        "accepted": ("принято", "accepted"),
        "rejected": ("отклонено", "rejected"),
    },
    ItemStatus: {
        "read": ("прочитано", "read"),
        "skipped": ("отложено фильтром", "held back by the gate"),
    },
    Role: {
        "admin": ("администратор", "administrator"),
        "coordinator": ("координатор", "coordinator"),
        "editor": ("редактор", "editor"),
        "viewer": ("наблюдатель", "viewer"),
    },
    Flow: {
        "export": ("экспорт", "export"),
        "import": ("импорт", "import"),
    },
    EventKind: {
        "official_visit": ("официальный визит", "official visit"),
        "talks": ("переговоры", "talks"),
        "phone_call": ("телефонный разговор", "phone call"),
        "signing": ("подписание", "signing"),
        "commission_session": ("заседание комиссии", "commission session"),
        "forum": ("форум", "forum"),
        "other_event": ("другое событие", "other event"),
    },
    FigureKind: {
        "trade_turnover": ("товарооборот", "trade turnover"),
        "export": ("экспорт", "export"),
        "import": ("импорт", "import"),
        "growth_pct": ("рост, %", "growth, %"),
        "target": ("целевой показатель", "target"),
        "investment": ("инвестиции", "investment"),
        "loan": ("кредит", "loan"),
        "agreements_count": ("число документов", "number of documents"),
        "other": ("другое", "other"),
    },
    ProposalKind: {
        "measure_progress": ("мероприятие начато", "measure started"),
        "measure_evidence": ("подтверждение мероприятия", "evidence for a measure"),
        "agreement_evidence": ("подтверждение документа", "evidence for an agreement"),
        "agreement_signed": ("документ подписан", "agreement signed"),
        "agreement_negotiating": ("документ на переговорах", "agreement under negotiation"),
        "project_evidence": ("подтверждение проекта", "evidence for a project"),
        "new_agreement": ("новый документ в реестр", "new agreement for the register"),
    },
    RecordKind: {
        "measure": ("мероприятие", "measure"),
        "agreement": ("соглашение", "agreement"),
        "project": ("проект", "project"),
        "person": ("персона", "person"),
        "organization": ("организация", "organisation"),
        "event": ("событие", "event"),
        "news": ("новость", "news item"),
    },
    TargetStatus: {
        "met": ("достигнуто", "met"),
        "on track": ("в графике", "on track"),
        "at risk": ("под угрозой", "at risk"),
        "missed": ("не достигнуто", "missed"),
        "no data": ("нет данных", "no data"),
    },
    DueKind: {
        "date": ("дата", "date"),
        "quarter": ("квартал", "quarter"),
        "year": ("год", "year"),
        "ongoing": ("постоянно", "ongoing"),
    },
}


def label(value: StrEnum, lang: str) -> str:
    """The reader's word for a member of a vocabulary (Russian unless ``lang`` is "en")."""
    ru, en = LABELS[type(value)][value.value]
    return en if lang == "en" else ru


def word(vocabulary: type[StrEnum], code: object, lang: str) -> str:
    """The word for a stored code of ``vocabulary``; a code the vocabulary lacks is shown as it is."""
    if code is None:
        return "—"
    words = LABELS[vocabulary].get(str(code))
    if words is None:
        return str(code)
    return words[1] if lang == "en" else words[0]


def title(value: StrEnum, lang: str) -> str:
    """The word with a capital letter, for a heading or a register title («Дорожная карта»)."""
    text = label(value, lang)
    return text[:1].upper() + text[1:]
