"""The route modules, one per area; each holds a page and its JSON twin side by side."""

from __future__ import annotations

from accord.web.routes import (
    agreements,
    apidocs,
    auth,
    calendar,
    commission,
    dashboard,
    directory,
    projects,
    reports,
    review,
    roadmap,
    search,
    trade,
)

ROUTERS = tuple(m.router for m in (apidocs, auth, calendar, dashboard, roadmap, agreements, projects, commission, directory, review, trade, search, reports))
