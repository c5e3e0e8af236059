"""Agreements: the register page and its JSON from one data function, the forms, and the API's writes.

Every write goes through `accord.store.agreements` (the CLI's way too); pages and the API differ
only in how they read the input and show the answer.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from fastapi.responses import HTMLResponse, Response

from accord.auth.access import can_change
from accord.domain.kinds import AgreementKind, AgreementLevel
from accord.domain.sectors import SECTORS
from accord.domain.status import AgreementStatus
from accord.store.agreements import (
    AgreementDraft,
    AgreementEdit,
    AgreementMove,
    create_agreement,
    edit_agreement,
    move_agreement,
)
from accord.store.audit import ConflictError
from accord.store.models import Agreement
from accord.store.unset import UNSET
from accord.web import forms
from accord.web.data import serialise
from accord.web.data.record_views import agreement_data, agreements_data, country_choices
from accord.web.data.registers import AgreementFilter, load_agreement
from accord.web.deps import Ctx, forbid
from accord.web.render import page
from accord.web.routes.archiving import archive_routes
from accord.web.routes.common import CtxDep, PagePagingDep, PagingDep, api_write, back, form_write, found
from accord.web.schemas import AgreementChange, AgreementNew, AgreementStep

router = APIRouter()
FilterDep = Annotated[AgreementFilter, Depends()]
Text = Annotated[str, Form()]


def _choices(ctx: Ctx) -> dict[str, Any]:
    return {"kinds": list(AgreementKind), "levels": list(AgreementLevel), "statuses": list(AgreementStatus),
            "sectors": SECTORS, "countries": country_choices(ctx.session, ctx.lang)}


def _guard(ctx: Ctx, what: str) -> None:
    forbid(ctx, can_change(ctx.user, "agreement"), what)


@router.get("/agreements", include_in_schema=False)
def agreements_page(ctx: CtxDep, filters: FilterDep, paging: PagePagingDep) -> HTMLResponse:
    data = agreements_data(ctx.session, filters, paging.limit, paging.offset)
    return page(ctx, "agreements.html", listing=data, filters=filters, can_change=can_change(ctx.user, "agreement"),
                **_choices(ctx))


@router.get("/api/v1/agreements", tags=["agreements"])
def agreements_json(ctx: CtxDep, filters: FilterDep, paging: PagingDep) -> dict[str, Any]:
    """The agreements register with filters (status, kind, level, party, sector, words; `archived=true` adds the archived)."""
    return agreements_data(ctx.session, filters, paging.limit, paging.offset)


@router.get("/agreements/new", include_in_schema=False)
def agreement_new_page(ctx: CtxDep) -> HTMLResponse:
    _guard(ctx, "register agreements")
    return page(ctx, "agreement_new.html", form={}, error=None, **_choices(ctx))


@router.post("/agreements", include_in_schema=False)
def agreement_new_form(
    ctx: CtxDep, title: Text, kind: Text, level: Text, title_en: Text = "", signed_on: Text = "", signed_at: Text = "",
    valid_until: Text = "", source: Text = "", parties: Annotated[list[str], Form()] = [],  # noqa: B006
    sectors: Annotated[list[str], Form()] = [], csrf: Annotated[str | None, Form()] = None,  # noqa: B006
) -> Response:
    form_write(ctx, csrf)
    _guard(ctx, "register agreements")
    form = {"title": title, "kind": kind, "level": level, "title_en": title_en, "signed_on": signed_on,
            "signed_at": signed_at, "valid_until": valid_until, "source": source, "parties": parties, "sectors": sectors}
    try:
        draft = AgreementDraft(
            title=title, kind=_enum(AgreementKind, kind, "kind"), level=_enum(AgreementLevel, level, "level"),
            title_en=forms.text(title_en), parties=tuple(parties), sectors=tuple(sectors),
            signed_on=forms.day(form, "signed_on"), signed_at=forms.text(signed_at),
            valid_until=forms.day(form, "valid_until"), source=forms.text(source))
        with ctx.writing("agreement registered on its form") as session:
            agreement_id = create_agreement(session, draft).id
    except forms.REFUSALS as exc:
        return page(ctx, "agreement_new.html", 422, form=form, error=str(exc), **_choices(ctx))
    return back(f"/agreements/{agreement_id}?saved=1")


def _enum(kind: type, value: str, field: str):  # noqa: ANN202
    try:
        return kind(value)
    except ValueError:
        raise forms.Invalid(f"{field}: {value!r} is not one of {', '.join(k.value for k in kind)}") from None


def _show(ctx: Ctx, agreement_id: int, status: int = 200, **extra: Any) -> HTMLResponse:
    with ctx.db.reading() as fresh:
        data = found(agreement_data(fresh, agreement_id, ctx.today), "agreement")
    values = {"conflict": None, "error": None, "form": None, "move_form": None, **extra}
    return page(ctx, "agreement.html", status, a=data, can_change=can_change(ctx.user, "agreement"),
                **_choices(ctx), **values)


@router.get("/agreements/{agreement_id}", include_in_schema=False)
def agreement_page(ctx: CtxDep, agreement_id: int) -> HTMLResponse:
    return _show(ctx, agreement_id)


@router.get("/api/v1/agreements/{agreement_id}", tags=["agreements"])
def agreement_json(ctx: CtxDep, agreement_id: int) -> dict[str, Any]:
    """One agreement with its lifecycle steps, the moves allowed next, accepted evidence and its history.

    Archived agreements are read here as any other (`archived_at`, `archived_by` say so)."""
    return found(agreement_data(ctx.session, agreement_id, ctx.today), "agreement")


@router.post("/agreements/{agreement_id}", include_in_schema=False)
def agreement_edit_form(
    ctx: CtxDep, agreement_id: int, version: Annotated[int, Form()], title: Text, kind: Text, level: Text,
    title_en: Text = "", signed_at: Text = "", valid_until: Text = "", source: Text = "",
    parties: Annotated[list[str], Form()] = [], sectors: Annotated[list[str], Form()] = [],  # noqa: B006
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    _guard(ctx, "change agreements")
    form = {"title": title, "kind": kind, "level": level, "title_en": title_en, "signed_at": signed_at,
            "valid_until": valid_until, "source": source, "parties": parties, "sectors": sectors}
    try:
        edit = AgreementEdit(
            title=title, kind=_enum(AgreementKind, kind, "kind"), level=_enum(AgreementLevel, level, "level"),
            title_en=forms.text(title_en), signed_at=forms.text(signed_at), valid_until=forms.day(form, "valid_until"),
            source=forms.text(source), parties=tuple(parties), sectors=tuple(sectors))
        with ctx.writing(f"web edit of agreement {agreement_id}") as session:
            agreement = found(load_agreement(session, agreement_id), "agreement")
            edit_agreement(session, agreement, edit, based_on=version)
    except ConflictError as exc:
        return _show(ctx, agreement_id, 409, form=form, conflict=forms.conflict(ctx, exc, "agreement", agreement_id, version))
    except forms.REFUSALS as exc:
        return _show(ctx, agreement_id, 422, form=form, error=str(exc))
    return back(f"/agreements/{agreement_id}?saved=1")


@router.post("/agreements/{agreement_id}/transitions", include_in_schema=False)
def agreement_move_form(
    ctx: CtxDep, agreement_id: int, version: Annotated[int, Form()], to: Text, on: Text, note: Text = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    _guard(ctx, "change agreements")
    move_form = {"to": to, "on": on, "note": note}
    try:
        move = AgreementMove(to=_enum(AgreementStatus, to, "to"), on=_required_day(move_form, "on"), note=forms.text(note))
        with ctx.writing(f"agreement {agreement_id} → {to}") as session:
            agreement = found(load_agreement(session, agreement_id), "agreement")
            move_agreement(session, agreement, move, based_on=version)
    except ConflictError as exc:
        return _show(ctx, agreement_id, 409, move_form=move_form,
                     conflict=forms.conflict(ctx, exc, "agreement", agreement_id, version))
    except forms.REFUSALS as exc:
        return _show(ctx, agreement_id, 422, move_form=move_form, error=str(exc))
    return back(f"/agreements/{agreement_id}?moved=1")


def _required_day(form: dict[str, str], name: str):  # noqa: ANN202
    value = forms.day(form, name)
    if value is None:
        raise forms.Invalid(f"{name}: the date of the step is required")
    return value


@router.post("/api/v1/agreements", status_code=201, tags=["agreements"])
def agreement_create(ctx: CtxDep, body: AgreementNew) -> dict[str, Any]:
    """Register an agreement (coordinators and administrators)."""
    api_write(ctx)
    _guard(ctx, "register agreements")
    draft = AgreementDraft(title=body.title, kind=body.kind, level=body.level, title_en=body.title_en,
                           parties=tuple(body.parties), sectors=tuple(body.sectors), signed_on=body.signed_on,
                           signed_at=body.signed_at, valid_until=body.valid_until, source=body.source)
    with ctx.writing("agreement registered via API") as session:
        return serialise.agreement(create_agreement(session, draft), full=True)


@router.patch("/api/v1/agreements/{agreement_id}", tags=["agreements"])
def agreement_patch(ctx: CtxDep, agreement_id: int, body: AgreementChange) -> dict[str, Any]:
    """Change an agreement (coordinators and administrators): fields left out stay, `null` clears one.

    `version` must be the one you read: a stale edit is refused with 409 naming who changed it."""
    api_write(ctx)
    _guard(ctx, "change agreements")
    sent = body.model_fields_set - {"version"}
    values = {name: getattr(body, name) for name in sent}
    for name in ("parties", "sectors"):
        if name in values:
            values[name] = tuple(values[name] or ())
    edit = AgreementEdit(**{name: values.get(name, UNSET) for name in AgreementEdit.__dataclass_fields__})
    with ctx.writing("agreement changed via API") as session:
        agreement = found(load_agreement(session, agreement_id), "agreement")
        changed = edit_agreement(session, agreement, edit, based_on=body.version)
        return {"changed": changed, **serialise.agreement(agreement, full=True)}


@router.post("/api/v1/agreements/{agreement_id}/transitions", tags=["agreements"])
def agreement_step(ctx: CtxDep, agreement_id: int, body: AgreementStep) -> dict[str, Any]:
    """Move an agreement along its lifecycle (signed → ratified → in force …), dated; the rules refuse moves back."""
    api_write(ctx)
    _guard(ctx, "change agreements")
    with ctx.writing(f"agreement {agreement_id} → {body.to.value}") as session:
        agreement = found(load_agreement(session, agreement_id), "agreement")
        move_agreement(session, agreement, AgreementMove(body.to, body.on, body.note), based_on=body.version)
        return serialise.agreement(agreement, full=True)


archive_routes(router, Agreement, kind="agreement", page="/agreements", api="/api/v1/agreements", tag="agreements",
               show=lambda a: serialise.agreement(a, full=False))
