"""The relevance gate lets through every item with an interaction between states, and holds back others.

Every labelled item of the project (bench/labelled tune and blind, bench/heldout,
bench/proposals), the example's news and every test fixture with an interaction must
pass: by its gold labels where it has them, and by what the reader itself finds in it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from accord.news import Extraction, read_bytes
from accord.news.gate import NO_STATE, ONE_STATE, check, cue_stem
from tests.ingest import texts

ROOT = Path(__file__).resolve().parents[2]
GOLD_SETS = [ROOT / "bench" / "labelled" / "tune", ROOT / "bench" / "labelled" / "blind", ROOT / "bench" / "heldout"]
TEXT_SETS = [ROOT / "bench" / "proposals" / "items", ROOT / "accord" / "demo" / "news", Path(__file__).parent / "fixtures"]


def _text(path: Path) -> str:
    """The item's text as ingest reads it from a file."""
    return read_bytes(path.read_bytes(), path.as_uri(), "text/html" if path.suffix == ".html" else None).text


def _gold_items() -> Iterator[tuple[str, str, dict[str, object]]]:
    for folder in GOLD_SETS:
        for file in sorted(folder.glob("*.json")):
            item = json.loads(file.read_text(encoding="utf-8"))
            if "gold" in item:
                yield f"{folder.name}/{file.stem}", _text(folder / item["text_file"]), item["gold"]


def _all_texts() -> Iterator[tuple[str, str]]:
    for name, text, _ in _gold_items():
        yield name, text
    for folder in TEXT_SETS:
        for file in sorted([*folder.glob("*.txt"), *folder.glob("*.html")]):
            yield f"{folder.name}/{file.name}", _text(file)
    for name in dir(texts):
        value = getattr(texts, name)
        if name.isupper() and isinstance(value, str):
            yield f"texts.{name}", value


GOLD = list(_gold_items())
ALL = list(_all_texts())


def test_the_labelled_sets_are_there() -> None:
    assert len(GOLD) >= 140 and sum(1 for _, _, g in GOLD if not g.get("countries")) >= 20


@pytest.mark.parametrize(
    ("name", "text"),
    [(name, text) for name, text, gold in GOLD if gold.get("countries") and gold.get("events")],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "",
)
def test_every_labelled_item_with_an_interaction_passes(name: str, text: str) -> None:
    verdict = check(text)
    assert verdict.passed, f"{name}: {verdict.reason}"


@pytest.mark.parametrize(("name", "text"), ALL, ids=[name for name, _ in ALL])
def test_every_item_the_reader_finds_an_interaction_in_passes(
    name: str, text: str, run: Callable[[str], Extraction]
) -> None:
    found = run(text)
    verdict = check(text)
    if found.countries and found.events:
        assert verdict.passed, f"{name}: {verdict.reason}"
    else:
        assert verdict.passed or verdict.reason in (NO_STATE, ONE_STATE)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Сборная Бразилии провела матч со сборной Аргентины\nМатч завершился со счетом 2:1, голы забили нападающие.",
            NO_STATE,
        ),
        (
            "В Москве открылась новая станция метро\nСтанция «Каховская» приняла первых пассажиров после "
            "реконструкции. На церемонии открытия выступил мэр города.",
            NO_STATE,
        ),
        (
            "Правительство Казахстана провело заседание\nНа заседании обсудили подготовку к отопительному сезону и "
            "ремонт котельных в Караганде.",
            ONE_STATE,
        ),
        ("Курс рубля вырос на открытии торгов\nДоллар подешевел на 40 копеек.", NO_STATE),
        ("Экспорт зерна из России вырос\nПоставки за рубеж выросли на 12% в долларах США.", ONE_STATE),
        ("Переговоры о ставке прошли в Минске\nВ Минске прошло совещание банков.", NO_STATE),
    ],
)
def test_an_item_about_something_else_is_held_back_with_its_reason(text: str, reason: str) -> None:
    assert check(text).reason == reason
    assert not check(text).passed


@pytest.mark.parametrize(
    "text",
    [
        "Президент Казахстана Токаев провел переговоры с Путиным в Москве.",
        "Белорусско-кыргызская межправкомиссия проведет заседание в Бишкеке.",
        "Министр финансов Узбекистана встретился с делегацией Всемирного банка в Ташкенте.",
        "Премьер-министр Беларуси провел телефонный разговор с главой кабмина Кыргызстана.",
        "Минск и Бишкек договорились о поставках тракторов.",
        "Китай и Казахстан подписали соглашение о поставках газа.",
    ],
)
def test_an_item_about_two_states_or_a_state_and_an_organisation_passes(text: str) -> None:
    assert check(text).passed


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("встретиться", ["встретился", "встретились", "встретятся"]),
        ("поставка", ["поставок", "поставки", "поставками"]),
        ("подписать", ["подписали", "подписан", "подписывает"]),
        ("соглашение", ["соглашения", "соглашением"]),
    ],
)
def test_a_cue_stem_starts_every_form_of_its_word(lemma: str, forms: list[str]) -> None:
    assert all(form.startswith(cue_stem(lemma)) for form in forms)


def test_an_item_naming_two_parties_of_a_followed_roadmap_passes_whatever_it_says() -> None:
    text = (
        "В Чуйской области выпущен первый белорусский трактор\n"
        "На площадке в Чуйской области Кыргызстана выпущен первый трактор из белорусских машинокомплектов."
    )
    assert check(text).reason == NO_STATE
    assert check(text, [frozenset({"BY", "KG"})]).passed
    assert not check(text, [frozenset({"UZ", "KZ"})]).passed
