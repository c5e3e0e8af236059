"""Registering and changing agreements, and moving them along their lifecycle.

The CLI, the forms and the API all write through these functions with plain dataclasses,
so the checks, the version guard and the audit are the same whichever way a change comes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy.orm import Session

from accord.domain.kinds import AgreementKind, AgreementLevel
from accord.domain.status import AgreementStatus, agreement_moves
from accord.store import checks
from accord.store.audit import check_version
from accord.store.models import Agreement, AgreementParty, AgreementSector
from accord.store.unset import UNSET, Unset


@dataclass(frozen=True)
class AgreementDraft:
    """A new agreement; it starts as a draft (the signing date, if known, is kept as given)."""

    title: str
    kind: AgreementKind
    level: AgreementLevel
    title_en: str | None = None
    parties: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    signed_on: date | None = None
    signed_at: str | None = None
    valid_until: date | None = None
    source: str | None = None


@dataclass(frozen=True)
class AgreementEdit:
    """Only the fields given change; UNSET leaves one as it is, None clears it."""

    title: str | Unset = UNSET
    title_en: str | None | Unset = UNSET
    kind: AgreementKind | Unset = UNSET
    level: AgreementLevel | Unset = UNSET
    signed_at: str | None | Unset = UNSET
    valid_until: date | None | Unset = UNSET
    source: str | None | Unset = UNSET
    parties: tuple[str, ...] | Unset = UNSET
    sectors: tuple[str, ...] | Unset = UNSET


@dataclass(frozen=True)
class AgreementMove:
    """One dated step of the lifecycle (signed → ratified → in force …)."""

    to: AgreementStatus
    on: date
    note: str | None = None


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _title(value: str) -> str:
    if not value or not value.strip():
        raise checks.Invalid("title: an agreement needs a title")
    return value.strip()


def create_agreement(session: Session, draft: AgreementDraft) -> Agreement:
    agreement = Agreement(title=_title(draft.title), title_en=_text(draft.title_en), kind=AgreementKind(draft.kind).value,
                          level=AgreementLevel(draft.level).value, signed_on=draft.signed_on,
                          signed_at=_text(draft.signed_at),
                          valid_until=draft.valid_until, source=_text(draft.source))
    agreement.parties = [AgreementParty(country_code=c) for c in checks.countries(session, draft.parties)]
    agreement.sectors = [AgreementSector(sector=s) for s in checks.sectors(draft.sectors)]
    session.add(agreement)
    session.flush()
    return agreement


def edit_agreement(session: Session, agreement: Agreement, edit: AgreementEdit, based_on: int | None) -> list[str]:
    """Apply an edit prepared against version `based_on` in one flush; returns the fields that changed."""
    check_version(session, agreement, based_on)
    changed = []
    with session.no_autoflush:
        for f in fields(edit):
            value = getattr(edit, f.name)
            if value is UNSET:
                continue
            if f.name == "parties":
                if _set_parties(session, agreement, value):
                    changed.append(f.name)
                continue
            if f.name == "sectors":
                if _set_sectors(agreement, value):
                    changed.append(f.name)
                continue
            if f.name == "title":
                value = _title(value)
            elif f.name in ("kind", "level"):
                if value is None:
                    raise checks.Invalid(f"{f.name}: an agreement's {f.name} cannot be cleared")
                value = value.value
            elif isinstance(value, str) or value is None:
                value = _text(value)
            if value != getattr(agreement, f.name):
                setattr(agreement, f.name, value)
                changed.append(f.name)
        if agreement.valid_until and agreement.in_force_from and agreement.valid_until < agreement.in_force_from:
            raise checks.Invalid("valid_until: an agreement cannot end before it enters into force")
    session.flush()
    return changed


def _set_parties(session: Session, agreement: Agreement, codes: tuple[str, ...]) -> bool:
    wanted = checks.countries(session, codes)
    if sorted(set(wanted)) == agreement.party_codes:
        return False
    keep = [p for p in agreement.parties if p.country_code in wanted]
    have = {p.country_code for p in keep}
    agreement.parties = keep + [AgreementParty(country_code=c) for c in dict.fromkeys(wanted) if c not in have]
    return True


def _set_sectors(agreement: Agreement, codes: tuple[str, ...]) -> bool:
    wanted = checks.sectors(codes)
    if sorted(set(wanted)) == agreement.sector_codes:
        return False
    keep = [s for s in agreement.sectors if s.sector in wanted]
    have = {s.sector for s in keep}
    agreement.sectors = keep + [AgreementSector(sector=c) for c in dict.fromkeys(wanted) if c not in have]
    return True


def move_agreement(session: Session, agreement: Agreement, move: AgreementMove, based_on: int | None) -> None:
    """A lifecycle step the rules allow (TransitionError names both ends otherwise)."""
    check_version(session, agreement, based_on)
    agreement.transition(move.to, move.on, _text(move.note))
    session.flush()


def next_moves(agreement: Agreement) -> list[AgreementStatus]:
    """Where this agreement may go next, for the form's choices."""
    return agreement_moves(AgreementStatus(agreement.status))
