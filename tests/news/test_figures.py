"""Figure stage: a sentence of an item about cooperation → (kind, value, unit, period)."""

from __future__ import annotations

import pytest

from accord.news.grammars.dates import find_period

HEAD = "Беларусь и Казахстан обсудили сотрудничество\n"

FIGURES = [
    ("В 2024 году товарооборот между странами составил 133 млн долларов.",
     ("trade_turnover", 133e6, "USD", "2024")),
    ("Экспорт белорусских товаров за январь–июнь 2025 года достиг $68 млн.",
     ("export", 68e6, "USD", "2025-01..2025-06")),
    ("Импорт из Казахстана в I квартале 2025 года составил 12,5 млн евро.", ("import", 12.5e6, "EUR", "2025-Q1")),
    ("Товарооборот в 2024 году увеличился на 15%.", ("growth_pct", 15.0, "%", "2024")),
    ("Стороны намерены довести товарооборот до 1 млрд долларов.", ("target", 1e9, "USD", None)),
    ("Объем инвестиций в проект оценивается в 1,2 млрд российских рублей.", ("investment", 1.2e9, "RUB", None)),
    ("Банк развития выделит кредит в размере 25 млрд тенге.", ("loan", 25e9, "KZT", None)),
    ("Белорусская сторона предоставит заем на сумму 300 млн белорусских рублей.", ("loan", 300e6, "BYN", None)),
    ("Всего в ходе визита подписано 12 документов.", ("agreements_count", 12.0, "items", None)),
    ("В первом полугодии 2025 года поставки зерна составили 2 млн тонн.", ("other", 2e6, "t", "2025-H1")),
    ("Контракт предусматривает поставку 150 тракторов.", ("other", 150.0, "items", None)),
    # aid counted in pieces, short nouns included
    ("Казахстан передаст Беларуси 150 тысяч доз вакцины.", ("other", 150e3, "items", None)),
    ("Казахстан направил в Беларусь 20 аппаратов ИВЛ.", ("other", 20.0, "items", None)),
    # a tranche is a part of a loan
    ("Первый транш в размере 1 млрд долларов поступит в Беларусь до конца ноября.", ("loan", 1e9, "USD", None)),
    ("В рамках проектов в 2025 году инвестиции составят 1,6 трлн сумов.", ("investment", 1.6e12, "UZS", "2025")),
    ("Кредит на 40 млн юаней выдан в марте 2025 года.", ("loan", 40e6, "CNY", "2025-03")),
    ("Экспорт в Кыргызстан во II квартале 2025 года составил 3,4 млрд сомов.", ("export", 3.4e9, "KGS", "2025-Q2")),
    ("Стоимость поставки составит 150 тыс. долларов.", ("other", 150e3, "USD", None)),
    ("Взаимная торговля в 2023 году составила 48 млрд долларов.", ("trade_turnover", 48e9, "USD", "2023")),
    ("Объем торговли между странами достиг 3 млрд долларов.", ("trade_turnover", 3e9, "USD", None)),
    ("Стороны рассчитывают выйти на экспорт в 700 млн долларов.", ("target", 700e6, "USD", None)),
    ("Общая цель — 2 млрд долларов.", ("target", 2e9, "USD", None)),
    ("Доля национальных валют во взаиморасчетах превысила 90%.", ("other", 90.0, "%", None)),
    ("За год в Узбекистан отправлено 40 тысяч тонн грузов.", ("other", 40e3, "t", None)),
    ("По железной дороге перевезли 2 млн тонн.", ("other", 2e6, "t", None)),
    ("Страна получит безвозмездную финансовую помощь в размере 25 млн долларов.", ("loan", 25e6, "USD", None)),
    ("Стоимость проекта оценивается в 3,2 млрд долларов.", ("investment", 3.2e9, "USD", None)),
    ("Правительство выделит 200 млн сомов на реконструкцию дорог.", ("investment", 200e6, "KGS", None)),
    ("Объем взаимной торговли составил полмиллиарда долларов.", ("trade_turnover", 5e8, "USD", None)),
    ("Товарооборот превысил полтора миллиарда долларов.", ("trade_turnover", 1.5e9, "USD", None)),
    ("Товарооборот превысил миллиард долларов.", ("trade_turnover", 1e9, "USD", None)),
    ("В ближайшие годы товарооборот должен достичь 2 млрд долларов.", ("target", 2e9, "USD", None)),
    ("В Казахстан отправлено 1,5 тыс. контейнеров.", ("other", 1500.0, "items", None)),
    ("Страна направила гуманитарную помощь – 100 тонн муки.", ("other", 100.0, "t", None)),
]


