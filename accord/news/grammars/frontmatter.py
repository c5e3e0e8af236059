"""Front-matter patterns: how sites write a publication date, and the page furniture around an item.

Dates come in bylines (``03 ноября, 2016``, ``• 10 декабря 2021 в 09:40``, ``|11.02.2026``,
``Опубликовано: 03.02.2026``, ``2017-9-6 14:03 |``, ``10:15 / 14.02.2026 / 2 317 просмотров``)
and datelines (``Бишкек, 20 апреля 2026 года.``, ``Бишкек, 29.09.25 /Кабар/.``).  Furniture is
what a page prints around the item: rubrics, breadcrumbs, captions and credits, rate tickers,
view counters, share, tags and "read also" lines.
"""

from __future__ import annotations

import re

# A month named in full or cut short, in any case: «ноября», «Янв», «янв.», «Май», «сент.».
MONTH_TOKEN = r"[А-Яа-яЁё]{3,8}\.?"
MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("май", 5), ("мая", 5), ("мае", 5), ("маю", 5),
    ("июн", 6), ("июл", 7), ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12),
)
_MONTH_WORDS = re.compile(
    r"^(?:январ[ьяюе]|феврал[ьяюе]|март[аеу]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]|август[аеу]?"
    r"|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе])$"
)
_MONTH_SHORT = re.compile(r"^(?:янв|фев|февр|мар|апр|май|июн|июл|авг|сен|сент|окт|ноя|нояб|дек)$")

# Dates in a byline, tried in this order at each position.
DATE_ISO = re.compile(r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
DATE_NUMERIC = re.compile(r"(?<![\d.:/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d.]?\d)")
DATE_WORDS = re.compile(r"(?<!\d)(\d{1,2})\s+(" + MONTH_TOKEN + r")\s*,?\s+(\d{4})(?!\d)")
TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")

# Words a byline may carry besides its date: labels, weekdays, relative days, counters, «г.», «в».
BYLINE_WORDS: frozenset[str] = frozenset({
    "опубликовано", "опубликован", "опубликована", "обновлено", "обновлен", "изменено", "создано", "дата",
    "публикации", "размещено", "добавлено", "время", "в", "г", "гг", "года", "год", "мск", "utc", "gmt",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "пн", "вт", "ср", "чт", "пт", "сб", "вс", "сегодня", "вчера", "позавчера",
    "просмотров", "просмотра", "просмотр", "просмотры", "комментариев", "комментарии", "комментария",
    "views", "published", "updated",
})
# Words that make a line a date line although it gives no full date: «Вчера, 14:20».
RELATIVE_DAYS: frozenset[str] = frozenset({"сегодня", "вчера", "позавчера"})

# A dateline opens the item's first paragraph: «Бишкек, 29.09.25 /Кабар/.», «МИНСК, 3 ноября (БЕЛТА) –»,
# «ТАШКЕНТ, 12 фев — Sputnik.», «Ташкент, 24 апреля 2025 года. /УзА/.».
DATELINE_PLACE = r"^[A-ZА-ЯЁ][\w\-. ]{1,40},\s*"
DATELINE_NUMERIC = re.compile(DATELINE_PLACE + r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b")
DATELINE_WORDS = re.compile(
    DATELINE_PLACE + r"(\d{1,2})\s+(" + MONTH_TOKEN + r")(?:\s+(\d{4})(?:\s*г(?:ода|\.)?)?)?\s*[.,(/–—-]"
)

# Lines a page prints around the item, recognised by their label (lower case, at the line's start).
FURNITURE_LABELS = re.compile(
    r"^(?:на\s+фото|фото(?:графия)?|видео|источник|автор(?:\s+фото)?|теги|метки|ключевые\s+слова|тэги"
    r"|поделиться|поделитесь|читайте\s+(?:также|еще|ещё|нас)|читать\s+также|смотрите\s+также|см\.\s+также"
    r"|подписывайтесь|подпишитесь|просмотров|просмотры|комментари[иейя]|версия\s+для\s+печати|распечатать"
    r"|оцените|нашли\s+ошибку|tags|share|photo|фото\s*/|иллюстративное\s+фото)\b",
    re.IGNORECASE,
)
# A view or comment counter anywhere in a short line: «👁 3 412», «2 317 просмотров».
COUNTER = re.compile(r"👁|\b(?:просмотр\w*|views)\b", re.IGNORECASE)
# A rate ticker: currency codes with numbers («USD 3,0512 | EUR 3,4420», «USD/KZT 449,87 ▲»).
TICKER_CODE = re.compile(r"\b[A-Z]{3}(?:/[A-Z]{3})?\b\s*[:=]?\s*[▲▼↑↓+\-]?\s*\d")
# Breadcrumb separators between short parts: «Главная > Новости > Экономика», «Экономика | Цены».
CRUMB_SEPARATOR = re.compile(r"\s+(?:>|›|»|/|→|\||•|·|::)\s+")
# Bullets, pipes and dots a byline or a rubric is decorated with.
DECORATION = "•·|/\\—–-:,.;()[]{}«»\"'*#№~+=_▲▼↑↓👁 "

TITLE_MAX = 200
RUBRIC_MAX_WORDS = 3
# A first paragraph of at least this many words that ends with a full stop is body text, not a headline.
SENTENCE_MIN_WORDS = 8


def month_number(token: str) -> int | None:
    """The month a full or short month word names (``ноября``, ``Янв``, ``сент.``, ``Май``), or None."""
    w = token.lower().rstrip(".").replace("ё", "е")
    if not (_MONTH_WORDS.match(w) or _MONTH_SHORT.match(w)):
        return None
    for stem, n in MONTH_STEMS:
        if w.startswith(stem):
            return n
    return None
