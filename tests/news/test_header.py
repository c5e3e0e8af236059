"""Front matter: each line of a page's top and foot read as a date, the headline, or furniture."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.news.header import classify_line, dated_sentence, find_date, is_rubric, read_front, split_header
from accord.news.natasha_adapter import Models

# line → (kind, date): bylines and datelines in the forms Russian sites print them.
BYLINES = [
    ("03 ноября, 2016", "byline", "2016-11-03"),
    ("25 Янв 2016", "byline", "2016-01-25"),
    ("28 Май 2026", "byline", "2026-05-28"),
    ("17 янв. 2025", "byline", "2025-01-17"),
    ("12 Дек 2012, 14:30", "byline", "2012-12-12"),
    ("• 10 декабря 2021 в 09:40", "byline", "2021-12-10"),
    ("|11.02.2026", "byline", "2026-02-11"),
    ("28.08.2009", "byline", "2009-08-28"),
    ("10.10.2012 г.", "byline", "2012-10-10"),
    ("Опубликовано: 03.02.2026", "byline", "2026-02-03"),
    ("Опубликовано: 03.02.2026 | Обновлено: 04.02.2026", "byline", "2026-02-03"),
    ("Опубликовано 7 июня 2025, 10:05", "byline", "2025-06-07"),
    ("Опубликовано: 10 августа 2015 г.", "byline", "2015-08-10"),
    ("2017-9-6 14:03 |", "byline", "2017-09-06"),
    ("2017-9-6 14:03 | Russian.News.Cn", "byline", "2017-09-06"),
    ("2017-9-6 14:03 | Экономика", "byline", "2017-09-06"),  # a rubric beside the date
    ("В мире · 12 марта 2024 · 10:05", "byline", "2024-03-12"),
    ("12.03.2024 | Белорусские тракторы собирают в Кыргызстане", "text", None),
    ("2016-11-24 10:25", "byline", "2016-11-24"),
    ("10:15 / 14.02.2026 / 2 317 просмотров", "byline", "2026-02-14"),
    ("15.11.2019 12:32 | Просмотров: 340", "byline", "2019-11-15"),
    ("02.07.2024 · 19:22 · 👁 3 412", "byline", "2024-07-02"),
    ("12:45, 5 марта 2024", "byline", "2024-03-05"),
    ("14:03 05.07.2023", "byline", "2023-07-05"),
    ("20/06/2024 09:15", "byline", "2024-06-20"),
    ("29.04.2020 / 14:10", "byline", "2020-04-29"),
    ("21.03.2023, 20:14", "byline", "2023-03-21"),
    ("Пятница, 13 ноября 2009 г.", "byline", "2009-11-13"),
    ("Среда, 2 октября 2019", "byline", "2019-10-02"),
    ("Москва, 10 октября 2025 г.", "dateline", "2025-10-10"),
    ("Чолпон-Ата, 4 июля 2023 г.", "dateline", "2023-07-04"),
    ("Бишкек, 20 апреля 2026 года.", "dateline", "2026-04-20"),
    ("Вчера, 14:20", "stamp", None),
    ("Сегодня 09:05", "stamp", None),
    ("Просмотров: 1432", "label", None),
    ("👁 3 412", "stamp", None),
]


@pytest.mark.parametrize(("line", "kind", "date"), BYLINES)
def test_a_byline_gives_its_date(line: str, kind: str, date: str | None) -> None:
    got = classify_line(line)
    assert (got.kind, got.date) == (kind, date)


# line → kind: furniture a page prints around an item; all of it is dropped.
FURNITURE = [
    ("Фото: пресс-служба Совмина", "label"),
    ("Фото пресс-службы Минпрома", "label"),
    ("На фото: министры на церемонии подписания", "label"),
    ("Источник: БЕЛТА", "label"),
    ("Поделиться", "label"),
    ("Поделиться: ВКонтакте Telegram WhatsApp", "label"),
    ("Теги: Беларусь, Кыргызстан, экспорт", "label"),
    ("Читайте также: Беларусь и Вьетнам обсудили поставки техники", "label"),
    ("Читайте также", "label"),
    ("Подписывайтесь на наш канал в Telegram", "label"),
    ("• 88.81", "bare"),
    ("***", "bare"),
    ("Курсы валют: USD 3,0512 | EUR 3,4420", "ticker"),
    ("USD/KZT 449,87 ▲ | EUR/KZT 487,12 ▼", "ticker"),
    ("USD 3.2751   EUR 3.4020   RUB 100 3.3312", "ticker"),
]


@pytest.mark.parametrize(("line", "kind"), FURNITURE)
def test_furniture_is_recognised(line: str, kind: str) -> None:
    got = classify_line(line)
    assert got.kind == kind
    assert got.is_furniture


# Lines that are text: headlines, captions with a date, sentences with a date about an event.
TEXT = [
    "Беларусь и Кыргызстан подписали соглашение о сотрудничестве в области ветеринарии",
    "Дональд Трамп и Владимир Путин 16 июля 2018 года",
    "Министры подписали 12 мая 2024 года меморандум о сотрудничестве",
    "Фотовыставка белорусских мастеров открылась в Бишкеке",
    "Мониторинг: бананы подешевели, мандарины пока дороже",
    "Товарооборот вырос до 1,2 млрд долларов",
]


@pytest.mark.parametrize("line", TEXT)
def test_a_text_line_is_not_furniture(line: str) -> None:
    got = classify_line(line)
    assert got.kind == "text"
    assert not got.is_furniture


@pytest.fixture(scope="module")
def is_verb(models: Models) -> Callable[[str], bool]:
    return models.is_verb


RUBRICS = [
    ("В СОДРУЖЕСТВЕ", True),
    ("Власть", True),
    ("Новости Беларуси", True),
    ("Экономика | Промышленность", True),
    ("Главная > Новости > Экономика", True),
    ("Главная › Политика", True),
    ("Главная / Общество / Регионы", True),
    ("Главная » Экономика » Торговля", True),
    ("СНГ", True),
    ("В мире", True),
    ("Союзное государство", True),
    ("Китай построит в Душанбе три школы", False),
    ("Лукашенко посетил Бишкек", False),
    ("Университет «Манас» отметил юбилей", False),
    ("«Великий камень» получил нового резидента из Китая", False),
    ("Мониторинг: цены на фрукты", False),
]


@pytest.mark.parametrize(("line", "rubric"), RUBRICS)
def test_a_rubric_is_told_from_a_headline(line: str, rubric: bool, is_verb: Callable[[str], bool]) -> None:
    assert is_rubric(line, is_verb) is rubric


BODY = (
    "Министры сельского хозяйства двух стран провели переговоры и подписали соглашение о поставках "
    "зерна. Стороны обсудили также ветеринарный контроль."
)

# A page top → (headline, date, basis).
FRONTS = [
    (f"Экономика\n03 ноября, 2016\nМАЗ откроет сборку автобусов в Бишкеке\n{BODY}",
     "МАЗ откроет сборку автобусов в Бишкеке", "2016-11-03", "byline"),
    (f"12:45, 5 марта 2024\nВ мире\nРоссия и Китай расширят поставки зерна\n{BODY}",
     "Россия и Китай расширят поставки зерна", "2024-03-05", "byline"),
    (f"В СОДРУЖЕСТВЕ\nКыргызстан и Беларусь сверили ход дорожной карты\nБишкек, 20 апреля 2026 года. {BODY}",
     "Кыргызстан и Беларусь сверили ход дорожной карты", "2026-04-20", "dateline"),
    (f"АПК\nБеларусь и Кыргызстан подписали соглашение\n|11.02.2026\n{BODY}",
     "Беларусь и Кыргызстан подписали соглашение", "2026-02-11", "byline"),
    (f"Главная > Новости > Экономика\nЗаголовок новости о поставках\nОпубликовано: 03.02.2026\nПоделиться\n{BODY}",
     "Заголовок новости о поставках", "2026-02-03", "byline"),
    (f"• 88.81\nВласть\nПравительство утвердило план\n{BODY}", "Правительство утвердило план", None, None),
    (f"Фото: пресс-служба Совмина\nПремьеры обсудили торговлю\n{BODY}", "Премьеры обсудили торговлю", None, None),
    (f"Бишкек, 29.09.25 /Кабар/. {BODY}", None, "2025-09-29", "dateline"),
    (f"ДУШАНБЕ, 12 марта /Ховар/. {BODY}", None, None, None),
    (f"ТАШКЕНТ, 12 фев — Агентство. {BODY}", None, None, None),
    (f"22.12.2010\nЛидеры подписали около 30 соглашений\nНЬЮ-ДЕЛИ, 21 декабря. {BODY}",
     "Лидеры подписали около 30 соглашений", "2010-12-22", "byline"),
    (f"Москва, 10 октября 2025 г.\nРоссия и Узбекистан договорились о наборе\n{BODY}",
     "Россия и Узбекистан договорились о наборе", "2025-10-10", "dateline"),
    (f"Вчера, 14:20\nСоюзное государство\nМинск и Москва согласовали дорожные карты\n{BODY}",
     "Минск и Москва согласовали дорожные карты", None, None),
    (f"Новости Беларуси\n01.02.2025 08:00\nUSD 3.2751   EUR 3.4020\nС 1 февраля повышены пенсии\n{BODY}",
     "С 1 февраля повышены пенсии", "2025-02-01", "byline"),
    (f"Главная › Политика\nЛидеры подписали договор\n02.07.2024 · 19:22 · 👁 3 412\n{BODY}",
     "Лидеры подписали договор", "2024-07-02", "byline"),
    (f"Лидеры подписали договор\n{BODY}\n\nФото: пресс-служба\nОпубликовано: 05.06.2021\nТеги: договор",
     "Лидеры подписали договор", "2021-06-05", "byline"),
    (f"Заголовок с датой в тексте\nПрезидент направил 19 апреля 2018 года телеграмму коллеге.\n{BODY}",
     "Заголовок с датой в тексте", "2018-04-19", "sentence"),
    (f"Университет отметил юбилей\n{BODY}\nДоговор подписали правительства 30 сентября 1995 года.",
     "Университет отметил юбилей", None, None),
    (BODY, None, None, None),
]


@pytest.mark.parametrize(("text", "title", "date", "basis"), FRONTS)
def test_the_front_gives_headline_and_date(
    text: str, title: str | None, date: str | None, basis: str | None, is_verb: Callable[[str], bool]
) -> None:
    front = read_front(text, is_verb)
    assert (front.title, front.date, front.date_basis) == (title, date, basis)


def test_furniture_is_not_in_the_analysed_text(is_verb: Callable[[str], bool]) -> None:
    text = (
        "Главная > Новости > Экономика\nВ СОДРУЖЕСТВЕ\n• 10 декабря 2021 в 09:40\n"
        "Беларусь и Кыргызстан обсудили поставки\n"
        f"{BODY}\n"
        "Читайте также: Беларусь и Вьетнам обсудили поставки техники\n"
        "На фото: министры\nТеги: экспорт\nПоделиться: ВКонтакте"
    )
    front = read_front(text, is_verb)
    assert front.text == f"Беларусь и Кыргызстан обсудили поставки\n{BODY}"
    assert front.text[: front.body_start] == "Беларусь и Кыргызстан обсудили поставки"


def test_a_given_date_and_title_win(is_verb: Callable[[str], bool]) -> None:
    text = f"Экономика\nЗаголовок страницы\n28.08.2009\n{BODY}"
    front = read_front(text, is_verb, date="2009-08-27", date_basis="metadata", title="Заголовок страницы")
    assert (front.title, front.date, front.date_basis) == ("Заголовок страницы", "2009-08-27", "metadata")
    assert "Экономика" not in front.text and "28.08.2009" not in front.text


DATES = [
    ("Бишкек, 29.09.25 /Кабар/. Премьер-министры встретились.", "2025-09-29"),
    ("Ташкент, 24 апреля 2025 года. /УзА/. Открылся форум.", "2025-04-24"),
    ("МИНСК, 29 сентября (БЕЛТА) – Министры встретились.", None),
    ("Президент направил 19 апреля 2018 года телеграмму коллеге.", "2018-04-19"),
    ("Распоряжение было подписано в среду, 16 ноября 2016 года.", "2016-11-16"),
    ("Встреча намечена на 11 ноября 2018 года.", None),
    ("Министры обсудили торговлю.", None),
]


@pytest.mark.parametrize(("body", "expected"), DATES)
def test_it_reads_the_date_of_a_body(body: str, expected: str | None) -> None:
    assert find_date(body) == expected


def test_a_dated_sentence_further_down_is_about_another_event() -> None:
    body = "Университет отметил годовщину.\nСоглашение о его создании подписали 30 сентября 1995 года."
    assert dated_sentence(body) is None


def test_it_takes_the_header_line_off() -> None:
    date, rest = split_header("date 2025-09-29 3.64 BYN\nЗаголовок\nТекст.")
    assert date == "2025-09-29"
    assert rest == "Заголовок\nТекст."


def test_the_header_date_wins_over_the_text(run) -> None:
    got = run("date 2025-01-15 site\nМинистры встретились в Бишкеке\nБишкек, 29.09.25 /Кабар/. Текст новости.")
    assert (got.date, got.date_basis, got.title) == ("2025-01-15", "header", "Министры встретились в Бишкеке")
    assert got.to_dict()["extra"]["date_basis"] == "header"


def test_an_undated_item_has_no_basis(run) -> None:
    got = run("Заголовок\nМинистры обсудили торговлю и транспорт.")
    assert got.date is None
    assert got.to_dict()["extra"]["date_basis"] is None


def test_a_short_dateline_paragraph_is_not_a_headline(is_verb: Callable[[str], bool]) -> None:
    front = read_front("Бишкек, 29.09.25 /Кабар/. Министры встретились.\nВторой абзац.", is_verb)
    assert front.title is None and front.body_start == 0


def test_a_long_first_paragraph_is_not_a_headline(is_verb: Callable[[str], bool]) -> None:
    text = ("Министры двух стран провели переговоры в столице. Они обсудили торговлю, инвестиции и транспорт, "
            "а также договорились продолжить работу.\nВторой абзац.")
    assert read_front(text, is_verb).title is None


def test_a_headline_ending_in_a_spaced_stop_is_kept(is_verb: Callable[[str], bool]) -> None:
    front = read_front("\nБеларусь и Китай подписали меморандум .\nМинистры подписали меморандум.", is_verb)
    assert front.title == "Беларусь и Китай подписали меморандум"
    assert front.body_start > 0


def test_a_list_of_links_under_read_also_is_dropped(is_verb: Callable[[str], bool]) -> None:
    text = (
        f"Лидеры обменялись поздравлениями\n{BODY}\n\nЧитайте также:\n"
        "Беларусь и Китай обсудили поставки молока\nПремьер провел переговоры с коллегой из Казахстана\n"
    )
    front = read_front(text, is_verb)
    assert "Китай" not in front.text and "Казахстан" not in front.text
    assert front.text.rstrip() == f"Лидеры обменялись поздравлениями\n{BODY}"
