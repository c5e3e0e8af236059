"""Words (lemmas) that mark a sentence as reporting an interaction between states, or not.

A state counts as a party only where it appears in such a sentence; fighting,
accusations and sanctions are not cooperation, so sentences with those cues do not count.
"""

from __future__ import annotations

INTERACTION_LEMMAS: frozenset[str] = frozenset({
    # visits, meetings, talks, calls
    "визит", "посетить", "посещение", "прибыть", "встреча", "встретиться", "переговоры", "переговорить",
    "консультация", "беседа", "разговор", "телеграмма", "поздравить", "поздравление", "обменяться", "церемония", "саммит", "заседание", "форум",
    "выставка", "ярмарка", "бизнес-форум", "бизнес-миссия", "делегация", "пресс-конференция",
    # documents and agreements
    "подписать", "подписание", "соглашение", "договор", "меморандум", "протокол", "контракт", "сделка",
    "договориться", "договоренность", "заключить", "декларация", "коммюнике", "заявление", "программа",
    "карта", "конвенция",
    # economy
    "сотрудничество", "взаимодействие", "партнерство", "товарооборот", "торговля", "поставка", "поставлять",
    "поставить", "экспорт", "импорт", "экспортировать", "импортировать", "кредит", "заем", "займ", "инвестиция",
    "инвестировать", "покупать", "купить", "выкупить", "продать", "помощь", "содействие", "проект",
    "межправкомиссия", "комиссия", "союз", "альянс", "отношение", "связь", "транзит", "учение",
    "предоставить", "получить", "выделить", "обсудить", "обсуждение", "авиасообщение",
    # one state's products assembled in another, a joint venture: «сборка белорусских тракторов в Кыргызстане»
    "сборка", "собирать", "совместный", "закупка",
    # taking part in a summit or a session: «В нем приняли участие Президент России …»
    "участие", "участвовать",
})

# International organisations: not states, but a state meeting one of them has a reported interaction,
# and then it is the item's one party.  Abbreviations as written; names as lemmas or lemma pairs.
ORGANISATION_ABBREVIATIONS: frozenset[str] = frozenset({
    "ЕС", "ООН", "СНГ", "ЕАЭС", "ШОС", "ОДКБ", "НАТО", "АСЕАН", "ВТО", "МВФ", "ЕБРР", "АБР", "ОБСЕ", "БРИКС",
    "ЕАБР", "ЕЭК", "ОЭСР", "ЮНЕСКО", "ЮНИСЕФ", "ВОЗ", "МАГАТЭ", "ФАО", "ПРООН", "ОТГ", "ЕврАзЭС", "АБИИ", "ИБР",
    "ОИС", "ЕЦБ", "ОПЕК",
})
ORGANISATION_LEMMAS: frozenset[str] = frozenset({"евросоюз", "еврокомиссия", "европарламент", "евразэс"})
ORGANISATION_PAIRS: frozenset[tuple[str, str]] = frozenset({
    ("европейский", "союз"), ("европейский", "комиссия"), ("всемирный", "банк"), ("евразийский", "экономический"),
    ("объединенный", "нация"), ("европейский", "парламент"), ("азиатский", "банк"), ("исламский", "банк"),
    ("евразийский", "банк"), ("евразийский", "союз"), ("тюркский", "государство"),
})

# Sentences with these lemmas report conflict, accusation or sanctions rather than cooperation.
CONFLICT_LEMMAS: frozenset[str] = frozenset({
    "война", "воевать", "конфликт", "обвинение", "обвинить", "санкция", "протест", "претензия",
    "противостояние", "агрессия", "оккупировать", "оккупация", "вторжение", "обстрел", "удар", "теракт",
    "вмешательство", "противовес", "кровопролитие", "угроза", "нота",
})

# A match between national teams is not cooperation between states.
SPORT_LEMMAS: frozenset[str] = frozenset({
    "матч", "сборная", "чемпионат", "турнир", "полуфинал", "четвертьфинал", "финал", "гол", "футболист",
    "хоккеист", "лыжник", "болельщик", "тренер", "соперник", "плей-офф", "олимпиада", "медаль", "клуб",
})

# «закупает газ в Казахстане»: a state named as the place of a purchase is a trading partner.
PURCHASE_LEMMAS: frozenset[str] = frozenset({"покупать", "купить", "закупать", "закупить", "приобретать", "импортировать"})

# A price on a market («турецкие мандарины стоят 160 сомов», «яблоки из Польши подешевели»): the state
# named is where a product comes from, not a party — unless the sentence reports a deal between states.
PRICE_LEMMAS: frozenset[str] = frozenset({
    "цена", "стоить", "стоимость", "продаваться", "подешеветь", "подорожать", "дешеветь", "дорожать",
    "обходиться", "обойтись", "ценник", "прайс", "килограмм", "кг",
})
DEAL_LEMMAS: frozenset[str] = frozenset({
    "подписать", "подписание", "соглашение", "договор", "контракт", "договориться", "визит", "переговоры",
    "встреча", "меморандум", "сделка",
})
