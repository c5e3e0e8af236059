"""Relevance gate: can this text be about an interaction between states at all?

A cheap first pass before the reader, for general news streams where almost every
item is about something else. It uses only the reader's own lexicons (states, their
capitals, adjectives and leaders; interaction, event and document cues; conflict and
sport words; international organisations), matched word by word against stems kept in
sets: no tokeniser model, tagger or morphology. It mirrors the reader's own conditions
for a state to be a party (``countries.decide_parties``), loosely, so that what it lets
through is a superset of what the reader would find an interaction in:

1. a sentence names a state together with an interaction cue (visits, talks, documents,
   trade, cooperation…) and no conflict or sport word; a city after «в» is a place, a
   state after «долларов» a currency, neither is a party;
2. two states are named in such sentences, or a compound adjective names two
   (``белорусско-кыргызский``), or a state meets an international organisation there;
3. or, whatever the sentences say, the item names two parties of a roadmap the record follows.

An item that fails is stored unread with the reason this gate gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from accord.news.countries import CASE_ENDINGS, CURRENCY_WORDS, LOCATIVE_PREPOSITIONS, TOPIC_BEFORE
from accord.news.grammars.events import (
    CONCLUDE_VERBS,
    EVENT_CUES,
    HELD_WORDS,
    SESSION_WORD,
    SIGN_NOUN,
    SIGN_VERBS,
)
from accord.news.lexicon.countries import COMPOUND_PREFIXES, COUNTRIES
from accord.news.lexicon.interaction import (
    CONFLICT_LEMMAS,
    INTERACTION_LEMMAS,
    ORGANISATION_ABBREVIATIONS,
    ORGANISATION_LEMMAS,
    ORGANISATION_PAIRS,
    SPORT_LEMMAS,
)
from accord.news.lexicon.leaders import LEADERS
from accord.news.lexicon.positions import REGION_ADJECTIVES

#: the reasons an item is held back, as stored with it and shown to a reader
NO_STATE = "no state named in a sentence about an interaction"
ONE_STATE = "one state only, and no partner state or international organisation"

#: words that report an event in the labelled items though the reader has no cue for them (yet)
EXTRA_EVENT_WORDS = frozenset({"обсудить", "обсуждать"})
#: the reader's sport words whose every form is its own (not «сборные», which may be an adjective's,
#: nor «голов», which may be «голова»'s)
SPORT_NOUNS = frozenset(SPORT_LEMMAS - {"сборная", "гол"})
#: the reader's conflict words: nouns in any case, verbs by the past and future forms of these lemmas only
CONFLICT_NOUNS = frozenset(CONFLICT_LEMMAS - {"воевать", "обвинить", "оккупировать"})
CONFLICT_VERB_FORMS = ("воевал", "обвинил", "обвинит", "оккупировал")
# Verb endings cut before matching, longest first: «встретиться» → «встрет», «подписать» → «подпис».
_VERB_ENDINGS = ("иться", "аться", "яться", "еться", "ться", "тись", "ить", "ать", "ять", "еть", "уть", "ыть", "ть",
                 "ти")
_VOWELS = "аяьйоеиыуюэ"
_NOUN_ENDINGS = ("", "а", "я", "у", "ю", "ом", "ем", "е", "ы", "и", "й", "ов", "ев", "ам", "ям", "ами", "ями", "ах", "ях",
                 "ей", "ой", "ью")
# Sentence ends as the reader's segmenter sees them, loosely: a stop before a capital (not before a number:
# «по ст. 356 УК»), or a new line.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(A-ZА-ЯЁ—–-])|\n+")
_WORD = re.compile(r"\w+(?:-\w+)*")
#: kinds of name written with a capital letter
_PROPER = frozenset({"name", "city", "leader"})


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether the item goes on to the reader, and if not, why."""

    passed: bool
    reason: str | None = None


