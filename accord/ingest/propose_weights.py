"""The proposals' weights and thresholds, as named data.

Every score is a logistic function of a few features in 0..1:
``score = 1 / (1 + exp(-(bias + Σ weight × feature)))``. The weights were set on the
tuning part of the labelled set in ``bench/proposals/`` so that a score reads as the
share of such proposals a desk officer accepts; ``bench/proposals.py`` prints how well
that holds on the tuning and the blind part. Change them there, not in the code.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from accord.ingest.lemmas import lemmas
from accord.ingest.propose_words import stem


@dataclass(frozen=True, slots=True)
class Logit:
    """A logistic score: a bias and one weight per named feature."""

    bias: float
    weights: Mapping[str, float]

    def score(self, features: Mapping[str, float]) -> float:
        unknown = set(features) - set(self.weights)
        if unknown:
            raise KeyError(f"features without a weight: {', '.join(sorted(unknown))}")
        z = self.bias + sum(self.weights[name] * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-z))


def _frozen(weights: dict[str, float]) -> Mapping[str, float]:
    return MappingProxyType(weights)


#: a measure: how much of its subject the item shares (rare words count more), in the headline and lead,
#: its direction among the item's sectors, its responsible bodies named, the kind of interaction
MEASURE = Logit(
    bias=-4.7,
    weights=_frozen(
        {
            "topic": 3.3,  # idf-weighted share of the measure's subject stems found in the item
            "lead_topic": 2.2,  # the same share in the headline and first paragraph
            "rare": 1.7,  # stems no other measure has (caps at two)
            "sector": 0.8,  # the measure's direction is one of the item's sectors
            "bodies": 1.2,  # share of the measure's responsible bodies the item names (caps at two)
            "exchange": 0.0,  # the parties meet in an event or a document (not only both named)
            "bilateral": 0.0,  # no other state is part of the item's interactions
            "document": 1.4,  # a measure about a document: the item reports a document of that kind
            "no_document": -1.0,  # … and the item reports none
            "closed": -1.4,  # the measure is done and the item is dated after its deadline
            "estimated": -0.5,  # the date is estimated, not read from the item's front matter
        }
    ),
)

#: an agreement of the register: the item's document is of its kind, about its subject, between its parties
AGREEMENT = Logit(
    bias=-3.0,
    weights=_frozen(
        {
            "topic": 3.5,  # share of the agreement title's subject stems found in the item
            "lead_topic": 1.5,
            "same_parties": 1.0,  # the document's parties are exactly the agreement's
            "sector": 0.5,  # one of the agreement's sectors among the item's
            "near_signing": 1.5,  # a signed agreement: dated within days of its signing
            "step": 0.5,  # the item reports the next step of its lifecycle (signed, negotiating)
            "estimated": -0.8,
        }
    ),
)

#: a project: its companies named, words of its title, its region, its direction
PROJECT = Logit(
    bias=-3.5,
    weights=_frozen(
        {
            "companies": 3.0,  # share of the project's companies named (caps at one)
            "topic": 3.0,
            "lead_topic": 1.5,
            "region": 0.7,
            "sector": 0.5,
            "estimated": -0.8,
        }
    ),
)

#: a signed document between a roadmap's parties that no register entry matches (the item must
#: report its signing: a document only mentioned is not a new entry)
NEW_AGREEMENT = Logit(
    bias=-0.5,
    weights=_frozen(
        {
            "document_pair": 1.0,  # the document itself names the two parties
            "known_date": 0.8,  # the signing day is read from the front matter, not estimated
            "commercial": -0.6,  # a contract between companies: registered less often
        }
    ),
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """A proposal is made (and shown for review) only at or above its kind's threshold."""

    by_kind: Mapping[str, float] = field(default_factory=dict)
    default: float = 0.5

    def of(self, kind: str) -> float:
        return self.by_kind.get(kind, self.default)


#: chosen on the tuning part of bench/proposals: the lowest threshold at which the precision of what
#: the review queue shows stays at or above 0.8 with a margin (0.88 there; 0.80 at 0.3)
SHOWN = Thresholds(by_kind=_frozen({}), default=0.4)


