"""Event stage: one sentence → the event types it reports."""

from __future__ import annotations

import pytest

from accord.news.events import sentence_events

EVENTS = [
    ("Президент Казахстана прибыл в Ташкент с государственным визитом.", {"official_visit"}),
    ("Министр посетит Пекин в следующем месяце.", {"official_visit"}),
    ("Министры иностранных дел провели переговоры в Баку.", {"talks"}),
    ("Главы правительств встретились на полях форума.", {"talks", "forum"}),
    ("Лидеры двух стран провели телефонный разговор.", {"phone_call"}),
    ("Министры обсудили сотрудничество по видеосвязи.", {"phone_call"}),
    ("По итогам встречи стороны подписали соглашение о сотрудничестве.", {"talks", "signing"}),
    ("Меморандум подписан в Минске.", {"signing"}),
    ("В Бишкеке состоялось заседание межправительственной комиссии по торгово-экономическому сотрудничеству.",
     {"commission_session"}),
    ("Президенты приняли участие в саммите ШОС.", {"commission_session"}),
    ("В Душанбе открылась белорусская промышленная выставка.", {"forum"}),
    ("Министр выступил на пленарном заседании бизнес-форума.", {"forum"}),
    ("Президент направил поздравительную телеграмму коллеге.", {"other_event"}),
    ("Лидеры дали совместную пресс-конференцию.", {"other_event"}),
    # a ceremony that names what it marks is an event of its own; a signing ceremony is the signing
    ("Президенты приняли участие в церемонии открытия газопровода.", {"other_event"}),
    ("В провинции прошла торжественная церемония по случаю выпуска тысячного автомобиля.", {"other_event"}),
    ("На торжественной церемонии, состоявшейся вечером, свои подписи под документом поставили премьеры.",
     set()),
    ("Перед церемонией министр и посол провели встречу.", {"talks"}),
    ("В Кремле состоялась церемония подписания соглашения.", {"signing"}),
    ("Президенты обменялись поздравлениями с Днем независимости.", {"other_event"}),
    ("Президент поздравил коллегу с успешным проведением референдума.", {"other_event"}),
    ("В Баткене состоялось заседание правительственных делегаций по делимитации границы.",
     {"commission_session"}),
]

NEGATIVE = [
    "Председатель КНР пригласил российского коллегу посетить Пекин.",  # an invitation, not a visit
    "В 2021 году Турцию посетили 4,7 млн российских туристов.",
    "Цены на молоко выросли на пять процентов.",
    "Соглашение не будет подписано в этом году.",
    "Заседание кабинета министров прошло в Бишкеке.",
    "Погода в столице остается солнечной.",
    "Лидеры сделали заявление к 75-летию встречи на Эльбе.",
]


@pytest.mark.parametrize(("sentence", "expected"), EVENTS)
def test_it_finds_the_event_types(tokens_of, sentence: str, expected: set[str]) -> None:
    assert sentence_events(tokens_of(sentence)) == expected


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_it_finds_no_event(tokens_of, sentence: str) -> None:
    assert sentence_events(tokens_of(sentence)) == set()


def test_it_gives_one_entry_per_type_with_the_place(run) -> None:
    text = (
        "Казахстан и Узбекистан провели переговоры\n"
        "Премьер-министр Казахстана провел в Ташкенте переговоры с коллегой из Узбекистана. "
        "Переговоры продолжились в расширенном составе. Стороны подписали протокол о сотрудничестве."
    )
    events = run(text).events
    assert [e.type for e in events] == ["talks", "signing"]
    assert all(e.location == "Ташкент" and e.countries == ["KZ", "UZ"] for e in events)


def test_domestic_news_has_no_events(run) -> None:
    text = "Парламент Кыргызстана принял бюджет\nДепутаты провели встречу с избирателями в Оше."
    assert run(text).events == []


def test_a_call_has_no_place_and_what_was_agreed_on_it_is_not_a_meeting(run) -> None:
    text = (
        "Президенты Узбекистана и Казахстана провели телефонный разговор\n"
        "Президент Узбекистана провел телефонный разговор с Президентом Казахстана. "
        "Лидеры договорились о визите в Ташкент в следующем месяце."
    )
    assert [(e.type, e.location) for e in run(text).events] == [("official_visit", "Ташкент"), ("phone_call", None)]


def test_a_plan_of_measures_is_not_an_event(tokens_of) -> None:
    assert sentence_events(tokens_of("Стороны обсудили выполнение плана мероприятий.")) == set()


def test_a_dateline_city_is_where_the_events_happened(run) -> None:
    text = ("Кыргызстан и Россия провели заседание межправкомиссии\n"
            "Бишкек, 03.10.25 /Кабар/. Состоялось заседание межправительственной комиссии. "
            "Следующее заседание решено провести в Москве.")
    assert [(e.type, e.location) for e in run(text).events] == [("commission_session", "Бишкек")]


def test_agreeing_at_a_session_is_not_a_separate_meeting(run) -> None:
    text = ("Казахстан и Узбекистан провели заседание межправкомиссии\n"
            "В Астане прошло заседание межправительственной комиссии. "
            "Стороны договорились провести следующее заседание в Ташкенте.")
    assert [e.type for e in run(text).events] == ["commission_session"]


CALLS = [
    "Президенты Узбекистана и Казахстана провели телефонные переговоры.",
    "Министры Кыргызстана и России обсудили сотрудничество в ходе беседы по телефону.",
    "Встреча глав правительств Беларуси и Казахстана прошла в формате видеоконференции.",
]


@pytest.mark.parametrize("sentence", CALLS)
def test_talks_on_a_call_are_the_call(tokens_of, sentence: str) -> None:
    assert sentence_events(tokens_of(sentence)) == {"phone_call"}


def test_a_conversation_on_a_call_is_not_a_meeting(run) -> None:
    text = ("Президенты Беларуси и Казахстана провели телефонный разговор\n"
            "Президент Беларуси провел телефонный разговор с Президентом Казахстана. "
            "В ходе беседы стороны обсудили торговлю.")
    assert [e.type for e in run(text).events] == ["phone_call"]


def test_a_programme_of_joint_measures_is_not_an_event(tokens_of) -> None:
    assert sentence_events(tokens_of("Стороны утвердили программу совместных мероприятий.")) == set()
