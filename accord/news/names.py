"""Person names to the nominative: first name, other given names, surname.

The case of a mention is agreed between its first name and its surname (``Александром
Турчиным`` → instrumental), then each part is put back in the nominative with pymorphy2's
readings or, for surnames it does not know, with the regular Russian surname endings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.news.natasha_adapter import Models, Parse

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_LETTER = re.compile(r"[а-яёa-z]", re.IGNORECASE)
_LATIN = re.compile(r"^[A-Za-z][A-Za-z'\-.]*$")
# Parts of speech that are never a surname when the word is in the dictionary («Вы», «Вместе», «Раньше»).
NOT_NAME_POS = frozenset({"NPRO", "ADVB", "PREP", "CONJ", "PRCL", "INTJ", "PRED", "COMP"})
# Alone, a word of these kinds is not a name either («Цветы», «Полицейская», «Назначение»).
NOT_NAME_ALONE = NOT_NAME_POS | {"ADJF", "ADJS", "VERB", "INFN", "GRND", "PRTF", "PRTS", "NUMR"}
# Lower-case particles inside names: «Мухаммед ибн Салман», «Макс фон Сюдов», «Перес де Куэльяр».
PARTICLES = frozenset({"ибн", "бен", "бин", "де", "да", "дос", "фон", "ван", "дер", "ди", "ле", "ла", "аль", "эль",
                       "оглы", "кызы", "дель"})
_INITIAL = re.compile(r"^[А-ЯЁA-Z]\.?$")

# (case, gender) -> [(ending, replacement)], tried longest first.
SURNAME_ENDINGS: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("gent", "masc"): [("ского", "ский"), ("цкого", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"),
                       ("ина", "ин"), ("ына", "ын"), ("ая", "ай"), ("ея", "ей"), ("я", "ь"), ("а", ""), ("ы", "а")],
    ("accs", "masc"): [("ского", "ский"), ("цкого", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин"),
                       ("ына", "ын"), ("ая", "ай"), ("ея", "ей"), ("я", "ь"), ("а", "")],
    ("datv", "masc"): [("скому", "ский"), ("цкому", "цкий"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"),
                       ("ыну", "ын"), ("аю", "ай"), ("ею", "ей"), ("ю", "ь"), ("у", "")],
    ("ablt", "masc"): [("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"),
                       ("ыным", "ын"), ("аем", "ай"), ("еем", "ей"), ("ем", "ь"), ("ом", "")],
    ("loct", "masc"): [("ском", "ский"), ("цком", "цкий"), ("ове", "ов"), ("еве", "ев"), ("ине", "ин"),
                       ("ыне", "ын"), ("ае", "ай"), ("е", "")],
    ("gent", "femn"): [("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                       ("ыной", "ына")],
    ("datv", "femn"): [("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                       ("ыной", "ына")],
    ("accs", "femn"): [("скую", "ская"), ("цкую", "цкая"), ("ову", "ова"), ("еву", "ева"), ("ину", "ина"),
                       ("ыну", "ына")],
    ("ablt", "femn"): [("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                       ("ыной", "ына")],
    ("loct", "femn"): [("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                       ("ыной", "ына")],
}
INDECLINABLE_END = ("о", "е", "и", "у", "ю", "э", "ых", "их")


@dataclass(slots=True)
class NameParts:
    first: str | None
    middle: list[str]
    last: str
    case: str
    first_only: bool = False
    patronymic_last: bool = False  # «Константин Валентинович»: maybe first name + patronymic


def is_name_like(words: list[str]) -> bool:
    """A person mention has letters and capitalised words."""
    return (
        bool(words)
        and all(_LETTER.search(w) for w in words)
        and all(w[:1].isupper() or w.lower() in PARTICLES for w in words)
        and words[-1][:1].isupper()
    )


def is_common_word(models: Models, word: str, alone: bool = False) -> bool:
    """A dictionary word that cannot be a name: a pronoun, adverb, verb form (alone: also an adjective)."""
    if _LATIN.match(word):
        return False
    parses = models.parses(word)
    if not parses or not parses[0].known:
        return False
    if any(t in parses[0].tags for t in ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Fixd")):
        return False
    if any("Name" in p.tags or "Surn" in p.tags for p in parses):
        return False
    if alone:
        top = parses[0].tags
        return (
            bool(top & NOT_NAME_ALONE)
            or ("NOUN" in top and "inan" in top and parses[0].score >= 0.5)
            or ("NOUN" in top and "plur" in top and "Pltm" not in top)  # «Девочки», «Цветы»
        )
    return bool(parses[0].tags & NOT_NAME_POS)


_AGENCY_PREFIXES = ("Мин", "Нац", "Гос")
_SURNAME_SUFFIXES = ("ов", "ев", "ин", "ова", "ева", "ина", "ский", "ская", "ых", "их")


def _agency(models: Models, word: str) -> bool:
    """«Минторговли», «Минобороны», «Госкомитета»: a body's short name (a prefix before a genitive noun)."""
    if not word.startswith(_AGENCY_PREFIXES) or len(word) < 8 or word.lower().endswith(_SURNAME_SUFFIXES):
        return False  # «Мингазов», «Миннуллина» are surnames
    rest = word[3:]
    return any(
        "NOUN" in p.tags and "gent" in p.tags and "Name" not in p.tags and "Surn" not in p.tags and p.score >= 0.5
        for p in models.parses(rest)
    )


