"""Front matter of a news item: the headline, the publication date and how it was found, and the
page furniture that is no part of the item.

Pages put a lot around an item: a rubric (``Экономика``, ``В СОДРУЖЕСТВЕ``), breadcrumbs
(``Главная > Новости``), a byline with the date and a view counter, a rate ticker, photo credits,
share, tags and "read also" lines.  Each line is read on its own (``classify_line``); furniture is
dropped from the text the later stages analyse, and the headline is the first short line before
the body that is not a rubric.

The date is the first one that belongs to the item: a crawler's ``date YYYY-MM-DD`` header, else
a byline in the front matter, else the dateline that opens the body (``Бишкек, 29.09.25 /Кабар/.``;
one without a year gives no date), else a byline at the foot of the page, else an estimate from a
dated sentence about the reported event early in the text.  ``Front.date_basis`` says which.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from accord.news.grammars import dates as D
from accord.news.grammars import frontmatter as F

_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[А-ЯЁA-Z«\"]")
_PAST_VERB = re.compile(r"\b\w+(?:ал|ял|ил|ел|ул|ыл)(?:а|и|о|ся|ась|ись)?\b")
_WORD = re.compile(r"[^\W\d_]+(?:[-'.][^\W\d_]+)*")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z.\-']*$")
_PLACE = re.compile(r"^([A-ZА-ЯЁ][\w\-]*(?:[ \-][A-ZА-ЯЁ][\w\-]*){0,2}),")

# Date bases, as ``Extraction.date_basis`` gives them.
METADATA, HEADER, BYLINE, DATELINE, SENTENCE = "metadata", "header", "byline", "dateline", "sentence"
# How many lines from the top (and from the foot) may hold front matter.
FRONT_LINES = 10
FOOT_LINES = 4


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


# --- one line ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LineReading:
    """What one line of a page is.

    ``kind``: ``byline`` (a date with labels, times, counters), ``dateline`` (a place and a date
    alone on a line), ``stamp`` (a time, a counter or a relative day without a full date),
    ``label`` (a caption, credit, share, tags or "read also" line), ``ticker`` (exchange rates),
    ``bare`` (no letters), or ``text`` (anything else).  ``date`` is the ISO date it states."""

    kind: str
    date: str | None = None

    @property
    def is_furniture(self) -> bool:
        return self.kind in ("byline", "stamp", "label", "ticker", "bare")


def find_line_date(line: str) -> tuple[str | None, str]:
    """The first full date a line writes (ISO), and the line with its dates and times blanked out."""
    found: list[tuple[int, str | None]] = []
    rest = line
    for rx in (F.DATE_ISO, F.DATE_NUMERIC, F.DATE_WORDS):
        for m in rx.finditer(rest):
            found.append((m.start(), _date_of(rx, m)))
        rest = rx.sub(lambda m: " " * len(m.group(0)), rest)
    rest = F.TIME.sub(" ", rest)
    dated = sorted((pos, d) for pos, d in found if d)
    return (dated[0][1] if dated else None), rest


def _date_of(rx: re.Pattern[str], m: re.Match[str]) -> str | None:
    if rx is F.DATE_ISO:
        return D.iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if rx is F.DATE_NUMERIC:
        return D.iso(_full_year(m.group(4)), int(m.group(3)), int(m.group(1)))
    month = F.month_number(m.group(2))
    return D.iso(int(m.group(3)), month, int(m.group(1))) if month else None


def _full_year(year: str) -> int:
    return int(year) + 2000 if len(year) == 2 else int(year)


def classify_line(line: str) -> LineReading:
    """Read one line of a page on its own (see ``LineReading``)."""
    s = line.strip()
    if not s:
        return LineReading("bare")
    if F.FURNITURE_LABELS.match(s.lstrip(F.DECORATION)):
        return LineReading("label", find_line_date(s)[0])
    short = len(s) <= 120
    codes = F.TICKER_CODE.findall(s)
    if len(codes) >= 2 or (codes and short and len(_cyrillic_words(s)) <= 2):
        return LineReading("ticker")
    date, rest = find_line_date(s) if short else (None, s)
    if not date and not any(ch.isalpha() for ch in s) and not F.COUNTER.search(s):
        return LineReading("bare")
    if short:
        words = _WORD.findall(rest)
        other = [
            w for w in words if w.lower().replace("ё", "е") not in F.BYLINE_WORDS and not _LATIN.match(w)
        ]
        if date and (not other or _rubric_beside(s)):
            return LineReading("byline", date)
        place = _PLACE.match(s)
        if date and place and len(other) == len(_WORD.findall(place.group(1))):
            return LineReading("dateline", date)
        if (
            not date
            and not other
            and (
                F.COUNTER.search(s)
                or any(w.lower() in F.RELATIVE_DAYS for w in words)
                or (F.TIME.search(s) and any(ch.isalpha() for ch in s))
            )
        ):
            return LineReading("stamp")
    if short and F.COUNTER.search(s) and len(_cyrillic_words(F.COUNTER.sub(" ", s))) == 0:
        return LineReading("stamp")
    if not any(ch.isalpha() for ch in s):
        return LineReading("bare")
    return LineReading("text")


_SEGMENT_SEPARATOR = re.compile(r"\s*[|·•]\s*")


def _rubric_beside(line: str) -> bool:
    """``2017-9-6 14:03 | Экономика``: the date's segment is a byline, the others are one- or two-word
    section names (capitalised, no digits)."""
    segments = [p for p in _SEGMENT_SEPARATOR.split(line) if p.strip()]
    if len(segments) < 2:
        return False
    for seg in segments:
        date, rest = find_line_date(seg)
        words = [w for w in _WORD.findall(rest) if w.lower().replace("ё", "е") not in F.BYLINE_WORDS]
        if date or not words:
            continue
        if len(words) > 2 or _has_digit(rest) or not seg.strip()[:1].isupper():
            return False
    return True


def _cyrillic_words(s: str) -> list[str]:
    return [w for w in _WORD.findall(s) if re.search(r"[а-яё]", w, re.IGNORECASE)]


def is_crumbs(line: str) -> bool:
    """Breadcrumbs or a compound rubric: short parts between separators (``Главная > Новости``)."""
    parts = [p.strip(F.DECORATION) for p in F.CRUMB_SEPARATOR.split(line.strip())]
    parts = [p for p in parts if p]
    return len(parts) >= 2 and all(len(p.split()) <= F.RUBRIC_MAX_WORDS and not _has_digit(p) for p in parts)


def is_rubric(line: str, is_verb: Callable[[str], bool], strict: bool = False) -> bool:
    """A section name above the headline: breadcrumbs, a short line in capitals, or one to three
    words without a verb (``Власть``, ``Новости Беларуси``, ``В мире``); ``strict``: only a single
    word, capitals or breadcrumbs (for a line that has no headline candidate beside it)."""
    s = line.strip().strip(F.DECORATION)
    if not s or is_crumbs(line):
        return True
    words = _WORD.findall(s)
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(words) <= 4 and len(letters) > 1:
        return True
    if _has_digit(s) or s.endswith(("?", "!")) or ":" in s:
        return False
    return len(words) <= (1 if strict else F.RUBRIC_MAX_WORDS) and not any(is_verb(w) for w in words)


def _has_digit(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


def dateline(head: str) -> tuple[bool, str | None]:
    """(the paragraph opens with a dateline, its date): a dateline without a year gives no date."""
    m = F.DATELINE_NUMERIC.match(head)
    if m:
        return True, D.iso(_full_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = F.DATELINE_WORDS.match(head)
    if m:
        month = F.month_number(m.group(2))
        if month is None:
            return False, None
        if not m.group(3):
            return True, None
        return True, D.iso(int(m.group(3)), month, int(m.group(1)))
    return False, None


def is_body(line: str) -> bool:
    """A line that is body text, not a headline: a dateline, a long line, or sentences."""
    s = line.strip()
    if dateline(s)[0] or len(s) > F.TITLE_MAX or _SENTENCE_BREAK.search(s.rstrip(" .")):
        return True
    return s.endswith(".") and not s.endswith((" .", "..", "…")) and len(s.split()) >= F.SENTENCE_MIN_WORDS


# --- the whole front --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Front:
    """The item as the reader analyses it: the headline as its first line (if any), then the body
    without furniture; ``body_start`` is the offset where the body starts."""

    text: str
    title: str | None
    body_start: int
    date: str | None
    date_basis: str | None


def read_front(
    text: str,
    is_verb: Callable[[str], bool],
    date: str | None = None,
    date_basis: str | None = None,
    title: str | None = None,
) -> Front:
    """Headline, date and furniture of a normalised text (after ``split_header``).

    ``date``/``date_basis`` and ``title`` come from the page's metadata or a header line when
    there is one; they win over what the text's own lines say."""
    lines = text.split("\n")
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    readings = {i: classify_line(lines[i]) for i in nonempty}
    drop: set[int] = {i for i, r in readings.items() if r.is_furniture}
    drop |= _link_lists(lines)
    byline_dates: list[tuple[int, str, str]] = []  # (line, date, basis)
    candidates: list[int] = []
    first_body: int | None = None
    for i in nonempty[:FRONT_LINES]:
        r = readings[i]
        if r.kind in ("byline", "dateline") and r.date:
            if r.kind == "dateline" and candidates:
                first_body = i  # «Title / Москва, 10 октября 2025 г. / …»: the dateline opens the body
                break
            byline_dates.append((i, r.date, BYLINE if r.kind == "byline" else DATELINE))
            drop.add(i)
            continue
        if r.is_furniture:
            continue
        if is_body(lines[i]):
            first_body = i
            break
        candidates.append(i)
    if first_body is None:
        first_body = next((i for i in nonempty if i not in drop and i not in candidates), None)
        if first_body is None and len(candidates) > 1:
            first_body = candidates.pop()  # nothing but short lines: the last one is the body
    # the headline: given by the page, else the first candidate that is not a rubric
    title_line: int | None = None
    if title is not None:
        title_line = next((i for i in candidates if _same_title(lines[i], title)), None)
        drop.update(i for i in candidates if i != title_line and is_rubric(lines[i], is_verb))
    else:
        strict = len(candidates) == 1  # a lone short line is the headline unless it can only be a rubric
        rubrics = [i for i in candidates if is_rubric(lines[i], is_verb, strict)]
        drop.update(rubrics)
        kept = [i for i in candidates if i not in rubrics]
        if first_body is not None and kept:
            title_line = kept[0]
            if (
                len(kept) > 1
                and not _has_verb(lines[kept[0]], is_verb)
                and _has_verb(lines[kept[1]], is_verb)
            ):
                title_line = kept[1]  # «Союзное государство и регионы / Минск и Москва согласовали …»
                drop.add(kept[0])
        if title_line is not None:
            title = re.sub(r"\s+\.$", "", lines[title_line].strip()).strip() or None
    # the foot: a byline among the last lines, or anywhere with a label («Опубликовано: …»)
    foot = set(nonempty[-FOOT_LINES:])
    for i in nonempty:
        r = readings[i]
        if i in foot and r.kind == "byline" and r.date and all(i != b[0] for b in byline_dates):
            byline_dates.append((i, r.date, BYLINE))
    out_lines: list[str] = []
    if title is not None:
        out_lines.append(title)
    for i, ln in enumerate(lines):
        if i in drop or i == title_line or (title is not None and i in candidates and i < (title_line or 0)):
            continue
        out_lines.append(ln)
    analysed = "\n".join(out_lines)
    body_start = len(title) if title is not None else 0
    if date is None:
        body = "\n".join(
            ln for i, ln in enumerate(lines) if i not in drop and (first_body is None or i >= first_body)
        )
        date, date_basis = _item_date(lines, first_body, byline_dates, body)
    elif date_basis is None:
        date_basis = HEADER
    return Front(analysed, title, body_start, date, date_basis if date else None)


