"""The roadmap table, one measure, and editing it (form and API, both through edit_measure)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from accord.auth.access import can_change, can_edit_measure
from accord.domain.due import DueError
from accord.domain.sectors import SECTORS
from accord.domain.status import MeasureStatus, TransitionError
from accord.store.audit import ConflictError
from accord.store.models import Measure, Roadmap
from accord.store.progress import default_roadmap
from accord.web.data import serialise
from accord.web.data.changes import change_measure, create_measure
from accord.web.data.roadmap import (
    MeasureFilter,
    changes_since,
    list_measures,
    measure_view,
    responsible_bodies,
)
from accord.web.deps import Ctx, forbid
from accord.web.render import page
from accord.web.routes.common import CtxDep, PagePagingDep, PagingDep, api_write, back, form_write, found
from accord.web.schemas import MeasureChange, MeasureNew

router = APIRouter()
FilterDep = Annotated[MeasureFilter, Depends()]


def _roadmap(ctx: Ctx) -> Roadmap:
    return found(ctx.roadmap(), "roadmap")


@router.get("/roadmap", include_in_schema=False)
def roadmap_page(ctx: CtxDep, filters: FilterDep, paging: PagePagingDep) -> HTMLResponse:
    roadmap = _roadmap(ctx)
    listing = list_measures(ctx.session, roadmap, filters, ctx.today, paging.limit, paging.offset)
    return page(ctx, "roadmap.html", listing=listing, filters=filters, bodies=responsible_bodies(ctx.session, roadmap),
                statuses=list(MeasureStatus), sectors=SECTORS)


@router.get("/api/v1/roadmaps", tags=["roadmap"])
def roadmaps_json(ctx: CtxDep, paging: PagingDep) -> dict[str, Any]:
    """Every roadmap with its parties and directions."""
    from accord.web.data.listing import paginate

    listing = paginate(ctx.session, select(Roadmap).order_by(Roadmap.id), paging.limit, paging.offset)
    return listing.as_dict(lambda r: {
        "code": r.code, "title": r.title, "title_en": r.title_en, "signed_on": serialise.iso(r.signed_on),
        "horizon_year": r.horizon_year, "parties": r.party_codes, "illustrative": r.illustrative,
        "directions": [{"sector": d.sector, "title": d.title, "title_en": d.title_en} for d in r.directions],
    })


@router.get("/api/v1/measures", tags=["roadmap"])
def measures_json(ctx: CtxDep, filters: FilterDep, paging: PagingDep, roadmap: str | None = None) -> dict[str, Any]:
    """Measures of a roadmap (default: the first) with the roadmap page's filters and sorting."""
    listing = list_measures(ctx.session, _roadmap(ctx), filters, ctx.today, paging.limit, paging.offset)
    return listing.as_dict(lambda m: serialise.measure(m, ctx.today))


@router.get("/measures/{measure_id}", include_in_schema=False)
def measure_page(ctx: CtxDep, measure_id: int) -> HTMLResponse:
    view = found(measure_view(ctx.session, measure_id), "measure")
    return page(ctx, "measure.html", view=view, m=view.measure, can_edit=can_edit_measure(ctx.user, view.scope),
                statuses=list(MeasureStatus), conflict=None, form=None, error=None)


@router.get("/api/v1/measures/{measure_id}", tags=["roadmap"])
def measure_json(ctx: CtxDep, measure_id: int) -> dict[str, Any]:
    """One measure with notes, indicators, evidence and its audit history."""
    view = found(measure_view(ctx.session, measure_id), "measure")
    return {
        **serialise.measure(view.measure, ctx.today, full=True),
        "evidence": [serialise.evidence(e) for e in view.evidence],
        "history": [serialise.audit(a) for a in view.history],
    }


@router.post("/measures/{measure_id}", include_in_schema=False)
def measure_form(
    ctx: CtxDep,
    measure_id: int,
    version: Annotated[int, Form()],
    status: Annotated[MeasureStatus, Form()],
    due: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    expected_result: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    view = found(measure_view(ctx.session, measure_id), "measure")
    forbid(ctx, can_edit_measure(ctx.user, view.scope), f"change measure {view.measure.number}")
    body = MeasureChange(version=version, status=status, due=due or None, note=note or None,
                         expected_result=expected_result)
    form = {"status": status.value, "due": due, "note": note, "expected_result": expected_result}
    try:
        with ctx.writing(f"web edit of measure {view.measure.number}") as session:
            measure = session.get(Measure, measure_id)
            change_measure(session, measure, body, ctx.require_user().name, ctx.today)
    except ConflictError as exc:
        with ctx.db.reading() as fresh:
            current = measure_view(fresh, measure_id)
            since = changes_since(fresh, current.measure, version)
            return page(ctx, "measure.html", 409, view=current, m=current.measure, can_edit=True,
                        statuses=list(MeasureStatus), conflict={"message": str(exc), "changes": since, "by": exc.by},
                        form=form, error=None)
    except (TransitionError, DueError) as exc:
        return page(ctx, "measure.html", 422, view=view, m=view.measure, can_edit=True, statuses=list(MeasureStatus),
                    conflict=None, form=form, error=str(exc))
    return back(f"/measures/{measure_id}?saved=1")


@router.patch("/api/v1/measures/{measure_id}", tags=["roadmap"])
def measure_patch(ctx: CtxDep, measure_id: int, body: MeasureChange) -> dict[str, Any]:
    """Edit a measure. `version` must be the one you read: a stale edit is refused with 409 naming who changed it."""
    api_write(ctx)
    view = found(measure_view(ctx.session, measure_id), "measure")
    forbid(ctx, can_edit_measure(ctx.user, view.scope), f"change measure {view.measure.number}")
    with ctx.writing(f"API edit of measure {view.measure.number}") as session:
        measure = session.get(Measure, measure_id)
        changed = change_measure(session, measure, body, ctx.require_user().name, ctx.today)
        return {"changed": changed, **serialise.measure(measure, ctx.today, full=True)}


@router.post("/api/v1/measures", status_code=201, tags=["roadmap"])
def measure_create(ctx: CtxDep, body: MeasureNew) -> dict[str, Any]:
    """Add a measure to a roadmap (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "measure_create"), "add measures")
    with ctx.writing("measure added via API") as session:
        roadmap = default_roadmap(session, body.roadmap)
        if roadmap is None:
            raise HTTPException(404, "no such roadmap")
        measure = create_measure(session, roadmap, body)
        return serialise.measure(measure, ctx.today, full=True)
