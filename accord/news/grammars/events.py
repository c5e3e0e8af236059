"""Event cues: lemma sequences (adjacent words) that report an event of each type.

``COMMISSION_BODIES`` are the lemmas that make an «заседание» a session of an interstate body;
a «пленарное заседание» belongs to a forum.
"""

from __future__ import annotations

EVENT_CUES: dict[str, tuple[tuple[str, ...], ...]] = {
    "official_visit": (("визит",), ("посетить",), ("посещение",), ("турне",)),
    "talks": (("встреча",), ("встретиться",), ("переговоры",), ("консультация",), ("переговорить",),
              ("беседа",), ("встречаться",), ("договориться",)),
    "phone_call": (("телефонный", "разговор"), ("по", "телефон"), ("телефонный", "переговоры"),
                   ("видеоконференция",), ("видеосвязь",), ("видеозвонок",), ("телефонный", "беседа")),
    "commission_session": (("саммит",), ("межправсовет",)),
    "forum": (("форум",), ("бизнес-форум",), ("выставка",), ("ярмарка",), ("бизнес-миссия",), ("экспо",),
              ("пленарный", "заседание"), ("деловой", "круг"), ("деловой", "миссия")),
    "other_event": (("пресс-конференция",), ("учение",), ("телеграмма",), ("мероприятие",), ("послание",),
                    ("поздравление",), ("поздравить",)),
}

# Talks cues that report no meeting of their own when another event is reported: what was agreed or
# said «в ходе беседы» happened on the call, at the session or at the forum.
WEAK_TALKS: frozenset[tuple[str, ...]] = frozenset({("договориться",)})
# In an item about a call, «беседа» is the call.
CALL_TALKS: frozenset[tuple[str, ...]] = frozenset({("договориться",), ("беседа",)})
# «план мероприятий», «программа совместных мероприятий»: the measures are a document's content.
PLAN_WORDS: frozenset[str] = frozenset({"план", "программа", "комплекс", "перечень", "график", "дорожный"})

SESSION_WORD = "заседание"
COMMISSION_BODIES: frozenset[str] = frozenset({
    "комиссия", "межправкомиссия", "совет", "межправсовет", "госсовет", "группа", "мпк", "комитет",
    "делегация",  # «заседание правительственных делегаций по делимитации границы»
})
# Sessions of these bodies are domestic, not interstate.
DOMESTIC_BODIES: frozenset[str] = frozenset({"кабинет", "правительство", "парламент", "дума", "суд"})

SIGN_VERBS: frozenset[str] = frozenset({"подписать", "подписывать", "подписаться"})
SIGN_NOUN = "подписание"
HELD_WORDS: frozenset[str] = frozenset({"состояться", "церемония", "пройти"})
CEREMONY = "церемония"
# «пригласил посетить» is an invitation; tourists visiting are not a delegation.
INVITATION: frozenset[str] = frozenset({"пригласить", "приглашение", "приглашать"})
TRAVELLERS: frozenset[str] = frozenset({"турист", "путешественник", "паломник", "отдыхающий"})
CONCLUDE_VERBS: frozenset[str] = frozenset({"заключить"})
NEGATION: frozenset[str] = frozenset({"не", "ни", "никакой"})
