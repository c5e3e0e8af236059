"""`accord demo --load`: the Belarus–Kyrgyzstan roadmap to 2030 as a working example.

Real: the parties, the bodies, the two heads of government, the 2006 treaty, the
roadmap and memoranda signed in Minsk on 29 September 2025, the 29 September 2025
talks, the trade figures the starting facts state and the USD 500 million target.
Illustrative (flagged `illustrative` and labelled in every view): the measures,
the commission's session and decisions, the projects, the other agreements and
the other trade figures.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from accord.demo.bk2030_directory import ALIASES, ORGANIZATIONS, PEOPLE
from accord.demo.bk2030_measures import DIRECTIONS, MEASURES
from accord.domain.due import Due
from accord.domain.kinds import AgreementKind, AgreementLevel, BodyKind, ProjectStage
from accord.domain.numbering import sort_key
from accord.domain.status import AgreementStatus
from accord.store.db import Database
from accord.store.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Assignment,
    Body,
    BodyMember,
    Decision,
    Direction,
    Event,
    EventCountry,
    EventParticipant,
    Indicator,
    Measure,
    Measurement,
    Milestone,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Position,
    ProgressNote,
    Project,
    ProjectCompany,
    Roadmap,
    RoadmapParty,
)
from accord.store.models import (
    Session as CommissionSession,
)

EXAMPLE_CODE = "by-kg-2030"
ACTOR = "accord-demo"
TALKS = date(2025, 9, 29)
ILLUSTRATIVE = "иллюстративные данные примера"


def relative_due(spec: str, today: date) -> Due:
    """Resolve "q-2", "d+30", "y+1" or "ongoing" against the day the example is loaded."""
    if spec == "ongoing":
        return Due.ongoing()
    kind, offset = spec[0], int(spec[1:])
    if kind == "d":
        return Due.of_date(today + timedelta(days=offset))
    if kind == "y":
        return Due.of_year(today.year + offset)
    quarter_index = today.year * 4 + (today.month - 1) // 3 + offset
    return Due.of_quarter(quarter_index // 4, quarter_index % 4 + 1)


def _directory(session: Session) -> tuple[dict[str, Organization], dict[str, Person]]:
    orgs: dict[str, Organization] = {}
    for key, country, kind, name, short, name_en in ORGANIZATIONS:
        org = Organization(name=name, short_name=short, name_en=name_en, kind=kind, country_code=country)
        org.aliases = [OrganizationAlias(alias=a) for a in ALIASES.get(key, [])]
        orgs[key] = org
        session.add(org)
    people: dict[str, Person] = {}
    for key, first, patronymic, last, name_en, country, title, title_en, org_key in PEOPLE:
        person = Person(first_name=first, patronymic=patronymic, last_name=last, name_en=name_en, country_code=country)
        person.aliases = [PersonAlias(alias=a) for a in ALIASES.get(key, [])]
        person.positions.append(
            Position(
                title=title,
                title_en=title_en,
                organization=orgs[org_key],
                country_code=country,
                source="talks in Minsk, 29 September 2025",
            )
        )
        people[key] = person
        session.add(person)
    session.flush()
    return orgs, people


def _roadmap(session: Session, orgs: dict[str, Organization], today: date) -> Roadmap:
    roadmap = Roadmap(
        code=EXAMPLE_CODE,
        title="Дорожная карта экономического сотрудничества Республики Беларусь и Кыргызской Республики до 2030 года",
        title_en="Roadmap of economic cooperation between Belarus and Kyrgyzstan to 2030",
        signed_on=TALKS,
        signed_at="Минск",
        horizon_year=2030,
        illustrative=True,
        description=(
            "Подписана 29 сентября 2025 года в Минске на переговорах глав правительств. Текст дорожной карты "
            "не опубликован: мероприятия примера иллюстративные."
        ),
    )
    roadmap.parties = [RoadmapParty(country_code="BY", ordinal=0), RoadmapParty(country_code="KG", ordinal=1)]
    roadmap.directions = [
        Direction(sector=sector, title=title, title_en=title_en, ordinal=i)
        for i, (sector, title, title_en) in enumerate(DIRECTIONS, start=1)
    ]
    session.add(roadmap)
    session.flush()
    by_sector = {d.sector: d for d in roadmap.directions}
    for number, sector, title, result, by, kg, due, status, note in MEASURES:
        measure = Measure(
            roadmap=roadmap,
            direction_id=by_sector[sector].id,
            number=number,
            sort_key=sort_key(number),
            title=title,
            expected_result=result,
            status=status,
            note=note or None,
            illustrative=True,
        )
        measure.due = relative_due(due, today)
        position = 0
        for party, keys in (("BY", by), ("KG", kg)):
            for key in keys:
                measure.assignments.append(
                    Assignment(organization=orgs[key], country_code=party, role="responsible", ordinal=position)
                )
                position += 1
        if note:
            noted = min(today, measure.due_on) if measure.due_on else today
            measure.notes.append(ProgressNote(on=noted, text=note, author=ACTOR))
        session.add(measure)
    session.flush()
    _indicators(session, roadmap, today)
    return roadmap


def _indicators(session: Session, roadmap: Roadmap, today: date) -> None:
    measures = {m.number: m for m in roadmap.measures}
    doctors = Indicator(
        name="Врачи, прошедшие стажировку (иллюстративно)",
        unit="чел.",
        baseline=Decimal(0),
        baseline_on=TALKS,
        target=Decimal(60),
        target_on=date(2030, 12, 31),
    )
    doctors.measurements = [
        Measurement(on=today - timedelta(days=200), value=Decimal(8), source=ILLUSTRATIVE),
        Measurement(on=today - timedelta(days=30), value=Decimal(19), source=ILLUSTRATIVE),
    ]
    measures["9.1"].indicators.append(doctors)
    plants = Indicator(
        name="Собрано единиц сельхозтехники (иллюстративно)",
        unit="шт.",
        baseline=Decimal(0),
        baseline_on=TALKS,
        target=Decimal(300),
        target_on=date(2028, 12, 31),
    )
    measures["2.1"].indicators.append(plants)
    session.flush()


def _agreements(session: Session, roadmap: Roadmap) -> list[Agreement]:
    def make(
        title: str,
        kind: AgreementKind,
        level: AgreementLevel,
        sectors: list[str],
        steps: list[tuple[AgreementStatus, date]],
        illustrative: bool,
        source: str,
        signed_at: str | None = None,
        horizon: int | None = None,
        title_en: str | None = None,
    ) -> Agreement:
        agreement = Agreement(
            title=title,
            title_en=title_en,
            kind=kind.value,
            level=level.value,
            status=AgreementStatus.DRAFT.value,
            signed_at=signed_at,
            horizon_year=horizon,
            source=source,
            roadmap_id=roadmap.id if kind is not AgreementKind.TREATY else None,
            illustrative=illustrative,
        )
        agreement.parties = [AgreementParty(country_code="BY"), AgreementParty(country_code="KG")]
        agreement.sectors = [AgreementSector(sector=s) for s in sectors]
        for status, on in steps:
            agreement.transition(status, on)
        session.add(agreement)
        return agreement

    made = [
        make(
            "Договор о дружбе и сотрудничестве между Республикой Беларусь и Кыргызской Республикой",
            AgreementKind.TREATY,
            AgreementLevel.INTERSTATE,
            [],
            [(AgreementStatus.SIGNED, date(2006, 11, 27))],
            False,
            "базовый договор двусторонних отношений (подписан 27 ноября 2006 года)",
            title_en="Treaty of Friendship and Cooperation between Belarus and Kyrgyzstan",
        ),
        make(
            "Дорожная карта экономического сотрудничества до 2030 года",
            AgreementKind.ROADMAP,
            AgreementLevel.INTERGOVERNMENTAL,
            ["digital", "security", "legal", "healthcare", "environment", "trade", "industry", "agriculture"],
            [(AgreementStatus.SIGNED, TALKS)],
            False,
            "переговоры глав правительств в Минске, 29 сентября 2025 года",
            signed_at="Минск",
            horizon=2030,
            title_en="Roadmap of economic cooperation to 2030",
        ),
        make(
            "Отраслевые меморандумы о сотрудничестве (пакет документов, подписанный на переговорах)",
            AgreementKind.MEMORANDUM,
            AgreementLevel.INTERAGENCY,
            ["digital", "security", "legal", "healthcare", "environment"],
            [(AgreementStatus.SIGNED, TALKS)],
            False,
            "переговоры глав правительств в Минске, 29 сентября 2025 года",
            signed_at="Минск",
            title_en="Sector memoranda of cooperation (package signed at the talks)",
        ),
        make(
            "Соглашение о сотрудничестве в области ветеринарии (иллюстративно)",
            AgreementKind.AGREEMENT,
            AgreementLevel.INTERAGENCY,
            ["agriculture"],
            [(AgreementStatus.NEGOTIATING, date(2025, 11, 10))],
            True,
            ILLUSTRATIVE,
        ),
        make(
            "Программа межрегионального сотрудничества на 2026–2028 годы (иллюстративно)",
            AgreementKind.PROGRAM,
            AgreementLevel.REGIONAL,
            ["regional"],
            [],
            True,
            ILLUSTRATIVE,
        ),
        make(
            "Контракт на поставку коммунальной техники (иллюстративно)",
            AgreementKind.CONTRACT,
            AgreementLevel.COMMERCIAL,
            ["industry", "trade"],
            [(AgreementStatus.SIGNED, date(2026, 4, 15)), (AgreementStatus.IN_FORCE, date(2026, 4, 15))],
            True,
            ILLUSTRATIVE,
            signed_at="Бишкек",
        ),
        make(
            "Меморандум о сотрудничестве в сфере туризма (иллюстративно)",
            AgreementKind.MEMORANDUM,
            AgreementLevel.INTERAGENCY,
            ["tourism"],
            [(AgreementStatus.NEGOTIATING, date(2026, 3, 1))],
            True,
            ILLUSTRATIVE,
        ),
    ]
    # The treaty has been in force for many years; its entry-into-force date is not in the starting facts.
    made[0].status = AgreementStatus.IN_FORCE.value
    session.flush()
    return made


def _commission(session: Session, roadmap: Roadmap, orgs: dict[str, Organization], today: date) -> Body:
    body = Body(
        name="Межправительственная белорусско-кыргызская комиссия по торгово-экономическому сотрудничеству",
        name_en="Belarus–Kyrgyzstan Intergovernmental Commission on Trade and Economic Cooperation",
        kind=BodyKind.COMMISSION.value,
        roadmap_id=roadmap.id,
    )
    session.add(body)
    group = Body(
        name="Рабочая группа по промышленной кооперации (иллюстративно)",
        name_en="Working group on industrial cooperation (illustrative)",
        kind=BodyKind.WORKING_GROUP.value,
        parent=body,
        roadmap_id=roadmap.id,
    )
    session.add(group)
    for country, label in (("BY", "Беларуси"), ("KG", "Кыргызстана")):
        chair = Person(
            first_name=None,
            last_name=f"Сопредседатель от {label} (вице-премьер; имя в примере не указано)",
            country_code=country,
            illustrative=True,
        )
        session.add(chair)
        body.members.append(BodyMember(person=chair, country_code=country, role="co_chair"))
    held = today - timedelta(days=150)
    meeting = CommissionSession(
        body=body,
        number=1,
        held_on=held,
        place="Бишкек",
        summary="Заседание примера: рассмотрен ход выполнения дорожной карты (иллюстративно).",
        illustrative=True,
    )
    decisions = [
        ("1", "Подготовить предложения по устранению барьеров во взаимной торговле", "by-trade", today - timedelta(days=40), "in_progress"),
        ("2", "Согласовать площадку для сборочного производства сельхозтехники", "kg-econ", today - timedelta(days=90), "done"),
        ("3", "Внести на подпись проект соглашения о сотрудничестве в области ветеринарии", "by-agri", today + timedelta(days=35), "planned"),
        ("4", "Подготовить график Дней культуры на 2027 год", "kg-culture", today + timedelta(days=120), "planned"),
    ]
    for number, text, owner, due, status in decisions:
        meeting.decisions.append(
            Decision(number=number, sort_key=sort_key(number), text=text, owner=orgs[owner], due_on=due, status=status)
        )
    session.add(meeting)
    session.add(
        CommissionSession(
            body=body,
            number=2,
            held_on=today + timedelta(days=60),
            place="Минск",
            summary="Следующее заседание (иллюстративно).",
            illustrative=True,
        )
    )
    session.flush()
    return body


def _projects(session: Session, roadmap: Roadmap, orgs: dict[str, Organization], today: date) -> list[Project]:
    directions = {d.sector: d for d in roadmap.directions}
    specs = [
        ("Сборочное производство сельскохозяйственной техники в Чуйской области", "joint_production", ProjectStage.PREPARATION, "Чуйская область", "12000000", "USD", ["by-gomselmash", "by-mtz"], "industry"),
        ("Поставки коммунальной техники для города Бишкек", "supply", ProjectStage.IMPLEMENTATION, "Бишкек", "4500000", "USD", ["by-mtz"], "trade"),
        ("Комплекс переработки твердых бытовых отходов по белорусским технологиям", "investment", ProjectStage.IDEA, "Бишкек", "30000000", "USD", [], "environment"),
        ("Сборка лифтового оборудования", "joint_production", ProjectStage.IDEA, "Бишкек", None, None, ["by-lift"], "industry"),
    ]
    made = []
    for title, kind, stage, region, value, currency, companies, sector in specs:
        project = Project(
            title=f"{title} (иллюстративно)",
            kind=kind,
            stage=stage.value,
            country_code="KG",
            region=region,
            value=Decimal(value) if value else None,
            currency=currency,
            description="Проект примера: показывает, как accord ведет инвестиционные проекты (иллюстративно).",
            roadmap_id=roadmap.id,
            direction_id=directions[sector].id,
            started_on=today - timedelta(days=300),
            illustrative=True,
        )
        project.companies = [ProjectCompany(organization=orgs[k], role="участник") for k in companies]
        project.milestones = [
            Milestone(title="Технико-экономическое обоснование", due_on=today - timedelta(days=120), done_on=today - timedelta(days=130)),
            Milestone(title="Выбор площадки", due_on=today + timedelta(days=45)),
            Milestone(title="Начало работ", due_on=today + timedelta(days=300)),
        ]
        session.add(project)
        made.append(project)
    session.flush()
    return made


def _talks(session: Session, people: dict[str, Person]) -> Event:
    event = Event(
        kind="talks",
        title="Переговоры глав правительств Беларуси и Кыргызстана в Минске",
        held_on=TALKS,
        location="Минск",
        summary=(
            "Официальный визит кыргызской делегации; переговоры в узком и расширенном форматах; подписаны "
            "дорожная карта экономического сотрудничества до 2030 года и отраслевые меморандумы."
        ),
        facts={"types": ["official_visit", "talks", "signing"], "documents": ["roadmap", "memorandum"]},
    )
    event.countries = [EventCountry(country_code="BY"), EventCountry(country_code="KG")]
    event.participants = [
        EventParticipant(person_id=people["turchin"].id, position="премьер-министр"),
        EventParticipant(person_id=people["kasymaliev"].id, position="председатель кабинета министров"),
    ]
    session.add(event)
    session.flush()
    return event


def load_example(db: Database, today: date) -> dict[str, int]:
    """Fill an empty database with the example in one audited transaction."""
    with db.transaction(actor=ACTOR, reason="accord demo --load") as session:
        orgs, people = _directory(session)
        roadmap = _roadmap(session, orgs, today)
        agreements = _agreements(session, roadmap)
        _commission(session, roadmap, orgs, today)
        projects = _projects(session, roadmap, orgs, today)
        _talks(session, people)
        from accord.demo.rates import load_rates
        from accord.demo.trade import load_trade

        load_trade(session, roadmap)
        rates = load_rates(session)
    return {
        "measures": len(MEASURES),
        "directions": len(DIRECTIONS),
        "organisations": len(orgs),
        "agreements": len(agreements),
        "projects": len(projects),
        "illustrative exchange rates": rates.added,
    }
