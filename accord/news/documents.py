"""Document stage: documents signed, planned or discussed, one entry per (type, status).

A document counted with a number (``более 50 соглашений``) is a figure, not a document.
A bare mention (``в соглашении оговорены``) gives a signed document only when no sentence
gave that type a status.
"""

from __future__ import annotations

import re

from accord.domain.kinds import DocumentKind, DocumentStatus
from accord.news.events import has_sequence
from accord.news.grammars.dates import UNTIL
from accord.news.grammars.documents import (
    COMMERCIAL_SUBJECTS,
    CONDITIONAL,
    DISCUSSED_WORDS,
    DOCUMENT_CUES,
    DRAFT_WORD,
    IDIOM_BEFORE,
    IDIOM_FORMS,
    NOT_DOCUMENT_BEFORE,
    PLANNED_WORDS,
    SIGNED_VERBS,
    SIGNING_HELD_BEFORE,
)
from accord.news.grammars.events import HELD_WORDS, NEGATION
from accord.news.model import Document, NewsDoc, Token

TYPE_ORDER = ("roadmap", "memorandum", "agreement", "protocol", "program", "declaration", "contract")
_NUMBER = re.compile(r"^\d+([.,]\d+)?$")
NUMBER_WORDS = frozenset({"два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
                          "десяток", "сотня", "двадцать", "тридцать", "сорок", "пятьдесят"})


def _mentions(tokens: list[Token]) -> list[tuple[str, int, int]]:
    """(type, first token, last token) of every document named in a sentence."""
    lemmas = [t.lemma for t in tokens]
    out = []
    for dtype, cues in DOCUMENT_CUES.items():
        for seq in cues:
            start = 0
            while True:
                i = has_sequence(lemmas[start:], seq)
                if i < 0:
                    break
                i += start
                out.append((dtype, i, i + len(seq)))
                start = i + len(seq)
    out.sort(key=lambda x: x[1])
    return out


def _counted(tokens: list[Token], i: int) -> bool:
    return any(_NUMBER.match(t.text) or t.lemma in NUMBER_WORDS for t in tokens[max(0, i - 3) : i])


def _signing_negated(tokens: list[Token]) -> bool:
    """«не подписали», «подписано не будет»: the sentence denies a signing."""
    for k, t in enumerate(tokens):
        if t.lemma in SIGNED_VERBS:
            before = [x.lower for x in tokens[max(0, k - 2) : k]]
            after = [x.lemma for x in tokens[k + 1 : k + 3]]
            if "не" in before or (after[:1] == ["не"] and "быть" in after):
                return True
    return False


_PRIORITY = {"signed": 0, "planned": 1, "discussed": 2}


def _status(tokens: list[Token], i: int) -> str | None:
    """signed / planned / discussed for the document at token i (the nearest status word decides),
    None for a bare mention."""
    lemmas = [t.lemma for t in tokens]
    if tokens and tokens[0].lower in CONDITIONAL:
        return None  # «Если сделка будет утверждена…»
    if DRAFT_WORD in lemmas[max(0, i - 2) : i]:
        # «обсудили проект программы, которую планируется подписать в мае»: a draft to be signed is planned
        later = any(t.lemma in SIGNED_VERBS and t.tags & {"INFN", "futr"} for t in tokens[i:])
        return "discussed" if set(lemmas) & DISCUSSED_WORDS and not later else "planned"
    cues: list[tuple[int, int, str]] = []
    subject = {k for _, a, _ in _mentions(tokens) for k in _subject(tokens, a)}
    for k, t in enumerate(tokens):
        status = None
        if k in subject:
            continue  # «соглашение о совместной разработке самолета»: the subject, not the status
        if t.lemma in SIGNED_VERBS and k > i and "PRTF" in t.tags and tokens[k - 1].text == "," and k - i <= 12:
            return "signed"  # «дорожной карты …, подписанной в Минске»: the document is described as signed
        if t.lemma in SIGNED_VERBS:
            tags = t.tags
            future = "futr" in tags or (k > 0 and tokens[k - 1].lemma == "быть" and "futr" in tokens[k - 1].tags)
            if future:
                status = "planned"
            elif "past" in tags or "PRTS" in tags or "PRTF" in tags:
                status = "signed"
        elif t.lemma == "подписание":
            # «при подписании», «церемония подписания» report a signing; «к подписанию» a plan
            held = (
                any(x.lemma in HELD_WORDS for x in tokens)
                or (k > 0 and tokens[k - 1].lemma in SIGNING_HELD_BEFORE)
                or "ablt" in t.tags  # «завершился подписанием контрактов»
            )
            status = "signed" if held else "planned"
        elif t.lemma in PLANNED_WORDS:
            status = "planned"
        elif t.lemma in DISCUSSED_WORDS:
            status = "discussed"
        if status is not None:
            distance = i - k if k < i else (k - i) + 1
            cues.append((distance, _PRIORITY[status], status))
    return min(cues)[2] if cues else None


