"""One ingest run: sources in, items stored one transaction each, a summary out.

A source is a file, a folder, a web page, a feed, or the name of a source saved with
`accord source add`. Every failure is logged with its reason and the run goes on;
the exit code is 2 only when every source failed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from accord.ingest.catalog import Catalog
from accord.ingest.dedupe import AlreadyStored, check
from accord.ingest.feeds import FeedError, parse_feed
from accord.ingest.fetch import Fetcher, FetchError, Policy, looks_like_feed
from accord.ingest.items import Prepared, save, save_skipped
from accord.ingest.once import write_once
from accord.ingest.propose_model import dating_of
from accord.ingest.text import canonical_url, file_url, is_url, language, text_hash
from accord.ingest.validators import PageState, remember_page
from accord.news import Article, Extraction, UnreadableInput, extract_article, read_bytes
from accord.news import gate as relevance
from accord.news.header import split_header
from accord.news.kyrgyz import extract_kyrgyz
from accord.store.base import utcnow
from accord.store.db import Database
from accord.store.models import FetchedPage, FetchFailure, NewsSource

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".md")
LANGUAGES = {"other": "in another language (not Cyrillic)"}


class Progress(Protocol):
    def total(self, n: int) -> None: ...
    def step(self, label: str) -> None: ...


class _Quiet:
    def total(self, n: int) -> None:
        pass

    def step(self, label: str) -> None:
        pass


@dataclass
class Summary:
    """What a run did; ``to_dict`` is the `--json` output."""

    new: int = 0
    revised: int = 0
    duplicates: int = 0
    #: stored unread: the relevance gate found nothing an interaction between states could be in
    skipped: int = 0
    #: held back by the gate before, read in full now (``--no-gate``)
    reread: int = 0
    proposals: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    sources_ok: int = 0
    sources_failed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "revised": self.revised,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "reread": self.reread,
            "failed": list(self.failed),
            "proposals": self.proposals,
        }

    @property
    def exit_code(self) -> int:
        return 2 if self.sources_failed and not self.sources_ok else 0


class Ingestor:
    """Reads sources into the record; one per run (it holds the HTTP client and the directory indexes)."""

    def __init__(
        self,
        db: Database,
        actor: str,
        policy: Policy | None = None,
        progress: Progress | None = None,
        gate: bool = True,
    ) -> None:
        """``gate``: hold back, unread, items the relevance gate finds no interaction between states in."""
        self.db = db
        self.gate = gate
        self.actor = actor
        self.fetcher = Fetcher(policy)
        self.progress = progress or _Quiet()
        self.summary = Summary()
        self._catalog: Catalog | None = None
        self._ok = False

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- sources ------------------------------------------------------------------------------

    def run(self, sources: list[str]) -> Summary:
        """Ingest each argument: a path, a URL, or a saved source's name."""
        for arg in sources:
            self._ok, failures = False, len(self.summary.failed)
            if is_url(arg):
                self._url(arg, arg, None)
            elif Path(arg).exists():
                self._path(Path(arg), arg)
            else:
                named = self._named(arg)
                if named is None:
                    self._fail(arg, None, "no such file, folder, URL or saved source", None)
                else:
                    self.poll(named)
                    continue
            self._tally(failures)
        return self.summary

    def poll(self, source: NewsSource) -> None:
        """Poll a saved source with a conditional GET, and remember its validators and errors."""
        self._ok, failures = False, len(self.summary.failed)
        etag, modified = (source.etag, source.last_modified) if source.kind == "feed" else (None, None)
        validators = self._url(source.url, source.name, source.id, etag, modified, kind=source.kind)
        with self.db.transaction() as session:
            row = session.get_one(NewsSource, source.id)
            row.last_polled_at = utcnow()
            errors = self.summary.failed[failures:]
            row.last_error = errors[-1]["error"] if errors else None
            if self._ok or not errors:
                row.last_ok_at = row.last_polled_at
            if validators is not None and not errors:
                # with an entry left behind, the next poll must read the whole feed again to retry it
                row.etag, row.last_modified = validators
        self._tally(failures)

    def _tally(self, failures_before: int) -> None:
        if self._ok or len(self.summary.failed) == failures_before:
            self.summary.sources_ok += 1
        else:
            self.summary.sources_failed += 1

    def _named(self, name: str) -> NewsSource | None:
        with self.db.reading() as session:
            return session.scalar(select(NewsSource).where(NewsSource.name == name))

    def _path(self, path: Path, label: str) -> None:
        files = (
            sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if path.is_dir()
            else [path]
        )
        if path.is_dir() and not files:
            self._fail(label, None, f"no {', '.join(SUFFIXES)} files in the folder", None)
        self.progress.total(len(files))
        for file in files:
            try:
                data = file.read_bytes() if file.stat().st_size <= self.fetcher.policy.max_bytes else None
            except OSError as exc:
                self._fail(label, str(file), f"cannot read file: {exc.strerror or exc}", None)
                continue
            if data is None:
                self._fail(
                    label, str(file), f"file is larger than {self.fetcher.policy.max_bytes // 2**20} MB", None
                )
                continue
            try:
                self.item(file_url(file), data, None, label)
            except UnreadableInput as exc:
                self._fail(label, str(file), exc.reason, None)
            except Exception as exc:  # noqa: BLE001 - one bad item must not stop the run
                log.exception("cannot process %s", file)
                self._fail(label, str(file), _unexpected(exc), None)
            self.progress.step(file.name)

    def _url(
        self,
        url: str,
        label: str,
        source_id: int | None,
        etag: str | None = None,
        modified: str | None = None,
        kind: str | None = None,
    ) -> tuple[str | None, str | None] | None:
        """Fetch a page or a feed; returns the validators to keep for the next poll."""
        key = canonical_url(url)
        page = self._page_state(key) if kind != "feed" else None
        if page is not None:
            etag, modified = page.etag, page.last_modified
        try:
            fetched = self.fetcher.get(url, etag, modified)
        except FetchError as exc:
            self._fail(label, url, exc.reason, source_id)
            return None
        if fetched.not_modified:
            self._ok = True
            if kind != "feed":
                self.summary.duplicates += 1
            return etag, modified
        if kind == "feed" or (kind is None and looks_like_feed(fetched)):
            self._feed(fetched.body, fetched.url, label, source_id)
        else:
            self._page(
                key,
                fetched.body,
                fetched.content_type,
                label,
                source_id,
                PageState(key, fetched.etag, fetched.last_modified),
            )
        return fetched.etag, fetched.last_modified

    def _feed(self, body: bytes, base: str, label: str, source_id: int | None) -> None:
        try:
            entries = parse_feed(body, base)
        except FeedError as exc:
            self._fail(label, base, exc.reason, source_id)
            return
        self._ok = True
        self.progress.total(len(entries))
        for entry in entries:
            key = canonical_url(entry.link)
            known = self._page_state(key)
            if known is not None and entry.stamp and known.stamp == entry.stamp:
                self.summary.duplicates += 1
                self.progress.step(entry.title or key)
                continue
            try:
                fetched = self.fetcher.get(
                    entry.link, known.etag if known else None, known.last_modified if known else None
                )
            except FetchError as exc:
                self._fail(label, entry.link, exc.reason, source_id)
                self.progress.step(entry.title or key)
                continue
            if fetched.not_modified:
                self.summary.duplicates += 1
                if known is not None and entry.stamp != known.stamp:  # re-dated, same page: skip it next time
                    with self.db.transaction() as session:
                        remember_page(session, PageState(key, known.etag, known.last_modified, entry.stamp))
            else:
                state = PageState(key, fetched.etag, fetched.last_modified, entry.stamp)
                self._page(key, fetched.body, fetched.content_type, label, source_id, state, entry.published)
            self.progress.step(entry.title or key)

    def _page(
        self,
        key: str,
        body: bytes,
        content_type: str | None,
        label: str,
        source_id: int | None,
        state: PageState,
        published: date | None = None,
    ) -> None:
        try:
            self.item(key, body, content_type, label, state, published, source_id)
        except UnreadableInput as exc:
            self._fail(label, key, exc.reason, source_id, state)
        except Exception as exc:  # noqa: BLE001 - one bad item must not stop the run
            log.exception("cannot process %s", key)
            self._fail(label, key, _unexpected(exc), source_id)

    def _page_state(self, key: str) -> FetchedPage | None:
        with self.db.reading() as session:
            return session.scalar(select(FetchedPage).where(FetchedPage.url == key))

    # --- items --------------------------------------------------------------------------------

    def item(
        self,
        key: str,
        data: bytes,
        content_type: str | None,
        label: str,
        page: PageState | None = None,
        published: date | None = None,
        source_id: int | None = None,
    ) -> str:
        """Read, check, extract and store one item; returns "new", "revised", "reread", "duplicate" or
        "skipped" (stored unread: the relevance gate found nothing to read).

        Raises ``UnreadableInput`` for input that is not a readable text.
        """
        article = read_bytes(data, key, content_type)
        digest = text_hash(article.text)
        with self.db.reading() as session:
            status, _ = check(session, key, digest)
        if status == "duplicate" or (status == "skipped" and self.gate):
            self._ok = True
            self.summary.duplicates += 1
            if page is not None:
                with self.db.transaction() as session:
                    remember_page(session, page)
            return "duplicate"
        lang = language(article.text)
        if lang == "ru" and self.gate:
            verdict = relevance.check(article.text, [r.parties for r in self.catalog().record.roadmaps])
            if not verdict.passed:
                return self._skip(key, article, digest, _outlet(key, label), page, published, verdict.reason or "")
        if lang == "ru":
            extraction = extract_article(article)
        elif lang == "ky":  # kept and searchable; only its states and officials are read
            extraction = extract_kyrgyz(article)
        else:
            raise UnreadableInput(f"item is {LANGUAGES.get(lang or '', 'without words')}, not Russian or Kyrgyz")
        dating = dating_of(extraction, published, article.text)
        prepared = Prepared(
            key=key,
            text=article.text,
            text_hash=digest,
            title=extraction.title or article.title,
            outlet=_outlet(key, label),
            language=lang,
            extraction=extraction,
            day=dating.day,
            page=page,
            date_basis=dating.basis.value if dating.basis else None,
        )
        catalog = self.catalog()
        try:
            saved = write_once(self.db, self.actor, f"ingest {key}", lambda session: save(session, catalog, prepared))
        except (AlreadyStored, IntegrityError):
            self._ok = True
            self.summary.duplicates += 1
            return "duplicate"
        for person in saved.new_people:
            catalog.people.add(person)
        self._ok = True
        if saved.status == "new":
            self.summary.new += 1
        elif saved.status == "reread":
            self.summary.reread += 1
        else:
            self.summary.revised += 1
        self.summary.proposals += saved.proposals
        return saved.status

    def _skip(
        self,
        key: str,
        article: Article,
        digest: str,
        outlet: str | None,
        page: PageState | None,
        published: date | None,
        reason: str,
    ) -> str:
        """Store an item the gate held back: searchable, unread, with the gate's reason."""
        header_date, rest = split_header(article.text)
        date_of = article.date or header_date
        headline = next((line.strip() for line in rest.splitlines() if line.strip()), "")[:300]
        unread = Extraction(source=key, date=date_of, date_basis=article.date_basis if article.date else None)
        dating = dating_of(unread, published, article.text)
        prepared = Prepared(
            key=key,
            text=article.text,
            text_hash=digest,
            title=article.title or headline or None,
            outlet=outlet,
            language="ru",
            extraction=unread,
            day=dating.day,
            page=page,
            date_basis=dating.basis.value if dating.basis else None,
        )
        try:
            write_once(self.db, self.actor, f"ingest {key} (held back: {reason})",
                       lambda session: save_skipped(session, prepared, reason))
        except (AlreadyStored, IntegrityError):
            self._ok = True
            self.summary.duplicates += 1
            return "duplicate"
        self._ok = True
        self.summary.skipped += 1
        return "skipped"

    def catalog(self) -> Catalog:
        """The directory and record indexes, read on the first item that needs them."""
        if self._catalog is None:
            with self.db.reading() as session:
                self._catalog = Catalog.load(session)
        return self._catalog

    def _fail(
        self, label: str, url: str | None, reason: str, source_id: int | None, page: PageState | None = None
    ) -> None:
        """Log a failure; a page that cannot be read as news is remembered so a re-poll skips it."""
        log.warning("%s: %s", url or label, reason)
        self.summary.failed.append(
            {"source": label if url is None or url == label else f"{label}: {url}", "error": reason}
        )
        with self.db.transaction() as session:
            session.add(FetchFailure(news_source_id=source_id, source=label, url=url, error=reason))
            if page is not None and page.stamp:
                remember_page(session, page)


def _unexpected(exc: Exception) -> str:
    """A failure nobody foresaw, named for the log (the item is retried on the next run)."""
    first = (str(exc) or "").splitlines()[0][:200] if str(exc) else ""
    return f"cannot process the item: {exc.__class__.__name__}" + (f": {first}" if first else "")


def _outlet(key: str, label: str) -> str | None:
    if key.startswith("file:"):
        return None
    return (urlsplit(key).hostname or label)[:200]


def saved_sources(db: Database, names: list[str] | None = None) -> Iterator[NewsSource]:
    """Active saved sources (all, or those named), in order of creation."""
    with db.reading() as session:
        query = select(NewsSource).where(NewsSource.active.is_(True)).order_by(NewsSource.id)
        if names:
            query = query.where(NewsSource.name.in_(names))
        yield from session.scalars(query).all()
