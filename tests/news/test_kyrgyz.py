"""Kyrgyz-language items: the states and officials a small lexicon can name, and nothing more."""

from __future__ import annotations

import pytest

from accord.news.kyrgyz import extract_kyrgyz, find_date, find_officials, find_states
from accord.news.reader import Article

ITEM = """Саясат
Кыргызстан менен Беларусь экономикалык кызматташтыктын жол картасына кол коюшту
Минск, 2025-жылдын 29-сентябры.
Министрлер кабинетинин төрагасы Адылбек Касымалиев Беларусь Республикасынын Премьер-министри Александр Турчин менен сүйлөшүү жүргүздү.
Тараптар соода жүгүртүүнү 500 миллион долларга жеткирүүнү макулдашты.
"""


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("Бишкек, 2026-жылдын 20-апрели.", "2026-04-20"),
        ("2025-жылы 3-мартта Ош шаарында", "2025-03-03"),
        ("14-ноябрь, 2024 | 10:15", "2024-11-14"),
        ("Жарыяланды: 05.02.2026", "2026-02-05"),
        ("Бишкек, 20-ноябрь.", None),  # no year: no date
        ("2016-жылдын 31-июну", None),  # June has 30 days
    ],
)
def test_dates_as_kyrgyz_news_writes_them(head: str, date: str | None) -> None:
    assert find_date(head + "\nТекст.") == date


def test_states_are_found_with_their_case_endings_in_order_of_mention() -> None:
    assert find_states("Казакстандын делегациясы Кыргыз Республикасына келди, Кытайдан да өкүлдөр бар.") == [
        "KZ",
        "KG",
        "CN",
    ]
    assert find_states("Ош шаарында жаңы мектеп ачылды.") == []


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        (
            "Министрлер кабинетинин төрагасы Адылбек Касымалиев сүйлөдү.",
            ("Адылбек Касымалиев", "председатель кабинета министров", "KG"),
        ),
        (
            "Беларусь Республикасынын Премьер-министри Александр Турчин келди.",
            ("Александр Турчин", "премьер-министр", "BY"),
        ),
        (
            "Казакстандын Тышкы иштер министри Ермек Көшербаевге кат жөнөтүлдү.",
            ("Ермек Көшербаев", "министр иностранных дел", "KZ"),
        ),
        ("Элчи Алексей Петров билдирди.", ("Алексей Петров", "посол", None)),
    ],
)
def test_officials_with_their_office_and_state(sentence: str, person: tuple[str, str, str | None]) -> None:
    found = find_officials(sentence)
    assert [(p.name, p.position, p.country) for p in found] == [person]


def test_a_name_without_an_office_is_not_claimed() -> None:
    assert find_officials("Айгүл Бекбоева менен жолугушту.") == []


def test_an_item_gives_parties_and_officials_and_claims_nothing_else() -> None:
    out = extract_kyrgyz(Article(text=ITEM, source="ky.txt")).to_dict()
    assert out["date"] == "2025-09-29" and out["countries"] == ["BY", "KG"]
    assert out["title"] == "Кыргызстан менен Беларусь экономикалык кызматташтыктын жол картасына кол коюшту"
    assert [p["name"] for p in out["persons"]] == ["Адылбек Касымалиев", "Александр Турчин"]
    assert out["events"] == out["documents"] == out["sectors"] == out["figures"] == out["quotes"] == []
    assert out["extra"]["language"] == "ky" and "only" in out["extra"]["scope"]
