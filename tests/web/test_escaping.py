"""Markup stored in every free-text field, or sent in search and filter parameters, is inert on every page.

Every free-text column of every table gets a `<script>`, an attribute-breaking `"><img onerror>`
and a `'><svg onload>` (each calling alert with the column's name); outside links get `javascript:`
URLs. Then a real browser (Debian's chromium) opens every page: no dialog may open, no injected
element may exist in the page, no link may run script. The headers (CSP without inline scripts,
no framing) are checked on every page too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import String, UniqueConstraint, func, literal, update

from accord.store import migrate
from accord.store.base import Base
from accord.store.db import Database
from tests.conftest import TODAY
from tests.web.conftest import PASSWORD, add_personas, add_proposal
from tests.web.live import serving

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

#: columns holding codes, keys, enums, hashes or machine values rather than free text
NOT_FREE_TEXT = re.compile(
    r"(^|_)(id|code|codes|status|kind|stage|state|sector|hash|lang|language|party|number|sort_key|currency|role|"
    r"proposal|date_basis|direction|scope|prefix|email|etag|last_modified|stamp|level|flow|commodity|unit|"
    r"period|reporter|partner|source|url|field|entity|action|step|base)$"
)
#: free-text columns whose name the pattern above would wrongly skip
FREE_TEXT_NAMES = {"source"}
#: tables outside the record a visitor sees (accounts' secrets, the audit trail's machine columns, caches)
SKIPPED_TABLES = {
    "alembic_version",
    "api_token",
    "web_session",
    "search_entry",
    "fetched_page",
    "reminder_sent",
    "exchange_rate",
}

PAYLOADS = (
    '<script>alert("{tag}")</script>',
    '"><img src=x onerror=alert("{tag}")>',
    "'><svg onload=alert('{tag}')>",
)


def free_text_columns() -> list[tuple[str, str, int | None]]:
    """(table, column, length) of every free-text column."""
    out = []
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED_TABLES:
            continue
        for column in table.columns:
            if not isinstance(column.type, String) or column.primary_key or column.foreign_keys:
                continue
            if column.name in FREE_TEXT_NAMES or not NOT_FREE_TEXT.search(column.name):
                if (table.name, column.name) in {("user_account", "name"), ("news_source", "name")}:
                    continue  # names used as keys (signing in, `accord watch NAME`)
                if column.unique or any(
                    isinstance(c, UniqueConstraint) and column.name in c.columns for c in table.constraints
                ):
                    continue  # a key, even if it is text
                out.append((table.name, column.name, getattr(column.type, "length", None)))
    return out


def poison(db: Database) -> int:
    """Prefix every free-text value (and fill every empty one) with the payloads; returns the fields poisoned."""
    columns = free_text_columns()
    with db.engine.begin() as conn:
        for table_name, column_name, length in columns:
            table = Base.metadata.tables[table_name]
            column = table.c[column_name]
            tag = f"{table_name}.{column_name}"
            payload = "".join(p.format(tag=tag) for p in PAYLOADS) + " "
            value = literal(payload).concat(func.coalesce(column, ""))
            if length:
                value = func.substr(value, 1, length)
            conn.execute(update(table).values({column_name: value}))
        source_item = Base.metadata.tables["source_item"]
        conn.execute(
            update(source_item).values(url=literal("javascript:alert('url')//").concat(source_item.c.id))
        )
        agreement = Base.metadata.tables["agreement"]
        conn.execute(update(agreement).values(source="javascript:alert('agreement.source')"))
    return len(columns) + 2


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    from accord.demo.example import load_example

    db = Database(f"sqlite:///{tmp_path_factory.mktemp('escaping') / 'accord.db'}")
    migrate.upgrade(db)
    load_example(db, TODAY)
    add_personas(db)
    add_proposal(db, "2.1")
    fields = poison(db)
    yield db, fields
    db.dispose()


@pytest.fixture(scope="module")
def server(poisoned: tuple[Database, int]) -> Iterator[str]:
    from accord.web.app import create_app

    app = create_app(poisoned[0], today=lambda: TODAY, secret_key="escaping-secret-" * 3, login_rate=1000)
    with serving(app) as url:
        yield url


def page_paths() -> list[str]:
    """Every HTML page of the app (GET, outside the API schema), its ids filled with 1."""
    from accord.web.routes import ROUTERS

    out = []
    for router in ROUTERS:
        for route in router.routes:
            if not isinstance(route, APIRoute) or "GET" not in route.methods or route.include_in_schema:
                continue
            if (
                route.path in ("/lang/{code}", "/roadmaps/choose", "/calendar.ics")
                or "download" in route.path
            ):
                continue  # redirects and files, not pages
            out.append(re.sub(r"\{[a-z_]+\}", "1", route.path))
    return sorted(set(out))


LIST_PAGES_WITH_FILTERS = [
    "/roadmap",
    "/agreements",
    "/projects",
    "/events",
    "/people",
    "/search",
    "/review",
    "/commission",
    "/trade",
    "/reports",
]


def query_paths() -> list[str]:
    from urllib.parse import urlencode

    payload = "".join(p.format(tag="query") for p in PAYLOADS) + "javascript:alert('q')"
    params = {"q": payload, "body": payload, "party": payload, "country": payload, "sort": payload}
    return [f"{p}?{urlencode(params)}" for p in LIST_PAGES_WITH_FILTERS]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"chromium is not installed at {CHROMIUM}")
        pytest.skip(f"chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield launched
        launched.close()


INJECTED = "script:not([src]), img[src='x'], svg[onload], [onerror], [onload], a[href^='javascript:' i]"


def test_stored_and_sent_markup_is_inert_on_every_page(
    browser, server: str, poisoned: tuple[Database, int]
) -> None:  # noqa: ANN001
    db, fields = poisoned
    context = browser.new_context(base_url=server, locale="ru-RU")
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(f"{tab.url}: {d.message}"), d.dismiss()))
    tab.goto("/login")
    tab.fill("input[name=name]", "alice")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/")
    visited, problems = [], []
    for path in [*page_paths(), *query_paths()]:
        response = tab.goto(path)
        tab.wait_for_load_state("load")
        visited.append(path)
        if response is None or response.status >= 400 and "?" not in path:
            problems.append(f"{path}: {response.status if response else 'no response'}")
            continue
        headers = response.headers
        csp = headers.get("content-security-policy", "")
        script_src = re.search(r"script-src ([^;]+)", csp)
        if not script_src or "unsafe-inline" in script_src.group(1) or "frame-ancestors 'none'" not in csp:
            problems.append(f"{path}: CSP {csp!r}")
        if headers.get("x-frame-options") != "DENY" or headers.get("x-content-type-options") != "nosniff":
            problems.append(f"{path}: framing or sniffing headers missing")
        injected = tab.locator(INJECTED).count()
        if injected:
            problems.append(f"{path}: {injected} injected element(s) in the page")
        for link in tab.locator("a[href]").all():
            if link.get_attribute("href").strip().lower().startswith(("javascript:", "data:")):
                problems.append(f"{path}: a link runs script")
    context.close()
    assert not dialogs, dialogs
    assert not problems, "\n".join(problems)
    assert len(visited) >= 25 and fields >= 60, (len(visited), fields)
    print(f"\n{fields} fields × {len(PAYLOADS)} payloads, {len(visited)} pages and filtered URLs: no dialog")
