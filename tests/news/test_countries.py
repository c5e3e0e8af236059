"""Country stage: which states are parties to the interaction the item reports."""

from __future__ import annotations

import pytest

PARTIES = [
    ("Беларусь и Кыргызстан подписали соглашение\nСтороны подписали соглашение о торговле.", ["BY", "KG"]),
    ("Киргизия и Россия провели переговоры\nМинистры обсудили поставки.", ["KG", "RU"]),
    ("Узбекско-белорусский форум прошел в Ташкенте\nНа форуме подписаны контракты.", ["BY", "UZ"]),
    ("Белорусская сторона предложила кыргызским партнерам поставки техники.\nСтороны обсудили сроки.",
     ["BY", "KG"]),
    ("Между Бишкеком и Минском заключено более 50 соглашений.\nСотрудничество развивается.", ["BY", "KG"]),
    ("Премьер-министр Республики Казахстан провел переговоры с премьером Вьетнама.\nОбсуждена торговля.",
     ["KZ", "VN"]),
    ("Китай и Тайвань договорились о встрече\nЛидеры встретятся в Сингапуре.", ["CN", "TW"]),
]

NONE = [
    "ВВП Кыргызстана вырос на 9%\nРост обеспечен строительством и торговлей.",
    "Суд в Бишкеке вынес приговор\nСредства выводились на счета в Казахстане и ОАЭ.",
    "Армия продолжает обстрелы\nВойска Армении и Азербайджана ведут бои у границы.",
    "ЕС и ООН провели консультации\nПредставители организаций обсудили помощь.",
    "Сборная России обыграла Канаду\nВ матче со сборной Канады россияне забили три гола.",
]


@pytest.mark.parametrize(("text", "expected"), PARTIES)
def test_it_finds_the_parties(run, text: str, expected: list[str]) -> None:
    assert run(text).countries == expected


@pytest.mark.parametrize("text", NONE)
def test_news_without_interstate_cooperation_has_no_parties(run, text: str) -> None:
    got = run(text)
    assert got.countries == []
    assert (got.events, got.documents, got.figures, got.sectors) == ([], [], [], [])


def test_a_place_of_a_meeting_is_not_a_party(run) -> None:
    text = "Россия и Украина провели переговоры в Минске\nПрезиденты России и Украины встретились в Минске."
    assert run(text).countries == ["RU", "UA"]


def test_a_state_in_an_organisation_name_is_not_a_party(run) -> None:
    text = ("Турция и Украина договорились о сотрудничестве\n"
            "Лидеры Турции и Украины провели переговоры, сообщила Русская служба «Голоса Америки».")
    assert run(text).countries == ["TR", "UA"]


def test_the_place_of_a_purchase_is_a_trading_partner(run) -> None:
    text = "Кыргызстан закупает газ за рубежом\nКыргызстан покупает газ в Узбекистане."
    assert run(text).countries == ["KG", "UZ"]


ONE_STATE_AND_AN_ORGANISATION = [
    "Казахстан и Евросоюз провели переговоры\nПрезидент Казахстана провел переговоры с руководством Евросоюза.",
    "Узбекистан получит кредит\nВсемирный банк выделит Узбекистану кредит на строительство дорог.",
]


@pytest.mark.parametrize("text", ONE_STATE_AND_AN_ORGANISATION)
def test_one_state_meeting_an_organisation_is_the_one_party(run, text: str) -> None:
    got = run(text)
    assert len(got.countries) == 1
    assert got.events or got.sectors


def test_states_taking_part_in_a_summit_are_parties(run) -> None:
    text = ("В Минске прошел саммит ЕАЭС\nВ нем приняли участие Президент России Владимир Путин, "
            "Президент Казахстана Касым-Жомарт Токаев и Президент Кыргызстана Садыр Жапаров.")
    assert run(text).countries == ["KG", "KZ", "RU"]


