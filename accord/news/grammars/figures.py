"""Figure cues: numbers in words, scale words, units and currencies, and the words giving a kind."""

from __future__ import annotations

NUMBER_WORDS: dict[str, float] = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "пятнадцать": 15, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "полтора": 1.5, "полторы": 1.5,
}
# Scale words that stand for one of themselves when no number precedes: «превысил миллиард долларов».
WORD_SCALES: frozenset[str] = frozenset({"миллион", "миллиард", "триллион"})
# One word holding a half and its scale: «полмиллиарда долларов».
HALF_SCALES: dict[str, float] = {
    "полмиллиарда": 5e8, "полмиллиона": 5e5, "полтриллиона": 5e11, "полмиллиарды": 5e8,
}
SCALES: dict[str, float] = {
    "тыс": 1e3, "тысяча": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9, "миллиард": 1e9, "трлн": 1e12,
    "триллион": 1e12,
}
CURRENCIES: dict[str, str] = {
    "доллар": "USD", "долл": "USD", "$": "USD", "usd": "USD", "евро": "EUR", "€": "EUR", "eur": "EUR",
    "рубль": "RUB", "руб": "RUB", "rub": "RUB", "сом": "KGS", "kgs": "KGS", "тенге": "KZT", "kzt": "KZT",
    "сум": "UZS", "uzs": "UZS", "юань": "CNY", "cny": "CNY", "гривна": "UAH", "uah": "UAH", "byn": "BYN",
    "фунт": "GBP", "иена": "JPY", "йена": "JPY", "вона": "KRW", "лари": "GEL", "драм": "AMD", "манат": "AZN",
    "сомони": "TJS", "дирхам": "AED", "рупия": "INR", "лира": "TRY", "донг": "VND", "франк": "CHF",
}
# «белорусских рублей» → BYN; «российских рублей» → RUB.
RUBLE_ADJECTIVES: dict[str, str] = {"белорусский": "BYN", "российский": "RUB"}
PREFIX_CURRENCIES: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY"}
PERCENT_WORDS: frozenset[str] = frozenset({"%", "процент"})
TONNE_WORDS: frozenset[str] = frozenset({"тонна", "т"})
CUBIC_WORDS: frozenset[str] = frozenset({"кубометр", "куб", "м3"})
AGREEMENT_NOUNS: frozenset[str] = frozenset({
    "соглашение", "договор", "документ", "меморандум", "контракт", "протокол", "межправсоглашение",
})
SUPPLY_NOUNS: frozenset[str] = frozenset({
    "машинокомплект", "трактор", "комбайн", "автобус", "троллейбус", "вагон", "локомотив", "лифт", "самолет",
    "вертолет", "автомобиль", "грузовик", "единица", "комплект", "тягач", "самосвал", "контейнер",
})

