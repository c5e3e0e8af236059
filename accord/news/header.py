"""Normalise stage: header line, headline and publication date of a news item.

Crawled pages start with ``date YYYY-MM-DD …``; agency items carry a dateline
(``Бишкек, 29.09.25 /Кабар/.``, ``МИНСК, 29 сентября (БЕЛТА) –``); others give the date in
words in a sentence about the reported event.  A dateline without a year gives no date.
"""

from __future__ import annotations

import re

from accord.news.grammars import dates as D
from accord.news.model import NewsDoc

TITLE_MAX = 200
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[А-ЯЁA-Z«\"]")
_PAST_VERB = re.compile(r"\b\w+(?:ал|ял|ил|ел|ул|ыл)(?:а|и|о|ся|ась|ись)?\b")


def normalise_text(text: str) -> str:
    """Unify newlines and spaces so that offsets are stable for every later stage."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return text


def split_header(text: str) -> tuple[str | None, str]:
    """Remove a leading ``date YYYY-MM-DD …`` line; return (date or None, the rest)."""
    m = D.HEADER.match(text)
    if not m:
        return None, text
    date = D.iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return date, text[m.end() :]


def find_title(text: str) -> tuple[str | None, int]:
    """The headline (first short line) and the offset where the body starts."""
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            pos += len(line) + 1
            continue
        rest = "\n".join(lines[i + 1 :]).strip()
        dateline = _dateline(stripped)[0]
        if len(stripped) <= TITLE_MAX and rest and not dateline and not _SENTENCE_BREAK.search(stripped.rstrip(" .")):
            title = re.sub(r"\s+\.$", "", stripped).strip()
            return title or None, pos + len(line)
        return None, pos
    return None, 0


def find_date(body: str) -> str | None:
    """Publication date from a dateline or from a dated sentence about the event."""
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()][:2]
    for head in lines:
        found, date = _dateline(head)
        if found:
            return date
    return _dated_sentence(body)


def _dateline(head: str) -> tuple[bool, str | None]:
    """(is a dateline, its date): a dateline without a year gives no date."""
    m = D.DATELINE_NUMERIC.match(head)
    if m:
        year = int(m.group(3))
        year = year + 2000 if year < 100 else year
        return True, D.iso(year, int(m.group(2)), int(m.group(1)))
    m = D.DATELINE_WORDS.match(head)
    if m:
        if not m.group(3):
            return True, None
        month = D.month_number(m.group(2))
        return True, (D.iso(int(m.group(3)), month, int(m.group(1))) if month else None)
    return False, None


def _dated_sentence(body: str) -> str | None:
    """A date in words next to a past-tense verb, or after a weekday, early in the text."""
    m = D.WEEKDAY_DATE.search(body)
    if m:
        month = D.month_number(m.group(2))
        if month:
            return D.iso(int(m.group(3)), month, int(m.group(1)))
    for line in [ln for ln in body.split("\n") if ln.strip()][:3]:
        for m in D.FULL_DATE.finditer(line):
            before = line[max(0, m.start() - 60) : m.start()]
            if _PAST_VERB.search(before):
                month = D.month_number(m.group(2))
                if month:
                    return D.iso(int(m.group(3)), month, int(m.group(1)))
    return None


def read_header(doc: NewsDoc) -> None:
    """Fill ``doc.date``, ``doc.title`` and ``doc.body_start`` (``doc.text`` is already normalised)."""
    title, body_start = find_title(doc.text)
    doc.title = title
    doc.body_start = body_start
    if doc.date is None:
        doc.date = find_date(doc.text[body_start:])
