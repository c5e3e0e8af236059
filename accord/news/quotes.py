"""Quote stage: direct speech and who said it.

Shapes handled: a speaker line (``Александр Турчин, премьер-министр Беларуси:``) followed by
a quoted or dashed paragraph; ``«…», – отметил Name`` (or ``он``); ``Name подчеркнул: «…»``;
interview lines ``Name: text``; ``сообщил Name:`` followed by an unmarked paragraph.
"""

from __future__ import annotations

import bisect
import re

from accord.news.grammars.quotes import (
    AFTER_QUOTE,
    CLAUSE_END,
    DASH_LINE,
    DASH_SPEECH,
    GENERIC_OFFICES,
    MIN_WORDS,
    NOT_A_PERSON,
    OPEN_CLOSE,
    PRONOUN,
    ROLE,
    ROLE_SYNONYMS,
    SPEAKER_BEFORE,
)
from accord.news.lexicon.leaders import LEADERS
from accord.news.lexicon.positions import ALIASES
from accord.news.model import NewsDoc, PersonEntity, Quote
from accord.news.names import norm


class _People:
    """Person mentions by character offset."""

    def __init__(self, doc: NewsDoc) -> None:
        spans = []
        self.genitive: set[int] = set()
        for e in doc.persons:
            for first, last in e.mentions:
                spans.append((doc.tokens[first].start, doc.tokens[last - 1].stop, e))
                if "gent" in doc.tokens[first].tags and "nomn" not in doc.tokens[first].tags:
                    self.genitive.add(doc.tokens[first].start)
        spans.sort(key=lambda x: x[0])
        self.spans = spans
        self.starts = [s[0] for s in spans]
        self.doc = doc
        self.token_starts = [t.start for t in doc.tokens]

    def between(self, lo: int, hi: int) -> list[tuple[int, int, PersonEntity]]:
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.spans) and self.spans[i][0] < hi:
            out.append(self.spans[i])
            i += 1
        return out

    def last_before(self, pos: int) -> PersonEntity | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.spans[i - 1][2] if i > 0 else None

    def subject_before(self, pos: int) -> PersonEntity | None:
        """«он» is usually the subject of the last sentence that names someone: its first person."""
        i = bisect.bisect_left(self.starts, pos)
        if i == 0:
            return None
        start = self.spans[i - 1][0]
        si = self.doc.sentence_of_token(bisect.bisect_left(self.token_starts, start))
        sent_start = self.doc.sentences[si].start
        in_sentence = [sp for sp in self.spans[:i] if sp[0] >= sent_start and sp[0] not in self.genitive]
        return in_sentence[0][2] if in_sentence else self.spans[i - 1][2]

    def by_role(self, word: str, pos: int, paragraph: int, country: str | None = None) -> PersonEntity | None:
        """The person whose office contains the role word (``премьер``, ``депутат``) and who serves
        the role phrase's state: the paragraph's own people first, then the last one before ``pos``,
        else the first one after it."""
        stem = ROLE_SYNONYMS.get(word, word)[:5]
        if not stem and country is None:
            return None
        i = bisect.bisect_left(self.starts, pos)
        lo = bisect.bisect_left(self.starts, paragraph)
        here = [e for start, _, e in self.spans[lo:i] if start not in self.genitive]  # the subject comes first
        for e in [*here, *(e for _, _, e in reversed(self.spans[:lo])), *(e for _, _, e in self.spans[i:])]:
            office = next((p for p, _ in e.positions if p), "")
            if (not stem or stem in office) and (country is None or _country_of(e) == country):
                return e
            if country is None and e in here and office in GENERIC_OFFICES:
                return e
        return None

    def country_in(self, lo: int, hi: int) -> str | None:
        """The state named in a span of text (``белорусский лидер``, ``Президент Казахстана``)."""
        k = bisect.bisect_left(self.token_starts, lo)
        while k < len(self.doc.tokens) and self.doc.tokens[k].start < hi:
            if k in self.doc.country_tokens:
                return self.doc.country_tokens[k][0]
            k += 1
        return None


def _aliased(phrase: str) -> str | None:
    """«глава государства» → «президент», «глава казахстанского правительства» → «премьер-министр»."""
    words = [w for w in re.findall(r"[а-яёА-ЯЁ-]+", phrase.lower()) if not re.search(r"(?:ого|его|ий|ый|ой)$", w)]
    for n in (3, 2):
        if " ".join(words[:n]) in ALIASES:
            return ALIASES[" ".join(words[:n])]
    return None


def _country_of(e: PersonEntity) -> str | None:
    return next((c for _, c in e.positions if c), None) or LEADERS.get(norm(e.last))