def cue_stem(lemma: str) -> str:
    """A prefix that every inflected form of a cue word starts with (loose on purpose).

    Verbs lose their infinitive ending (with its vowel where five letters stay: «встретиться» →
    «встрет», «продать» → «прода»), nouns and adjectives their final vowels, and a «к» or «ц»
    before a fleeting vowel too («поставка» → «поставок», «сделка» → «сделок»)."""
    w = lemma.lower().replace("ё", "е")
    for ending in _VERB_ENDINGS:
        if w.endswith(ending):
            if len(w) - len(ending) >= 5:
                return w[: -len(ending)]
            short = ending[1:] if ending[0] in _VOWELS else ending
            if len(w) - len(short) >= 4 and w.endswith(short):
                return w[: -len(short)]
    while len(w) > 4 and w[-1] in _VOWELS:
        w = w[:-1]
    return w[:-1] if len(w) > 4 and w[-1] in "кц" else w


def name_stem(name: str) -> str:
    """A proper name without its final vowel, an adjective without its ending: «Беларусь» → «беларус»,
    «Китай» → «кита», «российский» → «российск» (one letter only, so «Грузия» does not match «грузов»)."""
    w = name.lower().replace("ё", "е")
    if len(w) > 4 and w[-2:] in ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие"):  # «Новая Зеландия»
        return w[:-2]
    return w[:-1] if len(w) > 3 and w[-1] in _VOWELS else w


def _prefixes(words: set[str] | frozenset[str]) -> frozenset[str]:
    return frozenset(cue_stem(w) for w in words)


def _starts(word: str, stems: frozenset[str], shortest: int = 3, longest: int = 16) -> bool:
    """Whether the word begins with one of the stems."""
    return any(word[:k] in stems for k in range(shortest, min(len(word), longest) + 1))


def _noun_forms(words: frozenset[str]) -> frozenset[str]:
    """Every case form of these nouns, and nothing else."""
    bases = {w[:-1] if w[-1] in _VOWELS else w for w in words}
    return frozenset(b + e for b in bases for e in _NOUN_ENDINGS)


@dataclass(frozen=True, eq=False)
class _Lexicon:
    """The reader's lexicons as sets of stems and forms, built once per process."""

    stems: dict[str, tuple[str, str]]  # long stem → (code, kind: name, dem, adj, city, leader or region)
    short: dict[str, tuple[str, str]]  # stems of three letters or fewer: only a case ending may follow
    phrases: list[tuple[tuple[str, ...], str]]  # («южн», «коре») → KR
    abbreviations: dict[str, str]  # case-sensitive: РФ, США, КНР…
    interaction: frozenset[str]
    not_cooperation: frozenset[str]
    organisation_stems: frozenset[str]
    organisation_pairs: frozenset[tuple[str, str]]
    currency: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    stems: dict[str, tuple[str, str]] = {}
    abbreviations: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    for code, row in COUNTRIES.items():
        for kind, words in (("name", row["names"]), ("adj", row["adj"]), ("dem", row.get("dem", [])),
                            ("city", row.get("cities", []))):
            for word in words:
                parts = word.split()
                if len(parts) > 1:  # «Южная Корея», «Объединенные Арабские Эмираты»: every word, in order
                    phrases.append((tuple(name_stem(w) for w in parts), code))
                elif word.isupper() and len(word) <= 5:
                    abbreviations[word] = code
                else:
                    stems.setdefault(name_stem(word), (code, kind))
    for name, code in LEADERS.items():
        stems.setdefault(name_stem(name.split()[-1]), (code, "leader"))
    for adjective, code in REGION_ADJECTIVES.items():
        stems.setdefault(name_stem(adjective), (code, "region"))
    # every word that starts or ends one of the reader's event cues, and what a ceremony or talks are told by:
    # a sentence reporting an event is about an interaction too («провел видеоконференцию с главой провинции»)
    event_words = {w for seqs in EVENT_CUES.values() for seq in seqs for w in (seq[0], seq[-1]) if len(w) > 3}
    event_words |= set(SIGN_VERBS) | {SIGN_NOUN, SESSION_WORD} | set(CONCLUDE_VERBS) | set(HELD_WORDS) | EXTRA_EVENT_WORDS
    return _Lexicon(
        stems={s: v for s, v in stems.items() if len(s) > 3},
        short={s: v for s, v in stems.items() if len(s) <= 3},
        phrases=phrases,
        abbreviations=abbreviations,
        interaction=_prefixes(INTERACTION_LEMMAS | event_words),
        not_cooperation=_noun_forms(CONFLICT_NOUNS) | _noun_forms(SPORT_NOUNS),
        organisation_stems=_prefixes(ORGANISATION_LEMMAS),
        organisation_pairs=frozenset((name_stem(a), cue_stem(b)) for a, b in ORGANISATION_PAIRS),
        currency=frozenset(w for w in CURRENCY_WORDS if len(w) > 2),
    )


