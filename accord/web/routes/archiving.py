"""Archive and restore routes for any archivable register: a form pair and an API pair, the same checks.

`archive_routes(router, Model, kind="agreement", page="/agreements", api="/api/v1/agreements")`
adds `POST {page}/{record_id}/archive|restore` (form: CSRF, version) and
`POST {api}/{record_id}/archive|restore` (JSON `{"version": n}`), all allowed to whoever
`can_change(user, kind)`, all audited, a stale version answered with 409 naming who changed it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form
from fastapi.responses import Response
from pydantic import BaseModel, Field

from accord.auth.access import can_change
from accord.store.archive import archive, restore
from accord.store.base import Archivable
from accord.web.routes.common import CtxDep, api_write, back, form_write, found
from accord.web.schemas import DbInt


class ArchiveBody(BaseModel):
    version: DbInt = Field(description="the record's version the change is based on (optimistic locking)")


def archive_routes(router: APIRouter, model: type[Archivable], *, kind: str, page: str, api: str,
                   tag: str, show: Callable[[Any], dict[str, Any]]) -> None:
    """Register the four routes for `model`; `show` renders the record for the API's answer."""

    def apply(ctx: CtxDep, record_id: int, version: int, verb: str) -> Any:
        with ctx.writing(f"{kind} {record_id} {verb}d") as session:
            record = found(session.get(model, record_id), kind)
            if verb == "archive":
                archive(session, record, ctx.require_user().name, based_on=version)
            else:
                restore(session, record, based_on=version)
            return show(record)

    def routes(verb: str) -> tuple[Callable[..., Response], Callable[..., dict[str, Any]]]:
        def form_route(ctx: CtxDep, record_id: int, version: Annotated[int, Form()],
                       csrf: Annotated[str | None, Form()] = None) -> Response:
            form_write(ctx, csrf)
            _allowed(ctx, kind, verb)
            apply(ctx, record_id, version, verb)
            return back(f"{page}/{record_id}?{verb}d=1")

        def api_route(ctx: CtxDep, record_id: int, body: ArchiveBody) -> dict[str, Any]:
            api_write(ctx)
            _allowed(ctx, kind, verb)
            return apply(ctx, record_id, body.version, verb)

        return form_route, api_route

    for verb in ("archive", "restore"):
        form_route, api_route = routes(verb)
        api_route.__doc__ = (f"Archive a {kind}: it leaves the lists and stays readable; audited. A stale version is "
                             f"refused with 409." if verb == "archive" else f"Bring an archived {kind} back into the lists.")
        router.add_api_route(f"{page}/{{record_id}}/{verb}", form_route, methods=["POST"], include_in_schema=False,
                             name=f"{kind}_{verb}_form")
        router.add_api_route(f"{api}/{{record_id}}/{verb}", api_route, methods=["POST"], tags=[tag],
                             name=f"{kind}_{verb}", summary=f"{verb.capitalize()} a {kind}")


def _allowed(ctx: CtxDep, kind: str, verb: str) -> None:
    from accord.web.deps import forbid

    forbid(ctx, can_change(ctx.user, kind), f"{verb} {kind}s")
