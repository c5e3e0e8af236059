"""Quote patterns: speech verbs and the shapes of direct speech in Russian news."""

from __future__ import annotations

import re

SPEECH_VERB = (
    r"(?:сказал|отметил|заявил|подчеркнул|добавил|сообщил|пояснил|заверил|констатировал|резюмировал|"
    r"продолжил|признал|уточнил|напомнил|указал|считает|говорит|рассказал|выразил|призвал|ответил|"
    r"прокомментировал|цитирует|приводит|процитировал|написал|пишет|заметил|предупредил|объяснил|убежден|уверен|"
    r"отмеча|подчеркива|заявля|добавля|сообща|поясня|уточня|высказал|подытожил|заключил|поделился|"
    r"акцентировал|проинформировал|информировал)\w*"
)
# «…», – отметил Александр Ефимов.   "…", - сказал Обама.
AFTER_QUOTE = re.compile(r"^\s*[,.!?…]?\s*[-–—]+\s*(?:\w+\s+){0,2}?" + SPEECH_VERB + r"\b", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:он|она)\b", re.IGNORECASE)
# Words after a speech verb that show the speaker is a document or a medium, not a person.
NOT_A_PERSON = re.compile(
    r"^\s*(?:говорится|сообщается|отмечается|пишет\s+(?:издание|газета)|передает|цитирует\s+(?:РБК|ТАСС))",
    re.IGNORECASE,
)
DASH_LINE = re.compile(r"^\s*[-–—]\s*(.+)$", re.DOTALL)
MIN_WORDS = 2
OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}
# «– резюмировал парламентарий»: role words that name an office in other words.
ROLE_SYNONYMS: dict[str, str] = {
    "парламентарий": "депутат", "премьер": "премьер", "глава": "глава", "дипломат": "министр иностранных",
    "министр": "министр", "президент": "президент", "посол": "посол", "вице-премьер": "вице-премьер",
    "лидер": "", "руководитель": "", "председатель": "председатель", "спикер": "председатель",
}
# The role phrase after a speech verb ends at the end of its clause; «С.Жапаров» is not an end.
CLAUSE_END = re.compile(r"(?<![А-ЯЁA-Z])[.!?;](?=\s|$)|\n")
ROLE = re.compile(r"\s*(?:[а-яё]+(?:ий|ый|ой|ая)\s+)?([а-яё-]+)", re.IGNORECASE)
# «– Текст …, – заявил Президент Казахстана.»: dashed speech without quotation marks.
DASH_SPEECH = re.compile(r"[,.!?…]\s*[-–—]+\s*(?:\w+\s+){0,2}?" + SPEECH_VERB + r"\b", re.IGNORECASE)
# Offices that do not name the post (``глава Минэкономразвития``): such a person, named in the quote's
# paragraph, is the «министр» or «руководитель» a role phrase refers to.
GENERIC_OFFICES: frozenset[str] = frozenset({"", "глава", "руководитель"})
# «По словам Максима Рыженкова, «…»», «Как отметил министр, «…»»: the speaker named before the quote.
SPEAKER_BEFORE = re.compile(r"(?:\bпо\s+словам|\bкак\s+" + SPEECH_VERB + r")\s+[^«»\"]{2,80},\s*$", re.IGNORECASE)
