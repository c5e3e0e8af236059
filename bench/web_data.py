"""A large generated record for the web benchmark: roadmaps, measures, news, events, evidence, audit rows.

Rows go in with bulk Core inserts (no ORM, no flush listeners); the search entries
are written directly with the same lemmatisation the index uses. The shipped
example is loaded first, so the first roadmap is a real-shaped one with trade data.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text

from accord.domain.numbering import sort_key
from accord.domain.sectors import SECTORS
from accord.morphology import lemmatise
from accord.store import migrate
from accord.store.base import Base
from accord.store.db import Database

FULL = {"roadmaps": 200, "measures": 20_000, "news": 200_000, "audit": 1_000_000, "events": 20_000,
        "evidence": 40_000, "organizations": 2_000}
COUNTRIES = ["BY", "KG", "KZ", "UZ", "RU"]
PAIRS = [("BY", "KG"), ("BY", "KZ"), ("BY", "UZ"), ("KG", "KZ"), ("BY", "RU"), ("KG", "UZ")]
VERBS = ["провести", "подготовить", "организовать", "рассмотреть", "создать", "расширить", "согласовать"]
OBJECTS = ["соглашение о сотрудничестве", "поставки сельскохозяйственной техники", "совместное предприятие",
           "бизнес-миссию", "программу обучения специалистов", "выставку промышленной продукции",
           "логистический центр", "форум регионов", "меморандум о взаимопонимании", "сборочное производство лифтов"]
AREAS = ["в области здравоохранения", "в сфере цифрового развития", "в Чуйской области", "в Минской области",
         "в агропромышленном комплексе", "в сфере образования", "в энергетике", "в туризме"]
NEWS = ["Делегации {a} и {b} обсудили {o} {r}.", "Подписано {o} между организациями двух стран {r}.",
        "Министры провели переговоры и договорились {v} {o}.", "В Бишкеке состоялось заседание рабочей группы по вопросу: {o}.",
        "Стороны отметили рост товарооборота и необходимость {v} {o} {r}."]
ACTORS = ["alice", "carol", "ed_by", "ed_kg", "accord-ingest"]
FIELDS = [("status", "planned", "in_progress"), ("note", None, "Проведены консультации"), ("due_on", "2026-12-31", "2027-06-30"),
          ("progress_note", None, "Подготовлен проект документа"), ("expected_result", None, "Подписанный документ")]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def batches(rows: Iterable[dict[str, Any]], size: int = 5_000) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk(conn: Connection, name: str, rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    for batch in batches(rows):
        conn.execute(insert(table(name)), batch)
        count += len(batch)
    return count


def next_id(conn: Connection, name: str) -> int:
    return (conn.execute(select(func.max(table(name).c.id))).scalar() or 0) + 1


def scaled(scale: float) -> dict[str, int]:
    return {k: max(1, int(v * scale)) for k, v in FULL.items()}


def generate(db: Database, scale: float, today: date, log: Any = print) -> dict[str, int]:
    """Fill an empty database; returns the row counts made."""
    from accord.demo.example import load_example

    rnd = random.Random(2030)
    n = scaled(scale)
    started = time.perf_counter()
    migrate.upgrade(db)
    load_example(db, today)
    now = datetime.now(UTC)
    stamp = {"version": 1, "created_at": now, "updated_at": now}
    with db.engine.begin() as conn:
        org0 = next_id(conn, "organization")
        orgs = [{"id": org0 + i, "name": f"Организация {i} {rnd.choice(AREAS)}", "kind": "agency",
                 "country_code": COUNTRIES[i % len(COUNTRIES)], "illustrative": True, **stamp}
                for i in range(max(n["organizations"], len(COUNTRIES)))]
        by_country = {c: [o["id"] for o in orgs if o["country_code"] == c] for c in COUNTRIES}
        bulk(conn, "organization", orgs)
        rm0, dir0, m0 = next_id(conn, "roadmap"), next_id(conn, "direction"), next_id(conn, "measure")
        sectors = list(SECTORS)
        roadmaps, parties, directions, measures, assignments, entries = [], [], [], [], [], []
        per_roadmap = max(1, n["measures"] // n["roadmaps"])
        for r in range(n["roadmaps"] - 1):
            rid = rm0 + r
            pair = PAIRS[r % len(PAIRS)]
            roadmaps.append({"id": rid, "code": f"bench-{r:03d}", "title": f"Дорожная карта {r} ({pair[0]}–{pair[1]})",
                             "horizon_year": 2030, "illustrative": True, **stamp})
            parties += [{"roadmap_id": rid, "country_code": c, "ordinal": i} for i, c in enumerate(pair)]
            dirs = []
            for d, sector in enumerate(sectors[:10]):
                did = dir0 + r * 10 + d
                dirs.append(did)
                directions.append({"id": did, "roadmap_id": rid, "sector": sector, "title": SECTORS[sector][0],
                                   "title_en": SECTORS[sector][1], "ordinal": d, **stamp})
            for k in range(per_roadmap):
                mid = m0 + r * per_roadmap + k
                number = f"{k // 10 + 1}.{k % 10 + 1}"
                title = f"{rnd.choice(VERBS).capitalize()} {rnd.choice(OBJECTS)} {rnd.choice(AREAS)}"
                due = today + timedelta(days=rnd.randint(-400, 900))
                measures.append({"id": mid, "roadmap_id": rid, "direction_id": dirs[k // 10 % 10], "number": number,
                                 "sort_key": sort_key(number), "title": title, "due_kind": "date", "due_on": due,
                                 "status": rnd.choice(["planned", "planned", "in_progress", "done"]),
                                 "illustrative": True, **stamp})
                for i, country in enumerate(pair):
                    assignments.append({"measure_id": mid, "organization_id": rnd.choice(by_country[country]), "country_code": country,
                                        "role": "responsible", "ordinal": i})
                entries.append({"kind": "measure", "ref_id": mid, "title": f"{number}. {title}", "on": due,
                                "lemmas": lemmatise(title)})
        for name, rows in (("roadmap", roadmaps), ("roadmap_party", parties), ("direction", directions),
                           ("measure", measures), ("measure_assignment", assignments)):
            bulk(conn, name, rows)
        log(f"  roadmaps and {len(measures)} measures in {time.perf_counter() - started:.0f}s")
        ev0, src0, evi0 = next_id(conn, "event"), next_id(conn, "source_item"), next_id(conn, "evidence")
        events = [{"id": ev0 + i, "kind": rnd.choice(["talks", "meeting", "signing", "visit"]),
                   "title": f"Переговоры делегаций: {rnd.choice(OBJECTS)}", "held_on": today - timedelta(days=rnd.randint(0, 730)),
                   "location": rnd.choice(["Минск", "Бишкек", "Астана", "Ташкент"]), "illustrative": True, **stamp}
                  for i in range(n["events"])]
        bulk(conn, "event", events)
        measure_ids = [m["id"] for m in measures]

        def news() -> Iterator[dict[str, Any]]:
            for i in range(n["news"]):
                body = " ".join(rnd.choice(NEWS).format(a="Беларуси", b="Кыргызстана", o=rnd.choice(OBJECTS),
                                                        r=rnd.choice(AREAS), v=rnd.choice(VERBS)) for _ in range(4))
                title = body.split(".")[0][:140]
                published = today - timedelta(days=rnd.randint(0, 730))
                entries.append({"kind": "news", "ref_id": src0 + i, "title": title, "on": published,
                                "lemmas": lemmatise(body)})
                yield {"id": src0 + i, "url": f"https://news.example/{i}", "text_hash": f"{i:064x}", "title": title,
                       "published_on": published, "outlet": "Пример-новости", "text": body, "revision": 1,
                       "fetched_at": now, "illustrative": True,
                       "event_id": events[i % len(events)]["id"] if i % 10 == 0 else None}

        bulk(conn, "source_item", news())
        log(f"  {n['news']} news items in {time.perf_counter() - started:.0f}s")
        bulk(conn, "evidence", ({"id": evi0 + i, "source_item_id": src0 + rnd.randrange(n["news"]),
                                 "measure_id": rnd.choice(measure_ids), "state": "proposed" if i % 10 == 0 else "accepted",
                                 "score": round(rnd.random(), 2), "reason": "совпадение отрасли и организации", **stamp}
                                for i in range(n["evidence"])))
        bulk(conn, "search_entry", entries)
        log(f"  search index ({len(entries)} entries) in {time.perf_counter() - started:.0f}s")

        def audit() -> Iterator[dict[str, Any]]:
            for i in range(n["audit"]):
                mid = measure_ids[i % len(measure_ids)]
                field, old, new = FIELDS[i % len(FIELDS)]
                yield {"at": now - timedelta(minutes=n["audit"] - i), "actor": ACTORS[i % len(ACTORS)], "entity": "measure",
                       "entity_id": mid, "entity_key": str(mid), "action": "update", "field": field, "old": old,
                       "new": new, "reason": "bench", "version": 1}

        bulk(conn, "audit_entry", audit())
        log(f"  {n['audit']} audit rows in {time.perf_counter() - started:.0f}s")
        if conn.dialect.name == "postgresql":
            for name in ("organization", "roadmap", "roadmap_party", "direction", "measure", "measure_assignment", "event",
                         "source_item", "evidence", "search_entry", "audit_entry"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))"))
    with db.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text("ANALYZE"))
    return {**n, "seconds": int(time.perf_counter() - started)}
