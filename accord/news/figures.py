"""Figure stage: amounts, percentages, tonnes and counts of agreements, with kind and period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.domain.kinds import FigureKind
from accord.news.grammars import figures as G
from accord.news.grammars.dates import period_for, resolve_relative_years
from accord.news.lexicon.interaction import INTERACTION_LEMMAS
from accord.news.model import Figure, NewsDoc, Token

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_RANGE_WORDS = frozenset({"до", "-", "–", "—"})


@dataclass(slots=True)
class Amount:
    value: float
    unit: str | None
    first: int  # token index (in the sentence) of the number
    last: int  # exclusive, after the unit
    range_left: bool = False
    scaled: bool = False  # the number had its own scale word («46 миллионов»)


def _number(tok: Token) -> float | None:
    if _DIGITS.match(tok.text):
        return float(tok.text.replace(",", "."))
    return G.NUMBER_WORDS.get(tok.lemma)


def _join_digit_groups(tokens: list[Token]) -> list[Token]:
    """«1 500 000» is one number: merge digit groups separated by a space."""
    out: list[Token] = []
    for t in tokens:
        if (out and t.text.isdigit() and len(t.text) == 3 and out[-1].text.replace(" ", "").isdigit()
                and out[-1].stop + 1 == t.start and len(out[-1].text.split(" ")[0]) <= 3):
            prev = out[-1]
            out[-1] = Token(prev.text + " " + t.text, prev.start, t.stop, prev.text, frozenset())
        else:
            out.append(t)
    return [t if " " not in t.text else Token(t.text.replace(" ", ""), t.start, t.stop, t.text.replace(" ", ""),
                                              frozenset()) for t in out]


def _unit_at(tokens: list[Token], k: int) -> tuple[str | None, int]:
    """Unit starting at token k (skipping one adjective), and the index after it."""
    if k >= len(tokens):
        return None, k
    t = tokens[k]
    lem = t.lemma.strip(".")
    low = t.lower.strip(".")
    if lem in G.PERCENT_WORDS or t.text == "%":
        return "%", k + 1
    if lem in G.RUBLE_ADJECTIVES and k + 1 < len(tokens) and tokens[k + 1].lemma in ("рубль", "руб"):
        return G.RUBLE_ADJECTIVES[lem], k + 2
    for key in (lem, low):
        if key in G.CURRENCIES:
            end = k + 1
            if end < len(tokens) and tokens[end].text == ".":
                end += 1
            if end < len(tokens) and tokens[end].lemma in ("сша",):
                end += 1
            return G.CURRENCIES[key], end
    if lem in G.TONNE_WORDS:
        return "t", k + 1
    if lem in G.CUBIC_WORDS:
        return "m3", k + 1
    if lem in G.AGREEMENT_NOUNS:
        return "items:agreements", k + 1
    if lem in G.SUPPLY_NOUNS:
        return "items:supply", k + 1
    if "ADJF" in t.tags and k + 1 < len(tokens):
        nxt = tokens[k + 1].lemma
        if nxt in G.AGREEMENT_NOUNS:
            return "items:agreements", k + 2
        if nxt in G.SUPPLY_NOUNS:
            return "items:supply", k + 2
        if k + 2 < len(tokens) and "ADJF" in tokens[k + 1].tags and tokens[k + 2].lemma in G.AGREEMENT_NOUNS:
            return "items:agreements", k + 3
    return _counted_noun(tokens, k)


_COUNT_CASES = frozenset({"gent", "nomn", "accs"})
_NOT_A_THING = frozenset({"Name", "Surn", "Patr", "Geox", "Abbr", "Orgn", "Init"})


def _counted_noun(tokens: list[Token], k: int) -> tuple[str | None, int]:
    if k == 0 or not _DIGITS.match(tokens[k - 1].text) and tokens[k - 1].lemma not in G.SCALES:
        return None, k  # only a number in digits counts («три сферы» is no figure)
    return _counted_noun_at(tokens, k)


def _counted_noun_at(tokens: list[Token], k: int) -> tuple[str | None, int]:
    """«150 бюджетных мест», «более 3 тысяч предприятий», «600 студентов»: a count of things or people
    (not of years, kilometres or countries), up to two adjectives before the noun."""
    j = k
    while j < len(tokens) and j - k < 2 and tokens[j].text[:1].islower() and tokens[j].tags & {"ADJF", "PRTF"}:
        j += 1
    if j >= len(tokens):
        return None, k
    n = tokens[j]
    if not (n.text[:1].islower() and len(n.text) >= 3 and n.text.isalpha()):
        return None, k
    if n.lemma in G.NOT_COUNTED or n.lemma in G.CURRENCIES or n.lemma in G.SCALES:
        return None, k
    tags = n.tags
    if "NOUN" not in tags or tags & _NOT_A_THING or not tags & _COUNT_CASES:
        return None, k
    if "anim" not in tags and n.lemma not in G.COUNTED_THINGS:
        return None, k  # people are counted; of things, only enterprises, places, vehicles, events
    return "items:count", j + 1


def amounts(tokens: list[Token]) -> list[Amount]:
    """Every number with a unit in a sentence, scale applied (``133 млн долларов`` → 133e6 USD)."""
    tokens = _join_digit_groups(tokens)
    out: list[Amount] = []
    i = 0
    while i < len(tokens):
        value = _number(tokens[i])
        if value is None and tokens[i].lemma in G.WORD_SCALES:
            unit, end = _unit_at(tokens, i + 1)  # «превысил миллиард долларов»: one of the scale
            if unit and not unit.startswith("items"):
                out.append(Amount(G.SCALES[tokens[i].lemma], unit, i, end))
            i = max(end, i + 1)
            continue
        if value is None and tokens[i].lower in G.HALF_SCALES:
            unit, end = _unit_at(tokens, i + 1)
            if unit:
                out.append(Amount(G.HALF_SCALES[tokens[i].lower], unit, i, end))
            i = max(end, i + 1)
            continue
        if value is None:
            i += 1
            continue
        prefix = G.PREFIX_CURRENCIES.get(tokens[i - 1].text) if i > 0 else None
        k = i + 1
        if k < len(tokens) and tokens[k].text in {"-", "–"} and k + 1 < len(tokens) and _number(tokens[k + 1]):
            i = k + 2  # «60-70%»: a range is not one figure
            continue
        scale = 1.0
        if k < len(tokens) and tokens[k].text in {"-", "–"} and k + 1 < len(tokens) and tokens[k + 1].text[:1].isalpha():
            i = k + 2  # «11-е заседание», «5-летний план»: an ordinal or a compound, not an amount
            continue
        if k < len(tokens) and tokens[k].lemma.strip(".") in G.SCALES:
            scale = G.SCALES[tokens[k].lemma.strip(".")]
            k += 1
            if k < len(tokens) and tokens[k].text == ".":
                k += 1
        elif k < len(tokens) and tokens[k].lower.strip(".") in G.SCALES:
            scale = G.SCALES[tokens[k].lower.strip(".")]
            k += 1
            if k < len(tokens) and tokens[k].text == ".":
                k += 1
        unit, end = _unit_at(tokens, k)
        if prefix:
            unit, end = prefix, max(end, k)
        if tokens[i].text.isdigit() and len(tokens[i].text) == 4 and scale == 1.0 and unit is None:
            i += 1
            continue
        if k < len(tokens) and tokens[k].lemma in ("раз", "год", "час", "день", "месяц", "лет"):
            i = k + 1
            continue
        if unit is None and _count_subject(tokens, i) and (k >= len(tokens) or not tokens[k].is_word):
            unit, end = "items:count", k  # «Количество предприятий … достигло 540.»
        out.append(Amount(value * scale, unit, i, end if unit else k, scaled=scale != 1.0))
        i = max(end, k, i + 1)
    # «со 110 до 70 тысяч тонн»: the left end of a range takes the right end's scale and unit.
    for a, b in zip(out, out[1:], strict=False):
        between = [t.lemma for t in tokens[a.last : b.first]]
        if a.unit is None and b.unit and between and all(w in _RANGE_WORDS for w in between):
            scale = b.value / _number(tokens[b.first]) if _number(tokens[b.first]) and not a.scaled else 1.0
            a.value, a.unit, a.range_left = a.value * scale, b.unit, True
    return [a for a in out if a.unit]


def _count_subject(tokens: list[Token], i: int) -> bool:
    """The sentence counts something before the number: «количество предприятий», «число студентов»."""
    return any(
        t.lemma in G.COUNT_SUBJECTS and not (k and tokens[k - 1].lemma == "тот") for k, t in enumerate(tokens[:i])
    )


def _kind_near(tokens: list[Token], idx: int) -> str | None:
    best: tuple[int, str] | None = None
    for kind, cues in G.KIND_CUES.items():
        prefixes = G.KIND_PREFIXES.get(kind, ())
        for k, tok in enumerate(tokens):
            if tok.lemma == "проект" and k + 1 < len(tokens) and tokens[k + 1].lemma in G.DRAFTED:
                continue  # «проект бюджета», «проект соглашения»: a draft, not an investment project
            if tok.lemma in cues or (prefixes and tok.lower.startswith(prefixes)):
                if k > idx and any(t.text in (",", ";") for t in tokens[idx:k]):
                    continue  # «…достиг 520 млн долларов, импорт составил…»: the next clause has its own figure
                dist = idx - k if k < idx else (k - idx) * 2 + 3
                if best is None or dist < best[0]:
                    best = (dist, kind)
    return best[1] if best else None


def classify(tokens: list[Token], a: Amount, previous: list[Token], linked: bool = True) -> str:
    """The contract's ``kind`` of one amount in its sentence; "" when it is not about the interaction.

    ``linked``: the sentence names a state or an interaction; a count of people and an amount of
    money with no kind of its own count only then («родилось 150 тысяч детей» does not)."""
    lemmas = [t.lemma for t in tokens]
    if a.unit == "items:agreements":
        return "agreements_count"
    if a.unit == "%":
        if set(lemmas[max(0, a.first - 10) : a.first]) & G.GROWTH_WORDS:
            return "growth_pct"
        after = tokens[a.last : a.last + 3]
        if {t.lemma for t in after} & G.GROWTH_AFTER or {t.lower for t in after} & G.GROWTH_AFTER:
            return "growth_pct"
        if set(lemmas[a.last : a.last + 2]) & G.SHARE_WORDS or set(lemmas[: a.first]) & G.SHARE_BEFORE:
            return "other"
        return ""
    if not a.range_left and _target(tokens, lemmas, a):
        return "target"  # the left end of «с нынешних 46 млн до 1 млрд» is where things stand now
    if a.unit in ("t", "m3"):
        # a volume moved, shipped or handled counts; one a state produces or consumes at home does not
        return "" if set(lemmas) & G.HOME_VOLUME_WORDS and not set(lemmas) & G.VOLUME_WORDS else "other"
    if a.unit == "items:supply" or (a.unit == "items:count" and (linked or not _counts_people(tokens, a))):
        return "other"
    if a.unit == "items:count":
        return ""
    if a.first and lemmas[a.first - 1] == "за" and not (a.unit or "").startswith("items"):
        # a price: «выкупит права за 1 доллар»; buying a stake is an investment («50% акций за 2,5 млрд»)
        return "investment" if set(lemmas[max(0, a.first - 6) : a.first]) & G.SHARE_WORDS else "other"
    if _deal_value(lemmas, a.first):
        return "other"  # «подписаны соглашения на 16 млрд долларов»: the value of the deals
    kind = _kind_near(tokens, a.first)
    if kind is None and set(lemmas) & G.DEAL_WORDS:
        kind = "other"  # a deal in this sentence outweighs a kind carried from the last one
    if kind is None and previous:
        carried = _kind_near(previous, len(previous))
        anaphor = any(t.lower in G.ANAPHORS for t in tokens[: a.first])
        kind = carried if carried in G.CARRIED_KINDS or (carried and anaphor) else None
    if kind is None and a.unit and not a.unit.startswith("items") and a.unit != "%" and (linked or _per_unit(lemmas, a)):
        kind = "other"  # an amount about the interaction with no kind of its own: a price, a budget, a sum
    return kind or ""


def _counts_people(tokens: list[Token], a: Amount) -> bool:
    return "anim" in tokens[a.last - 1].tags


def _per_unit(lemmas: list[str], a: Amount) -> bool:
    """«127 долларов за тысячу кубометров», «240 долларов за тонну»: a price per unit."""
    return a.last < len(lemmas) and lemmas[a.last] == "за"


def _target(tokens: list[Token], lemmas: list[str], a: Amount) -> bool:
    """A goal: «довести товарооборот до 1 млрд», «выйти на 600 млн», «должен достичь 1 млрд»."""
    before = lemmas[max(0, a.first - 4) : a.first]
    if "до" in before and set(lemmas) & G.TARGET_VERBS:
        return True
    near = tokens[max(0, a.first - 6) : a.first]
    if {t.lemma for t in near} & G.TARGET_NEAR or {t.lower for t in near} & G.TARGET_NEAR_FORMS:
        return True
    return any(t.lemma in G.TARGET_VERBS and "INFN" in t.tags for t in near)


def _deal_value(lemmas: list[str], first: int) -> bool:
    """«контрактов на 1,3 млрд долларов», «соглашения на общую сумму свыше 16 млрд»."""
    k = first - 1
    while k >= 0 and lemmas[k] in G.AMOUNT_FILLERS:
        k -= 1
    if k < 0 or lemmas[k] != "на":
        return False
    return any(w in G.DEAL_NOUNS for w in lemmas[max(0, k - 3) : k])


def signed(tokens: list[Token], a: Amount, kind: str) -> float:
    """A fall is a negative change: «сократился на 12%», «что на 31% меньше»."""
    if kind != "growth_pct":
        return a.value
    before = [t.lemma for t in tokens[max(0, a.first - 10) : a.first]]
    nearest = next((w for w in reversed(before) if w in G.GROWTH_WORDS), None)
    after = {t.lower for t in tokens[a.last : a.last + 3]} | {t.lemma for t in tokens[a.last : a.last + 3]}
    if nearest in G.DECLINE_WORDS or after & G.DECLINE_AFTER:
        return -abs(a.value)
    return a.value


def find_figures(doc: NewsDoc) -> None:
    """Fill ``doc.figures`` for items about interstate cooperation (one entry per kind/unit/value)."""
    if not doc.countries:
        doc.figures = []
        return
    seen: set[tuple[str, str, float]] = set()
    out: list[Figure] = []
    prev: list[Token] = []
    named = {m.sentence for m in doc.country_mentions if m.kind != "currency"}
    for si in range(len(doc.sentences)):
        if si and doc.sentences[si].paragraph != doc.sentences[si - 1].paragraph:
            prev = []  # a kind is carried within a paragraph only
        tokens = doc.sentence_tokens(si)
        text = resolve_relative_years(doc.sentence_text(si), doc.date)
        base = doc.sentences[si].start
        joined = _join_digit_groups(tokens)
        lemmas = {t.lemma for t in tokens}
        linked = si in named or bool(lemmas & INTERACTION_LEMMAS)
        for a in amounts(tokens):
            period = period_for(text, joined[a.first].start - base)
            kind = classify(joined, a, prev, linked)
            if not kind:
                continue
            unit = "items" if a.unit and a.unit.startswith("items") else a.unit
            value = signed(joined, a, kind)
            key = (kind, unit or "", round(value, 6))
            if key in seen:
                continue
            seen.add(key)
            out.append(Figure(FigureKind(kind), float(value), unit or "", period))
        prev = tokens if _kind_near(tokens, len(tokens)) else prev + tokens
    doc.figures = out
