"""The fetcher against the local site: every fault ends as a FetchError with a readable reason."""

from __future__ import annotations

import pytest

from accord.ingest.feeds import FeedError, parse_feed
from accord.ingest.fetch import Fetcher, FetchError, Policy, looks_like_feed
from tests.ingest import texts
from tests.ingest.conftest import FAST, Site


def fetch_error(url: str, policy: Policy = FAST) -> str:
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value.reason


def test_it_fetches_a_page_and_then_asks_whether_it_changed(site: Site) -> None:
    url = site.publish("/news/1", texts.LIFTS)
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(url)
        assert first.status == 200 and "лифт".encode() in first.body and first.etag
        again = fetcher.get(url, etag=first.etag)
    assert again.not_modified and again.body == b""


def test_it_gives_up_on_an_unreachable_host_after_retrying(unreachable: str) -> None:
    waits: list[float] = []
    with Fetcher(Policy(timeout=0.5, retries=2, backoff=0.2), sleep=waits.append) as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.get(unreachable)
    assert caught.value.reason.startswith("cannot connect")
    assert waits == [0.2, 0.4]  # backoff doubles


def test_it_times_out(site: Site) -> None:
    assert fetch_error(site.url("/slow")) == "timed out after 0.5 s"


@pytest.mark.parametrize(("path", "reason"), [("/missing", "HTTP 404"), ("/error", "HTTP 500")])
def test_it_reports_http_errors(site: Site, path: str, reason: str) -> None:
    assert fetch_error(site.url(path)).startswith(reason)


def test_a_404_is_not_retried_but_a_500_is(site: Site) -> None:
    fetch_error(site.url("/missing"))
    fetch_error(site.url("/error"))
    assert site.hits["/missing"] == 1 and site.hits["/error"] == 2


def test_it_stops_a_redirect_loop(site: Site) -> None:
    assert "too many redirects" in fetch_error(site.url("/loop"))


def test_it_refuses_content_that_is_not_a_page(site: Site) -> None:
    assert fetch_error(site.url("/image.png")) == "not a news page or feed: content type image/png"


def test_it_cuts_a_huge_page_off_at_the_cap_while_streaming(site: Site) -> None:
    reason = fetch_error(site.url("/huge"))
    assert reason == "page is larger than 5 MB (cut off while reading)"


def test_a_feed_yields_its_entries(site: Site) -> None:
    url = site.feed("/rss", [("/news/1", "Лифты", "Tue, 03 Nov 2026 10:00:00 +0300")])
    with Fetcher(FAST) as fetcher:
        got = fetcher.get(url)
    assert looks_like_feed(got)
    (entry,) = parse_feed(got.body, got.url)
    assert entry.link == site.url("/news/1") and entry.title == "Лифты"
    assert entry.published is not None and entry.published.isoformat() == "2026-11-03"


def test_a_malformed_feed_is_refused_with_the_reason() -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(b"<?xml version='1.0'?><rss><channel><item><title>\xd0\x9d\xd0\xbe</title", "http://x/")
    assert caught.value.reason.startswith("malformed feed")
