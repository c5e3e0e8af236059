"""Checks every request's path and query values get before a route sees them.

Each route declares its own parameters; what no route should have to repeat is here:
integers the database can store (ids and offsets are 32-bit columns on PostgreSQL; a
larger one would reach the driver and fail there), no NUL characters (PostgreSQL cannot
store or compare them), and query values of a sane length. A refusal is a 422 in the
same shape as FastAPI's own validation errors, naming the parameter.
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

#: the range of the smallest integer column on either database (PostgreSQL's integer)
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
#: the longest query value accepted (search words, filters); longer is not a search
QUERY_VALUE_MAX = 2000


def _is_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_is_int(a) for a in get_args(annotation))
    return False


def _integer_params(route: APIRoute) -> tuple[frozenset[str], frozenset[str]]:
    """(path, query) parameter names the route declares as integers, its dependencies' included (kept on the route)."""
    known = getattr(route, "_accord_integer_params", None)
    if known is None:
        known = _find_integer_params(route)
        route._accord_integer_params = known  # type: ignore[attr-defined]
    return known


def _find_integer_params(route: APIRoute) -> tuple[frozenset[str], frozenset[str]]:
    path: set[str] = set()
    query: set[str] = set()
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        path.update(f.alias for f in dependant.path_params if _is_int(f.field_info.annotation))
        query.update(f.alias for f in dependant.query_params if _is_int(f.field_info.annotation))
        pending.extend(dependant.dependencies)
    return frozenset(path), frozenset(query)


def error(where: str, name: str, message: str, kind: str, value: str) -> dict[str, Any]:
    shown = value if len(value) <= 80 else value[:80] + "…"
    return {"type": kind, "loc": [where, name], "msg": message, "input": shown}


def check_request_values(request: Request) -> None:
    """The app-wide dependency: refuse out-of-range integers, NUL characters and huge query values."""
    route = request.scope.get("route")
    int_path, int_query = (
        _integer_params(route) if isinstance(route, APIRoute) else (frozenset(), frozenset())
    )
    errors = []
    for where, values, integers in (
        ("path", request.path_params.items(), int_path),
        ("query", request.query_params.multi_items(), int_query),
    ):
        for name, value in values:
            value = str(value)
            if "\x00" in value:
                errors.append(error(where, name, "contains a NUL character", "value_error", value))
            elif where == "query" and len(value) > QUERY_VALUE_MAX:
                errors.append(
                    error(where, name, f"at most {QUERY_VALUE_MAX:,} characters", "string_too_long", value)
                )
            elif name in integers and _out_of_range(value):
                errors.append(
                    error(where, name, f"an integer from {INT_MIN} to {INT_MAX}", "value_error", value)
                )
    if errors:
        raise RequestValidationError(errors)


def _out_of_range(value: str) -> bool:
    try:
        number = int(value.strip())
    except ValueError:
        return False  # not an integer at all: the route's own validation says so
    return not INT_MIN <= number <= INT_MAX