@dataclass(frozen=True, slots=True)
class Weights:
    """Everything the scoring reads besides the record and the item."""

    measure: Logit = MEASURE
    agreement: Logit = AGREEMENT
    project: Logit = PROJECT
    new_agreement: Logit = NEW_AGREEMENT
    shown: Thresholds = SHOWN
    #: at most this many measures and projects per item (the best ones)
    max_measures: int = 3
    max_projects: int = 2
    #: a signed agreement: an item this many days from the signing may be its report
    near_signing_days: int = 30
    #: below-threshold candidates named in the item's notes, to say what was considered
    max_held: int = 2
    #: how much a word that only names a direction («здравоохранение», «культура») says of a subject
    sector_word: float = 0.3
    #: added to every subject's weight, so that one shared word of a thin subject is not a full match
    subject_prior: float = 2.0
    #: the share of a register entry's subject an item must share to be about that entry (not a new one)
    same_document: float = 0.5


WEIGHTS = Weights()

#: extraction document type → agreement kinds of the register it may be
DOCUMENT_KINDS: Mapping[str, tuple[str, ...]] = _frozen(
    {
        "roadmap": ("roadmap",),
        "memorandum": ("memorandum",),
        "agreement": ("agreement", "treaty"),
        "protocol": ("protocol",),
        "program": ("program",),
        "declaration": ("declaration",),
        "contract": ("contract",),
    }
)  # type: ignore[arg-type]

#: words that name a kind of document or an act of cooperation, not a subject: an agreement
#: «о сотрудничестве в области ветеринарии» is about veterinary medicine, nothing else it says
GENERIC_WORDS = [
    "соглашение",
    "меморандум",
    "договор",
    "программа",
    "протокол",
    "декларация",
    "контракт",
    "дорожный",
    "карта",
    "сотрудничество",
    "взаимодействие",
    "сфера",
    "иллюстративно",
    "подписать",
    "подписанный",
    "утвержденный",
    "проведенный",
    "действующий",
    "пакет",
    "документ",
    "межправительственный",
    "между",
    "переговоры",
    "отраслевой",
    "направление",
    "экономический",
    "совместный",
    "план",
    "мера",
    "предложение",
    "перечень",
    "развитие",
    "участие",
    "возможность",
    "организация",
    "нужда",
    "территория",
]
GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_WORDS)

#: words that name a direction of cooperation rather than a measure's own subject: the direction
#: is a feature of its own, so «здравоохранение» alone must not make every health measure a match
SECTOR_WORDS = [
    "промышленность",
    "промышленный",
    "здравоохранение",
    "культура",
    "культурный",
    "туризм",
    "туристический",
    "спорт",
    "спортивный",
    "торговля",
    "торговый",
    "сельский",
    "хозяйство",
    "сельскохозяйственный",
    "агропромышленный",
    "цифровой",
    "экология",
    "экологический",
    "окружающий",
    "среда",
    "безопасность",
    "региональный",
    "межрегиональный",
    "правовой",
    "инвестиционный",
    "инвестиция",
    "инфраструктурный",
    "инфраструктура",
    "транспорт",
    "транспортный",
    "логистика",
    "логистический",
    "энергетика",
    "образование",
]
SECTOR_STEMS = frozenset(stem(w) for w in SECTOR_WORDS)

#: a measure whose title names a document is about that document: lemma → extraction document type
DOCUMENT_WORDS: Mapping[str, str] = _frozen(
    {
        "соглашение": "agreement",
        "договор": "agreement",
        "меморандум": "memorandum",
        "программа": "program",
        "протокол": "protocol",
        "декларация": "declaration",
        "контракт": "contract",
        "карта": "roadmap",
    }
)  # type: ignore[arg-type]


def document_named(title: str) -> str | None:
    """The kind of document a measure's title names («Подписать программу…» → program), if any."""
    return next((DOCUMENT_WORDS[w] for w in lemmas(title) if w in DOCUMENT_WORDS), None)
