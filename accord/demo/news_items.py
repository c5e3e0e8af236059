"""The example's news: illustrative items read through the ingest runner, a few proposals accepted.

The items in ``news/`` were written for the example (no outlet published them; the outlets'
names are invented and live under the reserved ``.example`` domain). They are read by the
same ``Ingestor.item`` that `accord ingest` uses, so dedupe, events, people and proposals are
the real ones; then the proposals in ``ACCEPTED`` are accepted through the review service as
``accord-demo``, so measures show evidence on the first screen. A declared proposal the
reader no longer makes is an error: the example must not drift silently.

A file is named ``DATE--OUTLET--SLUG.txt`` (or ``.html``); its URL is built from the outlet
and the slug. Every item, every event first reported by one and every person first named in
one is flagged illustrative.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update

from accord.demo.example import ACTOR
from accord.ingest import review
from accord.ingest.run import Ingestor
from accord.store.db import Database
from accord.store.models import Event, Evidence, Measure, Person, SourceItem

NEWS_DIR = Path(__file__).with_name("news")
#: the invented outlets, by the key in a file's name
OUTLETS: dict[str, str] = {
    "vestnik": "delovoy-vestnik.example",
    "ala-too": "ala-too-info.example",
    "sodruzhestvo": "sodruzhestvo-press.example",
    "agro": "agro-obozrenie.example",
}
CONTENT_TYPES = {".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8"}
#: (file, measure number): proposals accepted when the example loads, so measures show evidence
ACCEPTED: tuple[tuple[str, str], ...] = (
    ("2026-02-18--agro--sborka-kombainov.txt", "2.1"),
    ("2026-03-12--ala-too--stazhirovka-vrachei.txt", "9.1"),
    ("2026-04-08--vestnik--elektronnoe-pravitelstvo.txt", "7.3"),
    ("2026-06-10--agro--obuchenie-veterinarov.txt", "3.4"),
)
NOTE = "принято при загрузке примера (иллюстративная новость)"


class DemoNewsError(RuntimeError):
    """The shipped news no longer load as declared (a file, an outlet or an accepted proposal)."""


@dataclass
class NewsSummary:
    items: int
    events: int
    pending: int
    accepted: int
    seconds: float


def news_files(folder: Path = NEWS_DIR) -> list[Path]:
    """The shipped items in the order they were published (their names start with the date)."""
    return sorted(p for p in folder.iterdir() if p.suffix in CONTENT_TYPES)


def item_url(path: Path) -> str:
    """The item's invented address: its outlet's host and its slug."""
    parts = path.stem.split("--")
    if len(parts) != 3 or parts[1] not in OUTLETS:
        raise DemoNewsError(f"{path.name}: name it DATE--OUTLET--SLUG with an outlet of {sorted(OUTLETS)}")
    day, outlet, slug = parts
    return f"https://{OUTLETS[outlet]}/{day[:4]}/{day[5:7]}/{slug}"


def load_news(db: Database, folder: Path = NEWS_DIR, accepted: tuple[tuple[str, str], ...] = ACCEPTED) -> NewsSummary:
    """Ingest the example's items, flag what they brought as illustrative, accept the declared proposals."""
    started = time.perf_counter()
    files = news_files(folder)
    urls = {path.name: item_url(path) for path in files}
    with db.reading() as session:
        last_event = session.scalar(select(func.max(Event.id))) or 0
        last_person = session.scalar(select(func.max(Person.id))) or 0
    with Ingestor(db, ACTOR) as ingestor:
        for path in files:
            # an unreadable shipped item is a broken example: let the error name it
            status = ingestor.item(urls[path.name], path.read_bytes(), CONTENT_TYPES[path.suffix], "accord demo")
            if status not in ("new", "revised"):
                raise DemoNewsError(f"{path.name}: stored as {status}, expected a new item")
    # flagged before anything else can fail: invented items are never left looking real
    with db.transaction(actor=ACTOR, reason="accord demo --load: illustrative news") as session:
        session.execute(update(SourceItem).where(SourceItem.url.in_(urls.values())).values(illustrative=True))
        session.execute(update(Event).where(Event.id > last_event).values(illustrative=True))
        session.execute(update(Person).where(Person.id > last_person).values(illustrative=True))
    with db.transaction(actor=ACTOR, reason="accord demo --load: accepted example proposals") as session:
        for name, number in accepted:
            if name not in urls:
                raise DemoNewsError(f"{name}: declared as accepted, but there is no such item in {folder}")
            evidence_id = session.scalar(
                select(Evidence.id)
                .join(SourceItem, SourceItem.id == Evidence.source_item_id)
                .join(Measure, Measure.id == Evidence.measure_id)
                .where(SourceItem.url == urls[name], Measure.number == number)
            )
            if evidence_id is None:
                raise DemoNewsError(
                    f"{name}: the news reader no longer proposes it for measure {number}; "
                    "change the item or the declared list in accord/demo/news_items.py"
                )
            review.accept(session, evidence_id, ACTOR, NOTE)
    with db.reading() as session:
        events = session.scalar(
            select(func.count(func.distinct(SourceItem.event_id))).where(SourceItem.url.in_(urls.values()))
        )
        pending = review.waiting(session)
    return NewsSummary(len(files), events or 0, pending, len(accepted), time.perf_counter() - started)