def _link_lists(lines: list[str]) -> set[int]:
    """The headlines listed under «Читайте также:» up to the next blank line or body paragraph."""
    out: set[int] = set()
    listing = False
    for i, line in enumerate(lines):
        s = line.strip().lstrip(F.DECORATION)
        if F.LINK_LIST.match(s):
            listing = True
            out.add(i)
        elif listing and s and not is_body(line):
            out.add(i)
        else:
            listing = False
    return out


def _same_title(line: str, title: str) -> bool:
    return " ".join(line.split()).strip(" .") == " ".join(title.split()).strip(" .")


def _has_verb(line: str, is_verb: Callable[[str], bool]) -> bool:
    return any(is_verb(w) for w in _WORD.findall(line))


def _item_date(
    lines: list[str], first_body: int | None, bylines: list[tuple[int, str, str]], body: str
) -> tuple[str | None, str | None]:
    """The first date that belongs to the item (see the module's docstring)."""
    sources = sorted(bylines)
    yearless = False
    if first_body is not None:
        found, date = dateline(lines[first_body].strip())
        if found and date:
            sources.append((first_body, date, DATELINE))
            sources.sort()
        yearless = found and date is None
    front = [s for s in sources if first_body is None or s[0] <= first_body]
    if front:
        return front[0][1], front[0][2]
    if sources:
        return sources[0][1], sources[0][2]
    if yearless:
        return None, None
    estimate = dated_sentence(body)
    return (estimate, SENTENCE) if estimate else (None, None)


def find_date(body: str) -> str | None:
    """Publication date from a dateline or a dated sentence in a body without front matter."""
    heads = [ln.strip() for ln in body.split("\n") if ln.strip()][:2]
    for head in heads:
        found, date = dateline(head)
        if found:
            return date
    return dated_sentence(body)


def dated_sentence(body: str) -> str | None:
    """A date in words after a weekday anywhere («в среду, 16 ноября 2016 года»), or next to a past-tense
    verb in the lead paragraph; a date further down is more often about another, earlier event."""
    m = D.WEEKDAY_DATE.search(body)
    if m:
        month = D.month_number(m.group(2))
        if month:
            return D.iso(int(m.group(3)), month, int(m.group(1)))
    for line in [ln for ln in body.split("\n") if ln.strip()][:1]:
        for m in D.FULL_DATE.finditer(line):
            before = line[max(0, m.start() - 60) : m.start()]
            if _PAST_VERB.search(before):
                month = D.month_number(m.group(2))
                if month:
                    return D.iso(int(m.group(3)), month, int(m.group(1)))
    return None