def _institution(models: Models, word: str) -> bool:
    """A dictionary noun for a thing in the genitive (``Мажилиса``, ``Сената``), never a name."""
    parses = models.parses(word)
    if not parses or not parses[0].known or any("Name" in p.tags or "Surn" in p.tags for p in parses):
        return False
    top = parses[0].tags
    return {"NOUN", "inan", "gent"} <= top and parses[0].score >= 0.5


def _cap(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() if p else p for p in word.split("-"))


def _cases(parses: tuple[Parse, ...], want: str) -> list[tuple[str, float, Parse]]:
    out = []
    for p in parses:
        if want in p.tags or (want == "NOUN" and "NOUN" in p.tags):
            for c in CASES:
                if c in p.tags:
                    out.append((c, p.score, p))
    return out


def _gender(parses: tuple[Parse, ...]) -> str | None:
    for p in parses:
        if "Name" in p.tags:
            return "femn" if "femn" in p.tags else "masc"
    return None


def split_initials(words: list[str]) -> list[str]:
    """``Б.Асад`` → ``Б.``, ``Асад``."""
    out: list[str] = []
    for w in words:
        m = re.match(r"^([А-ЯЁA-Z])\.([А-ЯЁA-Z].+)$", w)
        if m:
            out.extend([m.group(1) + ".", m.group(2)])
        else:
            out.append(w)
    return out


# Endings of a feminine first name in an oblique case → nominative («Каю» → «Кая», «Марию» → «Мария»):
# for names the dictionary knows only as masculine forms.
FEMININE_GIVEN: dict[str, list[tuple[str, str]]] = {
    "accs": [("ию", "ия"), ("ью", "ья"), ("ю", "я"), ("у", "а")],
    "ablt": [("ией", "ия"), ("ей", "я"), ("ой", "а")],
}


def _feminine_given(word: str, case: str) -> str | None:
    low = word.lower()
    for end, nom in FEMININE_GIVEN.get(case, []):
        if low.endswith(end) and len(low) > len(end) + 1:
            return _cap(low[: -len(end)] + nom)
    return None


def _feminine(masculine: str) -> str:
    """The feminine nominative of a surname from its masculine dictionary form."""
    if masculine.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return masculine + "а"
    if masculine.endswith(("ский", "цкий")):
        return masculine[:-2] + "ая"
    return masculine


def surname_nominative(models: Models, word: str, case: str, gender: str) -> str:
    """The nominative of one surname (each part of a hyphenated one) in a known case."""
    if "-" in word:
        return "-".join(surname_nominative(models, p, case, gender) for p in word.split("-"))
    if case == "nomn" or len(word) < 3:
        return _cap(word)
    for p in models.parses(word):
        if "Surn" in p.tags and case in p.tags and (gender in p.tags or "ms-f" in p.tags) and "sing" in p.tags:
            return _cap(_feminine(p.normal) if gender == "femn" and "femn" in p.tags else p.normal)
    low = word.lower()
    if gender == "femn" and not low.endswith(("ой", "ую", "у")):
        return _cap(word)
    if low.endswith(INDECLINABLE_END) and not low.endswith(("ому", "ую", "ову", "еву", "ину")):
        if not (case in ("datv",) and low.endswith(("у", "ю"))):
            return _cap(word)
    for end, repl in SURNAME_ENDINGS.get((case, gender), []):
        if low.endswith(end) and len(low) - len(end) >= 2:
            out = low[: len(low) - len(end)] + repl
            if out.endswith("ь") and out[-2] in _VOWELS:
                out = out[:-1] + "й"  # «Хаем» → «Хай»: a soft sign never follows a vowel
            return _cap(out)
    return _cap(word)


_VOWELS = frozenset("аеёиоуыэюя")


def given_nominative(models: Models, word: str, case: str, gender: str = "masc") -> str:
    if word.endswith("."):
        return word
    if case == "nomn":
        return _cap(word)
    parses = models.parses(word)
    for want in ("Name", "NOUN"):
        for p in parses:
            if "plur" in p.tags or case not in p.tags or want not in p.tags:
                continue
            if (want == "NOUN" and "Surn" not in p.tags) or gender in p.tags:
                return _cap(p.normal)
    if gender == "femn":
        return _feminine_given(word, case) or _cap(word)
    return _cap(word)