# A currency names no party, and neither does a product's origin in a market price.
CURRENCY_AND_ORIGIN = [
    ("Беларусь и Кыргызстан подписали контракт\nСумма контракта составила 12 млн долларов США.", ["BY", "KG"]),
    ("Кыргызстан и Казахстан подписали соглашение о поставках зерна на 100 млн долл. США.", ["KG", "KZ"]),
    ("Беларусь и Узбекистан подписали контракт\nТехнику поставят на 50 млн российских рублей.", ["BY", "UZ"]),
    ("Узбекистан и Казахстан договорились о торговле.\nРасчеты будут вестись в долларах США и тенге.",
     ["KZ", "UZ"]),
    ("Казахстан и Таджикистан подписали соглашение о кредите в 300 млн китайских юаней.", ["KZ", "TJ"]),
    ("Беларусь и Вьетнам обсудили торговлю\nКурс доллара США и евро к белорусскому рублю стабилен.",
     ["BY", "VN"]),
    ("Нацбанк Кыргызстана продал 20 млн долларов США на валютных торгах.\nКурс доллара США снизился.", []),
    ("Цены на фрукты\nНа рынках Бишкека турецкие мандарины стоят 160 сомов, китайские яблоки продаются по "
     "70 сомов за килограмм.\nЯблоки из Польши подешевели на 10 сомов.", []),
    ("Беларусь и Кыргызстан обсудили поставки\nНа рынке Бишкека белорусские молочные продукты стоят на 10% "
     "дешевле российских.\nПремьер-министры обсудили поставки молочной продукции.", ["BY", "KG"]),
]


@pytest.mark.parametrize(("text", "expected"), CURRENCY_AND_ORIGIN)
def test_a_currency_or_a_products_origin_is_not_a_party(run, text: str, expected: list[str]) -> None:
    assert run(text).countries == expected


def test_a_currency_gives_no_officials_country(run) -> None:
    got = run("Министр финансов Кыргызстана Иван Петров и министр финансов Казахстана подписали соглашение\n"
              "Кредит составит 5 млн долларов США, сообщил Иван Петров.")
    assert got.countries == ["KG", "KZ"]
    assert [(p.name, p.country) for p in got.persons] == [("Иван Петров", "KG")]


MORE_PARTIES = [
    # a long-serving leader named without his state takes part
    ("Токаев и Алиев обсудили по телефону транзит\nАСТАНА. Глава государства Токаев провел телефонный разговор с "
     "Президентом Азербайджана.", ["AZ", "KZ"]),
    # regions name their states
    ("Минская и Московская области подписали программу сотрудничества\nГубернатор Московской области и "
     "председатель Минского облисполкома подписали документ.", ["BY", "RU"]),
    # a border direction is no partner
    ("Таджикистан и Кыргызстан подписали соглашение\nСтороны подписали программу укрепления границы на "
     "таджикско-афганском направлении.", ["KG", "TJ"]),
    # a state supplies are sent to is a party; one they are handled in is a place
    ("Газпром и QazaqGaz обсудили поставки\nСтороны обсудили поставки российского газа в Казахстан и транзит "
     "газа в Узбекистан.", ["KZ", "RU", "UZ"]),
    # the city a visit goes to names its state; a purchase is an interaction
    ("Белорусские лифты установят в Бишкеке\nОАО «Лифтмаш» поставит в Кыргызстан 120 лифтов. Контракт подписан "
     "во время визита в Минск делегации мэрии Бишкека.", ["BY", "KG"]),
    ("Кыргызстан купит троллейбусы\nКыргызская столица заинтересована в закупке белорусских троллейбусов.",
     ["BY", "KG"]),
    # one state's products assembled by another's company
    ("Белорусские тракторы соберут в Кыргызстане\nСборку белорусских тракторов наладит кыргызская компания "
     "«Агромаш».", ["BY", "KG"]),
]


@pytest.mark.parametrize(("text", "expected"), MORE_PARTIES)
def test_leaders_and_regions_name_parties(run, text: str, expected: list[str]) -> None:
    assert run(text).countries == expected


def test_a_surname_is_not_a_city(doc_of) -> None:
    doc = doc_of("Токаев и Алиев обсудили транзит\nПрезиденты обсудили грузоперевозки.")
    assert "JP" not in {m.code for m in doc.country_mentions}
