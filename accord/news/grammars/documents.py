"""Document cues: which words name which type of document, and which words give its status."""

from __future__ import annotations

DOCUMENT_CUES: dict[str, tuple[tuple[str, ...], ...]] = {
    "roadmap": (("дорожный", "карта"),),
    "memorandum": (("меморандум",),),
    "agreement": (("соглашение",), ("договор",), ("конвенция",)),
    "protocol": (("протокол",),),
    "program": (("программа",), ("план", "мероприятие"), ("план", "действие"), ("план", "консультация"),
                ("план", "сотрудничество"), ("план", "совместный", "мероприятие"), ("план", "совместный", "действие")),
    "declaration": (("декларация",), ("совместный", "заявление"), ("коммюнике",)),
    "contract": (("контракт",), ("сделка",)),
}

# «достичь соглашения», «прийти к соглашению» report an understanding, not a document.
IDIOM_BEFORE: frozenset[str] = frozenset({"достичь", "достигнуть", "прийти"})
IDIOM_FORMS: frozenset[str] = frozenset({"пришли", "пришел", "пришла", "прийти", "придти"})
# Words before «программа» that make it something other than a cooperation document.
NOT_DOCUMENT_BEFORE: frozenset[str] = frozenset({
    "ядерный", "ракетный", "космический", "телевизионный", "компьютерный", "мирный", "учебный", "партийный",
    "предвыборный", "избирательный", "государственный", "федеральный", "национальный",
})

SIGNED_VERBS: frozenset[str] = frozenset({
    "подписать", "подписывать", "заключить", "принять", "сделать", "ратифицировать", "вступить", "утвердить",
    "парафировать",
})
PLANNED_WORDS: frozenset[str] = frozenset({
    "планироваться", "планировать", "предстоять", "намереваться", "намерен", "подготовить", "подготовка",
    "разработать", "разработка", "готовиться", "собираться", "одобрить", "предстоящий", "будущий",
    "договориться", "согласовать", "рассчитывать", "предложить",
})
DISCUSSED_WORDS: frozenset[str] = frozenset({"обсудить", "обсуждать", "обсуждение", "рассмотреть", "обсуждаться"})
DRAFT_WORD = "проект"
FUTURE_AUX: frozenset[str] = frozenset({"быть"})
# «соглашение о покупке …» is a commercial contract.
COMMERCIAL_SUBJECTS: frozenset[str] = frozenset({"покупка", "продажа", "приобретение", "купля-продажа", "поставка",
                                                 "выкуп", "слияние", "поглощение"})
CONDITIONAL: frozenset[str] = frozenset({"если", "ежели"})
# «при подписании», «после подписания», «в ходе подписания»: the signing took place.
# «стали свидетелями подписания»: the signing took place in their presence.
SIGNING_HELD_BEFORE: frozenset[str] = frozenset({"при", "после", "ход", "итог", "церемония", "свидетель"})