def parse_name(models: Models, words: list[str], prefer: str | None = None) -> NameParts | None:
    """Split a mention into nominative parts; None if it does not look like a person."""
    words = [w for w in split_initials(words) if w not in {".", ","}]
    if not is_name_like(words):
        return None
    while len(words) > 1 and is_common_word(models, words[-1]):
        words = words[:-1]  # «Ксения Раньше»: the tagger ran into the next word
    while len(words) > 2 and _institution(models, words[0]):
        words = words[1:]  # «Мажилиса Ерлан Кошанов»: the office's institution glued to the name
    if len(words) == 1 and is_common_word(models, words[0], alone=True):
        return None
    if len(words) == 1 and _agency(models, words[0]):
        return None
    if len(words) == 1 and any("Patr" in p.tags for p in models.parses(words[0])):
        return None
    if all(_LATIN.match(w) for w in words):
        return NameParts(words[0] if len(words) > 1 else None, words[1:-1], words[-1], "nomn")
    if len(words) == 1:
        w = words[0]
        parses = models.parses(w)
        names = [p for p in parses if "Name" in p.tags and p.known and "sing" in p.tags]
        surns = [p for p in parses if "Surn" in p.tags]
        if names and not surns and names[0].score >= 0.5 and not w.endswith("."):
            case = next((c for c in CASES if c in names[0].tags), "nomn")
            return NameParts(_cap(names[0].normal), [], _cap(names[0].normal), case, first_only=True)
        case, gender = "nomn", "masc"
        if surns:
            best = max(surns, key=lambda p: p.score)
            case = next((c for c in CASES if c in best.tags), "nomn")
            gender = "femn" if "femn" in best.tags and case == "nomn" else "masc"
        return NameParts(None, [], surname_nominative(models, w, case, gender), case)
    first, *middle, last = words
    last_part = last.split("-")[-1]
    fp, lp = models.parses(first), models.parses(last_part)
    case, gender = _agree(fp, lp, last_part, prefer, first)
    keep_middle = [m for m in middle if m.lower() not in PARTICLES and not any("Patr" in p.tags for p in models.parses(m))]
    patr = not middle and any("Patr" in p.tags for p in lp) and any("Name" in p.tags for p in fp)
    return NameParts(
        given_nominative(models, first, case, gender),
        [given_nominative(models, m, case, gender) for m in keep_middle],
        surname_nominative(models, last, case, gender),
        case,
        patronymic_last=patr,
    )


def _agree(
    fp: tuple[Parse, ...], lp: tuple[Parse, ...], last: str, prefer: str | None = None, first: str = ""
) -> tuple[str, str]:
    """The (case, gender) on which the first name and the surname agree best."""
    name_parses = [p for p in fp if "Name" in p.tags and "plur" not in p.tags]
    best_name = max((p.score for p in name_parses), default=0.0)
    best_surn = max((p.score for p in fp if "Surn" in p.tags), default=0.0)
    # «Семена» is mostly «семя» to the dictionary, but as a first name it is Семён: compare names
    # with names; a word read more often as a surname («Ким») is not a first name.
    has_name = best_name >= 0.05 and best_name >= best_surn
    known_first = [p for p in fp if p.known and "NOUN" in p.tags]
    femn_unknown = not any("femn" in p.tags for p in name_parses)
    best = (0.0, "nomn", "masc")
    for case in CASES:
        for gender in ("masc", "femn"):
            if has_name:
                sf = max(
                    (p.score / best_name for p in name_parses if case in p.tags and gender in p.tags),
                    default=0.0,
                )
                if sf == 0.0 and gender == "femn" and femn_unknown and _feminine_given(first, case):
                    sf = 0.3  # «Каю Каллас»: a feminine name the dictionary reads only as masculine
            elif known_first:
                sf = 1.0 if any(case in p.tags and "plur" not in p.tags for p in known_first) else 0.6
            else:
                sf = 1.0
            sl = 0.0
            for p in lp:
                if case not in p.tags or "plur" in p.tags:
                    continue
                if "Surn" in p.tags and (gender in p.tags or "ms-f" in p.tags):
                    sl = max(sl, p.score)
                elif "Name" in p.tags and gender in p.tags:
                    sl = max(sl, 0.8 * p.score)
                elif "NOUN" in p.tags and not ("Surn" in p.tags and "Fixd" in p.tags):
                    sl = max(sl, (0.5 if p.known else 0.15) * p.score)
            low = last.lower()
            ends = [e for e, _ in SURNAME_ENDINGS.get((case, gender), []) if low.endswith(e)]
            if sl == 0.0 and ends:
                sl = 0.3 if max(len(e) for e in ends) >= 3 else 0.15
            if sl == 0.0 and gender == "femn" and low[-1:] not in "аяоеиуюы":
                sl = 0.3
            if sl == 0.0 and low.endswith(("о", "е", "и", "у", "ю", "э")):
                sl = 0.2  # «Тирзе», «Шапиро»: an indeclinable surname says nothing about the case
            if case == "nomn":
                sl = max(sl, 0.2) * 1.3
            score = sf * sl * (1.01 if gender == "masc" else 1.0) * (10.0 if case == prefer else 1.0)
            if score > best[0] + 1e-9:
                best = (score, case, gender)
    return best[1], best[2]


def norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def same_stem(a: str, b: str) -> bool:
    """Inflection-tolerant equality of two Russian words (Турчин ~ Турчиным)."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(4, len(short) - 2) and len(long_) - common <= 3


def is_initial(word: str | None) -> bool:
    return bool(word) and bool(_INITIAL.match(word or ""))
