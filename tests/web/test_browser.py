"""The web app in a real browser (Debian's chromium through Playwright) against a real uvicorn.

Each step saves a screenshot into artifacts/screenshots/ for a person to look at.
Without chromium the tests skip, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from accord.store import migrate
from accord.store.db import Database
from accord.store.models import Evidence, Measure
from tests.conftest import TODAY
from tests.web.conftest import PASSWORD, add_personas, add_proposal
from tests.web.live import serving

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def browser_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    from accord.demo.example import load_example

    db = Database(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'accord.db'}")
    migrate.upgrade(db)
    load_example(db, TODAY)
    add_personas(db)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def server(browser_db: Database) -> Iterator[str]:
    """uvicorn serving the app on a free port of 127.0.0.1, in a thread of this process."""
    from accord.web.app import create_app

    app = create_app(browser_db, today=lambda: TODAY, public_read=False, secret_key="browser-secret-" * 3, login_rate=1000)
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        message = f"chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server, locale="ru-RU")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def shot(page, name: str) -> None:  # noqa: ANN001
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page, name: str = "carol") -> None:  # noqa: ANN001
    page.goto("/")
    assert "/login" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")


def test_it_signs_in_and_draws_the_trade_chart(page) -> None:  # noqa: ANN001
    page.goto("/login")
    shot(page, "login")
    sign_in(page)
    page.wait_for_selector("#trade-chart[data-drawn='1'] svg.main-svg", timeout=20_000)
    bars = page.locator("#trade-chart .bars path, #trade-chart .scatterlayer path").count()
    assert bars > 0, "the chart drew no bars or lines"
    assert page.locator(".illustrative-banner").is_visible()
    assert page.locator(".kpi.late b").inner_text().strip() != ""
    shot(page, "dashboard")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_selector("#trade-chart[data-drawn='1'] svg.main-svg", timeout=20_000)
    shot(page, "dashboard-phone")


def test_it_filters_the_roadmap_with_a_shareable_url(page) -> None:  # noqa: ANN001
    sign_in(page)
    page.goto("/roadmap")
    page.select_option("select[name=direction]", "industry")
    page.select_option("select[name=status]", "planned")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/roadmap?*direction=industry*")
    rows = page.locator("#measures tbody tr")
    assert rows.count() == 2
    assert all(n.startswith("2.") for n in rows.locator("td:first-child").all_inner_texts())
    shared = page.url
    page.goto(shared)
    assert page.locator("#measures tbody tr").count() == 2
    shot(page, "roadmap-filtered")
    page.goto("/roadmap")
    shot(page, "roadmap")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "roadmap-phone")


def test_it_opens_a_measure_and_edits_it(page, browser_db: Database) -> None:  # noqa: ANN001
    sign_in(page)
    page.goto("/roadmap?direction=industry")
    page.click("#measures a:has-text('лифтового')")
    page.wait_for_selector("#edit-measure")
    shot(page, "measure")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "measure-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.select_option("#edit-measure select[name=status]", "in_progress")
    page.fill("#edit-measure textarea[name=note]", "Согласована площадка для сборки лифтов")
    page.click("#edit-measure button[type=submit]")
    page.wait_for_selector("#saved")
    assert "Согласована площадка для сборки лифтов" in page.content()
    shot(page, "measure-saved")
    with browser_db.reading() as s:
        measure = s.scalars(select(Measure).where(Measure.number == "2.3")).one()
        assert measure.status == "in_progress" and measure.note == "Согласована площадка для сборки лифтов"


def test_it_accepts_a_proposal(page, browser_db: Database) -> None:  # noqa: ANN001
    evidence_id = add_proposal(browser_db, "3.2")
    sign_in(page)
    page.goto("/review")
    card = page.locator(f"#proposal-{evidence_id}")
    assert "сборочное производство" in card.inner_text()
    shot(page, "review")
    card.locator("input[name=note]").fill("подтверждено секретариатом")
    card.locator("button.primary").click()
    page.wait_for_url("**/review")
    assert page.locator(f"#proposal-{evidence_id}").count() == 0
    with browser_db.reading() as s:
        evidence = s.get(Evidence, evidence_id)
        assert evidence.state == "accepted" and evidence.decided_by == "carol"


def test_it_searches_in_russian(page) -> None:  # noqa: ANN001
    sign_in(page)
    page.fill("nav.main input[name=q]", "соглашения")
    page.press("nav.main input[name=q]", "Enter")
    page.wait_for_selector("#results li")
    assert "Соглашение о сотрудничестве в области ветеринарии" in page.locator("#results").inner_text()
    shot(page, "search")


def test_it_switches_to_english(page) -> None:  # noqa: ANN001
    sign_in(page)
    page.goto("/roadmap")
    page.click("#lang-en")
    page.wait_for_selector("html[lang=en]")
    assert page.locator("nav.main a.on").inner_text() == "Roadmap"
    assert "Illustrative example" in page.locator(".illustrative-banner").inner_text()
    shot(page, "roadmap-en")
    page.goto("/")
    page.wait_for_selector("#trade-chart[data-drawn='1'] svg.main-svg", timeout=20_000)
    shot(page, "dashboard-en")
    page.click("a[hreflang=ru]")
    page.wait_for_selector("html[lang=ru]")


@pytest.mark.parametrize("path,name", [
    ("/agreements", "agreements"), ("/agreements/1", "agreement"), ("/projects", "projects"), ("/projects/1", "project"),
    ("/commission", "commission"), ("/commission/sessions/1", "session"), ("/events", "events"), ("/events/1", "event"),
    ("/people", "people"), ("/people/1", "person"), ("/organisations/1", "organisation"), ("/trade", "trade"),
    ("/reports", "reports"), ("/account", "account"), ("/api/docs", "api-docs"),
])
def test_every_page_renders(page, path: str, name: str) -> None:  # noqa: ANN001
    sign_in(page)
    response = page.goto(path)
    assert response.status == 200
    if name == "trade":
        page.wait_for_selector("#trade-chart[data-drawn='1'] svg.main-svg", timeout=20_000)
    shot(page, name)
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, f"{name}-phone")
