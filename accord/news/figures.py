"""Figure stage: amounts, percentages, tonnes and counts of agreements, with kind and period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.domain.kinds import FigureKind
from accord.news.grammars import figures as G
from accord.news.grammars.dates import period_for, resolve_relative_years
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
    return None, k


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
        out.append(Amount(value * scale, unit, i, end if unit else k))
        i = max(end, k, i + 1)
    # «со 110 до 70 тысяч тонн»: the left end of a range takes the right end's scale and unit.
    for a, b in zip(out, out[1:], strict=False):
        between = [t.lemma for t in tokens[a.last : b.first]]
        if a.unit is None and b.unit and between and all(w in _RANGE_WORDS for w in between):
            scale = b.value / _number(tokens[b.first]) if _number(tokens[b.first]) else 1.0
            a.value, a.unit = a.value * scale, b.unit
    return [a for a in out if a.unit]


def _kind_near(tokens: list[Token], idx: int) -> str | None:
    best: tuple[int, str] | None = None
    for kind, cues in G.KIND_CUES.items():
        prefixes = G.KIND_PREFIXES.get(kind, ())
        for k, tok in enumerate(tokens):
            if tok.lemma in cues or (prefixes and tok.lower.startswith(prefixes)):
                dist = idx - k if k < idx else (k - idx) * 2 + 3
                if best is None or dist < best[0]:
                    best = (dist, kind)
    return best[1] if best else None


def classify(tokens: list[Token], a: Amount, previous: list[Token]) -> str:
    """The contract's ``kind`` of one amount in its sentence; "" when it is not about the interaction."""
    lemmas = [t.lemma for t in tokens]
    if a.unit == "items:agreements":
        return "agreements_count"
    if a.unit == "%":
        if set(lemmas[max(0, a.first - 10) : a.first]) & G.GROWTH_WORDS:
            return "growth_pct"
        after = tokens[a.last : a.last + 3]
        if {t.lemma for t in after} & G.GROWTH_AFTER or {t.lower for t in after} & G.GROWTH_AFTER:
            return "growth_pct"
        if set(lemmas[a.last : a.last + 2]) & G.SHARE_WORDS or set(lemmas[max(0, a.first - 8) : a.first]) & {"доля"}:
            return "other"
        return ""
    before = lemmas[max(0, a.first - 4) : a.first]
    if "до" in before and set(lemmas) & G.TARGET_VERBS:
        return "target"
    near = tokens[max(0, a.first - 6) : a.first]
    if {t.lemma for t in near} & G.TARGET_NEAR or {t.lower for t in near} & G.TARGET_NEAR_FORMS:
        return "target"
    if any(t.lemma in G.TARGET_VERBS and "INFN" in t.tags for t in near):
        return "target"  # «товарооборот должен достичь 1 млрд долларов»: a goal, not a result
    if a.unit in ("t", "m3"):
        return "other" if set(lemmas) & G.VOLUME_WORDS else ""
    if a.unit == "items:supply":
        return "other"
    kind = _kind_near(tokens, a.first)
    if kind is None and set(lemmas) & G.DEAL_WORDS:
        kind = "other"  # a deal in this sentence outweighs a kind carried from the last one
    if kind is None and previous:
        carried = _kind_near(previous, len(previous))
        kind = carried if carried in G.CARRIED_KINDS else None
    return kind or ""


def find_figures(doc: NewsDoc) -> None:
    """Fill ``doc.figures`` for items about interstate cooperation (one entry per kind/unit/value)."""
    if not doc.countries:
        doc.figures = []
        return
    seen: set[tuple[str, str, float]] = set()
    out: list[Figure] = []
    prev: list[Token] = []
    for si in range(len(doc.sentences)):
        tokens = doc.sentence_tokens(si)
        text = resolve_relative_years(doc.sentence_text(si), doc.date)
        base = doc.sentences[si].start
        joined = _join_digit_groups(tokens)
        for a in amounts(tokens):
            period = period_for(text, joined[a.first].start - base)
            kind = classify(joined, a, prev)
            if not kind:
                continue
            unit = "items" if a.unit and a.unit.startswith("items") else a.unit
            key = (kind, unit or "", round(a.value, 6))
            if key in seen:
                continue
            seen.add(key)
            out.append(Figure(FigureKind(kind), float(a.value), unit or "", period))
        prev = tokens
    doc.figures = out
