"""Kyrgyz-language items: kept and read for what a small lexicon can say with confidence.

The Russian pipeline cannot read Kyrgyz, and accord claims nothing it cannot read. For a
Kyrgyz item it finds the headline, the date, the states named (the parties when two or more
are named) and the officials named with their office — and nothing else: no events,
documents, sectors, figures or quotes.
"""

from __future__ import annotations

import re
from datetime import date

from accord.news.lexicon import kyrgyz as K
from accord.news.model import Extraction, Person
from accord.news.reader import Article

#: what the output says of itself, so nobody takes the empty fields for "nothing happened"
SCOPE_NOTE = "Kyrgyz: only the headline, date, states and officials named are read"
TITLE_MAX = 200

_WORD = re.compile(r"[A-Za-zА-Яа-яЁёӨөҮүҢң]+(?:-[A-Za-zА-Яа-яЁёӨөҮүҢң]+)*")
#: month stems: a case ending follows the name without its soft sign («сентябрда», «майы»)
_STEMS = {(m[:-1] if m.endswith(("ь", "й")) else m): n for m, n in K.MONTHS.items()}
_MONTH = "((?:" + "|".join(_STEMS) + r")[а-яөүң]*)"
_YEAR_FIRST = re.compile(rf"(\d{{4}})-жыл[а-яөүң]*\s+(\d{{1,2}})-{_MONTH}", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})-{_MONTH},?\s+(\d{{4}})", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def extract_kyrgyz(article: Article) -> Extraction:
    text = article.text
    title = article.title or _title(text)
    return Extraction(
        source=article.source,
        date=article.date or find_date(text),
        title=title,
        countries=_parties(find_states(text)),
        persons=find_officials(text),
        extra={"language": "ky", "scope": SCOPE_NOTE},
    )


def _title(text: str) -> str | None:
    """The first short line of three words or more: a one- or two-word line is a rubric («Саясат»)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:3]
    return next(
        (line for line in lines if len(line.split()) >= 3 and len(line) <= TITLE_MAX and not find_date(line)),
        None,
    )


def _month(word: str) -> int | None:
    """The month a word names, by the longest stem it starts with («мартта» is March, «майы» May)."""
    word = word.lower()
    matches = [stem for stem in _STEMS if word.startswith(stem)]
    return _STEMS[max(matches, key=len)] if matches else None


def find_date(text: str) -> str | None:
    """The first date of the item's opening lines, in the forms Kyrgyz news writes them."""
    head = "\n".join(text.splitlines()[:6])
    for pattern, order in ((_YEAR_FIRST, "ydm"), (_DAY_FIRST, "dmy"), (_NUMERIC, "dMy")):
        m = pattern.search(head)
        if not m:
            continue
        if order == "ydm":
            year, day, month = int(m.group(1)), int(m.group(2)), _month(m.group(3))
        elif order == "dmy":
            day, month, year = int(m.group(1)), _month(m.group(2)), int(m.group(3))
        else:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if month and 1990 <= year <= 2100:
            try:
                return date(year, month, day).isoformat()
            except ValueError:  # 31 June is no date
                continue
    return None


def _stem(word: str) -> str:
    """The word without one Kyrgyz case or possessive ending, when what is left still ends like a name."""
    for ending in K.ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            if stem.endswith(K.SURNAME_ENDINGS) or any(
                stem == s for names in K.STATES.values() for s in names
            ):
                return stem
    return word


def find_states(text: str) -> list[str]:
    """States named, in order of first mention (a name with any case ending counts)."""
    found: dict[str, int] = {}
    for code, names in K.STATES.items():
        for name in names:
            m = re.search(rf"(?<![А-Яа-яӨөҮүҢң]){re.escape(name)}", text)
            if m:
                found[code] = min(found.get(code, m.start()), m.start())
    return sorted(found, key=found.__getitem__)


def _parties(states: list[str]) -> list[str]:
    """An item naming two or more states is taken to be about them; one state alone is its own affairs."""
    return sorted(states) if len(states) >= 2 else []


def find_officials(text: str) -> list[Person]:
    """People named as First Last right after an office (and perhaps their state), once each."""
    people: dict[str, Person] = {}
    words = list(_WORD.finditer(text))
    for i in range(len(words) - 1):
        first, last = words[i].group(), words[i + 1].group()
        surname = _stem(last)
        if not (first[:1].isupper() and last[:1].isupper() and surname.endswith(K.SURNAME_ENDINGS)):
            continue
        if first in K.CITIES or any(
            first.startswith(n.split()[0]) for names in K.STATES.values() for n in names
        ):
            continue
        before = text[max(0, words[i].start() - 120) : words[i].start()]
        office = next(
            ((ky, ru) for ky, ru in K.OFFICES.items() if before.lower().rstrip().endswith(ky)), None
        )
        if office is None:
            continue
        name = f"{first} {surname}"
        if name not in people:
            ahead = before.rstrip()[: len(before.rstrip()) - len(office[0])]
            state = _state_just_before(ahead) or K.OFFICE_STATE.get(office[0])
            people[name] = Person(name, office[1], state)
    return list(people.values())


def _state_just_before(text: str) -> str | None:
    """The state named right before an office, as its genitive: «Беларусь Республикасынын Премьер-министри»."""
    tail = text[-40:]
    last = list(_WORD.finditer(tail))
    if not last:
        return None
    for code, names in K.STATES.items():
        for name in names:
            at = tail.rfind(name)
            # the state's words end at the last word before the office (with their case ending)
            if at >= 0 and at + len(name) >= last[-1].start():
                return code
    return None