GROWTH_AFTER = [
    "Товарооборот составил 80 млн долларов, что на 12% больше, чем годом ранее.",
    "Товарооборот составил 80 млн долларов и вырос за год по отношению к прошлому периоду на 12%.",
    "Товарооборот составил 80 млн долларов – на 12% выше по сравнению с 2023 годом.",
]


@pytest.mark.parametrize("sentence", GROWTH_AFTER)
def test_a_change_stated_after_the_percentage_is_growth(run, sentence: str) -> None:
    kinds = {(f.kind, f.value) for f in run(HEAD + sentence).figures}
    assert kinds == {("trade_turnover", 80e6), ("growth_pct", 12.0)}


def test_a_share_does_not_make_money_an_investment(run) -> None:
    text = HEAD + "Компания купила долю в заводе, сделка оценивается в 40 млн долларов."
    assert [(f.kind, f.value) for f in run(text).figures] == [("other", 40e6)]


def test_a_deal_in_the_sentence_outweighs_a_carried_kind(run) -> None:
    text = HEAD + ("Обсуждены инвестиционные проекты. "
                   "Подписаны контракты на поставку продукции на сумму 120 млн долларов.")
    assert [(f.kind, f.value) for f in run(text).figures] == [("other", 120e6)]

def test_only_investment_and_loans_carry_over_from_the_previous_sentence(run) -> None:
    text = HEAD + ("Товарооборот в 2024 году составил 90 млн долларов. "
                   "Фонд развития профинансировал проекты на сумму 20 млн долларов. "
                   "Кроме того, на эти цели выделено еще 5 млн долларов.")
    assert [(f.kind, f.value) for f in run(text).figures] == [
        ("trade_turnover", 90e6), ("investment", 20e6), ("investment", 5e6)]


NEGATIVE = [
    "В 2024 году в стране родилось 150 тысяч детей.",
    "Население города выросло до 1,2 млн человек.",
    "Стоимость проезда в метро составляет 60 рублей.",
    "Концерт продлился 3 часа.",
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURES)
def test_it_reads_kind_value_unit_and_period(run, sentence: str, expected: tuple) -> None:
    figures = run(HEAD + sentence).figures
    assert [(f.kind, f.value, f.unit, f.period) for f in figures] == [expected]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_it_ignores_unrelated_numbers(run, sentence: str) -> None:
    assert run(HEAD + sentence).figures == []


def test_a_range_takes_its_scale_and_unit_from_its_end(run) -> None:
    figures = run(HEAD + "Поставки зерна должны вырасти со 100 до 140 тысяч тонн.").figures
    assert {(f.kind, f.value, f.unit) for f in figures} == {("other", 100e3, "t"), ("other", 140e3, "t")}


def test_each_figure_takes_the_nearest_period(run) -> None:
    text = HEAD + "Товарооборот в 2024 году составил 90 млн долларов, а за январь–март 2025 года – 30 млн долларов."
    assert [f.period for f in run(text).figures] == ["2024", "2025-01..2025-03"]


def test_news_without_parties_has_no_figures(run) -> None:
    assert run("ВВП Кыргызстана вырос\nВВП Кыргызстана за девять месяцев вырос на 9%.").figures == []


PERIODS = [
    ("в 2024 году", "2024"),
    ("по итогам 2023 года", "2023"),
    ("за январь–сентябрь 2025 года", "2025-01..2025-09"),
    ("за январь-май 2025 года", "2025-01..2025-05"),
    ("за девять месяцев 2025 года", "2025-01..2025-09"),
    ("по итогам 9 месяцев 2025 года", "2025-01..2025-09"),
    ("во II квартале 2024 года", "2024-Q2"),
    ("в третьем квартале 2024 года", "2024-Q3"),
    ("в первом полугодии 2025 года", "2025-H1"),
    ("во втором полугодии 2025 года", "2025-H2"),
    ("в сентябре 2025 года", "2025-09"),
    ("в прошлом месяце", None),
]