_SHORT_ENDINGS = ("", *sorted(set(CASE_ENDINGS) | {"у", "о", "и"}))


@lru_cache(maxsize=200_000)
def _state(word: str, low: str) -> tuple[str, str] | None:
    """(code, kind) if the word names a state: a stem and an ending of up to three letters («российского»,
    «Казахстаном»); a short stem («пер», «уф») a case ending only, so «первый» is not Peru."""
    lex = _lexicon()
    if word in lex.abbreviations:
        return lex.abbreviations[word], "abbreviation"
    for cut in range(0, min(3, len(low) - 4) + 1):
        hit = lex.stems.get(low[: len(low) - cut] if cut else low)
        if hit is not None:
            break
    else:
        hit = None
        for ending in _SHORT_ENDINGS:
            if low.endswith(ending) and (hit := lex.short.get(low[: len(low) - len(ending)] if ending else low)):
                break
    if hit is None or (hit[1] in _PROPER and not word[:1].isupper()):
        return None  # «перед», «делу», «мало»: a common word, not Peru, Delhi or Mali
    return hit


def _place(prev: str, low: str) -> bool:
    """A city after a preposition of place is where something happens («в Минске», «из Бишкека»), but
    one a visit goes to («визит в Минск», «в Москву») names a party, as the reader reads it."""
    return prev not in ("в", "во") or low.endswith(("е", "и"))


def _parties(words: list[tuple[str, str]], lex: _Lexicon) -> tuple[set[str], set[str], bool]:
    """The states one sentence names as possible parties (named outright, and named only after «в»,
    which the reader counts half), and whether it names an international organisation; as the
    reader decides, a city after «в» is a place, a state after «вокруг» the topic, «долларов США»
    and «российских рублей» currencies."""
    found: set[str] = set()
    located: set[str] = set()
    organisation = False
    for i, (word, low) in enumerate(words):
        prev = words[i - 1][1] if i else ""
        if not organisation and _organisation(word, low, prev):
            organisation = True
        hit = _state(word, low)
        if hit is None:
            continue
        code, kind = hit
        if prev in TOPIC_BEFORE or (kind == "city" and prev in LOCATIVE_PREPOSITIONS and _place(prev, low)):
            continue
        if kind in ("name", "abbreviation") and _starts(prev, lex.currency, 3, 7):
            continue
        if kind == "adj" and i + 1 < len(words) and _starts(words[i + 1][1], lex.currency, 3, 7):
            continue
        if kind == "name" and prev in ("в", "во") and low.endswith(("е", "и")):  # «в Японии», not «в Японию»
            located.add(code)
        else:
            found.add(code)
    return found, located - found, organisation


@lru_cache(maxsize=200_000)
def _organisation(word: str, low: str, prev: str) -> bool:
    """An international organisation: «ЕАЭС», «Евросоюз», «Всемирный банк»."""
    lex = _lexicon()
    return (
        word in ORGANISATION_ABBREVIATIONS
        or _starts(low, lex.organisation_stems, 4)
        or any(low.startswith(b) and prev.startswith(a) for a, b in lex.organisation_pairs)
    )


