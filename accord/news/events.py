"""Event stage: which kinds of event the item reports, and where (one entry per type)."""

from __future__ import annotations

from accord.domain.kinds import EventKind
from accord.news.grammars.events import (
    CALL_TALKS,
    CEREMONY,
    COMMISSION_BODIES,
    CONCLUDE_VERBS,
    DOMESTIC_BODIES,
    EVENT_CUES,
    HELD_WORDS,
    INVITATION,
    NEGATION,
    PLAN_WORDS,
    SESSION_WORD,
    SIGN_NOUN,
    SIGN_VERBS,
    TRAVELLERS,
    WEAK_TALKS,
)
from accord.news.model import Event, NewsDoc, Token

ANNIVERSARY = ("летие", "летию", "летия", "летием")
NAMED_PART = frozenset({"мероприятие"})  # «план мероприятий» names a document, not an event
EVENT_ORDER = (
    EventKind.OFFICIAL_VISIT,
    EventKind.TALKS,
    EventKind.PHONE_CALL,
    EventKind.SIGNING,
    EventKind.COMMISSION_SESSION,
    EventKind.FORUM,
    EventKind.OTHER_EVENT,
)


def has_sequence(lemmas: list[str], seq: tuple[str, ...]) -> int:
    """Index where the lemma sequence starts, or -1."""
    n = len(seq)
    for i in range(len(lemmas) - n + 1):
        if lemmas[i] == seq[0] and lemmas[i + 1 : i + n] == list(seq[1:]):
            return i
    return -1


def _negated(tokens: list[Token], i: int) -> bool:
    """«не состоялась», or an anniversary of a past event («к 75-летию встречи на Эльбе»)."""
    before = tokens[max(0, i - 3) : i]
    return any(t.lower in NEGATION or t.lower.endswith(ANNIVERSARY) or t.lemma == "годовщина" for t in before)


def _not_a_visit(lemmas: list[str], i: int) -> bool:
    """«пригласил коллегу посетить Пекин» is an invitation, not a visit reported or scheduled;
    «Турцию посетили 4,7 млн туристов» is tourism, not a delegation's visit."""
    return bool(INVITATION & set(lemmas[max(0, i - 4) : i])) or bool(TRAVELLERS & set(lemmas))


def _ceremony_of_other(tokens: list[Token], i: int) -> bool:
    """«церемония открытия газопровода», «церемония по случаю выпуска»: a ceremony that names what it
    marks, and that is not a signing (a bare «на церемонии» is most often the signing itself)."""
    k = i + 1
    while k < len(tokens) and "ADJF" in tokens[k].tags:
        k += 1
    if k >= len(tokens):
        return False
    if tokens[k].lower == "по" and k + 1 < len(tokens) and tokens[k + 1].lemma == "случай":
        return True
    nxt = tokens[k]
    return "NOUN" in nxt.tags and "gent" in nxt.tags and nxt.lemma != SIGN_NOUN


def sentence_events(tokens: list[Token]) -> set[str]:
    """Event types a single sentence reports (used by the stage and by tests)."""
    lemmas = [t.lemma for t in tokens]
    found: set[str] = set()
    for etype, cues in EVENT_CUES.items():
        for seq in cues:
            i = has_sequence(lemmas, seq)
            if i >= 0 and not _negated(tokens, i) and not (seq[0] in NAMED_PART and PLAN_WORDS & set(lemmas[max(0, i - 3) : i])):
                if etype == "official_visit" and _not_a_visit(lemmas, i):
                    continue
                found.add(etype)
                break
    for i, lem in enumerate(lemmas):
        if lem == SESSION_WORD and not (i > 0 and lemmas[i - 1] == "пленарный"):
            window = lemmas[i + 1 : i + 6]
            if any(w in COMMISSION_BODIES for w in window) and not any(w in DOMESTIC_BODIES for w in window[:2]):
                found.add("commission_session")
        if lem in SIGN_VERBS and not _negated(tokens, i):
            tags = tokens[i].tags
            if "past" in tags and ("VERB" in tags or "PRTS" in tags):
                found.add("signing")
        if lem == SIGN_NOUN and HELD_WORDS & set(lemmas) and not _negated(tokens, i):
            found.add("signing")
        if lem in CONCLUDE_VERBS and "past" in tokens[i].tags and not _negated(tokens, i):
            found.add("signing")
        if lem == CEREMONY and _ceremony_of_other(tokens, i) and not _negated(tokens, i):
            found.add("other_event")  # a ceremony of opening, launch or handing over; not of a signing
    if "phone_call" in found:
        found.discard("talks")  # «телефонные переговоры», «беседа по телефону» are the call itself
    if "forum" in found and "commission_session" in found and "саммит" not in lemmas:
        # «пленарное заседание форума» is the forum, not a commission
        if not any(w in COMMISSION_BODIES for w in lemmas):
            found.discard("commission_session")
    return found


def find_events(doc: NewsDoc, places: dict[int, str], dateline: str | None = None) -> None:
    """Fill ``doc.events``; ``places`` maps sentence index → city named there; a dateline city is
    where the reported events happened."""
    if not doc.countries:
        doc.events = []
        return
    where: dict[str, str | None] = {}
    default_place = next(iter(places.values()), None)
    agreed_only = call_only = True
    for si in range(len(doc.sentences)):
        found = sentence_events(doc.sentence_tokens(si))
        if "talks" in found and not _agreed_only(doc.sentence_tokens(si)):
            agreed_only = False
        if "talks" in found and not _agreed_only(doc.sentence_tokens(si), CALL_TALKS):
            call_only = False
        for etype in found:
            if etype not in where or where[etype] is None:
                where[etype] = places.get(si) or where.get(etype)
    if "phone_call" in where:
        where["phone_call"] = None  # a call has no place
        if call_only:
            where.pop("talks", None)  # «в ходе беседы» on a call is the call
    if agreed_only and "talks" in where and set(where) - {"talks", "official_visit"}:
        # «договорились», «в ходе беседы» on a call, at a session or a forum: no separate meeting is reported
        where.pop("talks")
    if dateline:
        where = {t: (None if t == "phone_call" else dateline) for t in where}
    doc.events = [
        Event(t, list(doc.countries), where[t] or (default_place if t != "phone_call" else None))
        for t in EVENT_ORDER
        if t in where
    ]


def _agreed_only(tokens: list[Token], weak: frozenset[tuple[str, ...]] = WEAK_TALKS) -> bool:
    """True when a sentence's only talks cues are weak ones (``договориться``, ``беседа``)."""
    lemmas = [t.lemma for t in tokens]
    others = [seq for seq in EVENT_CUES["talks"] if seq not in weak]
    return all(has_sequence(lemmas, seq) < 0 for seq in others)
