"""Reader layer: encodings, HTML pages, header lines and unreadable input."""

from __future__ import annotations

import json

import pytest

from accord.news import extract_article, extract_bytes
from accord.news.reader import MAX_BYTES, UnreadableInput, read_bytes, read_path

from .conftest import FIXTURES

TITLE = "Узбекистан и Казахстан подписали соглашение о транзите грузов"


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("transit_cp1251.txt", "cp1251"), ("transit_koi8r.txt", "koi8_r"), ("transit_utf8_bom.txt", "utf_8_sig")],
)
def test_it_detects_the_encoding(models, name: str, encoding: str) -> None:
    article = read_path(FIXTURES / name)
    assert article.encoding == encoding
    assert article.text.splitlines()[0] == TITLE
    got = extract_article(article, models=models)
    assert got.source == str(FIXTURES / name)
    assert got.title == TITLE
    assert got.date == "2025-03-12"
    assert got.countries == ["KZ", "UZ"]
    assert {(p.name, p.position, p.country) for p in got.persons} == {
        ("Ильхом Махкамов", "министр транспорта", "UZ"),
        ("Марат Карабаев", "министр транспорта", "KZ"),
    }
    assert [(d.type, d.status) for d in got.documents] == [("agreement", "signed")]
    assert [(f.kind, f.value, f.unit, f.period) for f in got.figures] == [("growth_pct", 12.0, "%", "2024")]


def test_it_reduces_html_to_headline_and_article(models) -> None:
    article = read_path(FIXTURES / "page_cp1251.html")
    assert article.content_type == "text/html"
    assert article.title == "Вьетнам и Беларусь обсудили поставки техники"
    assert "Перепечатка" not in article.text and "Главная" not in article.text
    got = extract_article(article, models=models)
    assert got.title == "Вьетнам и Беларусь обсудили поставки техники"
    assert got.date == "2025-06-05"
    assert got.countries == ["BY", "VN"]
    assert {p.name for p in got.persons} == {"Дмитрий Харитончик", "Нгуен Синь Нят Тан"}
    assert [(d.type, d.status) for d in got.documents] == [("memorandum", "signed")]
    assert "industry" in got.sectors


def test_a_header_line_before_html_is_kept() -> None:
    page = "date 2025-06-05 site\n<html><body><article><h1>Заголовок новости</h1><p>" + "Текст новости. " * 20
    article = read_bytes((page + "</p></article></body></html>").encode("utf-8"), "page.html")
    assert article.text.startswith("date 2025-06-05 site\n")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "input is empty"),
        (b"   \n\t ", "input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "input is binary, not text"),
        (b"a" * (MAX_BYTES + 1), "input is larger than 5 MB"),
    ],
)
def test_unreadable_input_is_a_typed_error(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableInput) as err:
        read_bytes(data, "x")
    assert err.value.reason == reason


def test_extract_bytes_turns_errors_into_error_objects() -> None:
    assert extract_bytes(b"", "empty.txt") == {"source": "empty.txt", "error": "input is empty"}


def test_a_missing_file_is_an_error(tmp_path) -> None:
    with pytest.raises(UnreadableInput, match="cannot read file"):
        read_path(tmp_path / "missing.txt")


@pytest.mark.slow
def test_a_long_item_is_read_in_linear_time(models) -> None:
    import time

    item = (FIXTURES / "roadmap_by_kg.txt").read_text(encoding="utf-8")
    body = item.split("\n", 2)[2].rsplit("\n\n", 1)[0] + "\n\n"  # without the one-off typo
    t0 = time.perf_counter()
    short = extract_article(read_bytes(body.encode(), "short.txt"), models=models)
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    long_ = extract_article(read_bytes((body * 60).encode(), "long.txt"), models=models)
    sixty = time.perf_counter() - t0
    assert {p.name for p in long_.persons} == {p.name for p in short.persons}
    assert sixty < 60 * one * 3 + 5


def test_plain_text_served_as_html_is_read_as_text() -> None:
    article = read_bytes("Заголовок\nМинистры встретились в Минске.".encode(), "x", "text/html; charset=utf-8")
    assert article.content_type == "text/plain"
    assert article.text.startswith("Заголовок\n")


PAGE_BODY = (
    "<p>Экономика</p><p>Министр промышленности Беларуси и министр экономики Кыргызстана подписали в Бишкеке "
    "соглашение о сборке лифтов. Стороны обсудили также поставки техники.</p>"
    "<p>Читайте также: Беларусь и Вьетнам обсудили поставки техники</p>"
    "<p>По словам министров, сборочное производство откроется до конца года. Объем инвестиций составит "
    "12 млн долларов, а первые лифты будут собраны уже весной.</p>"
)


def _page(head: str, h1: str = "Лифты соберут в Бишкеке") -> bytes:
    return (
        f"<html><head>{head}<title>Новости | Сайт</title></head><body><article><h1>{h1}</h1>"
        f"{PAGE_BODY}</article></body></html>"
    ).encode()


def test_the_pages_own_metadata_gives_headline_and_date(models) -> None:
    head = (
        '<meta property="og:title" content="Беларусь и Кыргызстан договорились о сборке лифтов">'
        '<meta property="article:published_time" content="2024-11-03T09:40:00+06:00">'
    )
    article = read_bytes(_page(head), "page.html")
    assert (article.title, article.date, article.date_basis) == (
        "Беларусь и Кыргызстан договорились о сборке лифтов", "2024-11-03", "metadata")
    got = extract_article(article, models=models)
    assert (got.title, got.date, got.date_basis) == (
        "Беларусь и Кыргызстан договорились о сборке лифтов", "2024-11-03", "metadata")
    assert got.countries == ["BY", "KG"]  # «Читайте также» about Vietnam is page furniture


def test_json_ld_wins_over_open_graph() -> None:
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Сайт"},
        {"@type": "NewsArticle", "headline": "Лифты из Могилева соберут в Бишкеке",
         "datePublished": "2023-02-14T10:15:00+03:00"},
    ]}
    head = (
        '<meta property="og:title" content="Лифты соберут в Бишкеке – Сайт">'
        '<meta property="article:published_time" content="2023-02-15">'
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    )
    article = read_bytes(_page(head), "page.html")
    assert (article.title, article.date) == ("Лифты из Могилева соберут в Бишкеке", "2023-02-14")


def test_a_page_without_metadata_is_dated_from_its_byline(models) -> None:
    body = PAGE_BODY.replace("<p>Экономика</p>", "<p>Экономика</p><p>Опубликовано: 03.02.2026</p>")
    page = (f"<html><head></head><body><article><h1>Лифты соберут в Бишкеке</h1>{body}</article></body></html>")
    got = extract_article(read_bytes(page.encode(), "page.html"), models=models)
    assert (got.title, got.date, got.date_basis) == ("Лифты соберут в Бишкеке", "2026-02-03", "byline")


def test_broken_json_ld_is_ignored() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    article = read_bytes(_page(head), "page.html")
    assert article.date is None and article.date_basis is None