def _subject(tokens: list[Token], i: int) -> set[int]:
    """Token indexes of the subject after a document at ``i`` (``соглашение о совместной разработке
    самолета``, ``контракт на поставку``), up to a punctuation mark or a verb."""
    k = i + 1
    while k < len(tokens) and tokens[k].is_word and "ADJF" not in tokens[k].tags and "NOUN" in tokens[k].tags:
        k += 1  # the rest of a two-word cue («план мероприятий»)
    if k >= len(tokens) or tokens[k].lower not in ("о", "об", "на", "по"):
        return set()
    out = set()
    n = k + 1
    while n < len(tokens) and tokens[n].is_word and not (tokens[n].tags & _VERBAL) and tokens[n].lower != "и":
        out.add(n)
        n += 1
    return out


_VERBAL = frozenset({"VERB", "INFN", "GRND", "PRTS", "PRTF"})


def sentence_documents(tokens: list[Token]) -> list[tuple[str, str | None, int | None]]:
    """(type, status or None, until) for each document a sentence names (tests use it too)."""
    out = []
    mentions = _mentions(tokens)
    text_tokens = [t.text for t in tokens]
    for n, (dtype, i, j) in enumerate(mentions):
        prev = [t.lemma for t in tokens[max(0, i - 2) : i]]
        if any(t.lower in IDIOM_FORMS for t in tokens[max(0, i - 3) : i]):
            continue
        if any(p in IDIOM_BEFORE for p in prev) or (prev and prev[-1] == "к" and "прийти" in
                                                       [t.lemma for t in tokens[max(0, i - 3) : i]]):
            continue
        if dtype == "program" and prev and prev[-1] in NOT_DOCUMENT_BEFORE:
            continue
        if _counted(tokens, i):
            continue
        if any(t.lower in NEGATION or t.lemma in NEGATION for t in tokens[max(0, i - 4) : i]):
            continue
        if _signing_negated(tokens):
            continue
        if dtype == "agreement" and [t.lemma for t in tokens[j : j + 2]][:1] in (["о"], ["об"]) and (
            j + 1 < len(tokens) and tokens[j + 1].lemma in COMMERCIAL_SUBJECTS
        ):
            dtype = "contract"  # «соглашение о покупке доли» is a deal
        end = mentions[n + 1][1] if n + 1 < len(mentions) else len(tokens)
        window = " ".join(text_tokens[j:end])
        m = UNTIL.search(window)
        until = int(m.group(1) or m.group(2)) if m else None
        out.append((dtype, _status(tokens, i), until))
    return out


def find_documents(doc: NewsDoc) -> None:
    """Fill ``doc.documents`` for items about interstate cooperation."""
    if not doc.countries:
        doc.documents = []
        return
    found: dict[tuple[str, str], int | None] = {}
    bare: dict[str, int | None] = {}
    for si in range(len(doc.sentences)):
        for dtype, status, until in sentence_documents(doc.sentence_tokens(si)):
            if status is None:
                bare.setdefault(dtype, until)
                continue
            key = (dtype, status)
            if key not in found or found[key] is None:
                found[key] = until
    for dtype, until in bare.items():
        # a bare «программа» is too often something else («программа строительства»)
        if dtype != "program" and not any(k[0] == dtype for k in found):
            found[(dtype, "signed")] = until
    doc.documents = [
        Document(DocumentKind(t), list(doc.countries), found[(t, s)], DocumentStatus(s))
        for t in TYPE_ORDER
        for s in ("signed", "planned", "discussed")
        if (t, s) in found
    ]
