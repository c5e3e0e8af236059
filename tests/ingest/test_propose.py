"""Scoring proposals without a database: the time, party and subject gates, the named weights, the dates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from accord.ingest.propose import candidates, interactions, propose
from accord.ingest.propose_load import item_facts
from accord.ingest.propose_model import (
    AgreementView,
    Certainty,
    DateBasis,
    Dating,
    ItemFacts,
    MeasureView,
    ProjectView,
    Record,
    RoadmapView,
    dating_of,
)
from accord.ingest.propose_weights import WEIGHTS, Logit, Thresholds, Weights, document_named
from accord.ingest.propose_words import phrases, stem, stems
from accord.news.model import Extraction

SIGNED = date(2025, 9, 29)
BY_MINISTRY, KG_MINISTRY, LIFT_MAKER = 1, 2, 3


def measure(
    id_: int, number: str, title: str, sector: str, status: str, due: date | None = None
) -> MeasureView:
    return MeasureView(
        id=id_,
        number=number,
        title=title,
        sector=sector,
        stems=stems(title),
        orgs=frozenset({BY_MINISTRY, KG_MINISTRY}),
        starts=SIGNED,
        due=due,
        status=status,
        parties=frozenset({"BY", "KG"}),
        roadmap="by-kg-2030",
        document=document_named(title),
        phrases=phrases(title),
    )


@pytest.fixture(scope="module")
def record() -> Record:
    return Record(
        roadmaps=[RoadmapView(1, "by-kg-2030", frozenset({"BY", "KG"}), SIGNED)],
        measures=[
            measure(
                1,
                "2.3",
                "Проработать вопрос сборки лифтового оборудования на территории Кыргызстана",
                "industry",
                "planned",
            ),
            measure(
                2,
                "3.1",
                "Подготовить соглашение о сотрудничестве в области ветеринарии",
                "agriculture",
                "in_progress",
            ),
            measure(
                3,
                "13.1",
                "Провести Дни культуры Беларуси в Кыргызстане",
                "culture",
                "done",
                date(2026, 12, 31),
            ),
            measure(4, "13.2", "Провести Дни культуры Кыргызстана в Беларуси", "culture", "planned"),
            measure(
                5,
                "3.2",
                "Организовать поставки племенного скота и генетического материала",
                "agriculture",
                "planned",
            ),
        ],
        agreements=[
            AgreementView(
                id=10,
                title="Соглашение о сотрудничестве в области ветеринарии (иллюстративно)",
                kind="agreement",
                parties=frozenset({"BY", "KG"}),
                sectors=frozenset({"agriculture"}),
                signed_on=None,
                status="negotiating",
                stems=stems("Соглашение о сотрудничестве в области ветеринарии (иллюстративно)"),
                last_step_on=date(2025, 11, 10),
            )
        ],
        projects=[
            ProjectView(
                id=20,
                title="Сборка лифтового оборудования (иллюстративно)",
                stems=stems("Сборка лифтового оборудования (иллюстративно)"),
                companies=frozenset({LIFT_MAKER}),
                parties=frozenset({"BY", "KG"}),
                sector="industry",
                started_on=date(2026, 1, 31),
            )
        ],
        org_countries={BY_MINISTRY: "BY", KG_MINISTRY: "KG", LIFT_MAKER: "BY"},
    )


def extraction(
    countries: list[str], *, events: list[Any] = (), documents: list[Any] = (), sectors: list[str] = ()
) -> Extraction:  # type: ignore[assignment]
    """What the reader found, written as it is stored."""
    return Extraction.from_dict(
        {"countries": countries, "events": list(events), "documents": list(documents), "sectors": list(sectors)}
    )


def facts(
    text: str,
    found: Extraction,
    day: date | None,
    basis: DateBasis | None = DateBasis.DATELINE,
    orgs: list[int] = (),
) -> ItemFacts:  # type: ignore[assignment]
    title = text.splitlines()[0]
    labels = {BY_MINISTRY: "Минпром", KG_MINISTRY: "Минэкономкоммерции КР", LIFT_MAKER: "Могилевлифтмаш"}
    return item_facts(text, title, found, Dating(day, basis if day else None), list(orgs), labels)


LIFTS = (
    "В Бишкеке начнут собирать белорусские лифты\n"
    "Минск, 3 ноября. ОАО «Могилевлифтмаш» и кыргызская компания подписали контракт о сборке лифтового "
    "оборудования в Бишкеке. Контракт подписан в присутствии министра промышленности Беларуси."
)
LIFTS_FOUND = extraction(
    ["BY", "KG"],
    events=[{"type": "signing", "countries": ["BY", "KG"], "location": "Минск"}],
    documents=[{"type": "contract", "countries": ["BY", "KG"], "until": None, "status": "signed"}],
    sectors=["industry"],
)


def kinds(proposals: list[Any]) -> set[tuple[str, int | None]]:
    return {(p.kind, p.target_id) for p in proposals}


def test_a_dated_bilateral_item_on_a_measures_subject_proposes_it_its_project_and_a_new_entry(
    record: Record,
) -> None:
    outcome = propose(record, facts(LIFTS, LIFTS_FOUND, date(2026, 11, 3), orgs=[LIFT_MAKER]))
    assert kinds(outcome.proposals) == {
        ("measure_progress", 1),
        ("project_evidence", 20),
        ("new_agreement", None),
    }
    new = next(p for p in outcome.proposals if p.kind == "new_agreement")
    assert new.fact["on"] == "2026-11-03" and new.fact["parties"] == ["BY", "KG"]
    assert all(0.0 < p.score <= 1.0 and p.reason for p in outcome.proposals)


def test_an_undated_item_proposes_nothing_and_says_so(record: Record) -> None:
    outcome = propose(record, facts(LIFTS, LIFTS_FOUND, None, orgs=[LIFT_MAKER]))
    assert outcome.proposals == [] and candidates(record, facts(LIFTS, LIFTS_FOUND, None)) == []
    assert any(n.startswith("undated") and "today is not assumed" in n for n in outcome.notes)


def test_an_item_before_the_roadmap_is_history_and_may_only_propose_a_new_register_entry(
    record: Record,
) -> None:
    outcome = propose(record, facts(LIFTS, LIFTS_FOUND, date(2016, 11, 3), orgs=[LIFT_MAKER]))
    assert kinds(outcome.proposals) == {("new_agreement", None)}
    assert "before the roadmap was signed" in outcome.proposals[0].reason
    assert any(n.startswith("history: dated 2016-11-03") and "2025-09-29" in n for n in outcome.notes)


def test_an_item_before_a_projects_start_proposes_nothing_for_the_project(record: Record) -> None:
    outcome = propose(record, facts(LIFTS, LIFTS_FOUND, date(2025, 12, 1), orgs=[LIFT_MAKER]))
    assert ("project_evidence", 20) not in kinds(outcome.proposals)
    assert ("measure_progress", 1) in kinds(outcome.proposals)
    assert any("project «Сборка лифтового" in n and "2026-01-31" in n for n in outcome.notes)


def test_an_item_about_other_states_proposes_nothing_for_the_roadmap(record: Record) -> None:
    text = LIFTS.replace("кыргызская", "вьетнамская").replace("Бишкеке", "Ханое")
    found = extraction(
        ["BY", "VN"],
        events=[{"type": "signing", "countries": ["BY", "VN"], "location": "Ханой"}],
        documents=[{"type": "contract", "countries": ["BY", "VN"], "until": None, "status": "signed"}],
        sectors=["industry"],
    )
    outcome = propose(record, facts(text, found, date(2026, 11, 3), orgs=[LIFT_MAKER]))
    assert outcome.proposals == []
    assert any(
        n.startswith("about BY–VN: not between the parties of roadmap by-kg-2030") for n in outcome.notes
    )


def test_an_event_between_other_states_outweighs_the_item_naming_the_parties(record: Record) -> None:
    text = "Беларусь и Китай обсудили сборку лифтового оборудования\nРанее лифты поставлялись в Кыргызстан."
    found = extraction(
        ["BY", "CN", "KG"], events=[{"type": "talks", "countries": ["BY", "CN"], "location": None}]
    )
    assert [link.pair for link in interactions(found, {}, [])] == [frozenset({"BY", "CN"})]
    assert propose(record, facts(text, found, date(2026, 10, 10))).proposals == []


def test_a_pair_inside_a_multilateral_item_counts(record: Record) -> None:
    text = (
        "Главы правительств ЕАЭС встретились в Минске\n"
        "На полях заседания стороны обсудили сборку лифтового оборудования в Кыргызстане."
    )
    found = extraction(
        ["AM", "BY", "KG", "KZ", "RU"],
        events=[
            {"type": "commission_session", "countries": ["AM", "BY", "KG", "KZ", "RU"], "location": "Минск"}
        ],
        sectors=["industry"],
    )
    proposals = candidates(record, facts(text, found, date(2026, 10, 23)))
    assert ("measure_progress", 1) in kinds(proposals)


def test_kind_and_parties_alone_are_not_evidence(record: Record) -> None:
    text = (
        "Беларусь и Кыргызстан подписали соглашение о поставках зерна\n"
        "Минск, 2 июля. Министерства сельского хозяйства двух стран подписали соглашение о взаимных поставках зерна."
    )
    found = extraction(
        ["BY", "KG"],
        events=[{"type": "signing", "countries": ["BY", "KG"], "location": "Минск"}],
        documents=[{"type": "agreement", "countries": ["BY", "KG"], "until": None, "status": "signed"}],
        sectors=["agriculture"],
    )
    found_kinds = kinds(candidates(record, facts(text, found, date(2026, 7, 2))))
    assert ("agreement_signed", 10) not in found_kinds and ("agreement_evidence", 10) not in found_kinds
    assert ("new_agreement", None) in found_kinds  # an agreement on grain is not the veterinary one


def test_a_reported_signing_moves_the_agreement_under_negotiation_one_step(record: Record) -> None:
    text = (
        "Беларусь и Кыргызстан подписали соглашение о ветеринарии\n"
        "Бишкек, 20 ноября. Министры подписали соглашение о сотрудничестве в области ветеринарии: "
        "ветеринарные сертификаты будут признаваться взаимно."
    )
    found = extraction(
        ["BY", "KG"],
        events=[{"type": "signing", "countries": ["BY", "KG"], "location": "Бишкек"}],
        documents=[
            {"type": "agreement", "countries": ["BY", "KG"], "until": None, "status": "signed"},
            {"type": "agreement", "countries": ["BY", "KG"], "until": None, "status": "planned"},
        ],
        sectors=["agriculture"],
    )
    outcome = propose(record, facts(text, found, date(2026, 11, 20)))
    on_agreement = [p for p in outcome.proposals if p.target == "agreement"]
    assert [(p.kind, p.fact["to"], p.fact["on"]) for p in on_agreement] == [
        ("agreement_signed", "signed", "2026-11-20")
    ]
    assert ("measure_evidence", 2) in kinds(outcome.proposals)
    assert ("new_agreement", None) not in kinds(outcome.proposals)
    before_last_step = propose(record, facts(text, found, date(2025, 10, 1)))
    assert not [p for p in before_last_step.proposals if p.target == "agreement"]
    assert any("was last moved (2025-11-10)" in n for n in before_last_step.notes)


def test_of_mirrored_measures_the_one_the_item_names_is_kept(record: Record) -> None:
    text = (
        "Дни культуры Кыргызстана пройдут в Беларуси\n"
        "Минск, 4 ноября. Министры культуры утвердили программу Дней культуры Кыргызстана в Беларуси."
    )
    found = extraction(
        ["BY", "KG"],
        events=[{"type": "talks", "countries": ["BY", "KG"], "location": "Минск"}],
        sectors=["culture"],
    )
    numbers = {p.target_id for p in candidates(record, facts(text, found, date(2026, 11, 4)))}
    assert 4 in numbers and 3 not in numbers


def test_an_estimated_date_scores_lower_and_is_named_in_the_reason(record: Record) -> None:
    known = candidates(record, facts(LIFTS, LIFTS_FOUND, date(2026, 11, 3), DateBasis.BYLINE, [LIFT_MAKER]))
    estimated = candidates(
        record, facts(LIFTS, LIFTS_FOUND, date(2026, 11, 3), DateBasis.SENTENCE, [LIFT_MAKER])
    )
    by_target = {(p.kind, p.target_id): p for p in known}
    for p in estimated:
        assert p.score < by_target[(p.kind, p.target_id)].score
    assert any("date estimated 2026-11-03 (from a dated sentence in the text)" in p.reason for p in estimated)


def test_only_proposals_at_or_above_their_threshold_are_made_and_the_rest_are_noted(record: Record) -> None:
    item = facts(LIFTS, LIFTS_FOUND, date(2026, 11, 3), orgs=[LIFT_MAKER])
    everything = candidates(record, item)
    strict = Weights(shown=Thresholds({}, default=0.999))
    outcome = propose(record, item, strict)
    assert outcome.proposals == [] and len(everything) > 0
    assert sum(n.startswith("held back at") for n in outcome.notes) == min(len(everything), strict.max_held)


def test_a_logistic_score_reads_named_features_only() -> None:
    logit = Logit(bias=-1.0, weights={"topic": 2.0, "sector": 1.0})
    assert logit.score({}) == pytest.approx(0.2689, abs=1e-4)
    assert logit.score({"topic": 1.0}) > logit.score({"topic": 0.5}) > logit.score({})
    with pytest.raises(KeyError, match="features without a weight: colour"):
        logit.score({"colour": 1.0})
    for model in (WEIGHTS.measure, WEIGHTS.agreement, WEIGHTS.project, WEIGHTS.new_agreement):
        assert model.weights and all(isinstance(w, float) for w in model.weights.values())


@pytest.mark.parametrize(
    ("found", "published", "text", "expected"),
    [
        ({"date": None}, None, "", (None, None, Certainty.UNKNOWN)),
        (
            {"date": "2026-11-03", "extra": {"date_basis": "byline"}},
            None,
            "",
            (date(2026, 11, 3), DateBasis.BYLINE, Certainty.KNOWN),
        ),
        (
            {"date": "2026-10-16", "extra": {"date_basis": "sentence"}},
            None,
            "",
            (date(2026, 10, 16), DateBasis.SENTENCE, Certainty.ESTIMATED),
        ),
        (
            {"date": "2026-10-16", "extra": {"date_basis": "sentence"}},
            date(2026, 10, 17),
            "",
            (date(2026, 10, 17), DateBasis.FEED, Certainty.KNOWN),
        ),
        ({"date": None}, date(2026, 10, 17), "", (date(2026, 10, 17), DateBasis.FEED, Certainty.KNOWN)),
        (
            {"date": "2026-11-03", "extra": {"date_basis": "dateline"}},
            date(2026, 11, 4),
            "",
            (date(2026, 11, 3), DateBasis.DATELINE, Certainty.KNOWN),
        ),
        ({"date": "2026-11-03"}, None, "текст", (date(2026, 11, 3), DateBasis.UNSTATED, Certainty.ESTIMATED)),
        (
            {"date": "2026-11-03"},
            None,
            "date 2026-11-03 crawled\nтекст",
            (date(2026, 11, 3), DateBasis.HEADER, Certainty.KNOWN),
        ),
        (
            {"date": "not a date", "extra": {"date_basis": "byline"}},
            None,
            "",
            (None, None, Certainty.UNKNOWN),
        ),
    ],
)
def test_an_items_date_is_known_estimated_or_unknown(
    found: dict[str, Any], published: date | None, text: str, expected: tuple[Any, Any, Certainty]
) -> None:
    dating = dating_of(Extraction.from_dict(found), published, text)
    assert (dating.day, dating.basis, dating.certainty) == expected


def test_stems_join_a_noun_and_its_adjective() -> None:
    assert stem("ветеринария") == stem("ветеринарный")
    assert stem("лифт") == stem("лифтовой")
    assert document_named("Подписать программу сотрудничества в области здравоохранения") == "program"
    assert document_named("Организовать поставки племенного скота") is None
