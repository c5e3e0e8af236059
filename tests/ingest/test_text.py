"""Identity before language processing: canonical URLs, normalised-text hashes, language, near-duplicates."""

from __future__ import annotations

import pytest

from accord.ingest.text import canonical_url, language, normalise, resemblance, shingles, text_hash
from accord.ingest.watch import parse_every
from tests.ingest import texts


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://Belta.BY/news/1/?utm_source=rss&utm_medium=x", "https://belta.by/news/1"),
        ("https://belta.by:443/news/1#comments", "https://belta.by/news/1"),
        ("http://kabar.kg/news?b=2&a=1&fbclid=zz", "http://kabar.kg/news?a=1&b=2"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
    ],
)
def test_one_page_has_one_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_the_hash_ignores_spacing_case_quotes_and_yo() -> None:
    a = "Подписан «Меморандум»  о\nсотрудничестве — ещё один"
    b = 'подписан "меморандум" о сотрудничестве - еще один '
    assert normalise(a) == normalise(b) and text_hash(a) == text_hash(b)
    assert text_hash(a) != text_hash(a + " и протокол")


@pytest.mark.parametrize(
    ("text", "lang"),
    [(texts.LIFTS, "ru"), (texts.KYRGYZ, "ky"), (texts.ENGLISH, "other"), ("12 345 — 678", None)],
)
def test_language_is_told_by_letters(text: str, lang: str | None) -> None:
    assert language(text) == lang


def test_two_tellings_of_one_story_share_more_than_two_stories() -> None:
    same = resemblance(shingles(texts.VETERINARY), shingles(texts.VETERINARY + "\nДополнено."))
    other = resemblance(shingles(texts.VETERINARY), shingles(texts.LIFTS))
    assert same > 0.9 and other < 0.05


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600), ("2", 2), ("1.5m", 90)]
)
def test_intervals(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-5m", "0"])
def test_bad_intervals_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)