KIND_CUES: dict[str, frozenset[str]] = {
    "trade_turnover": frozenset({"товарооборот", "торговля", "товарообмен"}),
    "export": frozenset({"экспорт", "экспортировать", "экспортный"}),
    "import": frozenset({"импорт", "импортировать", "импортный"}),
    "investment": frozenset({"инвестиция", "инвестировать", "вложение", "вложить", "инвестиционный", "акция",
                             "профинансировать", "финансировать", "финансирование", "инвестпроект", "проект",
                             "реконструкция", "строительство", "модернизация", "капиталовложение"}),
    "loan": frozenset({"кредит", "заем", "займ", "заемный", "кредитный", "грант", "помощь", "безвозмездный",
                       "транш"}),
}
# Words that make «до N» a goal: «довести товарооборот до 3 млрд долларов».
TARGET_VERBS: frozenset[str] = frozenset({
    "довести", "доводить", "увеличить", "нарастить", "достичь", "достигнуть", "поднять", "вывести", "цель",
    "задача", "целевой", "планка",
})
GROWTH_WORDS: frozenset[str] = frozenset({
    "увеличиться", "вырасти", "рост", "прирост", "увеличение", "снизиться", "снижение", "сократиться",
    "сокращение", "упасть", "падение", "возрасти", "нарасти", "прибавить", "подняться", "расти", "уменьшиться",
    "уменьшение", "опуститься", "просесть",
})
# Word beginnings that give a kind where the lemmatiser is unsure (``заема``, ``займа``).
KIND_PREFIXES: dict[str, tuple[str, ...]] = {"loan": ("заем", "заём", "займ", "кредит")}
# A money amount of kind «other» must be about a deal: a supply, a purchase, a contract, a price.
DEAL_WORDS: frozenset[str] = frozenset({
    "поставка", "поставить", "поставлять", "контракт", "сделка", "купить", "выкупить", "покупка", "продать",
    "продажа", "закупка", "закупить", "цена", "тариф", "квота", "заплатить", "оплатить",
})
# «проект бюджета», «проект соглашения»: what a draft is of.
DRAFTED: frozenset[str] = frozenset({
    "бюджет", "соглашение", "договор", "документ", "закон", "решение", "программа", "меморандум", "протокол",
    "контракт", "указ", "постановление", "резолюция", "декларация", "союзный",
})
# Documents and deals whose value an amount after «на» gives.
DEAL_NOUNS: frozenset[str] = frozenset({"соглашение", "контракт", "договор", "сделка", "документ", "меморандум"})
# Words between «на» and the number: «на общую сумму свыше 1,3 млрд».
AMOUNT_FILLERS: frozenset[str] = frozenset({
    "общий", "сумма", "свыше", "более", "около", "почти", "порядка", "примерно", "$", "до", "сумму", "общую",
})
# A volume (tonnes, cubic metres) must be a supply or a trade flow.
VOLUME_WORDS: frozenset[str] = frozenset({
    "поставка", "поставить", "поставлять", "экспорт", "импорт", "закупка", "закупить", "транзит", "квота",
    "перевалка", "прокачка", "экспортировать", "импортировать", "отправить", "отправлять", "отправка",
    "перевезти", "перевозить", "перевозка", "груз", "грузоперевозка", "грузооборот", "отгрузить", "отгрузка",
    "доставить", "транспортировать", "помощь",
})
# A volume a state produces or consumes at home is no figure of an interaction.
HOME_VOLUME_WORDS: frozenset[str] = frozenset({
    "потреблять", "потребление", "потребляться", "добыча", "добыть", "добывать", "производить", "произвести",
    "производство", "выработка", "выработать", "урожай", "собрать", "запас", "потребность",
})
# A plain percentage counts when it is a share of something that changes hands.
SHARE_WORDS: frozenset[str] = frozenset({"акция", "доля", "пакет", "пошлина", "часть"})
# …or when the sentence names what it is a share or a level of: «доля национальных валют … превысила 85%»,
# «уровень локализации достиг 40%», «расчеты в национальных валютах превысили 40%».
SHARE_BEFORE: frozenset[str] = frozenset({"доля", "уровень", "локализация", "расчет", "пошлина", "ставка"})
# Words just before an amount that make it a goal without «до»: «выйти на экспорт в 600 млн», «цель — 1 млрд».
TARGET_NEAR: frozenset[str] = frozenset({"выйти", "выход", "планка", "ориентир", "целевой"})
# «цель»/«задача» only as the subject: «на эти цели выделено» is a purpose, not a goal.
TARGET_NEAR_FORMS: frozenset[str] = frozenset({"цель", "задача"})
# Words just after a percentage that make it a change: «что на 9% больше», «на 9% по сравнению с…».
GROWTH_AFTER: frozenset[str] = frozenset({"больше", "выше", "меньше", "ниже", "сравнение", "превысить"})
# A pronoun that refers back to the last sentence's figure: «В прошлом году он составил 100 млн долларов».
ANAPHORS: frozenset[str] = frozenset({"он", "она", "оно", "его", "ее", "её"})
# Kinds that carry over from the previous sentence («…инвестиционных проектов. В 2025 году планируется освоить…»).
CARRIED_KINDS: frozenset[str] = frozenset({"investment", "loan"})

# Nouns a number counts that are no figure of an interaction: time, distance, area, places, dates.
NOT_COUNTED: frozenset[str] = frozenset({
    "год", "месяц", "день", "неделя", "час", "минута", "секунда", "сутки", "век", "лет", "раз", "километр",
    "метр", "сантиметр", "гектар", "градус", "страна", "государство", "регион", "область", "город", "район",
    "пункт", "процент", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
    "сентябрь", "октябрь", "ноябрь", "декабрь", "этап", "шаг", "очередь", "часть", "доля", "число",
    "номер", "тур", "балл", "позиция", "уровень", "класс", "курс", "летие", "годовщина", "заседание",
})
# «Количество предприятий … достигло 540»: a number that counts the subject named before it.
COUNT_SUBJECTS: frozenset[str] = frozenset({"количество", "число"})
# Things whose number an item reports about an interaction (people are counted whatever they are).
COUNTED_THINGS: frozenset[str] = frozenset({
    "предприятие", "компания", "фирма", "организация", "завод", "фабрика", "банк", "производство", "место",
    "мероприятие", "машина", "школа", "вуз", "университет", "проект", "объект", "рейс", "квота", "грант",
    "стипендия", "путевка", "вакансия", "лицензия", "филиал", "представительство", "магазин",
    # supplies and aid counted in pieces: «150 тысяч доз вакцины», «10 тысяч наборов», «20 аппаратов ИВЛ»
    "доза", "набор", "аппарат", "тест-система", "голова",
})
# Words of a fall: the change they govern is negative.
DECLINE_WORDS: frozenset[str] = frozenset({
    "снизиться", "снижение", "сократиться", "сокращение", "упасть", "падение", "уменьшиться", "уменьшение",
    "опуститься", "просесть",
})
DECLINE_AFTER: frozenset[str] = frozenset({"меньше", "ниже"})