def _phrase_codes(words: list[tuple[str, str]], lex: _Lexicon) -> set[str]:
    """States named in several words («Южная Корея»)."""
    lows = [low for _, low in words]
    firsts = tuple(parts[0] for parts, _ in lex.phrases)
    out = set()
    for i, low in enumerate(lows):
        if not low.startswith(firsts):
            continue
        for parts, code in lex.phrases:
            if i + len(parts) <= len(lows) and all(lows[i + k].startswith(part) for k, part in enumerate(parts)):
                out.add(code)
    return out


@lru_cache(maxsize=200_000)
def _cue(low: str) -> bool:
    return _starts(low, _lexicon().interaction)


@lru_cache(maxsize=200_000)
def _against(low: str) -> bool:
    """A conflict or sport word, as the reader counts them."""
    return low in _lexicon().not_cooperation or low.startswith(CONFLICT_VERB_FORMS)


def check(text: str, roadmaps: Iterable[frozenset[str]] = ()) -> Verdict:
    """Pass an item that may report an interaction between states; hold back one that cannot.

    ``roadmaps``: the parties of each roadmap the record follows; an item naming two parties of one
    of them anywhere is read whatever it says (a joint plant's first tractor is a measure's evidence)."""
    lex = _lexicon()
    with_organisation = False
    offsets = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    sentences = [
        [(w, w.lower().replace("ё", "е")) for w in _WORD.findall(text, start, end)]
        for start, end in zip(offsets, [*offsets[1:], len(text)], strict=True)
    ]
    if roadmaps:
        named = {hit[0] for words in sentences for word, low in words if (hit := _state(word, low)) is not None}
        if any(len(parties & named) >= 2 for parties in roadmaps):
            return Verdict(True)
    score: dict[str, float] = {}
    outright: set[str] = set()  # named other than after «в» somewhere: the reader wants that of a party
    for si, words in enumerate(sentences):
        if any("-" in low and low.split("-", 1)[0] in COMPOUND_PREFIXES for _, low in words):
            return Verdict(True)  # the reader counts both states of a compound adjective, wherever it stands
        if not any(_cue(low) for _, low in words):
            continue
        if any(_against(low) for _, low in words) and _conflict_beyond_history(words, lex):
            continue
        codes, located, organisation = _parties(words, lex)
        codes |= _phrase_codes(words, lex)
        if not codes and not located:
            continue
        # the reader's weights, rounded up: the headline counts most, the lead more than the rest
        weight = (3.0 if si <= 1 else 2.0 if si <= 4 else 1.0) + (1.0 if len(codes | located) >= 2 else 0.0)
        for code in codes:
            score[code] = score.get(code, 0.0) + weight
        for code in located:
            score[code] = score.get(code, 0.0) + weight / 2
        outright |= codes
        states = {c for c, v in score.items() if v >= 1.0 and c in outright}
        if len(states) >= 2:
            return Verdict(True)
        with_organisation = with_organisation or (organisation and bool(codes | located))
    if not score:
        return Verdict(False, NO_STATE)
    outright |= {hit[0] for words in sentences for word, low in words if (hit := _state(word, low)) is not None}
    states = {c for c, v in score.items() if v >= 1.0 and c in outright}
    if len(states) >= 2 or (states and with_organisation):
        return Verdict(True)
    return Verdict(False, ONE_STATE if states else NO_STATE)


def _conflict_beyond_history(words: list[tuple[str, str]], lex: _Lexicon) -> bool:
    """«Второй мировой войны» is history, not a conflict the sentence reports: any other conflict word?"""
    for i, (_, low) in enumerate(words):
        if low in lex.not_cooperation or low.startswith(CONFLICT_VERB_FORMS):
            if not (i and words[i - 1][1] in ("мировой", "мировая", "мировую") and low.startswith("войн")):
                return True
    return False
