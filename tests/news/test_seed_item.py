"""A whole news item written for these tests, with the seed roadmap's facts: the full expected object."""

from __future__ import annotations

from accord.news import extract

from .conftest import FIXTURES


def as_set(items: list[dict]) -> set[str]:
    return {repr(sorted(i.items())) for i in items}


def test_it_reads_the_whole_item(models) -> None:
    text = (FIXTURES / "roadmap_by_kg.txt").read_text(encoding="utf-8")
    got = extract(text, source="roadmap_by_kg.txt", models=models).to_dict()
    assert list(got) == ["source", "date", "title", "countries", "persons", "events", "documents", "sectors",
                         "figures", "quotes", "extra"]
    assert got["source"] == "roadmap_by_kg.txt"
    assert got["date"] == "2025-09-29"
    assert got["extra"] == {"date_basis": "header"}
    assert got["title"] == "Беларусь и Кыргызстан утвердили дорожную карту экономического сотрудничества до 2030 года"
    assert got["countries"] == ["BY", "KG"]
    assert as_set(got["persons"]) == as_set([
        {"name": "Александр Турчин", "position": "премьер-министр", "country": "BY"},
        {"name": "Адылбек Касымалиев", "position": "председатель кабинета министров", "country": "KG"},
    ])
    assert as_set([{**e, "countries": tuple(e["countries"])} for e in got["events"]]) == as_set([
        {"type": t, "countries": ("BY", "KG"), "location": "Минск"} for t in ("official_visit", "talks", "signing")
    ])
    assert as_set([{**d, "countries": tuple(d["countries"])} for d in got["documents"]]) == as_set([
        {"type": "roadmap", "countries": ("BY", "KG"), "until": 2030, "status": "signed"},
        {"type": "memorandum", "countries": ("BY", "KG"), "until": None, "status": "signed"},
    ])
    assert got["sectors"] == ["agriculture", "digital", "environment", "healthcare", "industry", "trade"]
    assert as_set(got["figures"]) == as_set([
        {"kind": "agreements_count", "value": 50.0, "unit": "items", "period": None},
        {"kind": "trade_turnover", "value": 133_000_000.0, "unit": "USD", "period": "2024"},
        {"kind": "trade_turnover", "value": 68_000_000.0, "unit": "USD", "period": "2025-01..2025-06"},
        {"kind": "target", "value": 500_000_000.0, "unit": "USD", "period": None},
    ])
    assert got["quotes"] == [{"speaker": "Александр Турчин", "start": "Мы готовы наладить в Кыргызстане"}]


def test_it_merges_the_typo_into_the_person_meant(models) -> None:
    text = (FIXTURES / "roadmap_by_kg.txt").read_text(encoding="utf-8")
    names = [p.name for p in extract(text, models=models).persons]
    assert "Александр Турчин" in names
    assert not any("Тручин" in n for n in names)


def test_it_keeps_extras_out_of_the_contract_keys(run) -> None:
    got = run("Минск и Бишкек договорились о поставках.").to_dict()
    assert set(got) == {"source", "date", "title", "countries", "persons", "events", "documents", "sectors",
                        "figures", "quotes", "extra"}
    assert got["extra"] == {"date_basis": None}