@pytest.mark.parametrize(("phrase", "expected"), PERIODS)
def test_it_reads_the_period_forms(phrase: str, expected: str | None) -> None:
    assert find_period(f"Товарооборот {phrase} составил 10 млн долларов.") == expected


RELATIVE = [
    ("За восемь месяцев текущего года товарооборот составил 500 млн долларов.", "2025-01..2025-08"),
    ("В прошлом году товарооборот составил 500 млн долларов.", "2024"),
    ("В первом полугодии этого года товарооборот составил 500 млн долларов.", "2025-H1"),
]


@pytest.mark.parametrize(("sentence", "period"), RELATIVE)
def test_relative_years_are_read_from_the_item_date(run, sentence: str, period: str) -> None:
    figures = run("date 2025-10-02\n" + HEAD + sentence).figures
    assert [f.period for f in figures] == [period]


MORE_FIGURES = [
    # a fall is a negative change
    ("Товарооборот в 2010 году сократился на 12% и составил 36 млн долларов.",
     {("growth_pct", -12.0, "%"), ("trade_turnover", 36e6, "USD")}),
    ("Товарооборот составил 58 млн долларов, что на 31% меньше, чем годом ранее.",
     {("growth_pct", -31.0, "%"), ("trade_turnover", 58e6, "USD")}),
    # counts of people and of enterprises, places, vehicles
    ("В Узбекистане работают более 3 тысяч предприятий с участием российского капитала.", {("other", 3000.0, "items")}),
    ("Белорусские вузы выделили 150 бюджетных мест для студентов из Кыргызстана.", {("other", 150.0, "items")}),
    ("Сегодня в Беларуси обучаются около 600 студентов из Кыргызстана.", {("other", 600.0, "items")}),
    ("Количество предприятий с участием казахстанского капитала достигло 540.", {("other", 540.0, "items")}),
    # the current value and the goal of one sentence
    ("Стороны намерены нарастить товарооборот с нынешних 46 миллионов до 1 миллиарда долларов.",
     {("trade_turnover", 46e6, "USD"), ("target", 1e9, "USD")}),
    # the value of deals, a price, a stake
    ("На форуме подписаны соглашения на 16 млрд долларов.", {("other", 16e9, "USD")}),
    ("Компания выкупит права на газопровод за 1 доллар.", {("other", 1.0, "USD")}),
    ("Компания выкупит 50% акций завода за 2,5 млрд долларов.",
     {("other", 50.0, "%"), ("investment", 2.5e9, "USD")}),
    ("Участники одобрили проект бюджета на 2026 год в объеме 3,7 млрд рублей.", {("other", 3.7e9, "RUB")}),
    # volumes handled, shares and levels
    ("Пропускная способность газопровода составит 16 млрд кубометров газа в год.", {("other", 16e9, "m3")}),
    ("Уровень локализации производства на совместном предприятии достиг 40%.", {("other", 40.0, "%")}),
    ("Расчеты в национальных валютах между странами превысили 85%.", {("other", 85.0, "%")}),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE_FIGURES)
def test_it_reads_falls_counts_deals_and_shares(run, sentence: str, expected: set) -> None:
    assert {(f.kind, f.value, f.unit) for f in run(HEAD + sentence).figures} == expected


MORE_NEGATIVE = [
    "Лидеры двух стран отметили три сферы сотрудничества.",
    "В лаборатории проверили около 540 проб продукции.",
    "Страна потребляет около 1 млрд кубометров газа в год.",
    "Делегации провели 11-е заседание комиссии.",
]


@pytest.mark.parametrize("sentence", MORE_NEGATIVE)
def test_words_numbers_samples_and_home_consumption_are_no_figures(run, sentence: str) -> None:
    assert run(HEAD + sentence).figures == []


def test_a_pronoun_carries_the_last_sentences_kind(run) -> None:
    text = HEAD + "Товарооборот между странами растет. В прошлом году он составил около 100 миллионов долларов."
    assert [(f.kind, f.value) for f in run(text).figures] == [("trade_turnover", 100e6)]


def test_a_kind_named_in_the_next_clause_belongs_to_that_clauses_figure(run) -> None:
    text = HEAD + "Экспорт в Казахстан в 2022 году достиг 520 млн долларов, импорт составил 190 млн долларов."
    assert [(f.kind, f.value) for f in run(text).figures] == [("export", 520e6), ("import", 190e6)]