def _speaker_after(people: _People, after: str, at: int, quote_at: int, paragraph: int) -> PersonEntity | None:
    """The speaker named after a quotation (``», – сказал вице-премьер``); ``at`` is where ``after`` starts.

    The name is looked for in the speech verb's clause only; a role phrase is resolved to the person
    holding that office or serving that state; «он» or a bare verb gives the last sentence's subject.
    """
    m = AFTER_QUOTE.match(after)
    if m is None or NOT_A_PERSON.match(after.lstrip(",.-–— ")):
        return None
    end = CLAUSE_END.search(after, m.end())
    stop = min(end.start() if end else len(after), m.end() + 80)
    window = people.between(at + m.start(), at + stop)
    named = [sp for sp in window if sp[0] not in people.genitive] or window
    if named:
        return named[0][2]
    rest = after[m.end() : stop]
    phrase_end = m.end() + len(re.split(r"[,(«\"]", rest, maxsplit=1)[0])  # the role phrase ends at a comma
    role = ROLE.match(rest)
    if role:
        country = people.country_in(at + m.end(), at + phrase_end)
        word = _aliased(rest) or role.group(1).lower()
        found = people.by_role(word, quote_at, paragraph, country)
        if found is None and country is not None:
            found = people.by_role("", quote_at, paragraph, country)  # «казахстанский дипломат»
        if found:
            return found
    if PRONOUN.search(after[: m.end() + 5]) or re.match(r"\s*[а-яё]", rest, re.IGNORECASE):
        return people.subject_before(quote_at)
    return None


def _start_words(text: str) -> str:
    words = text.strip().strip("«»\"“”„").split()
    return " ".join(words[:5])


def _quoted_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of quoted passages inside a line, outermost only."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch in OPEN_CLOSE:
            close, depth, j = OPEN_CLOSE[ch], 1, i + 1
            while j < len(line) and depth:
                if line[j] == ch and ch != close:
                    depth += 1
                elif line[j] == close:
                    depth -= 1
                j += 1
            if depth == 0:
                out.append((i + 1, j - 1))
                i = j
                continue
        elif ch == '"':
            j = line.find('"', i + 1)
            if j > i:
                out.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return out


def _speaker_line(line: str, offset: int, people: _People) -> PersonEntity | None:
    """A line that introduces speech: ends with «:» and names a person or says «он»."""
    stripped = line.rstrip()
    if not stripped.endswith(":"):
        return None
    found = people.between(offset, offset + len(stripped))
    if found:
        return found[0][2] if stripped.find(",") > 0 and found[0][0] - offset < 3 else found[-1][2]
    if PRONOUN.search(stripped):
        return people.last_before(offset)
    return None


def _dashed_speech(people: _People, line: str, off: int) -> Quote | None:
    """«– Текст …, – заявил Президент Казахстана.»: a dashed line with its speaker after a second dash."""
    m = DASH_LINE.match(line)
    if m is None:
        return None
    said = DASH_SPEECH.search(line, m.start(1))
    if said is None:
        return None
    body = line[m.start(1) : said.start() + 1]
    if len(body.split()) < MIN_WORDS:
        return None
    speaker = _speaker_after(people, line[said.start() :], off + said.start(), off, off)
    return Quote(speaker.name, _start_words(body)) if speaker else None


def find_quotes(doc: NewsDoc) -> None:
    """Fill ``doc.quotes`` (speaker as the person's merged name)."""
    people = _People(doc)
    text = doc.text
    quotes: list[Quote] = []
    pos = 0
    lines: list[tuple[int, str]] = []
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    lines = [(o, ln) for o, ln in lines if ln.strip()]
    speaker_before: PersonEntity | None = None
    for off, line in lines:
        intro = speaker_before
        speaker_before = _speaker_line(line, off, people)
        if off < doc.body_start:
            continue
        spans = _quoted_spans(line)
        if intro is not None and speaker_before is None:
            m = DASH_LINE.match(line)
            body = m.group(1) if m else line
            if spans and spans[0][0] <= 2:
                body = line[spans[0][0] : spans[0][1]]
            if len(body.split()) >= MIN_WORDS:
                quotes.append(Quote(intro.name, _start_words(body)))
            continue
        # interview line: «Name: text»
        head = people.between(off, off + 3)
        colon = line.find(":")
        if head and colon > 0 and head[0][1] - off <= colon <= head[0][1] - off + 1 and not line.rstrip().endswith(":"):
            rest = line[colon + 1 :]
            if len(rest.split()) >= MIN_WORDS:
                quotes.append(Quote(head[0][2].name, _start_words(rest)))
            continue
        dashed = _dashed_speech(people, line, off) if not spans else None
        if dashed is not None:
            quotes.append(dashed)
            continue
        for qs, qe in spans:
            quoted = line[qs:qe]
            if len(quoted.split()) < MIN_WORDS:
                continue
            before = line[: qs - 1].rstrip()
            after = line[qe + 1 :]
            speaker = None
            opens = (not before or before.endswith((":", ".", "!", "?", "»", '"')) or re.search(r"[-–—]$", before)
                     or SPEAKER_BEFORE.search(before))
            if not opens:
                continue
            if AFTER_QUOTE.match(after):
                speaker = _speaker_after(people, after, off + qe + 1, off + qs, off)
            elif SPEAKER_BEFORE.search(before):
                named = people.between(off + SPEAKER_BEFORE.search(before).start(), off + qs)
                if named:
                    speaker = named[-1][2]
            elif before.endswith(":"):
                named = people.between(off, off + qs)
                if named:
                    speaker = named[-1][2]
                elif PRONOUN.search(before):
                    speaker = people.last_before(off + qs)
            if speaker is not None:
                quotes.append(Quote(speaker.name, _start_words(quoted)))
    doc.quotes = quotes
